"""cli: ``threads render INPUT`` and friends; a thin layer over the Python API.

Heavy modules (lxml, Jinja) are imported inside the commands so that ``threads --version`` and
``threads --help`` answer at once.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__

RENDER_HELP = """Find the posts INPUT quotes and render them as threads.

INPUT is a path, an http(s) URL, or - for standard input (HTML or plain text).

\b
Examples:
  threads render article.html                       Markdown to stdout
  threads render article.html --format html -o t.html
  threads render https://example.org/story --format json
  curl -s https://example.org/story | threads render - --url https://example.org/story
  threads render notes.txt --all-quotes             also quotes with no social evidence
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="threads")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """threads: the social-media posts an article quotes, rebuilt as clean threads."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="threads: %(levelname)s: %(message)s", stream=sys.stderr)


@main.command(help=RENDER_HELP)
@click.argument("input", metavar="INPUT")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json"]),
    default="md",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    help="Write here instead of stdout ('-' is stdout).",
)
@click.option("--all-quotes", is_flag=True, help="Keep quoted statements that have no social evidence.")
@click.option("--evidence", is_flag=True, help="Show why each post was taken for one (HTML and Markdown).")
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True),
    help="A folder whose templates override the built-in ones by name.",
)
@click.option("--url", help="The page's URL, when INPUT is a saved copy.")
def render(
    input: str,
    fmt: str,
    output: str,
    all_quotes: bool,
    evidence: bool,
    templates: str | None,
    url: str | None,
) -> None:
    from . import reconstruct
    from .errors import ThreadsError
    from .model import Options
    from .render import render as render_as

    try:
        rec = reconstruct(input, options=Options(all_quotes=all_quotes, url=url))
        text = render_as(rec, fmt, templates=templates, show_evidence=evidence)
    except ThreadsError as e:
        raise click.ClickException(str(e)) from None
    write_output(text, output)
    n = sum(len(t.posts) for t in rec.threads)
    logging.getLogger("threads").info("%s: %d posts in %d threads", input, n, len(rec.threads))


def write_output(text: str, output: str) -> None:
    """Write ``text`` to stdout or atomically to a file (a temporary name, then a rename)."""
    if output == "-":
        click.echo(text, nl=False)
        return
    target = Path(output)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as e:
        raise click.ClickException(f"{output}: cannot write ({e.strerror or e})") from None


if __name__ == "__main__":  # pragma: no cover
    main()
