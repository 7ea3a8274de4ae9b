"""batch: many inputs through ``reconstruct`` and ``render``, on all cores, results in input order.

Inputs are paths, globs, folders (walked recursively for pages and web archives), URLs, ``-``, or
web archives (``.warc``, ``.warc.gz``: every HTML page captured in one is an input, see
:mod:`threads.warc`). Each becomes an :class:`Item` with a location and an output name derived from
it; names are made unique within a run (``story.md``, ``story-2.md``) so no two inputs ever land on
one file. :func:`run` streams one
:class:`Result` per item in input order while at most a few items per worker are in flight, so memory
stays flat however many inputs there are. A failing input is a failed Result, never an exception
that stops the batch.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO
from urllib.parse import urlsplit

from . import storage
from .errors import ThreadsError, UnreadableInput, one_input
from .limits import time_limit
from .model import Options
from .output import write_atomic
from .storage import is_url, listing
from .warc import archive_stem, is_archive

if TYPE_CHECKING:
    from .load import Kind
    from .model import Reconstruction
    from .warc import Capture

log = logging.getLogger(__name__)

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt"})
"""Files picked up when a folder is walked, with web archives (a file named on the command line is
always taken)."""

EXTENSION = {"md": ".md", "html": ".html", "json": ".json", "jsonl": ".json"}
"""Output file suffix per format; formats not listed here use ``.<format>``."""
RECORD_FORMATS = frozenset({"jsonl", "parquet"})
"""Formats whose per-input text is the input's JSON line (Parquet rows are made from it, one file
per task, by :mod:`threads.cluster`)."""

CHUNK_ITEMS = 8
"""Most items handed to a worker at once: fewer round trips (each costs the parent about 0.5 ms)."""
CHUNK_BYTES = 1 << 20
"""A chunk is closed early once the bytes its items carry (standard input, archive pages) pass this."""
IN_FLIGHT_PER_WORKER = 4
"""Chunks submitted ahead per worker: enough to keep the other workers busy while the one in front
is slow (results are yielded in input order), few enough to keep memory flat."""

_GLOB_CHARS = re.compile(r"[*?\[]")
_URL = re.compile(r"https?://", re.IGNORECASE)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Item:
    """One input of a batch."""

    index: int
    """Its place in the batch, from 0."""
    location: str
    """The path, URL or ``-`` as it will be reported."""
    name: str
    """Output name without suffix, relative to the output folder (``blog/story``)."""
    data: bytes | None = None
    """The bytes, when already read (standard input is read once, by the parent process; a page in
    a web archive is read from it by the parent, its body as stored)."""
    capture: Capture | None = None
    """For a page from a web archive: its URL, capture date and how ``data`` is still encoded."""
    error: str | None = None
    """Why the input cannot be run at all (a web archive that cannot be read on): it fails with this."""


@dataclass(frozen=True, slots=True)
class Task:
    """What to do with every item: the same for the whole batch."""

    fmt: str = "md"
    options: Options = field(default_factory=Options)
    templates: str | None = None
    show_evidence: bool = False
    output_dir: str | None = None
    """Write one file per item here; when None, the rendered text comes back in the Result."""
    skip_existing: bool = False
    timeout: float | None = None
    """Seconds allowed per item (reading, finding and rendering); None or 0 for no bound."""
    keep_bytes: bool = False
    """Keep each item's bytes (the archive's ``--keep-pages``)."""


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one item."""

    index: int
    location: str
    status: str
    """``ok`` (posts found), ``empty`` (read fine, no post), ``failed`` or ``skipped`` (output exists)."""
    posts: int = 0
    threads: int = 0
    output: str | None = None
    """The file written (with an output folder)."""
    text: str | None = None
    """The rendered text (without an output folder)."""
    error: str | None = None
    data: object = None
    """What a work other than rendering hands back (the archive: the prepared record), pickled
    once, with the Result, when it comes from a worker process."""


# ---------------------------------------------------------------- inputs and names


SkipHook = Callable[[str, str], None]
"""Called with (location, reason) for each record of a web archive that is not an HTML page."""


class _Found(NamedTuple):
    location: str
    name: str
    data: bytes | None = None
    capture: Capture | None = None
    error: str | None = None


