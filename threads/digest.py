"""digest: many pages into one Markdown digest, grouped by author, posts in time order.

Each input is reconstructed on its own (``threads.reconstruct``); one that cannot be read is
reported and left out. A post quoted by two articles is listed once, with both as its sources.
Authors are matched across pages the way ``sequence`` matches them within one page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import ThreadsError
from .model import Author, Options, Post, Reconstruction, Source
from .render import render_template
from .sequence import group, words

log = logging.getLogger(__name__)

__all__ = [
    "Digest",
    "Entry",
    "Section",
    "build",
    "digest",
    "render_digest",
]


@dataclass(frozen=True, slots=True)
class Entry:
    """One post in the digest and every article that quotes it (in input order)."""

    post: Post
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """One author on one platform, posts in time order."""

    author: Author
    platform: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    """What ``digest.md`` renders: the sections, the articles read, the inputs that failed."""

    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    failures: tuple[tuple[str, str], ...]
    """(input, one-line reason) for each input left out."""

    @property
    def post_count(self) -> int:
        return sum(len(s.entries) for s in self.sections)


def _same_post(a: Post, b: Post) -> bool:
    if a.id and b.id and a.platform == b.platform:
        return a.id == b.id
    if a.url and b.url:
        return a.url.rstrip("/").lower() == b.url.rstrip("/").lower()
    same_author = a.author.key() == b.author.key() or (
        bool(a.author.name) and words(a.author.name) == words(b.author.name)
    )
    return same_author and bool(words(a.text)) and words(a.text) == words(b.text)


def build(recs: Iterable[Reconstruction], failures: Iterable[tuple[str, str]] = ()) -> Digest:
    """The digest of ``recs``: duplicates across articles merged, grouped by author, in time order."""
    posts: list[Post] = []
    sources: list[list[Source]] = []
    read: list[Source] = []
    for rec in recs:
        read.append(rec.source)
        for post in rec.posts:
            for i, seen in enumerate(posts):
                if _same_post(post, seen):
                    if rec.source not in sources[i]:
                        sources[i].append(rec.source)
                    if not seen.published and post.published:
                        posts[i] = replace(seen, published=post.published)
                    break
            else:
                posts.append(post)
                sources.append([rec.source])
    # A position unique across the whole digest lets each post find its sources after grouping.
    numbered = [replace(p, position=i) for i, p in enumerate(posts)]
    sections = [
        Section(
            author=t.author,
            platform=t.platform,
            entries=tuple(Entry(p, tuple(sources[p.position])) for p in t.posts),
        )
        for t in group(numbered)
    ]
    sections.sort(key=lambda s: ((s.author.name or s.author.handle or "").casefold(), s.platform))
    return Digest(sections=tuple(sections), sources=tuple(read), failures=tuple(failures))


def digest(
    inputs: Iterable[str | Path],
    *,
    options: Options | None = None,
    on_error: Callable[[str, ThreadsError], None] | None = None,
    reconstruct: Callable[..., Reconstruction] | None = None,
) -> Digest:
    """Reconstruct each input (a path, an http(s) URL or ``-``, as on the command line) and build
    the digest; an unreadable input is reported and skipped."""
    from .load import argument

    if reconstruct is None:
        from . import reconstruct as _reconstruct

        reconstruct = _reconstruct
    recs: list[Reconstruction] = []
    failures: list[tuple[str, str]] = []
    for item in inputs:
        try:
            recs.append(reconstruct(item if isinstance(item, Path) else argument(item), options=options))
        except ThreadsError as e:
            reason = " ".join(str(e).split())
            failures.append((str(item), reason.removeprefix(f"{item}: ")))
            if on_error:
                on_error(str(item), e)
            else:
                log.warning("%s: skipped: %s", item, e)
    return build(recs, failures)


def render_digest(d: Digest, *, templates: str | Path | None = None, title: str | None = None) -> str:
    """The digest as Markdown through ``digest.md`` (a user's one first)."""
    context: dict[str, Any] = {"digest": d, "title": title or "Digest of quoted posts"}
    return render_template("digest.md", templates=templates, **context)
