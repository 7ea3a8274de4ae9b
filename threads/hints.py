"""Attribute values that may hold a post: the test applied to every attribute of a page, once.

Embeds hide in attributes under names no list can foresee: a lazy loader's ``data-lazy-src`` or
``iframe-src``, a consent manager's ``data-cmplz-src`` or escaped ``srcdoc``, an editor's
``data-attrs`` JSON, a tracking redirect wrapping a status link. So every attribute of every
element is looked at once, and those whose value could hold a post are kept:

* an **address** of a platform: a URL on one of its hosts (:data:`threads.vocab.PLATFORMS`), a
  Mastodon-shaped ``//host/@user/123…``, an AT URI, also when percent-encoded, JSON-escaped
  (``https:\\/\\/``) or base64-encoded in a tracking link;
* **markup**: embed code kept as text, as is or escaped (``&lt;blockquote``, ``%3Cblockquote``);
* **JSON** that names a platform's post (``{"tweet_id": …}``);
* a **named** attribute a reader looks for (``data-tweet-id``, ``data-alt``), and elements whose
  class names an embed that holds no address (:data:`CLASSES`).

The look happens inside the walk that :func:`threads.load.html_paragraphs` makes over the page
anyway (:func:`worth` and :meth:`Hints.add` there), so a page is walked once for its prose and its
embeds alike; a page that did not come through that walk (a fragment of consent-parked markup, a
page built by hand) is walked by :func:`of` on first use.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from enum import IntFlag
from functools import lru_cache
from urllib.parse import unquote

from lxml import etree
from lxml.html import HtmlElement

from . import vocab
from .dom import Page


class Holds(IntFlag):
    """What an attribute value may hold."""

    ADDRESS = 1
    MARKUP = 2
    JSON = 4
    NAMED = 8
    ID = 16
    """A post ID alone, as a custom element keeps it (``<embetty-tweet status="1903…">``)."""


NAMED = frozenset({"data-tweet-id", "data-tweetid", "data-alt"})
"""Attributes a reader reads whatever their value: a bare tweet ID, a screenshot's alt text."""
CLASSES = ("reddit-embed",)
"""Class names of embeds whose element holds no address of its own (a Reddit comment embed's
``div``: its links sit in its children)."""

_HOST_END = re.compile(r"[/?#:\s\"'\\<>&%]")
"""Where a host ends after its "//"."""
_FEDIVERSE = re.compile(r"//[^/\s\"'<>]{1,253}/@\w{1,30}(?:@[\w.-]{1,253})?/\d")
"""A fediverse status, ``//server/@user/123…``: any server."""
_PLATFORM_HOSTS: dict[str, bool] = {}
"""Hosts seen, as written, and whether they are a platform's (a page links to a few hosts, often)."""
_MAX_HOSTS = 65536


def _platform_host(host: str) -> bool:
    known = _PLATFORM_HOSTS.get(host)
    if known is None:
        known = vocab.platform_of_host(host.lower().rpartition("@")[2]) is not None
        if len(_PLATFORM_HOSTS) < _MAX_HOSTS:
            _PLATFORM_HOSTS[host] = known
    return known


_BASE64_TEXT = re.compile(r"^[A-Za-z0-9+/=\s]{24,}$")


def base64_markup(value: str) -> str | None:
    """The markup ``value`` holds base64-encoded (as consent tools park an embed: "PGJsb2Nr…" is
    ``<block…``), or ``None``."""
    value = value.strip()
    if not value.startswith("PG") or not _BASE64_TEXT.match(value[:4096]):
        return None
    try:
        text = base64.b64decode(value + "=" * (-len(value) % 4)).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return text if _MARKUP.search(text) else None


def has_address(value: str) -> bool:
    """Whether ``value`` holds an address of a known platform, as written (:func:`decoded` undoes
    encodings first): a URL on one of its hosts, a fediverse status on any server, an AT URI."""
    start = value.find("//")
    while start >= 0:
        start += 2
        end = _HOST_END.search(value, start, start + 254)
        if _platform_host(value[start : end.start() if end else start + 253]):
            return True
        start = value.find("//", start)
    return ("/@" in value and _FEDIVERSE.search(value) is not None) or "at://did:" in value


