"""``archive check``: the database is whole, and the full-text index says what the posts say.

Checks, each reported on a line: SQLite's ``PRAGMA integrity_check``; ``foreign_key_check``; FTS5's
own ``integrity-check`` of ``posts_fts`` against ``posts`` (its external content); that every post
is quoted by some source, every sighting names a post and a source, every post's author exists.
``--rebuild-index`` rebuilds the full-text index from the posts first (the one repair that loses
nothing).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .store import Archive

__all__ = ["check"]


def check(archive: Archive, *, rebuild: bool = False, report: Callable[[str], None] = print) -> int:
    """Run every check, ``report`` one line each; the number of problems found."""
    db = archive.db
    problems = 0

    def verdict(name: str, found: list[str]) -> None:
        nonlocal problems
        if found:
            problems += len(found)
            report(f"{name}: {len(found)} problem{'' if len(found) == 1 else 's'}")
            for line in found[:20]:
                report(f"  {line}")
        else:
            report(f"{name}: ok")

    if rebuild:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO posts_fts (posts_fts) VALUES ('rebuild')")
        db.execute("COMMIT")
        report("full-text index: rebuilt from the posts")

    rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    verdict("database integrity", [] if rows == ["ok"] else rows)
    verdict(
        "references",
        [
            f"{t} row {rowid} names a row of {parent} that is not there"
            for t, rowid, parent, _ in db.execute("PRAGMA foreign_key_check")
        ],
    )
    try:
        db.execute("INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)")
        verdict("full-text index", [])
    except sqlite3.DatabaseError as e:
        verdict("full-text index", [f"posts_fts does not match posts ({e})"])
    verdict(
        "posts without a source",
        [
            f"post #{rid} ({key})"
            for rid, key in db.execute(
                "SELECT id, key FROM posts p WHERE NOT EXISTS (SELECT 1 FROM sightings g WHERE g.post = p.id)"
            )
        ],
    )
    verdict(
        "sightings without a post or source",
        [
            f"sighting #{sid}"
            for (sid,) in db.execute(
                "SELECT g.id FROM sightings g WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = g.post)"
                " OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = g.source)"
            )
        ],
    )
    verdict(
        "authors of posts",
        [
            f"post #{rid}: author #{aid} is missing"
            for rid, aid in db.execute(
                "SELECT p.id, p.author FROM posts p WHERE p.author IS NOT NULL"
                " AND NOT EXISTS (SELECT 1 FROM authors a WHERE a.id = p.author)"
            )
        ],
    )
    return problems
