"""batch: many inputs through ``reconstruct`` and ``render``, on all cores, results in input order.

Inputs are paths, globs, folders (walked recursively for pages), URLs, or ``-``. Each becomes an
:class:`Item` with a location and an output name derived from it; names are made unique within a run
(``story.md``, ``story-2.md``) so no two inputs ever land on one file. :func:`run` streams one
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
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ThreadsError
from .limits import time_limit
from .model import Options

log = logging.getLogger(__name__)

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt"})
"""Files picked up when a folder is walked (a file named on the command line is always taken)."""

EXTENSION = {"md": ".md", "html": ".html", "json": ".json", "jsonl": ".json"}
"""Output file suffix per format; formats not listed here use ``.<format>``."""

IN_FLIGHT_PER_WORKER = 4
"""Items submitted ahead per worker: enough to keep cores busy, few enough to keep memory flat."""

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
    """The bytes, when already read (standard input is read once, by the parent process)."""


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


# ---------------------------------------------------------------- inputs and names


def expand(arguments: Iterable[str], *, read_stdin: bool = True) -> Iterator[Item]:
    """Items for the command-line ``arguments``, lazily, with unique output names.

    A folder is walked recursively (sorted, hidden entries left out) for page files; a pattern with
    ``*``, ``?`` or ``[`` is globbed (``**`` spans folders); a URL or ``-`` is taken as it is. A path
    that does not exist is still an item: it fails when run, with its own error, like any bad input.
    """
    namer = Namer()
    index = 0
    for arg in arguments:
        for location, name in _locations(arg):
            data = None
            if location == "-" and read_stdin:
                data = sys.stdin.buffer.read()
            yield Item(index, location, namer.unique(name), data)
            index += 1


def _locations(arg: str) -> Iterator[tuple[str, str]]:
    if arg == "-":
        yield "-", "stdin"
    elif _URL.match(arg):
        yield arg, url_name(arg)
    elif os.path.isdir(arg):
        yield from _walk(Path(arg))
    elif not os.path.exists(arg) and _GLOB_CHARS.search(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield arg, _stem(Path(arg).name) or "input"
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(Path(match))
            else:
                yield match, _stem(Path(match).name)
    else:
        yield arg, _stem(Path(arg).name) or "input"


def _walk(root: Path) -> Iterator[tuple[str, str]]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(folder, file)
            if file.startswith(".") or path.suffix.lower() not in PAGE_SUFFIXES:
                continue
            rel = path.relative_to(root)
            yield str(path), str(rel.with_name(_stem(rel.name)))


def _stem(filename: str) -> str:
    """``story.html`` -> ``story``; ``page.html.txt`` -> ``page.html``; unsafe characters become ``_``."""
    stem = filename
    suffix = Path(filename).suffix
    if suffix.lower() in PAGE_SUFFIXES or suffix.lower() in {".md", ".json"}:
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
    file system either.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def unique(self, name: str) -> str:
        candidate, n = name, 1
        while candidate.casefold() in self._taken:
            n += 1
            candidate = f"{name}-{n}"
        self._taken.add(candidate.casefold())
        return candidate


def output_path(task: Task, item: Item) -> Path | None:
    if task.output_dir is None:
        return None
    suffix = EXTENSION.get(task.fmt, f".{task.fmt}")
    return Path(task.output_dir, item.name + suffix)


# ---------------------------------------------------------------- running


def process(task: Task, item: Item) -> Result:
    """Reconstruct and render one item; every ThreadsError becomes a failed Result."""
    from . import reconstruct

    target = output_path(task, item)
    if target is not None and task.skip_existing and target.exists():
        return Result(item.index, item.location, "skipped", output=str(target))
    try:
        source: str | bytes = item.data if item.data is not None else item.location
        with time_limit(task.timeout, item.location):
            rec = reconstruct(source, options=task.options)
            n_posts = sum(len(t.posts) for t in rec.threads)
            if task.fmt == "jsonl":
                text = json_line(item.location, rec.to_dict())
            else:
                from .render import render

                text = render(rec, task.fmt, templates=task.templates, show_evidence=task.show_evidence)
        if target is not None:
            write_atomic(target, text)
    except ThreadsError as e:
        return failed(task, item, str(e))
    except OSError as e:  # writing the output
        return failed(task, item, f"{target}: cannot write ({e.strerror or e})")
    status = "ok" if n_posts else "empty"
    if target is not None:
        return Result(item.index, item.location, status, n_posts, len(rec.threads), output=str(target))
    return Result(item.index, item.location, status, n_posts, len(rec.threads), text=text)


def failed(task: Task, item: Item, error: str) -> Result:
    """A failed Result; with jsonl (and no output folder) its text is the line naming the error."""
    text = json_line(item.location, None, error) if task.fmt == "jsonl" and not task.output_dir else None
    return Result(item.index, item.location, "failed", text=text, error=error)


def json_line(location: str, record: dict[str, object] | None, error: str | None = None) -> str:
    """One line of ``--format jsonl``: the input, its error (or null), and the reconstruction."""
    line: dict[str, object] = {"input": location, "error": error}
    if record is None:
        line.update({"schema": None, "source": None, "threads": []})
    else:
        line.update(record)
    return json.dumps(line, ensure_ascii=False) + "\n"


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary name in the same folder and a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run(items: Iterable[Item], task: Task, *, jobs: int = 1) -> Iterator[Result]:
    """One Result per item, in input order; ``jobs`` worker processes (1: in this process).

    At most ``jobs * IN_FLIGHT_PER_WORKER`` items are submitted ahead of the one being yielded.
    Should a worker process die (killed, out of memory), the items it had in flight fail with that
    message and the rest go on in a fresh pool.
    """
    if jobs <= 1:
        for item in items:
            yield process(task, item)
        return
    window = jobs * IN_FLIGHT_PER_WORKER
    pending: deque[tuple[Item, Future[Result]]] = deque()
    source = iter(items)
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        while True:
            while len(pending) < window:
                upcoming = next(source, None)
                if upcoming is None:
                    break
                pending.append((upcoming, pool.submit(process, task, upcoming)))
            if not pending:
                return
            item, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # Which item killed the worker is unknown: retry this one alone in a fresh pool,
                # fail it only if it breaks that one too, then resubmit the rest.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=jobs)
                try:
                    result = pool.submit(process, task, item).result()
                except BrokenProcessPool:
                    result = failed(task, item, f"{item.location}: the worker process died")
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=jobs)
                pending = deque((i, pool.submit(process, task, i)) for i, _ in pending)
            yield result
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

    def add(self, result: Result) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.posts += result.posts

    @property
    def done(self) -> int:
        return self.ok + self.empty + self.failed + self.skipped

    def summary(self) -> str:
        text = f"{self.done} inputs: {self.ok} ok, {self.empty} empty, {self.failed} failed"
        if self.skipped:
            text += f", {self.skipped} skipped (output exists)"
        return f"{text}; {self.posts} posts"


# ---------------------------------------------------------------- the command line's loop


class Progress:
    """A one-line counter on stderr (inputs done, posts found, rate), redrawn in place."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.shown = False

    def update(self, tally: Tally) -> None:
        if not self.enabled:
            return
        rate = tally.done / max(time.monotonic() - self.start, 1e-6)
        sys.stderr.write(f"\r\x1b[Kthreads: {tally.done} done, {tally.posts} posts, {rate:.1f} inputs/s")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


def render_many(
    arguments: Iterable[str], task: Task, *, jobs: int, progress: bool, summary: bool = True
) -> Tally:
    """The ``render`` command over many inputs: jsonl lines to stdout (without an output folder),
    one error line per failed input and a closing summary on stderr; returns the counts."""
    tally = Tally()
    bar = Progress(progress)
    for result in run(expand(arguments), task, jobs=jobs):
        tally.add(result)
        if result.error is not None:
            bar.clear()
            sys.stderr.write(f"threads: error: {result.error}\n")
        if result.text is not None and task.output_dir is None:
            bar.clear()
            sys.stdout.write(result.text)
            sys.stdout.flush()
        bar.update(tally)
    bar.clear()
    if summary:
        sys.stderr.write(f"threads: {tally.summary()}\n")
    return tally
