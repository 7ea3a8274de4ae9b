"""render: a Reconstruction as Markdown, a standalone HTML page, JSON, JSON Feed or ActivityStreams.

One Jinja ``Environment``: a user's template folder first, then the built-in templates;
HTML autoescaped, Markdown escaped with the ``md`` filter, undefined names an error.
The formats are one ordered table, :data:`RENDERERS`; adding a format is one function and one row.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, Literal
from urllib.parse import quote, urlsplit

import jinja2
import markupsafe

from . import __version__, cachedir, safe, vocab
from .errors import TemplateProblem
from .model import Author, Post, Reconstruction, Thread, iso

# Characters that start inline Markdown syntax or raw HTML anywhere, and block syntax at a line start.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&]|!(?=\[))")
_MD_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")

JSON_SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "threads-1.json"

__all__ = [
    "CONTENTS_OPEN_UP_TO",
    "FILTERS",
    "FORMATS",
    "JSON_SCHEMA_PATH",
    "RENDERERS",
    "Item",
    "Placed",
    "View",
    "builtin_templates",
    "display_name",
    "environment",
    "hashtag_url",
    "human_date",
    "iso_date",
    "json_schema",
    "many_voices",
    "md_escape",
    "md_post",
    "mention_url",
    "platform_label",
    "profile_url",
    "render",
    "render_template",
    "safe_url",
    "shown_links",
    "to_activitystreams",
    "to_json",
    "to_jsonfeed",
    "view_of",
    "view_on",
    "yaml_value",
]
"""The JSON Schema of ``--format json`` (``schema: "threads/1"``), shipped inside the package."""


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or the repository's top-level folder."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "thread.md").is_file():
            return candidate
    raise TemplateProblem(f"built-in templates not found next to {here}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema for ``Reconstruction.to_dict()``, as a dict."""
    data: dict[str, Any] = json.loads(JSON_SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


# --------------------------------------------------------------------------------------------- filters


_NOT_SLUG = re.compile(r"[^\w\- ]")


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is http, https or mailto (after undoing obfuscation), else None:
    :func:`threads.safe.url`, the one allowlist of every output."""
    return safe.url(url)


def md_escape(text: Any) -> str:
    """Text for Markdown: every character that could become syntax or HTML is backslash-escaped."""
    s = safe.shown("" if text is None else str(text))
    s = " ".join(s.split())
    return _MD_BLOCK_START.sub(_escape_block_start, _md_inline(s))


def _md_inline(s: str) -> str:
    return _MD_INLINE.sub(r"\\\1", s)


_YAML_ESCAPED = re.compile(
    r"""
    [\\"]                          # the two characters a double-quoted YAML scalar must escape
    | [\x00-\x1f\x7f-\x9f]          # controls, NEL (a line break in YAML 1.1) among them
    | [\u2028\u2029\ufeff\ufffe\uffff]  # line and paragraph separators, BOM, noncharacters
    | [\[\]()!*_`<>&\#|~]            # Markdown or HTML syntax, should a renderer show the front matter
    """,
    re.VERBOSE,
)
_YAML_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def yaml_value(value: Any) -> str:
    """``value`` as YAML for front matter: a double-quoted UTF-8 string (the characters listed in
    :data:`_YAML_ESCAPED` as escapes, which every YAML loader reads back; emoji and every other
    character as themselves), ``null``, a number, or a flow list of these.

    >>> yaml_value("Café 🌊 [x]"), yaml_value(None), yaml_value(["a", 2])
    ('"Café 🌊 \\\\u005bx\\\\u005d"', 'null', '["a", 2]')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    text = safe.encodable(str(value))
    return '"' + _YAML_ESCAPED.sub(lambda m: _YAML_SHORT.get(m[0]) or f"\\u{ord(m[0]):04x}", text) + '"'


def _escape_block_start(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def md_url(url: str | None) -> str:
    """A safe URL as a Markdown link destination (``<...>``, with ``<``, ``>`` and spaces encoded)."""
    ok = safe_url(url)
    if not ok:
        return ""
    return "<" + ok.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def gfm_slug(text: Any) -> str:
    """The anchor GitHub gives a heading of this (visible) text: lowercase, punctuation dropped,
    spaces as hyphens ("Jane Doe (@jdoe)" -> "jane-doe-jdoe")."""
    s = plain(text).strip().lower()
    s = _NOT_SLUG.sub("", s)
    return s.replace(" ", "-")


def author_heading(author: Author) -> str:
    """The visible heading of an author's section: "Name (@handle)", "@handle" or "Name"."""
    heading = display_name(author)
    if author.handle and author.name:
        heading += f" (@{author.handle})"
    return heading


def plain(text: Any) -> str:
    """Text with control, bidi and zero-width characters removed (for HTML, which autoescapes the rest)."""
    return safe.shown("" if text is None else str(text))


# Editorial marks inside quoted text: "[percent]" is an insertion, "[…]" an elision.
_EDIT_MARK = re.compile(r"\[[^\[\]<>\n]{1,40}\]")
_ELISIONS = {"…", "...", ". . .", "..", "…."}


def _edit_mark_html(mark: str) -> str:
    inner = mark[1:-1].strip()
    if inner in _ELISIONS:
        return f'<span class="elision" title="words left out by the article">{markupsafe.escape(mark)}</span>'
    return f'<span class="ins" title="added by the article">{markupsafe.escape(mark)}</span>'


def edit_marks(text: Any) -> markupsafe.Markup:
    """Escape ``text`` for HTML, then mark editorial insertions ("[percent]") and elisions ("[…]")."""
    s = plain(text)
    out: list[str] = []
    last = 0
    for m in _EDIT_MARK.finditer(s):
        out.append(str(markupsafe.escape(s[last : m.start()])))
        out.append(_edit_mark_html(m.group(0)))
        last = m.end()
    out.append(str(markupsafe.escape(s[last:])))
    return markupsafe.Markup("".join(out))


_TOKEN = re.compile(
    r"(?P<url>\bhttps?://[^\s<>\"'\]]+[^\s<>\"'\].,;:!?)’”])"
    r"|(?<![\w@/.])@(?P<handle>\w(?:[\w.-]*\w)?)(?:@(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))?"
    r"|(?<![\w&#/])#(?P<tag>\w*[^\W\d_]\w*)"
    r"|(?P<mark>\[[^\[\]<>\n]{1,40}\])"
)


def _host(url: str | None) -> str | None:
    ok = safe_url(url)
    return urlsplit(ok).hostname if ok else None


def mention_url(handle: str | None, platform: str | None, base_url: str | None = None) -> str | None:
    """The profile link of ``@handle`` on ``platform`` (``user@host`` for the fediverse; a bare
    Mastodon handle takes the host of ``base_url``, the post's permalink), or None."""
    return vocab.profile_url(platform, handle, _host(base_url))


def hashtag_url(tag: str | None, platform: str | None, base_url: str | None = None) -> str | None:
    """The hashtag page of ``#tag`` on ``platform``, or None."""
    if not tag:
        return None
    known = vocab.PLATFORMS.get(platform or "")
    pattern = known.hashtag if known else None
    host = _host(base_url)
    if not pattern or ("{host}" in pattern and not host):
        return None
    return pattern.format(tag=quote(tag.lstrip("#"), safe=""), host=host)


def profile_url(author: Author, platform: str | None = None) -> str | None:
    """The author's profile: the URL the markup gave, else one made from the handle."""
    return safe_url(author.url) or mention_url(author.handle, platform or author.platform)


def _a(href: str, text: str, cls: str) -> str:
    return (
        f'<a class="{cls}" href="{markupsafe.escape(href)}" rel="nofollow noopener noreferrer">'
        f"{markupsafe.escape(text)}</a>"
    )


# A web address as a post shows it: with its scheme, or as the display form platforms print in place
# of a long or wrapped link ("example.org/2024/05/bridge-op…" for a t.co link, Bluesky's and
# Mastodon's shortened links), a host with a top-level domain of letters and perhaps a path. Without
# a scheme the top-level domain is in lower case, as platforms print it: two sentences run together
# ("Mr.Smith", "today.Then") are not an address.
_SHOWN_URL = re.compile(
    r"""
    (?<![\w@/.:-])                          # not inside a word, an e-mail address or another URL
    (?P<scheme>https?://)?
    (?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+
    (?(scheme) [A-Za-z]{2,24} | [a-z]{2,24} )                     # .tld
    (?: /[^\s<>"']* )?                        # path, query ...
    (?: (?<=\.\.\.) | (?<![.,;:!?)\]’”]) )     # an ellipsis ends it, the sentence's punctuation not
    (?! [\w@-] | :/ )                         # nor a word, an address or a scheme ("end.https://")
    """,
    re.VERBOSE,
)
_ELLIPSIS = ("…", "...")


def _bare(url: str) -> str:
    """An address without scheme, ``www.``, a trailing ellipsis or slash, lower case, to compare."""
    s = re.sub(r"^https?://(?:www\.)?", "", url.strip(), flags=re.IGNORECASE)
    for mark in _ELLIPSIS:
        s = s.removesuffix(mark)
    return s.rstrip("/").lower()


def _stands_for(shown: str, link: str, scheme: bool) -> bool:
    """Whether the address ``shown`` in a post's text is the one its link ``link`` points to: the
    link itself, a shortened display of it, or (for a wrapper such as t.co) the address it leads to."""
    bare, target = _bare(shown), _bare(link)
    if not bare:
        return False
    if target == bare or (not scheme and target.startswith(bare) and shown.endswith(_ELLIPSIS)):
        return True
    # A wrapper's link stands for any address the text shows, except another wrapped one.
    return (
        not scheme
        and _host(link) in vocab.LINK_WRAPPERS
        and _host(f"https://{bare}") not in vocab.LINK_WRAPPERS
    )


def shown_links(text: str, links: Sequence[str] | None) -> list[tuple[int, int, str]]:
    """(start, end, href) of each address that ``text`` shows without its scheme and whose target is
    one of the post's ``links``: a display form ("example.org/2024/05/bridge-op…") paired with the
    link the markup gave under it (a ``t.co`` address, or the full URL it abbreviates).

    Links are the post's anchors in text order, and the shown addresses are paired with them in
    that order: every pair must agree (the display form is the start of the link, or the link is a
    wrapper such as t.co); a t.co link is paired only when the text shows as many addresses as
    there are links, so that no address is given another's target.

    >>> shown_links("Read example.org/a/very-lo… now", ["https://t.co/Ab1"])
    [(5, 27, 'https://t.co/Ab1')]
    >>> shown_links("example.org and https://t.co/Ab1", ["https://t.co/Ab1"])
    []
    """
    urls = [u for u in map(safe_url, links or ()) if u]
    if not urls or not text:
        return []
    shown = list(_SHOWN_URL.finditer(text))
    wrappers_ok = len(shown) == len(urls)
    out: list[tuple[int, int, str]] = []
    i = 0
    for m in shown:
        if i >= len(urls):
            break
        scheme = bool(m.group("scheme"))
        if _host(urls[i]) in vocab.LINK_WRAPPERS and not wrappers_ok and not scheme:
            continue
        if _stands_for(m.group(0), urls[i], scheme):
            if not scheme:
                out.append((m.start(), m.end(), urls[i]))
            i += 1
    return out


def _tokens_html(s: str, start: int, end: int, platform: str | None, base_url: str | None) -> str:
    """``s[start:end]`` as HTML: escaped; links, @mentions and #hashtags linked; edit marks styled."""
    out: list[str] = []
    last = start
    for m in _TOKEN.finditer(s, start, end):
        out.append(str(markupsafe.escape(s[last : m.start()])))
        last = m.end()
        whole = m.group(0)
        href: str | None = None
        if m.group("url"):
            href = safe_url(whole)
            cls = "link"
        elif m.group("handle"):
            handle = m.group("handle") + (f"@{m.group('host')}" if m.group("host") else "")
            href = mention_url(handle, platform, base_url)
            cls = "mention"
        elif m.group("tag"):
            href = hashtag_url(m.group("tag"), platform, base_url)
            cls = "hashtag"
        else:
            out.append(_edit_mark_html(whole))
            continue
        out.append(_a(href, whole, cls) if href else str(markupsafe.escape(whole)))
    out.append(str(markupsafe.escape(s[last:end])))
    return "".join(out)


def post_html(
    text: Any,
    platform: str | None = None,
    base_url: str | None = None,
    links: Sequence[str] | None = None,
) -> markupsafe.Markup:
    """Post text as HTML: escaped; links, @mentions and #hashtags linked on ``platform``; edit marks styled.

    ``base_url`` is the post's permalink (it names the Mastodon instance for bare mentions and tags);
    ``links`` are the post's own links (:attr:`Post.links`): an address the text shows in its display
    form ("example.org/2024/05/bridge-op…") links to the one the markup gave (:func:`shown_links`).
    """
    s = plain(text)
    out: list[str] = []
    last = 0
    for start, end, href in shown_links(s, links):
        out.append(_tokens_html(s, last, start, platform, base_url))
        out.append(_a(href, s[start:end], "link"))
        last = end
    out.append(_tokens_html(s, last, len(s), platform, base_url))
    return markupsafe.Markup("".join(out))


def md_post(text: Any, links: Sequence[str] | None = None) -> str:
    """Post text for Markdown: :func:`md_escape`, with each address the text shows in its display
    form linked to the post's link it stands for (:func:`shown_links`)."""
    s = " ".join(safe.shown("" if text is None else str(text)).split())
    out: list[str] = []
    last = 0
    for start, end, href in shown_links(s, links):
        out.append(_md_inline(s[last:start]))
        out.append(f"[{_md_inline(s[start:end])}]({md_url(href)})")
        last = end
    out.append(_md_inline(s[last:]))
    return _MD_BLOCK_START.sub(_escape_block_start, "".join(out))


def human_date(value: date | datetime | str | None) -> str:
    """ "October 17, 2017" for a day; with the time ("October 17, 2017, 14:05 UTC") when known."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        zone = ""
        if value.tzinfo is not None:
            offset = value.utcoffset()
            zone = " UTC" if not offset else " " + value.strftime("%z")
        return value.strftime("%B %-d, %Y, %H:%M") + zone
    return value.strftime("%B %-d, %Y")


def iso_date(value: date | datetime | None) -> str:
    """ISO 8601, a date alone when only the day is known; empty for None."""
    return value.isoformat() if value is not None else ""


def platform_label(platform: str | None) -> str:
    """A platform's display name ("X (Twitter)", "Bluesky")."""
    known = vocab.PLATFORMS.get(platform or "")
    if known is not None:
        return known.label
    return "unknown platform" if platform in (None, "", "unknown") else platform.title()


def display_name(author: Author) -> str:
    """Name, else @handle, else the account ID (a Bluesky DID), else "Unknown author"."""
    return author.name or (f"@{author.handle}" if author.handle else author.id or "Unknown author")


def group_heading(author: Author, platform: str | None, count: int) -> str:
    """The heading of one author's posts: :func:`author_heading`; for the posts whose author the
    page does not name, what they are ("12 Instagram posts whose author the page does not name")."""
    if author.named:
        return author_heading(author)
    posts = "post" if count == 1 else "posts"
    return f"{count} {platform_label(platform)} {posts} whose author the page does not name"


def md_anchors(headings: Any) -> list[str]:
    """The anchors GitHub gives a document's headings (:func:`gfm_slug`), a repeated one numbered
    as GitHub numbers it ("jane-doe", "jane-doe-1"), so that every link to a section finds it."""
    seen: dict[str, int] = {}
    anchors: list[str] = []
    for heading in headings:
        slug = base = gfm_slug(heading)
        while slug in seen:
            seen[base] += 1
            slug = f"{base}-{seen[base]}"
        seen.setdefault(slug, 0)
        anchors.append(slug)
    return anchors


def view_on(platform: str | None) -> str:
    """The words of a link to a post on its platform: "View on Bluesky", "View on X (Twitter)"."""
    if platform in vocab.PLATFORMS:
        return f"View on {platform_label(platform)}"
    return "View the original post"


# --------------------------------------------------------------------------------------------- the page


CONTENTS_OPEN_UP_TO = 3
"""The most entries a contents box shows unfolded (:attr:`View.contents_open`)."""

Layout = Literal["threads", "voices"]
ItemKind = Literal["thread", "voice"]


@dataclass(frozen=True, slots=True)
class Placed:
    """A post with its place: its thread's number in ``rec.threads`` and its own in the thread,
    both from 1 (the anchor ``thread-{number}-post-{n}``, as the JSON Feed's item IDs name it)."""

    post: Post
    number: int
    n: int


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the page, in the order the article quotes them."""

    kind: ItemKind
    """``thread``: a heading for the author, then the posts numbered on a rail; ``voice``: one
    post, compact, its author's line above it."""
    thread: Thread
    posts: tuple[Placed, ...]
    """The posts shown here (a post gathered at the end is not)."""

    @property
    def number(self) -> int:
        """The thread's place in ``rec.threads``, from 1: the entry's anchor is ``thread-{number}``."""
        return self.posts[0].number


@dataclass(frozen=True, slots=True)
class View:
    """How the HTML and Markdown views lay out a Reconstruction (:func:`view_of`)."""

    layout: Layout
    """``voices`` when the article quotes many authors once each (:func:`many_voices`), else ``threads``."""
    items: tuple[Item, ...]
    """The threads and single posts, in the article's order."""
    textless: tuple[Placed, ...]
    """Posts the page holds without their text, gathered at the end as a list of links, in the
    order the page has them."""
    authors: int
    """Named authors (one per thread: an author on two platforms counts twice)."""

    @property
    def entries(self) -> int:
        """Lines of the contents list: one per item, and one for the posts gathered at the end."""
        return len(self.items) + (1 if self.textless else 0)

    @property
    def contents_open(self) -> bool:
        """Whether the HTML contents box starts unfolded: for a few threads only. Each line takes
        two lines on a phone, and the first post must stay on the first screen (390 x 844 px)."""
        return self.layout == "threads" and self.entries <= CONTENTS_OPEN_UP_TO


def _has_content(post: Post) -> bool:
    return bool(plain(post.text).strip()) or bool(post.quotes)


def many_voices(threads: Sequence[Thread]) -> bool:
    """Whether the article quotes many voices rather than a few threads: at least two authors the
    page names, and more than half of their threads hold a single post. Posts whose author the
    page does not name are left out of the count (they are not one voice)."""
    named = [t for t in threads if t.author.named]
    singles = sum(1 for t in named if len(t.posts) == 1)
    return len(named) >= 2 and 2 * singles > len(named)


def view_of(rec: Reconstruction) -> View:
    """The page's entries and what is gathered at its end.

    Posts without text (no words, no quoted post) are gathered at the end as a list of links: every
    post of a named author's thread that holds none with text, and each such post of the posts whose
    author the page does not name. A thread whose other posts have text keeps them all, so that its
    numbering stays whole. In the ``voices`` layout a named author's single post is a compact entry
    (and so is a lone post whose author the page does not name); the threads keep their view, in
    their place in the article.
    """
    voices = many_voices(rec.threads)
    items: list[Item] = []
    textless: list[Placed] = []
    for number, thread in enumerate(rec.threads, 1):
        placed = [Placed(post, number, n) for n, post in enumerate(thread.posts, 1)]
        with_text = [_has_content(p.post) for p in placed]
        if thread.author.named and any(with_text):
            with_text = [True] * len(placed)
        kept = tuple(p for p, keep in zip(placed, with_text, strict=True) if keep)
        textless.extend(p for p, keep in zip(placed, with_text, strict=True) if not keep)
        if kept:
            items.append(Item("voice" if voices and len(kept) == 1 else "thread", thread, kept))
    return View(
        layout="voices" if voices else "threads",
        items=tuple(items),
        textless=tuple(sorted(textless, key=lambda p: p.post.position)),
        authors=sum(1 for t in rec.threads if t.author.named),
    )


FILTERS: Mapping[str, Callable[..., Any]] = {
    "md": md_escape,
    "yaml": yaml_value,
    "md_url": md_url,
    "plain": plain,
    "gfm_slug": gfm_slug,
    "author_heading": author_heading,
    "edit_marks": edit_marks,
    "post_html": post_html,
    "safe_url": safe_url,
    "mention_url": mention_url,
    "hashtag_url": hashtag_url,
    "profile_url": profile_url,
    "display_name": display_name,
    "group_heading": group_heading,
    "md_anchors": md_anchors,
    "human_date": human_date,
    "iso_date": iso_date,
    "platform_label": platform_label,
    "view_on": view_on,
    "md_post": md_post,
}


@lru_cache(maxsize=8)
def environment(user_dir: str | None = None) -> jinja2.Environment:
    """The Jinja environment: ``user_dir`` (if any) first, then the built-in templates."""
    loaders: list[jinja2.BaseLoader] = []
    if user_dir:
        if not Path(user_dir).is_dir():
            raise TemplateProblem(f"{user_dir}: template folder not found")
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.FileSystemLoader(str(builtin_templates())))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml"), default_for_string=False
        ),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(),
        finalize=_finalize,
    )
    env.filters.update(FILTERS)
    env.policies["json.dumps_function"] = _inert_json
    return env


def _finalize(value: Any) -> Any:
    """Every ``{{ ... }}`` of every template, a user's too, as :func:`threads.safe.shown` leaves it:
    no control, bidi or invisible character reaches an output (a filter's Markup stays Markup)."""
    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(safe.shown(value))
    if isinstance(value, str):
        return safe.shown(value)
    return value


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs (a one-page render skips ~30 ms of compiling per
    template); a cache that cannot be read or written is simply not used."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """In the user's cache folder (:mod:`threads.cachedir`); none when caching is off or the folder
    is unusable. Entries are keyed by the template's source, so an edited template is compiled
    afresh."""
    folder = cachedir.folder(f"templates-{__version__}")
    return None if folder is None else _QuietBytecodeCache(folder)


# Characters that Markdown (or HTML) would read as syntax in a value a renderer shows as text,
# written as JSON \u escapes by ``tojson`` (front matter): the same value once parsed, no syntax.
_MD_IN_JSON = re.compile(r"[\[\]()!*_`<>&#|~]")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _inert_json(obj: Any, **kwargs: Any) -> str:
    return _JSON_STRING.sub(
        lambda m: _MD_IN_JSON.sub(lambda c: f"\\u{ord(c.group(0)):04x}", m.group(0)),
        json.dumps(obj, **kwargs),
    )


_TEMPLATE_FRAMES = ("template", "top-level template code")


def _template_frames(tb: TracebackType | None) -> Iterator[tuple[str, int]]:
    """(template file, line) for each frame of a rendering traceback that belongs to a template."""
    while tb is not None:
        code = tb.tb_frame.f_code
        # Jinja rewrites tracebacks so that template code shows as frames named like these,
        # with the template's file name and line.
        if code.co_name in _TEMPLATE_FRAMES or code.co_name.startswith(("block ", "macro ")):
            yield code.co_filename, tb.tb_lineno
        tb = tb.tb_next


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def render_template(name: str, *, templates: str | Path | None = None, **context: Any) -> str:
    """Render the template called ``name`` (a user's one first); errors become one-line TemplateProblems."""
    env = environment(str(templates) if templates else None)
    try:
        template = env.get_template(name)
        return template.render(version=__version__, **context)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateProblem(
            f"{e.filename or e.name or name}:{e.lineno}: {_one_line(e.message or '')}"
        ) from None
    except jinja2.TemplateNotFound as e:
        raise TemplateProblem(f"template not found: {e.name}") from None
    except (jinja2.TemplateError, TypeError, AttributeError, ValueError, LookupError) as e:
        # Errors a template can cause; the innermost template frame says where. A bug in this
        # package's own Python code has no template frame and is raised as it is.
        frames = list(_template_frames(e.__traceback__))
        if not frames:
            raise
        where, line = frames[-1]
        message = e.message if isinstance(e, jinja2.TemplateError) and e.message else str(e)
        raise TemplateProblem(f"{where}:{line}: {_one_line(message)}") from None


# --------------------------------------------------------------------------------------------- formats


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_json(rec: Reconstruction) -> dict[str, Any]:
    """The ``threads/1`` JSON (see :data:`JSON_SCHEMA_PATH`); clean as ``to_dict`` makes it."""
    return rec.to_dict()


def _rfc3339(value: date | datetime | None) -> tuple[str | None, str | None]:
    """(RFC 3339 date-time, precision note) for feeds that need a full timestamp.

    A day alone becomes midnight UTC with precision "day"; a time with no zone is taken as UTC with
    precision "time, zone unknown". The exact value stays in the record's ``threads`` extension.
    """
    if value is None:
        return None, None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC).isoformat(), "time, zone unknown"
        return value.isoformat(), None
    return datetime(value.year, value.month, value.day, tzinfo=UTC).isoformat(), "day"


def _article_url(rec: Reconstruction) -> str | None:
    return safe_url(rec.source.url) or safe_url(rec.source.location)


def _post_id(rec: Reconstruction, post: Post, anchor: str) -> str:
    if safe_url(post.url):
        return str(safe_url(post.url))
    if post.id:
        return f"{post.platform}:{post.id}"
    return f"{_article_url(rec) or rec.source.location}#{anchor}"


def _numbered(rec: Reconstruction) -> Iterator[tuple[int, int, Post]]:
    for t, thread in enumerate(rec.threads, 1):
        for n, post in enumerate(thread.posts, 1):
            yield t, n, post


def to_jsonfeed(rec: Reconstruction) -> dict[str, Any]:
    """JSON Feed 1.1: one item per post, ``external_url`` the article that quoted it."""
    article = _article_url(rec)
    items = []
    for t, n, post in _numbered(rec):
        published, precision = _rfc3339(post.published)
        item: dict[str, Any] = {
            "id": _post_id(rec, post, f"thread-{t}-post-{n}"),
            "content_text": plain(post.text),
            "authors": [_feed_author(post.author, post.platform)],
        }
        if safe_url(post.url):
            item["url"] = safe_url(post.url)
        if article:
            item["external_url"] = article
        if published:
            item["date_published"] = published
        tags = [m.group("tag") for m in _TOKEN.finditer(plain(post.text)) if m.group("tag")]
        if tags:
            item["tags"] = list(dict.fromkeys(tags))
        item["_threads"] = {
            "platform": post.platform,
            "published": iso(post.published),
            "published_precision": precision,
            "kind": post.kind,
            "quotes": [
                {"author": display_name(q.author), "text": plain(q.text), "url": safe_url(q.url)}
                for q in post.quotes
            ],
            "media": [{**m.to_dict(), "url": safe_url(m.url)} for m in post.media if safe_url(m.url)],
        }
        items.append(item)
    feed: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": plain(rec.source.title or rec.source.location),
        "description": f"Social-media posts quoted in {plain(rec.source.title or rec.source.location)}",
        "items": items,
    }
    if article:
        feed["home_page_url"] = article
    authors = [_feed_author(t.author, t.platform) for t in rec.threads]
    if authors:
        feed["authors"] = authors
    cleaned: dict[str, Any] = safe.data(feed)  # no control character in any string (threads.safe)
    return cleaned


def _feed_author(author: Author, platform: str) -> dict[str, Any]:
    out: dict[str, Any] = {"name": display_name(author)}
    url = profile_url(author, platform)
    if url:
        out["url"] = url
    return out


AS2_CONTEXT = "https://www.w3.org/ns/activitystreams"
_AS2_MEDIA = {"photo": "Image", "image": "Image", "video": "Video", "gif": "Image", "audio": "Audio"}


def _as2_note(rec: Reconstruction, post: Post, anchor: str, context: dict[str, Any]) -> dict[str, Any]:
    author: dict[str, Any] = {"type": "Person", "name": display_name(post.author)}
    if post.author.handle:
        author["preferredUsername"] = post.author.handle
    if profile_url(post.author, post.platform):
        author["url"] = profile_url(post.author, post.platform)
    note: dict[str, Any] = {
        "type": "Note",
        "id": _post_id(rec, post, anchor),
        "attributedTo": author,
        "content": f"<p>{post_html(post.text, post.platform, post.url)}</p>",
        "mediaType": "text/html",
        "context": context,
    }
    if safe_url(post.url):
        note["url"] = safe_url(post.url)
    published, precision = _rfc3339(post.published)
    if published:
        note["published"] = published
        if precision:
            # Not an AS2 term (JSON-LD processors drop it); plain JSON readers learn the precision.
            note["publishedPrecision"] = precision
    tags: list[dict[str, Any]] = []
    for m in _TOKEN.finditer(plain(post.text)):
        if m.group("handle"):
            handle = m.group("handle") + (f"@{m.group('host')}" if m.group("host") else "")
            tag = {"type": "Mention", "name": "@" + handle}
            href = mention_url(handle, post.platform, post.url)
        elif m.group("tag"):
            tag = {"type": "Hashtag", "name": "#" + m.group("tag")}
            href = hashtag_url(m.group("tag"), post.platform, post.url)
        else:
            continue
        if href:
            tag["href"] = href
        tags.append(tag)
    quotes = []
    for i, q in enumerate(post.quotes, 1):
        inner = _as2_note(rec, q, f"{anchor}-quote-{i}", context)
        quotes.append(inner)
        if safe_url(q.url):
            # FEP-e232 object link, as Mastodon and Misskey read quote posts.
            tags.append(
                {
                    "type": "Link",
                    "mediaType": 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"',
                    "href": safe_url(q.url),
                    "name": f"RE: {safe_url(q.url)}",
                }
            )
    if quotes:
        # FEP-044f "quote" (the quoted Note, embedded: its id is its permalink when known), and
        # Misskey's "quoteUrl" for the first quoted post that has a permalink.
        note["quote"] = quotes[0] if len(quotes) == 1 else quotes
        first_url = next((q["url"] for q in quotes if "url" in q), None)
        if first_url:
            note["quoteUrl"] = first_url
    media = [
        {
            "type": _AS2_MEDIA.get(m.kind, "Document"),
            "url": safe_url(m.url),
            **({"name": plain(m.alt)} if m.alt else {}),
        }
        for m in post.media
        if safe_url(m.url)
    ]
    if media:
        note["attachment"] = media
    if tags:
        note["tag"] = tags
    return note


def to_activitystreams(rec: Reconstruction) -> dict[str, Any]:
    """ActivityStreams 2.0: an ``OrderedCollection`` of ``Note`` objects, the article as their ``context``."""
    context: dict[str, Any] = {"type": "Article", "name": plain(rec.source.title or rec.source.location)}
    if _article_url(rec):
        context["url"] = _article_url(rec)
    published, _ = _rfc3339(rec.source.published)
    if published:
        context["published"] = published
    notes = [_as2_note(rec, post, f"thread-{t}-post-{n}", context) for t, n, post in _numbered(rec)]
    collection: dict[str, Any] = safe.data(  # no control character in any string (threads.safe)
        {
            "@context": AS2_CONTEXT,
            "type": "OrderedCollection",
            "name": f"Posts quoted in {context['name']}",
            "context": context,
            "totalItems": len(notes),
            "orderedItems": notes,
        }
    )
    return collection


Renderer = Callable[..., str]


def _template_renderer(name: str) -> Renderer:
    def run(rec: Reconstruction, *, templates: str | Path | None = None, show_evidence: bool = False) -> str:
        return render_template(
            name, templates=templates, rec=rec, view=view_of(rec), show_evidence=show_evidence
        )

    return run


def _json_renderer(build: Callable[[Reconstruction], Any]) -> Renderer:
    def run(rec: Reconstruction, **_: Any) -> str:
        return _dump(build(rec))

    return run


RENDERERS: Mapping[str, Renderer] = {
    "md": _template_renderer("thread.md"),
    "html": _template_renderer("thread.html"),
    "json": _json_renderer(to_json),
    "jsonfeed": _json_renderer(to_jsonfeed),
    "activitystreams": _json_renderer(to_activitystreams),
}
"""Output formats, in the order the CLI lists them."""
FORMATS = tuple(RENDERERS)


def render(
    rec: Reconstruction,
    fmt: str = "md",
    *,
    templates: str | Path | None = None,
    show_evidence: bool = False,
) -> str:
    """``rec`` as ``fmt`` (one of :data:`FORMATS`), with templates from ``templates`` first."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(rec, templates=templates, show_evidence=show_evidence)
