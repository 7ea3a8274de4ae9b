"""The ``threads archive`` commands: what each does with its parsed arguments (see ``threads.cli``
for the arguments and their help). Errors that stop a command are ``cli.Failure`` (one line,
exit 1); a bad input of ``archive add`` is reported and the rest go on, as with ``render``."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ThreadsError, UnreadableInput, one_input
from ..limits import time_limit
from ..safe import line
from .prepare import Prepared, prepare
from .records import reconstruction_from_dict
from .store import Added, Archive, default_path

if TYPE_CHECKING:
    from ..batch import Item, Result, Task
    from ..model import Reconstruction

JSONL_SUFFIXES = (".jsonl", ".ndjson")
"""Inputs read as the JSON Lines ``render --format jsonl`` writes (one reconstruction a line)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _failure(message: str) -> Exception:
    from ..cli import Failure

    return Failure(message)


def _shown(text: str) -> str:
    """Text for a terminal: no control characters (escape sequences in a post stay inert)."""
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------- add


def archive_work(task: Task, item: Item) -> Result:
    """Read one item, find its posts and prepare them for the archive (in a worker): the Result's
    data is the :class:`~threads.archive.prepare.Prepared` record (with the page's bytes when they
    are kept), which the one writing process applies. It travels inside the Result, pickled once
    on its way from a worker process (and not at all with ``-j 1``)."""
    from ..batch import Result, failed, read_item, reconstruct_bytes

    if item.error is not None:
        return failed(task, item, item.error)
    try:
        with time_limit(task.timeout, item.location), one_input(item.location, task.options.errors):
            data, url, kind = read_item(item, task.options)
            rec = reconstruct_bytes(item, data, url, kind, task.options)
            prepared = prepare(
                rec,
                sha256=hashlib.sha256(data).hexdigest(),
                page=data if task.keep_bytes else None,
                location=item.location,
            )
    except ThreadsError as e:
        return failed(task, item, str(e))
    n = len(prepared.posts)
    return Result(item.index, item.location, "ok" if n else "empty", n, len(rec.threads), data=prepared)


def _is_jsonl(arg: str) -> bool:
    return arg.lower().endswith(JSONL_SUFFIXES)


def _looks_jsonl(data: bytes) -> bool:
    """Standard input holding JSON Lines of reconstructions rather than a page."""
    head = data.lstrip()[:200]
    return head.startswith(b"{") and (b'"schema"' in head or b'"input"' in head)


def read_jsonl(
    name: str, data: bytes | None = None
) -> Iterator[tuple[str, Reconstruction | None, str | None]]:
    """(where, reconstruction, error) for each line of a JSON Lines file (or of ``data``): a line
    that ``render --format jsonl`` wrote with an error, or that is not a record, gives its error."""
    if data is None:
        try:
            fh = open(name, "rb")  # noqa: SIM115 (closed below, after the lines are read lazily)
        except OSError as e:
            from ..errors import unreadable_file

            yield name, None, str(unreadable_file(name, e, kind="a JSON Lines file"))
            return
        lines: Any = fh
    else:
        fh = None
        lines = data.splitlines()
    try:
        for n, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            where = f"{name}:{n}"
            try:
                record = json.loads(raw)
            except (ValueError, RecursionError) as e:
                yield where, None, f"{where}: not JSON ({str(e)[:80]})"
                continue
            if isinstance(record, dict) and record.get("error"):
                yield str(record.get("input") or where), None, str(record["error"])
                continue
            try:
                yield where, reconstruction_from_dict(record, where=where), None
            except UnreadableInput as e:
                yield where, None, str(e)
    finally:
        if fh is not None:
            fh.close()


