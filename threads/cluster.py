"""cluster: a batch on a Dask cluster, the same per-input work as the local pool.

``threads render INPUT... --scheduler ADDRESS`` (a running scheduler, ``tcp://host:8786``) or
``--scheduler local`` (a ``LocalCluster`` of ``--jobs`` worker processes on this machine) plans the
batch here and runs it on the cluster's workers, which read their inputs themselves (paths on a
file system they share, or fsspec URLs: :mod:`threads.storage`):

- the inputs are listed here, as the local pool lists them (folders, globs, URLs), and go out in
  *parts* (tasks): consecutive inputs, one at first, then twice as many each part up to
  :data:`INPUTS_PER_TASK`;
- a web archive is first *indexed* by a worker (:func:`index_archive`: where each HTML page's record
  starts); its pages then go out in parts of :data:`RECORDS_PER_TASK` records, each a byte range of
  the archive that a worker reads from its start, so one large archive spreads over the workers;
- every input of a part goes through :func:`threads.batch.process`, the one function the local pool
  runs too, so results are the same: jsonl lines in input order to stdout, one file per input under
  ``--output-dir`` (written by the worker, atomically), or with ``--format parquet`` one Parquet
  file per part (:mod:`threads.parquet`), named by the part's number.

Faults: a worker that dies loses nothing: Dask runs its tasks again elsewhere, and since a part
writes only under names fixed by the plan, a part run twice writes the same files again, never a
second copy. A part whose worker dies on every try (Dask gives up after its ``allowed-failures``)
is run again one input at a time, and only the input that still kills its worker fails ("the worker
process died"), as in the local pool. An input that cannot be read is a failed Result, as locally.

From Python, given a ``distributed.Client``: :func:`run` (Results in input order) and
:func:`digest` (a :class:`threads.digest.Digest`).
"""

from __future__ import annotations

import logging
import sys
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from .batch import (
    CHUNK_BYTES,
    Item,
    Namer,
    Result,
    SkipHook,
    Task,
    Work,
    _is_archive_path,
    _paths,
    failed,
    page_location,
    page_name,
    process,
    reconstruct_item,
    suffix_of,
)
from .errors import EngineProblem, ThreadsError, UnreadableInput, one_input

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

    from .digest import Digest
    from .model import Options, Reconstruction

__all__ = ["ArchiveIndex", "Part", "connect", "digest", "index_archive", "local_cluster", "plan", "run"]

log = logging.getLogger(__name__)

EXTRA_MISSING = "--scheduler needs Dask: pip install 'threads[dask]'"
INPUTS_PER_TASK = 32
"""Most inputs (files, URLs) in one task; parts grow 1, 2, 4 ... up to this, so a short batch still
spreads over the workers and a long one pays Dask's per-task cost (about a millisecond) rarely."""
RECORDS_PER_TASK = 100
"""Pages of a web archive in one task (a range of the archive's records)."""
IN_FLIGHT_PER_THREAD = 4
"""Tasks submitted ahead per worker thread: the workers stay busy while results are yielded in input
order, and neither the plan nor the results pile up on a long batch."""
LOOKAHEAD = 256
"""Inputs listed ahead of the ones being planned, so that the web archives among them are indexed
before their turn comes (at most :data:`ARCHIVES_AHEAD` at a time)."""
ARCHIVES_AHEAD = 4
INDEX_PRIORITY = 10
"""Dask runs an archive's index before the parts already waiting (its pages are needed to plan on)."""


@dataclass(frozen=True, slots=True)
class Part:
    """One task: consecutive inputs of the batch, worked on by one worker, written to one Parquet file."""

    number: int
    """Its place in the batch, from 0: the Parquet file's name (``part-000012.parquet``)."""
    items: tuple[Item, ...]
    archive: str | None = None
    """For pages of a web archive: the archive, read from ``start`` up to ``stop`` by the worker."""
    start: int = 0
    stop: int | None = None
    offsets: tuple[int, ...] = ()
    """Where each item's record starts in the archive (to run one page alone)."""


@dataclass(frozen=True, slots=True)
class ArchiveIndex:
    """Where the HTML pages of a web archive are, as a worker found them (:func:`index_archive`)."""

    pages: tuple[tuple[int, str, str, str | None], ...]
    """(offset of its record, record ID, URL, why it cannot be read or None) of each page, in
    archive order (a page too large to read is an input that fails, as locally)."""
    skipped: tuple[tuple[str, str, str], ...]
    """(record ID, URL, reason) of each capture that is not an HTML page."""
    error: str | None = None
    """Why the archive cannot be read on after its last page (a failed input, as locally)."""
    splittable: bool = True
    """Whether a record can be read starting at each page's offset (a .warc.gz compressed as one
    stream cannot): else the archive is one task."""


