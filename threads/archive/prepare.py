"""What adding a source to the archive needs, worked out before the database is touched.

:func:`prepare` turns a reconstruction into a :class:`Prepared` record: the source's identity and
row, and for each post its identity, its key, the values of its rows and the questions the
database will be asked about it. It is a pure function of the reconstruction, so ``archive add``
runs it in the worker processes, beside the reading of the page, and the one process that writes
the database (:meth:`threads.archive.store.Archive.apply`) has only the database's work left.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any, NamedTuple

from ..identity import MIN_PART, MIN_TEXT, Identity, contains, identify, words
from ..model import Author, Media, Post, Published, Reconstruction, Source, iso
from ..sequence import richness
from .records import post_from_dict

__all__ = [
    "Prepared",
    "PreparedPost",
    "author_key",
    "kept_digest",
    "kept_location",
    "kept_post",
    "merge_posts",
    "post_key",
    "post_row",
    "prepare",
    "record_digest",
    "source_key",
]

RARE_WORDS = 2
"""How many of a quote's longest words the full-text index is asked for first."""


def dumps(value: Any) -> str:
    """Compact JSON for a column (most posts have no media, links or quotes: those cost nothing)."""
    if not value and isinstance(value, list | dict):
        return "[]" if isinstance(value, list) else "{}"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


# ---------------------------------------------------------------- sources


def source_key(source: Source, sha256: str | None, record: Callable[[], str]) -> str:
    """A source's identity: its URL (scheme and host in lower case, no fragment), else the sha256
    of its page bytes, else (a record read from JSON Lines without a URL) ``record()``, the sha256
    of the record (:func:`record_digest`). Never a local path: the same page saved in two places is
    one source."""
    if source.url and source.url.lower().startswith(("http://", "https://")):
        from urllib.parse import urlsplit, urlunsplit

        try:
            p = urlsplit(source.url.strip())
            return "url:" + urlunsplit((p.scheme.lower(), p.netloc.lower(), p.path or "/", p.query, ""))
        except ValueError:
            pass
    if sha256:
        return f"sha256:{sha256}"
    return f"record:{record()}"


def kept_location(location: str, cwd: str | None = None) -> str:
    """What the archive keeps of an input's location: a URL, ``-`` or a relative path as given; an
    absolute path relative to the current folder when inside it, else its file name alone (no
    machine's folders in the archive); a ``file:`` URL as its path. A web archive's page keeps its
    ``#record URL`` part."""
    if location.lower().startswith(("http://", "https://")) or location in ("-", "<string>", "<bytes>"):
        return location
    path, sep, rest = location.partition("#")
    if path.lower().startswith("file://"):
        from urllib.parse import unquote, urlsplit

        path = unquote(urlsplit(path).path)
    if os.path.isabs(path):
        here = cwd or os.getcwd()
        inside = path.startswith(here) and os.path.commonpath([here, path]) == here
        path = os.path.relpath(path, here) if inside else os.path.basename(path)
    return path + sep + rest


