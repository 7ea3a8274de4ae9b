"""schema.org JSON-LD posts: ``SocialMediaPosting`` and ``DiscussionForumPosting``.

Recognises ``script[type="application/ld+json"]`` items (top level, lists, ``@graph``, and nested
values) of those two types, as forum and post pages carry them: ``author`` (Person ``name``,
``url``, ``alternateName``), ``text``/``articleBody``/``headline``, ``datePublished``, ``url``,
``identifier``. Articles almost never mark their embeds so; other types are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from .. import vocab
from ..dom import Page
from ..model import Author, Post, Published
from ._common import Draft, HtmlElement, names_any, squash, xpath

PLATFORM = "jsonld"

POSTING_TYPES = frozenset({"socialmediaposting", "discussionforumposting"})
_SCRIPTS = xpath("//script[translate(@type, 'LDJSON', 'ldjson')='application/ld+json']")
_MAX_DEPTH = 12
_POSTING_WORDS = ("socialmediaposting", "discussionforumposting")


def _types(item: dict[str, Any]) -> set[str]:
    raw = item.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1].lower() for v in values if v}


def _walk(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for v in value:
            yield from _walk(v, depth + 1)
    elif isinstance(value, dict):
        if _types(value) & POSTING_TYPES:
            yield value
        for v in value.values():
            if isinstance(v, dict | list):
                yield from _walk(v, depth + 1)


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str | None:
    value = _first(value)
    return squash(str(value)) or None if isinstance(value, str | int) else None


def _published(value: Any) -> Published | None:
    text = _text(value)
    if not text:
        return None
    from dateutil import parser as date_parser  # loaded when a posting carries a date

    try:
        moment: datetime = date_parser.isoparse(text)
    except ValueError:
        return None
    return moment.date() if len(text) <= 10 else moment


def _post(page: Page, script: HtmlElement, item: dict[str, Any]) -> Post:
    author = _first(item.get("author"))
    name = author_url = handle = None
    if isinstance(author, dict):
        name, author_url = _text(author.get("name")), _text(author.get("url"))
        handle = _text(author.get("alternateName"))
    elif isinstance(author, str):
        name = squash(author) or None
    url = _text(item.get("url")) or _text(item.get("@id"))
    # the permalink's host names the platform; any other host (or none) gives "unknown"
    platform = vocab.platform_of_url(url) or "unknown"
    text = _text(item.get("text")) or _text(item.get("articleBody")) or _text(item.get("headline")) or ""
    return Draft(
        platform,
        f"json-ld {'/'.join(sorted(_types(item)))}",
        text=text,
        author=Author(name=name, handle=handle.lstrip("@") if handle else None, url=author_url),
        id=_text(item.get("identifier")),
        url=url,
        published=_published(item.get("datePublished")),
    ).post(page, script)


def extract(page: Page) -> Iterator[Post]:
    for script in _SCRIPTS(page):
        if not names_any(script.text or "", _POSTING_WORDS):
            continue  # most JSON-LD describes the article, its publisher and breadcrumbs
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue  # broken (common) or nested deeper than the decoder goes: nothing we can read
        for item in _walk(data):
            yield _post(page, script, item)
