"""Where on a page an element sits: in a rail of other stories, or in the article.

The general readers (addresses, cards, JSON in attributes) read posts from any markup; a post in
a "More stories" rail, a "Trending" sidebar or the site's footer belongs to other articles. Those
places are named by their tag (``nav``; ``aside`` and ``footer`` outside the article) or by class
and id words that sites use for them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

_RAIL_WORDS = re.compile(
    r"(?:^|[\s_-])(?:related|recommend(?:ed|ations)?|more[\s_-]?(?:stories|news|from|articles|posts|reads?)"
    r"|also[\s_-]?(?:read|like)|read[\s_-]?(?:more|next)|trending|popular|most[\s_-]?(?:read|viewed|shared)"
    r"|sidebar|side[\s_-]?bar|rail|teasers?|promo(?:tion)?s?|outbrain|taboola|you[\s_-]?may"
    r"|(?:site|page|global)[\s_-]?footer|newsletter[\s_-]?signup|next[\s_-]?(?:article|story))(?=$|[\s_-])",
    re.IGNORECASE,
)
"""Class and id words of the places that hold other stories ("feed" and "latest" are not among
them: a live blog's own entries sit in such places)."""
_ARTICLE_TAGS = frozenset({"article", "main"})
_PAGE_PARTS = frozenset({"aside", "footer"})
"""Tags that hold other stories when they sit outside the article (inside it, an ``aside`` is
a box of the article's own, a ``footer`` a card's own footer)."""


_LAYOUT = re.compile(r"wrap|container|layout|content|has-|page|site|body", re.IGNORECASE)
"""Words of the page's layout classes ("content-sidebar-wrap" holds the article and its sidebar)."""


@lru_cache(maxsize=4096)
def _rail_words(value: str) -> bool:
    """Whether a class or id value has a token naming a rail (and not the layout around one)."""
    return any(_RAIL_WORDS.search(token) and not _LAYOUT.search(token) for token in value.split())


def in_rail(el: HtmlElement) -> bool:
    """Whether ``el`` (or an element around it) is a place for other stories, not the article.

    The elements around it are looked at up to the outermost ``article`` or ``main`` (above it sit
    the page's layout wrappers), or up to ``body``.
    """
    chain = [el, *el.iterancestors()]
    outermost = max((i for i, node in enumerate(chain) if node.tag in _ARTICLE_TAGS), default=-1)
    for i, node in enumerate(chain):
        tag = node.tag
        if tag in ("body", "html") or (outermost >= 0 and i > outermost):
            break
        if tag == "nav" or (tag in _PAGE_PARTS and i >= outermost):
            return True
        for attr in ("class", "id"):
            value = node.get(attr)
            if value and _rail_words(value):
                return True
    return False