_MARKUP = re.compile(r"(?:<|&lt;|%3C)\s*(?:blockquote|iframe|div|a\s)", re.IGNORECASE)
_JSON_HINT = re.compile(
    r'"(?i:tweet|twitter|instagram|tiktok|bluesky|bsky|mastodon|threads|facebook|reddit|telegram|linkedin)'
    r'[_-]?(?i:id|shortcode|code|uri)"|"id_str"'
)
"""JSON that names a post by its ID alone (``"tweet_id"``, ``"instagramId"``, an API's ``"id_str"``)."""
_BASE64 = re.compile(r"(?:eyJ|aHR0c)[A-Za-z0-9_=-]{12,}")
"""A base64 segment that starts a JSON object ("eyJ" is ``{"``) or a URL ("aHR0c" is ``http``), as
newsletters' click-tracking links wrap their destination."""
_MAX_VALUE = 1_000_000
_JSON_REACH = 20_000
"""How far into a JSON value an ID key is looked for (values of a megabyte occur)."""


def decoded(value: str) -> str:
    """``value`` with the encodings an address hides under undone (percent, JSON, base64 segments)
    appended, for :func:`has_address` and the link parsers to read; ``value`` itself when there is none."""
    more: list[str] = []
    if "%2F" in value or "%2f" in value or "%3A" in value or "%3a" in value:
        more.append(unquote(unquote(value)))
    if "\\/" in value:
        more.append(value.replace("\\/", "/"))
    if "eyJ" in value or "aHR0c" in value:
        for m in _BASE64.finditer(value[:8192]):
            chunk = m.group(0).rstrip("=")
            try:
                raw = base64.urlsafe_b64decode(chunk + "=" * (-len(chunk) % 4))
            except (binascii.Error, ValueError):
                continue
            text = raw.decode("utf-8", "ignore")
            more.append(text.replace("\\/", "/"))
    return value if not more else " ".join([value, *more])


_URL_START = re.compile(r"(?:https?:)?//|at://", re.IGNORECASE)
_MAX_CANDIDATES = 12


def candidates(value: str) -> list[str]:
    """The addresses ``value`` may hold, the value itself first, then those inside it (a proxy's
    ``?url=…``, a tracking link's base64 destination), each cut where a query parameter ends."""
    value = value.strip()
    if not value:
        return []
    found = [value]
    own = _URL_START.match(value)
    text = decoded(value)
    for m in _URL_START.finditer(text, own.end() if own else 0):
        if len(found) >= _MAX_CANDIDATES:
            break
        end = _INNER_END.search(text, m.end())
        address = text[m.start() : end.start() if end else len(text)]
        if address not in found:
            found.append(address)
    return found


_INNER_END = re.compile(r"[\s\"'<>\\&]")


def holds(name: str, value: str) -> Holds:
    """What the attribute ``name="value"`` may hold (cheap substring tests first, patterns after)."""
    found = 0
    if name in NAMED:
        found |= _NAMED
    if len(value) > _MAX_VALUE:
        return _AS_HOLDS[found]
    if ("//" in value and has_address(value)) or (
        ("%2" in value or "%3" in value or "\\/" in value or "eyJ" in value or "aHR0c" in value)
        and has_address(decoded(value))
    ):
        found |= _ADDRESS_
    escaped = "<" in value or "lt;" in value or "%3C" in value or "%3c" in value
    if (escaped and _MARKUP.search(value)) or (value[:2] == "PG" and base64_markup(value) is not None):
        found |= _MARKUP_
    if value[:1] in "{[" and (found & _ADDRESS_ or _JSON_HINT.search(value, 0, _JSON_REACH)):
        found |= _JSON
    if _MIN_ID <= len(value) <= _MAX_ID and value.isdigit():
        found |= _ID
    return _AS_HOLDS[found]


