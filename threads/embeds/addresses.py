"""Posts named by an address in an attribute, whatever the element and the attribute's name.

Recognises:

* a platform's **embed address** in any attribute of any element: the page a rendered embed's
  iframe loads (``platform.twitter.com/embed/Tweet.html?id=``, ``instagram.com/p/{code}/embed``,
  ``facebook.com/plugins/post.php?href=…``, ``embed.bsky.app/embed/…``, ``/@user/{id}/embed``,
  ``threads.net/@user/post/{code}/embed``, ``tiktok.com/embed/v2/{id}``,
  ``linkedin.com/embed/feed/update/urn:li:…``, ``t.me/{channel}/{n}?embed=1``, ``embed.reddit.com``),
  in ``src`` or wherever a lazy loader or consent manager moved it (``data-src``,
  ``data-lazy-src``, ``iframe-src``, ``nitro-lazy-src``, ``data-cmplz-src``, ``suppressedsrc``...),
  on an iframe or on the placeholder that stands for it, or in a link a privacy tool left in its
  place; an AT URI (``data-bluesky-uri``);
* an embed proxy's frame carrying a post's permalink in its query (``media.html?src=…``,
  ``/media/oembed?url=…``);
* a **permalink** in a loader's attribute (``data-src``, ``data-url``, ``data-embed-url``,
  ``data-permalink``, ``data-href``) of an element that is not a link: a placeholder;
* a permalink alone in a CMS's embed block (``figure.wp-block-embed``) whose script did not run;
* a permalink linked from an embed service's card (``a.embedly-card``, ``div.iframely-embed``,
  an oEmbed wrapper), which the service's script draws as the post.

Only the address is read (platform, ID, handle, time); where a platform reader reads the same
post from richer markup, the copies merge. Not posts: links (``a[href]`` holding a permalink: the
card reader weighs those), ``meta`` and ``link``, images and media sources, form fields, share,
follow and like buttons, and anything in a rail of other stories.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .. import hints, vocab
from ..dom import Page
from ..hints import Holds, candidates
from ..model import Post
from ._common import BLOCK_TAGS, Draft, HtmlElement, Link, absolute, figure_link, shows_address, squash, xpath
from ._places import in_rail

_NOT_HOLDERS = frozenset(
    {"meta", "link", "img", "source", "picture", "video", "audio", "track", "script", "style", "input",
     "button", "select", "option", "form", "base", "area"}
)  # fmt: skip
"""Elements whose addresses are never an embedded post (a script's data is read elsewhere)."""
_FRAMES = frozenset({"iframe", "frame", "embed", "object", "amp-iframe", "portal"})
_LOADER = re.compile(r"src|url|href|embed|permalink|uri|oembed|load", re.IGNORECASE)
"""Attribute names of loaders and placeholders that hold what they stand for."""
_NOT_LOADER = re.compile(r"share|intent|follow|like|reply|retweet|comment|count|profile|author|avatar", re.I)
"""Attribute names of buttons and bylines, whose addresses are not the post embedded there."""
_EMBED_SHAPE = re.compile(r"embed|plugins|Tweet\.html|/player/", re.IGNORECASE)
"""What every embed page's address holds somewhere (a cheap test before parsing a link's address)."""


_POST_ELEMENT = re.compile(
    r"tweet|toot|skeet|twitter|mastodon|bluesky|bsky|instagram|tiktok|threads|facebook|linkedin|"
    r"reddit|telegram|post|status|embed",
    re.IGNORECASE,
)
_NOT_POST_ELEMENT = re.compile(
    r"share|follow|like|timeline|button|hashtag|mention|profile|feed|grid|list", re.I
)
_TWEET_ELEMENT = re.compile(r"tweet|twitter", re.IGNORECASE)


def post_element(tag: object) -> bool:
    """A custom element named for the post it stands for (``embetty-tweet``, ``mastodon-post``,
    ``bsky-embed``): what its attributes hold, whatever their names, is that post; never a
    button's, a timeline's or a profile's element."""
    return (
        isinstance(tag, str)
        and "-" in tag
        and not tag.startswith("amp-")  # AMP's own components: their platforms' readers read them
        and _POST_ELEMENT.search(tag) is not None
        and _NOT_POST_ELEMENT.search(tag) is None
    )


_CMS_FIGURES = xpath("//figure[contains(@class, 'wp-block-embed') or contains(@class, 'is-provider-')]")
"""A CMS's embed block (WordPress's ``figure.wp-block-embed``): when its script did not run, it
holds the post's bare address, for any platform (the platform readers read some of them too)."""


def extract(page: Page, parse: Callable[[str], Link | None]) -> Iterator[Post]:
    for fig in _CMS_FIGURES(page):
        found = figure_link(fig, lambda u: parse(u) if u else None)
        if found is not None and found.id and not found.embed and not in_rail(fig):
            yield Draft.of_link(found, "markup a CMS embed block with a post's address").post(page, fig)
    for hit in hints.of(page).hits:
        el, name = hit.element, hit.name
        if (
            Holds.ID in hit.holds
            and name not in hints.NAMED  # (data-tweet-id and its kin: the tweet reader reads them)
            and ("tweet" in name.casefold() or (_TWEET_ELEMENT.search(el.tag) and post_element(el.tag)))
        ):
            # <embetty-tweet status="1903…">, <span tweetid="1203…">: a tweet's ID alone, named so
            found = parse(f"https://twitter.com/i/web/status/{hit.value}")
            if found is not None and not in_rail(el):
                yield Draft.of_link(found, f"markup {el.tag}[{name}] tweet ID").post(page, el)
            continue
        if Holds.ADDRESS not in hit.holds or Holds.JSON in hit.holds or el.tag in _NOT_HOLDERS:
            continue  # (post data in JSON is read whole by the post data reader)
        if el.tag == "a" and not _EMBED_SHAPE.search(hit.value):
            if (found := _alone(el, hit.value, parse)) is not None:
                yield Draft.of_link(found, "markup a post's address alone in its block").post(page, el)
            elif (found := _in_embed_service(el, hit.value, parse)) is not None:
                yield Draft.of_link(found, "markup a post's link in an embed service's card").post(page, el)
            continue  # a link to a post or a profile: only an embed page counts in a link
        loader = (
            name != "href" and _LOADER.search(name) is not None and not _NOT_LOADER.search(name)
        ) or post_element(el.tag)
        addresses = candidates(hit.value)
        if vocab.platform_of_url(absolute(addresses[0]) if addresses else None):
            addresses = addresses[:1]  # a platform's own widget (a like or share button) names other things
        for i, address in enumerate(addresses):
            found = parse(address)
            if found is None:
                continue
            if found.embed:
                evidence = f"markup {el.tag}[{name}] embed address"
            elif el.tag == "a" or not (loader or el.tag in _FRAMES):
                continue  # a link (the card reader weighs it), or an address that is not loaded
            elif i == 0:
                evidence = f"markup {el.tag}[{name}] post address"
            else:
                evidence = f"markup {el.tag}[{name}] embed proxy with a post address"
            if in_rail(el):
                break
            yield Draft.of_link(found, evidence).post(page, el)
            break


_EMBED_SERVICE = re.compile(r"embedly|iframely|oembed", re.IGNORECASE)
"""Class names of embed services and CMS oEmbed wrappers (``a.embedly-card``,
``div.iframely-embed``, ``div.oembed-container``): the link in one is the embedded post, drawn
by the service's script."""
_SERVICE_REACH = 3


def _in_embed_service(a: HtmlElement, href: str, parse: Callable[[str], Link | None]) -> Link | None:
    """A post's link that an embed service's card stands for (the link itself or an element a
    few levels up carries the service's class); never a share or profile link (no post ID)."""
    el: HtmlElement | None = a
    for _ in range(_SERVICE_REACH + 1):
        if el is None:
            return None
        if _EMBED_SERVICE.search(el.get("class") or ""):
            break
        el = el.getparent()
    else:
        return None
    found = parse(href)
    return found if found is not None and found.id and not found.embed and not in_rail(a) else None


def _alone(a: HtmlElement, href: str, parse: Callable[[str], Link | None]) -> Link | None:
    """A post's address, shown as itself, with nothing else in its block: what a CMS keeps of an
    embed it did not render (WordPress and Drupal turn such a line into the embed). A list of
    links, a sentence with the address in it, a rail of other stories are no embed."""
    text = squash(a.text_content())
    if not shows_address(text, href):
        return None
    block = a.getparent()
    while block is not None and block.tag not in BLOCK_TAGS:
        block = block.getparent()
    if block is None or block.tag in ("li", "ul", "ol", "td", "body", "dd"):
        return None
    if squash(block.text_content()) != text or in_rail(a):
        return None
    found = parse(href)
    return found if found is not None and found.id and not found.embed else None
