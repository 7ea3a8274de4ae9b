"""Helpers over the one parsed lxml tree that every HTML extractor reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

POSITION_STRIDE = 1 << 20
"""Positions in an HTML page are ``element_order * POSITION_STRIDE + offset_in_block``, so posts
found in prose sort between the embeds around them."""

_WS = re.compile(r"\s+")
_DOC_INDEX = etree.XPath("count(preceding::*) + count(ancestor::*)")
_COUNT_LIMIT = 48


def squash(text: str | None) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _WS.sub(" ", text or "").strip()


@dataclass(eq=False)
class Page:
    """The parsed page as extractors see it: the tree, its URL, and document order."""

    root: HtmlElement
    base_url: str | None = None
    _order: dict[HtmlElement, int] | None = field(default=None, repr=False)
    _asked: int = field(default=0, repr=False)

    def order(self, el: HtmlElement) -> int:
        """The element's index among the page's elements in document order.

        The first few questions are answered by libxml2 counting (no Python objects made); a page
        that asks many gets a table built once, so a page with thousands of embeds stays linear.
        """
        if self._order is None:
            self._asked += 1
            if self._asked <= _COUNT_LIMIT:
                return int(_DOC_INDEX(el))  # type: ignore[arg-type]
            self._order = {e: i for i, e in enumerate(self.root.iter(etree.Element))}
        return self._order.get(el, 0)

    def position(self, el: HtmlElement, offset: int = 0) -> int:
        """A :attr:`threads.model.Post.position` for something found in ``el``."""
        return self.order(el) * POSITION_STRIDE + offset
