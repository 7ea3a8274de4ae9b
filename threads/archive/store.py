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

import json
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from ..identity import Identity, contains, identify, same, words
from ..model import Author, Post, Reconstruction
from .prepare import (
    POST_COLUMNS,
    Prepared,
    PreparedPost,
    author_key,
    dumps,
    kept_post,
    merge_posts,
    openings,
    phrase_query,
    post_key,
    post_row,
    prepare,
    rare_query,
)
from .records import parse_published
from .schema import ArchiveError, connect

__all__ = ["Added", "Archive", "default_path"]

ENV = "THREADS_DB"
DEFAULT_NAME = "threads.db"
CANDIDATES = 50
"""A quote that more stored posts than this hold is too common to tell which one it is."""
LEADS = 500
"""Stored posts the full-text index may offer for one quote before its phrase is asked instead."""
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
_INDEXED = ("text", "author_name", "author_handle")
"""The columns of ``posts`` the full-text index ``posts_fts`` holds."""
_INDEXED_COLUMNS = ", ".join(_INDEXED)


def _held(ident: Identity) -> str | None:
    """What :meth:`Archive._containing` asks of a post the full-text index does not hold yet: the
    words of one with an ID or a permalink (the posts a quote can be a sighting of)."""
    return ident.text if ident.id or ident.permalink else None


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


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
    post = kept_post(
        platform, text, author, kind, post_id, url, parse_published(published), media, links, quotes, extra
    )
    return Stored(rid, key, post)


# ---------------------------------------------------------------- the archive


