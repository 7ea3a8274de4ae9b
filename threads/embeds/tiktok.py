"""TikTok embeds.

Recognises ``blockquote.tiktok-embed[cite="https://www.tiktok.com/@{handle}/video/{id}"][data-video-id]``
› ``section`` › ``a[title="@{handle}"]``, the caption (bare text or a ``<p>``, hashtags as
``a[title=tag]``) and the sound link (title starting with ♬); WordPress wraps it in
``figure.wp-block-embed-tiktok``. Also iframes on ``tiktok.com/embed/v2/{id}`` / ``/player/v1/{id}``.
No name and no date in the markup: the ID encodes the time (``id >> 32`` s).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from ..dom import Page
from ..ids import tiktok_time
from ..model import Author, Post
from ._common import Draft, HtmlElement, Link, absolute, has_class, render, xpath

PLATFORM = "tiktok"

VIDEO_URL = re.compile(
    r"^https?://(?:www\.|m\.)?tiktok\.com/@(?P<handle>[A-Za-z0-9._]{1,24})/(?:video|photo)/(?P<id>\d{15,20})",
    re.I,
)
_EMBED_SRC = re.compile(r"tiktok\.com/(?:embed(?:/v2)?|player/v1)/(?P<id>\d{15,20})", re.I)
_BLOCKQUOTES = xpath(
    "//blockquote[" + has_class("tiktok-embed") + " or (@data-video-id and contains(@cite, 'tiktok.com'))]"
)


def link(url: str) -> Link | None:
    """A video's permalink (``/@{handle}/video/{id}``), or its player (``/embed/v2/{id}``,
    ``/player/v1/{id}``: no handle, so no permalink)."""
    address = absolute(url)
    if not address:
        return None
    if m := VIDEO_URL.match(address):
        vid = m["id"]
        return Link(PLATFORM, vid, f"https://www.tiktok.com/@{m['handle']}/video/{vid}", handle=m["handle"],
                    id_time=tiktok_time(vid))  # fmt: skip
    if e := _EMBED_SRC.search(address):
        vid = e["id"]
        return Link(PLATFORM, vid, None, id_time=tiktok_time(vid), embed=True)
    return None


def _not_caption(a: HtmlElement, handle: str | None) -> bool:
    """The author's link and the sound's, by their titles or, where a site dropped the titles, by
    what they show: the author's ``@handle`` linking to their profile, ``♬ sound``. A mention of
    someone else in the caption stays."""
    title = a.get("title") or ""
    shown = (a.text or "").strip()
    if a.tag != "a":
        return False
    if title.startswith("♬") or shown.startswith("♬") or (title.startswith("@") and title[1:] == handle):
        return True
    return handle is not None and shown.casefold() == f"@{handle}".casefold() and _author_link(a)


def _author_link(a: HtmlElement) -> bool:
    shown = (a.text or "").strip()
    return shown.startswith("@") and _PROFILE.search(a.get("href") or "") is not None


def _opening_author(section: HtmlElement | None) -> str | None:
    """The handle of a profile link that opens the embed's section, where no title names it."""
    if section is None or (section.text or "").strip():
        return None
    first = next(iter(section), None)
    if first is None or first.tag != "a" or not _author_link(first):
        return None
    return (first.text or "").strip()[1:]


_PROFILE = re.compile(r"tiktok\.com/@[\w.]+/?(?:[?#]|$)", re.IGNORECASE)


def extract(page: Page) -> Iterator[Post]:
    for bq in _BLOCKQUOTES(page):
        url = absolute(bq.get("cite"))
        m = VIDEO_URL.match(url) if url else None
        video_id = m["id"] if m else (bq.get("data-video-id") or "").strip()
        if not video_id.isdigit():
            continue
        handle = m["handle"] if m else None
        if handle is None:
            author = next((a for a in bq.iter("a") if (a.get("title") or "").startswith("@")), None)
            handle = (author.get("title") or "")[1:] if author is not None else None
        section = bq.find(".//section")
        if handle is None:
            handle = _opening_author(section)
        rendered = render(
            section if section is not None else bq,
            skip=partial(_not_caption, handle=handle),
            base_url=page.base_url,
        )
        sound = next(
            (a.text_content().strip() for a in bq.iter("a") if (a.get("title") or "").startswith("♬")), None
        )
        yield Draft(
            PLATFORM,
            "markup blockquote.tiktok-embed",
            text=rendered.text,
            author=Author(handle=handle),
            id=video_id,
            url=f"https://www.tiktok.com/@{handle}/video/{video_id}" if handle else None,
            id_time=tiktok_time(video_id),
            links=tuple(rendered.links),
            extra={"sound": sound} if sound else {},
        ).post(page, bq)
