"""Embed code parked by consent managers and lazy loaders until the reader agrees.

Recognises embed HTML kept as text: inside a ``textarea`` (often ``hidden``); in an attribute
value, escaped once by the page (``data-embed="&lt;blockquote class=&quot;twitter-tweet&quot;…"``),
escaped twice, percent-encoded or base64-encoded; in a script that is no program (``<script
type="text/template">``, ``type="text/plain"``, a consent tool's own type) holding the markup as
is or base64-encoded; in a script's data (JSON assigned to a name, or a string literal holding
JSON or markup, its tags entity-escaped). Each such fragment is parsed on its own and read by every
extractor, its posts placed where the holder element sits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from urllib.parse import unquote

from lxml import etree
from lxml import html as lxml_html

from .. import hints
from ..dom import POSITION_STRIDE, Page
from ..hints import Holds
from ..load import cap_attributes
from ..safe import encodable
from ._common import HtmlElement, names_any, xpath

_HINTS = (
    "twitter-tweet", "twitter.com/", "x.com/", "instagram", "bluesky", "bsky.app", "fb-post",
    "facebook.com/plugins", "tiktok", "reddit", "telegram", "threads.net", "threads.com", "mastodon",
    "linkedin.com/embed",
)  # fmt: skip
"""A fragment is worth parsing only if it names a platform (case ignored: :func:`names_any`)."""
_MARKUP = re.compile(r"<\s*(?:blockquote|iframe|div|amp-|script|figure)", re.IGNORECASE)
_TEXTAREAS = xpath("//textarea[contains(., '<')]")
_SCRIPT_MARKUP = ("blockquote", "iframe")
"""What a script's text must hold to carry embed markup ("u003cblockquote" holds "blockquote")."""
_EQUALS = re.compile(r"=\s*(?=[{\[])")
_STRING_MARKUP = ("lt;blockquote", "lt;iframe", "'<blockquote", '"<blockquote', "'<iframe", '"<iframe')
"""What a script's text holds where a string literal carries embed markup (entity-escaped, or as is
at the string's start): only then are its string assignments read."""
_STRING_EQUALS = re.compile(r"=(?<![=!<>]=)\s*(?P<quote>['\"])(?=\s*(?:\{|\[|<|&lt;))")
"""An assignment of a string literal that opens JSON or markup: an "=" not after another ``=!<>``
(the "=" first, a literal the engine skips to; opening on the look behind, it tried every place of
the script, 17x slower over the corpus's scripts)."""
_NOT_A_PROGRAM = re.compile(r"^\s*(?!(?:text|application)/(?:javascript|ecmascript)|module\b)\S", re.I)
"""A script type that browsers do not run: the script holds data or a template."""
_PLACEHOLDER = re.compile(r"\{\{|<%|\$\{|\[\[")
"""What a template of a page's own holds where values go (Mustache, ERB, JavaScript, Angular):
markup to fill in, no embed yet."""
_DATA_TYPE = re.compile(r"json|importmap|speculationrules", re.I)
"""Script types whose text is JSON, read elsewhere (as data, not as markup)."""
"""An assignment's "=" before an object or array (found first: a literal the regex engine skips to)."""
_TARGET = re.compile(r"(?<![\w$.])(?P<target>[\w$.]+|\[[^\]]{1,80}\])\s*$")
"""What is assigned to, just before the "=": ``window.App``, ``self.__next_f``, ``["key"]``."""
_TARGET_REACH = 256
_NAME = re.compile(r"[\w$.]+\s*")
_ELSEWHERE = re.compile(
    r"feed|home_?page|island|cache|related|recommend|trending|popular|teaser|sidebar|widget|more_?stories"
    r"|latest|most_?read|next_?(?:article|story)|navigation|menu|footer",
    re.IGNORECASE,
)
"""Keys of script data that hold other stories (a preloaded feed, a homepage, a cache of teasers):
embeds under them are not this page's."""
_JSON_MARKUP = (
    "<blockquote", "<iframe", "u003cblockquote", "u003Cblockquote", "u003ciframe", "u003Ciframe",
    "lt;blockquote", "lt;iframe",
)  # fmt: skip
"""How a blockquote or an iframe starts in JSON text: as itself or with its "<" escaped."""
_MAX_VALUES = 50
_FRAGMENT_STRIDE = 4096
_MAX_DEPTH = 64
_MAX_FRAGMENT = 1_000_000


@dataclass(eq=False)
class FragmentPage(Page):
    """A parsed fragment whose positions are those of the element that held it."""

    outer: Page | None = None
    """The page whose element held the fragment; ``None`` for markup left in a plain text."""
    holder: HtmlElement | None = None
    base: int = 0
    """Added to every position: keeps several fragments of one holder in their order; in a plain
    text (no ``outer``), where the fragment starts (positions there are character offsets)."""
    room: int = POSITION_STRIDE - 1
    """How far past ``base`` a position may go (in a plain text, to the fragment's last character)."""
    _inner: dict[HtmlElement, int] | None = field(default=None, repr=False)

    def position(self, el: HtmlElement, offset: int = 0) -> int:
        if self._inner is None:
            self._inner = {e: i for i, e in enumerate(self.root.iter())}
        inner = self._inner.get(el, 0) + offset
        if self.outer is None or self.holder is None:
            return self.base + min(inner, self.room)
        return self.outer.position(self.holder, offset=min(self.base + inner, self.room))


