"""Threads (Meta) embeds.

Recognises ``blockquote.text-post-media[data-text-post-permalink=
"https://www.threads.com/@{handle}/post/{code}"]`` (also threads.net, and ``id="ig-tp-{code}"``)
and iframes on ``threads.(net|com)/@{handle}/post/{code}/embed``.
The markup holds handle and shortcode, never the text or the author's name. The shortcode decodes
like Instagram's: a hint of the time, kept only when no better date exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dom import Page
from ..ids import threads_time
from ..model import Author, Post
from ._common import Draft, HtmlElement, Link, absolute, has_class, xpath

PLATFORM = "threads"

POST_URL = re.compile(
    r"^https?://(?:www\.)?threads\.(?:net|com)/(?:@(?P<handle>[A-Za-z0-9._]{1,30})/post|t)/(?P<code>[A-Za-z0-9_-]+)",
    re.IGNORECASE,
)
_BLOCKQUOTES = xpath("//blockquote[" + has_class("text-post-media") + " or @data-text-post-permalink]")


def parse_post_url(href: str | None) -> tuple[str | None, str, str] | None:
    """``(handle, shortcode, canonical permalink)`` for a Threads post URL."""
    url = absolute(href)
    m = POST_URL.match(url) if url else None
    if not m:
        return None
    handle, code = m["handle"], m["code"]
    path = f"@{handle}/post/{code}" if handle else f"t/{code}"
    return handle, code, f"https://www.threads.com/{path}"


def link(url: str) -> Link | None:
    """A post's permalink, or its embed page (``/@{handle}/post/{code}/embed``)."""
    found = parse_post_url(url)
    if found is None:
        return None
    handle, code, permalink = found
    embed = url.split("?", 1)[0].rstrip("/").lower().endswith("/embed")
    return Link(PLATFORM, code, permalink, handle=handle, id_time=threads_time(code), embed=embed)


def _post(page: Page, el: HtmlElement, found: tuple[str | None, str, str], evidence: str) -> Post:
    handle, code, url = found
    return Draft(
        PLATFORM, evidence, author=Author(handle=handle), id=code, url=url, id_time=threads_time(code)
    ).post(page, el)


def extract(page: Page) -> Iterator[Post]:
    for bq in _BLOCKQUOTES(page):
        found = parse_post_url(bq.get("data-text-post-permalink"))
        if found is None:
            found = next(filter(None, (parse_post_url(a.get("href")) for a in bq.iter("a"))), None)
        if found:
            yield _post(page, bq, found, "markup blockquote.text-post-media")
