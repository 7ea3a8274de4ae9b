"""Reddit embeds.

Recognises ``blockquote.reddit-embed-bq`` (``<a href=post>{title}</a><br> by
<a href=".../user/{name}/">u/{name}</a> in <a>{sub}</a>``; comment embeds say "Comment by … from
discussion …"), the older
``blockquote.reddit-card`` (``<a>{title}</a> from <a>r/{sub}</a>``), ``div.reddit-embed`` comment
embeds, ``amp-reddit[data-src]`` and iframes on ``embed.reddit.com`` / ``redditmedia.com``.
The title stands for the text; ``data-card-created`` is when the embed was made, not a post date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dom import Page
from ..model import Author, Post
from ._common import Draft, HtmlElement, Link, absolute, has_class, squash, xpath

PLATFORM = "reddit"

POST_URL = re.compile(
    r"^https?://(?:(?:www|old|new|np|embed)\.)?(?:reddit\.com|redditmedia\.com)/(?:r|u|user)/(?P<where>[A-Za-z0-9_-]+)"
    r"/comments/(?P<post>[a-z0-9]+)(?:/(?P<slug>[^/?#]*))?(?:/(?:comment/)?(?P<comment>[a-z0-9]+))?",
    re.I,
)
_USER = re.compile(r"/(?:u|user)/(?P<name>[A-Za-z0-9_-]{3,20})/?(?:[?#]|$)", re.I)
_BLOCKS = xpath(
    "//blockquote[" + has_class("reddit-embed-bq") + " or " + has_class("reddit-card") + "]"
    " | //div[" + has_class("reddit-embed") + "]"
)
_AMP = xpath("//amp-reddit[@data-src]")


def parse_post_url(href: str | None) -> tuple[str, str] | None:
    """``(id, canonical permalink)``: the comment's ID for a comment, else the post's."""
    url = absolute(href)
    m = POST_URL.match(url) if url else None
    if not m:
        return None
    base = f"https://www.reddit.com/r/{m['where']}/comments/{m['post']}/{m['slug'] or '_'}/"
    if m["comment"]:
        return m["comment"], f"{base}{m['comment']}/"
    return m["post"], base


def link(url: str) -> Link | None:
    """A post's or comment's permalink; an address on the embed hosts (``embed.reddit.com``,
    ``redditmedia.com``) is the embed's."""
    address = absolute(url)
    found = parse_post_url(address.replace("embed.reddit.com", "www.reddit.com") if address else None)
    if found is None or address is None:
        return None
    embed = bool(_EMBED_HOST.match(address))
    return Link(PLATFORM, found[0], found[1], embed=embed)


_EMBED_HOST = re.compile(r"^https?://(?:embed\.reddit\.com|(?:[\w-]+\.)*redditmedia\.com)/", re.I)


def _from_block(page: Page, el: HtmlElement) -> Post | None:
    anchors = list(el.iter("a"))
    post = next(((a, f) for a in anchors if (f := parse_post_url(a.get("href")))), None)
    if post is None:
        return None
    user = next((m["name"] for a in anchors if (m := _USER.search(a.get("href") or ""))), None)
    title = squash(post[0].text_content())
    post_id, url = post[1]
    kind = "blockquote." + ("reddit-card" if "reddit-card" in (el.get("class") or "") else "reddit-embed-bq")
    return Draft(
        PLATFORM,
        f"markup {kind if el.tag == 'blockquote' else 'div.reddit-embed'}",
        text=title,
        author=Author(handle=user),
        id=post_id,
        url=url,
    ).post(page, el)


def extract(page: Page) -> Iterator[Post]:
    for el in _BLOCKS(page):
        post = _from_block(page, el)
        if post is not None:
            yield post
    for el in _AMP(page):
        found = parse_post_url(
            (el.get("data-src") or el.get("src") or "").replace("embed.reddit.com", "www.reddit.com")
        )
        if found:
            yield Draft(PLATFORM, f"markup {el.tag} reddit embed", id=found[0], url=found[1]).post(page, el)
