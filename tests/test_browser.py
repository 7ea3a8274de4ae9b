"""The HTML view in a real browser: headless Chromium (Debian's package) driven by Playwright.

Each page is opened from a file at 360, 390 and 1280 px: no console error, no request beyond the
file, no horizontal scroll, every post visible, the first one on a phone's first screen; dark mode
changes the colours; axe-core finds no serious or critical violation at 390 and 1280 px, light and
dark; the CSP blocks a script even if one got in. Screenshots go to ``docs/`` (for the README) and
to the test's tmp folder. When the browser cannot start the
tests fail and say why (see ``browser_util``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import threads
from threads.model import Reconstruction
from threads.render import render

from .browser_util import axe_violations, launch, visit
from .render_samples import few_threads, hostile, mixed, reactions, several_authors

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "amn-raqqa-2017-10-17.txt"
DOCS = ROOT / "docs"

PAGES: dict[str, Callable[[], Reconstruction]] = {
    "seed": lambda: threads.reconstruct(str(SEED)),
    "several-authors": several_authors,
    "hostile": hostile,
    "reactions": reactions,
    "mixed": mixed,
    "few-threads": few_threads,
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    """Each sample rendered to a file, with its number of top-level posts."""
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for name, make in PAGES.items():
        rec = make()
        path = folder / f"{name}.html"
        path.write_text(render(rec, "html"), encoding="utf-8")
        out[name] = (path, len(rec.posts))
    return out


@pytest.mark.parametrize("width", [360, 390, 1280])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_clean_fits_and_shows_every_post(
    browser: Any, pages: dict[str, tuple[Path, int]], name: str, width: int, tmp_path: Path
) -> None:
    path, n_posts = pages[name]
    assert n_posts > 0
    v = visit(browser, path, width=width)
    try:
        assert v.console_errors == []
        assert v.page_errors == []
        assert v.foreign_requests == []
        scroll, client = v.page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= client, f"horizontal overflow at {width}px: {scroll} > {client}"
        entries = v.page.locator("main .h-entry")  # a card each, or a line in the list of links
        assert entries.count() == n_posts
        for i in range(n_posts):
            entry = entries.nth(i)
            entry.scroll_into_view_if_needed()
            assert entry.is_visible()
            box = entry.bounding_box()
            assert box is not None and box["width"] > 100
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"post {i + 1} sticks out"
        v.page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)
    finally:
        v.page.context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_dark_mode_changes_colours(browser: Any, pages: dict[str, tuple[Path, int]], name: str) -> None:
    path, _ = pages[name]
    css = "(() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; })()"
    light = visit(browser, path, width=800)
    dark = visit(browser, path, width=800, dark=True)
    try:
        light_bg, light_fg = light.page.evaluate(css)
        dark_bg, dark_fg = dark.page.evaluate(css)
        assert light_bg != dark_bg and light_fg != dark_fg

        def lum(rgb: str) -> float:
            r, g, b = (int(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
            return 0.2126 * r + 0.7152 * g + 0.0722 * b

        assert lum(dark_bg) < lum(light_bg) and lum(dark_fg) > lum(light_fg)
    finally:
        light.page.context.close()
        dark.page.context.close()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violation(
    browser: Any, pages: dict[str, tuple[Path, int]], name: str, dark: bool
) -> None:
    path, _ = pages[name]
    for width in (390, 1280):
        v = visit(browser, path, width=width, dark=dark)
        try:
            assert axe_violations(v.page) == [], f"at {width}px"
        finally:
            v.page.context.close()


def test_print_stylesheet_hides_contents_and_shows_link_targets(
    browser: Any, pages: dict[str, tuple[Path, int]]
) -> None:
    v = visit(browser, pages["several-authors"][0], width=800)
    try:
        assert v.page.evaluate("getComputedStyle(document.querySelector('nav.toc')).display") != "none"
        v.page.emulate_media(media="print")
        assert v.page.evaluate("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
        after = v.page.evaluate("getComputedStyle(document.querySelector('a.u-url'), '::after').content")
        assert "https://" in after or "attr(href)" in after
    finally:
        v.page.context.close()


def test_csp_blocks_a_script_that_got_into_the_page(browser: Any, tmp_path: Path) -> None:
    html = render(several_authors(), "html")
    evil = html.replace("</h1>", "</h1><script>document.title = 'pwned'</script>", 1)
    evil = evil.replace("</h1>", '</h1><img src="https://tracker.example/p.gif" alt="">', 1)
    path = tmp_path / "evil.html"
    path.write_text(evil, encoding="utf-8")
    v = visit(browser, path, width=800)
    try:
        assert v.page.title() != "pwned"
        assert v.foreign_sent == []  # the CSP refuses the image before it reaches the network
        assert ("https://tracker.example/p.gif", "csp") in v.failed
        assert any("Content Security Policy" in e for e in v.console_errors)
    finally:
        v.page.context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_first_post_is_on_a_phones_first_screen(
    browser: Any, pages: dict[str, tuple[Path, int]], name: str
) -> None:
    """The header and the contents box leave room for the first post's first lines at 390 x 844."""
    v = visit(browser, pages[name][0], width=390, height=844)
    try:
        box = v.page.locator("main .h-entry").first.bounding_box()
        assert box is not None and box["y"] + 96 <= 844, f"the first post starts at {box}"
    finally:
        v.page.context.close()


def test_voices_are_compact_cards_with_a_visible_view_on_link(
    browser: Any, pages: dict[str, tuple[Path, int]]
) -> None:
    v = visit(browser, pages["reactions"][0], width=390, height=844)
    try:
        assert v.page.locator("nav.toc details").evaluate("d => d.open") is False
        links = v.page.locator("article.voice a.view")
        # every voice with a permalink (one is a prose quote without one), and the quoted post
        assert links.count() == 7
        assert v.page.locator("article.voice > .post-foot a.view").count() == 6
        for i in range(links.count()):
            links.nth(i).scroll_into_view_if_needed()
            assert links.nth(i).is_visible() and links.nth(i).inner_text().startswith("View on ")
        assert v.page.locator("span.count").count() == 0
        assert v.page.locator("#without-text li a.view").count() == 3
    finally:
        v.page.context.close()


def test_screenshots_for_the_readme(browser: Any, pages: dict[str, tuple[Path, int]]) -> None:
    """docs/screenshot.png (the seed's thread at 1000 px, top of page), the reactions article as a
    list of voices (1000 px, and 390 px whole) and an author's thread among reactions in dark mode."""
    DOCS.mkdir(exist_ok=True)
    shots = {
        "screenshot.png": ("seed", 1000, False),
        "screenshot-voices.png": ("reactions", 1000, False),
        "screenshot-390.png": ("reactions", 390, False),
        "screenshot-dark.png": ("mixed", 1000, True),
    }
    for filename, (name, width, dark) in shots.items():
        v = visit(browser, pages[name][0], width=width, height=1100, dark=dark)
        try:
            target = DOCS / filename
            v.page.screenshot(path=str(target), full_page=width < 400)
            assert target.stat().st_size > 10_000
        finally:
            v.page.context.close()