def expand(
    arguments: Iterable[str],
    *,
    read_stdin: bool = True,
    on_skip: SkipHook | None = None,
    follow_links: bool = False,
    suffix: str = "",
) -> Iterator[Item]:
    """Items for the command-line ``arguments``, lazily, with unique output names.

    A folder is walked recursively (sorted, hidden entries left out, symbolic links left out unless
    ``follow_links``) for page files and web archives; a pattern with ``*``, ``?`` or ``[`` is
    globbed (``**`` spans folders); a URL or ``-`` is taken as it is. A web archive gives one item
    per HTML page in it, read as the items are taken (``archive.warc.gz#<record-id> <url>``, named
    ``archive/<url name>``); its other records go to ``on_skip``. A path that does not exist is
    still an item: it fails when run, with its own error, like any bad input; so do a folder with
    no page in it, a pattern that matches nothing, and an archive that cannot be read on (after its
    pages so far). ``suffix``: what the output files' names end in (see :class:`Namer`).
    """
    namer = Namer(suffix)
    index = 0
    for arg in arguments:
        for found in _locations(arg, on_skip, follow_links):
            data = found.data
            if found.location == "-" and read_stdin:
                data = sys.stdin.buffer.read()
            yield Item(index, found.location, namer.unique(found.name), data, found.capture, found.error)
            index += 1


def count(arguments: Iterable[str], *, follow_links: bool = False) -> int | None:
    """How many items :func:`expand` will give, when that is known without reading web archives."""
    total = 0
    for arg in arguments:
        for location, _, _ in _paths(arg, follow_links):
            if _is_archive_path(location):
                return None
            total += 1
    return total


def _locations(arg: str, on_skip: SkipHook | None, follow_links: bool) -> Iterator[_Found]:
    for location, name, error in _paths(arg, follow_links):
        if error is None and _is_archive_path(location):
            yield from _archive(location, name, on_skip)
        else:
            yield _Found(location, name, error=error)


def _is_archive_path(location: str) -> bool:
    return (
        location != "-" and not _URL.match(location) and is_archive(location) and not os.path.isdir(location)
    )


def _archive(path: str, name: str, on_skip: SkipHook | None) -> Iterator[_Found]:
    """One item per HTML page of the web archive at ``path``; an item with the error that stopped it."""
    from .warc import Skipped, Unread, read

    try:
        for entry in read(path):
            if isinstance(entry, Skipped):
                if on_skip is not None:
                    on_skip(f"{path}#{entry.record_id} {entry.url}", entry.reason)
                continue
            if isinstance(entry, Unread):
                location = page_location(path, entry.record_id, entry.url)
                yield _Found(location, page_name(name, entry.url), error=f"{location}: {entry.reason}")
                continue
            capture = entry.capture
            yield _Found(
                page_location(path, capture.record_id, capture.url),
                page_name(name, capture.url),
                entry.body,
                capture,
            )
    except UnreadableInput as e:
        yield _Found(path, name, error=str(e))


def page_location(archive: str, record_id: str, url: str) -> str:
    """How a page of a web archive is named in a batch: ``crawl.warc.gz#<record-id> <url>``."""
    return f"{archive}#{record_id} {url}"


def page_name(archive_name: str, url: str) -> str:
    """A page's output name (before :class:`Namer` makes it unique): ``crawl/<url name>``."""
    return f"{archive_name}/{url_name(url)}"


_WALKED = ", ".join(sorted(PAGE_SUFFIXES))