def run_add(args: argparse.Namespace) -> None:
    from contextlib import ExitStack

    from ..batch import Item, Progress, Result, Tally, Task, count, expand, run
    from ..model import Options

    inputs: list[str] = args.inputs
    stdin = sys.stdin.buffer.read() if "-" in inputs else None
    stdin_jsonl = stdin is not None and _looks_jsonl(stdin)
    jsonl_args = [a for a in inputs if _is_jsonl(a) or (a == "-" and stdin_jsonl)]
    page_args = [a for a in inputs if a not in jsonl_args]
    if args.url and (len(page_args) != 1 or jsonl_args):
        args.usage_error("--url names one page; give one INPUT with it")
    task = Task(
        "jsonl",
        Options(all_quotes=args.all_quotes, url=args.url),
        timeout=args.timeout,
        keep_bytes=args.keep_pages,
    )
    path = default_path(args.db)
    tally = Tally()
    counts: Counter[str] = Counter()

    def skip(location: str, reason: str) -> None:
        tally.not_pages += 1

    scheduler: str | None = args.scheduler
    workers = args.jobs or os.cpu_count() or 1
    total = count(page_args, follow_links=args.follow_links)
    if total is not None and not jsonl_args:
        jobs = max(1, min(workers, total))
    else:
        jobs, total = workers, None
    progress = Progress(not args.quiet and sys.stderr.isatty(), total)

    def report(location: str, error: str) -> None:
        progress.write(f"threads: error: {line(error)}\n", sys.stderr)

    try:
        with ExitStack() as stack:
            results: Iterator[Result]
            if scheduler is not None and page_args:
                from .. import cluster

                # the cluster first: a scheduler that cannot be reached leaves no new database behind
                client = stack.enter_context(cluster.connect(scheduler, workers, verbose=args.verbose > 0))
                results = cluster.run(
                    client,
                    page_args,
                    task,
                    on_skip=skip,
                    read_stdin=False,
                    stdin=stdin,
                    follow_links=args.follow_links,
                    work=archive_work,
                )
            else:
                items = (
                    Item(i.index, i.location, i.name, stdin, i.capture, i.error) if i.location == "-" else i
                    for i in expand(page_args, read_stdin=False, on_skip=skip, follow_links=args.follow_links)
                )
                results = run(items, task, jobs=jobs, work=archive_work)
            archive = stack.enter_context(Archive(path))
            for arg in jsonl_args:
                for where, rec, error in read_jsonl(arg, stdin if arg == "-" else None):
                    n = sum(len(t.posts) for t in rec.threads) if rec is not None else 0
                    tally.add(Result(0, where, "failed" if rec is None else ("ok" if n else "empty"), n))
                    if rec is None:
                        report(where, error or "unreadable")
                    else:
                        _count(counts, archive.add(rec, location=rec.source.location or where))
                    progress.update(tally)
            for result, added in add_results(archive, results):
                if added is not None:
                    _count(counts, added)
                tally.add(result)
                if result.error is not None:
                    report(result.location, result.error)
                progress.update(tally)
    except ThreadsError as e:
        raise _failure(str(e)) from None
    except KeyboardInterrupt:
        progress.close()
        done = f"{tally.done} inputs done ({tally.summary()}), each kept whole"
        raise KeyboardInterrupt(f"{done}; run the same command to go on") from None
    finally:
        progress.close()
    if not args.quiet:
        linked = counts["linked"]
        sys.stderr.write(
            f"threads: {tally.summary()}; into {path}: {counts['new']} new, {counts['updated']} updated,"
            f" {counts['unchanged']} unchanged; {linked} post{'' if linked == 1 else 's'} found quoted"
            " by another article\n"
        )
    if tally.failed:
        sys.exit(1)


def add_results(archive: Archive, results: Iterable[Result]) -> Iterator[tuple[Result, Added | None]]:
    """Apply each Result of :func:`archive_work` to ``archive`` as it comes (in input order: this
    process is the archive's one writer, each page one transaction), with what adding it did (None
    for an input that failed). ``results`` from :func:`threads.batch.run` or, on Dask,
    :func:`threads.cluster.run` with ``work=archive_work``."""
    for result in results:
        if result.status == "failed" or not isinstance(result.data, Prepared):
            yield result, None
        else:
            yield result, archive.apply(result.data)  # made by archive_work, in a worker


def _count(counts: Counter[str], added: Any) -> None:
    counts[added.status] += 1
    counts["linked"] += added.linked


# ---------------------------------------------------------------- reading commands


