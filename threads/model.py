"""The data model: plain frozen records that flow one way through the pipeline.

``load`` makes a :class:`Source`, ``scrape`` a flat list of :class:`Post` in document order,
``sequence`` groups them into :class:`Thread` objects inside a :class:`Reconstruction`, and
``render`` turns that into text. Nothing here knows how a record was found.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from . import safe
from .errors import ERROR_POLICIES, ErrorPolicy, default_policy

if TYPE_CHECKING:
    from .dom import Page

SCHEMA = "threads/1"

__all__ = [
    "SCHEMA",
    "Author",
    "Media",
    "Options",
    "Paragraph",
    "Post",
    "PostKind",
    "Published",
    "Reconstruction",
    "Source",
    "Thread",
    "iso",
]

PostKind = Literal["embed", "remnant", "quote"]
"""How a post was found: structured markup, a flattened embed in text, or a quote in prose."""
MediaKind = Literal["photo", "video", "audio", "media", "embed", "link"]
"""What an attachment is, as far as the markup tells ("media": an attachment of unknown type)."""
Published = date | datetime
"""A ``datetime`` when the time of day is known, a ``date`` when only the day is."""
Precision = Literal["day", "time"]
"""How much of ``published`` is known: the day only, or the moment."""

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def iso(value: Published | None) -> str | None:
    """ISO 8601 for a date or datetime; ``None`` stays ``None``."""
    return value.isoformat() if value is not None else None


def precision(value: Published | None) -> Precision | None:
    """``"time"`` for a moment, ``"day"`` for a date alone, ``None`` for no date."""
    if value is None:
        return None
    return "time" if isinstance(value, datetime) else "day"


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote a post, as far as the page tells."""

    name: str | None = None
    """Display name or full name, titles folded away ("Ann Reyes")."""
    handle: str | None = None
    """Account name without ``@`` ("realDonaldTrump"); Bluesky handles keep their dots."""
    platform: str | None = None
    """Platform of the account ("twitter", "mastodon", ...)."""
    url: str | None = None
    """Profile URL where the markup gives one."""
    role: str | None = None
    """Role or title the article gives ("Spokeswoman for the Joint Task Force")."""
    aliases: tuple[str, ...] = ()
    """Other ways the page names this author ("Army Col. Ann Reyes", "Reyes", "he")."""
    id: str | None = None
    """The account's permanent ID where the page gives one (a Bluesky DID, "did:plc:...")."""

    def key(self) -> str:
        """A stable identity for grouping: the account ID first, then the handle, then the name."""
        if self.id:
            return self.id
        if self.handle:
            return f"@{self.handle.lower()}"
        return (self.name or "").casefold()

    @property
    def named(self) -> bool:
        """Whether the page says anything of who this is (a name, a handle or an account ID)."""
        return bool(self.name or self.handle or self.id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "handle": self.handle,
            "platform": self.platform,
            "url": safe.url(self.url),
            "role": self.role,
            "aliases": list(self.aliases),
            "id": self.id,
        }


@dataclass(frozen=True, slots=True)
class Media:
    """An attachment named by the markup; its bytes are never fetched."""

    url: str
    """Where the media (or the link standing for it, such as pic.twitter.com/x) points."""
    kind: MediaKind = "link"
    """"photo", "video", "link", ... as far as the markup tells."""
    alt: str | None = None
    """Alt text or caption, when present."""

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "kind": self.kind, "alt": self.alt}


@dataclass(frozen=True, slots=True)
class Post:
    """One social-media post found in a page, as rich as its evidence allows."""

    platform: str
    """"twitter", "mastodon", "bluesky", "threads", "instagram", "facebook", ... or "unknown"."""
    text: str
    """The post's own text, plain; empty when the markup does not hold it (see ``extra``)."""
    author: Author = field(default_factory=Author)
    """Who wrote it."""
    kind: PostKind = "quote"
    """``embed`` (structured markup), ``remnant`` (a flattened embed in text) or ``quote`` (prose)."""
    id: str | None = None
    """The platform's post ID."""
    url: str | None = None
    """Permalink."""
    published: Published | None = None
    """When it was posted, to the precision known."""
    quotes: tuple[Post, ...] = ()
    """Posts quoted inside this one (a quote-tweet's inner tweet)."""
    media: tuple[Media, ...] = ()
    """Attachments named by the markup."""
    links: tuple[str, ...] = ()
    """Links in the post's text."""
    position: int = 0
    """Where in the source it was found: grows in document order."""
    evidence: tuple[str, ...] = ()
    """Why we believe it is a post: the markup, the verb, the caption."""
    confidence: float = 1.0
    """0..1, how sure the extractor is that this is a post by this author."""
    quoted_in: str | None = None
    """For a post shown inside another post (a quote post): that post's ID, else its permalink."""
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, hash=False)
    """Platform-specific fields (``lang``, ``text_missing``, ``published_text``, ``cid``, ...);
    compared, but not hashed (a read-only mapping has no hash), so posts go in sets and dicts."""

    def __getstate__(self) -> list[Any]:
        """Pickling and deep copies: ``extra`` goes as a plain dict (its read-only view does not
        pickle) and comes back read-only."""
        return [dict(self.extra) if f.name == "extra" else getattr(self, f.name) for f in fields(self)]

    def __setstate__(self, state: list[Any]) -> None:
        for f, value in zip(fields(self), state, strict=True):
            object.__setattr__(self, f.name, MappingProxyType(value) if f.name == "extra" else value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "id": self.id,
            "url": safe.url(self.url),
            "text": self.text,
            "published": iso(self.published),
            "published_precision": precision(self.published),
            "author": self.author.to_dict(),
            "kind": self.kind,
            "quotes": [q.to_dict() for q in self.quotes],
            "quoted_in": self.quoted_in,
            "media": [{**m.to_dict(), "url": link} for m in self.media if (link := safe.url(m.url))],
            "links": [link for link in map(safe.url, self.links) if link is not None],
            "position": self.position,
            "evidence": list(self.evidence),
            "confidence": round(self.confidence, 3),
            "extra": {k: _jsonable(v) for k, v in self.extra.items()},
        }


