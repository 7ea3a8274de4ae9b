"""Adding to the archive: every post once, every article that quoted it a sighting of it.

One source is one transaction (``BEGIN IMMEDIATE``: a second writer waits for the first, up to
the busy timeout). Adding a source again replaces its sightings: a source whose record is
unchanged is left as it is, a changed one loses its old sightings (and the posts no other source
quotes) before its new ones go in. A killed run leaves the last committed source whole and the
one it was adding absent; running the same command again completes the archive.

Which stored post a found one is follows :mod:`threads.identity` across sources
(``one_source=False``): the key (platform + ID, else permalink, else author + words), the
permalink, and for a post known by its words alone (a prose quote) the one stored post with an ID
or a permalink (an embedded post) whose words hold its words, by an author who may be the same.
A quote that two stored posts hold is left alone: never a guess. A post that arrives later
holding a stored quote's words takes that quote in (its sightings move over), so the order of
adding does not matter. Two quotes of one post with no embed of it are one post when their
authors and words are the same (one key); one inside the other is not linked.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from ..identity import MIN_PART, MIN_TEXT, Identity, contains, identify, same, words
from ..model import Author, Media, Post, Published, Reconstruction, Source, iso
from ..sequence import richness
from .records import parse_published, post_from_dict
from .schema import ArchiveError, connect

__all__ = ["Added", "Archive", "default_path", "kept_location", "source_key"]

ENV = "THREADS_DB"
DEFAULT_NAME = "threads.db"
CANDIDATES = 50
"""A quote that more stored posts than this hold is too common to tell which one it is."""
LEADS = 500
"""Stored posts the full-text index may offer for one quote before its phrase is asked instead."""
RARE_WORDS = 2
"""How many of a quote's longest words the full-text index is asked for first."""
_MATCH = "SELECT rowid FROM posts_fts WHERE posts_fts MATCH ? LIMIT ?"


def default_path(given: str | None = None) -> str:
    """``--db PATH``, else ``$THREADS_DB``, else ``threads.db`` in the current folder."""
    return given or os.environ.get(ENV) or DEFAULT_NAME


class Added(NamedTuple):
    """What adding one source did."""

    status: str
    """``new``, ``updated`` (its sightings replaced) or ``unchanged``."""
    posts: int
    """Posts found in it."""
    linked: int
    """Of those, posts that turned out to be posts another source had (by words, not by ID)."""


@dataclass(frozen=True, slots=True)
class Stored:
    """A post as the archive holds it."""

    id: int
    key: str
    post: Post


class _Light(NamedTuple):
    """A stored post, as little of it as tells which post it is."""

    id: int
    key: str
    platform: str
    post_id: str | None
    url: str | None
    text: str
    author_name: str | None
    author_handle: str | None

    def identity(self) -> Identity:
        author = Author(name=self.author_name, handle=self.author_handle)
        return identify(
            Post(platform=self.platform, text=self.text, author=author, id=self.post_id, url=self.url)
        )


_LIGHT = "SELECT id, key, platform, post_id, url, text, author_name, author_handle FROM posts"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _dumps(value: Any) -> str:
    if not value and isinstance(value, list | dict):
        return "[]" if isinstance(value, list) else "{}"  # most posts: no media, links, quotes
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


# ---------------------------------------------------------------- identities of sources


def source_key(source: Source, sha256: str | None, record_sha256: str) -> str:
    """A source's identity: its URL (scheme and host in lower case, no fragment), else the sha256
    of its page bytes, else (a record read from JSON Lines without a URL) the sha256 of the record.
    Never a local path: the same page saved in two places is one source."""
    if source.url and source.url.lower().startswith(("http://", "https://")):
        from urllib.parse import urlsplit, urlunsplit

        try:
            p = urlsplit(source.url.strip())
            netloc = p.netloc.lower()
            return "url:" + urlunsplit((p.scheme.lower(), netloc, p.path or "/", p.query, ""))
        except ValueError:
            pass
    if sha256:
        return f"sha256:{sha256}"
    return f"record:{record_sha256}"


def kept_location(location: str, cwd: str | None = None) -> str:
    """What the archive keeps of an input's location: a URL, ``-`` or a relative path as given; an
    absolute path relative to the current folder when inside it, else its file name alone (no
    machine's folders in the archive). A web archive's page keeps its ``#record URL`` part."""
    if location.lower().startswith(("http://", "https://")) or location in ("-", "<string>", "<bytes>"):
        return location
    path, sep, rest = location.partition("#")
    if os.path.isabs(path):
        here = cwd or os.getcwd()
        inside = os.path.commonpath([here, path]) == here if path.startswith(here) else False
        path = os.path.relpath(path, here) if inside else os.path.basename(path)
    return path + sep + rest