# ---------------------------------------------------------------- on the workers


def index_archive(path: str, step: int = RECORDS_PER_TASK) -> ArchiveIndex:
    """Read the archive at ``path`` through (bodies are read and dropped) and note where its pages
    are; ``step``: pages per part, so every ``step``-th page's offset is checked to be a place where
    reading can start."""
    from .warc import Page, Skipped, _open, read, record_starts

    pages: list[tuple[int, str, str, str | None]] = []
    skipped: list[tuple[str, str, str]] = []
    error = None
    try:
        for entry in read(path):
            if isinstance(entry, Page):
                pages.append((entry.offset, entry.capture.record_id, entry.capture.url, None))
            elif isinstance(entry, Skipped):
                skipped.append((entry.record_id, entry.url, entry.reason))
            else:  # Unread: a page that fails
                pages.append((entry.offset, entry.record_id, entry.url, entry.reason))
    except UnreadableInput as e:
        error = str(e)
    offsets = [offset for offset, _, _, _ in pages]
    splittable = all(a < b for a, b in pairwise(offsets))
    if splittable and len(offsets) > step:
        fh = _open(path)
        try:
            gzipped = fh.read(2) == b"\x1f\x8b"
            splittable = all(record_starts(fh, offset, gzipped) for offset in offsets[step::step])
        finally:
            fh.close()
    return ArchiveIndex(tuple(pages), tuple(skipped), error, splittable)


def run_part(task: Task, part: Part, write: bool = True, work: Work | None = None) -> list[Result]:
    """``work`` (default :func:`threads.batch.process`) for each input of ``part``; with ``--format
    parquet`` the posts go to the part's one file (unless ``write`` is false: then the jsonl lines
    come back, for :func:`write_part` to write once the part's inputs have been run one by one)."""
    if work is not None:
        return [work(task, item) for item in _items(part)]
    if task.fmt != "parquet":
        return [process(task, item) for item in _items(part)]
    target = part_target(task, part)
    if write and task.skip_existing and _exists(target):
        return [Result(item.index, item.location, "skipped", output=target) for item in part.items]
    each = replace(task, output_dir=None)  # the jsonl line of each input; the part writes the file
    results = [process(each, item) for item in _items(part)]
    return write_part(task, part, results) if write else results


def write_part(task: Task, part: Part, results: list[Result]) -> list[Result]:
    """Write the Parquet file of ``part`` from its inputs' jsonl lines; the Results, without them."""
    from . import parquet

    target = part_target(task, part)
    lines = [r.text for r in results if r.status == "ok" and r.text is not None]
    try:
        _write(target, parquet.from_lines(lines))
    except OSError as e:
        error = f"{target}: cannot write ({e.strerror or e})"
        item = {i.index: i for i in part.items}
        return [r if r.status == "failed" else failed(task, item[r.index], error) for r in results]
    return [replace(r, text=None, output=None if r.status == "failed" else target) for r in results]


def part_target(task: Task, part: Part) -> str:
    assert task.output_dir is not None
    from . import storage

    name = f"part-{part.number:06d}.parquet"
    return storage.join(task.output_dir, name) if storage.is_url(task.output_dir) else _local(task, name)


def _local(task: Task, name: str) -> str:
    import os

    return os.path.join(task.output_dir or ".", name)


def _exists(target: str) -> bool:
    from . import storage

    if storage.is_url(target):
        return storage.exists(target)
    import os

    return os.path.exists(target)


def _write(target: str, data: bytes) -> None:
    from . import storage

    if storage.is_url(target):
        storage.write_atomic(target, data)
    else:
        from pathlib import Path

        from .output import write_atomic

        write_atomic(Path(target), data)