def _open(args: argparse.Namespace) -> Archive:
    try:
        return Archive(default_path(args.db), create=False)
    except ThreadsError as e:
        raise _failure(str(e)) from None


def _write(args: argparse.Namespace, text: str) -> None:
    from ..cli import write_output

    write_output(text, args.output)


def run_search(args: argparse.Namespace) -> None:
    from ..render import display_name, human_date, md_escape, platform_label
    from .query import NotFullText, QueryError, author_ids, plain_words, search

    with _open(args) as archive:
        authors = author_ids(archive, args.author) if args.author else None
        if authors == []:
            raise _failure(f"no author {args.author!r} in {archive.path}")

        def run(query: str) -> list[Any]:
            return search(
                archive,
                query,
                authors=authors,
                platform=args.platform,
                since=args.since,
                until=args.until,
                limit=args.limit,
            )

        try:
            try:
                hits = run(args.query)
            except NotFullText as e:
                # not FTS5's syntax ("year-round", "don't", "@handle", "C++", an unclosed quote):
                # its words as they are, each a phrase of its own, and a word saying so
                words = plain_words(args.query)
                if words is None:
                    raise
                sys.stderr.write(f"threads: {e}; searched for its words as written: {words}\n")
                hits = run(words)
        except QueryError as e:
            args.usage_error(str(e))
    if args.fmt in ("json", "jsonl"):
        records = [
            {"archive_id": h.id, "rank": round(h.rank, 4), "snippet": h.snippet, "sources": h.sources}
            | {"post": h.post.to_dict()}
            for h in hits
        ]
        if args.fmt == "json":
            text = json.dumps({"query": args.query, "results": records}, ensure_ascii=False, indent=2) + "\n"
        else:
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    elif args.fmt == "md":
        lines = [f"# Posts matching “{md_escape(args.query)}”", ""]
        for n, h in enumerate(hits, 1):
            p = h.post
            who = md_escape(display_name(p.author))
            when = f" · {human_date(p.published)}" if p.published else ""
            link = f" · [permalink](<{p.url}>)" if p.url and p.url.startswith(("http://", "https://")) else ""
            snippet = md_escape(" ".join(h.snippet.split())).replace("\\[", "**").replace("\\]", "**")
            lines += [
                f"{n}. **{who}** · {platform_label(p.platform)}{when} · quoted in {h.sources}"
                f" article{'' if h.sources == 1 else 's'}{link} · `#{h.id}`",
                f"   > {snippet}",
                "",
            ]
        if not hits:
            lines.append("_No post matches._")
        text = "\n".join(lines).rstrip("\n") + "\n"
    else:
        text = _table(hits)
    if not hits and args.fmt == "table":
        filters = [
            f"{flag} {value}"
            for flag, value in (
                ("--author", args.author),
                ("--platform", args.platform),
                ("--since", args.since),
                ("--until", args.until),
            )
            if value
        ]
        within = f" with {' '.join(filters)}" if filters else ""
        sys.stderr.write(f"threads: no post matches {args.query!r}{within}\n")
    _write(args, text)


def _table(hits: list[Any]) -> str:
    import shutil

    from ..render import display_name

    width = max(60, shutil.get_terminal_size((100, 24)).columns)
    rows = []
    for h in hits:
        p = h.post
        day = p.published.isoformat()[:10] if p.published else ""
        who = _shown(display_name(p.author))[:24]
        rows.append(
            (f"#{h.id}", day, who, p.platform[:10], str(h.sources), _shown(" ".join(h.snippet.split())))
        )
    if not rows:
        return ""
    heads = ("ID", "DATE", "AUTHOR", "PLATFORM", "SRC", "TEXT")
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(5)]
    room = max(20, width - sum(widths) - 2 * 5)
    out = []
    for r in [heads, *rows]:
        text = r[5] if len(r[5]) <= room else _around_match(r[5], room)
        out.append("  ".join(c.ljust(w) for c, w in zip(r[:5], widths, strict=True)) + "  " + text)
    return "\n".join(out) + "\n"


