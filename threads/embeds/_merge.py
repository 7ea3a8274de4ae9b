"""One record per post: copies found by several extractors or several times are merged.

Two records are one post when they share the platform and ID, the permalink, or (same platform,
same author or no author) the same text. The richest copy (most non-empty fields) wins; the
others fill its gaps; the post sits where its first copy sits.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..model import Post

_WORDS = re.compile(r"[^\W_]+")
_ID_PARAMS = frozenset({"story_fbid", "fbid", "id", "v", "p"})
"""Query parameters that name the post itself (facebook ``photo.php?fbid=``, ``watch?v=``)."""
_MIN_TEXT = 12
"""Shorter texts ("Yes!", "🔥") are too common to prove two records are one post."""


_SCHEME = re.compile(r"^[a-z]+://")
_HOST_PREFIX = re.compile(r"^(?:www\.|mobile\.|m\.)")
_X_HOST = re.compile(r"^x\.com/")
_STATUS_PATH = re.compile(r"^(twitter\.com/)(?:i/web/|[^/]+/)status(?:es)?/")


def url_key(url: str | None) -> str | None:
    """A permalink without scheme, www/mobile prefix, query, fragment or trailing slash."""
    if not url:
        return None
    u = _SCHEME.sub("", url.strip().lower())
    u = _HOST_PREFIX.sub("", u)
    u, _, query = u.partition("#")[0].partition("?")
    kept = sorted(kv for kv in query.split("&") if kv.split("=", 1)[0] in _ID_PARAMS)
    u = u.rstrip("/") + ("?" + "&".join(kept) if kept else "")
    u = _X_HOST.sub("twitter.com/", u)
    u = _STATUS_PATH.sub(r"\1status/", u)
    return u or None


def _keys(post: Post) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    if post.id:
        keys.append(("id", post.platform, post.id))
    if (u := url_key(post.url)) is not None:
        keys.append(("url", u))
    text = " ".join(_WORDS.findall(post.text.casefold()))
    if len(text) >= _MIN_TEXT:
        keys.append(("text", post.platform, text, (post.author.handle or "").lower()))
    return keys


def richness(post: Post) -> int:
    """How many fields the record fills."""
    a = post.author
    fields = (post.text, a.name, a.handle, post.id, post.url, post.published, post.media, post.quotes)
    return sum(1 for f in fields if f)


def merge_copies(posts: Sequence[Post]) -> list[Post]:
    """Posts sorted by position, copies of one post merged (linear in the number of posts)."""
    ordered = sorted(posts, key=lambda p: p.position)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, ...], int] = {}
    ids: dict[int, set[str]] = {i: {p.id} if p.id else set() for i, p in enumerate(ordered)}
    for i, post in enumerate(ordered):
        for key in _keys(post):
            j = owner.setdefault(key, i)
            if j == i:
                continue
            a, b = sorted((find(i), find(j)))
            if a == b or (key[0] == "text" and ids[a] and ids[b] and ids[a] != ids[b]):
                continue  # same text, different IDs: two posts that say the same thing
            parent[b] = a
            ids[a] |= ids.pop(b)
    groups: dict[int, list[Post]] = {}
    for i, post in enumerate(ordered):
        groups.setdefault(find(i), []).append(post)
    return [_merge(group) for group in groups.values()]


def _merge(group: list[Post]) -> Post:
    if len(group) == 1:
        return group[0]
    best = max(group, key=richness)  # the first of the richest, as max keeps the first
    author = best.author
    values = {f.name: getattr(best, f.name) for f in dataclasses.fields(Post)}
    extra = dict(best.extra)
    for other in group:
        if other is best:
            continue
        o = other.author
        author = dataclasses.replace(
            author,
            name=author.name or o.name,
            handle=author.handle or o.handle,
            url=author.url or o.url,
        )
        for name in ("text", "id", "url", "published", "quotes", "media", "links"):
            if not values[name] and getattr(other, name):
                values[name] = getattr(other, name)
        for k, v in other.extra.items():
            extra.setdefault(k, v)
    if values["text"]:
        extra.pop("text_missing", None)
    values.update(
        author=author,
        extra=extra,
        position=min(p.position for p in group),
        evidence=tuple(dict.fromkeys(e for p in group for e in p.evidence)),
    )
    return Post(**values)