class Archive:
    """An archive database, open. ``with Archive(path) as a: a.add(rec, ...)``."""

    def __init__(self, path: str, *, create: bool = True, readonly: bool = False) -> None:
        self.path = path
        self.db = connect(path, create=create, readonly=readonly)
        self._unindexed: dict[int, str | None] = {}
        """Rows of ``posts`` whose values the full-text index does not hold (yet): the rows this
        transaction inserted or changed, which :meth:`_index` adds before the commit; for one with
        an ID or a permalink its words, which :meth:`_containing` reads in the index's stead."""

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
    ) -> Added:
        """Add one source and what was found in it, in one transaction. ``sha256``: of the page's
        bytes; ``page``: the bytes to keep (``--keep-pages``); ``location``: as the user gave it."""
        return self.apply(prepare(rec, sha256=sha256, page=page, location=location))

    def apply(self, prepared: Prepared) -> Added:
        """Add one source made ready by :func:`~threads.archive.prepare.prepare`, in one transaction."""
        key, values, digest, page, posts = prepared
        now = _now()
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        self._unindexed.clear()
        try:
            row = db.execute("SELECT id, record_sha256 FROM sources WHERE key = ?", (key,)).fetchone()
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
            for pp in posts:
                rid, was_linked = self._place(pp, key)
                linked += was_linked
                db.execute(
                    "INSERT INTO sightings (post, source, kind, text, author_name, author_handle, published,"
                    " position, evidence, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (rid, sid, *pp.sighting),
                )
            if before:
                self._drop_orphans(before)
            self._keep_page(sid, page)
            self._index()
            db.execute("COMMIT")
        except BaseException:
            self._unindexed.clear()
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
                self._delete(rid)
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

    def _containing(self, ident: Identity, exclude: set[int], rare: str | None = None) -> list[_Light] | None:
        """Stored posts with an ID or a permalink (but ``exclude``) whose words hold ``ident``'s and
        that are the same post by the rule; None when more than :data:`CANDIDATES` hold the words
        (too common to tell).

        The index is asked first for the posts holding the quote's longest words (long words are
        the rare ones: reading a common word's list of posts is what costs), and only when those
        are too many for the phrase itself. The posts this transaction added or changed, which the
        index takes only before the commit, are read as they are."""
        rare = rare or rare_query(ident) or phrase_query(ident.text)
        ids = [r[0] for r in self.db.execute(_MATCH, (rare, LEADS + 1))]
        if len(ids) > LEADS:
            ids = [r[0] for r in self.db.execute(_MATCH, (phrase_query(ident.text), LEADS + 1))]
        ids += [
            rid for rid, held in self._unindexed.items() if held is not None and contains(held, ident.text)
        ]
        where = f"id IN ({','.join('?' * len(ids))}) AND (post_id IS NOT NULL OR permalink IS NOT NULL)"
        rows = self._light(where, ids) if ids else []
        held = [r for r in rows if r.id not in exclude and contains(words(r.text), ident.text)]
        if len(held) > CANDIDATES:
            return None
        return [r for r in held if same(ident, r.identity(), one_source=False)]

    def _place(self, pp: PreparedPost, scope: str) -> tuple[int, bool]:
        """The row of post ``pp`` (found, linked by its words, or new), merged with it; whether it
        was linked by its words."""
        ident, key = pp.identity(), pp.key
        match: _Light | None = None
        if ident.permalink:
            found = self._light(f"key = ? UNION ALL {_LIGHT} WHERE permalink = ?", (key, ident.permalink))
        else:
            found = self._light("key = ?", (key,))
        for s in found:
            if s.key == key or same(ident, s.identity(), one_source=False):
                match = s
                break
        linked = False
        if match is None and pp.rare is not None:
            containing = self._containing(ident, set(), pp.rare)
            if containing is not None and len(containing) == 1:
                match, linked = containing[0], True
        if match is None:
            aid = self._author_id(ident.author, pp.row[0], pp.author_key)
            rid = self._insert(key, aid, pp.row, ident)
            merged_ident, heads = ident, pp.openings
        else:
            rid = match.id
            (stored,) = self._rows("id = ?", (rid,))
            merged_ident = self._update(rid, match.key, merge_posts(stored.post, pp.record()), scope)
            heads = openings(merged_ident)
        if heads is not None:
            linked |= self._take_in_parts(rid, merged_ident, heads, scope)
        return rid, linked

    def _take_in_parts(self, rid: int, ident: Identity, heads: str, scope: str) -> bool:
        """Stored posts known by words alone that post ``rid`` (``ident``, with an ID or permalink)
        holds become it (when no other such stored post holds them too)."""
        took = False
        # a stored quote's head is one of its words, so one of this post's if it holds them; and
        # its words are a whole-word run of this post's (identity.contains, asked of the database)
        parts = self._light(
            "head IN (SELECT value FROM json_each(?)) AND id != ? AND instr(?, ' ' || words || ' ') > 0",
            (heads, rid, f" {ident.text} "),
        )
        for part in parts:
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
        self._delete(gone.id)
        self._update(rid, keep.key, merge_posts(keep.post, gone.post), scope)
        if aid is not None:
            self._drop_author_if_unused(aid)

    def _author_id(self, author: Author, platform: str, key: str | None = None) -> int | None:
        """The row of ``author`` (``key``: :func:`author_key`, when known), made or filled in."""
        key = key or author_key(author, platform)
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
                    dumps(list(author.aliases)),
                    author.url,
                    author.role,
                ),
            ).lastrowid
            assert aid is not None
            return aid
        aid, name, handle, aliases, url, role = row
        if (
            not author.aliases
            and (not author.name or author.name == name)
            and (name or author.name) == name
            and (handle or author.handle) == handle
            and (url or author.url) == url
            and (role or author.role) == role
        ):
            return int(aid)  # nothing the row lacks (what the lines below would find, without the JSON)
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
                (changed[0], changed[1], dumps(changed[2]), changed[3], changed[4], aid),
            )
        return int(aid)

    _NAMES = ("key", "author", *POST_COLUMNS)
    _COLUMNS = ", ".join(_NAMES)

    def _insert(self, key: str, author: int | None, row: tuple[Any, ...], ident: Identity) -> int:
        rid = self.db.execute(
            f"INSERT INTO posts ({self._COLUMNS}) VALUES ({', '.join('?' * (len(row) + 2))})",
            (key, author, *row),
        ).lastrowid
        assert rid is not None
        self._unindexed[rid] = _held(ident)
        return rid

    def _update(self, rid: int, old_key: str, post: Post, scope: str) -> Identity:
        """Row ``rid`` holds ``post`` now; under its new key, taking in a row that had that key.
        Returns the identity of what the row holds."""
        ident = identify(post)
        key = post_key(ident, scope) if not old_key.startswith("id:") else old_key
        if key != old_key:
            for s in self._rows("key = ? AND id != ?", (key, rid)):
                self.db.execute("UPDATE sightings SET post = ? WHERE post = ?", (rid, s.id))
                self._delete(s.id)
                post = merge_posts(post, s.post)
                ident = identify(post)
        old = self.db.execute(f"SELECT {self._COLUMNS} FROM posts WHERE id = ?", (rid,)).fetchone()
        old_author = old[1]
        author = self._author_id(post.author, post.platform)
        new = (key, author, *post_row(post, ident))
        # only the columns that change: an unchanged text, name or handle leaves the full-text
        # index alone
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        if any(self._NAMES[i] in _INDEXED for i in changed):
            self._unindex(rid)
        if changed:
            assignments = ", ".join(f"{self._NAMES[i]} = ?" for i in changed)
            self.db.execute(f"UPDATE posts SET {assignments} WHERE id = ?", (*(new[i] for i in changed), rid))
        if rid in self._unindexed:
            self._unindexed[rid] = _held(ident)
        if old_author is not None and old_author != author:
            self._drop_author_if_unused(old_author)
        return ident

    # ------------------------------------------------------------ the full-text index

    def _unindex(self, rid: int) -> None:
        """Row ``rid`` leaves the full-text index, before its indexed values change or it goes: the
        index is told the words it holds for the row (the row's values now), as FTS5 needs."""
        if rid not in self._unindexed:
            self.db.execute(
                f"INSERT INTO posts_fts (posts_fts, rowid, {_INDEXED_COLUMNS})"
                f" SELECT 'delete', id, {_INDEXED_COLUMNS} FROM posts WHERE id = ?",
                (rid,),
            )
            self._unindexed[rid] = None  # what it holds next: see _update

    def _delete(self, rid: int) -> None:
        self._unindex(rid)
        self.db.execute("DELETE FROM posts WHERE id = ?", (rid,))
        del self._unindexed[rid]

    def _index(self) -> None:
        """The rows this transaction inserted or changed join the full-text index, in one statement
        (FTS5 makes one new segment of it; see :data:`threads.archive.schema._V2_TO_V3`)."""
        if self._unindexed:
            self.db.execute(
                f"INSERT INTO posts_fts (rowid, {_INDEXED_COLUMNS}) SELECT id, {_INDEXED_COLUMNS}"
                " FROM posts WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(self._unindexed)),),
            )
            self._unindexed.clear()

    # ------------------------------------------------------------ reading

    def pages(self) -> Iterator[tuple[int, bytes]]:
        """(source id, page bytes) of every kept page."""
        for sid, compression, data in self.db.execute("SELECT source, compression, bytes FROM pages"):
            if compression != "zlib":
                raise ArchiveError(f"{self.path}: page of source {sid} kept as {compression!r}, unknown here")
            yield sid, zlib.decompress(data)
