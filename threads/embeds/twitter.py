"""Twitter / X embeds.

Recognises:

* the static oEmbed form ``blockquote.twitter-tweet`` / ``blockquote.twitter-video`` (text in ``p``,
  then the trailer ``— Name (@handle) <a href=".../status/ID">Month D, YYYY</a>``, trailer in its own
  ``p`` or as bare text nodes), nested ones from a missing ``</blockquote>`` read as separate posts;
* blockquotes whose classes were stripped or renamed (a lazy loader's ``blockquote[data-twitter]``,
  ``blockquote[data-tweetid]``): kept when they end in the trailer or hold nothing but a status link;
* the rendered widgets: ``iframe#twitter-widget-N[data-tweet-id]`` (also inside
  ``div.twitter-tweet-rendered``), ``twitterwidget[data-tweet-id]``, iframes on
  ``platform.twitter.com/embed/Tweet.html?id=…``: ID only;
* ``amp-twitter[data-tweetid]`` (its placeholder blockquote is read too; ``extract_all`` merges them);
* WordPress ``figure.wp-block-embed-twitter`` wrappers holding only the bare status URL;
* screenshot fallbacks: an image whose ``alt``/``data-alt`` reads "Twitter post by @handle: text".

A status link inside a tweet's text is a quote tweet: it becomes a stub post in ``quotes``.
Not posts: share/follow buttons, ``a.twitter-timeline`` widgets, status links in running prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dom import Page
from ..ids import twitter_time
from ..model import Author, Media, Post
from ._common import (
    Draft,
    HtmlElement,
    Link,
    absolute,
    around_links,
    classes,
    either,
    figure_link,
    find_trailer,
    frame_src,
    has_class,
    query_value,
    render,
    screenshot_alt,
    screenshots,
    squash,
    xpath,
)

PLATFORM = "twitter"

STATUS = re.compile(
    r"^https?://(?:(?:www|mobile|m)\.)?(?P<host>twitter|x)\.com/(?:#!/)?"
    r"(?:i(?:/web)?|(?P<handle>[A-Za-z0-9_]{1,30}))/status(?:es)?/(?P<id>\d{1,20})",
    re.IGNORECASE,
)
"""A tweet permalink (twitter.com, x.com, mobile., ``/statuses/``, ``#!/``, ``/i/web/status/``)."""
_STATUS_XP = r"^https?://((www|mobile|m)\.)?(twitter|x)\.com/.*status(es)?/[0-9]"
_PLACEHOLDER_HANDLES = frozenset({"i", "x", "twitter", "user", "username"})
"""Path segments that stand in for "any account" in embed code generators, not authors."""

_TWEET_CLASSES = ("twitter-tweet", "twitter-video")
_BLOCKQUOTES = xpath(
    "//blockquote["
    + " or ".join(has_class(c) for c in _TWEET_CLASSES)
    + " or @data-tweetid or @data-tweet-id]"
)
_STATUS_HREF = re.compile(_STATUS_XP, re.IGNORECASE)
"""A blockquote holding a link like this may be a tweet whose classes were stripped."""
_ID_ATTRIBUTES = ("data-tweet-id", "data-tweetid", "data-oembed-url", "data-oembed", "data-embed-url")
"""Where rendered widgets, AMP and lazy loaders keep the tweet's ID or permalink."""
_BY_ID = xpath("//*[not(self::blockquote)][" + " or ".join(f"@{a}" for a in _ID_ATTRIBUTES) + "]")
_WP_FIGURES = xpath(
    "//figure[" + has_class("wp-block-embed-twitter") + " or " + has_class("is-provider-twitter") + "]"
)
_SCREENSHOTS = screenshots("Twitter|X", "Tweet")
_SCREENSHOT_REACH = 5
"""How many wrappers up from a screenshot to look for its permalink."""
_SCREENSHOT_ALT = screenshot_alt("Twitter|X", r"\w", "Tweet")

_TRAILER = re.compile(
    r"(?:[—–―]|(?:^|(?<=\s))-{1,2})\s*(?P<name>[^\n—–―]*?)\s*\(\s*@(?P<handle>[A-Za-z0-9_]{1,30})\s*\)\s*$"
)
"""The trailer before the date link: dash, display name, ``(@handle)``; names exclude long dashes."""
_BARE_TRAILER = re.compile(
    r"(?:^|(?<=\n))(?P<name>[^\n]{0,80}?)\s*\(\s*@(?P<handle>[A-Za-z0-9_]{1,30})\s*\)\s*$"
)
_PIC = re.compile(r"(?:^|//)(?:pic\.twitter\.com|pic\.x\.com)/\w+", re.I)


_Status = tuple[str | None, str, str]
"""(handle or None, ID, canonical permalink)."""


def parse_status(href: str | None) -> _Status | None:
    """``(handle or None, id, canonical permalink)`` for a tweet URL, else ``None``."""
    url = absolute(href)
    m = STATUS.match(url) if url else None
    if not m:
        return None
    handle = m["handle"]
    if handle and handle.lower() in _PLACEHOLDER_HANDLES:
        handle = None
    host = "x.com" if m["host"].lower() == "x" else "twitter.com"
    path = f"{handle}/status" if handle else "i/web/status"
    return handle, m["id"], f"https://{host}/{path}/{m['id']}"


_EMBED_PAGE = re.compile(r"^https?://platform\.(?:twitter|x)\.com/embed/(?:Tweet|index)\.html\?", re.I)
"""The page a rendered tweet's iframe loads, the tweet's ID in its ``id`` parameter."""


def link(url: str) -> Link | None:
    """A tweet's permalink, or the page its widget loads (``platform.twitter.com/embed/Tweet.html?id=``)."""
    if (status := parse_status(url)) is not None:
        handle, tid, canonical = status
        return Link(PLATFORM, tid, canonical, handle=handle, id_time=twitter_time(tid))
    address = absolute(url)
    if address and _EMBED_PAGE.match(address) and (tid := query_value(address, "id")).isdigit():
        return Link(
            PLATFORM, tid, f"https://twitter.com/i/web/status/{tid}", id_time=twitter_time(tid), embed=True
        )
    return None


def _media_link(a: HtmlElement, visible: str) -> Media | None:
    if _PIC.search(visible) or _PIC.search(a.get("href") or ""):
        found = _PIC.search(visible) or _PIC.search(a.get("href") or "")
        assert found is not None
        return Media(url="https://" + found.group(0).lstrip("/"), kind="media")
    return None


def _own(a: HtmlElement, bq: HtmlElement) -> bool:
    """``a`` belongs to ``bq`` itself, not to a blockquote nested inside it."""
    return next(a.iterancestors("blockquote"), None) is bq


def extract(page: Page) -> Iterator[Post]:
    for bq in either(page, _BLOCKQUOTES(page), around_links(page, "blockquote", _STATUS_HREF)):
        post = _from_blockquote(page, bq)
        if post is not None:
            yield post
    for el in _BY_ID(page):
        post = _from_id_holder(page, el)
        if post is not None:
            yield post
    for fig in _WP_FIGURES(page):
        post = _from_wp_figure(page, fig)
        if post is not None:
            yield post
    for el in _SCREENSHOTS(page):
        post = _from_screenshot(page, el)
        if post is not None:
            yield post


def _from_blockquote(page: Page, bq: HtmlElement) -> Post | None:
    strong = bool(classes(bq) & set(_TWEET_CLASSES)) or bq.get("data-tweetid") or bq.get("data-tweet-id")
    anchors = [a for a in bq.iter("a") if _own(a, bq)]
    status = [(a, s) for a in anchors if (s := parse_status(a.get("href"))) is not None]
    final = status[-1] if status else None
    rendered = render(
        bq,
        skip=lambda n: n.tag == "blockquote",
        stop_at=final[0] if final else None,
        media_link=_media_link,
        base_url=page.base_url,
    )
    text = rendered.text
    name = handle = None
    m = find_trailer(_TRAILER, text) or (find_trailer(_BARE_TRAILER, text) if strong else None)
    if m:
        name, handle, text = m[0], m[1], text[: m[2]].strip()
    elif not strong and final and text:
        return _from_card(page, bq, anchors, final)
    elif not strong and not final:
        return None
    if final is None and not text:
        tid = (bq.get("data-tweetid") or bq.get("data-tweet-id") or "").strip()
        if not tid.isdigit():
            return None
        final_id, url, url_handle, date_text = tid, None, None, None
    else:
        url_handle, final_id, url = final[1] if final else (None, None, None)
        date_text = squash(final[0].text_content()) if final else None
        if date_text and (date_text.lower().startswith(("http", "pic.", "twitter.com", "x.com"))):
            date_text = None
    quotes = [
        _stub(page, a, s, "status link inside a tweet")
        for a, s in status[:-1]
        if s[1] != final_id and a in rendered.anchors
    ]
    p = bq.find(".//p[@lang]")
    extra = {"lang": p.get("lang")} if p is not None and p.get("lang") else {}
    if final and not m and not text:
        extra["text_missing"] = True
    evidence = "markup blockquote." + ("twitter-video" if "twitter-video" in classes(bq) else "twitter-tweet")
    if not strong:
        evidence = (
            "markup blockquote with a tweet trailer" if m else "markup blockquote holding a status link"
        )
    links = [u for u in rendered.links if u != (final[0].get("href") if final else None)]
    return Draft(
        PLATFORM,
        evidence,
        text=text,
        author=Author(name=name, handle=handle or url_handle),
        id=final_id,
        url=url,
        date_text=date_text,
        id_time=twitter_time(final_id) if final_id else None,
        quotes=tuple(quotes),
        media=tuple(rendered.media),
        links=tuple(links),
        extra=extra,
    ).post(page, bq)


def _from_card(
    page: Page, bq: HtmlElement, anchors: list[HtmlElement], final: tuple[HtmlElement, _Status]
) -> Post | None:
    """A publisher's own tweet card: a blockquote with the author's "@handle" profile link, the
    text in a ``p`` and a status link on the date. Without the "@handle" link it is a plain
    quotation that links to a tweet: prose, not an embed."""
    handle, tid, url = final[1]
    if handle is None:
        return None
    profile = re.compile(rf"^https?://(?:(?:www|mobile)\.)?(?:twitter|x)\.com/{handle}/?(?:[?#]|$)", re.I)
    own = [a for a in anchors if profile.match(a.get("href") or "")]
    shown = [squash(a.text_content()) for a in own]
    if f"@{handle.lower()}" not in (s.lower() for s in shown):
        return None
    name = next((s for s in shown if s and not s.startswith("@")), None)
    p = next((p for p in bq.iter("p") if not any(a in own or a is final[0] for a in p.iter("a"))), None)
    rendered = render(p, media_link=_media_link, base_url=page.base_url) if p is not None else None
    time_el = final[0] if final[0].text_content().strip() else bq.find(".//time")
    return Draft(
        PLATFORM, "markup blockquote tweet card (@handle link and status link)",
        text=rendered.text if rendered else "", author=Author(name=name, handle=handle), id=tid, url=url,
        date_text=squash(time_el.text_content()) if time_el is not None else None, id_time=twitter_time(tid),
        media=tuple(rendered.media) if rendered else (), links=tuple(rendered.links) if rendered else (),
    ).post(page, bq)  # fmt: skip


def _stub(page: Page, el: HtmlElement, status: _Status, evidence: str) -> Post:
    handle, tid, url = status
    return Draft(
        PLATFORM, evidence, author=Author(handle=handle), id=tid, url=url, id_time=twitter_time(tid)
    ).post(page, el)


def _from_id_holder(page: Page, el: HtmlElement) -> Post | None:
    """Rendered widgets (``iframe#twitter-widget-N``, ``twitterwidget``), ``amp-twitter`` and lazy
    placeholders: the tweet's ID or permalink in an attribute or the iframe's ``?id=``."""
    for attr in _ID_ATTRIBUTES:
        value = (el.get(attr) or "").strip()
        if value.isdigit() and attr.startswith("data-tweet"):
            return _stub(
                page, el, (None, value, f"https://twitter.com/i/web/status/{value}"), _id_evidence(el, attr)
            )
        if (status := parse_status(value)) is not None:
            return _stub(page, el, status, _id_evidence(el, attr))
    src = frame_src(el)
    tid = query_value(src, "id")
    if el.tag == "iframe" and tid.isdigit():
        return _stub(
            page, el, (None, tid, f"https://twitter.com/i/web/status/{tid}"), "markup iframe Tweet.html?id="
        )
    return None


def _id_evidence(el: HtmlElement, attr: str) -> str:
    name = "rendered tweet " + el.tag if el.tag in ("iframe", "twitterwidget") else el.tag
    return f"markup {name}[{attr}]"


def _from_wp_figure(page: Page, fig: HtmlElement) -> Post | None:
    status = figure_link(fig, parse_status)
    if status is None:
        return None
    return _stub(page, fig, status, "markup figure.wp-block-embed-twitter with a status URL")


def _from_screenshot(page: Page, el: HtmlElement) -> Post | None:
    m = _SCREENSHOT_ALT.match(el.get("alt") or el.get("data-alt") or "")
    if not m:
        return None
    handle = m["handle"]
    status = None
    for holder in [el, *el.iterancestors()][:_SCREENSHOT_REACH]:
        if holder.tag in ("article", "body", "main"):
            break  # past the embed's own wrapper
        links = (parse_status(a.get("href")) for a in holder.iter("a"))
        status = next((s for s in links if s and (s[0] or "").lower() == handle.lower()), None)
        if status is not None:
            break
    tid, url = (status[1], status[2]) if status else (None, None)
    return Draft(
        PLATFORM,
        "screenshot alt 'Twitter post by @handle'",
        text=squash(m["text"]),
        author=Author(name=squash(m["name"]) if m["name"] else None, handle=handle),
        id=tid,
        url=url,
        id_time=twitter_time(tid) if tid else None,
    ).post(page, el)