def _paths(arg: str, follow_links: bool = False) -> Iterator[tuple[str, str, str | None]]:
    """(location, output name, error or None) for each input ``arg`` names."""
    if arg == "-":
        yield "-", "stdin", None
    elif _URL.match(arg):
        yield arg, url_name(arg), None
    elif is_url(arg):  # s3://, file://, memory:// ...: listed here, read where the input is run
        yield from _listed(arg)
    elif os.path.isdir(arg):
        yield from _folder(arg, follow_links)
    elif not os.path.exists(arg) and _GLOB_CHARS.search(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield arg, "input", f"{arg}: no file matches this pattern"
        for match in matches:
            if os.path.isdir(match):
                yield from _folder(match, follow_links)
            else:
                yield match, _stem(Path(match).name), None
    else:
        yield arg, _stem(Path(arg).name) or "input", None


def _listed(url: str) -> Iterator[tuple[str, str, str | None]]:
    """The pages and web archives an fsspec URL names (a folder walked as :func:`_walk` walks one);
    one it cannot list is an input that fails with the reason."""
    listed = False
    try:
        for location, rel in listing(url):
            if rel is None:
                listed = True
                yield location, _stem(location.rsplit("/", 1)[-1]) or "input", None
            elif _wanted(rel.rsplit("/", 1)[-1]):
                listed = True
                folder, _, file = rel.rpartition("/")
                yield location, f"{folder}/{_stem(file)}" if folder else _stem(file), None
    except UnreadableInput as e:
        yield url, _stem(url.rstrip("/").rsplit("/", 1)[-1]) or "input", str(e)
        return
    if not listed:
        why = (
            "no file matches this pattern"
            if _GLOB_CHARS.search(url)
            else f"no page in this folder (looked for {_WALKED} files and web archives)"
        )
        yield url, "input", f"{url}: {why}"


def _wanted(file: str) -> bool:
    """Whether a folder's file is taken: a page or a web archive, not hidden."""
    return not file.startswith(".") and (Path(file).suffix.lower() in PAGE_SUFFIXES or is_archive(file))


def _folder(folder: str, follow_links: bool) -> Iterator[tuple[str, str, str | None]]:
    walked = False
    for location, name in _walk(Path(folder), follow_links):
        walked = True
        yield location, name, None
    if not walked:
        links = "" if follow_links else ", symbolic links left out"
        why = f"no page in this folder (looked for {_WALKED} files and web archives{links})"
        yield folder, "input", f"{folder}: {why}"


def _walk(root: Path, follow_links: bool = False) -> Iterator[tuple[str, str]]:
    """Page files and web archives under ``root``, top-down and sorted; a symbolic link (to a
    file or a folder) only with ``follow_links``, and then each folder once (links may loop)."""
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=follow_links):
        if follow_links:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and (follow_links or not os.path.islink(os.path.join(folder, d)))
        )
        for file in sorted(files):
            if not _wanted(file):
                continue
            path = Path(folder, file)
            if not follow_links and path.is_symlink():
                continue
            rel = path.relative_to(root)
            yield str(path), str(rel.with_name(_stem(rel.name)))


def _stem(filename: str) -> str:
    """``story.html`` -> ``story``; ``page.html.txt`` -> ``page.html``; ``crawl.warc.gz`` -> ``crawl``;
    unsafe characters become ``_``."""
    stem = filename
    suffix = Path(filename).suffix
    if is_archive(filename):
        stem = archive_stem(filename)
    elif suffix.lower() in PAGE_SUFFIXES or suffix.lower() in {".md", ".json"}:
        stem = filename[: -len(suffix)]
    return _UNSAFE_NAME.sub("_", stem).strip("._")[:150]


def url_name(url: str) -> str:
    """A file name for a URL: host and path, with anything unsafe folded to ``_``."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    base = f"{parts.hostname or 'url'}{path}"
    if parts.query:
        base += f"_{parts.query}"
    base = re.sub(r"\.(?:s?html?|php|aspx?)$", "", base, flags=re.IGNORECASE)
    return _UNSAFE_NAME.sub("_", base).strip("._")[:150] or "url"


class Namer:
    """Hands out output names, each once: a name already given gets ``-2``, ``-3`` ... appended.

    Names compare case-insensitively, so that two inputs never share a file on a case-insensitive
    file system either. A name with folders (``a.md/story``) claims those folders, and with the
    output ``suffix`` a file claims its full name: a file ``a.md`` (from ``a.txt``) and a folder
    ``a.md/`` never meet; whichever comes second gets ``-2`` (a folder keeps it for all its files).
    """

    def __init__(self, suffix: str = "") -> None:
        self.suffix = suffix
        self._files: set[str] = set()
        """Every file given out (folders and suffix included), casefolded."""
        self._folders: dict[str, str] = {}
        """Each folder asked for (casefolded) -> the folder given for it."""
        self._given: set[str] = set()
        """Every folder given out, casefolded."""

    def unique(self, name: str) -> str:
        *folders, last = name.split("/")
        asked = given = ""
        for part in folders:
            asked = f"{asked}/{part}" if asked else part
            folder = self._folders.get(asked.casefold())
            if folder is None:
                candidate, n = part, 1
                while _joined(given, candidate).casefold() in self._files:
                    n += 1
                    candidate = f"{part}-{n}"
                folder = _joined(given, candidate)
                self._folders[asked.casefold()] = folder
                self._given.add(folder.casefold())
            given = folder
        candidate, n = last, 1
        while (
            key := (_joined(given, candidate) + self.suffix).casefold()
        ) in self._files or key in self._given:
            n += 1
            candidate = f"{last}-{n}"
        self._files.add(key)
        return _joined(given, candidate)


def _joined(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def suffix_of(task: Task) -> str:
    """What the output files' names end in (``.md``)."""
    return EXTENSION.get(task.fmt, f".{task.fmt}")


