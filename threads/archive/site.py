"""``archive site DIR``: the archive as a static site, readable offline and from any web server.

``index.html`` lists the authors and the sources; ``authors/N.html`` is one author's thread across
every article; ``posts/N.html`` one post and every article that quoted it (the text exactly as
each quoted it); ``sources/N.html`` one article's posts. Pages look like the thread view
(``thread.css``), carry no script and fetch nothing (a Content-Security-Policy says so); links
between them are relative, so the folder can be moved or zipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Author, Reconstruction, Source, Thread
from ..output import write_atomic
from ..render import render_template
from ..sequence import order
from .query import author_reconstruction, posts_with_sightings, stats, with_sightings
from .records import parse_published
from .store import Archive

__all__ = ["SiteSummary", "build_site"]


@dataclass(frozen=True, slots=True)
class SiteSummary:
    folder: str
    authors: int
    posts: int
    sources: int


def _write(path: Path, text: str) -> None:
    write_atomic(path, text)  # the umask's mode, as any file the command line writes


def build_site(
    archive: Archive,
    folder: str,
    *,
    templates: str | None = None,
    title: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> SiteSummary:
    """Write the site into ``folder`` (made if missing; pages already there are replaced, and the
    pages of an earlier site there for posts, authors and sources the archive no longer holds are
    removed: only ``N.html`` files in its ``authors/``, ``posts/`` and ``sources/``)."""
    db = archive.db
    out = Path(folder)
    site_title = title or "Archive of quoted posts"
    counts = stats(archive)
    written: set[str] = set()

    def page(name: str, template: str, root: str, **context: Any) -> None:
        text = render_template(template, templates=templates, root=root, site_title=site_title, **context)
        _write(out / name, text)
        written.add(name)
        if progress is not None:
            progress(1)

    authors = [
        {"id": aid, "name": name, "handle": handle, "platform": platform, "posts": n}
        for aid, name, handle, platform, n in db.execute(
            "SELECT a.id, a.name, a.handle, a.platform, count(p.id)"
            " FROM authors a JOIN posts p ON p.author = a.id"
            " GROUP BY a.id ORDER BY lower(coalesce(a.name, a.handle)), a.platform, a.id"
        )
    ]
    unattributed = db.execute("SELECT count(*) FROM posts WHERE author IS NULL").fetchone()[0]
    sources = [
        {
            "id": sid,
            "title": t,
            "url": u,
            "location": loc,
            "published": parse_published(pub),
            "captured": parse_published(cap),
            "posts": n,
        }
        for sid, t, u, loc, pub, cap, n in db.execute(
            "SELECT s.id, s.title, s.url, s.location, s.published, s.captured, count(DISTINCT g.post)"
            " FROM sources s LEFT JOIN sightings g ON g.source = s.id GROUP BY s.id"
            " ORDER BY coalesce(s.published, s.captured, s.added) DESC, s.id"
        )
    ]
    page(
        "index.html",
        "archive_index.html",
        "",
        authors=authors,
        unattributed=unattributed,
        sources=sources,
        stats=counts,
    )

    post_ids = [r[0] for r in db.execute("SELECT id FROM posts ORDER BY id")]
    for aid in [a["id"] for a in authors] + ([None] if unattributed else []):
        if aid is None:
            ids = [r[0] for r in db.execute("SELECT id FROM posts WHERE author IS NULL ORDER BY id")]
            rec = _unattributed(archive, ids)
            name = "authors/unattributed.html"
        else:
            rec = author_reconstruction(archive, [aid], title="")
            name = f"authors/{aid}.html"
        page(name, "archive_author.html", "../", rec=rec, show_evidence=False)

    for chunk_start in range(0, len(post_ids), 500):
        for stored, seen in posts_with_sightings(archive, post_ids[chunk_start : chunk_start + 500]):
            author_row = db.execute("SELECT author FROM posts WHERE id = ?", (stored.id,)).fetchone()[0]
            page(
                f"posts/{stored.id}.html",
                "archive_post.html",
                "../",
                stored=stored,
                post=stored.post,
                sightings=seen,
                author_page=f"{author_row}.html" if author_row is not None else "unattributed.html",
                show_evidence=True,
            )

    for source in sources:
        rows = db.execute(
            "SELECT g.post, g.kind, g.text, g.author_name, g.author_handle, g.position, p.platform"
            " FROM sightings g JOIN posts p ON p.id = g.post WHERE g.source = ? ORDER BY g.position",
            (source["id"],),
        ).fetchall()
        quoted = [
            {
                "post": r[0],
                "kind": r[1],
                "text": r[2],
                "author_name": r[3],
                "author_handle": r[4],
                "platform": r[6],
            }
            for r in rows
        ]
        page(f"sources/{source['id']}.html", "archive_source.html", "../", source=source, quoted=quoted)
    for part in ("authors", "posts", "sources"):  # an earlier site's pages of what is gone
        for old in (out / part).glob("*.html"):
            if f"{part}/{old.name}" not in written and (old.stem.isdigit() or old.stem == "unattributed"):
                old.unlink()
    return SiteSummary(str(out), len(authors), len(post_ids), len(sources))


def _unattributed(archive: Archive, ids: list[int]) -> Reconstruction:
    """Posts no author is known for, as one list in time order."""
    posts = order(with_sightings(archive, ids))
    thread = Thread(author=Author(), platform="unknown", posts=tuple(posts))
    return Reconstruction(
        source=Source(location="", kind="text", text=""), threads=(thread,) if posts else ()
    )
