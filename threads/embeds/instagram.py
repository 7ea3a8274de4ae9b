"""Instagram embeds.

Recognises:

* ``blockquote.instagram-media`` (``data-instgrm-permalink``, or in v7 code only a link to the post):
  older code puts the caption in ``<p><a href=permalink>caption</a></p>`` and the author in
  "A post shared by <a>Name</a> (@handle) on <time datetime=…>Sep 3, 2018 at 3:55pm PDT</time>";
  newer code (v14) has one link "A post shared by Name (@handle)", no date, and the caption only
  when captioned; the sentence is localised ("Ein Beitrag geteilt von …");
* rendered ``iframe.instagram-media-rendered`` and other iframes on ``instagram.com/p/{code}/embed``;
* ``amp-instagram[data-shortcode]``; WordPress ``figure.wp-block-embed-instagram`` with a bare URL;
* screenshot fallbacks: an image whose alt reads "Instagram post by @handle: text".

Not posts: profile links, follow buttons, the ``instagram-media`` class named in CSS.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from .. import vocab
from ..dom import Page
from ..ids import instagram_time
from ..model import Author, Post
from ._common import (
    Draft,
    HtmlElement,
    Link,
    absolute,
    around_links,
    either,
    figure_link,
    has_class,
    localize,
    render,
    screenshot_alt,
    screenshots,
    squash,
    xpath,
)

PLATFORM = "instagram"

POST_URL = re.compile(
    r"^https?://(?:www\.)?(?:instagram\.com|instagr\.am)/(?:(?P<user>[A-Za-z0-9._]{1,30})/)?"
    r"(?P<kind>p|reels?|tv)/(?P<code>[A-Za-z0-9_-]{5,})",
    re.IGNORECASE,
)
_PROFILE = re.compile(r"^https?://(?:www\.)?instagram\.com/(?P<user>[A-Za-z0-9._]{1,30})/?(?:[?#]|$)", re.I)
_SHARED_BY = re.compile(r"\(\s*@(?P<handle>[A-Za-z0-9._]{1,30})\s*\)")
"""The "(@handle)" of "A post shared by Name (@handle)": the name is what precedes it."""
_PHRASES = re.compile(
    rf"^(?:{vocab.phrase_alternation(vocab.POST_SHARED_BY)}|.{{0,40}}?님의 게시물)\s*", re.IGNORECASE
)
""""A post shared by" as Instagram's embed code writes it in the languages seen."""
_VIEW_LINKS = re.compile(
    r"^(?:View this post on Instagram|Dieser Beitrag ist auf Instagram|.{0,60}Instagram)$", re.I
)

_POST_HREF = "^(https?:)?//(www\\.)?(instagram\\.com|instagr\\.am)/([A-Za-z0-9._]+/)?(p|reels?|tv)/"
_BLOCKQUOTES = xpath(
    "//blockquote[" + has_class("instagram-media") + " or @data-instgrm-permalink or @data-instgrm-version]"
)
_POST_LINK = re.compile(_POST_HREF, re.IGNORECASE)
"""A blockquote holding a link like this may be a post whose classes were stripped."""
_AMP = xpath("//amp-instagram[@data-shortcode]")
_WP_FIGURES = xpath(
    "//figure[" + has_class("wp-block-embed-instagram") + " or " + has_class("is-provider-instagram") + "]"
)
_SCREENSHOTS = screenshots("Instagram")
_SCREENSHOT_ALT = screenshot_alt("Instagram", r"[\w.]")


def link(url: str) -> Link | None:
    """A post's permalink (``/p/``, ``/reel/``, ``/tv/``, ``/{user}/p/``: the user is the author),
    or its embed page (``/p/{code}/embed``)."""
    address = absolute(url)
    m = POST_URL.match(address) if address else None
    if m is None or address is None:
        return None
    kind = "reel" if m["kind"].lower().startswith("reel") else m["kind"].lower()
    embed = address[m.end() :].lstrip("/").lower().startswith("embed")
    user = m["user"] if m["user"] and m["user"].lower() not in _NOT_USERS else None
    return Link(
        PLATFORM,
        m["code"],
        f"https://www.instagram.com/{kind}/{m['code']}/",
        handle=user,
        id_time=instagram_time(m["code"]),
        embed=embed,
    )


_NOT_USERS = frozenset({"p", "reel", "reels", "tv", "explore", "stories", "accounts"})


