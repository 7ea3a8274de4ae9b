"""Headless Chromium for the HTML tests: Debian's ``chromium`` driven by Playwright for Python.

Nothing is downloaded: Playwright is pointed at the system browser (``THREADS_CHROMIUM`` overrides
the path). axe-core comes from npm (``npm ci --prefix tests``) and is read from ``tests/node_modules``.
When one of them is missing, a test skips with the reason and the command that installs it; in CI
(``CI`` set to true, as ``.ci/run`` and CI services do) it fails instead, so a missing browser can
never pass unnoticed there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

CHROMIUM = os.environ.get("THREADS_CHROMIUM", "/usr/bin/chromium")
# No GPU, no QUIC, and none of the browser's own background traffic, so that every request
# the page makes is one the page asked for.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(what: str) -> NoReturn:
    """What the browser tests need is not here: skip (saying what and how to get it), or in CI fail."""
    if IN_CI:
        pytest.fail(what, pytrace=False)
    pytest.skip(what)


@contextmanager
def launch() -> Iterator[Any]:
    """A Playwright ``Browser`` on the system Chromium; fails the test, with the reason, if it cannot."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as e:
        missing(f"Playwright for Python is not installed ({e}): pip install -e '.[test]'")
    path = shutil.which(CHROMIUM) or CHROMIUM
    if not Path(path).is_file():
        missing(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium (or set THREADS_CHROMIUM)")
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, timeout=60_000)
        except Error as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else repr(e)
            pytest.fail(f"Chromium at {path} could not start: {first}", pytrace=False)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """A page loaded from a file, with what it did while loading."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    """Every request the page started (also those the CSP then refused)."""
    sent: list[str] = field(default_factory=list)
    """Requests that got past the page's own checks and would have gone to the network."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(url, reason) of failed requests; the reason is "csp" when the page's policy refused one."""
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        """Every request other than the page's own file, attempted or sent."""
        return [r for r in self.requests + self.sent if r != self.url]

    @property
    def foreign_sent(self) -> list[str]:
        """Requests other than the file that reached the network layer (where they were aborted)."""
        return [r for r in self.sent if r != self.url]


def visit(browser: Any, path: Path, *, width: int, height: int = 900, dark: bool = False) -> Visit:
    """Open ``path`` in a fresh context at ``width`` px; every request other than the file is aborted."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme="dark" if dark else "light",
        java_script_enabled=True,  # the page has no script; axe needs evaluate()
    )
    page = context.new_page()
    url = path.resolve().as_uri()
    v = Visit(page=page, url=url)
    page.on("request", lambda r: v.requests.append(r.url))
    page.on("console", lambda m: v.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: v.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: v.failed.append((r.url, str(r.failure))))

    def route(r: Any) -> None:
        v.sent.append(r.request.url)
        if r.request.url == url:
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page.goto(url, wait_until="load")
    return v


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's violations of the given impacts, one line each (rule, impact, first targets)."""
    if not AXE_JS.is_file():
        missing(f"axe-core not found at {AXE_JS}: run `npm ci --prefix tests`")
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    lines = []
    for v in result["violations"]:
        if v.get("impact") in impacts:
            targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
            lines.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return lines
