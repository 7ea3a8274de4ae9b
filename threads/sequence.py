"""sequence: from a flat list of posts to one thread per author, in order.

Authors are resolved handle first, then full name, then surname (a prose quote by "Donald Trump"
and a flattened embed by "Donald J. Trump (@realDonaldTrump)" are one author). The same post found
twice (an embed and the prose beside it, an AMP and a plain copy) is kept once, as the richer
record. Posts are ordered by date where known (the ID-encoded time counts as a date), else by
their place in the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from . import vocab
from .identity import merge_copies, name_key, same_author
from .lexicon import gender_of
from .model import Author, Post, Reconstruction, Source, Thread
from .people import is_name_word, is_title_word

_KIND_RANK = {"embed": 3, "remnant": 2, "quote": 1}


def richness(post: Post) -> tuple[int, int]:
    filled = sum(
        1 for v in (post.id, post.url, post.published, post.author.handle, post.author.name, post.text) if v
    )
    return (_KIND_RANK.get(post.kind, 0), filled + len(post.media) + len(post.quotes))


def _merge_pair(kept: Post, copy: Post) -> Post:
    """The richer of two copies of one post, evidence pooled, at the earlier place."""
    rich, poor = (copy, kept) if richness(copy) > richness(kept) else (kept, copy)
    return replace(
        rich,
        evidence=tuple(dict.fromkeys(rich.evidence + poor.evidence)),
        position=min(rich.position, poor.position),
        published=rich.published or poor.published,
    )


def merge_duplicates(posts: Iterable[Post]) -> list[Post]:
    """One record per post (:func:`threads.identity.same_post`), the richest kept, evidence pooled;
    document order preserved."""
    return merge_copies(posts, _merge_pair)


def _merge_authors(a: Author, b: Author) -> Author:
    """The fuller record of two, aliases pooled."""
    main, other = (
        (a, b) if (bool(a.handle), len(a.name or "")) >= (bool(b.handle), len(b.name or "")) else (b, a)
    )
    aliases = [x for x in dict.fromkeys(main.aliases + other.aliases + ((other.name,) if other.name else ()))]
    aliases = [x for x in aliases if x and x != main.name]
    return Author(
        name=main.name or other.name,
        handle=main.handle or other.handle,
        platform=main.platform or other.platform,
        url=main.url or other.url,
        role=main.role or other.role,
        aliases=tuple(aliases),
        id=main.id or other.id,
    )


def _sort_key_day(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def order(posts: list[Post]) -> list[Post]:
    """By date where known; an undated post keeps the date of the post before it in the source."""
    by_position = sorted(posts, key=lambda p: p.position)
    keyed = []
    carry: datetime | None = None
    for p in by_position:
        when = _sort_key_day(p.published)
        if when is not None:
            carry = when
        keyed.append((when or carry or datetime.min.replace(tzinfo=UTC), p.position, p))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [p for _, _, p in keyed]


def group(posts: list[Post]) -> list[Thread]:
    """One thread per author and platform, threads in order of their first post in the source.

    Two authors are one only with equal account IDs, equal handles or equal last names
    (:func:`threads.identity.same_author`), so a post is compared only with the threads indexed
    under its ID, handle or last name: a page of thousands of posts by as many authors costs
    linear time, not quadratic. Posts whose author the page does not name at all are one thread
    per platform.
    """
    buckets: list[tuple[Author, str, list[Post]]] = []
    by_id: dict[tuple[str, str], set[int]] = {}  # (platform, account ID) -> buckets
    unnamed: dict[str, int] = {}  # platform -> the bucket of posts whose author is not named
    by_handle: dict[tuple[str, str], set[int]] = {}  # (platform, handle) -> buckets
    by_last: dict[tuple[str, str], set[int]] = {}  # (platform, last name) -> buckets
    no_handle_by_last: dict[tuple[str, str], set[int]] = {}  # the same, buckets with no handle

    def index(i: int) -> None:
        author, platform, _ = buckets[i]
        last = name_key(author.name)[1]
        if author.id:
            by_id.setdefault((platform, author.id), set()).add(i)
        if author.handle:
            by_handle.setdefault((platform, author.handle.lower()), set()).add(i)
        if last:
            by_last.setdefault((platform, last), set()).add(i)
            if not author.handle:
                no_handle_by_last.setdefault((platform, last), set()).add(i)

    for post in posts:
        if not post.author.named:
            if post.platform in unnamed:
                buckets[unnamed[post.platform]][2].append(post)
            else:
                unnamed[post.platform] = len(buckets)
                buckets.append((post.author, post.platform, [post]))
            continue
        key_last = (post.platform, name_key(post.author.name)[1])
        found: set[int] = set()
        if post.author.id:
            found |= by_id.get((post.platform, post.author.id), set())
        if post.author.handle:
            found |= by_handle.get((post.platform, post.author.handle.lower()), set())
            if key_last[1]:
                found |= no_handle_by_last.get(key_last, set())
        elif key_last[1]:
            found |= by_last.get(key_last, set())
        # indexes may hold stale entries (an author's name or handle changes as records merge):
        # each candidate is checked again, the first in thread order wins
        for i in sorted(found):
            author, platform, members = buckets[i]
            if platform == post.platform and same_author(author, post.author):
                members.append(post)
                buckets[i] = (_merge_authors(author, post.author), platform, members)
                index(i)
                break
        else:
            buckets.append((post.author, post.platform, [post]))
            index(len(buckets) - 1)
    threads = []
    groups = set(unnamed.values())
    for i, (author, platform, members) in enumerate(buckets):
        if i in groups:
            # posts of different unnamed people ("one user", "another"): the group names no one,
            # and each post keeps its own author's description
            author = Author(platform=platform)
            ordered = [
                replace(p, author=replace(p.author, platform=p.author.platform or platform))
                for p in order(members)
            ]
        else:
            author = replace(
                author,
                platform=author.platform or platform,
                url=author.url or profile_url(platform, author.handle or author.id, members),
            )
            ordered = [replace(p, author=author) for p in order(members)]
        threads.append(Thread(author=author, platform=platform, posts=tuple(ordered)))
    return threads


def profile_url(platform: str, handle: str | None, posts: list[Post]) -> str | None:
    """The author's profile address, from the platform's template (a server's own for the
    fediverse: the host of a post's permalink)."""
    if not handle:
        return None
    return vocab.profile_url(platform, handle, next(filter(None, (_host(p.url) for p in posts)), None))


def _host(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # "http://[" and other addresses that do not parse
        return None


_NAME_RUN = re.compile(
    r"(?<![\w’'.\-])(?:(?:[A-ZÀ-ÖØ-Þ][a-z]{0,3}\.|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'\-]*)[ \u00a0]){1,3}"
    r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'\-]*(?![\w’'\-])"
)
"""Two to four capitalised words on one line: a full name, perhaps with a title or a role before it."""


