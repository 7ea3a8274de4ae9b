"""Bluesky embeds.

Recognises:

* ``blockquote.bluesky-embed[data-bluesky-uri="at://{did}/app.bsky.feed.post/{rkey}"]``: ``<p lang>``
  text (plus "[image or embed]" when the post carries one), then
  ``— Name (<a href=".../profile/{did}">@handle</a>) <a href=".../post/{rkey}">date</a>``;
* the rendered ``div.bluesky-embed > iframe[data-bluesky-id]`` and any iframe on
  ``embed.bsky.app/embed/{did}/app.bsky.feed.post/{rkey}``: DID and rkey only.

Post ID = rkey; the AT URI, DID and CID go to ``extra``. Not posts: profile links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dom import Page
from ..ids import bluesky_time
from ..model import Author, Media, Post
from ._common import Draft, HtmlElement, Link, find_trailer, has_class, render, squash, xpath

PLATFORM = "bluesky"

AT_URI = re.compile(
    r"at://(?P<did>did:[a-z]+:[A-Za-z0-9._:%-]+)/app\.bsky\.feed\.post/(?P<rkey>[A-Za-z0-9._~:-]{1,512})"
)
WEB_URL = re.compile(
    r"^https?://(?:www\.)?bsky\.app/profile/(?P<actor>did:[a-z]+:[A-Za-z0-9._:%-]+|[A-Za-z0-9.-]+)"
    r"/post/(?P<rkey>[A-Za-z0-9._~:-]{1,512})"
)
_EMBED_SRC = re.compile(
    r"embed\.bsky\.app/embed/(?P<did>did:[a-z]+:[A-Za-z0-9._:%-]+)/app\.bsky\.feed\.post/(?P<rkey>[A-Za-z0-9._~:-]+)"
)
_TRAILER = re.compile(
    r"(?:[—–―]|(?:^|(?<=\s))-{1,2})\s*(?P<name>[^\n—–―]*?)\s*\(\s*@(?P<handle>[A-Za-z0-9.:-]+)\s*\)\s*$"
)
_EMBED_FLAG = "[image or embed]"
_BLOCKQUOTES = xpath("//blockquote[" + has_class("bluesky-embed") + " or @data-bluesky-uri]")


def link(url: str) -> Link | None:
    """A post's web permalink (by handle or DID), its AT URI, or the embed page of its iframe."""
    url = url.strip()
    m = _EMBED_SRC.search(url) if "embed.bsky.app" in url else AT_URI.match(url)
    if m is not None:
        did, rkey = m["did"], m["rkey"]
        extra = {"uri": f"at://{did}/app.bsky.feed.post/{rkey}", "did": did}
        return Link(
            PLATFORM,
            rkey,
            permalink(did, rkey),
            author_id=did,
            id_time=bluesky_time(rkey),
            embed=True,
            extra=extra,
        )
    w = WEB_URL.match(url)
    if w is None:
        return None
    actor, rkey = w["actor"], w["rkey"]
    did = actor if actor.startswith("did:") else None
    return Link(
        PLATFORM,
        rkey,
        permalink(actor, rkey),
        handle=None if did else actor,
        author_id=did,
        id_time=bluesky_time(rkey),
        extra={"uri": f"at://{did}/app.bsky.feed.post/{rkey}", "did": did} if did else {},
    )


def permalink(actor: str, rkey: str) -> str:
    """The web permalink of a post, by handle or DID."""
    return f"https://bsky.app/profile/{actor}/post/{rkey}"


def extract(page: Page) -> Iterator[Post]:
    for bq in _BLOCKQUOTES(page):
        post = _from_blockquote(page, bq)
        if post is not None:
            yield post


def _from_blockquote(page: Page, bq: HtmlElement) -> Post | None:
    m = AT_URI.search(bq.get("data-bluesky-uri") or "")
    did, rkey = (m["did"], m["rkey"]) if m else (None, None)
    final = None
    for a in bq.iter("a"):
        w = WEB_URL.match(a.get("href") or "")
        if w:
            final = a
            rkey = rkey or w["rkey"]
            did = did or w["actor"]
    if rkey is None or did is None:
        return None

    def media(a: HtmlElement, visible: str) -> Media | None:
        return Media(url=a.get("href") or "", kind="embed") if visible == _EMBED_FLAG else None

    rendered = render(bq, stop_at=final, media_link=media, base_url=page.base_url)
    text, name, handle = rendered.text, None, None
    if t := find_trailer(_TRAILER, text):
        name, handle, text = t[0], t[1], text[: t[2]].strip()
    p = bq.find(".//p[@lang]")
    extra: dict[str, object] = {"uri": f"at://{did}/app.bsky.feed.post/{rkey}", "did": did}
    if p is not None:
        extra["lang"] = p.get("lang")
    if bq.get("data-bluesky-cid"):
        extra["cid"] = bq.get("data-bluesky-cid")
    if rendered.media:
        extra["has_embed"] = True
    return Draft(
        PLATFORM,
        "markup blockquote.bluesky-embed",
        text=text,
        author=Author(
            name=name,
            handle=handle,
            url=f"https://bsky.app/profile/{did}",
            id=did if did.startswith("did:") else None,
        ),
        date_text=squash(final.text_content()) if final is not None else None,
        media=tuple(rendered.media),
        links=tuple(u for u in rendered.links if not WEB_URL.match(u)),
        extra=extra,
        id=rkey,
        url=permalink(handle or did, rkey),
        id_time=bluesky_time(rkey),
    ).post(page, bq)
