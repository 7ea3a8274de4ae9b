"""One record per post: copies found by several extractors or several times are merged.

Which records are one post is :func:`threads.identity.same_post`'s to say (the ID, else the
permalink, else the text by one author). The richest copy (most non-empty fields) wins; the
others fill its gaps; the post sits where its first copy sits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .. import identity
from ..model import Post


def richness(post: Post) -> int:
    """How many fields the record fills."""
    a = post.author
    fields = (post.text, a.name, a.handle, post.id, post.url, post.published, post.media, post.quotes)
    return sum(1 for f in fields if f)


def merge_copies(posts: Sequence[Post]) -> list[Post]:
    """Posts sorted by position, copies of one post (:func:`threads.identity.same_post`) merged."""
    return identity.merge_copies(sorted(posts, key=lambda p: p.position), _merge_pair)


def _merge_pair(kept: Post, copy: Post) -> Post:
    return _merge([kept, copy])


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
