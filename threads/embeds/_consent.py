"""Embed code parked by consent managers and lazy loaders until the reader agrees.

Recognises embed HTML kept as text: inside a ``textarea`` (often ``hidden``), or in an attribute
value, escaped once by the page (``data-embed="&lt;blockquote class=&quot;twitter-tweet&quot;…"``),
escaped twice, or percent-encoded. Each such fragment is parsed on its own and read by every
extractor, its posts placed where the holder element sits.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree
from lxml import html as lxml_html

from ..dom import Page
from ._common import HtmlElement, xpath

_HINTS = re.compile(
    r"twitter-tweet|twitter\.com/|x\.com/|instagram|bluesky|bsky\.app|fb-post|facebook\.com/plugins"
    r"|tiktok|reddit|telegram|threads\.(?:net|com)|mastodon|linkedin\.com/embed",
    re.IGNORECASE,
)
"""A fragment is worth parsing only if it names a platform."""
_MARKUP = re.compile(r"<\s*(?:blockquote|iframe|div|amp-|script|figure)", re.IGNORECASE)
_TEXTAREAS = xpath("//textarea[contains(., '<')]")
_ATTRIBUTES = xpath(
    "//@*[contains(., '<blockquote') or contains(., '<iframe') or contains(., '<div')"
    " or contains(., '&lt;blockquote') or contains(., '&lt;iframe') or contains(., '&lt;div')"
    " or contains(., '%3Cblockquote') or contains(., '%3Ciframe') or contains(., '%3Cdiv')]"
)
_MAX_FRAGMENT = 1_000_000


@dataclass(eq=False)
class FragmentPage(Page):
    """A parsed fragment whose positions are those of the element that held it."""

    outer: Page | None = None
    holder: HtmlElement | None = None
    _inner: dict[HtmlElement, int] | None = field(default=None, repr=False)

    def position(self, el: HtmlElement, offset: int = 0) -> int:
        assert self.outer is not None and self.holder is not None
        if self._inner is None:
            self._inner = {e: i for i, e in enumerate(self.root.iter())}
        return self.outer.position(self.holder, offset=self._inner.get(el, 0) + offset)


def _decode(value: str) -> str | None:
    """The markup an escaped value holds, or ``None`` when it holds none."""
    for _ in range(3):
        if _MARKUP.search(value):
            return value
        if "&lt;" in value:
            value = html.unescape(value)
        elif "%3C" in value or "%3c" in value:
            value = unquote(value)
        else:
            return None
    return value if _MARKUP.search(value) else None


def consent_pages(page: Page) -> Iterator[Page]:
    """Each embed fragment held as text in the page, parsed, as a page of its own."""
    holders: list[tuple[HtmlElement, str]] = [(t, t.text_content()) for t in _TEXTAREAS(page.root)]
    for value in _ATTRIBUTES(page.root):
        owner = value.getparent()
        if owner is not None:
            holders.append((owner, str(value)))
    for holder, raw in holders:
        markup = _decode(raw[:_MAX_FRAGMENT])
        if markup is None or not _HINTS.search(markup):
            continue
        try:
            fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
        except (etree.ParserError, ValueError):
            continue  # not markup after all (an attribute that merely mentions "<div")
        yield FragmentPage(root=fragment, base_url=page.base_url, outer=page, holder=holder)