def _decode(value: str) -> str | None:
    """The markup an escaped value holds, or ``None`` when it holds none."""
    for _ in range(3):
        if _MARKUP.search(value):
            return value
        if (plain := hints.base64_markup(value)) is not None:
            value = plain
        elif "&lt;" in value:
            from html import unescape  # rarely needed: html.entities is a 2,000-entry table to load

            value = unescape(value)
        elif "%3C" in value or "%3c" in value:
            value = unquote(value)
        else:
            return None
    return value if _MARKUP.search(value) else None


@lru_cache(maxsize=4096)
def elsewhere(key: str) -> bool:
    """Whether a data key names other stories (a feed, related articles): not this page's."""
    return _ELSEWHERE.search(key) is not None


def script_embeds(body: str) -> Iterator[str]:
    """Embed markup kept in a script's JSON data (``__NEXT_DATA__``, ``window.App = {…}``), skipping
    what sits under keys that name other stories (``_ELSEWHERE``)."""
    if not any(form in body for form in _JSON_MARKUP):
        return  # no string in it can hold a blockquote or an iframe
    decoder = json.JSONDecoder(strict=False)
    stripped = body.lstrip()
    starts: list[tuple[str, int]] = [("", len(body) - len(stripped))] if stripped[:1] in "{[" else []
    end = 0
    for target, start in islice(chain(starts, _assignments(body)), _MAX_VALUES):
        if start < end:
            continue  # inside a value already read
        try:
            value, end = decoder.raw_decode(body, start)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the decoder goes
            continue
        if not elsewhere(target) and any(body.find(form, start, end) >= 0 for form in _JSON_MARKUP):
            yield from _markup_strings(value, 0)
    if any(form in body for form in _STRING_MARKUP):
        for target, found in islice(_string_values(body), _MAX_VALUES):
            if not elsewhere(target):
                yield from _markup_strings(found, 0)


def _json(value: str) -> object | None:
    try:
        data: object = json.loads(value)
    except (ValueError, RecursionError):  # not JSON after all, or nested past reason
        return None
    return data if isinstance(data, dict | list) else None


def _string_values(body: str) -> Iterator[tuple[str, object]]:
    """``(target, value)`` for each ``target = '…'`` or ``target = "…"`` in script text whose string
    holds JSON (decoded) or embed markup (as is): how some consent tools park an embed's data."""
    for m in _STRING_EQUALS.finditer(body):
        t = _TARGET.search(body, max(0, m.start() - _TARGET_REACH), m.start())
        end = _string_end(body, m.end(), m["quote"])
        if t is None or end is None:
            continue
        text = _JS_ESCAPE.sub(_unescape, body[m.end() : end]).strip()
        if text[:1] in "{[":
            if (data := _json(text)) is not None:
                yield t["target"], data
        else:
            yield t["target"], text


_JS_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(.))", re.S)
_JS_CHARS = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _unescape(m: re.Match[str]) -> str:
    """One escape of a JavaScript string literal, as the character it stands for."""
    if m[1] or m[2]:
        return chr(int(m[1] or m[2], 16))
    return _JS_CHARS.get(m[3], m[3])


def _string_end(body: str, start: int, quote: str) -> int | None:
    """Where the string literal opened before ``start`` with ``quote`` closes (escapes skipped)."""
    i = start
    while True:
        j = body.find(quote, i)
        if j < 0:
            return None
        backslashes = 0
        while j - 1 - backslashes >= start and body[j - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return j
        i = j + 1


def _assignments(body: str) -> Iterator[tuple[str, int]]:
    """``(target, start of the value)`` for each ``target = {…}`` or ``target = […]`` in script text."""
    for m in _EQUALS.finditer(body):
        eq = m.start()
        lo = max(0, eq - _TARGET_REACH)
        t = _TARGET.search(body, lo, eq)
        if t is None and lo > 0 and _NAME.fullmatch(body, lo, eq):
            while lo > 0 and _NAME.match(body, lo - 1, lo):
                lo -= 1  # a name longer than the reach: back to its start
            t = _TARGET.search(body, lo, eq)
        if t is not None and (eq == 0 or body[eq - 1] != "="):
            yield t["target"], m.end()


def _markup_strings(node: object, depth: int) -> Iterator[str]:
    """Strings holding embed markup in a decoded JSON value, depth first, in the order written."""
    if isinstance(node, str):
        if (
            ("<" in node or "lt;" in node)  # most strings of a page's data hold neither
            and any(form in node for form in ("<blockquote", "<iframe", "lt;blockquote", "lt;iframe"))
            and names_any(node, _HINTS)
        ):
            yield node
        return
    if depth >= _MAX_DEPTH:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str | dict | list) and not elsewhere(str(key)):
                yield from _markup_strings(value, depth + 1)
    elif isinstance(node, list):
        for value in node:
            if isinstance(value, str | dict | list):
                yield from _markup_strings(value, depth + 1)


