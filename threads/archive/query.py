"""Reading the archive: search, an author's posts, one post and where it was quoted, counts.

Each function takes an open :class:`~threads.archive.store.Archive` and returns plain records
(the model's :class:`~threads.model.Post` for posts); the command line formats them.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..errors import ThreadsError
from ..identity import identify, name_key, permalink, same_author, words
from ..model import Author, Post, Reconstruction, Source, Thread
from ..sequence import group
from .records import parse_published
from .store import _POST_COLUMNS, Archive, Stored, _post_of_row

__all__ = [
    "Hit",
    "QueryError",
    "Sighting",
    "author_ids",
    "author_reconstruction",
    "find_posts",
    "posts_of_authors",
    "posts_with_sightings",
    "search",
    "sightings",
    "stats",
    "with_sightings",
]


class QueryError(ThreadsError, ValueError):
    """A search the full-text index cannot read (its message is SQLite's FTS5 one)."""


class NotFullText(QueryError):
    """A search query that is not FTS5's syntax."""


@dataclass(frozen=True, slots=True)
class Sighting:
    """One article's quoting of a post."""

    source_id: int
    url: str | None
    location: str | None
    title: str | None
    published: str | None
    captured: str | None
    kind: str
    text: str
    """The post's text exactly as this article quoted it."""
    author_name: str | None
    author_handle: str | None
    position: int
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": {
                "archive_id": self.source_id,
                "url": self.url,
                "location": self.location,
                "title": self.title,
                "published": self.published,
                "captured": self.captured,
            },
            "kind": self.kind,
            "text": self.text,
            "author": {"name": self.author_name, "handle": self.author_handle},
            "position": self.position,
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """A post a search found."""

    id: int
    post: Post
    snippet: str
    """The matching words in their context, marked ``[`` ``]``."""
    rank: float
    """bm25: lower is better."""
    sources: int
    """How many articles quoted it."""


# ---------------------------------------------------------------- posts and sightings


