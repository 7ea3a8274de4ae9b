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
from ._common import Draft, HtmlElement, absolute, frame_src, xpath

PLATFORM = "telegram"

POST_URL = re.compile(
    r"^https?://(?:t\.me|telegram\.me)/(?:s/)?(?P<channel>[A-Za-z0-9_]{4,32})/(?P<msg>\d+)", re.I
)
_POST_ATTR = re.compile(r"^\s*(?P<channel>[A-Za-z0-9_]{4,32})/(?P<msg>\d+)\s*$")
_SCRIPTS = xpath("//script[@data-telegram-post]")
_IFRAMES = xpath(
    "//iframe[re:test(@src, '(t|telegram)\\.me/(s/)?[A-Za-z0-9_]{4,32}/[0-9]+\\?(.*&)?embed=', 'i')"
    " or re:test(@data-src, '(t|telegram)\\.me/(s/)?[A-Za-z0-9_]{4,32}/[0-9]+\\?(.*&)?embed=', 'i')]"
)


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
    for iframe in _IFRAMES(page):
        src = absolute(frame_src(iframe))
        m = POST_URL.match(src) if src else None
        if m:
            yield _post(page, iframe, m["channel"], m["msg"], "markup iframe t.me ?embed=1")
