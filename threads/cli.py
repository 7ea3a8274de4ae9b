"""cli: ``threads render INPUT`` and friends; a thin layer over the Python API.

The command line is read with :mod:`argparse`; the formats it offers are the renderers' own
(:data:`threads.render.FORMATS`), and the reading modules (lxml) load inside the commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from . import __version__, render

if TYPE_CHECKING:
    import logging
    from collections.abc import Iterator

    from .batch import Result, Task

FORMATS = (*render.FORMATS, "jsonl", "parquet")
"""The renderers' formats, jsonl (one JSON line per input, for many inputs) and parquet (one row per
post, one file per task: :mod:`threads.parquet`)."""

DESCRIPTION = "threads: the social-media posts an article quotes, rebuilt as clean threads."

RENDER_HELP = """Find the posts INPUT quotes and render them as threads.

INPUT is a path, an http(s) URL, or - for standard input (HTML or plain text). Several
INPUTs, folders (walked for .html/.htm/.xhtml/.txt files and web archives), globs and web
archives (.warc, .warc.gz: each HTML page in one is an input; needs the warc extra) take
--output-dir or --format jsonl; a failing input is reported and the rest go on (exit 1 if any
failed). A progress bar shows on stderr when it is a terminal.

Examples:
  threads render article.html                       Markdown to stdout
  threads render article.html --format html -o t.html
  threads render https://example.org/story --format json
  curl -s https://example.org/story | threads render - --url https://example.org/story
  threads render notes.txt --all-quotes             also quotes with no social evidence
  threads render saved/ 'more/*.html' -d out/       one file per input in out/, on all cores
  threads render urls/*.html --format jsonl -j 4    one JSON line per input, errors included
  threads render crawl.warc.gz -d out/              every HTML page in the archive
  threads render crawls/ -f parquet -d posts/       one row per post, one Parquet file per task

On Dask (the dask extra): --scheduler tcp://HOST:8786 runs the batch on a cluster's workers,
--scheduler local on a cluster of --jobs processes here; the workers read the inputs
themselves (paths they all see, or fsspec URLs such as s3://bucket/crawl/) and write the
outputs (--output-dir may be a URL too). --format parquet runs on Dask (local by default).
  threads render 's3://bucket/crawl/*.warc.gz' -f parquet -d s3://bucket/posts/ --scheduler tcp://10.0.0.5:8786
"""

DIGEST_HELP = """Many pages into one Markdown digest, grouped by author, posts in time order.

Each post links back to the articles that quote it; a post quoted by several is listed once.
INPUTs are taken as by render: paths, URLs, folders, globs, and web archives (each HTML page
in one an article). One that cannot be read is reported on stderr and left out (exit 1 only if
none could be read).

Examples:
  threads digest a.html b.html c.txt -o digest.md
  threads digest saved/*.html --title "This week's quoted posts"
  threads digest crawl.warc.gz -o digest.md
  threads digest crawls/ --scheduler local -j 4 -o digest.md      the pages read on Dask
"""


class Failure(Exception):
    """A command that cannot go on: ``Error: <message>`` on stderr, exit status 1."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error told as ``Error: ...`` after a pointer to ``--help``."""

    def error(self, message: str) -> NoReturn:
        from .safe import line

        self.print_usage(sys.stderr)
        sys.stderr.write(f"Try '{self.prog} --help' for help.\n\nError: {line(message)}\n")
        sys.exit(2)


class _Help(argparse.RawDescriptionHelpFormatter):
    """Help with the examples laid out as written, and wide enough for the option names."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def _at_least(minimum: float, kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a valid {kind.__name__}") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is not in the range x>={minimum}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


def _existing_folder(text: str) -> str:
    if not os.path.exists(text):
        raise argparse.ArgumentTypeError(f"folder {text!r} does not exist")
    if not os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"{text!r} is a file, not a folder")
    return text


def _folder(text: str) -> str:
    if os.path.exists(text) and not os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"{text!r} is a file, not a folder")
    return text


def _output_file(text: str) -> str:
    if text != "-" and os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"{text!r} is a folder, not a file")
    return text


def _command(commands: Any, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    cmd: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        formatter_class=_Help,
        usage="%(prog)s [OPTIONS] INPUT...",
        add_help=False,
        allow_abbrev=False,
    )
    cmd.add_argument("inputs", metavar="INPUT", nargs="+", help=argparse.SUPPRESS)
    return cmd


def _output_option(cmd: argparse.ArgumentParser) -> None:
    """-o/--output: one file for the output, stdout by default."""
    cmd.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=_output_file,
        default="-",
        help="Write here instead of stdout ('-' is stdout).",
    )


def _common(cmd: argparse.ArgumentParser, templates_help: str) -> None:
    """The options render and digest share, written once."""
    _output_option(cmd)
    cmd.add_argument(
        "--all-quotes", action="store_true", help="Keep quoted statements that have no social evidence."
    )
    cmd.add_argument("--templates", metavar="DIRECTORY", type=_existing_folder, help=templates_help)
    cmd.add_argument(
        "--follow-links",
        action="store_true",
        help="Walking a folder, follow symbolic links to files and folders (left out by default).",
    )


def _timeout(cmd: argparse.ArgumentParser) -> None:
    """--timeout: how long one input may take (render and archive add)."""
    cmd.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_at_least(0, float),
        default=120.0,
        help="Seconds allowed per input before it is given up as failed (0: no limit; default: 120). "
        "Not on Dask, whose workers run inputs in threads that cannot be stopped.",
    )


def _engine(cmd: argparse.ArgumentParser, jobs_help: str) -> None:
    """--jobs and --scheduler: where the inputs are worked on (render, digest and archive add)."""
    cmd.add_argument("-j", "--jobs", metavar="N", type=_at_least(1, int), help=jobs_help)
    cmd.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Run on Dask: a scheduler's address (tcp://HOST:8786), or 'local' for a cluster of "
        "--jobs processes here. Needs the dask extra.",
    )


def parser() -> argparse.ArgumentParser:
    """The ``threads`` command line."""
    top = _Parser(
        prog="threads",
        description=DESCRIPTION,
        formatter_class=_Help,
        usage="%(prog)s [OPTIONS] COMMAND [ARGS]...",
        add_help=False,
        allow_abbrev=False,
    )
    top.add_argument(
        "-V",
        "--version",
        action="version",
        version=f"threads, version {__version__}",
        help="Show the version and exit.",
    )
    top.add_argument(
        "-v", "--verbose", action="count", default=0, help="More detail on stderr (-vv for debug)."
    )
    top.add_argument("-h", "--help", action="help", help="Show this message and exit.")
    commands = top.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, title="commands", prog="threads"
    )

    render = _command(
        commands, "render", "Find the posts INPUT quotes and render them as threads.", RENDER_HELP
    )
    render.add_argument(
        "-f",
        "--format",
        dest="fmt",
        metavar="FORMAT",
        choices=FORMATS,
        default="md",
        help=f"Output format: {', '.join(FORMATS[:-1])} or {FORMATS[-1]} (default: md).",
    )
    _common(render, "A folder whose templates override the built-in ones by name.")
    render.add_argument(
        "--evidence", action="store_true", help="Show why each post was taken for one (HTML and Markdown)."
    )
    render.add_argument("--url", help="The page's URL, when INPUT is a saved copy.")
    render.add_argument(
        "-d",
        "--output-dir",
        metavar="DIRECTORY",
        type=_folder,
        help="Several inputs: write one file per input here, named after it.",
    )
    _engine(render, "Worker processes, at least 1 (default: all cores).")
    render.add_argument(
        "--skip-existing", action="store_true", help="With --output-dir: leave inputs whose output exists."
    )
    render.add_argument("-q", "--quiet", action="store_true", help="No progress bar and no closing summary.")
    _timeout(render)
    render.add_argument("-h", "--help", action="help", help="Show this message and exit.")
    render.set_defaults(run=_render, usage_error=render.error)

    digest = _command(
        commands, "digest", "Many pages into one Markdown digest, grouped by author.", DIGEST_HELP
    )
    _common(digest, "A folder whose templates (digest.md) override the built-in ones by name.")
    digest.add_argument("--title", help="The digest's title.")
    _engine(digest, "With --scheduler local: its worker processes (default: all cores).")
    digest.add_argument("-h", "--help", action="help", help="Show this message and exit.")
    digest.set_defaults(run=_digest, usage_error=digest.error)
    _archive_commands(commands)
    return top


ARCHIVE_HELP = """Keep the posts that many pages quote in one SQLite database: every post once, every
article that quoted it, searchable.

The database is --db PATH, else $THREADS_DB, else threads.db in the current folder. It opens in
Datasette and sqlite-utils (full-text search in posts_fts). Run 'threads archive COMMAND --help'.

Examples:
  threads archive add saved/ crawl.warc.gz          pages, folders, web archives, URLs
  threads archive add results.jsonl                 what 'render --format jsonl' wrote elsewhere
  threads archive search 'bridge NOT ferry' --since 2024-03-01
  threads archive author @anareyes --format html -o reyes.html
  threads archive post https://x.com/anareyes/status/1764000000000000001
  threads archive export --format parquet -o posts.parquet
  threads archive site site/ && open site/index.html
"""

ARCHIVE_COMMANDS = {
    "add": (
        "Add pages (or render's JSON Lines) to the archive.",
        """Find the posts each INPUT quotes and keep them in the archive.

INPUTs are taken as by render: paths, folders (walked for pages and web archives), globs, URLs,
web archives, and - for standard input; .jsonl files (and JSON Lines on standard input) are read
as 'threads render --format jsonl' writes them, one page a line. Each page is one transaction:
a killed run loses at most the page it was adding, and running it again completes the archive.
Adding a page again replaces what it quoted (an unchanged page is left as it is). A failing
input is reported and the rest go on (exit 1 if any failed).

On Dask (the dask extra), --scheduler tcp://HOST:8786 reads the pages and finds their posts on a
cluster's workers, --scheduler local on a cluster of --jobs processes here; this process alone
writes the archive, page by page in input order.

Examples:
  threads archive add article.html https://example.org/story
  threads archive add saved/ --keep-pages -j 2
  threads archive add 's3://bucket/crawl/*.warc.gz' --scheduler tcp://10.0.0.5:8786
  threads render crawl.warc.gz --format jsonl > pages.jsonl && threads archive add pages.jsonl
  THREADS_DB=~/posts.db threads archive add today/*.html
""",
    ),
    "search": (
        "Search the posts' text, authors' names and handles.",
        """Search the archive's full-text index (SQLite FTS5) over the posts' text, their authors'
names and handles; best matches first, the matching words marked [like this].

QUERY is FTS5 syntax: words (all must match), "a phrase", OR, NOT, prefix*, and a column
filter (text: ..., author_name: ..., author_handle: ...). Case and accents do not count. A query
that is not FTS5 syntax (year-round, don't, @handle) is searched for its words as written.

Examples:
  threads archive search bridge
  threads archive search '"bridge will reopen"' --author @anareyes
  threads archive search 'flood* OR storm' --platform twitter --since 2024-01-01 --format md
  threads archive search 'author_handle: oirspox' --format jsonl --limit 1000
""",
    ),
    "author": (
        "One author's thread across every article.",
        """Show every post of one author (a handle, with or without @, or a name; a surname finds
everyone of that name) across every article of the archive, in time order, in the views render
has: Markdown, HTML or JSON (each post's articles in extra.quoted_in).

Examples:
  threads archive author @anareyes
  threads archive author "Ana Reyes" --format html -o reyes.html
  threads archive author Reyes --format json
""",
    ),
    "post": (
        "One post and every article that quoted it.",
        """Show one post and every article that quoted it, with the text exactly as each quoted
it. REF is a permalink (any form of it: x.com or twitter.com, with or without query), a
platform's post ID, an archive key (id:twitter:...) or an archive row (#12, as search shows).

Examples:
  threads archive post https://x.com/anareyes/status/1764000000000000001
  threads archive post 1764000000000000001 --format json
  threads archive post '#12'
""",
    ),
    "page": (
        "A kept page's bytes, as they were added.",
        """Write the page a source was added from, byte for byte, as 'archive add --keep-pages'
kept it: to show a post in its article, or to read the page again with a newer threads. SOURCE
is the page's URL, the location it was added from, or its archive row (#3: 'post --format json'
gives each sighting's source row, the site its page).

Examples:
  threads archive page https://example.org/story -o story.html
  threads archive page '#3' | threads render - --format md
""",
    ),
    "stats": (
        "What the archive holds.",
        """Count the posts, authors, sources, sightings and kept pages, posts by platform and kind,
posts quoted by more than one article, the span of dates, the schema version.

Examples:
  threads archive stats
  threads archive stats --format json --db ~/posts.db
""",
    ),
    "export": (
        "Every post with its articles, as JSON Lines, CSV or Parquet.",
        """Write every post with the articles that quoted it: JSON Lines (the JSON contract's post
plus 'archive' and 'sightings'), CSV (sightings as JSON text), or Parquet (needs pyarrow:
pip install 'threads[archive]'; sightings as a list of structs).

Examples:
  threads archive export > posts.jsonl
  threads archive export --format csv -o posts.csv
  threads archive export --format parquet -o posts.parquet
""",
    ),
    "site": (
        "The archive as a static site in FOLDER.",
        """Write the archive as a static site into FOLDER: an index of authors and sources, a page
per author (their thread across every article), per post (with every article that quoted it)
and per source. No script, nothing fetched: open FOLDER/index.html, or put it on any server.

Examples:
  threads archive site site/
  threads archive site public/ --title "Posts quoted by our newsroom"
""",
    ),
    "check": (
        "Check the database and its full-text index.",
        """Check the archive: SQLite's integrity check, references between tables, the full-text
index against the posts, posts without a source. Exit 1 when a problem is found.

Examples:
  threads archive check
  threads archive check --rebuild-index      rebuild the full-text index from the posts first
""",
    ),
}


def _archive_commands(commands: Any) -> None:
    """``threads archive COMMAND``: the archive's commands, each with --db."""
    archive: argparse.ArgumentParser = commands.add_parser(
        "archive",
        help="Keep the quoted posts of many pages in one database.",
        description=ARCHIVE_HELP,
        formatter_class=_Help,
        usage="%(prog)s COMMAND [OPTIONS] [ARGS]...",
        add_help=False,
        allow_abbrev=False,
    )
    archive.add_argument("-h", "--help", action="help", help="Show this message and exit.")
    sub = archive.add_subparsers(
        dest="archive_command",
        metavar="COMMAND",
        parser_class=_Parser,
        title="commands",
        prog="threads archive",
    )
    archive.set_defaults(run=lambda args: _no_archive_command(archive), usage_error=archive.error)
    made: dict[str, argparse.ArgumentParser] = {}
    usage = {
        "add": "INPUT...",
        "search": "QUERY",
        "author": "HANDLE|NAME",
        "post": "REF",
        "page": "SOURCE",
        "site": "FOLDER",
    }
    for name, (summary, description) in ARCHIVE_COMMANDS.items():
        cmd = sub.add_parser(
            name,
            help=summary,
            description=description,
            formatter_class=_Help,
            usage=f"%(prog)s [OPTIONS] {usage.get(name, '')}".rstrip(),
            add_help=False,
            allow_abbrev=False,
        )
        cmd.add_argument(
            "--db",
            metavar="PATH",
            help="The archive database (default: $THREADS_DB, else threads.db here).",
        )
        made[name] = cmd
    for name, options in ARCHIVE_OPTIONS.items():
        options(made[name])

    for name, each in made.items():
        each.add_argument("-h", "--help", action="help", help="Show this message and exit.")
        each.set_defaults(run=_archive_runner(name), usage_error=each.error)


def _archive_add_options(add: argparse.ArgumentParser) -> None:
    add.add_argument("inputs", metavar="INPUT", nargs="+", help=argparse.SUPPRESS)
    add.add_argument("--keep-pages", action="store_true", help="Also keep each page's bytes (compressed).")
    add.add_argument(
        "--all-quotes", action="store_true", help="Keep quoted statements that have no social evidence."
    )
    add.add_argument("--url", help="The page's URL, when the one INPUT is a saved copy.")
    add.add_argument(
        "--follow-links",
        action="store_true",
        help="Walking a folder, follow symbolic links to files and folders (left out by default).",
    )
    _engine(add, "Worker processes, at least 1 (default: all cores).")
    add.add_argument("-q", "--quiet", action="store_true", help="No progress bar and no closing summary.")
    _timeout(add)


def _archive_search_options(search: argparse.ArgumentParser) -> None:
    search.add_argument("query", metavar="QUERY", help=argparse.SUPPRESS)
    search.add_argument("--author", metavar="HANDLE|NAME", help="Only this author's posts.")
    search.add_argument(
        "--platform", metavar="NAME", help="Only posts on this platform (twitter, bluesky, ...)."
    )
    search.add_argument("--since", metavar="DAY", help="Only posts published on or after DAY (YYYY-MM-DD).")
    search.add_argument("--until", metavar="DAY", help="Only posts published on or before DAY (YYYY-MM-DD).")
    search.add_argument(
        "-n",
        "--limit",
        metavar="N",
        type=_at_least(1, int),
        default=20,
        help="At most N results (default: 20).",
    )
    _format_option(search, ("table", "md", "json", "jsonl"))


def _archive_author_options(author: argparse.ArgumentParser) -> None:
    author.add_argument("who", metavar="HANDLE|NAME", help=argparse.SUPPRESS)
    _format_option(author, ("md", "html", "json"))
    author.add_argument(
        "--templates", metavar="DIRECTORY", type=_existing_folder, help="Templates to use first."
    )


def _archive_post_options(post: argparse.ArgumentParser) -> None:
    post.add_argument("ref", metavar="REF", help=argparse.SUPPRESS)
    _format_option(post, ("md", "json"))


def _archive_page_options(page: argparse.ArgumentParser) -> None:
    page.add_argument("ref", metavar="SOURCE", help=argparse.SUPPRESS)
    page.add_argument(
        "-o", "--output", metavar="FILE", default="-", help="Write the page to FILE (default: stdout)."
    )


def _archive_stats_options(stats: argparse.ArgumentParser) -> None:
    _format_option(stats, ("text", "json"))


def _archive_export_options(export: argparse.ArgumentParser) -> None:
    _format_option(export, ("jsonl", "csv", "parquet"))
    export.add_argument("-q", "--quiet", action="store_true", help="No closing summary.")


def _archive_site_options(site: argparse.ArgumentParser) -> None:
    site.add_argument("folder", metavar="FOLDER", type=_folder, help=argparse.SUPPRESS)
    site.add_argument("--title", help="The site's title (default: Archive of quoted posts).")
    site.add_argument(
        "--templates",
        metavar="DIRECTORY",
        type=_existing_folder,
        help="Templates to use first (archive_*.html).",
    )
    site.add_argument("-q", "--quiet", action="store_true", help="No progress bar and no closing summary.")


def _archive_check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--rebuild-index", action="store_true", help="Rebuild the full-text index from the posts first."
    )


# each archive command's own options and arguments (--db and --help are every command's)
ARCHIVE_OPTIONS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "add": _archive_add_options,
    "search": _archive_search_options,
    "author": _archive_author_options,
    "post": _archive_post_options,
    "page": _archive_page_options,
    "stats": _archive_stats_options,
    "export": _archive_export_options,
    "site": _archive_site_options,
    "check": _archive_check_options,
}


def _archive_runner(name: str) -> Callable[[argparse.Namespace], None]:
    """``threads archive NAME``'s function, its module (and SQLite) loaded only when it runs."""

    def run(args: argparse.Namespace) -> None:
        from .archive import command

        getattr(command, f"run_{name}")(args)

    return run


def _format_option(cmd: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    cmd.add_argument(
        "-f",
        "--format",
        dest="fmt",
        metavar="FORMAT",
        choices=formats,
        default=formats[0],
        help=f"{', '.join(formats[:-1])} or {formats[-1]} (default: {formats[0]}).",
    )
    if "output" not in {a.dest for a in cmd._actions}:
        _output_option(cmd)


def _no_archive_command(archive: argparse.ArgumentParser) -> NoReturn:
    archive.print_help(sys.stderr)
    sys.exit(2)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the command line on ``argv`` (default: the process's arguments) and exit."""
    top = parser()
    args, extra = top.parse_known_args(argv)
    if extra:
        (args.usage_error if args.command else top.error)(f"unrecognized arguments: {' '.join(extra)}")
    if args.command is None:
        top.print_help(sys.stderr)
        sys.exit(2)
    import logging

    from .safe import line

    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, handlers=[_log_handler()])
    try:
        args.run(args)
    except Failure as e:
        sys.stderr.write(f"Error: {line(e)}\n")
        sys.exit(1)
    except KeyboardInterrupt as e:
        sys.stderr.write(f"Aborted: {line(e)}\n" if str(e) else "Aborted!\n")
        sys.exit(130)
    except BrokenPipeError:
        # the reader went away (`threads render x | head`): nothing more to say, nowhere to say it
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(0)


def _log_handler() -> logging.Handler:
    """stderr, each message one line without control characters (a page's text or a file's name
    in it cannot drive the terminal); a traceback, at -vv, follows as it is."""
    import logging

    from .safe import line

    class OneLine(logging.Formatter):
        def formatMessage(self, record: logging.LogRecord) -> str:
            return line(super().formatMessage(record))

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine("threads: %(levelname)s: %(message)s"))
    return handler


def _is_archive(name: str) -> bool:
    """:func:`threads.warc.is_archive`, without loading that module for a name that cannot be one."""
    if ".warc" not in name.lower():
        return False
    from .warc import is_archive

    return is_archive(name)


def _is_storage_url(name: str) -> bool:
    """:func:`threads.storage.is_url`, without loading that module for a name that cannot be one."""
    if "://" not in name:
        return False
    from .storage import is_url

    return is_url(name)


def _several(name: str) -> str | None:
    """Why one INPUT names several pages (a web archive, a folder, a pattern), or None."""
    if _is_archive(name) and not os.path.isdir(name):
        return "a web archive holds several pages"
    if _is_storage_url(name):  # s3://bucket/crawl/ or s3://bucket/*.html (not listed here)
        if any(c in name.split("://", 1)[1] for c in "*?["):
            return "a pattern names several files"
        return "a folder holds several pages" if name.endswith("/") else None
    if name == "-" or "://" in name:
        return None
    if os.path.isdir(name):
        return "a folder holds several pages"
    if not os.path.exists(name) and any(c in name for c in "*?["):
        return "a pattern names several files"
    return None


def _render(args: argparse.Namespace) -> None:
    inputs: list[str] = args.inputs
    batch = args.output_dir is not None or args.fmt in ("jsonl", "parquet") or args.scheduler is not None
    if batch or len(inputs) > 1 or any(map(_several, inputs)):
        from .batch import Task
        from .model import Options

        task = Task(
            args.fmt,
            Options(all_quotes=args.all_quotes, url=args.url),
            args.templates,
            args.evidence,
            output_dir=args.output_dir,
            skip_existing=args.skip_existing,
            timeout=args.timeout,
        )
        _render_many(args, task)
        return
    (input,) = inputs
    from . import reconstruct
    from .errors import ThreadsError, one_input
    from .limits import time_limit
    from .load import argument
    from .model import Options
    from .render import render as render_as

    options = Options(all_quotes=args.all_quotes, url=args.url)
    try:
        with time_limit(args.timeout, input), one_input(input, options.errors):
            if _is_storage_url(input):  # s3://, file:// ...: read through fsspec, as in a batch
                from .batch import Item, reconstruct_item

                rec = reconstruct_item(Item(0, input, "input"), options)
            else:
                rec = reconstruct(argument(input), options=options)
            text = render_as(rec, args.fmt, templates=args.templates, show_evidence=args.evidence)
    except ThreadsError as e:
        raise Failure(str(e)) from None
    write_output(text, args.output)
    n = sum(len(t.posts) for t in rec.threads)
    import logging

    logging.getLogger("threads").info("%s: %d posts in %d threads", input, n, len(rec.threads))


def _render_many(args: argparse.Namespace, task: Task) -> None:
    """Several inputs (or jsonl, or an output folder): see :mod:`threads.batch`."""
    from .batch import render_many

    inputs: list[str] = args.inputs
    usage_error: Callable[[str], NoReturn] = args.usage_error
    why = next(filter(None, map(_several, inputs)), None)
    several = why if why and len(inputs) == 1 else "several inputs"
    if args.output != "-":
        if why or len(inputs) > 1:
            usage_error(f"-o/--output takes one page; {several}: use --output-dir DIR")
        usage_error("-o/--output takes one input; use --output-dir DIR for several")
    if task.fmt == "parquet" and task.output_dir is None:
        usage_error("--format parquet writes one file per task: give --output-dir DIR")
    if task.output_dir is None and task.fmt != "jsonl":
        if args.scheduler is not None and not why and len(inputs) == 1:
            usage_error("--scheduler runs a batch: give --output-dir DIR, or --format jsonl")
        usage_error(f"{several}: give --output-dir DIR, or --format jsonl for one line each")
    if task.output_dir is not None and task.fmt == "jsonl":
        usage_error("--format jsonl writes to stdout; with --output-dir choose md, html or json")
    if task.options.url and (len(inputs) > 1 or why):
        usage_error("--url names one page; give one INPUT with it (an archive gives each page's URL)")
    workers = args.jobs or os.cpu_count() or 1
    progress = not args.quiet and sys.stderr.isatty()
    scheduler: str | None = args.scheduler
    if scheduler is None and task.fmt == "parquet":
        scheduler = "local"  # Parquet parts are the Dask engine's tasks
    if scheduler is None:
        tally = render_many(
            tuple(inputs),
            task,
            jobs=workers,
            progress=progress,
            summary=not args.quiet,
            follow_links=args.follow_links,
        )
    else:
        tally = _render_on_dask(args, task, scheduler, workers, progress)
    if tally.failed:
        sys.exit(1)


def _render_on_dask(
    args: argparse.Namespace, task: Task, scheduler: str, workers: int, progress: bool
) -> Any:
    """:func:`threads.batch.render_many` with :mod:`threads.cluster` as the engine."""
    from . import cluster
    from .batch import render_many
    from .errors import ThreadsError

    try:
        if task.fmt == "parquet":
            from .parquet import schema

            schema()  # pyarrow is there, or the one-line reason it is needed
        with cluster.connect(scheduler, workers, verbose=args.verbose > 0) as client:

            def engine(arguments: list[str], on_skip: Callable[[str, str], None]) -> Iterator[Result]:
                return cluster.run(client, arguments, task, on_skip=on_skip, follow_links=args.follow_links)

            return render_many(
                tuple(args.inputs),
                task,
                jobs=workers,
                progress=progress,
                summary=not args.quiet,
                follow_links=args.follow_links,
                engine=engine,
            )
    except ThreadsError as e:
        raise Failure(str(e)) from None


def write_output(text: str, output: str) -> None:
    """Write ``text`` to stdout, or to a file (atomically, keeping a replaced file's mode; see
    :mod:`threads.output`)."""
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pathlib import Path

    from .output import write_atomic

    try:
        write_atomic(Path(output), text)
    except OSError as e:
        raise Failure(f"{output}: cannot write ({e.strerror or e})") from None


def _digest(args: argparse.Namespace) -> None:
    from .batch import expand, reconstruct_item
    from .digest import Digest, build, render_digest
    from .errors import ThreadsError, UnreadableInput, one_input
    from .model import Options, Reconstruction
    from .safe import line

    options = Options(all_quotes=args.all_quotes)
    if args.jobs is not None and args.scheduler is None:
        args.usage_error("-j/--jobs sets the workers of --scheduler local; without it digest reads here")

    def skipped(location: str, reason: str) -> None:
        sys.stderr.write(line(f"threads: skipped {location}: {reason}") + "\n")

    if args.scheduler is not None:
        from . import cluster

        workers = args.jobs or os.cpu_count() or 1
        try:
            with cluster.connect(args.scheduler, workers, verbose=args.verbose > 0) as client:
                inputs = tuple(args.inputs)
                built: Digest = cluster.digest(
                    client, inputs, options, on_error=skipped, follow_links=args.follow_links
                )
        except ThreadsError as e:
            raise Failure(str(e)) from None
    else:
        recs: list[Reconstruction] = []
        failures: list[tuple[str, str]] = []
        # the expansion render uses: folders, globs, web archives
        for item in expand(tuple(args.inputs), follow_links=args.follow_links):
            try:
                if item.error is not None:
                    raise UnreadableInput(item.error)
                with one_input(item.location, options.errors):
                    recs.append(reconstruct_item(item, options))
            except ThreadsError as e:
                reason = " ".join(str(e).split()).removeprefix(f"{item.location}: ")
                failures.append((item.location, reason))
                skipped(item.location, reason)
        built = build(recs, failures)
    try:
        if not built.sources:
            raise Failure("no input could be read")
        text = render_digest(built, templates=args.templates, title=args.title)
    except ThreadsError as e:
        raise Failure(str(e)) from None
    write_output(text, args.output)


if __name__ == "__main__":  # pragma: no cover
    main()
