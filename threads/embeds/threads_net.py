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
from ._common import Draft, HtmlElement, absolute, frame_src, has_class, xpath

PLATFORM = "threads"

POST_URL = re.compile(
    r"^https?://(?:www\.)?threads\.(?:net|com)/(?:@(?P<handle>[A-Za-z0-9._]{1,30})/post|t)/(?P<code>[A-Za-z0-9_-]+)",
    re.IGNORECASE,
)
_BLOCKQUOTES = xpath("//blockquote[" + has_class("text-post-media") + " or @data-text-post-permalink]")
_IFRAMES = xpath(
    "//iframe[re:test(@src, 'threads\\.(net|com)/@[^/]+/post/[^/]+/embed', 'i')"
    " or re:test(@data-src, 'threads\\.(net|com)/@[^/]+/post/[^/]+/embed', 'i')]"
)


def parse_post_url(href: str | None) -> tuple[str | None, str, str] | None:
    """``(handle, shortcode, canonical permalink)`` for a Threads post URL."""
    url = absolute(href)
    m = POST_URL.match(url) if url else None
    if not m:
        return None
    handle, code = m["handle"], m["code"]
    path = f"@{handle}/post/{code}" if handle else f"t/{code}"
    return handle, code, f"https://www.threads.com/{path}"


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
    for iframe in _IFRAMES(page):
        found = parse_post_url(frame_src(iframe))
        if found:
            yield _post(page, iframe, found, "markup iframe threads embed")
