"""scrape: every post a Source holds, flat and in document order.

Structured embeds are read from the parsed tree; running prose (from a text file or an HTML
page alike) goes through the remnant and prose scrapers. Sequencing happens later.
"""

from __future__ import annotations

import logging

from . import dates, listings, prose, remnants
from .model import Options, Post, Source

log = logging.getLogger(__name__)


def scrape(source: Source, options: Options | None = None) -> list[Post]:
    """Posts found in ``source``: embeds, remnants of flattened embeds, and quoted posts in prose."""
    options = options or Options()
    posts: list[Post] = []
    if source.page is not None:
        from . import embeds  # eleven platform modules: loaded only for HTML pages

        posts.extend(embeds.extract_all(source.page))
    article_day = dates.as_day(source.published)
    posts.extend(remnants.extract(source.paragraphs, article_date=article_day))
    posts.extend(listings.extract(source.paragraphs, article_date=article_day, title=source.title))
    posts.extend(
        prose.extract(
            source.paragraphs,
            article_date=article_day,
            title=source.title,
            all_quotes=options.all_quotes,
        )
    )
    posts.sort(key=lambda p: p.position)
    log.debug("%s: %d posts", source.location, len(posts))
    return posts
