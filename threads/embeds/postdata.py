"""Posts kept as data in an attribute: an editor's embed card, a newsletter's static card.

Recognises JSON in any attribute (``data-attrs``, ``data-props``, ``data-embed``, ``data-tweet``,
Vue's ``:post`` ...) whose objects are posts by their shape, whatever the site:

* the object names its post: a permalink of a known platform under a key for the post's own
  address (``url``, ``permalink``, ``tweet_url``, ``uri``: an AT URI), or a platform's ID key
  (``tweet_id``, ``instagram_id``), or is a platform API's object (Twitter's ``id_str`` with its
  ``user``; a Bluesky post view with its ``author`` and ``record``; a Mastodon status with its
  ``account``);
* and holds the post's text or its author beside it (``full_text``, ``text``, ``content``,
  ``caption``; ``username``, ``screen_name``, ``author``, ``user``, ``account`` ...);
* a post object under a quote's key (``quoted_tweet``, ``quoted_status``, ``quote``, a Bluesky
  record embed) is a quote post: its own post in the outer one's ``quotes``.

The date is the object's (``created_at``, ``createdAt``, ``date``, ``timestamp``) unless the ID
encodes one. Objects under keys that name other stories (``related``, ``feed`` ...) are not this
page's; an attribute in a rail of other stories neither.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from .. import hints
from ..dates import parse_iso
from ..dom import Page
from ..model import Author, Media, Post, Published
from ._common import Draft, HtmlElement, Link, absolute, render, same_handle, squash
from ._consent import elsewhere
from ._places import in_rail

LinkParser = Callable[[str], Link | None]

_MAX_DEPTH = 12
_ADDRESS_KEYS = re.compile(
    r"^(?:url|permalink|link|href|uri|(?:post|tweet|status|web|embed|canonical|source|share)_?url|"
    r"(?:post|tweet|status)_?(?:link|permalink|uri)|expanded_url)$",
    re.IGNORECASE,
)
"""Keys of a post's own address (not its author's, its media's or a link it shares)."""
_TEXT_KEYS = (
    "full_text",
    "fullText",
    "text",
    "content",
    "body",
    "caption",
    "message",
    "description",
    "title",
)
_NAME_KEYS = ("name", "author_name", "authorName", "display_name", "displayName", "user_name", "full_name")
_HANDLE_KEYS = (
    "username",
    "screen_name",
    "screenName",
    "handle",
    "author_handle",
    "authorHandle",
    "acct",
    "user_handle",
)
_PERSON_KEYS = ("author", "user", "account", "profile", "owner", "creator")
_DATE_KEYS = ("created_at", "createdAt", "date", "timestamp", "published", "published_at", "publishedAt",
              "datePublished", "time", "posted_at", "taken_at")  # fmt: skip
_MEDIA_KEYS = (
    "photos",
    "images",
    "media",
    "media_attachments",
    "attachments",
    "image",
    "photo",
    "thumbnail_url",
)
_QUOTE_KEYS = (
    "quoted_tweet", "quoted_status", "quotedTweet", "quotedStatus", "quote", "quoted", "quoted_post",
    "quotedPost", "quote_tweet", "quoteTweet",
)  # fmt: skip
_RECORD_KEYS = ("record", "value")
"""Where Bluesky keeps a post's own fields (``record.text``, ``record.createdAt``)."""
_NOT_POSTS = ("retweeted_status", "in_reply_to", "reply", "parent", "root")
"""Posts an object refers to without showing them (a retweet's original, a reply's parent)."""
_TAGS = re.compile(r"<[a-zA-Z/][^>]*>")


@dataclass(frozen=True, slots=True)
class _Found:
    """A post object read, with the posts it quotes."""

    draft: Draft
    quotes: tuple[_Found, ...] = ()

    def post(self, page: Page, el: HtmlElement) -> Post:
        quotes = tuple(q.post(page, el) for q in self.quotes)
        return replace(self.draft, quotes=quotes).post(page, el)


def extract(page: Page, parse: LinkParser, known: Iterable[Post] = ()) -> Iterator[Post]:
    del known  # read whole: copies merge with what the other readers found
    for hit in hints.of(page).hits:
        if hints.Holds.JSON not in hit.holds:
            continue
        try:
            data = json.loads(hit.value)
        except (ValueError, RecursionError):
            continue  # a value that only looks like JSON (a script expression), or nested past reason
        if not isinstance(data, dict | list) or in_rail(hit.element):
            continue
        evidence = f"data {hit.element.tag}[{hit.name}] post object"
        for found in _posts(data, parse, evidence, 0):
            yield found.post(page, hit.element)