def _items(part: Part) -> Iterator[Item]:
    """The part's inputs, ready for :func:`threads.batch.process`: as planned, or for pages of a web
    archive with the bytes of their records, read from the archive one record at a time."""
    if part.archive is None:
        yield from part.items
        return
    from .warc import Page, read

    entries = read(part.archive, start=part.start, stop=part.stop)
    fault: str | None = None
    for item in part.items:
        if item.error is not None:  # a page too large to read: it fails as it is
            yield item
            continue
        found = None
        while fault is None and found is None:
            try:
                entry = next(entries, None)
            except UnreadableInput as e:  # a fault before pages the index found: the archive changed
                fault = str(e)
                break
            if entry is None:
                fault = f"{item.location}: not where the archive's index put it (did it change?)"
            elif isinstance(entry, Page):
                # pages of the range that are not the part's are passed over (a part of one page)
                capture = entry.capture
                if page_location(part.archive, capture.record_id, capture.url) == item.location:
                    found = replace(item, data=entry.body, capture=capture)
        yield found if found is not None else replace(item, error=fault)


def digest_part(options: Options, part: Part) -> list[Reconstruction | tuple[str, str]]:
    """Each input of ``part`` reconstructed (as light as the digest needs it), or (input, reason)."""
    out: list[Reconstruction | tuple[str, str]] = []
    for item in _items(part):
        try:
            if item.error is not None:
                raise UnreadableInput(item.error)
            with one_input(item.location, options.errors):
                rec = reconstruct_item(item, options)
        except ThreadsError as e:
            out.append((item.location, " ".join(str(e).split()).removeprefix(f"{item.location}: ")))
            continue
        # the digest reads the source's fields and the posts, not the page: that stays on the worker
        out.append(replace(rec, source=replace(rec.source, text="", paragraphs=(), page=None)))
    return out


# ---------------------------------------------------------------- planning, on the client


def plan(
    client: Client,
    arguments: Iterable[str],
    *,
    on_skip: SkipHook | None = None,
    read_stdin: bool = True,
    stdin: bytes | None = None,
    follow_links: bool = False,
    suffix: str = "",
    inputs_per_task: int = INPUTS_PER_TASK,
    records_per_task: int = RECORDS_PER_TASK,
) -> Iterator[Part]:
    """The parts of a batch, in input order, with the indexes and output names a local run gives
    (:func:`threads.batch.expand`'s, ``follow_links`` and ``suffix`` as there). ``-`` is standard
    input, read here (``read_stdin``), or ``stdin`` when the caller has read it already.

    Web archives met in the listing are indexed on the cluster a few ahead of their turn.
    """
    namer = Namer(suffix)
    index = number = 0
    size = 1
    listed = (found for arg in arguments for found in _paths(arg, follow_links))
    ahead: deque[tuple[str, str, str | None, Future[ArchiveIndex] | None]] = deque()
    indexing = archives = 0
    run_id = uuid.uuid4().hex[:8]
    items: list[Item] = []
    carried = 0

    def fill() -> None:
        nonlocal indexing, archives
        while len(ahead) < LOOKAHEAD and indexing < ARCHIVES_AHEAD:
            found = next(listed, None)
            if found is None:
                return
            location, name, error = found
            future = None
            if error is None and _is_archive_path(location):
                key = f"threads-index-{run_id}-{archives}"
                future = client.submit(
                    index_archive, location, records_per_task, key=key, priority=INDEX_PRIORITY
                )
                indexing += 1
                archives += 1
            ahead.append((location, name, error, future))

    def flush() -> Part:
        nonlocal number, items, carried, size
        part = Part(number, tuple(items))
        number += 1
        items, carried = [], 0
        size = min(size * 2, inputs_per_task)
        return part

    while True:
        fill()
        if not ahead:
            break
        location, name, error, future = ahead.popleft()
        if future is None:
            data = None
            if location == "-":
                data = stdin if stdin is not None else sys.stdin.buffer.read() if read_stdin else None
            items.append(Item(index, location, namer.unique(name), data, error=error))
            index += 1
            carried += len(data or b"")
            if len(items) >= size or carried >= CHUNK_BYTES:
                yield flush()
            continue
        indexing -= 1
        if items:
            yield flush()
        found = _gathered(future, location)
        for record_id, url, reason in found.skipped:
            if on_skip is not None:
                on_skip(page_location(location, record_id, url), reason)
        pages = [
            (offset, _page(index + k, location, rid, url, namer.unique(page_name(name, url)), why))
            for k, (offset, rid, url, why) in enumerate(found.pages)
        ]
        index += len(pages)
        step = records_per_task if found.splittable else max(1, len(pages))
        for at in range(0, len(pages), step):
            group = pages[at : at + step]
            stop = pages[at + step][0] if at + step < len(pages) else None
            yield Part(
                number,
                tuple(item for _, item in group),
                archive=location,
                start=group[0][0] if found.splittable else 0,
                stop=stop if found.splittable else None,
                offsets=tuple(offset for offset, _ in group) if found.splittable else (),
            )
            number += 1
        if found.error is not None:
            yield Part(number, (Item(index, location, namer.unique(name), error=found.error),))
            number += 1
            index += 1
    if items:
        yield flush()