def record_digest(record: dict[str, Any]) -> str:
    """The sha256 of what was found in a source: its ``threads/1`` record, its location aside
    (the same page saved in two places holds the same)."""
    source = {k: v for k, v in record["source"].items() if k != "location"}
    data = {**record, "source": source}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- posts <-> rows


_KIND_RANK = {"embed": 3, "remnant": 2, "quote": 1}


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


def _head(ident: Identity) -> str | None:
    """Where a post added later looks for a post known by its words alone: its longest word (the
    first of them), which any post holding those words holds too, and which is seldom common."""
    if ident.id or ident.permalink or len(ident.text) < MIN_PART:
        return None
    return max(ident.text.split(" "), key=len)


def _openings(text: str) -> list[str]:
    """The words of ``text``, once each: the heads a part of it may have."""
    return list(dict.fromkeys(text.split(" ")))


def _fts_phrase(text: str) -> str:
    return 'text : "' + text.replace('"', '""') + '"'


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


_POST_COLUMNS = (
    "id, key, platform, post_id, url, text, published, kind, media, links, quotes, extra, "
    "author_name, author_handle, author"
)


def _post_of_row(row: Sequence[Any], authors: dict[int, Author] | None = None) -> Stored:
    (
        rid,
        key,
        platform,
        post_id,
        url,
        text,
        published,
        kind,
        media,
        links,
        quotes,
        extra,
        name,
        handle,
        aid,
    ) = row
    author = (authors or {}).get(aid) if aid is not None else None
    if author is None:
        author = Author(name=name, handle=handle, platform=platform)
    post = Post(
        platform=platform,
        text=text,
        author=author,
        kind=kind,
        id=post_id,
        url=url,
        published=parse_published(published),
        media=tuple(Media(m["url"], m.get("kind") or "link", m.get("alt")) for m in json.loads(media)),
        links=tuple(json.loads(links)),
        quotes=tuple(post_from_dict(q) for q in json.loads(quotes)),
        extra=json.loads(extra),
    )
    return Stored(rid, key, post)


# ---------------------------------------------------------------- the archive


