"""Structured embeds: one module per platform, registered in one ordered table.

Each module exposes ``extract(page: Page) -> Iterator[Post]`` reading the one parsed tree.
Adding a platform is one new module and one row here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..dom import Page
from ..model import Post

Extractor = Callable[[Page], Iterator[Post]]

REGISTRY: tuple[tuple[str, Extractor], ...] = ()
"""(platform, extractor) in the order they run."""


def extract_all(page: Page) -> list[Post]:
    """Every embedded post on the page, in document order."""
    posts: list[Post] = []
    for _name, extract in REGISTRY:
        posts.extend(extract(page))
    posts.sort(key=lambda p: p.position)
    return posts
