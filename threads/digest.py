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
from .identity import Index
from .model import Author, Options, Post, Reconstruction, Source
from .render import render_template
from .sequence import group, richness

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


def build(recs: Iterable[Reconstruction], failures: Iterable[tuple[str, str]] = ()) -> Digest:
    """The digest of ``recs``: copies of one post across articles merged (a prose quote of part
    of a post another article embeds is that post: :func:`threads.identity.same_post`), grouped by
    author, in time order."""
    posts: list[Post] = []
    sources: list[list[Source]] = []
    read: list[Source] = []
    index = Index(one_source=False)
    for rec in recs:
        read.append(rec.source)
        for post in rec.posts:
            n = index.find(post)
            if n is None:
                index.add(post)
                posts.append(post)
                sources.append([rec.source])
                continue
            if rec.source not in sources[n]:
                sources[n].append(rec.source)
            seen = posts[n]
            if richness(post) > richness(seen):  # the embed a quote was part of
                posts[n] = replace(post, published=post.published or seen.published)
                index.replace(n, posts[n])
            elif not seen.published and post.published:
                posts[n] = replace(seen, published=post.published)
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