def output_path(task: Task, item: Item) -> Path | str | None:
    """Where the item's output goes: a path, or a URL under an fsspec output folder."""
    if task.output_dir is None:
        return None
    if is_url(task.output_dir):
        return storage.join(task.output_dir, item.name + suffix_of(task))
    return Path(task.output_dir, item.name + suffix_of(task))


def _exists(target: Path | str) -> bool:
    return os.path.lexists(target) if isinstance(target, Path) else storage.exists(target)


def _write(task: Task, target: Path | str, text: str) -> None:
    if isinstance(target, Path):
        write_atomic(target, text, within=Path(task.output_dir or "."))
    else:
        storage.write_atomic(target, text.encode("utf-8"))


# ---------------------------------------------------------------- running


def process(task: Task, item: Item) -> Result:
    """Reconstruct and render one item; every ThreadsError becomes a failed Result."""
    if item.error is not None:
        return failed(task, item, item.error)
    target = output_path(task, item)
    if target is not None and task.skip_existing and _exists(target):
        return Result(item.index, item.location, "skipped", output=str(target))
    try:
        with time_limit(task.timeout, item.location), one_input(item.location, task.options.errors):
            rec = reconstruct_item(item, task.options)
            n_posts = sum(len(t.posts) for t in rec.threads)
            if task.fmt in RECORD_FORMATS:
                text = json_line(item.location, rec.to_dict())
            else:
                from .render import render

                text = render(rec, task.fmt, templates=task.templates, show_evidence=task.show_evidence)
    except ThreadsError as e:
        return failed(task, item, str(e))
    if target is not None:
        try:
            _write(task, target, text)
        except OSError as e:
            return failed(task, item, f"{target}: cannot write ({e.strerror or e})")
    status = "ok" if n_posts else "empty"
    if target is not None:
        return Result(item.index, item.location, status, n_posts, len(rec.threads), output=str(target))
    return Result(item.index, item.location, status, n_posts, len(rec.threads), text=text)


def reconstruct_item(item: Item, options: Options) -> Reconstruction:
    """``threads.reconstruct`` for one item: by its location, or from the bytes it carries or an
    fsspec URL holds (then under its own location; a page from a web archive with its URL and
    capture date)."""
    if item.data is None and not is_url(item.location):
        from . import reconstruct
        from .load import argument

        return reconstruct(argument(item.location), options=options)
    return reconstruct_bytes(item, *read_item(item, options), options)


def read_item(item: Item, options: Options) -> tuple[bytes, str | None, Kind | None]:
    """The page bytes of ``item``, the page's URL and what it holds where that is known: a web
    archive's page decoded from its record, the bytes the item carries, a URL fetched (its final
    address; its media type), an fsspec URL read (here: on a Dask worker, there), or a file read
    (its suffix). Read as ``reconstruct`` reads them."""
    if item.capture is not None:
        from .warc import page_bytes

        return page_bytes(item.data or b"", item.capture, item.location), item.capture.url, None
    if item.data is not None:
        return item.data, options.url, None
    if is_url(item.location):
        from .load import MAX_BYTES

        return storage.read_bytes(item.location, MAX_BYTES), options.url, None
    from .load import KIND_OF_MEDIA_TYPE, KIND_OF_SUFFIX, argument, read_path

    where = argument(item.location)
    if isinstance(where, Path):
        return read_path(where), options.url, KIND_OF_SUFFIX.get(where.suffix.lower())
    from .fetch import get

    page = get(where, deadline=options.fetch_deadline, refuse_private=options.refuse_private)
    return page.body, options.url or page.url, KIND_OF_MEDIA_TYPE.get(page.media_type or "")


def reconstruct_bytes(
    item: Item, data: bytes, url: str | None, kind: Kind | None, options: Options
) -> Reconstruction:
    """Find the posts in the page bytes ``data`` of ``item`` (a web archive's page dated by its
    capture)."""
    from .load import from_bytes
    from .scrape import scrape
    from .sequence import sequence

    src = from_bytes(data, location=item.location, url=url, kind=kind)
    if item.capture is not None and item.capture.date:
        src = replace(src, captured=_warc_date(item.capture.date))
    return sequence(src, scrape(src, options))