def _page(index: int, archive: str, record_id: str, url: str, name: str, unread: str | None) -> Item:
    """The item of a page of ``archive``; one too large to read fails with that reason, as locally."""
    location = page_location(archive, record_id, url)
    return Item(index, location, name, error=None if unread is None else f"{location}: {unread}")


def _gathered(future: Future[ArchiveIndex], location: str) -> ArchiveIndex:
    from distributed import KilledWorker

    try:
        found: ArchiveIndex = _result(future)
        return found
    except KilledWorker:
        return ArchiveIndex((), (), f"{location}: the worker process died reading it")


def _result(future: Future[Any]) -> Any:
    """The future's result; losing the scheduler is an :class:`EngineProblem` (a task's own error,
    and KilledWorker, pass through)."""
    from concurrent.futures import CancelledError

    try:
        return future.result()
    except (CancelledError, OSError) as e:
        reason = " ".join(str(e).split())
        raise EngineProblem(f"the Dask cluster went away ({type(e).__name__}: {reason})") from None


# ---------------------------------------------------------------- running, on the client


def run(
    client: Client,
    arguments: Iterable[str],
    task: Task,
    *,
    on_skip: SkipHook | None = None,
    read_stdin: bool = True,
    stdin: bytes | None = None,
    follow_links: bool = False,
    inputs_per_task: int = INPUTS_PER_TASK,
    records_per_task: int = RECORDS_PER_TASK,
    work: Work | None = None,
) -> Iterator[Result]:
    """One Result per input of ``arguments`` (as the command line takes them), in input order, the
    work done on ``client``'s cluster; the same Results as :func:`threads.batch.run` gives locally.
    ``work``: what is done with each input, as for :func:`threads.batch.run` (default: render it
    as ``task`` says; another module-level function, such as the archive's
    :func:`threads.archive.command.archive_work`, which the workers import by name).

    >>> from distributed import Client                                            # doctest: +SKIP
    >>> with Client("tcp://scheduler:8786") as client:                            # doctest: +SKIP
    ...     task = Task(fmt="parquet", output_dir="s3://bucket/posts/")
    ...     failed = [r for r in run(client, ["s3://bucket/crawl/"], task) if r.status == "failed"]
    """
    if task.fmt == "parquet" and task.output_dir is None and work is None:
        raise EngineProblem("--format parquet writes files: give an output folder")
    window = _window(client)
    parts = plan(
        client,
        arguments,
        on_skip=on_skip,
        read_stdin=read_stdin,
        stdin=stdin,
        follow_links=follow_links,
        suffix=suffix_of(task),
        inputs_per_task=inputs_per_task,
        records_per_task=records_per_task,
    )
    run_id = uuid.uuid4().hex[:8]
    pending: deque[tuple[Part, Future[list[Result]]]] = deque()
    while True:
        while len(pending) < window:
            part = next(parts, None)
            if part is None:
                break
            key = f"threads-part-{run_id}-{part.number}"
            pending.append((part, client.submit(run_part, task, part, True, work, key=key)))
        if not pending:
            return
        part, future = pending.popleft()
        yield from _part_results(client, task, part, future, f"{run_id}-{part.number}", work)


def _part_results(
    client: Client, task: Task, part: Part, future: Future[list[Result]], key: str, work: Work | None = None
) -> list[Result]:
    """The part's Results; if its worker died on every try, its inputs run again one at a time."""
    from distributed import KilledWorker

    try:
        results: list[Result] = _result(future)
        return results
    except KilledWorker:
        log.info(
            "a task died with its worker on every try: running its %d inputs one by one", len(part.items)
        )
    # One at a time: a task waiting on the worker that the poison kills is blamed with it, so an
    # input is found guilty only when it ran there alone.
    results = []
    for k, item in enumerate(part.items):
        single = client.submit(run_part, task, _alone(part, k), False, work, key=f"threads-one-{key}-{k}")
        try:
            results.extend(_result(single))
        except KilledWorker:
            results.append(failed(task, item, f"{item.location}: the worker process died"))
    if task.fmt == "parquet" and work is None:
        results = _result(client.submit(write_part, task, part, results, key=f"threads-write-{key}"))
    return results