def _around_match(snippet: str, room: int) -> str:
    """``snippet`` cut to ``room`` characters around its first marked word ("[ISIS]"), not at
    its start, which may leave the match out."""
    m = re.search(r"\[(?!…\])", snippet)  # a match, not an editor's "[…]" in the text
    at = m.start() if m else 0
    start = max(0, min(at - room // 3, len(snippet) - room + 1))
    cut = snippet[start : start + room - 1]
    if start > 0:
        cut = "…" + cut[1:]
    return cut + "…" if start + room - 1 < len(snippet) else cut


def run_author(args: argparse.Namespace) -> None:
    from ..render import render
    from .query import author_ids, author_reconstruction

    with _open(args) as archive:
        ids = author_ids(archive, args.who)
        if not ids:
            words = " ".join(w.strip("@") for w in args.who.split() if w.strip("@"))
            hint = (
                f" (to look for the words anywhere: threads archive search {shlex.quote(words)})"
                if words
                else ""
            )
            raise _failure(f"no author {args.who!r} in {archive.path}{hint}")
        rec = author_reconstruction(archive, ids, title=f"Posts by {args.who} in the archive")
    try:
        text = render(rec, args.fmt, templates=args.templates)
    except ThreadsError as e:
        raise _failure(str(e)) from None
    _write(args, text)


def run_post(args: argparse.Namespace) -> None:
    from ..render import display_name, human_date, md_escape, platform_label
    from .query import find_posts, posts_with_sightings

    with _open(args) as archive:
        ids = find_posts(archive, args.ref)
        if not ids:
            raise _failure(f"no post {args.ref!r} in {archive.path}")
        found = posts_with_sightings(archive, ids)
        sources = sorted({s.source_id for _, seen in found for s in seen})
        kept = {
            r[0]
            for r in archive.db.execute(
                f"SELECT source FROM pages WHERE source IN ({','.join('?' * len(sources))})", sources
            )
        }
    if args.fmt == "json":
        records = [
            stored.post.to_dict()
            | {"archive": {"id": stored.id, "key": stored.key}, "sightings": [s.to_dict() for s in seen]}
            for stored, seen in found
        ]
        text = json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2) + "\n"
        _write(args, text)
        return
    out: list[str] = []
    for stored, seen in found:
        p = stored.post
        handle = f" (@{md_escape(p.author.handle)})" if p.author.handle and p.author.name else ""
        out += [f"## {md_escape(display_name(p.author))}{handle} · {platform_label(p.platform)}", ""]
        out += [f"> {md_escape(line)}" if line else ">" for line in (p.text or "(no text kept)").splitlines()]
        facts = [human_date(p.published)] if p.published else []
        if p.url and p.url.startswith(("http://", "https://")):
            facts.append(f"<{p.url}>")
        facts.append(f"`{stored.key}`")
        articles: dict[int, list[Any]] = {}
        for s in seen:  # an article that quoted the post twice is one article, both quotings under it
            articles.setdefault(s.source_id, []).append(s)
        out += [
            ">",
            f"> — {' · '.join(facts)}",
            "",
            f"### Quoted in {len(articles)} article{'s' if len(articles) != 1 else ''}",
            "",
        ]
        for n, quotings in enumerate(articles.values(), 1):
            s = quotings[0]
            name = md_escape(s.title or s.url or s.location or "Untitled")
            web = s.url and s.url.startswith(("http://", "https://"))
            title = f"[{name}](<{s.url}>)" if web else name
            where = f" · {md_escape(s.location)}" if not web and s.location and s.location != s.title else ""
            day = f" · {s.published[:10]}" if s.published else ""
            kinds = " + ".join(dict.fromkeys(q.kind for q in quotings))
            page = " (page kept)" if s.source_id in kept else ""
            out.append(f"{n}. {title}{where}{day} · {kinds} · source #{s.source_id}{page}")
            for q in quotings:
                if q.text and q.text != p.text:
                    out.append(f"   > {md_escape(' '.join(q.text.split()))}")
        out.append("")
    _write(args, "\n".join(out))


def run_page(args: argparse.Namespace) -> None:
    from .query import QueryError, find_sources, kept_page

    with _open(args) as archive:
        ids = find_sources(archive, args.ref)
        if not ids:
            raise _failure(f"no source {args.ref!r} in {archive.path} (a URL, a location as added, or #N)")
        if len(ids) > 1:
            rows = ", ".join(f"#{i}" for i in ids[:10])
            found = f"{args.ref!r} names {len(ids)} sources in {archive.path} ({rows})"
            raise _failure(f"{found}: give one as #N")
        try:
            page = kept_page(archive, ids[0])
        except QueryError as e:
            raise _failure(str(e)) from None
    if page is None:
        again = "add it again with 'threads archive add --keep-pages'"
        raise _failure(f"no page kept for source #{ids[0]} ({args.ref}): {again}")
    if args.output == "-":
        sys.stdout.buffer.write(page)
        sys.stdout.flush()
        return
    from ..output import write_atomic

    try:
        write_atomic(Path(args.output), page)
    except OSError as e:
        raise _failure(f"{args.output}: cannot write ({e.strerror or e})") from None


def run_stats(args: argparse.Namespace) -> None:
    from .query import stats

    with _open(args) as archive:
        data = stats(archive)
    if args.fmt == "json":
        _write(args, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    lines = []
    for key, value in data.items():
        label = key.replace("_", " ")
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        lines.append(f"{label + ':':34}{value if value is not None else '-'}")
    _write(args, "\n".join(lines) + "\n")


def run_export(args: argparse.Namespace) -> None:
    from ..output import atomic_path
    from .export import export

    if args.fmt == "parquet" and args.output == "-":
        args.usage_error("--format parquet writes a file: give -o FILE")
    with _open(args) as archive:
        try:
            if args.output == "-":
                n = export(archive, args.fmt, out=sys.stdout)
            else:
                with atomic_path(Path(args.output)) as tmp:
                    if args.fmt == "parquet":
                        n = export(archive, args.fmt, path=str(tmp))
                    else:
                        with open(tmp, "w", encoding="utf-8", newline="") as fh:
                            n = export(archive, args.fmt, out=fh)
        except ThreadsError as e:
            raise _failure(str(e)) from None
        except BrokenPipeError:
            raise  # the reader went away: the command line ends quietly
        except OSError as e:
            raise _failure(f"{args.output}: cannot write ({e.strerror or e})") from None
    if not args.quiet:
        sys.stderr.write(f"threads: exported {n} post{'' if n == 1 else 's'} as {args.fmt}\n")


def run_site(args: argparse.Namespace) -> None:
    from .site import build_site

    with _open(args) as archive:
        total = archive.db.execute(
            "SELECT (SELECT count(*) FROM posts) + (SELECT count(*) FROM sources)"
            " + (SELECT count(DISTINCT coalesce(author, -1)) FROM posts) + 1"
        ).fetchone()[0]
        from ..batch import Progress, Tally

        bar = Progress(not args.quiet and sys.stderr.isatty(), total)
        tally = Tally()

        def step(n: int) -> None:
            tally.ok += n
            bar.update(tally)

        try:
            summary = build_site(
                archive, args.folder, templates=args.templates, title=args.title, progress=step
            )
        except ThreadsError as e:
            raise _failure(str(e)) from None
        except OSError as e:
            raise _failure(f"{args.folder}: cannot write ({e.strerror or e})") from None
        finally:
            bar.close()
    if not args.quiet:
        sys.stderr.write(
            f"threads: site in {summary.folder}: {_counted(summary.authors, 'author')},"
            f" {_counted(summary.posts, 'post')}, {_counted(summary.sources, 'source')};"
            f" open {os.path.join(summary.folder, 'index.html')}\n"
        )


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def run_check(args: argparse.Namespace) -> None:
    from .check import check

    with _open(args) as archive:
        problems = check(archive, rebuild=args.rebuild_index, report=lambda line: print(line, flush=True))
    if problems:
        raise _failure(
            f"{problems} problem{'' if problems == 1 else 's'} found"
            + ("" if args.rebuild_index else " (a full-text index out of step: --rebuild-index)")
        )
