"""Facebook embeds.

Recognises:

* the SDK form ``div.fb-post[data-href]`` / ``div.fb-video[data-href]`` with its fallback
  ``blockquote.fb-xfbml-parse-ignore``: ``<p>`` text (often cut with "..."), then
  "Posted by <a href=page>Name</a> on <a href=permalink>Thursday, August 27, 2015</a>" in the
  embedder's locale ("Publiée par … sur …");
* the iframe plugins ``iframe[src*="facebook.com/plugins/post.php?href=…"]`` (also ``video.php``,
  ``comment_embed.php``, lazy ``data-src``): URL only;
* ``amp-facebook[data-href]``; WordPress ``figure.wp-block-embed-facebook`` with a bare URL.

Not posts: ``div.fb-page`` (a page's timeline), ``fb-like``/``fb-share-button``/``fb-comments``,
markup inside ``<script>`` templates (lxml keeps script bodies as text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

from ..dom import Page
from ..model import Author, Post
from ._common import (
    Draft,
    HtmlElement,
    Link,
    absolute,
    figure_link,
    has_class,
    query_value,
    render,
    squash,
    xpath,
)

PLATFORM = "facebook"

POST_URL = re.compile(
    r"^https?://(?:(?:www|m|web|business|developers|graph|mbasic)\.)?(?:facebook|fb)\.(?:com|watch)/"
    r"(?!plugins/|sharer|share\.php|dialog/|tr\?|login)\S+",
    re.IGNORECASE,
)
_POST_ID = re.compile(
    r"/(?:posts|videos|photos(?:/[^/]+)?|permalink|reel|notes/[^/]+)/(?P<id>pfbid\w+|\d{6,})"
    r"|[?&](?:story_fbid|fbid|v)=(?P<qid>pfbid\w+|\d{6,})",
    re.IGNORECASE,
)
_PAGE_SLUG = re.compile(r"^https?://[^/]+/(?P<slug>[A-Za-z0-9.]{3,80})/(?:posts|videos|photos)/", re.I)
_NOT_SLUGS = frozenset({"permalink.php", "story.php", "watch", "photo.php", "groups", "events", "share"})
_SDK = xpath("//div[" + has_class("fb-post") + " or " + has_class("fb-video") + "][@data-href]")
_AMP = xpath("//amp-facebook[@data-href]")
_WP_FIGURES = xpath(
    "//figure[" + has_class("wp-block-embed-facebook") + " or " + has_class("is-provider-facebook") + "]"
)


def canonical(href: str | None) -> str | None:
    """A post URL without tracking parameters (kept where the query names the post)."""
    url = absolute(href)
    if not url or not POST_URL.match(url):
        return None
    parts = urlsplit(url)
    keep = ("story_fbid", "id", "fbid", "v", "set")
    query = parse_qs(parts.query)
    kept = "&".join(f"{k}={query[k][0]}" for k in keep if k in query)
    host = parts.netloc.lower()
    if host in ("m.facebook.com", "facebook.com", "web.facebook.com", "mbasic.facebook.com"):
        host = "www.facebook.com"
    return f"https://{host}{parts.path}" + (f"?{kept}" if kept else "")


_PLUGIN = re.compile(r"^https?://(?:[\w-]+\.)*facebook\.com/plugins/(?:post|video|comment_embed)\.php", re.I)


def link(url: str) -> Link | None:
    """A post's permalink (one naming a post: ``/posts/``, ``/videos/``, ``story_fbid=`` ...), or the
    plugin page that embeds it (``plugins/post.php?href=…``)."""
    address = absolute(url)
    if not address:
        return None
    embed = bool(_PLUGIN.match(address))
    canon = canonical(query_value(address, "href") if embed else address)
    m = _POST_ID.search(canon) if canon else None
    if canon is None or (m is None and not embed):
        return None
    slug = _PAGE_SLUG.match(canon)
    handle = slug["slug"] if slug and slug["slug"].lower() not in _NOT_SLUGS else None
    return Link(PLATFORM, (m["id"] or m["qid"]) if m else None, canon, handle=handle, embed=embed)


def _post(
    page: Page,
    el: HtmlElement,
    url: str,
    evidence: str,
    *,
    text: str = "",
    name: str | None = None,
    author_url: str | None = None,
    date_text: str | None = None,
) -> Post:
    m = _POST_ID.search(url)
    post_id = (m["id"] or m["qid"]) if m else None
    slug = _PAGE_SLUG.match(url)
    handle = slug["slug"] if slug and slug["slug"].lower() not in _NOT_SLUGS else None
    return Draft(
        PLATFORM, evidence, text=text, author=Author(name=name, handle=handle, url=author_url),
        id=post_id, url=url, date_text=date_text,
    ).post(page, el)  # fmt: skip


def extract(page: Page) -> Iterator[Post]:
    for div in _SDK(page):
        url = canonical(div.get("data-href"))
        if url:
            yield _from_sdk(page, div, url)
    for amp in _AMP(page):
        url = canonical(amp.get("data-href"))
        if url:
            yield _post(page, amp, url, "markup amp-facebook")
    for fig in _WP_FIGURES(page):
        if url := figure_link(fig, canonical):
            yield _post(page, fig, url, "markup figure.wp-block-embed-facebook with a post URL")


def _from_sdk(page: Page, div: HtmlElement, url: str) -> Post:
    kind = "fb-video" if "fb-video" in (div.get("class") or "") else "fb-post"
    bq = div.find(".//blockquote")
    if bq is None:
        return _post(page, div, url, f"markup div.{kind}[data-href]")
    anchors = list(bq.iter("a"))
    date_a = anchors[-1] if anchors else None
    trailer = date_a.getparent() if date_a is not None else None
    if trailer is bq:
        trailer = None  # the trailer is bare text after the paragraphs
    elif trailer is not None and len(anchors) >= 2 and anchors[-2].getparent() is not trailer:
        date_a = trailer = None  # the last link is part of the text, not a "Posted by … on …" trailer
    name_a = anchors[-2] if date_a is not None and len(anchors) >= 2 else None
    paragraphs = [render(p, base_url=page.base_url).text for p in bq.iter("p") if p is not trailer]
    text = "\n\n".join(t for t in paragraphs if t)
    name = squash(name_a.text_content()) if name_a is not None else None
    author_url = absolute(name_a.get("href")) if name_a is not None else None
    date_text = squash(date_a.text_content()) if date_a is not None else None
    return _post(
        page,
        div,
        url,
        f"markup div.{kind} > blockquote.fb-xfbml-parse-ignore",
        text=text,
        name=name,
        author_url=author_url,
        date_text=date_text,
    )