def _authors(archive: Archive, ids: Iterable[int]) -> dict[int, Author]:
    ids = sorted(set(ids))
    out: dict[int, Author] = {}
    for chunk in _chunks(ids, 500):
        for aid, platform, handle, name, aliases, url, role in archive.db.execute(
            "SELECT id, platform, handle, name, aliases, url, role FROM authors"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            out[aid] = Author(
                name=name,
                handle=handle,
                platform=platform,
                url=url,
                role=role,
                aliases=tuple(json.loads(aliases)),
            )
    return out


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def load_posts(archive: Archive, ids: Sequence[int]) -> list[Stored]:
    """The stored posts ``ids`` (in that order), with their authors' full records."""
    rows: dict[int, Sequence[Any]] = {}
    for chunk in _chunks(list(ids), 500):
        for r in archive.db.execute(
            f"SELECT {_POST_COLUMNS} FROM posts WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ):
            rows[r[0]] = r
    authors = _authors(archive, (r[-1] for r in rows.values() if r[-1] is not None))
    return [_post_of_row(rows[i], authors) for i in ids if i in rows]


def sightings(archive: Archive, post_ids: Sequence[int]) -> dict[int, list[Sighting]]:
    """Every article's quoting of each of ``post_ids``, in the order the articles were published."""
    out: dict[int, list[Sighting]] = {i: [] for i in post_ids}
    for chunk in _chunks(list(post_ids), 500):
        for row in archive.db.execute(
            "SELECT g.post, s.id, s.url, s.location, s.title, s.published, s.captured, g.kind, g.text,"
            " g.author_name, g.author_handle, g.position, g.evidence FROM sightings g"
            " JOIN sources s ON s.id = g.source"
            f" WHERE g.post IN ({','.join('?' * len(chunk))})"
            " ORDER BY coalesce(s.published, s.captured, s.added), s.id, g.position",
            chunk,
        ):
            post, sid, url, location, title, published, captured, kind, text, name, handle, pos, evidence = (
                row
            )
            out[post].append(
                Sighting(
                    sid, url, location, title, published, captured, kind, text, name, handle, pos,
                    tuple(json.loads(evidence)),
                )
            )  # fmt: skip
    return out


def posts_with_sightings(archive: Archive, ids: Sequence[int]) -> list[tuple[Stored, list[Sighting]]]:
    stored = load_posts(archive, ids)
    seen = sightings(archive, [s.id for s in stored])
    return [(s, seen[s.id]) for s in stored]


# ---------------------------------------------------------------- search


def _day(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return parse_day(value).isoformat()
    except ValueError:
        raise QueryError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


def parse_day(value: str) -> date:
    """A day as the command line takes it: ``2019-05-01`` (a longer ISO stamp: its day)."""
    parsed = parse_published(value.strip()[:10])
    if not isinstance(parsed, date):
        raise ValueError(value)
    return parsed


def platform_key(name: str) -> str:
    """A platform as a user may name it ("x", "X", "Truth Social", "twitter") -> its JSON name;
    an unknown one as given, lower-cased."""
    from .. import vocab

    key = " ".join(name.split()).casefold()
    return vocab.PLATFORM_NAMES.get(key, key.replace(" ", ""))


def plain_words(query: str) -> str | None:
    """``query`` as plain words for FTS5: each run of characters between spaces a quoted phrase
    (so "year-round" is the phrase "year round", "@x" the word x), all of them to match; None when
    no word is left."""
    runs = [r.replace('"', "") for r in query.split()]
    runs = [r for r in runs if any(c.isalnum() for c in r)]
    return " ".join(f'"{r}"' for r in runs) if runs else None


def search(
    archive: Archive,
    query: str,
    *,
    authors: Sequence[int] | None = None,
    platform: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[Hit]:
    """Posts matching the FTS5 ``query`` (over text, author names and handles), best first.
    ``since``/``until``: days (inclusive), compared with the day each post was published."""
    where = ["posts_fts MATCH ?"]
    params: list[Any] = [query]
    if authors is not None:
        where.append(f"p.author IN ({','.join('?' * len(authors))})")
        params.extend(authors)
    if platform:
        where.append("p.platform = ?")
        params.append(platform_key(platform))
    if (day := _day(since, "--since")) is not None:
        where.append("substr(p.published, 1, 10) >= ?")
        params.append(day)
    if (day := _day(until, "--until")) is not None:
        where.append("substr(p.published, 1, 10) <= ?")
        params.append(day)
    # Ranked first, the matching words cut out after: a sort carries every column it is given,
    # so snippets made in the ranking query were made for every match (twice the time for a
    # common word over a million posts), not for the few shown.
    join = " JOIN posts p ON p.id = posts_fts.rowid" if len(where) > 1 else ""
    sql = (
        f"SELECT posts_fts.rowid, bm25(posts_fts, 10.0, 2.0, 2.0) AS rank FROM posts_fts{join}"
        f" WHERE {' AND '.join(where)} ORDER BY rank LIMIT ?"
    )
    try:
        rows = archive.db.execute(sql, (*params, limit)).fetchall()
    except sqlite3.OperationalError as e:
        raise NotFullText(f"{query!r} is not a full-text query ({e}); see --help for the syntax") from None
    ids = [r[0] for r in rows]
    marks = ",".join("?" * len(ids))
    snippets = dict(
        archive.db.execute(
            "SELECT rowid, snippet(posts_fts, 0, '[', ']', '…', 16) FROM posts_fts"
            f" WHERE posts_fts MATCH ? AND rowid IN ({marks})",
            (query, *ids),
        ).fetchall()
    )
    stored = {s.id: s for s in load_posts(archive, ids)}
    counts = dict(
        archive.db.execute(
            f"SELECT post, count(DISTINCT source) FROM sightings WHERE post IN ({marks}) GROUP BY post", ids
        ).fetchall()
    )
    return [
        Hit(rid, stored[rid].post, snippets.get(rid, ""), rank, counts.get(rid, 0))
        for rid, rank in rows
        if rid in stored
    ]


# ---------------------------------------------------------------- authors


def author_ids(archive: Archive, who: str) -> list[int]:
    """Authors answering to ``who``: a handle (``@`` or not, any case), else a name (any case),
    else a part of a name that is one person's by :func:`threads.identity.same_author` ("Reyes",
    "Ann Reyes" for "Ann M. Reyes")."""
    db = archive.db
    handle = who.strip().lstrip("@")
    if not handle:
        return []
    found = [r[0] for r in db.execute("SELECT id FROM authors WHERE handle = ? COLLATE NOCASE", (handle,))]
    found += [
        r[0] for r in db.execute("SELECT id FROM authors WHERE name = ? COLLATE NOCASE", (who.strip(),))
    ]
    if found:
        return sorted(set(found))
    query = Author(name=who.strip())
    last = name_key(query.name)[1]
    if not last:
        return []
    phrase = 'author_name : "' + words(who).replace('"', "") + '"'
    candidates = {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT p.author FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid"
            " WHERE posts_fts MATCH ? AND p.author IS NOT NULL LIMIT 1000",
            (phrase,),
        )
    }
    people = _authors(archive, candidates)
    return sorted(aid for aid, a in people.items() if same_author(query, Author(name=a.name)))


def posts_of_authors(archive: Archive, ids: Sequence[int]) -> list[int]:
    """The stored posts of authors ``ids``."""
    return [
        r[0]
        for chunk in _chunks(list(ids), 500)
        for r in archive.db.execute(
            f"SELECT id FROM posts WHERE author IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk
        )
    ]


def with_sightings(archive: Archive, post_ids: Sequence[int]) -> list[Post]:
    """The stored posts ``post_ids``, each with its archive row in ``extra["archive_id"]`` and the
    articles that quoted it in ``extra["quoted_in"]`` (``position``: their order here)."""
    posts = []
    for n, (stored, seen) in enumerate(posts_with_sightings(archive, post_ids)):
        by_source = {s.source_id: s for s in reversed(seen)}  # each article once, its first quoting
        quoted_in = [by_source[i].to_dict()["source"] for i in dict.fromkeys(s.source_id for s in seen)]
        extra = {**stored.post.extra, "archive_id": stored.id, "quoted_in": quoted_in}
        posts.append(replace(stored.post, position=n, extra=extra))
    return posts


def author_reconstruction(archive: Archive, ids: Sequence[int], *, title: str) -> Reconstruction:
    """The posts of authors ``ids`` across every article, as threads (one per person and platform,
    in time order; see :func:`with_sightings` for what each post carries)."""
    posts = with_sightings(archive, posts_of_authors(archive, ids))
    source = Source(location=os.path.basename(archive.path), kind="text", text="", title=title)
    return Reconstruction(source=source, threads=tuple(group(posts)))


# ---------------------------------------------------------------- one post


def find_posts(archive: Archive, ref: str) -> list[int]:
    """Stored posts ``ref`` names: a permalink (any form of it), a platform's post ID, an archive
    key (``id:twitter:...``) or an archive row (``#12``)."""
    ref = ref.strip()
    db = archive.db
    if ref.startswith("#") and ref[1:].isdigit():
        return [r[0] for r in db.execute("SELECT id FROM posts WHERE id = ?", (int(ref[1:]),))]
    if ref.startswith(("id:", "url:", "text:")):
        return [r[0] for r in db.execute("SELECT id FROM posts WHERE key = ?", (ref,))]
    if "/" in ref and permalink(ref) is not None:
        ident = identify(Post(platform="unknown", text="", url=ref))  # an address spelling an ID: its key
        rows = db.execute(
            "SELECT id FROM posts WHERE permalink = ? OR key = ? ORDER BY id", (ident.permalink, ident.key)
        )
        return [r[0] for r in rows]
    return [r[0] for r in db.execute("SELECT id FROM posts WHERE post_id = ? ORDER BY id", (ref,))]


def find_sources(archive: Archive, ref: str) -> list[int]:
    """Sources ``ref`` names: an archive row (``#3``, as ``post --format json`` and the site's
    pages give it), a key (``url:…``, ``sha256:…``, ``record:…``), a URL (as its key spells it) or
    the location it was added from."""
    from .prepare import source_key

    ref = ref.strip()
    db = archive.db
    if ref.startswith("#") and ref[1:].isdigit():
        return [r[0] for r in db.execute("SELECT id FROM sources WHERE id = ?", (int(ref[1:]),))]
    keys = [ref]
    if ref.lower().startswith(("http://", "https://")):
        keys.append(source_key(Source(location=ref, kind="html", text="", url=ref), None, lambda: ""))
    rows = db.execute(
        f"SELECT id FROM sources WHERE key IN ({','.join('?' * len(keys))}) OR location = ? OR url = ?"
        " ORDER BY id",
        (*keys, ref, ref),
    )
    return [r[0] for r in rows]


def kept_page(archive: Archive, source: int) -> bytes | None:
    """The page bytes kept for ``source`` (``add --keep-pages``), or None."""
    import zlib

    row = archive.db.execute("SELECT compression, bytes FROM pages WHERE source = ?", (source,)).fetchone()
    if row is None:
        return None
    if row[0] != "zlib":
        raise QueryError(f"{archive.path}: the page of source #{source} is kept as {row[0]!r}, unknown here")
    return zlib.decompress(row[1])


def thread_of(stored: Stored) -> Thread:
    return Thread(author=stored.post.author, platform=stored.post.platform, posts=(stored.post,))


# ---------------------------------------------------------------- counts


def stats(archive: Archive) -> dict[str, Any]:
    """Counts of what the archive holds."""
    db = archive.db

    def one(sql: str) -> Any:
        return db.execute(sql).fetchone()[0]

    from .schema import VERSION

    size = sum(os.path.getsize(p) for p in (archive.path, archive.path + "-wal") if os.path.exists(p))
    return {
        "database": os.path.basename(archive.path),
        "schema_version": one("PRAGMA user_version"),
        "schema_version_known": VERSION,
        "bytes": size,
        "posts": one("SELECT count(*) FROM posts"),
        "authors": one("SELECT count(*) FROM authors"),
        "sources": one("SELECT count(*) FROM sources"),
        "sightings": one("SELECT count(*) FROM sightings"),
        "kept_pages": one("SELECT count(*) FROM pages"),
        "posts_quoted_by_several_sources": one(
            "SELECT count(*) FROM"
            " (SELECT post FROM sightings GROUP BY post HAVING count(DISTINCT source) > 1)"
        ),
        "posts_by_platform": dict(
            db.execute("SELECT platform, count(*) FROM posts GROUP BY platform ORDER BY 2 DESC")
        ),
        "posts_by_kind": dict(db.execute("SELECT kind, count(*) FROM posts GROUP BY kind ORDER BY 2 DESC")),
        "first_published": one("SELECT min(published) FROM posts"),
        "last_published": one("SELECT max(published) FROM posts"),
        "last_added": one("SELECT max(updated) FROM sources"),
    }
