"""The archive's database: its schema, its versions and the steps between them.

One SQLite file (the standard library's ``sqlite3``; FTS5 for the search). ``PRAGMA user_version``
holds the schema's version; :data:`MIGRATIONS` takes a database of any earlier version to the
current one, one step at a time, each step in its own transaction. A database made by a newer
``threads`` is refused rather than misread.

Tables (see the README's archive section for what each column holds):

``authors``    one row per account or person: platform + handle, else platform + name.
``sources``    one row per article: its URL (else the sha256 of its bytes) is its identity.
``posts``      one row per post, under :attr:`threads.identity.Identity.key`, the richest record seen.
``sightings``  post x source: how that article quoted the post (its text exactly, kind, place).
``pages``      (version 2) a source's page bytes, zlib-compressed, with ``--keep-pages``.
``posts_fts``  FTS5 over ``posts.text``, ``author_name`` and ``author_handle``, an external-content
               table (``content="posts"``): the form sqlite-utils and Datasette detect, so their
               full-text search works on it. Up to version 2 triggers kept it in step; from version 3
               the writer does (:class:`threads.archive.store.Archive`), in the same transaction.

Besides the indexes the queries use, ``posts_by_head`` serves the writer: the stored quotes by
their longest word, with their words (from version 4), so that a new post finds the quotes it
holds from the index alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ..errors import ThreadsError

__all__ = ["MIGRATIONS", "VERSION", "ArchiveError", "connect"]


class ArchiveError(ThreadsError, RuntimeError):
    """The archive database cannot be used: not one, damaged, newer than this ``threads``, locked."""


BUSY_TIMEOUT_MS = 60_000
"""How long a writer waits for another one to finish its transaction before giving up."""

CACHE_KIB = 64 * 1024
"""The writer's page cache (SQLite's default is 2 MiB): what adding reads again and again (the
indexes' pages, the full-text index's) stays in memory instead of being read from the file."""

WAL_PAGES = 10_000
"""The writer's WAL grows to this many pages (about 40 MiB) before it is copied into the database
(SQLite's default is 1,000). Each source's commit writes some 40 pages to the WAL; a checkpoint
copies each page once however often it was written since the last one, and syncs the files to
disk: the fewer checkpoints, the less copying and syncing. What a crash or a kill leaves is
unchanged (every commit is in the WAL, which SQLite reads back); what a power loss may take is the
commits since the last checkpoint (with ``synchronous = NORMAL`` the WAL is synced at each
checkpoint, not at each commit): a few hundred sources at most, which running the command again
adds. The WAL file is removed when the last connection closes."""

_V1 = """
CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    platform TEXT NOT NULL,
    handle TEXT,
    name TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    url TEXT,
    role TEXT
);
CREATE INDEX authors_by_handle ON authors(handle COLLATE NOCASE) WHERE handle IS NOT NULL;
CREATE INDEX authors_by_name ON authors(name COLLATE NOCASE) WHERE name IS NOT NULL;
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    url TEXT,
    location TEXT,
    title TEXT,
    published TEXT,
    captured TEXT,
    kind TEXT,
    sha256 TEXT,
    added TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    platform TEXT NOT NULL,
    post_id TEXT,
    url TEXT,
    permalink TEXT,
    author INTEGER REFERENCES authors(id),
    author_name TEXT,
    author_handle TEXT,
    text TEXT NOT NULL,
    published TEXT,
    kind TEXT NOT NULL,
    media TEXT NOT NULL DEFAULT '[]',
    links TEXT NOT NULL DEFAULT '[]',
    quotes TEXT NOT NULL DEFAULT '[]',
    extra TEXT NOT NULL DEFAULT '{}',
    head TEXT
);
CREATE INDEX posts_by_post_id ON posts(post_id) WHERE post_id IS NOT NULL;
CREATE INDEX posts_by_permalink ON posts(permalink) WHERE permalink IS NOT NULL;
CREATE INDEX posts_by_head ON posts(head) WHERE head IS NOT NULL;
CREATE INDEX posts_by_author ON posts(author);
CREATE TABLE sightings (
    id INTEGER PRIMARY KEY,
    post INTEGER NOT NULL REFERENCES posts(id),
    source INTEGER NOT NULL REFERENCES sources(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    author_name TEXT,
    author_handle TEXT,
    published TEXT,
    position INTEGER NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]',
    confidence REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX sightings_by_post ON sightings(post);
CREATE INDEX sightings_by_source ON sightings(source);
CREATE VIRTUAL TABLE posts_fts USING fts5(
    text, author_name, author_handle,
    content="posts", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER posts_ai AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, text, author_name, author_handle)
    VALUES (new.id, new.text, new.author_name, new.author_handle);
END;
CREATE TRIGGER posts_ad AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, text, author_name, author_handle)
    VALUES ('delete', old.id, old.text, old.author_name, old.author_handle);
END;
CREATE TRIGGER posts_au AFTER UPDATE OF text, author_name, author_handle ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, text, author_name, author_handle)
    VALUES ('delete', old.id, old.text, old.author_name, old.author_handle);
    INSERT INTO posts_fts (rowid, text, author_name, author_handle)
    VALUES (new.id, new.text, new.author_name, new.author_handle);