@dataclass(frozen=True, slots=True)
class Thread:
    """The posts of one author on one platform, in order."""

    author: Author
    platform: str
    posts: tuple[Post, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "author": self.author.to_dict(),
            "platform": self.platform,
            "posts": [p.to_dict() for p in self.posts],
        }


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of running prose, in document order."""

    text: str
    position: int
    """Ordering key in the same space as :attr:`Post.position`."""
    quoted: bool = False
    """Set off as a quotation by the markup (inside a ``<blockquote>`` that is no embed)."""


@dataclass(frozen=True, slots=True)
class Source:
    """A loaded input: decoded text, and for HTML the one parsed tree every extractor reads."""

    location: str
    """Path, URL, ``-`` or ``<string>``: what the user gave."""
    kind: Literal["html", "text"]
    text: str
    """The decoded input."""
    url: str | None = None
    """The page's own URL (given, or from its canonical link)."""
    title: str | None = None
    published: Published | None = None
    """The article's date."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Running prose, block by block, for the prose, remnant and caption scrapers."""
    page: Page | None = field(default=None, compare=False, repr=False)
    """The parsed HTML page, its one lxml tree (``page.root``) and document order; ``None`` for text."""
    encoding: str | None = None
    """How the bytes were decoded, when they were bytes."""
    captured: datetime | None = None
    """When the page was captured, for a page read from a web archive (its WARC-Date)."""

    def to_dict(self) -> dict[str, Any]:
        data = {
            "location": self.location,
            "url": safe.url(self.url),
            "title": self.title,
            "published": iso(self.published),
            "kind": self.kind,
        }
        if self.captured is not None:
            data["captured"] = iso(self.captured)
        return data


@dataclass(frozen=True, slots=True)
class Reconstruction:
    """What ``threads.reconstruct`` returns: the source and its threads."""

    source: Source
    threads: tuple[Thread, ...]

    @property
    def posts(self) -> tuple[Post, ...]:
        """Every top-level post of every thread."""
        return tuple(p for t in self.threads for p in t.posts)

    def to_dict(self) -> dict[str, Any]:
        """The ``threads/1`` JSON: every URL field on the allowlist, every string without control
        characters (see :mod:`threads.safe`)."""
        record: dict[str, Any] = safe.data(
            {
                "schema": SCHEMA,
                "source": self.source.to_dict(),
                "threads": [t.to_dict() for t in self.threads],
            }
        )
        return record


@dataclass(frozen=True, slots=True)
class Options:
    """Everything that tunes a run, in one place."""

    all_quotes: bool = False
    """Keep quoted statements that have no social evidence (as platform "unknown")."""
    url: str | None = None
    """The page's URL, when the input is a file or string saved from it."""
    refuse_private: bool = False
    """Refuse to fetch a URL whose host is (or redirects to) a private, loopback or link-local
    address: for a service that fetches URLs its users give. Off by default, and for the CLI."""
    fetch_deadline: float = 60.0
    """Seconds a URL may take to fetch in all: connecting, redirects and reading the body (each
    connect and read also gives up after 20 s without data)."""
    errors: ErrorPolicy = field(default_factory=default_policy)
    """What a bug in one reader (an embed extractor, a scraper) does on a page: ``"fail"`` (the
    default) fails the input with a one-line :class:`~threads.errors.InternalError` naming the
    reader, and a batch goes on; ``"log"`` logs that line and keeps what the other readers found;
    ``"ignore"`` keeps it without a word; ``"strict"`` raises the error itself (the test suite's
    setting). The ``THREADS_ERRORS`` environment variable changes the default."""

    def __post_init__(self) -> None:
        """A value of the wrong kind is a TypeError or ValueError naming the option (it would
        otherwise fail deep inside a reader)."""
        for name in ("all_quotes", "refuse_private"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise TypeError(f"Options.{name} must be True or False, not {type(value).__name__}")
        if self.url is not None and not isinstance(self.url, str):
            raise TypeError(f"Options.url must be a str or None, not {type(self.url).__name__}")
        if self.errors not in ERROR_POLICIES:
            choices = ", ".join(repr(p) for p in ERROR_POLICIES)
            raise ValueError(f"Options.errors must be one of {choices}, not {self.errors!r}")
        deadline = self.fetch_deadline
        if isinstance(deadline, bool) or not isinstance(deadline, int | float) or not deadline > 0:
            raise ValueError(f"Options.fetch_deadline must be a number of seconds above 0, not {deadline!r}")


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value
