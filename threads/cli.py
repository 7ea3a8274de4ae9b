"""cli: ``threads render INPUT`` and friends; a thin layer over the Python API.

Heavy modules (lxml, Jinja) are imported inside the commands so that ``threads --version`` and
``threads --help`` answer at once.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from . import __version__

if TYPE_CHECKING:
    from .batch import Task

RENDER_HELP = """Find the posts INPUT quotes and render them as threads.

INPUT is a path, an http(s) URL, or - for standard input (HTML or plain text). Several
INPUTs, folders (walked for .html/.htm/.xhtml/.txt files and web archives), globs and web
archives (.warc, .warc.gz: each HTML page in one is an input; needs the warc extra) take
--output-dir or --format jsonl; a failing input is reported and the rest go on (exit 1 if any
failed). A progress bar shows on stderr when it is a terminal.

\b
Examples:
  threads render article.html                       Markdown to stdout
  threads render article.html --format html -o t.html
  threads render https://example.org/story --format json
  curl -s https://example.org/story | threads render - --url https://example.org/story
  threads render notes.txt --all-quotes             also quotes with no social evidence
  threads render saved/ 'more/*.html' -d out/       one file per input in out/, on all cores
  threads render urls/*.html --format jsonl -j 4    one JSON line per input, errors included
  threads render crawl.warc.gz -d out/              every HTML page in the archive
"""


# Options that render and digest share, written once.
OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    help="Write here instead of stdout ('-' is stdout).",
)
ALL_QUOTES_OPTION = click.option(
    "--all-quotes", is_flag=True, help="Keep quoted statements that have no social evidence."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="threads")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """threads: the social-media posts an article quotes, rebuilt as clean threads."""
    import logging

    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="threads: %(levelname)s: %(message)s", stream=sys.stderr)


@main.command(help=RENDER_HELP)
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json", "jsonl", "jsonfeed", "activitystreams"]),
    default="md",
    show_default=True,
    help="Output format.",
)
@OUTPUT_OPTION
@ALL_QUOTES_OPTION
@click.option("--evidence", is_flag=True, help="Show why each post was taken for one (HTML and Markdown).")
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True),
    help="A folder whose templates override the built-in ones by name.",
)
@click.option("--url", help="The page's URL, when INPUT is a saved copy.")
@click.option(
    "-d",
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Several inputs: write one file per input here, named after it.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--skip-existing", is_flag=True, help="With --output-dir: leave inputs whose output exists.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no closing summary.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=120.0,
    show_default=True,
    help="Seconds allowed per input before it is given up as failed (0: no limit).",
)
def render(
    inputs: tuple[str, ...],
    fmt: str,
    output: str,
    all_quotes: bool,
    evidence: bool,
    templates: str | None,
    url: str | None,
    output_dir: str | None,
    jobs: int | None,
    skip_existing: bool,
    quiet: bool,
    timeout: float,
) -> None:
    from .warc import is_archive

    if output_dir is not None or fmt == "jsonl" or len(inputs) > 1 or any(map(is_archive, inputs)):
        from .batch import Task
        from .model import Options

        options = Options(all_quotes=all_quotes, url=url)
        task = Task(
            fmt,
            options,
            templates,
            evidence,
            output_dir=output_dir,
            skip_existing=skip_existing,
            timeout=timeout,
        )
        _render_many(inputs, task, output, jobs, quiet)
        return
    (input,) = inputs
    from . import reconstruct
    from .errors import ThreadsError
    from .limits import time_limit
    from .model import Options
    from .render import render as render_as

    try:
        with time_limit(timeout, input):
            rec = reconstruct(input, options=Options(all_quotes=all_quotes, url=url))
            text = render_as(rec, fmt, templates=templates, show_evidence=evidence)
    except ThreadsError as e:
        raise click.ClickException(str(e)) from None
    write_output(text, output)
    n = sum(len(t.posts) for t in rec.threads)
    import logging

    logging.getLogger("threads").info("%s: %d posts in %d threads", input, n, len(rec.threads))


def collect_garbage() -> None:
    """Turn the cyclic garbage collector back on for work over many pages (the command starts with
    it off: :mod:`threads.__main__`). What is loaded so far is frozen first: later collections, and
    the copies of memory that worker processes would make when a collection touched it, skip it."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _render_many(inputs: tuple[str, ...], task: Task, output: str, jobs: int | None, quiet: bool) -> None:
    """Several inputs (or jsonl, or an output folder): see :mod:`threads.batch`."""
    from .batch import render_many
    from .warc import is_archive

    archives = any(map(is_archive, inputs))
    several = "a web archive holds several pages" if archives and len(inputs) == 1 else "several inputs"
    if output != "-":
        if archives or len(inputs) > 1:
            raise click.UsageError(f"-o/--output takes one page; {several}: use --output-dir DIR")
        raise click.UsageError("-o/--output takes one input; use --output-dir DIR for several")
    if task.output_dir is None and task.fmt != "jsonl":
        raise click.UsageError(f"{several}: give --output-dir DIR, or --format jsonl for one line each")
    if task.output_dir is not None and task.fmt == "jsonl":
        raise click.UsageError("--format jsonl writes to stdout; with --output-dir choose md, html or json")
    if task.options.url and (len(inputs) > 1 or archives):
        raise click.UsageError(
            "--url names one page; give one INPUT with it (an archive gives each page's URL)"
        )
    workers = jobs or os.cpu_count() or 1
    progress = not quiet and sys.stderr.isatty()
    collect_garbage()
    tally = render_many(inputs, task, jobs=workers, progress=progress, summary=not quiet)
    if tally.failed:
        sys.exit(1)


def write_output(text: str, output: str) -> None:
    """Write ``text`` to stdout or atomically to a file (a temporary name, then a rename)."""
    if output == "-":
        click.echo(text, nl=False)
        return
    import tempfile
    from pathlib import Path

    target = Path(output)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as e:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)  # no half-written file left behind
        raise click.ClickException(f"{output}: cannot write ({e.strerror or e})") from None


DIGEST_HELP = """Many pages into one Markdown digest, grouped by author, posts in time order.

Each post links back to the articles that quote it; a post quoted by several is listed once.
INPUTs are taken as by render: paths, URLs, folders, globs, and web archives (each HTML page
in one an article). One that cannot be read is reported on stderr and left out (exit 1 only if
none could be read).

\b
Examples:
  threads digest a.html b.html c.txt -o digest.md
  threads digest saved/*.html --title "This week's quoted posts"
  threads digest crawl.warc.gz -o digest.md
"""


@main.command(help=DIGEST_HELP)
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True)
@OUTPUT_OPTION
@click.option("--title", help="The digest's title.")
@ALL_QUOTES_OPTION
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True),
    help="A folder whose templates (digest.md) override the built-in ones by name.",
)
def digest(
    inputs: tuple[str, ...], output: str, title: str | None, all_quotes: bool, templates: str | None
) -> None:
    from .batch import expand, reconstruct_item
    from .digest import build, render_digest
    from .errors import ThreadsError, UnreadableInput
    from .model import Options, Reconstruction

    collect_garbage()
    options = Options(all_quotes=all_quotes)
    recs: list[Reconstruction] = []
    failures: list[tuple[str, str]] = []
    for item in expand(inputs):  # the expansion render uses: folders, globs, web archives
        try:
            if item.error is not None:
                raise UnreadableInput(item.error)
            recs.append(reconstruct_item(item, options))
        except ThreadsError as e:
            reason = " ".join(str(e).split()).removeprefix(f"{item.location}: ")
            failures.append((item.location, reason))
            click.echo(f"threads: skipped {item.location}: {reason}", err=True)
    try:
        if not recs:
            raise click.ClickException("no input could be read")
        text = render_digest(build(recs, failures), templates=templates, title=title)
    except ThreadsError as e:
        raise click.ClickException(str(e)) from None
    write_output(text, output)


if __name__ == "__main__":  # pragma: no cover
    main()