def consent_pages(page: Page) -> Iterator[Page]:
    """Each embed fragment held as text in the page, parsed, as a page of its own."""
    holders: list[tuple[HtmlElement, str]] = [(t, t.text_content()) for t in _TEXTAREAS(page)]
    for hit in hints.of(page).hits:
        if Holds.MARKUP in hit.holds:
            data = _json(hit.value) if Holds.JSON in hit.holds else None
            if data is None:
                holders.append((hit.element, hit.value))
            else:  # an oEmbed answer or an editor's block kept as JSON: its markup strings
                holders.extend((hit.element, markup) for markup in _markup_strings(data, 0))
    # a script's text is one text node in a parsed page: read in Python, once, it is searched 2.5x
    # faster than by an XPath test that copies it for each word looked for
    for script in page.tagged("script"):
        body = script.text
        if not body:
            continue
        kind = script.get("type") or ""
        if _NOT_A_PROGRAM.match(kind) and not _DATA_TYPE.search(kind):
            if not _PLACEHOLDER.search(body):  # parked markup, not a template to fill in
                holders.append((script, body))
        elif _SCRIPT_MARKUP[0] in body or _SCRIPT_MARKUP[1] in body:
            holders.extend((script, markup) for markup in script_embeds(body))
    seen: dict[HtmlElement, int] = {}
    for holder, raw in holders:
        fragment = parse_fragment(raw)
        if fragment is None:
            continue
        seen[holder] = nth = seen.get(holder, -1) + 1
        yield FragmentPage(
            root=fragment, base_url=page.base_url, outer=page, holder=holder, base=nth * _FRAGMENT_STRIDE
        )


def parse_fragment(raw: str) -> HtmlElement | None:
    """Embed markup kept as text (as is or escaped, see :func:`_decode`), parsed on its own under a
    ``div``; ``None`` when it is no markup or names no platform."""
    markup = _decode(raw[:_MAX_FRAGMENT])
    if markup is None or not names_any(markup, _HINTS):
        return None
    markup = encodable(markup)  # a lone surrogate from script data would cut the parse short
    markup = cap_attributes(markup)  # libxml2 is quadratic in the attributes of one element
    try:
        return lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return None  # not markup after all (an attribute that merely mentions "<div")


_TEXT_START = re.compile(
    r"""
    <(?P<tag>blockquote|iframe|div|script|amp-[a-z]+)(?=[\s/>])  # an element embed code is made of
    (?P<attributes>[^<>]{0,4000})>                             # its attributes, a platform named there
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""A start tag of embed markup in a plain text; it counts when its attributes name a platform
(:data:`_HINTS`: an embed class such as ``twitter-tweet``, a platform's address)."""
_RAW_TEXT = frozenset({"iframe", "script"})
"""Elements whose content is text to the HTML tokenizer: they end at their first end tag."""
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TEXT_REACH = 100_000
"""How far past its start tag an element's end is looked for (a platform's embed code is a few
kilobytes): with :data:`_TEXT_FRAGMENTS`, a text of markup soup costs a bounded scan."""
_TEXT_FRAGMENTS = 200
"""Embed elements read from one text at most."""


@lru_cache(maxsize=32)
def _tags_named(tag: str) -> re.Pattern[str]:
    """Start and end tags of the element ``tag`` (its nesting is counted on them)."""
    return re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])[^<>]*>", re.IGNORECASE)


def _element_end(text: str, start: re.Match[str]) -> int:
    """Where the element whose start tag is ``start`` ends in ``text``: after its matching end tag;
    unclosed, at the end of its paragraph (a raw-text element such as an iframe, at its start tag)."""
    tag = start["tag"].lower()
    limit = min(len(text), start.end() + _TEXT_REACH)
    depth = 1
    for m in _tags_named(tag).finditer(text, start.end(), limit):
        if tag in _RAW_TEXT and not m[1]:
            continue  # raw text: a start tag inside is text
        depth += -1 if m[1] else 1
        if depth == 0:
            return m.end()
    if tag in _RAW_TEXT:
        return start.end()
    blank = _BLANK_LINE.search(text, start.end(), limit)
    return blank.start() if blank else limit


def text_pages(text: str) -> Iterator[FragmentPage]:
    """Platform embed markup left in a plain text (a scraped article that kept an embed's
    ``blockquote`` or ``iframe`` as it was), each element parsed on its own as a page whose posts sit
    where its markup starts in the text. Only elements whose start tag names a platform count: a
    text that quotes other markup (``<script>``, ``<p>``) or writes about HTML is text alone."""
    pos = read = 0
    while read < _TEXT_FRAGMENTS and (m := _TEXT_START.search(text, pos)) is not None:
        if not names_any(m["attributes"], _HINTS):
            pos = m.end()
            continue
        read += 1
        pos = _element_end(text, m)  # an embed inside it (a quoted post) is read with it
        root = parse_fragment(text[m.start() : pos])
        if root is not None:
            yield FragmentPage(root=root, base=m.start(), room=max(pos - m.start() - 1, 0))