class Archive:
    """An archive database, open. ``with Archive(path) as a: a.add(rec, ...)``."""

    def __init__(self, path: str, *, create: bool = True, readonly: bool = False) -> None:
        self.path = path
        self.db = connect(path, create=create, readonly=readonly)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ adding

    def add(
        self,
        rec: Reconstruction,
        *,
        sha256: str | None = None,
        page: bytes | None = None,
        location: str | None = None,
        digest: str | None = None,
    ) -> Added:
        """Add one source and what was found in it, in one transaction. ``sha256``: of the page's
        bytes; ``page``: the bytes to keep (``--keep-pages``); ``location``: as the user gave it;
        ``digest``: :func:`record_digest` of ``rec.to_dict()``, when the caller has it."""
        digest = digest or record_digest(rec.to_dict())
        src = rec.source
        key = source_key(src, sha256, digest)
        posts = [p for t in rec.threads for p in t.posts]
        now = _now()
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT id, record_sha256 FROM sources WHERE key = ?", (key,)).fetchone()
            values = (
                src.url,
                kept_location(location if location is not None else src.location),
                src.title,
                iso(src.published),
                iso(src.captured),
                src.kind,
                sha256,
                digest,
            )
            if row is not None and row[1] == digest:
                self._keep_page(row[0], page)
                db.execute("COMMIT")
                return Added("unchanged", len(posts), 0)
            if row is None:
                sid = db.execute(
                    "INSERT INTO sources (key, url, location, title, published, captured, kind, sha256,"
                    " record_sha256, added, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (key, *values, now, now),
                ).lastrowid
                assert sid is not None
                before: set[int] = set()
                status = "new"
            else:
                sid = row[0]
                db.execute(
                    "UPDATE sources SET url = ?, location = ?, title = ?, published = ?, captured = ?,"
                    " kind = ?, sha256 = ?, record_sha256 = ?, updated = ? WHERE id = ?",
                    (*values, now, sid),
                )
                before = {
                    r[0] for r in db.execute("SELECT DISTINCT post FROM sightings WHERE source = ?", (sid,))
                }
                db.execute("DELETE FROM sightings WHERE source = ?", (sid,))
                status = "updated"
            linked = 0
            for post in posts:
                rid, was_linked = self._place(post, key)
                linked += was_linked
                db.execute(
                    "INSERT INTO sightings (post, source, kind, text, author_name, author_handle, published,"
                    " position, evidence, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        rid,
                        sid,
                        post.kind,
                        post.text,
                        post.author.name,
                        post.author.handle,
                        iso(post.published),
                        post.position,
                        _dumps(list(post.evidence)),
                        post.confidence,
                    ),
                )
            if before:
                self._drop_orphans(before)
            self._keep_page(sid, page)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return Added(status, len(posts), linked)

    def _keep_page(self, sid: int, page: bytes | None) -> None:
        if page is not None:
            self.db.execute(
                "INSERT OR REPLACE INTO pages (source, compression, bytes) VALUES (?, 'zlib', ?)",
                (sid, zlib.compress(page, 6)),
            )

    def _drop_orphans(self, ids: Iterable[int]) -> None:
        """Posts (and then authors) that no source quotes any more."""
        db = self.db
        for rid in ids:
            if db.execute("SELECT 1 FROM sightings WHERE post = ? LIMIT 1", (rid,)).fetchone() is None:
                aid = db.execute("SELECT author FROM posts WHERE id = ?", (rid,)).fetchone()
                db.execute("DELETE FROM posts WHERE id = ?", (rid,))
                if aid and aid[0] is not None:
                    self._drop_author_if_unused(aid[0])

    def _drop_author_if_unused(self, aid: int) -> None:
        if self.db.execute("SELECT 1 FROM posts WHERE author = ? LIMIT 1", (aid,)).fetchone() is None:
            self.db.execute("DELETE FROM authors WHERE id = ?", (aid,))

    # ------------------------------------------------------------ which post

    def _rows(self, where: str, params: Sequence[Any]) -> list[Stored]:
        rows = self.db.execute(f"SELECT {_POST_COLUMNS} FROM posts WHERE {where}", params).fetchall()
        return [_post_of_row(r) for r in rows]

    def _light(self, where: str, params: Sequence[Any]) -> list[_Light]:
        """Just what tells which post a stored one is, for the rows ``where`` picks."""
        sql = f"{_LIGHT} WHERE {where}"
        return [_Light(*r) for r in self.db.execute(sql, params)]

    def _containing(self, ident: Identity, exclude: set[int]) -> list[_Light] | None:
        """Stored posts with an ID or a permalink (but ``exclude``) whose words hold ``ident``'s and
        that are the same post by the rule; None when more than :data:`CANDIDATES` hold the words
        (too common to tell).

        The index is asked first for the posts holding the quote's longest words (long words are
        the rare ones: reading a common word's list of posts is what costs), and only when those
        are too many for the phrase itself."""
        tokens = sorted(set(ident.text.split(" ")), key=len, reverse=True)[:RARE_WORDS]
        rare = "text : (" + " AND ".join(f'"{t}"' for t in tokens) + ")"
        ids = [r[0] for r in self.db.execute(_MATCH, (rare, LEADS + 1))]
        if len(ids) > LEADS:
            ids = [r[0] for r in self.db.execute(_MATCH, (_fts_phrase(ident.text), LEADS + 1))]
        where = f"id IN ({','.join('?' * len(ids))}) AND (post_id IS NOT NULL OR permalink IS NOT NULL)"
        rows = self._light(where, ids) if ids else []
        held = [r for r in rows if r.id not in exclude and contains(words(r.text), ident.text)]
        if len(held) > CANDIDATES:
            return None
        return [r for r in held if same(ident, r.identity(), one_source=False)]

    def _place(self, post: Post, scope: str) -> tuple[int, bool]:
        """The row of ``post`` (found, linked by its words, or new), merged with it; whether it was
        linked by its words."""
        ident = identify(post)
        key = post_key(ident, scope)
        match: _Light | None = None
        if ident.permalink:
            found = self._light(
                "key = ? UNION ALL " + _LIGHT + " WHERE permalink = ?", (key, ident.permalink)
            )
        else:
            found = self._light("key = ?", (key,))
        for s in found:
            if s.key == key or same(ident, s.identity(), one_source=False):
                match = s
                break
        linked = False
        if match is None and _head(ident) is not None:
            containing = self._containing(ident, set())
            if containing is not None and len(containing) == 1:
                match, linked = containing[0], True
        if match is None:
            rid = self._insert(post, key, ident)
            merged, merged_ident = post, ident
        else:
            rid = match.id
            (stored,) = self._rows("id = ?", (rid,))
            merged = merge_posts(stored.post, post)
            merged_ident = self._update(rid, match.key, merged, scope)
        if (merged_ident.id or merged_ident.permalink) and len(merged_ident.text) >= MIN_PART:
            linked |= self._take_in_parts(rid, merged_ident, scope)
        return rid, linked

    def _take_in_parts(self, rid: int, ident: Identity, scope: str) -> bool:
        """Stored posts known by words alone that post ``rid`` (``ident``, with an ID or permalink)
        holds become it (when no other such stored post holds them too)."""
        took = False
        openings = _openings(ident.text)
        for part in self._light(
            "head IN (SELECT value FROM json_each(?)) AND id != ?", (_dumps(openings), rid)
        ):
            if not contains(ident.text, words(part.text)):
                continue
            part_ident = part.identity()
            if not same(part_ident, ident, one_source=False):
                continue
            if self._containing(part_ident, {part.id, rid}) != []:
                continue  # another stored post holds these words too: which one is unknown
            (stored,) = self._rows("id = ?", (part.id,))
            self._absorb(rid, stored, scope)
            took = True
        return took

    def _absorb(self, rid: int, gone: Stored, scope: str) -> None:
        """Row ``gone`` is the post of row ``rid``: its sightings move over, the records merge."""
        db = self.db
        keep = self._rows("id = ?", (rid,))[0]
        db.execute("UPDATE sightings SET post = ? WHERE post = ?", (rid, gone.id))
        aid = db.execute("SELECT author FROM posts WHERE id = ?", (gone.id,)).fetchone()[0]
        db.execute("DELETE FROM posts WHERE id = ?", (gone.id,))
        self._update(rid, keep.key, merge_posts(keep.post, gone.post), scope)
        if aid is not None:
            self._drop_author_if_unused(aid)

    def _author_id(self, author: Author, platform: str) -> int | None:
        key = author_key(author, platform)
        if key is None:
            return None
        db = self.db
        row = db.execute(
            "SELECT id, name, handle, aliases, url, role FROM authors WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            aid = db.execute(
                "INSERT INTO authors (key, platform, handle, name, aliases, url, role)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    platform,
                    author.handle,
                    author.name,
                    _dumps(list(author.aliases)),
                    author.url,
                    author.role,
                ),
            ).lastrowid
            assert aid is not None
            return aid
        aid, name, handle, aliases, url, role = row
        known: list[str] = json.loads(aliases)
        name2 = name or author.name
        more = [
            a
            for a in dict.fromkeys((*author.aliases, author.name or ""))
            if a and a not in known and a != name2
        ]
        changed = (name2, handle or author.handle, known + more, url or author.url, role or author.role)
        if changed != (name, handle, known, url, role):
            db.execute(
                "UPDATE authors SET name = ?, handle = ?, aliases = ?, url = ?, role = ? WHERE id = ?",
                (changed[0], changed[1], _dumps(changed[2]), changed[3], changed[4], aid),
            )
        return int(aid)

    def _values(self, post: Post, key: str, ident: Identity) -> tuple[Any, ...]:
        aid = self._author_id(post.author, post.platform)
        return (
            key,
            post.platform,
            ident.id,
            post.url,
            ident.permalink,
            aid,
            post.author.name,
            post.author.handle,
            post.text,
            iso(post.published),
            post.kind,
            _dumps([m.to_dict() for m in post.media]),
            _dumps(list(post.links)),
            _dumps([q.to_dict() for q in post.quotes]),
            _dumps(dict(post.extra)),
            _head(ident),
        )

    _COLUMNS = (
        "key, platform, post_id, url, permalink, author, author_name, author_handle, text, published, kind,"
        " media, links, quotes, extra, head"
    )

    def _insert(self, post: Post, key: str, ident: Identity) -> int:
        rid = self.db.execute(
            f"INSERT INTO posts ({self._COLUMNS}) VALUES ({', '.join('?' * 16)})",
            self._values(post, key, ident),
        ).lastrowid
        assert rid is not None
        return rid

    def _update(self, rid: int, old_key: str, post: Post, scope: str) -> Identity:
        """Row ``rid`` holds ``post`` now; under its new key, taking in a row that had that key.
        Returns the identity of what the row holds."""
        ident = identify(post)
        key = post_key(ident, scope) if not old_key.startswith("id:") else old_key
        if key != old_key:
            for s in self._rows("key = ? AND id != ?", (key, rid)):
                self.db.execute("UPDATE sightings SET post = ? WHERE post = ?", (rid, s.id))
                self.db.execute("DELETE FROM posts WHERE id = ?", (s.id,))
                post = merge_posts(post, s.post)
                ident = identify(post)
        old_author = self.db.execute("SELECT author FROM posts WHERE id = ?", (rid,)).fetchone()[0]
        values = self._values(post, key, ident)
        self.db.execute(
            "UPDATE posts SET "
            + ", ".join(f"{c.strip()} = ?" for c in self._COLUMNS.split(","))
            + " WHERE id = ?",
            (*values, rid),
        )
        if old_author is not None and old_author != values[5]:
            self._drop_author_if_unused(old_author)
        return ident

    # ------------------------------------------------------------ reading

    def pages(self) -> Iterator[tuple[int, bytes]]:
        """(source id, page bytes) of every kept page."""
        for sid, compression, data in self.db.execute("SELECT source, compression, bytes FROM pages"):
            if compression != "zlib":
                raise ArchiveError(f"{self.path}: page of source {sid} kept as {compression!r}, unknown here")
            yield sid, zlib.decompress(data)