_ADDRESS_, _MARKUP_, _JSON, _NAMED, _ID = (int(h) for h in Holds)
_AS_HOLDS = tuple(Holds(n) for n in range(1 << len(Holds)))
"""Every combination of the flags, by its number (making one of an int each time is a slow call)."""
_MIN_ID, _MAX_ID = 15, 20
"""How long a post ID of digits is (Twitter/X, TikTok and Mastodon IDs: 15 to 20 digits)."""


def classes_named(page: Page) -> bool:
    """Whether the page's source spells one of :data:`CLASSES` (as a class attribute holds it:
    :func:`embed_class` looks for it case and all), so that class values are worth a look."""
    return any(page.spells(c) for c in CLASSES)


@lru_cache(maxsize=4096)
def embed_class(value: str) -> bool:
    """Whether a class attribute names one of :data:`CLASSES` (pages repeat a few hundred values)."""
    return any(c in value for c in CLASSES)


def worth(name: str, value: str) -> bool:
    """Whether an attribute not in :data:`PLAIN` may hold something: substring tests and one search
    that settle the common cases (a link to the site's own pages) before :func:`holds` runs."""
    if "//" in value and has_address(value):
        return True
    return (
        "%2" in value
        or "%3" in value
        or "<" in value
        or value[:1] in "{["
        or "lt;" in value
        or "\\/" in value
        or "eyJ" in value
        or "aHR0c" in value
        or value[:2] == "PG"
        or name in NAMED
        or (_MIN_ID <= len(value) <= _MAX_ID and value.isdigit())
    )


@dataclass(frozen=True, slots=True)
class Hit:
    """An attribute whose value may hold a post."""

    element: HtmlElement
    name: str
    value: str
    holds: Holds


@dataclass(eq=False)
class Hints:
    """What the look at a page's attributes kept, in document order."""

    hits: list[Hit] = field(default_factory=list)
    elements: list[HtmlElement] = field(default_factory=list)
    """Every element with a hit or an embed class, once each."""

    def add(self, el: HtmlElement, name: str, value: str) -> None:
        """Keep ``name="value"`` of ``el`` if it holds something (:func:`holds`)."""
        what = holds(name, value)
        if what:
            self.hits.append(Hit(el, name, value, what))
            self.flag(el)

    def flag(self, el: HtmlElement) -> None:
        if not self.elements or self.elements[-1] is not el:
            self.elements.append(el)

    def look(self, top: HtmlElement, classes: bool) -> None:
        """Look at every attribute of ``top`` and the elements inside it (``classes``: whether the
        page's source names one of :data:`CLASSES` at all)."""
        for el in top.iter(etree.Element):
            for name, value in el.items():
                if name in PLAIN:
                    if classes and name == "class" and embed_class(value):
                        self.flag(el)
                elif worth(name, value):
                    self.add(el, name, value)


PLAIN = frozenset(
    """
    class id style width height alt title rel target type lang dir role name for tabindex loading
    decoding sizes srcset data-srcset data-sizes charset async defer frameborder allowfullscreen
    allow scrolling border align colspan rowspan cellpadding cellspacing valign bgcolor color face
    size hidden itemprop itemscope itemtype itemid property content http-equiv media integrity
    crossorigin nonce referrerpolicy fetchpriority xmlns xmlns:xlink viewbox d fill stroke
    stroke-width transform points x y cx cy r rx ry x1 x2 y1 y2 aria-hidden aria-label
    aria-labelledby aria-describedby aria-expanded aria-controls autocomplete method placeholder
    maxlength readonly disabled checked selected value action enctype
    """.split()
)
"""Attributes that never hold a post's address, markup or data: not looked at (a page has
hundreds of thousands of these; ``class`` is looked at only for :data:`CLASSES`)."""

KEY = "hints"
"""Where a page keeps its :class:`Hints` (:attr:`threads.dom.Page.memo`)."""


def of(page: Page) -> Hints:
    """The page's :class:`Hints`: those its load kept, else made now by a walk of its own."""
    found = page.memo.get(KEY)
    if isinstance(found, Hints):
        return found
    hints = Hints()
    hints.look(page.root, classes_named(page))
    page.memo[KEY] = hints
    return hints