def _warc_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def failed(task: Task, item: Item, error: str) -> Result:
    """A failed Result; with jsonl (and no output folder) its text is the line naming the error."""
    records = task.fmt in RECORD_FORMATS and not task.output_dir
    text = json_line(item.location, None, error) if records else None
    return Result(item.index, item.location, "failed", text=text, error=error)


def json_line(location: str, record: dict[str, object] | None, error: str | None = None) -> str:
    """One line of ``--format jsonl``: the input, its error (or null), and the reconstruction."""
    from .safe import text

    line: dict[str, object] = {"input": text(location), "error": None if error is None else text(error)}
    if record is None:
        line.update({"schema": None, "source": None, "threads": []})
    else:
        line.update(record)  # clean already: Reconstruction.to_dict passes it through threads.safe
    return json.dumps(line, ensure_ascii=False) + "\n"


Work = Callable[[Task, Item], Result]
"""What is done with one item: :func:`process` (render), or another module-level function (so
that it reaches the workers), such as the archive's reading of an item for its database."""


def process_chunk(task: Task, items: list[Item], work: Work | None = None) -> list[Result]:
    """``work`` (default :func:`process`) for several items in one call (what a worker is handed)."""
    work = work or process
    return [work(task, item) for item in items]


def chunks(items: Iterable[Item], jobs: int) -> Iterator[list[Item]]:
    """``items`` in consecutive lists for the workers: one item each at first (a short batch
    still spreads over every worker), then twice as many each round up to ``CHUNK_ITEMS``, a list
    closed early once the bytes it carries pass ``CHUNK_BYTES``."""
    source = iter(items)
    size, handed = 1, 0
    while True:
        chunk: list[Item] = []
        carried = 0
        for item in source:
            chunk.append(item)
            carried += len(item.data or b"")
            if len(chunk) >= size or carried >= CHUNK_BYTES:
                break
        if not chunk:
            return
        yield chunk
        handed += 1
        if handed % jobs == 0:
            size = min(size * 2, CHUNK_ITEMS)


PARENT_CHECK_S = 1.0
"""How often a worker looks whether the process that started it is still there."""


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=exit_with_parent, initargs=(os.getpid(),))


