"""The archive: every post once, every article that quoted it, searchable, kept safe.

The library (adding, linking across articles, replacing a source, versions and migrations), the
database as Datasette and sqlite-utils read it, and each ``threads archive`` command as a user
runs it. Killing a run and two writers at once run the command line as real processes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import threads
from threads.archive import VERSION, Archive, ArchiveError
from threads.archive.prepare import kept_location
from threads.archive.schema import MIGRATIONS, WAL_PAGES, connect
from threads.model import Author, Media, Post, Reconstruction, Source, Thread

from .archive_pages import BRIDGE, BRIDGE_PART, embed_page, quote_page, write_batch
from .clirun import invoke

ROOT = Path(__file__).resolve().parent.parent
V1_SQL = ROOT / "fixtures" / "archive" / "v1.sql"

LONG = "The library stays open late tonight for everyone studying for finals this week"
ANN = Author(name="Ann Reyes", handle="annreyes", platform="twitter")
STATUS = "1180000000000000001"


def source(url: str | None, location: str = "page.html") -> Source:
    return Source(location=location, kind="html", text="", url=url, title=url or "Saved page")


def rec(src: Source, *posts: Post) -> Reconstruction:
    return Reconstruction(source=src, threads=tuple(Thread(p.author, p.platform, (p,)) for p in posts))


def embed(text: str = LONG, status: str = STATUS, author: Author = ANN) -> Post:
    return Post(
        platform="twitter",
        text=text,
        author=author,
        kind="embed",
        id=status,
        url=f"https://twitter.com/{author.handle}/status/{status}",
        published=date(2019, 5, 1),
        evidence=("markup blockquote.twitter-tweet",),
    )


def quote(text: str, author: Author | None = None, platform: str = "twitter") -> Post:
    return Post(
        platform=platform,
        text=text,
        author=author or Author(name="Ann Reyes"),
        kind="quote",
        evidence=("verb 'tweeted'",),
    )


def dump(db_path: Path | str) -> dict[str, Any]:
    """What an archive holds, without row numbers and times: for comparing two archives."""
    db = sqlite3.connect(db_path)
    try:
        posts = sorted(db.execute("SELECT key, platform, post_id, text, kind, author_name FROM posts"))
        sightings = sorted(
            db.execute(
                "SELECT p.key, s.key, g.kind, g.text, g.position FROM sightings g"
                " JOIN posts p ON p.id = g.post JOIN sources s ON s.id = g.source"
            )
        )
        sources = sorted(db.execute("SELECT key, url, title, sha256 FROM sources"))
        authors = sorted(db.execute("SELECT key, handle, name FROM authors"))
        return {"posts": posts, "sightings": sightings, "sources": sources, "authors": authors}
    finally:
        db.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


# ---------------------------------------------------------------- adding, replacing


def test_a_post_quoted_by_two_articles_is_stored_once_with_two_sightings(db: Path) -> None:
    with Archive(str(db)) as a:
        assert a.add(rec(source("https://a.example/1"), embed()), sha256="aa").status == "new"
        assert a.add(rec(source("https://b.example/2"), embed(text=LONG + " !")), sha256="bb").status == "new"
    d = dump(db)
    assert [p[0] for p in d["posts"]] == [f"id:twitter:{STATUS}"]
    assert [(s[1], s[3]) for s in d["sightings"]] == [
        ("url:https://a.example/1", LONG),
        ("url:https://b.example/2", LONG + " !"),  # the text exactly as that article had it
    ]


def test_adding_twice_changes_nothing(db: Path) -> None:
    r = rec(source("https://a.example/1"), embed(), quote("a quote of some other thing entirely"))
    with Archive(str(db)) as a:
        a.add(r, sha256="aa")
        before = dump(db)
        times = a.db.execute("SELECT added, updated FROM sources").fetchall()
        assert a.add(r, sha256="aa").status == "unchanged"
        assert a.db.execute("SELECT added, updated FROM sources").fetchall() == times
    assert dump(db) == before


def test_re_adding_a_changed_source_replaces_its_sightings_and_drops_orphans(db: Path) -> None:
    other = embed(text="Another post entirely about the weather", status="1180000000000000009")
    with Archive(str(db)) as a:
        a.add(rec(source("https://a.example/1"), embed(), other), sha256="v1")
        a.add(rec(source("https://b.example/2"), embed()), sha256="bb")
        added = a.add(rec(source("https://a.example/1"), embed()), sha256="v2")  # the page lost a post
        assert added.status == "updated"
    d = dump(db)
    assert [p[0] for p in d["posts"]] == [f"id:twitter:{STATUS}"]  # the orphan is gone
    assert len(d["sightings"]) == 2
    assert ("twitter:@annreyes", "annreyes", "Ann Reyes") in d["authors"]


def test_any_change_to_what_is_kept_of_a_source_makes_it_updated(db: Path) -> None:
    """Re-adding is skipped only when nothing kept would change: not the same page bytes, the same
    rows (a later threads may read the same page better)."""
    page = source("https://a.example/1")
    named = embed()
    renamed = replace(named, author=Author(name="Ann Reyes-Ortiz", handle="annreyes", platform="twitter"))
    later = replace(named, evidence=("markup blockquote.twitter-tweet", "remnant"))
    with Archive(str(db)) as a:
        assert a.add(rec(page, named), sha256="aa").status == "new"
        assert a.add(rec(page, renamed), sha256="aa").status == "updated"  # the author's name
        assert a.add(rec(page, renamed), sha256="aa").status == "unchanged"
        assert a.add(rec(page, later), sha256="aa").status == "updated"  # the sighting's evidence
        assert a.add(rec(replace(page, title="Another title"), later), sha256="aa").status == "updated"


def test_a_record_known_by_neither_url_nor_bytes_is_one_source_wherever_it_is_read(db: Path) -> None:
    with Archive(str(db)) as a:
        assert a.add(rec(source(None, "out/a.jsonl:1"), embed())).status == "new"
        assert a.add(rec(source(None, "copy/b.jsonl:7"), embed())).status == "unchanged"
        assert (
            a.add(rec(source(None, "out/a.jsonl:1"), quote("a quote of some other thing entirely"))).status
            == "new"
        )
        keys = [k for (k,) in a.db.execute("SELECT key FROM sources ORDER BY id")]
    assert len(keys) == 2 and all(k.startswith("record:") for k in keys)


def test_a_source_is_known_by_its_url_else_its_bytes_never_its_path(db: Path, tmp_path: Path) -> None:
    with Archive(str(db)) as a:
        a.add(
            rec(source(None, "/home/someone/saved/a.html"), embed()),
            sha256="same",
            location=str(tmp_path / "a.html"),
        )
        assert a.add(rec(source(None, "/elsewhere/a.html"), embed()), sha256="same").status == "unchanged"
        rows = a.db.execute("SELECT key, location FROM sources").fetchall()
    assert rows == [("sha256:same", "a.html")]
    assert kept_location("/srv/x/page.html", cwd="/srv") == "x/page.html"
    assert kept_location("/srv/x/page.html", cwd="/home") == "page.html"
    assert kept_location("https://example.org/a") == "https://example.org/a"
    assert kept_location("/data/crawl.warc.gz#<urn:uuid:1> https://e.org/", cwd="/data") == (
        "crawl.warc.gz#<urn:uuid:1> https://e.org/"
    )
    # a file: URL (read through fsspec) is the path it names
    assert kept_location("file:///srv/x/my%20page.html", cwd="/srv") == "x/my page.html"
    assert kept_location("file:///data/c.warc#<urn:uuid:1> https://e.org/", cwd="/home") == (
        "c.warc#<urn:uuid:1> https://e.org/"
    )
    assert kept_location("s3://bucket/x/page.html") == "s3://bucket/x/page.html"


def test_a_short_text_is_one_post_only_within_its_source(db: Path) -> None:
    short = Author(name="Ann Reyes")
    with Archive(str(db)) as a:
        a.add(rec(source("https://a.example/1"), quote("Thank you!", short)))
        a.add(rec(source("https://b.example/2"), quote("Thank you!", short)))
    assert len(dump(db)["posts"]) == 2


# ---------------------------------------------------------------- linking across articles


@pytest.mark.parametrize("quote_first", [True, False], ids=["quote-then-embed", "embed-then-quote"])
def test_a_prose_quote_of_part_of_an_embedded_post_is_a_sighting_of_it(db: Path, quote_first: bool) -> None:
    part = quote("stays open late tonight for everyone")
    steps = [(source("https://a.example/1"), part), (source("https://b.example/2"), embed())]
    with Archive(str(db)) as a:
        for src, post in steps if quote_first else steps[::-1]:
            a.add(rec(src, post), sha256=src.url)
        rows = a.db.execute("SELECT key, post_id, url, text, published FROM posts").fetchall()
        seen = a.db.execute("SELECT kind, text FROM sightings ORDER BY kind").fetchall()
        authors = a.db.execute("SELECT key FROM authors").fetchall()
    assert rows == [
        (f"id:twitter:{STATUS}", STATUS, f"https://twitter.com/annreyes/status/{STATUS}", LONG, "2019-05-01")
    ]
    assert seen == [("embed", LONG), ("quote", "stays open late tonight for everyone")]
    assert authors == [("twitter:@annreyes",)]  # the quote's own author record went with it


LOOK_ALIKES = {
    "another person's words": quote(LONG, Author(name="Ben Ortiz")),
    "too short to tell": quote("open late tonight"),
    "not whole words": quote("ays open late tonight for everyone studyi"),
    "other words": quote("the library stays open late tomorrow for everyone"),
    "another platform": quote("stays open late tonight for everyone", platform="instagram"),
}


@pytest.mark.parametrize("name", list(LOOK_ALIKES))
@pytest.mark.parametrize("quote_first", [True, False], ids=["quote-then-embed", "embed-then-quote"])
def test_look_alikes_stay_posts_of_their_own(db: Path, name: str, quote_first: bool) -> None:
    steps = [(source("https://a.example/1"), LOOK_ALIKES[name]), (source("https://b.example/2"), embed())]
    with Archive(str(db)) as a:
        for src, post in steps if quote_first else steps[::-1]:
            assert a.add(rec(src, post), sha256=src.url).linked == 0
    assert len(dump(db)["posts"]) == 2


def test_a_quote_two_stored_posts_hold_is_left_alone(db: Path) -> None:
    """The same words in two of one author's posts: which one the article quoted is unknown."""
    first = embed(text="Reminder: " + LONG, status="1180000000000000002")
    second = embed(text=LONG + " (updated)", status="1180000000000000003")
    part = quote("stays open late tonight for everyone")
    with Archive(str(db)) as a:
        a.add(rec(source("https://a.example/1"), first))
        a.add(rec(source("https://b.example/2"), second))
        assert a.add(rec(source("https://c.example/3"), part)).linked == 0
    assert len(dump(db)["posts"]) == 3
    with Archive(str(db)) as a:  # and in the other order: the second embed does not take it in
        pass
    other = db.with_name("other.db")
    with Archive(str(other)) as a:
        a.add(rec(source("https://a.example/1"), first))
        a.add(rec(source("https://c.example/3"), part))  # linked to the first...
        a.add(rec(source("https://b.example/2"), second))  # ...and stays there
        assert a.db.execute("SELECT count(*) FROM posts").fetchone()[0] == 2