def record_digest(record: dict[str, Any]) -> str:
    """The sha256 of what was found in a source: its ``threads/1`` record, its location aside
    (the same page saved in two places holds the same). The identity of a source known by neither
    a URL nor its page's bytes (a record read from JSON Lines)."""
    source = {k: v for k, v in record["source"].items() if k != "location"}
    data = {**record, "source": source}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def kept_digest(source: tuple[Any, ...], posts: list[tuple[Any, ...]]) -> str:
    """The sha256 of what the archive keeps of a source (``sources.record_sha256``): its fields
    (location and page bytes aside) and each post's row, author and sighting, in order. Adding a
    source whose digest is unchanged changes nothing, so it is skipped. Made from the rows the
    writer needs anyway: the record's own JSON cost five times as much to make."""
    kept = json.dumps([source, posts], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(kept.encode("utf-8", "surrogatepass")).hexdigest()


# ---------------------------------------------------------------- posts and authors


def author_key(author: Author, platform: str) -> str | None:
    """An author's identity in the archive: platform + handle, else platform + the name's words."""
    if author.handle:
        return f"{platform}:@{author.handle.lower()}"
    name = words(author.name)
    return f"{platform}:{name}" if name else None


def post_key(ident: Identity, scope: str) -> str:
    """:attr:`Identity.key`; a text too short to prove one post across articles (under
    ``MIN_TEXT``) is known only within its own source (``scope``)."""
    key = ident.key
    if key.startswith("text:") and len(ident.text) < MIN_TEXT:
        key += f"#{scope}"
    return key


def head(ident: Identity) -> str | None:
    """Where a post added later looks for a post known by its words alone: its longest word (the
    first of them), which any post holding those words holds too, and which is seldom common."""
    if ident.id or ident.permalink or len(ident.text) < MIN_PART:
        return None
    return max(ident.text.split(" "), key=len)


def openings(ident: Identity) -> str | None:
    """For a post with an ID or permalink: its words once each (JSON), the heads of the stored
    quotes it may hold; else None."""
    if not (ident.id or ident.permalink) or len(ident.text) < MIN_PART:
        return None
    return dumps(list(dict.fromkeys(ident.text.split(" "))))


def rare_query(ident: Identity) -> str | None:
    """For a post known by its words alone: the full-text query for its longest words (long words
    are the rare ones, and a common word's list of posts is what costs to read); else None."""
    if head(ident) is None:
        return None
    tokens = sorted(set(ident.text.split(" ")), key=len, reverse=True)[:RARE_WORDS]
    return "text : (" + " AND ".join(f'"{t}"' for t in tokens) + ")"


def phrase_query(text: str) -> str:
    """The full-text query for the words ``text`` as a phrase."""
    return 'text : "' + text.replace('"', '""') + '"'


_KIND_RANK = {"embed": 3, "remnant": 2, "quote": 1}


def merge_posts(a: Post, b: Post) -> Post:
    """Two records of one post as one: the richer (embed over quote, then fuller), its gaps filled
    from the other; of two texts of one rank the longer when it holds the shorter."""
    rich, poor = (b, a) if richness(b) > richness(a) else (a, b)
    text = rich.text or poor.text
    same_rank = _KIND_RANK.get(rich.kind) == _KIND_RANK.get(poor.kind)
    if same_rank and len(poor.text) > len(rich.text) and contains(words(poor.text), words(rich.text)):
        text = poor.text
    published: Published | None = rich.published or poor.published
    if (
        isinstance(poor.published, datetime)
        and type(rich.published) is date
        and poor.published.date() == rich.published
    ):
        published = poor.published  # the same day, to the second
    ra, pa = rich.author, poor.author
    name = ra.name or pa.name
    aliases = dict.fromkeys(ra.aliases + pa.aliases + ((pa.name,) if pa.name else ()))
    author = Author(
        name=name,
        handle=ra.handle or pa.handle,
        platform=ra.platform or pa.platform,
        url=ra.url or pa.url,
        role=ra.role or pa.role,
        aliases=tuple(x for x in aliases if x != name),
    )
    return replace(
        rich,
        text=text,
        author=author,
        id=rich.id or poor.id,
        url=rich.url or poor.url,
        published=published,
        media=rich.media or poor.media,
        quotes=rich.quotes or poor.quotes,
        links=rich.links or poor.links,
        extra={**poor.extra, **rich.extra},
    )


POST_COLUMNS = (
    "platform", "post_id", "url", "permalink", "author_name", "author_handle", "text", "published", "kind",
    "media", "links", "quotes", "extra", "head", "words",
)  # fmt: skip
"""The columns of ``posts`` that :func:`post_row` gives values for (``key`` and ``author`` aside)."""


def post_row(post: Post, ident: Identity) -> tuple[Any, ...]:
    """The values of :data:`POST_COLUMNS` for ``post``."""
    first = head(ident)
    return (
        post.platform,
        ident.id,
        post.url,
        ident.permalink,
        post.author.name,
        post.author.handle,
        post.text,
        iso(post.published),
        post.kind,
        dumps([m.to_dict() for m in post.media]),
        dumps(list(post.links)),
        dumps([q.to_dict() for q in post.quotes]),
        dumps(dict(post.extra)),
        first,
        ident.text if first is not None else None,
    )


def kept_post(
    platform: str,
    text: str,
    author: Author,
    kind: Any,
    post_id: str | None,
    url: str | None,
    published: Published | None,
    media: str,
    links: str,
    quotes: str,
    extra: str,
) -> Post:
    """The post that a row of ``posts`` holds (``media``, ``links``, ``quotes``, ``extra`` its JSON
    columns): what the archive keeps of a post."""
    return Post(
        platform=platform,
        text=text,
        author=author,
        kind=kind,
        id=post_id,
        url=url,
        published=published,
        media=tuple(Media(m["url"], m.get("kind") or "link", m.get("alt")) for m in json.loads(media)),
        links=tuple(json.loads(links)),
        quotes=tuple(post_from_dict(q) for q in json.loads(quotes)),
        extra=json.loads(extra),
    )


# ---------------------------------------------------------------- prepared records


class PreparedPost(NamedTuple):
    """One post of a source, ready for the database: plain values only. A worker prepares it and
    pickles it, the writer unpickles it, and the model's objects (a post, its author, its identity)
    took more time to carry so than all the rest; the writer makes the few it needs."""

    key: str
    row: tuple[Any, ...]
    """:func:`post_row`."""
    author: tuple[Any, ...]
    """The post's author: the fields of :class:`~threads.model.Author`, in their order."""
    author_key: str | None
    post_id: str | None
    """The record's own ID (``row`` holds its identity's, which its permalink may spell)."""
    published: Published | None
    id_platform: str | None
    """:attr:`Identity.id_platform <threads.identity.Identity.id_platform>`."""
    words: str
    """:attr:`Identity.text <threads.identity.Identity.text>`: the post's words."""
    sighting: tuple[Any, ...]
    """kind, text, author_name, author_handle, published, position, evidence, confidence."""
    rare: str | None
    """:func:`rare_query`, for a post known by its words alone."""
    openings: str | None
    """:func:`openings`, for a post with an ID or a permalink."""

    def author_record(self) -> Author:
        return Author(*self.author)

    def identity(self) -> Identity:
        """The post's :class:`~threads.identity.Identity`, as :func:`~threads.identity.identify` gave it."""
        platform, ident_id, _, permalink = self.row[:4]
        return Identity(platform, ident_id, self.id_platform, permalink, self.author_record(), self.words)

    def record(self) -> Post:
        """The post as the archive keeps it (what is merged with a stored record of it): the one
        found, but for its place, evidence and confidence (the sighting's) and the post it is
        quoted in."""
        platform, _, url, _, _, _, text, _, kind, media, links, quotes, extra, *_ = self.row
        return kept_post(
            platform,
            text,
            self.author_record(),
            kind,
            self.post_id,
            url,
            self.published,
            media,
            links,
            quotes,
            extra,
        )


class Prepared(NamedTuple):
    """One source and its posts, ready for the database."""

    key: str
    """:func:`source_key`."""
    source: tuple[Any, ...]
    """url, location, title, published, captured, kind, sha256, record_sha256."""
    digest: str
    page: bytes | None
    posts: tuple[PreparedPost, ...]


def prepare(
    rec: Reconstruction,
    *,
    sha256: str | None = None,
    page: bytes | None = None,
    location: str | None = None,
) -> Prepared:
    """What adding ``rec`` needs: ``sha256`` of the page's bytes, ``page`` the bytes to keep,
    ``location`` as the user gave it."""
    src = rec.source
    found = (src.url, src.title, iso(src.published), iso(src.captured), src.kind)
    parts = []
    for thread in rec.threads:
        for post in thread.posts:
            ident = identify(post)
            sighting = (
                post.kind,
                post.text,
                post.author.name,
                post.author.handle,
                iso(post.published),
                post.position,
                dumps(list(post.evidence)),
                post.confidence,
            )
            a = post.author
            author = (a.name, a.handle, a.platform, a.url, a.role, a.aliases, a.id)
            parts.append((post, ident, post_row(post, ident), author, sighting))
    digest = kept_digest(found, [(row, author, sighting) for _, _, row, author, sighting in parts])
    key = source_key(src, sha256, lambda: record_digest(rec.to_dict()))
    where = kept_location(location if location is not None else src.location)
    source = (src.url, where, *found[1:], sha256, digest)
    posts = tuple(
        PreparedPost(
            post_key(ident, key),
            row,
            author,
            author_key(post.author, post.platform),
            post.id,
            post.published,
            ident.id_platform,
            ident.text,
            sighting,
            rare_query(ident),
            openings(ident),
        )
        for post, ident, row, author, sighting in parts
    )
    return Prepared(key, source, digest, page, posts)
