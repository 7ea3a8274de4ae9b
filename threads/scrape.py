"""scrape: every post a Source holds, flat and in document order.

Structured embeds are read from the parsed tree; running prose (from a text file or an HTML
page alike) goes through the remnant, listing and prose scrapers. They are one ordered table,
:data:`SCRAPERS`; each runs under the options' error policy (:func:`threads.errors.guarded`), so a
bug in one is one failed input with a line naming it, never a lost batch. Sequencing happens later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

from . import dates, listings, prose, remnants
from .errors import guarded
from .model import Options, Post, Source

log = logging.getLogger(__name__)

Scraper = Callable[[Source, Options, "date | None"], Iterable[Post]]


def _embeds(source: Source, options: Options, article_day: date | None) -> Iterable[Post]:
    if source.page is None and "<" not in source.text:
        return ()
    from . import embeds  # eleven platform modules: loaded only for pages and texts holding markup

    if source.page is None:  # a text that kept an embed's markup as it was
        return embeds.extract_text(source.text, location=source.location, policy=options.errors)
    return embeds.extract_all(source.page, location=source.location, policy=options.errors)


def _remnants(source: Source, options: Options, article_day: date | None) -> Iterable[Post]:
    return remnants.extract(source.paragraphs, article_date=article_day)


def _listings(source: Source, options: Options, article_day: date | None) -> Iterable[Post]:
    return listings.extract(source.paragraphs, article_date=article_day, title=source.title)


def _prose(source: Source, options: Options, article_day: date | None) -> Iterable[Post]:
    return prose.extract(
        source.paragraphs, article_date=article_day, title=source.title, all_quotes=options.all_quotes
    )


SCRAPERS: tuple[tuple[str, Scraper], ...] = (
    ("embeds", _embeds),  # structured embeds, one extractor per platform (threads.embeds.REGISTRY)
    ("remnants", _remnants),  # flattened embeds in text: "... — Name (@handle) October 17, 2017"
    ("listings", _listings),  # wire copy reprinting an account's posts one after another
    ("prose", _prose),  # quotes in running prose with their attribution
)
"""(name, scraper) in the order they run."""


def scrape(source: Source, options: Options | None = None) -> list[Post]:
    """Posts found in ``source``: embeds, remnants of flattened embeds, and quoted posts in prose."""
    options = options or Options()
    article_day = dates.as_day(source.published)
    posts: list[Post] = []
    for name, scraper in SCRAPERS:
        posts.extend(
            guarded(
                f"the {name} scraper",
                partial(scraper, source, options, article_day),
                location=source.location,
                policy=options.errors,
            )
        )
    posts.sort(key=lambda p: p.position)
    log.debug("%s: %d posts", source.location, len(posts))
    return posts