def full_names(source: Source, posts: list[Post]) -> list[Post]:
    """A post whose author the article names by one word alone ("Oyelaran", "King") is by the
    one person it names in full with that last word ("chef Marcus Oyelaran", "Rep. Peter King"),
    when it names exactly one: the full name becomes the author's name, the word an alias. Two
    people of one surname ("Donald Trump", "Melania Trump") leave the word as it is."""
    short = {
        p.author.name
        for p in posts
        if p.author.name and not p.author.handle and " " not in p.author.name.strip()
    }
    if not short:
        return posts
    text = "\n".join(p.text for p in source.paragraphs) or source.text
    found: dict[str, set[str]] = {}
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        if words[-1] not in short:
            continue
        while words and (not is_name_word(words[0]) or is_title_word(words[0]) or gender_of(words[0])):
            words.pop(0)  # "Rep.", "chef", "Verlobte", "The": a title, a role, an article
        if len(words) >= 2 and all(is_name_word(w) for w in words):
            found.setdefault(words[-1], set()).add(" ".join(words))
    full = {last: names.pop() for last, names in found.items() if len(names) == 1}
    if not full:
        return posts
    out = []
    for p in posts:
        name = p.author.name
        if name in full and not p.author.handle:
            aliases = tuple(dict.fromkeys((*p.author.aliases, name)))
            p = replace(p, author=replace(p.author, name=full[name], aliases=aliases))
        out.append(p)
    return out


def sequence(source: Source, posts: list[Post]) -> Reconstruction:
    """Threads from the flat posts of one source."""
    return Reconstruction(source=source, threads=tuple(group(merge_duplicates(full_names(source, posts)))))
