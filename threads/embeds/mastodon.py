"""Mastodon (and Mastodon-based servers such as Truth Social) embeds.

Recognises:

* the old iframe ``iframe.mastodon-embed[src="https://{host}/@{user}/{id}/embed"]``; the class is
  missing when the code was copied on another server, so any iframe on ``/@user/{digits}/embed``
  counts (also lazy ``data-src``, and ``truthsocial-embed``);
* the 4.3+ placeholder ``blockquote.mastodon-embed[data-embed-url]`` › "Post by @user@domain".

Neither holds the post's text (``extra["text_missing"]``). The ID encodes its time (``id >> 16``).
Handles are ``user@host`` except on single-server platforms (truthsocial.com: ``user``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import vocab
from ..dom import Page
from ..ids import mastodon_time
from ..model import Author, Post
from ._common import Draft, HtmlElement, Link, absolute, has_class, xpath

PLATFORM = "mastodon"

STATUS_URL = re.compile(
    r"^https?://(?P<host>[^/\s]+)/(?:@(?P<acct>[A-Za-z0-9_]+)(?:@(?P<domain>[A-Za-z0-9.-]+))?"
    r"|users/(?P<user>[A-Za-z0-9_]+)/statuses)/(?P<id>\d{1,19})(?P<embed>/embed)?(?:[/?#]|$)"
)
_EMBED_SRC = "re:test(@{attr}, '^(https?:)?//[^/]+/@[A-Za-z0-9_]+(@[A-Za-z0-9.-]+)?/[0-9]+/embed')"
_BLOCKQUOTES = xpath("//blockquote[" + has_class("mastodon-embed") + " or @data-embed-url]")


def parse_status(href: str | None) -> tuple[str, str, str, str] | None:
    """``(platform, handle, id, permalink)`` for a Mastodon status or embed URL."""
    url = absolute(href)
    m = STATUS_URL.match(url) if url else None
    if not m:
        return None
    host = m["host"].lower()
    user = m["acct"] or m["user"]
    # a server that is a platform of its own (Truth Social): its name, and bare handles
    platform = vocab.platform_of_host(host) or PLATFORM
    handle = user if platform != PLATFORM else f"{user}@{m['domain'] or host}"
    return platform, handle, m["id"], f"https://{host}/@{user}/{m['id']}"


def link(url: str) -> Link | None:
    """A status's embed page (``/@user/{id}/embed``, on any server), or its permalink when the ID
    encodes a plausible time (the host is any server's, so the ID is the only check)."""
    found = parse_status(url)
    if found is None:
        return None
    platform, handle, sid, permalink = found
    when = mastodon_time(sid)
    embed = "/embed" in url.split("?", 1)[0][-7:]
    if not embed and when is None:
        return None
    return Link(platform, sid, permalink, handle=handle, id_time=when, embed=embed)


def _post(page: Page, el: HtmlElement, found: tuple[str, str, str, str], evidence: str) -> Post:
    platform, handle, sid, url = found
    return Draft(
        platform, evidence, author=Author(handle=handle), id=sid, url=url, id_time=mastodon_time(sid)
    ).post(page, el)


def extract(page: Page) -> Iterator[Post]:
    for bq in _BLOCKQUOTES(page):
        found = parse_status(bq.get("data-embed-url"))
        if found is None:
            found = next(filter(None, (parse_status(a.get("href")) for a in bq.iter("a"))), None)
        if found:
            yield _post(page, bq, found, "markup blockquote.mastodon-embed")
