"""Structured embeds: one module per platform, registered in one ordered table, and general readers.

Each platform module exposes ``extract(page: Page) -> Iterator[Post]`` reading the one parsed tree,
and ``link(url) -> Link | None`` parsing its posts' addresses (permalinks and embed pages).
Adding a platform is one new module and one row here. :func:`extract_all` runs the platform
readers on the page and on the embed code that consent managers park in hidden textareas, escaped
attributes and script data (``_consent``), then the general readers, which know no platform's
markup: post addresses in any attribute (``addresses``). Copies of one post (AMP and non-AMP
copies, a placeholder inside ``amp-twitter``, a tweet embedded twice) merge into the richest record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from .. import vocab
from ..dom import Page
from ..errors import ErrorPolicy, guarded
from ..model import Post
from . import (
    addresses,
    bluesky,
    cards,
    facebook,
    instagram,
    jsonld,
    linkedin,
    mastodon,
    postdata,
    reddit,
    telegram,
    threads_net,
    tiktok,
    twitter,
)
from ._common import Link, absolute
from ._consent import consent_pages, text_pages
from ._merge import merge_copies

Extractor = Callable[[Page], Iterator[Post]]
LinkParser = Callable[[str], Link | None]


@dataclass(frozen=True, slots=True)
class Reader:
    """One platform's reader: its markup, and the addresses of its posts."""

    name: str
    extract: Extractor | None
    """Reads the platform's own markup (``None`` for a platform whose embeds are only an address)."""
    link: LinkParser | None = None


REGISTRY: tuple[Reader, ...] = (
    Reader("twitter", twitter.extract, twitter.link),
    Reader("instagram", instagram.extract, instagram.link),
    Reader("facebook", facebook.extract, facebook.link),
    Reader("bluesky", bluesky.extract, bluesky.link),
    Reader("mastodon", mastodon.extract, mastodon.link),
    Reader("threads", threads_net.extract, threads_net.link),
    Reader("tiktok", tiktok.extract, tiktok.link),
    Reader("reddit", reddit.extract, reddit.link),
    Reader("telegram", telegram.extract, telegram.link),
    Reader("linkedin", None, linkedin.link),
    Reader("jsonld", jsonld.extract),
)
"""The platform readers in the order they run: the common platforms first."""

_BY_PLATFORM: dict[str, LinkParser] = {r.name: r.link for r in REGISTRY if r.link is not None}
_FEDIVERSE = mastodon.link
"""Servers of the fediverse are any host: an address no platform claims is tried as theirs."""


def parse_link(url: str) -> Link | None:
    """The post an address names (a permalink or an embed page), by the platform its host is on."""
    url = url.strip()
    if url[:5].lower() == "at://":
        return bluesky.link(url)
    platform = vocab.platform_of_url(absolute(url))
    parser = _BY_PLATFORM.get(platform) if platform and platform != "truthsocial" else _FEDIVERSE
    return parser(url) if parser is not None else None


def extract_all(page: Page, *, location: str = "<page>", policy: ErrorPolicy = "strict") -> list[Post]:
    """Every embedded post on the page, in document order, one record per post.

    The platform readers and the address reader run first; the general readers (post data in
    attributes, post cards in any markup) then add the posts those missed and fill what they lack.
    Each reader runs under ``policy`` (see :func:`threads.errors.guarded`): a bug in one is
    reported naming it and ``location`` (the input), as the policy says.
    """

    fragments = guarded(
        "the consent-fragment reader", partial(consent_pages, page), location=location, policy=policy
    )
    return _read([page, *fragments], location=location, policy=policy)


def extract_text(text: str, *, location: str = "<text>", policy: ErrorPolicy = "strict") -> list[Post]:
    """The posts of platform embed markup left in a plain text (a scraped article that kept an
    embed's ``blockquote`` or ``iframe``; :func:`._consent.text_pages`), read as a page's embeds are
    and placed at the character where their markup starts. A post also read from the text around
    it (a remnant of the same embed) is merged with it later, as on a page."""
    pages = guarded("the text-fragment reader", partial(text_pages, text), location=location, policy=policy)
    return _read(pages, location=location, policy=policy) if pages else []


def _read(places: Sequence[Page], *, location: str, policy: ErrorPolicy) -> list[Post]:
    """Every reader over ``places`` (a page and the fragments it holds), copies merged."""

    def run(name: str, read: Callable[[], Iterable[Post]]) -> list[Post]:
        return guarded(name, read, location=location, policy=policy)

    posts: list[Post] = []
    for where in places:
        for reader in REGISTRY:
            if reader.extract is not None:
                posts.extend(run(f"the {reader.name} extractor", partial(reader.extract, where)))
        posts.extend(run("the address reader", partial(addresses.extract, where, parse_link)))
    known = merge_copies(posts)
    general: list[Post] = []
    for where in places:
        general.extend(run("the post data reader", partial(postdata.extract, where, parse_link, known)))
        general.extend(run("the card reader", partial(cards.extract, where, parse_link, known)))
    return merge_copies([*known, *general]) if general else known