def exit_with_parent(parent: int) -> None:
    """In a worker: end when the process that started it is gone. A command line killed outright
    (SIGKILL, or a signal it cannot clean up after) ends no workers of its own, and they would wait
    for work that never comes, idle but alive, until someone killed them by hand."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="threads-parent-watch", daemon=True).start()


def run(items: Iterable[Item], task: Task, *, jobs: int = 1, work: Work | None = None) -> Iterator[Result]:
    """One Result of ``work`` (default :func:`process`) per item, in input order; ``jobs`` worker
    processes (1: in this process).

    Items go to the workers in chunks (see :func:`chunks`), at most ``jobs * IN_FLIGHT_PER_WORKER``
    chunks ahead of the one being yielded, so neither the items nor their results pile up.
    Should a worker process die (killed, out of memory), each item of its chunk is retried alone
    in a fresh pool and fails with that message only if it breaks that one too; the rest go on.
    """
    work = work or process  # looked up when called (a test may stand in for process)
    if jobs <= 1:
        for item in items:
            yield work(task, item)
        return
    window = jobs * IN_FLIGHT_PER_WORKER
    pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    source = chunks(items, jobs)
    pool = _pool(jobs)
    try:
        while True:
            while len(pending) < window:
                upcoming = next(source, None)
                if upcoming is None:
                    break
                pending.append((upcoming, pool.submit(process_chunk, task, upcoming, work)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # Which item killed the worker is unknown: retry each alone in a fresh pool,
                # then resubmit the chunks that were waiting.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(jobs)
                results = []
                for item in chunk:
                    try:
                        results.append(pool.submit(work, task, item).result())
                    except BrokenProcessPool:
                        results.append(failed(task, item, f"{item.location}: the worker process died"))
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _pool(jobs)
                pending = deque((c, pool.submit(process_chunk, task, c, work)) for c, _ in pending)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass(slots=True)
class Tally:
    """Counts for the closing summary."""

    ok: int = 0
    empty: int = 0
    failed: int = 0
    skipped: int = 0
    posts: int = 0
    not_pages: int = 0
    """Records of web archives that are not HTML pages (not inputs: counted apart)."""

    def add(self, result: Result) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.posts += result.posts

    @property
    def done(self) -> int:
        return self.ok + self.empty + self.failed + self.skipped

    def summary(self) -> str:
        inputs = "input" if self.done == 1 else "inputs"
        text = f"{self.done} {inputs}: {self.ok} ok, {self.empty} empty, {self.failed} failed"
        if self.skipped:
            text += f", {self.skipped} skipped (output exists)"
        text += f"; {self.posts} post{'' if self.posts == 1 else 's'}"
        if self.not_pages:
            records = "record" if self.not_pages == 1 else "records"
            text += f"; {self.not_pages} archive {records} skipped (not HTML pages)"
        return text


# ---------------------------------------------------------------- the command line's loop


class Progress:
    """The progress bar on stderr (tqdm, imported only when shown): inputs done, of the total when
    known, posts found, and the rate. Disabled, it writes lines straight through."""

    def __init__(self, enabled: bool, total: int | None = None) -> None:
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            try:
                size = os.get_terminal_size(sys.stderr.fileno())
            except (OSError, ValueError):
                size = os.terminal_size((0, 0))
            sized = size.columns > 0 and size.lines > 0
            self.bar = tqdm(
                total=total,
                desc="threads",
                unit=" inputs",
                file=sys.stderr,
                leave=False,
                # follow the terminal's size; one that reports none (a bare pseudo-terminal) gets 80x24
                dynamic_ncols=sized,
                ncols=None if sized else 80,
                nrows=None if sized else 24,
                smoothing=0,  # the rate over the whole run, so the last one drawn is right
                postfix="0 posts",
            )

    def update(self, tally: Tally) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(f"{tally.posts} post{'' if tally.posts == 1 else 's'}", refresh=False)
            self.bar.update(1)

    def write(self, text: str, stream: TextIO) -> None:
        """Write ``text`` to ``stream`` without tearing the bar (cleared, then drawn again below)."""
        if self.bar is None or not (stream is sys.stderr or stream.isatty()):
            stream.write(text)
            stream.flush()
            return
        with self.bar.external_write_mode(file=stream):
            stream.write(text)
            stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.refresh()  # the final counts, drawn once however fast the batch ran
            self.bar.close()
            self.bar = None


Engine = Callable[[list[str], SkipHook], Iterable[Result]]
"""Runs a batch: (the command line's inputs, the hook for archive records that are not pages) to one
Result per input, in input order. The local pool (:func:`run` over :func:`expand`) unless another
is given (:mod:`threads.cluster`'s Dask engine)."""


def render_many(
    arguments: Iterable[str],
    task: Task,
    *,
    jobs: int,
    progress: bool,
    summary: bool = True,
    follow_links: bool = False,
    engine: Engine | None = None,
) -> Tally:
    """The ``render`` command over many inputs: jsonl lines to stdout (without an output folder),
    one error line per failed input and a closing summary on stderr; returns the counts.

    Interrupted (Ctrl-C), it raises KeyboardInterrupt saying how many inputs were done and, with an
    output folder, that ``--skip-existing`` goes on from there."""
    from .safe import line

    arguments = list(arguments)
    tally = Tally()

    def skip(location: str, reason: str) -> None:
        tally.not_pages += 1
        log.debug("%s: skipped: %s", location, reason)

    total = count(arguments, follow_links=follow_links)
    if total is not None:
        jobs = max(1, min(jobs, total))  # no idle workers to start (one input runs in this process)
    bar = Progress(progress, total)
    try:
        if engine is None:
            items = expand(arguments, on_skip=skip, follow_links=follow_links, suffix=suffix_of(task))
            results: Iterable[Result] = run(items, task, jobs=jobs)
        else:
            results = engine(arguments, skip)
        for result in results:
            tally.add(result)
            if result.error is not None:
                bar.write(f"threads: error: {line(result.error)}\n", sys.stderr)
            if result.text is not None and task.output_dir is None:
                bar.write(result.text, sys.stdout)
            bar.update(tally)
    except KeyboardInterrupt:
        bar.close()
        of = f" of {total}" if total is not None else ""
        resume = "; run the same command with --skip-existing to go on" if task.output_dir else ""
        raise KeyboardInterrupt(f"{tally.done}{of} inputs done ({tally.summary()}){resume}") from None
    finally:
        bar.close()
    if summary:
        sys.stderr.write(f"threads: {tally.summary()}\n")
    return tally
