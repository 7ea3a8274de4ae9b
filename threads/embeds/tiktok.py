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


def _not_caption(a: HtmlElement) -> bool:
    title = a.get("title") or ""
    return a.tag == "a" and (title.startswith(("@", "♬")) or (a.text or "").strip().startswith("♬"))


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
        rendered = render(section if section is not None else bq, skip=_not_caption, base_url=page.base_url)
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