def test_two_embeds_with_one_text_and_two_ids_are_two_posts(db: Path) -> None:
    with Archive(str(db)) as a:
        a.add(rec(source("https://a.example/1"), embed(status="1180000000000000004")))
        a.add(rec(source("https://b.example/2"), embed(status="1180000000000000005")))
    assert len(dump(db)["posts"]) == 2


def test_linking_through_real_pages(db: Path, tmp_path: Path) -> None:
    a = tmp_path / "a.html"
    b = tmp_path / "b.html"
    a.write_text(
        quote_page("Bridge", "https://news.example/a", BRIDGE_PART, "Mayor Ana Reyes"), encoding="utf-8"
    )
    b.write_text(
        embed_page(
            "Bridge, again", "https://other.example/b", BRIDGE, "Ana Reyes", "anareyes", "1764000000000000001"
        ),
        encoding="utf-8",
    )
    result = invoke(["archive", "add", str(a), str(b), "--db", str(db), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert "1 post found quoted by another article" in result.stderr
    assert [p[0] for p in dump(db)["posts"]] == ["id:twitter:1764000000000000001"]


# ---------------------------------------------------------------- versions


def test_a_new_archive_is_at_the_current_version_with_wal(db: Path) -> None:
    with Archive(str(db)) as a:
        assert a.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert a.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert a.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000
        # the writer's WAL is copied into the database every WAL_PAGES pages, not SQLite's 1,000
        assert a.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_PAGES
        a.add(rec(source("https://a.example/1"), embed()))
        assert Path(f"{db}-wal").stat().st_size > 0
    # the last connection to close copies the WAL in and removes it: the file alone is the archive
    assert not Path(f"{db}-wal").exists()
    plain = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
    assert plain.execute("SELECT count(*) FROM posts").fetchone()[0] == 1
    plain.close()


def test_a_version_1_archive_is_migrated_and_keeps_what_it_held(db: Path, tmp_path: Path) -> None:
    old = sqlite3.connect(db)
    old.executescript(V1_SQL.read_text(encoding="utf-8"))
    old.close()
    with Archive(str(db)) as a:
        assert a.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert [r[0] for r in a.db.execute("SELECT key FROM posts ORDER BY id")] == [
            "id:twitter:1180000000000000007",
            "text:twitter:ben ortiz:282545e4a831fdbb4482",
        ]
        assert a.db.execute("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'ferry'").fetchone()[0] == 1
        # version 3: the writer keeps the full-text index in step, the triggers of version 1 are gone;
        # the index merges its segments four at once
        assert a.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall() == []
        assert a.db.execute("SELECT v FROM posts_fts_config WHERE k = 'crisismerge'").fetchone() == (4,)
        added = a.add(rec(source("https://new.example/1"), embed()), page=b"<p>page</p>")
        assert added.status == "new"
        assert a.db.execute("SELECT count(*) FROM pages").fetchone()[0] == 1
        index_agrees(a)
        # version 3: a stored quote's words, worked out by the migration, by which a post that holds
        # them takes it in
        assert a.db.execute("SELECT words FROM posts WHERE head IS NOT NULL").fetchall() == [
            ("the ferry runs again from monday morning at seven",)
        ]
        ben = Author(name="Ben Ortiz", handle="benortiz", platform="twitter")
        ferry = "Update: the ferry runs again from Monday morning at seven, weather permitting"
        assert a.add(rec(source("https://new.example/2"), embed(ferry, "1180000000000000021", ben))).linked
        assert a.db.execute("SELECT count(*) FROM posts WHERE key LIKE 'text:%'").fetchone()[0] == 0
        index_agrees(a)
    assert invoke(["archive", "check", "--db", str(db)]).exit_code == 0


def index_columns(db: sqlite3.Connection, name: str) -> list[str]:
    return [r[2] for r in db.execute(f"PRAGMA index_info({name})")]


def test_a_version_3_archive_gets_the_head_index_with_the_words_and_still_links(db: Path) -> None:
    # the version 1 archive (a tweet and a prose quote of Ben Ortiz), taken to version 3 and no further
    old = sqlite3.connect(db, isolation_level=None)
    old.executescript(V1_SQL.read_text(encoding="utf-8"))
    old.execute("BEGIN")
    for step in MIGRATIONS[1:3]:
        step(old)
    old.execute("PRAGMA user_version = 3")
    old.execute("COMMIT")
    assert index_columns(old, "posts_by_head") == ["head"]
    old.close()
    with Archive(str(db)) as a:
        assert a.db.execute("PRAGMA user_version").fetchone()[0] == VERSION == 4
        assert index_columns(a.db, "posts_by_head") == ["head", "words"]
        # the writer's question of the stored quotes is answered from the index, the rows read only
        # for the quotes a post holds
        plan = " ".join(
            r[3]
            for r in a.db.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM posts WHERE head IN (SELECT value FROM json_each(?))"
                " AND id != ? AND instr(?, ' ' || words || ' ') > 0",
                ("[]", 0, ""),
            )
        )
        assert "COVERING INDEX posts_by_head" in plan, plan
        ben = Author(name="Ben Ortiz", handle="benortiz", platform="twitter")
        ferry = "Update: the ferry runs again from Monday morning at seven, weather permitting"
        added = a.add(rec(source("https://new.example/2"), embed(ferry, "1180000000000000021", ben)))
        assert added.linked == 1
        assert a.db.execute("SELECT count(*) FROM posts WHERE key LIKE 'text:%'").fetchone()[0] == 0
        index_agrees(a)
    assert invoke(["archive", "check", "--db", str(db)]).exit_code == 0


def test_an_archive_of_a_newer_version_or_no_archive_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    c = sqlite3.connect(newer)
    c.execute(f"PRAGMA user_version = {VERSION + 1}")
    c.close()
    with pytest.raises(ArchiveError, match="newer than this threads"):
        connect(str(newer))
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE mine (x)")
    c.close()
    with pytest.raises(ArchiveError, match="not an archive"):
        connect(str(other))
    text = tmp_path / "notes.db"
    text.write_text("these are my notes, not a database " * 50, encoding="utf-8")
    with pytest.raises(ArchiveError, match="not an archive database"):
        connect(str(text))
    result = invoke(["archive", "stats", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "no archive here" in result.stderr
    assert not (tmp_path / "missing.db").exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    result = invoke(["archive", "search", "bridge", "--db", str(empty)])
    assert result.exit_code == 1 and "no archive here" in result.stderr
    assert empty.stat().st_size == 0  # a command that reads wrote nothing into it
    result = invoke(["archive", "stats", "--db", str(tmp_path)])
    assert result.exit_code == 1 and "a folder, not an archive file" in result.stderr
    nested = tmp_path / "new" / "folder" / "a.db"
    assert invoke(["archive", "add", str(ROOT / "seeds"), "-q", "--db", str(nested)]).exit_code == 0
    assert nested.exists()


# ---------------------------------------------------------------- Datasette and sqlite-utils


def test_the_full_text_index_is_where_datasette_and_sqlite_utils_look(db: Path) -> None:
    with Archive(str(db)) as a:
        a.add(
            rec(
                source("https://a.example/1"),
                embed(),
                quote("Ferries resume on Monday at seven", Author(name="Ben Ortiz")),
            )
        )
    c = sqlite3.connect(db)
    # the query Datasette (datasette.utils.detect_fts) and sqlite-utils (Table.detect_fts) run
    detect = (
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE :like OR sql LIKE :like2"
        " OR (tbl_name = :table AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))"
    )
    args = {
        "like": "%VIRTUAL TABLE%USING FTS%content=[posts]%",
        "like2": '%VIRTUAL TABLE%USING FTS%content="posts"%',
        "table": "posts",
    }
    assert c.execute(detect, args).fetchall() == [("posts_fts",)]
    # Datasette's ?_search=: rowid in (select rowid from posts_fts where posts_fts match ...)
    rows = c.execute(
        "SELECT author_name FROM posts WHERE rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)",
        ("ferries",),
    ).fetchall()
    assert rows == [("Ben Ortiz",)]
    assert (
        c.execute(
            "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'author_handle: annreyes'"
        ).fetchone()[0]
        == 1
    )
    c.close()
    import sqlite_utils

    table = sqlite_utils.Database(str(db))["posts"]
    assert table.detect_fts() == "posts_fts"  # type: ignore[union-attr]
    assert [r["author_name"] for r in table.search("library")] == ["Ann Reyes"]  # type: ignore[union-attr]


# ---------------------------------------------------------------- the command line


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """An archive of three real pages: a prose quote, the tweet it quotes, and another tweet."""
    db = tmp_path / "filled.db"
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(
        quote_page("Bridge", "https://news.example/a", BRIDGE_PART, "Mayor Ana Reyes"), encoding="utf-8"
    )
    (pages / "b.html").write_text(
        embed_page(
            "Bridge, again", "https://other.example/b", BRIDGE, "Ana Reyes", "anareyes", "1764000000000000001"
        ),
        encoding="utf-8",
    )
    (pages / "c.html").write_text(
        embed_page(
            "Ferry",
            "https://news.example/c",
            "The ferry to the island runs again from Monday",
            "Ben Ortiz",
            "benortiz",
            "1764000000000000002",
        ),
        encoding="utf-8",
    )
    result = invoke(["archive", "add", str(pages), "--db", str(db), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    return db


def test_add_reports_a_bad_input_and_adds_the_rest(tmp_path: Path, db: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(
        embed_page(
            "Ferry", None, "The ferry runs again from Monday", "Ben Ortiz", "benortiz", "1764000000000000002"
        ),
        encoding="utf-8",
    )
    result = invoke(["archive", "add", str(tmp_path / "missing.html"), str(good), "--db", str(db), "-j", "1"])
    assert result.exit_code == 1
    assert "missing.html: no such file" in result.stderr
    assert "2 inputs: 1 ok, 0 empty, 1 failed; 1 post; into" in result.stderr
    assert len(dump(db)["posts"]) == 1


def test_add_takes_what_render_jsonl_wrote_and_gives_the_same_archive(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    write_batch(pages, 4)
    lines = tmp_path / "pages.jsonl"
    rendered = subprocess.run(
        [sys.executable, "-m", "threads", "render", str(pages), "--format", "jsonl", "-q"],
        capture_output=True,
        check=True,
    ).stdout
    lines.write_bytes(
        rendered + b'{"input": "x.html", "error": "x.html: no such file", "threads": []}\nnot json\n'
    )
    from_lines = tmp_path / "lines.db"
    result = invoke(["archive", "add", str(lines), "--db", str(from_lines)])
    assert result.exit_code == 1  # the two bad lines
    assert "x.html: no such file" in result.stderr and "pages.jsonl:6: not JSON" in result.stderr
    from_pages = tmp_path / "pages.db"
    assert invoke(["archive", "add", str(pages), "--db", str(from_pages), "-j", "1"]).exit_code == 0
    a, b = dump(from_lines), dump(from_pages)
    assert a["posts"] == b["posts"] and a["sightings"] == b["sightings"] and a["authors"] == b["authors"]
    assert len(a["posts"]) == 4  # every quote was linked to the tweet it quotes
    # and from standard input
    piped = tmp_path / "piped.db"
    assert invoke(["archive", "add", "-", "--db", str(piped)], input=rendered).exit_code == 0
    assert dump(piped)["posts"] == a["posts"]


def test_add_keeps_pages_compressed(tmp_path: Path, db: Path) -> None:
    page = tmp_path / "p.html"
    data = embed_page(
        "Ferry",
        "https://news.example/c",
        "The ferry runs again from Monday",
        "Ben Ortiz",
        "benortiz",
        "1764000000000000002",
    ).encode()
    page.write_bytes(data)
    assert invoke(["archive", "add", str(page), "--keep-pages", "--db", str(db), "-q"]).exit_code == 0
    with Archive(str(db)) as a:
        assert [b for _, b in a.pages()] == [data]
        stored = a.db.execute("SELECT length(bytes) FROM pages").fetchone()[0]
        assert stored < len(data)
        import hashlib

        assert a.db.execute("SELECT sha256 FROM sources").fetchone()[0] == hashlib.sha256(data).hexdigest()


def test_the_database_comes_from_db_then_the_environment_then_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        embed_page(
            "F", None, "The ferry runs again from Monday", "Ben Ortiz", "benortiz", "1764000000000000002"
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert invoke(["archive", "add", str(page), "-q"]).exit_code == 0
    assert (tmp_path / "threads.db").exists()
    monkeypatch.setenv("THREADS_DB", str(tmp_path / "env.db"))
    assert invoke(["archive", "add", str(page), "-q"]).exit_code == 0
    assert (tmp_path / "env.db").exists()
    assert invoke(["archive", "add", str(page), "-q", "--db", str(tmp_path / "given.db")]).exit_code == 0
    assert (tmp_path / "given.db").exists()


def test_search_formats_filters_and_errors(filled: Path) -> None:
    table = invoke(["archive", "search", "bridge", "--db", str(filled)])
    assert table.exit_code == 0
    head, *rows = table.stdout.splitlines()
    assert head.split() == ["ID", "DATE", "AUTHOR", "PLATFORM", "SRC", "TEXT"]
    assert len(rows) == 1 and "Ana Reyes" in rows[0] and "[bridge]" in rows[0].lower()
    found = json.loads(
        invoke(["archive", "search", "bridge", "--format", "json", "--db", str(filled)]).stdout
    )
    assert found["query"] == "bridge" and found["results"][0]["sources"] == 2
    assert found["results"][0]["post"]["id"] == "1764000000000000001"
    lines = invoke(
        ["archive", "search", "monday OR bridge", "-f", "jsonl", "--db", str(filled)]
    ).stdout.splitlines()
    assert len(lines) == 2
    md = invoke(["archive", "search", "ferry", "--format", "md", "--db", str(filled)]).stdout
    assert "**Ben Ortiz**" in md and "**ferry**" in md.lower()
    assert invoke(["archive", "search", "bridge", "--author", "@benortiz", "--db", str(filled)]).stdout == ""
    assert (
        "Ana Reyes"
        in invoke(["archive", "search", "bridge", "--author", "Reyes", "--db", str(filled)]).stdout
    )
    assert invoke(["archive", "search", "bridge", "--platform", "bluesky", "--db", str(filled)]).stdout == ""
    assert (
        "Ana Reyes"
        in invoke(
            [
                "archive",
                "search",
                "bridge",
                "--since",
                "2024-03-02",
                "--until",
                "2024-03-02",
                "--db",
                str(filled),
            ]
        ).stdout
    )
    assert invoke(["archive", "search", "bridge", "--since", "2024-03-03", "--db", str(filled)]).stdout == ""
    assert (
        invoke(["archive", "search", "author_handle: benortiz", "--db", str(filled)]).stdout.count("\n") == 2
    )
    # not FTS5's syntax: its words as written, and a word saying so
    bad = invoke(["archive", "search", 'bridge AND ("', "--db", str(filled)])
    assert bad.exit_code == 0 and "is not a full-text query (unterminated string)" in bad.stderr
    assert 'searched for its words as written: "bridge" "AND"' in bad.stderr
    for everyday in ("two-weeks", "news:", "@anareyes", "#bridge", "June,"):
        result = invoke(["archive", "search", everyday, "--db", str(filled)])
        assert result.exit_code == 0 and "Ana Reyes" in result.stdout, (everyday, result.stderr)
    nothing = invoke(["archive", "search", "*", "--db", str(filled)])
    assert nothing.exit_code == 2 and "is not a full-text query" in nothing.stderr
    # a platform as people name it; a search that filters out everything says what it filtered by
    assert (
        "Ana Reyes" in invoke(["archive", "search", "bridge", "--platform", "X", "--db", str(filled)]).stdout
    )
    none = invoke(["archive", "search", "bridge", "--platform", "bluesky", "--db", str(filled)])
    assert "no post matches 'bridge' with --platform bluesky" in none.stderr
    bad_day = invoke(["archive", "search", "bridge", "--since", "last week", "--db", str(filled)])
    assert bad_day.exit_code == 2 and "--since" in bad_day.stderr
    nobody = invoke(["archive", "search", "bridge", "--author", "@nobody", "--db", str(filled)])
    assert nobody.exit_code == 1 and "no author '@nobody'" in nobody.stderr


def test_author_shows_the_thread_across_articles_in_each_view(filled: Path) -> None:
    md = invoke(["archive", "author", "@AnaReyes", "--db", str(filled)])
    assert md.exit_code == 0 and "## Ana Reyes (@anareyes)" in md.stdout and "1 post" in md.stdout
    html = invoke(["archive", "author", "Ana Reyes", "--format", "html", "--db", str(filled)]).stdout
    assert html.startswith("<!DOCTYPE html>") and "bridge will reopen" in html
    data = json.loads(invoke(["archive", "author", "Reyes", "--format", "json", "--db", str(filled)]).stdout)
    (thread,) = data["threads"]
    (post,) = thread["posts"]
    assert [s["url"] for s in post["extra"]["quoted_in"]] == [
        "https://news.example/a",
        "https://other.example/b",
    ]
    missing = invoke(["archive", "author", "Nobody Here", "--db", str(filled)])
    assert missing.exit_code == 1 and "no author 'Nobody Here'" in missing.stderr
    assert "threads archive search 'Nobody Here'" in missing.stderr  # a command that runs as written


@pytest.mark.parametrize(
    "ref",
    [
        "https://x.com/anareyes/status/1764000000000000001?s=20",
        "twitter.com/i/web/status/1764000000000000001",
        "1764000000000000001",
        "id:twitter:1764000000000000001",
    ],
)
def test_post_finds_a_post_by_any_of_its_names_with_every_article(filled: Path, ref: str) -> None:
    md = invoke(["archive", "post", ref, "--db", str(filled)])
    assert md.exit_code == 0, md.stderr
    assert "### Quoted in 2 articles" in md.stdout
    assert f"> {BRIDGE_PART}" in md.stdout  # the prose quote's own words
    data = json.loads(invoke(["archive", "post", ref, "--format", "json", "--db", str(filled)]).stdout)
    assert [s["kind"] for s in data["sightings"]] == ["embed", "quote"] or [
        s["kind"] for s in data["sightings"]
    ] == ["quote", "embed"]
    assert {s["text"] for s in data["sightings"]} == {BRIDGE, BRIDGE_PART}


def test_an_article_that_quotes_a_post_twice_is_one_article(db: Path, tmp_path: Path) -> None:
    """Each quoting is a sighting, but the count, the site and the author view say articles."""
    twice = rec(source(None, "saved/page.html"), embed(), replace(embed(), position=900, kind="remnant"))
    with Archive(str(db)) as a:
        a.add(twice, sha256="aa")
        a.add(rec(source("https://b.example/2"), embed()), sha256="bb")
    md = invoke(["archive", "post", STATUS, "--db", str(db)]).stdout
    assert "### Quoted in 2 articles" in md and "embed + remnant" in md
    assert "saved/page.html" in md  # an article with no URL says where it was read
    site = tmp_path / "site"
    assert invoke(["archive", "site", str(site), "--db", str(db)]).exit_code == 0
    page = next((site / "posts").glob("*.html")).read_text(encoding="utf-8")
    assert "quoted in 2 articles" in page
    view = json.loads(invoke(["archive", "author", "@annreyes", "--format", "json", "--db", str(db)]).stdout)
    (post,) = [p for t in view["threads"] for p in t["posts"]]
    assert len(post["extra"]["quoted_in"]) == 2


def test_post_by_row_and_not_found(filled: Path) -> None:
    row = json.loads(invoke(["archive", "search", "ferry", "-f", "json", "--db", str(filled)]).stdout)[
        "results"
    ][0]
    assert "Ben Ortiz" in invoke(["archive", "post", f"#{row['archive_id']}", "--db", str(filled)]).stdout
    missing = invoke(["archive", "post", "https://x.com/a/status/1", "--db", str(filled)])
    assert missing.exit_code == 1 and "no post" in missing.stderr


def test_stats(filled: Path) -> None:
    data = json.loads(invoke(["archive", "stats", "--format", "json", "--db", str(filled)]).stdout)
    assert (data["posts"], data["sources"], data["sightings"], data["authors"]) == (2, 3, 3, 2)
    assert data["posts_quoted_by_several_sources"] == 1 and data["schema_version"] == VERSION
    text = invoke(["archive", "stats", "--db", str(filled)]).stdout
    assert "posts:" in text and "twitter 2" in text


def test_export_jsonl_csv_and_parquet(filled: Path, tmp_path: Path) -> None:
    lines = invoke(["archive", "export", "--db", str(filled)]).stdout.splitlines()
    records = [json.loads(x) for x in lines]
    assert len(records) == 2 and {len(r["sightings"]) for r in records} == {1, 2}
    assert all(r["archive"]["key"].startswith("id:twitter:") for r in records)
    out = tmp_path / "posts.csv"
    assert invoke(["archive", "export", "-f", "csv", "-o", str(out), "--db", str(filled)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(int(r["sources"]) for r in rows) == [1, 2]
    assert all(json.loads(r["sightings"]) for r in rows)
    pq = pytest.importorskip("pyarrow.parquet")  # the archive extra, which the test extra brings
    target = tmp_path / "posts.parquet"
    assert (
        invoke(["archive", "export", "-f", "parquet", "-o", str(target), "--db", str(filled)]).exit_code == 0
    )
    table = pq.read_table(target)
    assert table.num_rows == 2 and sorted(table.column("sources").to_pylist()) == [1, 2]
    assert {s["text"] for row in table.column("sightings").to_pylist() for s in row} == {
        BRIDGE,
        BRIDGE_PART,
        "The ferry to the island runs again from Monday",
    }
    stdout = invoke(["archive", "export", "-f", "parquet", "--db", str(filled)])
    assert stdout.exit_code == 2 and "give -o FILE" in stdout.stderr


def test_exports_and_site_files_get_the_umasks_mode_and_their_folders(filled: Path, tmp_path: Path) -> None:
    """As every file the command line writes: 0666 & ~umask for a new one (not a temporary
    file's 0600), the folders on the way made."""
    old = os.umask(0o022)
    try:
        out = tmp_path / "new" / "folder" / "posts.jsonl"
        assert invoke(["archive", "export", "-o", str(out), "--db", str(filled)]).exit_code == 0
        site = tmp_path / "site"
        assert invoke(["archive", "site", str(site), "--db", str(filled)]).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
    pages = [f for f in site.rglob("*") if f.is_file()]
    assert pages and {f.stat().st_mode & 0o777 for f in pages} == {0o644}
    assert not [f for f in out.parent.iterdir() if f.name.endswith(".part")]


def test_site_writes_linked_pages_that_fetch_nothing(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = invoke(["archive", "site", str(out), "--db", str(filled)])
    assert result.exit_code == 0, result.stderr
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    assert "index.html" in pages
    assert sum(p.startswith("authors/") for p in pages) == 2
    assert sum(p.startswith("posts/") for p in pages) == 2
    assert sum(p.startswith("sources/") for p in pages) == 3
    import re

    for name in pages:
        html = (out / name).read_text(encoding="utf-8")
        assert "<script" not in html and 'src="http' not in html
        for href in re.findall(r'href="([^"#:]+)"', html):  # every link inside the site resolves
            assert (out / name).parent.joinpath(href).resolve().is_file(), (name, href)
    post = next(p for p in pages if p.startswith("posts/") and "bridge will reopen" in (out / p).read_text())
    text = (out / post).read_text(encoding="utf-8")
    assert "Quoted in" in text and "https://news.example/a" in text and "https://other.example/b" in text
    # written again over an earlier site: the pages of what the archive no longer holds go, a
    # file of the user's own stays
    (out / "posts" / "999.html").write_text("an earlier site's post", encoding="utf-8")
    (out / "posts" / "notes.html").write_text("mine", encoding="utf-8")
    assert invoke(["archive", "site", str(out), "--db", str(filled), "-q"]).exit_code == 0
    assert not (out / "posts" / "999.html").exists() and (out / "posts" / "notes.html").exists()
    assert sum(p.name != "notes.html" for p in (out / "posts").glob("*.html")) == 2


def test_check_finds_a_full_text_index_out_of_step_and_rebuilds_it(filled: Path) -> None:
    ok = invoke(["archive", "check", "--db", str(filled)])
    assert ok.exit_code == 0 and "full-text index: ok" in ok.stdout
    c = sqlite3.connect(filled)
    c.execute("UPDATE posts SET text = 'something else entirely'")  # another tool wrote to posts
    c.commit()
    c.close()
    broken = invoke(["archive", "check", "--db", str(filled)])
    assert broken.exit_code == 1 and "full-text index: 1 problem" in broken.stdout
    assert "--rebuild-index" in broken.stderr
    fixed = invoke(["archive", "check", "--rebuild-index", "--db", str(filled)])
    assert fixed.exit_code == 0, fixed.stdout


def test_usage_errors(filled: Path) -> None:
    bare = invoke(["archive"])
    assert bare.exit_code == 2 and "threads archive" in bare.stderr
    for args in (
        ["archive", "add"],
        ["archive", "search"],
        ["archive", "bogus"],
        ["archive", "search", "x", "--format", "xml"],
    ):
        result = invoke(args)
        assert result.exit_code == 2 and "Error:" in result.stderr, args
    help_text = invoke(["archive", "add", "--help"]).stdout
    assert "Examples:" in help_text and "--keep-pages" in help_text and "--db" in help_text


def test_terminal_escapes_in_a_post_stay_inert_in_the_table(db: Path) -> None:
    evil = quote(
        "\x1b]52;c;cm0gLXJmIH4=\x07 the ferry \x1b[2J runs again on monday morning", Author(name="Ben Ortiz")
    )
    with Archive(str(db)) as a:
        a.add(rec(source("https://a.example/1"), evil))
    out = invoke(["archive", "search", "ferry", "--db", str(db)]).stdout
    assert "\x1b" not in out and "\x07" not in out


# ---------------------------------------------------------------- killed, and two at once


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "threads", *args]


def _sources(db: Path) -> int:
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(c.execute("SELECT count(*) FROM sources").fetchone()[0])
        finally:
            c.close()
    except sqlite3.OperationalError:  # not made yet, or being made
        return 0


@pytest.mark.slow
def test_a_killed_add_leaves_a_whole_archive_that_the_same_command_completes(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    write_batch(pages, 400)  # enough that the run is still going when it is to be killed
    db = tmp_path / "killed.db"
    command = _cli("archive", "add", str(pages), "--db", str(db), "-j", "1", "-q")
    for at_least in (10, 60):  # killed twice, each time after some more sources are in
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and proc.poll() is None and _sources(db) < at_least:
                time.sleep(0.02)
            assert proc.poll() is None, "the run ended before it could be killed"
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait()
        c = sqlite3.connect(db)
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        c.close()
        assert at_least <= _sources(db) < 400
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    clean = tmp_path / "clean.db"
    subprocess.run(
        _cli("archive", "add", str(pages), "--db", str(clean), "-j", "1", "-q"), check=True, timeout=300
    )
    assert dump(db) == dump(clean)
    assert invoke(["archive", "check", "--db", str(db)]).exit_code == 0


def _open_new(path: str, barrier: Any) -> None:
    barrier.wait()
    try:
        connect(path).close()
    except ArchiveError as e:
        print(e, file=sys.stderr)
        sys.exit(1)


def test_processes_opening_one_new_archive_at_once_all_open_it(tmp_path: Path) -> None:
    # Two `archive add` starting on one new file: one switches its journal to WAL while the other
    # tries the same, which SQLite reports as "database is locked" without waiting on its own.
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    failed = 0
    for i in range(20):
        barrier = ctx.Barrier(3)
        procs = [ctx.Process(target=_open_new, args=(str(tmp_path / f"{i}.db"), barrier)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=120)
        failed += sum(p.exitcode != 0 for p in procs)
    assert failed == 0


def test_the_switch_to_wal_waits_out_a_lock() -> None:
    from threads.archive.schema import _to_wal

    class Locked:
        def __init__(self, times: int, error: str = "database is locked") -> None:
            self.times, self.error, self.calls = times, error, 0

        def execute(self, sql: str) -> Any:
            self.calls += 1
            if sql == "PRAGMA journal_mode = WAL" and self.times:
                self.times -= 1
                raise sqlite3.OperationalError(self.error)
            return sqlite3.connect(":memory:").execute("SELECT 'delete'")

    db = Locked(3)
    _to_wal(db)  # type: ignore[arg-type]
    assert db.times == 0
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):  # only a lock is waited out
        _to_wal(Locked(1, "disk I/O error"))  # type: ignore[arg-type]


@pytest.mark.slow
def test_two_writers_at_once_both_finish_and_lose_nothing(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    # enough pages that one run cannot be done before the other has started (a few hundred pages a
    # second are added, and a process takes a second or two to start on a loaded machine)
    paths = write_batch(pages, 1200)
    db = tmp_path / "shared.db"
    halves = [paths[0::2], paths[1::2]]  # each quotes posts the other embeds
    procs = [
        subprocess.Popen(
            _cli("archive", "add", *map(str, half), "--db", str(db), "-j", "1", "-q"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]
    while _sources(db) < 20 and all(p.poll() is None for p in procs):
        time.sleep(0.02)
    ended = [p for p in procs if p.poll() is not None]
    assert not ended, f"a run ended before the other began: {[p.communicate()[1] for p in ended]}"
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    one = tmp_path / "one.db"
    subprocess.run(
        _cli("archive", "add", str(pages), "--db", str(one), "-j", "1", "-q"), check=True, timeout=300
    )
    assert dump(db) == dump(one)
    assert len(dump(db)["posts"]) == len(
        paths
    )  # every quote linked to the post it quotes, whoever wrote first
    assert invoke(["archive", "check", "--db", str(db)]).exit_code == 0


def test_a_reconstruction_loaded_from_jsonl_round_trips() -> None:
    from threads.archive.records import reconstruction_from_dict

    r = threads.reconstruct(quote_page("Bridge", "https://news.example/a", BRIDGE_PART, "Mayor Ana Reyes"))
    back = reconstruction_from_dict(json.loads(json.dumps(r.to_dict())), where="x")
    assert back.to_dict()["threads"] == r.to_dict()["threads"]
    # a post with media keeps its own kind (not its last picture's)
    pictured = replace(embed(), media=(Media("https://pbs.example/a.jpg", "photo", "a dam at dusk"),))
    r = rec(source("https://a.example/1"), pictured)
    back = reconstruction_from_dict(json.loads(json.dumps(r.to_dict())), where="x")
    assert back.to_dict()["threads"] == r.to_dict()["threads"]
    assert back.threads[0].posts[0].kind == "embed"
    from threads.errors import UnreadableInput

    for bad in (
        {"schema": "other"},
        {"schema": "threads/1", "threads": "no"},
        {"schema": "threads/1", "threads": [{"posts": [{"kind": "tweet"}]}]},
        [],
    ):
        with pytest.raises(UnreadableInput, match=r"^x: "):
            reconstruction_from_dict(bad, where="x")


def test_kept_page_bytes_are_zlib(db: Path) -> None:
    with Archive(str(db)) as a:
        a.add(rec(source("https://a.example/1"), embed()), page=b"<html>" * 100)
        (raw,) = a.db.execute("SELECT bytes FROM pages").fetchone()
    assert zlib.decompress(raw) == b"<html>" * 100


def test_ctrl_c_keeps_what_was_added_and_says_how_to_go_on(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threads.archive.command as command

    real = command.archive_work

    def interrupted_at_the_third(task: Any, item: Any) -> Any:
        if item.index == 2:
            raise KeyboardInterrupt
        return real(task, item)

    monkeypatch.setattr(command, "archive_work", interrupted_at_the_third)
    pages = write_batch(tmp_path / "pages", 4)
    result = invoke(["archive", "add", *map(str, pages), "--db", str(db), "-j", "1"])
    assert result.exit_code == 130
    assert "2 inputs done" in result.stderr and "run the same command to go on" in result.stderr
    assert len(dump(db)["sources"]) == 2


def test_add_follows_links_only_when_asked(tmp_path: Path, db: Path) -> None:
    real = tmp_path / "real"
    write_batch(real, 2)
    walked = tmp_path / "walked"
    walked.mkdir()
    (walked / "linked").symlink_to(real, target_is_directory=True)
    left_out = invoke(["archive", "add", str(walked), "--db", str(db), "-q"])
    assert left_out.exit_code == 1 and "symbolic links left out" in left_out.stderr
    assert invoke(["archive", "add", str(walked), "--follow-links", "--db", str(db), "-q"]).exit_code == 0
    assert len(dump(db)["sources"]) == 2


@pytest.mark.parametrize(
    "module",
    [
        "threads.identity",
        "threads.archive",
        "threads.archive.schema",
        "threads.archive.prepare",
        "threads.archive.store",
        "threads.archive.query",
        "threads.archive.records",
        "threads.archive.export",
        "threads.archive.site",
        "threads.archive.check",
    ],
)
def test_every_name_in_all_exists(module: str) -> None:
    import importlib

    mod = importlib.import_module(module)
    assert mod.__all__, module
    for name in mod.__all__:
        assert getattr(mod, name) is not None, f"{module}.{name}"


def test_add_takes_a_web_archive_page_by_page(tmp_path: Path, db: Path) -> None:
    pytest.importorskip("fastwarc")
    from .test_warc import crawl

    archive = crawl(tmp_path / "crawl.warc.gz", gz=True)
    result = invoke(["archive", "add", str(archive), "--db", str(db), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert "4 inputs: 4 ok" in result.stderr and "3 archive records skipped" in result.stderr
    c = sqlite3.connect(db)
    rows = c.execute("SELECT key, location, captured FROM sources ORDER BY id").fetchall()
    c.close()
    assert [r[0] for r in rows] == [
        "url:https://example.org/one",
        "url:https://example.org/two",
        "url:https://example.org/three",
        "url:https://example.org/saved",
    ]
    assert all(r[1].startswith("crawl.warc.gz#urn:uuid:") for r in rows), rows  # no machine folders
    assert rows[0][2] == "2017-10-17T09:30:00+00:00"
    # the same quote on two pages by one mayor: one post, two sightings
    assert len(dump(db)["posts"]) == 3 and len(dump(db)["sightings"]) == 4


def test_add_reads_fsspec_urls(tmp_path: Path, db: Path) -> None:
    """file: URLs (and s3:// ... with their fsspec package) are read through fsspec, as render reads them."""
    pytest.importorskip("fsspec")
    pages = tmp_path / "pages"
    write_batch(pages, 3)
    result = invoke(["archive", "add", f"{pages.as_uri()}/", "--db", str(db), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert "3 inputs: 3 ok" in result.stderr and "3 new" in result.stderr
    locations = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT location FROM sources"))
    assert locations == [f"page-000{i}.html" for i in range(3)]  # outside the current folder: the name
    missing = invoke(["archive", "add", (tmp_path / "none.html").as_uri(), "--db", str(db)])
    assert missing.exit_code == 1 and "1 failed" in missing.stderr


def test_add_fetches_urls(tmp_path: Path, db: Path) -> None:
    """Pages fetched from a server the test starts on 127.0.0.1: the final address is the source."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    body = embed_page(
        "Ferry", None, "The ferry runs again from Monday", "Ben Ortiz", "benortiz", "1764000000000000002"
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/old":
                self.send_response(301)
                self.send_header("Location", "/story")
                self.end_headers()
                return
            data = body.encode() if self.path == "/story" else b"nothing here"
            self.send_response(200 if self.path == "/story" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        result = invoke(["archive", "add", f"{base}/old", f"{base}/missing", "--db", str(db), "-j", "1"])
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 1 and "HTTP 404" in result.stderr
    assert [s[0] for s in dump(db)["sources"]] == [f"url:{base}/story"]


REWRITES = {
    "a quote of part of it after the embed": (embed(), quote("stays open late tonight for everyone"), False),
    "the embed after a quote of part of it": (quote("stays open late tonight for everyone"), embed(), False),
    "a fuller copy of the embed": (embed(), embed(text=LONG + " (and on Sunday)"), True),
}


@pytest.mark.parametrize("name", list(REWRITES))
def test_a_stored_post_is_rewritten_only_when_it_changes(db: Path, name: str) -> None:
    first, then, rewritten = REWRITES[name]
    with Archive(str(db)) as a:
        a.add(rec(source("https://a.example/1"), first))
        run: list[str] = []
        a.db.set_trace_callback(run.append)
        a.add(rec(source("https://b.example/2"), then))
        a.db.set_trace_callback(None)
        (text,) = a.db.execute("SELECT text FROM posts").fetchone()
        found = a.db.execute("SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'finals'").fetchall()
        a.db.execute("INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)")  # raises if not
    assert len(found) == 1
    updates = sorted({s for s in run if s.startswith("UPDATE posts ")})
    # setting the text (or name, or handle) takes the post's words out of the full-text index and
    # adds them again, even the same words: only what changes is set
    assert len(updates) == rewritten, updates
    if rewritten:
        assert text == LONG + " (and on Sunday)" and "text = " in updates[0]
        assert "author_name" not in updates[0]


# ---------------------------------------------------------------- the full-text index, kept by the writer


def index_agrees(a: Archive) -> None:
    """FTS5's own check of ``posts_fts`` against ``posts`` (it raises when they differ), and the
    index holds exactly the posts there are, each found by its own words."""
    a.db.execute("INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)")
    posts = dict(a.db.execute("SELECT id, text FROM posts").fetchall())
    indexed = {r[0] for r in a.db.execute("SELECT id FROM posts_fts_docsize")}
    assert indexed == set(posts)
    for rid, text in posts.items():
        phrase = '"' + " ".join(text.replace('"', " ").split()) + '"'
        found = {r[0] for r in a.db.execute("SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?", (phrase,))}
        assert rid in found, text


BINS = "Bins are collected a day late after the holiday weekend"


def test_the_full_text_index_follows_every_change_the_writer_makes(db: Path) -> None:
    ben = Author(name="Ben Ortiz", handle="benortiz", platform="twitter")
    ferry = "The ferry to the island runs again from Monday morning at seven"
    ferry_part = quote("runs again from Monday morning at seven", Author(name="Ben Ortiz"))
    steps = [
        # new posts; a quote of part of a stored embed (a sighting of it, the index unchanged)
        rec(source("https://a.example/1"), embed(), quote("a quote of some other thing entirely")),
        rec(source("https://b.example/2"), quote("stays open late tonight for everyone")),
        # a stored quote taken in by the embed that holds it (the quote's row goes)
        rec(source("https://c.example/3"), ferry_part),
        rec(source("https://d.example/4"), embed(ferry, "1180000000000000011", ben)),
        # a fuller copy: the stored text changes
        rec(source("https://e.example/5"), embed(text=LONG + " (and on Sunday)")),
        # re-added without its quote: the orphan goes
        rec(source("https://a.example/1"), embed()),
        # within one transaction: a post inserted, then changed; a quote inserted, then taken in
        rec(
            source("https://f.example/6"),
            embed(BINS, "1180000000000000012", ben),
            embed(BINS + ", sorry", "1180000000000000012", ben),
            quote("the last ferry leaves the harbour at ten tonight", Author(name="Ben Ortiz")),
            embed("Reminder: the last ferry leaves the harbour at ten tonight", "1180000000000000013", ben),
        ),
    ]
    with Archive(str(db)) as a:
        for r in steps:
            a.add(r)
            index_agrees(a)
        texts = sorted(r[0] for r in a.db.execute("SELECT text FROM posts"))
    assert texts == sorted(
        [
            LONG + " (and on Sunday)",
            ferry,
            BINS + ", sorry",
            "Reminder: the last ferry leaves the harbour at ten tonight",
        ]
    )


def test_a_source_s_new_posts_join_the_full_text_index_in_one_statement(db: Path) -> None:
    """FTS5 writes a new segment of its index at each statement after one that changed it; the writer
    adds a source's posts together, at the end of its transaction: one segment a source."""
    posts = [embed(f"{LONG} number {n}", f"118000000000000010{n}") for n in range(3)]
    with Archive(str(db)) as a:
        run: list[str] = []
        a.db.set_trace_callback(run.append)
        a.add(rec(source("https://a.example/1"), *posts, quote("a quote of some other thing entirely")))
        a.db.set_trace_callback(None)
        index_agrees(a)
    ours = [s for s in run if not s.startswith("--")]  # FTS5's own statements are traced as "-- ..."
    writes = [s for s in ours if "posts_fts" in s and not s.startswith("SELECT")]
    assert len(writes) == 1, writes
    assert ours[-2:] == [writes[0], "COMMIT"]


# ---------------------------------------------------------------- the prepared record


def test_a_prepared_record_carries_plain_values_that_give_back_the_post() -> None:
    """A worker pickles what it prepared for the writer: no model objects (they cost more to carry
    than the rest), and what the writer makes of it is what it would have had from the post."""
    import pickle
    from datetime import UTC, datetime

    from threads.archive.prepare import merge_posts, post_row, prepare
    from threads.identity import identify
    from threads.model import Media
    from threads.sequence import richness

    rich_author = Author(
        name="Ann Reyes",
        handle="annreyes",
        platform="twitter",
        url="https://twitter.com/annreyes",
        role="Mayor",
        aliases=("Mayor Reyes",),
        id="2244994945",
    )
    inner = Post(platform="twitter", text="The inner post", author=Author(name="Ben Ortiz"), id="17")
    posts = [
        Post(
            platform="twitter",
            text=LONG,
            author=rich_author,
            kind="embed",
            id=STATUS,
            url=f"https://twitter.com/annreyes/status/{STATUS}",
            published=datetime(2019, 5, 1, 14, 30, 5, tzinfo=UTC),
            quotes=(inner,),
            media=(Media("https://pbs.example/a.jpg", "photo", "the library at night"),),
            links=("https://library.example/hours",),
            position=7,
            evidence=("markup blockquote.twitter-tweet",),
            extra={"lang": "en"},
        ),
        # no ID of its own: its permalink spells one
        Post(platform="twitter", text="Open late", kind="remnant", url="https://x.com/annreyes/status/18"),
        quote("stays open late tonight for everyone"),
    ]
    prepared = prepare(rec(source("https://a.example/1"), *posts))
    data = pickle.dumps(prepared)
    assert b"threads.model" not in data and b"threads.identity" not in data
    stored = embed(text=LONG + " (and on Sunday)")
    for post, pp in zip(posts, pickle.loads(data).posts, strict=True):
        assert pp.author_record() == post.author
        assert pp.identity() == identify(post)
        kept = pp.record()
        assert richness(kept) == richness(post)
        assert post_row(kept, pp.identity()) == pp.row == post_row(post, identify(post))
        for merged, again in (
            (merge_posts(stored, post), merge_posts(stored, kept)),
            (merge_posts(post, stored), merge_posts(kept, stored)),
        ):
            assert post_row(again, identify(again)) == post_row(merged, identify(merged))


@pytest.mark.parametrize("quote_first", [True, False], ids=["quote-then-embed", "embed-then-quote"])
def test_a_quote_of_a_post_added_in_the_same_source_is_a_sighting_of_it(db: Path, quote_first: bool) -> None:
    """One source holding an embed and a quote of part of it (reconstruct merges those; a record
    made elsewhere may not): the quote is linked as it would be from another source, though the
    full-text index takes the source's posts only at the end of its transaction."""
    part = quote("stays open late tonight for everyone")
    posts = (part, embed()) if quote_first else (embed(), part)
    with Archive(str(db)) as a:
        assert a.add(rec(source("https://a.example/1"), *posts)).linked == 1
        index_agrees(a)
    assert [p[0] for p in dump(db)["posts"]] == [f"id:twitter:{STATUS}"]


def test_an_author_s_row_is_filled_in_by_later_posts_and_left_alone_when_they_add_nothing(db: Path) -> None:
    def author_row(a: Archive) -> tuple[Any, ...]:
        return a.db.execute("SELECT name, handle, aliases, url, role FROM authors").fetchone()  # type: ignore[no-any-return]

    steps = [
        (Author(handle="annreyes", platform="twitter"), (None, "annreyes", "[]", None, None)),
        (
            Author(
                name="Ann Reyes",
                handle="AnnReyes",
                platform="twitter",
                url="https://twitter.com/annreyes",
                role="Mayor",
                aliases=("Mayor Reyes",),
            ),
            ("Ann Reyes", "annreyes", '["Mayor Reyes"]', "https://twitter.com/annreyes", "Mayor"),
        ),
        (  # nothing new: the row stays as it is
            Author(name="Ann Reyes", handle="annreyes", platform="twitter"),
            ("Ann Reyes", "annreyes", '["Mayor Reyes"]', "https://twitter.com/annreyes", "Mayor"),
        ),
        (  # another name for her: an alias
            Author(name="A. Reyes", handle="annreyes", platform="twitter", role="Governor"),
            ("Ann Reyes", "annreyes", '["Mayor Reyes","A. Reyes"]', "https://twitter.com/annreyes", "Mayor"),
        ),
    ]
    with Archive(str(db)) as a:
        for n, (author, expected) in enumerate(steps):
            post = embed(f"{LONG} {n}", f"11800000000000001{n}", author)
            a.add(rec(source(f"https://a.example/{n}"), post))
            assert author_row(a) == expected, n


def test_page_gives_back_a_kept_page_byte_for_byte(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    write_batch(pages, 2)
    db = tmp_path / "kept.db"
    assert invoke(["archive", "add", str(pages), "--keep-pages", "-j", "1", "--db", str(db)]).exit_code == 0
    first = sorted(pages.iterdir())[0]
    with Archive(str(db)) as a:
        (sid, location) = a.db.execute(
            "SELECT id, location FROM sources WHERE location LIKE ?", (f"%{first.name}",)
        ).fetchone()
    out = tmp_path / "again" / "page.html"
    by_row = invoke(["archive", "page", f"#{sid}", "-o", str(out), "--db", str(db)])
    assert by_row.exit_code == 0, by_row.stderr
    assert out.read_bytes() == first.read_bytes()
    piped = subprocess.run(
        [sys.executable, "-m", "threads", "archive", "page", location, "--db", str(db)], capture_output=True
    )
    assert piped.returncode == 0 and piped.stdout == first.read_bytes()
    post = invoke(["archive", "post", "#1", "--db", str(db)]).stdout
    assert "(page kept)" in post and "source #" in post
    missing = invoke(["archive", "page", "nowhere.html", "--db", str(db)])
    assert missing.exit_code == 1 and "no source 'nowhere.html'" in missing.stderr
    bare = tmp_path / "bare.db"
    assert invoke(["archive", "add", str(first), "--db", str(bare)]).exit_code == 0
    none = invoke(["archive", "page", "#1", "--db", str(bare)])
    assert none.exit_code == 1 and "--keep-pages" in none.stderr