def _posts(node: Any, parse: LinkParser, evidence: str, depth: int) -> Iterator[_Found]:
    """Post objects in a JSON value, depth first, in the order written (not inside one another)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _posts(item, parse, evidence, depth + 1)
        return
    if not isinstance(node, dict):
        return
    found = _post(node, parse, evidence, depth)
    if found is not None:
        yield found
        return
    for key, value in node.items():
        if isinstance(value, dict | list) and not elsewhere(str(key)) and key not in _NOT_POSTS:
            yield from _posts(value, parse, evidence, depth + 1)


def _post(obj: dict[str, Any], parse: LinkParser, evidence: str, depth: int) -> _Found | None:
    """The post ``obj`` is, by its shape; ``None`` for any other object."""
    if depth > _MAX_DEPTH:
        return None
    link = _link(obj, parse)
    if link is None:
        return None
    own = _record(obj)
    text = _text(own)
    person = next((v for k in _PERSON_KEYS if isinstance(v := obj.get(k), dict)), None)
    name = _string(obj, _NAME_KEYS) or (_string(person, _NAME_KEYS) if person else None)
    handle = _string(obj, _HANDLE_KEYS) or (_string(person, _HANDLE_KEYS) if person else None)
    if isinstance(obj.get("author"), str) and not name:
        name = squash(obj["author"]) or None
    if not (text or name or handle):
        return None  # an address alone: a link card, a share button's data
    did = _string(person, ("did",)) if person else None
    profile = _string(obj, ("author_url", "authorUrl", "profile_url")) or (
        _string(person, ("url", "profile_url")) if person else None
    )
    quotes = [
        q
        for key in _QUOTE_KEYS
        if isinstance(obj.get(key), dict) and (q := _post(obj[key], parse, evidence, depth + 1)) is not None
    ]
    embed = own.get("embed") if isinstance(own.get("embed"), dict) else obj.get("embed")
    if isinstance(embed, dict) and isinstance(embed.get("record"), dict):
        quoted = embed["record"]
        if isinstance(quoted.get("record"), dict) and "uri" not in quoted:
            quoted = quoted["record"]  # a quote with media: the record inside the record
        if (q := _post(quoted, parse, evidence, depth + 1)) is not None:
            quotes.append(q)
    published, date_text = _when(own) if _when(own) != (None, None) else _when(obj)
    author = Author(
        name=name,
        handle=same_handle((handle or "").lstrip("@") or None, link.handle),
        url=profile,
        id=did or link.author_id,
    )
    draft = Draft.of_link(
        link,
        evidence,
        author=author,
        text=text,
        published=published if link.id_time is None else None,
        date_text=date_text,
        media=tuple(_media(own) or _media(obj)),
    )
    return _Found(draft, tuple(quotes))


def _link(obj: dict[str, Any], parse: LinkParser) -> Link | None:
    for key, value in obj.items():
        if isinstance(value, str) and _ADDRESS_KEYS.match(str(key)):
            link = parse(value.strip())
            if link is not None and link.id:
                return link
    tid = obj.get("id_str") or obj.get("tweet_id") or obj.get("tweetId")
    user = obj.get("user")
    if (
        isinstance(tid, str | int)
        and str(tid).isdigit()
        and (isinstance(user, dict) or "tweet" in str(obj.keys()))
    ):
        handle = _string(user, ("screen_name", "username")) if isinstance(user, dict) else None
        return parse(f"https://twitter.com/{handle or 'i/web'}/status/{tid}")
    code = obj.get("instagram_id") or obj.get("shortcode")
    if isinstance(code, str) and re.fullmatch(r"[A-Za-z0-9_-]{5,40}", code):
        return parse(f"https://www.instagram.com/p/{code}/")
    return None


def _record(obj: dict[str, Any]) -> dict[str, Any]:
    """Where the post's own fields sit: the object, or its Bluesky ``record``/``value``."""
    for key in _RECORD_KEYS:
        inner = obj.get(key)
        if isinstance(inner, dict) and any(k in inner for k in _TEXT_KEYS):
            return inner
    return obj


def _string(obj: Mapping[str, Any] | None, keys: tuple[str, ...]) -> str | None:
    if not obj:
        return None
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return squash(value)
    return None


def _text(obj: Mapping[str, Any]) -> str:
    """The post's text; HTML (a Mastodon status's ``content``) as its plain text."""
    for key in _TEXT_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            if not _TAGS.search(value):
                return value.strip()
            from lxml import html as lxml_html

            try:
                fragment = lxml_html.fragment_fromstring(value, create_parent="div")
            except (etree.ParserError, ValueError):
                return squash(_TAGS.sub(" ", value))
            return render(fragment).text
    return ""


def _when(obj: Mapping[str, Any]) -> tuple[Published | None, str | None]:
    """``(moment, date text)`` of a post object: an ISO timestamp or epoch number is a moment, any
    other date is a text to read."""
    for key in _DATE_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            text = value.strip()
            moment = parse_iso(text)
            return (moment if isinstance(moment, datetime) else None), text
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            seconds = value / 1000 if value > 10**11 else value
            try:
                return datetime.fromtimestamp(seconds, UTC), None
            except (OverflowError, OSError, ValueError):
                return None, None
    return None, None


def _media(obj: Mapping[str, Any]) -> list[Media]:
    found: list[Media] = []
    for key in _MEDIA_KEYS:
        value = obj.get(key)
        for item in value if isinstance(value, list) else [value]:
            url = item if isinstance(item, str) else None
            if isinstance(item, dict):
                url = _string(item, ("url", "src", "media_url_https", "media_url", "fullsize", "image_url"))
            if url and (address := absolute(url)):
                found.append(Media(url=address, kind="photo"))
    return found