def _window(client: Client) -> int:
    """Tasks to keep submitted ahead: :data:`IN_FLIGHT_PER_THREAD` per worker thread, at least 8."""
    threads: dict[str, int] = client.nthreads()  # type: ignore[no-untyped-call]  # unannotated in distributed
    return max(8, IN_FLIGHT_PER_THREAD * sum(threads.values()))


def _alone(part: Part, k: int) -> Part:
    """The ``k``-th input of ``part`` as a part of its own (a page: the one record at its offset, or
    in an archive that cannot be read from the middle, that page found on the way)."""
    if not part.offsets:
        return replace(part, items=(part.items[k],))
    offset = part.offsets[k]
    return replace(part, items=(part.items[k],), start=offset, stop=offset + 1, offsets=(offset,))


def digest(
    client: Client,
    arguments: Iterable[str],
    options: Options,
    *,
    on_error: Callable[[str, str], None] | None = None,
    follow_links: bool = False,
) -> Digest:
    """:func:`threads.digest.build` over the inputs (as the command line takes them), each read and
    reconstructed on the cluster; one that fails is left out and handed to ``on_error``."""
    from .digest import build
    from .model import Reconstruction

    window = _window(client)
    recs: list[Reconstruction] = []
    failures: list[tuple[str, str]] = []
    pending: deque[Future[list[Reconstruction | tuple[str, str]]]] = deque()
    parts = plan(client, arguments, follow_links=follow_links)
    run_id = uuid.uuid4().hex[:8]
    while True:
        while len(pending) < window:
            part = next(parts, None)
            if part is None:
                break
            pending.append(
                client.submit(digest_part, options, part, key=f"threads-digest-{run_id}-{part.number}")
            )
        if not pending:
            break
        for found in _result(pending.popleft()):
            if isinstance(found, Reconstruction):
                recs.append(found)
            else:
                failures.append(found)
                if on_error is not None:
                    on_error(*found)
    return build(recs, failures)


# ---------------------------------------------------------------- the command line's cluster


@contextmanager
def connect(scheduler: str, workers: int, *, verbose: bool = False) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (``tcp://host:8786``), or with ``local`` of a
    ``LocalCluster`` of ``workers`` processes (one thread each) on 127.0.0.1, closed on the way out."""
    try:
        from distributed import Client
    except ImportError:
        raise EngineProblem(EXTRA_MISSING) from None
    if not verbose:
        # Dask's own notes (workers started, stopped, restarted; a result fetched again, a lost
        # connection) are not the user's business unless asked (-v): what they cost a run shows in
        # its Results, and a cluster that goes away in one error line.
        for name, logger in list(logging.root.manager.loggerDict.items()):
            if isinstance(logger, logging.Logger) and name.split(".")[0] in ("distributed", "tornado"):
                logger.setLevel(logging.CRITICAL)
    if scheduler == "local":
        cluster = local_cluster(workers, quiet=not verbose)
        try:
            with Client(cluster) as client:  # type: ignore[no-untyped-call]
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(scheduler)  # type: ignore[no-untyped-call]  # waits distributed.comm.timeouts.connect
    except (OSError, ValueError) as e:
        raise EngineProblem(f"cannot reach the Dask scheduler at {scheduler} ({e})") from None
    with client:
        yield client


def local_cluster(workers: int, *, processes: bool = True, quiet: bool = True) -> LocalCluster:
    """A ``LocalCluster`` on 127.0.0.1: ``workers`` worker processes (or threads of this process) of
    one thread each, no dashboard, and the scheduler's HTTP port (health checks) chosen by the system,
    so that several clusters on one machine never compete for Dask's default 8787."""
    import signal
    import threading

    import dask
    from distributed import LocalCluster

    # Ctrl-C reaches every process of the terminal's group: the worker processes (and the ones their
    # nannies start again) ignore it, and this one closes the cluster on its way out. With no
    # dashboard to show them, the workers' statistical profiles (a look at the running task's stack
    # every 10 ms) would cost CPU for nothing.
    main = threading.current_thread() is threading.main_thread()
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN) if main and processes else None
    try:
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            return LocalCluster(  # type: ignore[no-untyped-call]  # unannotated in distributed
                n_workers=workers,
                threads_per_worker=1,
                processes=processes,
                protocol="tcp",
                host="127.0.0.1",
                dashboard_address=None,
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                silence_logs=logging.ERROR if quiet else logging.WARNING,
            )
    finally:
        if interrupt is not None:
            signal.signal(signal.SIGINT, interrupt)