END;
"""
"""Version 1, the first schema: what a database of that version holds (the test of the migration
builds one from it)."""

_V1_TO_V2 = """
CREATE TABLE pages (
    source INTEGER PRIMARY KEY REFERENCES sources(id),
    compression TEXT NOT NULL,
    bytes BLOB NOT NULL
);
ALTER TABLE sources ADD COLUMN record_sha256 TEXT;
"""
"""Version 2: kept page bytes (``--keep-pages``) in a table of their own, so that reading sources
never drags them along; each source's sha256 of what was found in it, so that adding an unchanged
source again is skipped."""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def step(db: sqlite3.Connection) -> None:
        for statement in _statements(sql):
            db.execute(statement)

    return step


def _statements(sql: str) -> list[str]:
    """``sql`` cut into statements (``executescript`` would commit the open transaction)."""
    out: list[str] = []
    current = ""
    for line in sql.strip().splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out


_V2_TO_V3 = """
DROP TRIGGER posts_ai;
DROP TRIGGER posts_ad;
DROP TRIGGER posts_au;
ALTER TABLE posts ADD COLUMN words TEXT;
INSERT INTO posts_fts (posts_fts, rank) VALUES ('crisismerge', 4);
"""
"""Version 3, three changes for the writer's speed; what the tables mean is unchanged.

The full-text index is kept in step by the writer, not by triggers. FTS5 writes the words it holds
in memory to the index as a new segment whenever a later statement of the transaction opens a
savepoint, as nearly every write does: with a trigger adding each post as it was inserted, a source
of five posts made five segments (to write, merge and search); the writer adds a source's new posts
to the index in one statement at the end of its transaction, one segment.

``posts.words``: for a post known by its words alone (those with a ``head``), its words as
:func:`threads.identity.words` gives them, so that the database itself tells which of the stored
quotes sharing a head word a post holds (before, each was read and its words worked out again, for
every post added: the more quotes stored, the more of them).

FTS5's ``crisismerge`` 4 (its default 16): four segments of one level are merged into one at once,
not a little at each later transaction, so the index has fewer segments at any time (9 rather than
15 on average over 10,000 benchmark pages), and every search, the writer's own included, looks in
each segment for each of its words."""


def _v2_to_v3(db: sqlite3.Connection) -> None:
    from ..identity import words

    _script(_V2_TO_V3)(db)
    last = 0
    while rows := db.execute(
        "SELECT id, text FROM posts WHERE head IS NOT NULL AND id > ? ORDER BY id LIMIT 10000", (last,)
    ).fetchall():
        db.executemany("UPDATE posts SET words = ? WHERE id = ?", [(words(text), rid) for rid, text in rows])
        last = rows[-1][0]


_V3_TO_V4 = """
DROP INDEX posts_by_head;
CREATE INDEX posts_by_head ON posts(head, words) WHERE head IS NOT NULL;
"""
"""Version 4: the index of stored quotes by their head word holds their words too, so the writer's
question "which stored quotes does this post hold" (a head among the post's words, the quote's
words a run of the post's) is answered from the index alone; before, every quote sharing a head
word with the post was read from ``posts`` to compare its words, and the more quotes stored, the
more of them (over 10,000 benchmark pages, 29 rows read and dropped for each post with an ID at
the end). Nothing else changes."""


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _script(_V1),
    _script(_V1_TO_V2),
    _v2_to_v3,
    _script(_V3_TO_V4),
)
"""``MIGRATIONS[n]`` takes a database of version ``n`` to version ``n + 1`` (0: an empty file)."""

VERSION = len(MIGRATIONS)
"""The schema version this ``threads`` writes."""


def connect(path: str, *, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """The archive at ``path``, brought to :data:`VERSION`: WAL journal, a busy timeout for
    concurrent writers, foreign keys on. Transactions are the caller's (autocommit mode)."""
    import os

    if os.path.isdir(path):
        raise ArchiveError(f"{path}: a folder, not an archive file (give the database's file name)")
    if not create and (not os.path.exists(path) or os.path.getsize(path) == 0):
        # an empty file is no archive yet either: reading one must not write the schema into it
        raise ArchiveError(f"{path}: no archive here (make one with 'threads archive add')")
    folder = os.path.dirname(os.path.abspath(path))
    if create and not os.path.isdir(folder):
        try:  # as every file the command line writes: the folders on the way are made
            os.makedirs(folder, exist_ok=True)
        except OSError as e:
            raise ArchiveError(f"{path}: cannot make the folder {folder} ({e.strerror or e})") from None
    try:
        if readonly:
            db = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
            )
        else:
            db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as e:
        raise ArchiveError(f"{path}: cannot open the archive ({e})") from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > VERSION:
            raise ArchiveError(
                f"{path}: archive schema version {version} is newer than this threads knows ({VERSION}); "
                "upgrade threads"
            )
        if not readonly:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                _to_wal(db)
            db.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable at each checkpoint, never corrupt
            db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            db.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES}")
            if version < VERSION:
                migrate(db, path)
        elif version < VERSION:
            raise ArchiveError(
                f"{path}: archive schema version {version}; open it once for writing to upgrade"
            )
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as e:
        db.close()
        raise ArchiveError(f"{path}: not an archive database ({e})") from None
    except BaseException:
        db.close()
        raise
    return db


def _to_wal(db: sqlite3.Connection) -> None:
    """Switch a new database to WAL. Two processes opening one new file at once may both try;
    SQLite does not wait on its busy handler for this switch, so the loser waits here instead
    (up to the busy timeout) and finds the journal already switched."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)
        if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return


def migrate(db: sqlite3.Connection, path: str) -> None:
    """Apply the steps from the database's version to :data:`VERSION`, each in one transaction
    that also sets the new version (a step interrupted leaves the version before it)."""
    while True:
        db.execute("BEGIN IMMEDIATE")  # the version is read again under the write lock
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version >= VERSION:
                db.execute("COMMIT")
                return
            if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise ArchiveError(
                    f"{path}: a SQLite database, but not an archive (it has tables of its own)"
                )
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
