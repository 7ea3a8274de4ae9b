"""Telegram embeds.

Recognises the widget script ``script[data-telegram-post="{channel}/{N}"]`` (a script, not a
blockquote: the data is in its attribute) and the iframe it leaves,
``iframe[src="https://t.me/{channel}/{N}?embed=1"]``. Channel and message number only: the
channel is the handle, the number the ID (a per-channel counter, no time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dom import Page
from ..model import Author, Post
from ._common import Draft, HtmlElement, Link, absolute, xpath

PLATFORM = "telegram"

POST_URL = re.compile(
    r"^https?://(?:t\.me|telegram\.me)/(?:s/)?(?P<channel>[A-Za-z0-9_]{4,32})/(?P<msg>\d+)", re.I
)
_POST_ATTR = re.compile(r"^\s*(?P<channel>[A-Za-z0-9_]{4,32})/(?P<msg>\d+)\s*$")
_SCRIPTS = xpath("//script[@data-telegram-post]")


def link(url: str) -> Link | None:
    """A message's permalink (``t.me/{channel}/{n}``), or its widget page (``?embed=1``)."""
    address = absolute(url)
    m = POST_URL.match(address) if address else None
    if m is None or address is None:
        return None
    channel, msg = m["channel"], m["msg"]
    embed = "embed=" in address.partition("?")[2]
    return Link(PLATFORM, f"{channel}/{msg}", f"https://t.me/{channel}/{msg}", handle=channel, embed=embed)


def _post(page: Page, el: HtmlElement, channel: str, msg: str, evidence: str) -> Post:
    return Draft(
        PLATFORM,
        evidence,
        author=Author(handle=channel),
        id=f"{channel}/{msg}",
        url=f"https://t.me/{channel}/{msg}",
    ).post(page, el)


def extract(page: Page) -> Iterator[Post]:
    for script in _SCRIPTS(page):
        m = _POST_ATTR.match(script.get("data-telegram-post") or "")
        if m:
            yield _post(page, script, m["channel"], m["msg"], "markup script[data-telegram-post]")
