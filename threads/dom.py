"""Helpers over the one parsed lxml tree that every HTML extractor reads."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

POSITION_STRIDE = 1 << 20
"""Positions in an HTML page are ``element_order * POSITION_STRIDE + offset_in_block``, so posts
found in prose sort between the embeds around them."""

INDEXED_TAGS = (
    "blockquote",
    "iframe",
    "figure",
    "img",
    "script",
    "textarea",
    "amp-twitter",
    "amp-instagram",
    "amp-facebook",
    "amp-reddit",
    "link",
    "meta",
    "title",
    "h1",
)
"""The tags the extractors select by and the loader reads the page's head from (its canonical URL,
title and date), gathered in one pass over the tree (:meth:`Page.tagged`)."""
_DOC_INDEX = etree.XPath("count(preceding::*) + count(ancestor::*)")
_COUNT_LIMIT = 48


def squash(text: str | None) -> str:
    """Collapse runs of white space to one space and strip the ends.

    ``str.split()`` breaks on exactly the characters the regular expression ``\\s`` matches (every
    code point checked), and does it in one C loop.
    """
    return " ".join(text.split()) if text else ""


@lru_cache(maxsize=64)
def _finder(needles: tuple[str, ...]) -> Callable[[bytes], bool]:
    """A search for any of ``needles``: one needle is a substring test; several are a regular
    expression that starts with their common prefix, which the engine finds with a literal scan."""
    if len(set(needles)) == 1:
        one = needles[0].encode("ascii")
        return lambda data: one in data
    prefix = os.path.commonprefix(needles)  # noqa: RUF071 -- strings, not paths
    rests = sorted({n[len(prefix) :] for n in needles}, key=lambda r: (-len(r), r))
    body = "(?:" + "|".join(re.escape(r) for r in rests) + ")" if any(rests) else ""
    search = re.compile((re.escape(prefix) + body).encode("ascii")).search
    return lambda data: search(data) is not None


@dataclass(eq=False)
class Page:
    """The parsed page as extractors see it: the tree, its URL, and document order."""

    root: HtmlElement
    base_url: str | None = None
    markup: str | bytes | None = None
    """The source the tree was parsed from, when known (text, or bytes in an ASCII-compatible
    encoding): :meth:`holds` looks in it."""
    _order: dict[HtmlElement, int] | None = field(default=None, repr=False)
    _asked: int = field(default=0, repr=False)
    walked: dict[HtmlElement, int] = field(default_factory=dict, repr=False)
    """The index of each element the loader's paragraph walk counted (those it left out are not
    in it): :meth:`order` reads them before counting."""
    _tags: dict[str, list[HtmlElement]] | None = field(default=None, repr=False)
    _lowered: bytes | None = field(default=None, repr=False)
    _held: dict[tuple[str, ...], bool] = field(default_factory=dict, repr=False)
    _spelled: dict[str, bool] = field(default_factory=dict, repr=False)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    """What readers derive from the page once and share (the embed readers' scan), by name."""

    def __reduce__(self) -> tuple[Callable[..., Page], tuple[str, str | None, str | bytes | None]]:
        """Pickling and deep copies: the tree goes as its HTML and is parsed again on the way back
        (lxml elements do not pickle); document order and the other lookups are rebuilt on use."""
        return _unpickled, (
            etree.tostring(self.root, encoding="unicode", method="html"),
            self.base_url,
            self.markup,
        )

    def tagged(self, tag: str) -> list[HtmlElement]:
        """The elements named ``tag`` (one of :data:`INDEXED_TAGS`), in document order.

        All indexed tags are gathered in one pass that libxml2 makes (only matching elements become
        Python objects), so twenty selectors cost one walk over the tree, not twenty.
        """
        if self._tags is None:
            self._tags = {t: [] for t in INDEXED_TAGS}
            for el in self.root.iter(*INDEXED_TAGS):
                self._tags[el.tag].append(el)
        return self._tags[tag]

    def holds(self, *needles: str) -> bool:
        """Whether the source text holds one of ``needles`` (ASCII, lower case), ignoring ASCII case.

        A cheap necessary condition checked before a costly query over the whole tree; it is
        ``True`` when the source text is unknown. The needles must be things markup cannot
        write another way: attribute names, class names, URL pieces (entity-encoded letters in
        those are not looked for). Needles that share a prefix ("data-tweet", "data-oembed") are
        looked for in one scan that jumps from one occurrence of the prefix to the next.
        """
        if self.markup is None:
            return True
        held = self._held.get(needles)
        if held is None:
            if self._lowered is None:
                raw = self.markup
                data = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
                self._lowered = data.lower()
            held = self._held[needles] = _finder(needles)(self._lowered)
        return held

    def spells(self, needle: str) -> bool:
        """Whether the source text holds ``needle`` (ASCII) as written, case and all: a cheap
        necessary condition for a query that compares an attribute's value exactly (or looks for
        ``needle`` inside it), with no lower-cased copy of the page made. ``True`` when the source
        text is unknown; entity-encoded letters are not looked for (as in :meth:`holds`)."""
        raw = self.markup
        if raw is None:
            return True
        spelled = self._spelled.get(needle)
        if spelled is None:
            spelled = needle.encode("ascii") in raw if isinstance(raw, bytes) else needle in raw
            self._spelled[needle] = spelled
        return spelled

    def order(self, el: HtmlElement) -> int:
        """The element's index among the page's elements in document order.

        An element the paragraph walk counted is looked up (:attr:`walked`); of the others, the first
        few questions are answered by libxml2 counting (no Python objects made); a page that asks
        many gets a table built once, so a page with thousands of embeds stays linear.
        """
        if self._order is None:
            walked = self.walked.get(el)
            if walked is not None:
                return walked
            self._asked += 1
            if self._asked <= _COUNT_LIMIT:
                return int(_DOC_INDEX(el))  # type: ignore[arg-type]
            self._order = {e: i for i, e in enumerate(self.root.iter(etree.Element))}
        return self._order.get(el, 0)

    def position(self, el: HtmlElement, offset: int = 0) -> int:
        """A :attr:`threads.model.Post.position` for something found in ``el``."""
        return self.order(el) * POSITION_STRIDE + offset


def _unpickled(html: str, base_url: str | None, markup: str | bytes | None) -> Page:
    # lxml's own serialisation of a tree it parsed: nothing for the loader's repairs to do
    return Page(lxml_html.document_fromstring(html, parser=PARSER), base_url, markup)


def _parser(encoding: str | None = None) -> lxml_html.HTMLParser:
    """The one HTML parser: no network, no DTD, huge trees allowed, every element a plain
    HtmlElement (``encoding``: that of the bytes it reads, whatever the page declares)."""
    parser = lxml_html.HTMLParser(
        remove_blank_text=False,
        huge_tree=True,
        no_network=True,
        default_doctype=False,
        collect_ids=False,  # type: ignore[call-arg]
        encoding=encoding,
    )
    # lxml.html picks each element's class in a Python callback (forms, inputs, labels get classes
    # of their own); every element here is a plain HtmlElement, chosen in C: walking a page makes
    # one Python object per element, and the callback was a fifth of the cost of making it.
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


PARSER = _parser()
"""Every page is parsed with it (:func:`threads.load.parse_html`, and a page coming back from a
pickle)."""
UTF8_PARSER = _parser("utf-8")
"""The same parser for a page whose bytes are its text in UTF-8 (:func:`threads.load.parse_html`):
libxml2 reads them as they are, where a Python string is converted back to UTF-8 first (a quarter
of the parse)."""
