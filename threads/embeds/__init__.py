"""Structured embeds: one module per platform, registered in one ordered table.

Each module exposes ``extract(page: Page) -> Iterator[Post]`` reading the one parsed tree.
Adding a platform is one new module and one row here. :func:`extract_all` also reads the embed
code that consent managers park in hidden textareas and escaped attributes (``_consent``), and
merges copies of one post (AMP and non-AMP copies, a placeholder blockquote inside ``amp-twitter``,
a tweet embedded twice) into the richest record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from ..dom import Page
from ..errors import ErrorPolicy, guarded
from ..model import Post
from . import (
    bluesky,
    facebook,
    instagram,
    jsonld,
    linkedin,
    mastodon,
    reddit,
    telegram,
    threads_net,
    tiktok,
    twitter,
)
from ._consent import consent_pages
from ._merge import merge_copies

Extractor = Callable[[Page], Iterator[Post]]

REGISTRY: tuple[tuple[str, Extractor], ...] = (
    ("twitter", twitter.extract),
    ("instagram", instagram.extract),
    ("facebook", facebook.extract),
    ("bluesky", bluesky.extract),
    ("mastodon", mastodon.extract),
    ("threads", threads_net.extract),
    ("tiktok", tiktok.extract),
    ("reddit", reddit.extract),
    ("telegram", telegram.extract),
    ("linkedin", linkedin.extract),
    ("jsonld", jsonld.extract),
)
"""(platform, extractor) in the order they run: the common platforms first."""


def extract_all(page: Page, *, location: str = "<page>", policy: ErrorPolicy = "strict") -> list[Post]:
    """Every embedded post on the page, in document order, one record per post.

    Each extractor runs under ``policy`` (see :func:`threads.errors.guarded`): a bug in one is
    reported naming it and ``location`` (the input), as the policy says.
    """
    fragments = guarded(
        "the consent-fragment reader", partial(consent_pages, page), location=location, policy=policy
    )
    posts: list[Post] = []
    for where in (page, *fragments):
        for name, extract in REGISTRY:
            posts.extend(
                guarded(
                    f"the {name} extractor",
                    partial(extract, where),
                    location=location,
                    policy=policy,
                )
            )
    return merge_copies(posts)