def parse_post_url(href: str | None) -> tuple[str, str] | None:
    """``(shortcode, canonical permalink)`` for an Instagram post URL."""
    url = absolute(href)
    m = POST_URL.match(url) if url else None
    if not m:
        return None
    kind = "reel" if m["kind"].lower().startswith("reel") else m["kind"].lower()
    return m["code"], f"https://www.instagram.com/{kind}/{m['code']}/"


def extract(page: Page) -> Iterator[Post]:
    for bq in either(page, _BLOCKQUOTES(page), around_links(page, "blockquote", _POST_LINK)):
        post = _from_blockquote(page, bq)
        if post is not None:
            yield post
    for amp in _AMP(page):
        found = parse_post_url(f"https://www.instagram.com/p/{(amp.get('data-shortcode') or '').strip()}/")
        if found:
            yield _stub(page, amp, found, "markup amp-instagram")
    for fig in _WP_FIGURES(page):
        if found := figure_link(fig, parse_post_url):
            yield _stub(page, fig, found, "markup figure.wp-block-embed-instagram with a post URL")
    for el in _SCREENSHOTS(page):
        if m := _SCREENSHOT_ALT.match(el.get("alt") or el.get("data-alt") or ""):
            yield Draft(
                PLATFORM,
                "screenshot alt 'Instagram post by @handle'",
                text=squash(m["text"]),
                author=Author(name=squash(m["name"]) if m["name"] else None, handle=m["handle"]),
            ).post(page, el)


def _stub(page: Page, el: HtmlElement, found: tuple[str, str], evidence: str) -> Post:
    code, url = found
    return Draft(PLATFORM, evidence, id=code, url=url, id_time=instagram_time(code)).post(page, el)


def _placeholder_only(bq: HtmlElement) -> bool:
    """A blockquote that holds nothing but a link to the post ("View this photo on Instagram")."""
    if "instagram" in (bq.get("class") or "").lower():
        return True
    everything = squash("".join(bq.itertext()))
    in_links = squash(" ".join(t for a in bq.iter("a") for t in a.itertext()))
    return len(everything) <= len(in_links) + 3


def _from_blockquote(page: Page, bq: HtmlElement) -> Post | None:
    marked = "instagram-media" in (bq.get("class") or "").split() or bq.get("data-instgrm-permalink")
    if not marked and bq.get("data-instgrm-version") is None and not _placeholder_only(bq):
        return None  # a quotation that links to a post: prose, not an embed
    found = parse_post_url(bq.get("data-instgrm-permalink"))
    if found is None:
        found = next(filter(None, (parse_post_url(a.get("href")) for a in bq.iter("a"))), None)
    paragraphs = [p for p in bq.iter("p") if squash(p.text_content())]
    name = handle = author_url = None
    caption_ps = paragraphs
    for i in range(len(paragraphs) - 1, -1, -1):
        p = paragraphs[i]
        line = squash(p.text_content())
        m = _SHARED_BY.search(line)
        if not m:
            continue
        handle = m["handle"]
        profile = next((a for a in p.iter("a") if _PROFILE.match(a.get("href") or "")), None)
        if profile is not None:
            name, author_url = squash(profile.text_content()), absolute(profile.get("href"))
        else:
            name = _PHRASES.sub("", line[: m.start()]).strip() or None
            author_url = f"https://www.instagram.com/{handle}/"
        caption_ps = paragraphs[:i]
        break
    if found is None and handle is None:
        return None
    caption = "\n\n".join(
        t for p in caption_ps if (t := render(p, base_url=page.base_url).text) and not _VIEW_LINKS.match(t)
    )
    time_el = bq.find(".//time")
    published = date_text = None
    if time_el is not None:
        date_text = squash(time_el.text_content()) or None
        from dateutil import parser as date_parser  # loaded when a post carries a time

        try:
            moment: datetime | None = date_parser.isoparse(time_el.get("datetime") or "")
        except ValueError:
            moment = None
        if moment is not None:
            published = localize(moment, date_text)
    code, url = found if found else (None, None)
    extra = {"captioned": True} if bq.get("data-instgrm-captioned") is not None else {}
    return Draft(
        PLATFORM,
        "markup blockquote.instagram-media",
        text=caption,
        author=Author(name=name, handle=handle, url=author_url),
        id=code,
        url=url,
        published=published,
        date_text=date_text,
        id_time=instagram_time(code) if code else None,
        extra=extra,
    ).post(page, bq)
