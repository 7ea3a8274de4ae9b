"""The JSON a reconstruction is written as (``threads/1``), read back into the model's records.

``archive add`` takes what ``render --format jsonl`` wrote elsewhere as well as pages; both go
through :func:`reconstruction_from_dict`, so the archive reads one shape. A line that is not that
shape is an :class:`~threads.errors.UnreadableInput` naming what is wrong, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, cast, get_args

from ..errors import UnreadableInput
from ..model import (
    SCHEMA,
    Author,
    Media,
    MediaKind,
    Post,
    PostKind,
    Published,
    Reconstruction,
    Source,
    Thread,
)

__all__ = ["parse_published", "post_from_dict", "reconstruction_from_dict"]

_KINDS: frozenset[str] = frozenset({"embed", "remnant", "quote"})
_MAX_DEPTH = 8
"""Quoted posts nested deeper than this are left out (a quote of a quote of ... is hostile)."""


class _Bad(ValueError):
    """A field that is not what the schema says (caught once, turned into UnreadableInput)."""


def parse_published(value: Any) -> Published | None:
    """An ISO 8601 date or datetime string (as the JSON writes them) -> ``date`` or ``datetime``."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _Bad(f"a date must be a string, not {type(value).__name__}")
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _Bad(f"{value[:40]!r} is not an ISO 8601 date") from None


def _str(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Bad(f"{what} must be a string, not {type(value).__name__}")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Bad(f"{what} must be a list, not {type(value).__name__}")
    return value


def _dict(value: Any, what: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Bad(f"{what} must be an object, not {type(value).__name__}")
    return value


def author_from_dict(data: Any) -> Author:
    d = _dict(data, "author")
    aliases = tuple(a for a in _list(d.get("aliases"), "aliases") if isinstance(a, str))
    return Author(
        name=_str(d.get("name"), "author name"),
        handle=_str(d.get("handle"), "handle"),
        platform=_str(d.get("platform"), "author platform"),
        url=_str(d.get("url"), "author url"),
        role=_str(d.get("role"), "role"),
        aliases=aliases,
    )


_MEDIA_KINDS = frozenset(get_args(MediaKind))


def post_from_dict(data: Any, depth: int = 0) -> Post:
    """One post of the JSON (``Post.to_dict()``) as a :class:`~threads.model.Post`."""
    d = _dict(data, "post")
    kind = d.get("kind") or "quote"
    if kind not in _KINDS:
        raise _Bad(f"kind {str(kind)[:20]!r} is not embed, remnant or quote")
    media = []
    for m in _list(d.get("media"), "media"):
        md = _dict(m, "media")
        url = _str(md.get("url"), "media url")
        if url:
            media_kind = _str(md.get("kind"), "media kind")
            known = cast(MediaKind, media_kind if media_kind in _MEDIA_KINDS else "link")  # another: a link
            media.append(Media(url=url, kind=known, alt=_str(md.get("alt"), "alt")))
    quotes = (
        tuple(post_from_dict(q, depth + 1) for q in _list(d.get("quotes"), "quotes"))
        if depth < _MAX_DEPTH
        else ()
    )
    confidence = d.get("confidence", 1.0)
    if not isinstance(confidence, int | float) or isinstance(confidence, bool):
        raise _Bad("confidence must be a number")
    position = d.get("position", 0)
    if not isinstance(position, int) or isinstance(position, bool):
        raise _Bad("position must be an integer")
    return Post(
        platform=_str(d.get("platform"), "platform") or "unknown",
        text=_str(d.get("text"), "text") or "",
        author=author_from_dict(d.get("author")),
        kind=cast(PostKind, kind),
        id=_str(d.get("id"), "id"),
        url=_str(d.get("url"), "url"),
        published=parse_published(d.get("published")),
        quotes=quotes,
        media=tuple(media),
        links=tuple(x for x in _list(d.get("links"), "links") if isinstance(x, str)),
        position=position,
        evidence=tuple(x for x in _list(d.get("evidence"), "evidence") if isinstance(x, str)),
        confidence=float(confidence),
        extra=dict(_dict(d.get("extra"), "extra")),
    )


def source_from_dict(data: Any) -> Source:
    d = _dict(data, "source")
    kind = d.get("kind") or "html"
    captured = parse_published(d.get("captured"))
    return Source(
        location=_str(d.get("location"), "location") or "",
        kind="text" if kind == "text" else "html",
        text="",
        url=_str(d.get("url"), "url"),
        title=_str(d.get("title"), "title"),
        published=parse_published(d.get("published")),
        captured=captured if isinstance(captured, datetime) else None,
    )


def reconstruction_from_dict(data: Any, *, where: str) -> Reconstruction:
    """A ``threads/1`` record (``Reconstruction.to_dict()``, or a line of ``--format jsonl``) read
    back; ``where`` names it in errors ("results.jsonl:12")."""
    try:
        d = _dict(data, "a record")
        if d.get("schema") != SCHEMA:
            raise _Bad(f"not a {SCHEMA} record (schema {str(d.get('schema'))[:30]!r})")
        threads = []
        for t in _list(d.get("threads"), "threads"):
            td = _dict(t, "thread")
            posts = tuple(post_from_dict(p) for p in _list(td.get("posts"), "posts"))
            threads.append(
                Thread(
                    author=author_from_dict(td.get("author")),
                    platform=_str(td.get("platform"), "platform") or "unknown",
                    posts=posts,
                )
            )
        return Reconstruction(source=source_from_dict(d.get("source")), threads=tuple(threads))
    except (_Bad, RecursionError) as e:
        raise UnreadableInput(f"{where}: {e}") from None
