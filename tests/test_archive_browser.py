"""The archive's static site in a real browser, as ``test_browser`` checks the thread view: each
kind of page (index, author, post, source) at 360 px and 1280 px, light and dark: no console
error, no request beyond the file, no horizontal scroll, axe-core finds no serious or critical
violation. The screenshot of the site for the README goes to ``docs/archive-site.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .archive_pages import BRIDGE, BRIDGE_PART, embed_page, quote_page
from .browser_util import axe_violations, launch, visit
from .clirun import invoke

pytestmark = pytest.mark.slow

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A site made from four invented articles: a tweet quoted by two of them, one embedded."""
    folder = tmp_path_factory.mktemp("archive")
    pages = folder / "pages"
    pages.mkdir()
    ferry = "The ferry to the island runs again from Monday morning"
    texts = {
        "a.html": quote_page(
            "Bridge to reopen early", "https://news.example/a", BRIDGE_PART, "Mayor Ana Reyes"
        ),
        "b.html": embed_page(
            "Bridge works: what we know",
            "https://other.example/b",
            BRIDGE,
            "Ana Reyes",
            "anareyes",
            "1764000000000000001",
            extra=f"<p>“{ferry},” harbour master Ben Ortiz tweeted.</p>",
        ),
        "c.html": embed_page(
            "Ferry back on Monday",
            "https://news.example/c",
            f"{ferry}. Timetable: https://t.co/abc #ferry",
            "Ben Ortiz",
            "benortiz",
            "1764000000000000002",
        ),
        "d.html": quote_page(
            "Roundup", None, "Storm warning lifted for the whole harbour tonight", "Lena Okafor", 7
        ),
    }
    for name, html in texts.items():
        (pages / name).write_text(html, encoding="utf-8")
    db = folder / "archive.db"
    assert invoke(["archive", "add", str(pages), "--db", str(db), "-j", "1", "-q"]).exit_code == 0
    out = folder / "site"
    assert invoke(["archive", "site", str(out), "--db", str(db), "-q"]).exit_code == 0
    post = next(p for p in sorted((out / "posts").glob("*.html")) if "bridge will reopen" in p.read_text())
    return {
        "index": out / "index.html",
        "author": sorted((out / "authors").glob("*.html"))[0],
        "post": post,
        "source": sorted((out / "sources").glob("*.html"))[0],
    }


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", ["index", "author", "post", "source"])
def test_site_page_loads_clean_fits_and_passes_axe(
    browser: Any, site: dict[str, Path], kind: str, width: int, dark: bool
) -> None:
    v = visit(browser, site[kind], width=width, dark=dark)
    try:
        assert v.console_errors == []
        assert v.page_errors == []
        assert v.foreign_requests == []
        scroll, client = v.page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= client, f"horizontal overflow at {width}px: {scroll} > {client}"
        assert axe_violations(v.page) == []
    finally:
        v.page.context.close()


def test_post_page_shows_every_article_that_quoted_it(browser: Any, site: dict[str, Path]) -> None:
    v = visit(browser, site["post"], width=1000)
    try:
        items = v.page.locator("section.listing ul.entries > li")
        assert items.count() == 2
        assert v.page.locator("blockquote.as-quoted").first.is_visible()
        assert v.page.locator("a[href='../index.html']").count() == 1
    finally:
        v.page.context.close()


def test_screenshot_of_the_site_for_the_readme(browser: Any, site: dict[str, Path]) -> None:
    DOCS.mkdir(exist_ok=True)
    v = visit(browser, site["post"], width=1000, height=900)
    try:
        target = DOCS / "archive-site.png"
        v.page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000
    finally:
        v.page.context.close()
