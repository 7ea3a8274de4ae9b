"""Shared helpers of the embed extractors: selectors, text rendering, dates, and the post builder.

Nothing here knows a platform; the platform modules bring their own selectors and URL patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, TypeVar, cast
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement as HtmlElement

from .. import hints, vocab
from ..dom import INDEXED_TAGS, Page
from ..dom import squash as squash  # re-exported: the embed modules import it from here
from ..model import Author, Media, Post, Published

# ---------------------------------------------------------------- selectors


def has_class(name: str) -> str:
    """An XPath predicate body: the element's class attribute holds the token ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _screenshot_lead(platform_words: str, nouns: str) -> str:
    """How a screenshot's alt text opens: "{platform} post by", "Post on {platform} by", "{noun} by"."""
    alone = f"|{nouns}" if nouns else ""
    return f"(?:(?:{platform_words}) post|post (?:on|from) (?:{platform_words}){alone}) by "


def screenshots(platform_words: str, nouns: str = "") -> xpath:
    """Screenshot fallbacks: an image whose ``alt`` (or a lazy holder's ``data-alt``) reads
    "{platform} post by @handle: text" or "Post on {platform} by Name (@handle): text" (``nouns``:
    a post's own name, "Tweet by …"), as some publishers print instead of the embed."""
    # contains(...) is a cheap test in libxml2 that every match passes; the regular expression (a
    # call back into Python) then only sees the few candidates left
    cheap = "contains(@{attr}, '@') and contains(translate(@{attr}, 'BY', 'by'), ' by ')"
    lead = _screenshot_lead(platform_words, nouns)
    test = cheap + " and re:test(@{attr}, '^\\s*" + lead + "[^@:]{{0,80}}@', 'i')"
    return xpath(f"//img[{test.format(attr='alt')}] | //*[{test.format(attr='data-alt')}]")


def screenshot_alt(platform_words: str, handle: str, nouns: str = "") -> re.Pattern[str]:
    """The parts of a screenshot's alt text (see :func:`screenshots`): ``name`` (maybe none),
    ``handle`` (of the characters ``handle`` allows) and ``text``."""
    lead = _screenshot_lead(platform_words, nouns)
    return re.compile(
        rf"^\s*{lead}(?:(?P<name>[^@:()\n]{{1,80}}?)\s*\(\s*)?@(?P<handle>{handle}{{1,30}})\)?\s*:?\s*(?P<text>.*)$",
        re.I | re.S,
    )


def src_matches(pattern: str) -> str:
    """An XPath predicate body: an attribute of the element (``src``, a lazy loader's ``data-src``,
    ``data-lazy-src``, ``iframe-src`` ...) matches the regex ``pattern``."""
    return f"@*[re:test(., '{pattern}', 'i')]"


_CASE_KIN = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The characters outside ASCII that a regular expression's IGNORECASE takes for ASCII letters
(dotted and dotless I, long s, the Kelvin sign)."""


def names_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (ASCII, lower case), case ignored as a regular
    expression's IGNORECASE ignores it. One lower-cased copy and a substring search per word: on a
    long text (a script's data, parked markup) many times faster than an alternation searched with
    IGNORECASE, which tries every position."""
    if not text.isascii() and any(c in text for c in "\u0130\u0131\u017f\u212a"):
        text = text.translate(_CASE_KIN)
    folded = text.lower()
    return any(word in folded for word in words)


_NOT_ADDRESSES = ("about:", "data:", "javascript:", "#")


def frame_src(el: HtmlElement) -> str:
    """The URL an iframe loads: ``src``, or else the first attribute holding an http(s) address
    (lazy loaders and consent managers move it to ``data-src``, ``data-lazy-src``, ``iframe-src``,
    ``data-cmplz-src`` ..., and leave ``about:blank`` or nothing in ``src``)."""
    src: str = (el.get("src") or "").strip()
    if src and not src.lower().startswith(_NOT_ADDRESSES):
        return src
    for name, value in el.items():
        address = str(value).strip()
        if name != "src" and address.lower().startswith(("http://", "https://", "//")):
            return address
    return src


_NAMESPACES = {"re": "http://exslt.org/regular-expressions"}
_BRANCH = re.compile(r"^//(?P<tag>[a-z][a-z0-9-]*|\*)(?P<predicates>(?:\[.*\])?)$", re.S)


class xpath:
    """Elements selected by an XPath (``re:`` is EXSLT regular expressions), compiled once at import.

    A union is read branch by branch, each a ``//TAG[...]``. A branch on a tag the page indexes
    (:data:`threads.dom.INDEXED_TAGS`) tests its predicates on the page's list of such elements
    (:meth:`threads.dom.Page.tagged`); a branch on any other tag (or ``*``) tests them on the
    elements flagged by the one look at the page's attributes (:mod:`threads.hints`), so its
    predicates must ask for something that look flags (an attribute holding an address, markup or
    JSON, a named attribute, an embed class). No selector walks the tree. Results come in document
    order.
    """

    def __init__(self, expr: str) -> None:
        self.expr = expr
        self._branches: list[tuple[str, etree.XPath | None]] = []
        for branch in (b.strip() for b in expr.split(" | ")):
            m = _BRANCH.match(branch)
            if m is None:
                raise ValueError(f"not a //TAG[...] branch: {branch!r}")
            tag, preds = m["tag"], m["predicates"]
            if tag not in INDEXED_TAGS and tag != "*":
                preds = f"[self::{tag}]{preds}"
            compiled = etree.XPath("$nodes" + preds, namespaces=_NAMESPACES) if preds else None
            self._branches.append((tag, compiled))

    def __call__(self, page: Page) -> list[HtmlElement]:
        found: list[HtmlElement] = []
        for tag, compiled in self._branches:
            nodes = page.tagged(tag) if tag in INDEXED_TAGS else hints.of(page).elements
            if nodes:
                found.extend(cast(list[HtmlElement], compiled(page.root, nodes=nodes)) if compiled else nodes)
        if len(self._branches) > 1 and len(found) > 1:
            found = _in_document_order(page, found)
        return found


def around_links(page: Page, tag: str, pattern: re.Pattern[str]) -> list[HtmlElement]:
    """The ``tag`` elements that hold a link (``a[href]``) whose address ``pattern`` matches, read
    off the links the page scan kept, in document order."""
    found: dict[HtmlElement, None] = {}
    for hit in hints.of(page).hits:
        el = hit.element
        if el.tag == "a" and hit.name == "href" and pattern.match(hit.value.strip()):
            for holder in el.iterancestors(tag):
                found[holder] = None
    return _in_document_order(page, list(found)) if len(found) > 1 else list(found)


def either(page: Page, *groups: list[HtmlElement]) -> list[HtmlElement]:
    """The elements of several selections, once each, in document order."""
    chosen = [el for group in groups for el in group]
    return _in_document_order(page, chosen) if len(chosen) > 1 else chosen


def _in_document_order(page: Page, found: list[HtmlElement]) -> list[HtmlElement]:
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=page.order)


_Found = TypeVar("_Found")


def figure_link(fig: HtmlElement, parse: Callable[[str | None], _Found | None]) -> _Found | None:
    """What ``parse`` reads from the first link, or else the first word, of a CMS embed figure
    (``figure.wp-block-embed-*``) that holds only the post's bare URL; ``None`` when the figure
    holds a blockquote or an iframe (the markup passes read those) or nothing ``parse`` takes."""
    if fig.find(".//blockquote") is not None or fig.find(".//iframe") is not None:
        return None
    for candidate in [a.get("href") for a in fig.iter("a")] + squash(fig.text_content()).split():
        if (found := parse(candidate)) is not None:
            return found
    return None


def query_value(url: str, name: str) -> str:
    """The first value of query parameter ``name`` in ``url``; "" when absent or the URL does not parse."""
    try:
        return (parse_qs(urlsplit(url).query).get(name) or [""])[0]
    except ValueError:  # "https://[..." and other URLs urllib refuses
        return ""


def classes(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


_SCHEME = re.compile(r"^(?:https?://)?(?:www\.|mobile\.)?")


def _bare(address: str) -> str:
    return _SCHEME.sub("", address.strip().casefold()).rstrip("/")


def shows_address(text: str, href: str) -> bool:
    """Whether a link's text is its address, written out or cut short ("x.com/ann/status/12…")."""
    shown = _bare(text).rstrip("…").rstrip(".")
    return len(shown) >= 10 and "/" in shown and _bare(href).startswith(shown)


_HTTP = re.compile(r"(?i)https?://")
_SCHEMED = re.compile(r"(?i)[a-z][a-z0-9+.-]*:")


def absolute(href: str | None, base: str | None = None) -> str | None:
    """An absolute http(s) URL for ``href`` ("//host/x" gets https), or ``None``."""
    if not href:
        return None
    href = href.strip()
    if href.startswith("//"):
        return "https:" + href
    if _HTTP.match(href):
        return href
    if base and not _SCHEMED.match(href):
        joined = urljoin(base, href)
        return joined if _HTTP.match(joined) else None
    return None


# ---------------------------------------------------------------- text

_SKIP_TAGS = frozenset({"script", "style", "template", "svg", "noscript", "button", "iframe", "object"})
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "blockquote",
        "table",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "hr",
    }
)
_BR, _BLOCK = "\x00", "\x01"
_SPACES = re.compile(r"[^\S\n]+|\u200b|\u200c|\ufeff")


@dataclass(eq=False)
class Rendered:
    """Plain text of a piece of markup, with the links and media it names."""

    text: str = ""
    links: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    anchors: list[HtmlElement] = field(default_factory=list)
    """The ``a`` elements kept in the text, in order."""


MediaTest = Callable[[HtmlElement, str], Media | None]
"""Tells whether an ``a`` (with its visible text) stands for an attachment rather than a link."""


def render(
    el: HtmlElement,
    *,
    skip: Callable[[HtmlElement], bool] | None = None,
    stop_at: HtmlElement | None = None,
    media_link: MediaTest | None = None,
    base_url: str | None = None,
) -> Rendered:
    """The visible text of ``el``: ``<br>`` and blocks become line breaks, emoji images their alt.

    ``skip`` leaves out subtrees (their tails stay), ``stop_at`` ends the text where that element
    starts, ``media_link`` moves attachment links out of the text into ``media``.
    """
    out = Rendered()
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if node is stop_at:
                break
            if node is not el and (not tag or tag in _SKIP_TAGS or (skip is not None and skip(node))):
                walker.skip_subtree()
                continue
            if tag == "br":
                parts.append(_BR)
            elif tag in BLOCK_TAGS:
                parts.append(_BLOCK)
            elif tag == "img":
                alt = node.get("alt") or ""
                if alt and (len(alt) <= 8 or "emoji" in (node.get("class") or "").lower()):
                    parts.append(alt)
            elif tag == "a":
                visible = squash(node.text_content())
                found = media_link(node, visible) if media_link is not None else None
                if found is not None:
                    out.media.append(found)
                    walker.skip_subtree()
                    continue
                href = absolute(node.get("href"), base_url)
                if href and not visible.startswith(("#", "@", "$")):
                    out.links.append(href)
                out.anchors.append(node)
            if node.text:
                parts.append(node.text)
        else:
            if tag in BLOCK_TAGS and node is not el:
                parts.append(_BLOCK)
            if node is not el and node.tail:
                parts.append(node.tail)
    out.text = tidy("".join(parts))
    return out


_LINE_EDGES = re.compile(r" *\n *")
_BLANK_RUN = re.compile(r"\n{3,}")


def tidy(raw: str) -> str:
    """Source white space to single spaces; line-break markers to ``\\n`` (at most one blank line)."""
    text = _SPACES.sub(" ", raw.replace("\n", " ").replace("\r", " ").replace("\xa0", " "))
    text = text.replace(_BLOCK, "\n\n").replace(_BR, "\n")
    text = _LINE_EDGES.sub("\n", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()


def find_trailer(pattern: re.Pattern[str], text: str) -> tuple[str | None, str, int] | None:
    """``(name, handle, where the trailer starts)`` for a trailer ``pattern`` anchored at the end.

    Only the last ``TRAILER_WINDOW`` characters are searched: trailers are short, and a lazy
    name group tried from every dash of a long text would cost its length squared.
    """
    cut = max(0, len(text) - TRAILER_WINDOW)
    m = pattern.search(text, cut)
    if m is None:
        return None
    return squash(m["name"]) or None, m["handle"], m.start()


TRAILER_WINDOW = 400

# ---------------------------------------------------------------- dates

_TZINFOS: Mapping[str, int] = {k: v * 3600 for k, v in vocab.TIME_ZONES.items()}
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
_TOKEN = re.compile(r"[^\W\d_]+\.?|\d{1,2}:\d{2}(?::\d{2})?|\d+")
_AMPM = {"am": "am", "pm": "pm", "a.m.": "am", "p.m.": "pm"}
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def parse_date(text: str | None, *, near: datetime | None = None) -> Published | None:
    """The day (or, with a time zone, the moment) a localised date text names, or ``None``.

    ``near`` (a time decoded from the post's ID) picks between day-first and month-first readings
    of numeric dates and rejects a reading more than a day and a half away from it.
    """
    if not text:
        return None
    text = squash(text)
    candidates: list[Published | None] = []
    if m := _CJK_DATE.search(text) or _ISO_DATE.search(text):
        candidates.append(_safe_date(int(m[1]), int(m[2]), int(m[3])))
    elif m := _NUMERIC_DATE.search(text):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        first = (b, a) if m[2] == "." else (a, b)
        candidates += [_safe_date(year, first[0], first[1]), _safe_date(year, first[1], first[0])]
    else:
        candidates.append(_parse_words(text))
    found = [c for c in candidates if c is not None]
    if near is not None:
        close = [c for c in found if _distance(c, near) <= timedelta(hours=36)]
        return close[0] if close else None
    return found[0] if found else None


def _distance(value: Published, near: datetime) -> timedelta:
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return abs(moment - near)
    noon = datetime(value.year, value.month, value.day, 12, tzinfo=UTC)
    return abs(noon - near)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse_words(text: str, *, keep_time: bool = False) -> Published | None:
    """Month names in any known language become English; other words drop; dateutil reads the rest.

    Cached: a page repeats its few date texts, and dateutil is the slow part of reading an embed.
    """
    kept: list[str] = []
    has_month = has_time = False
    tz: str | None = None
    for token in _TOKEN.findall(text):
        low = token.lower()
        if token[0].isdigit():
            kept.append(token)
            has_time = has_time or ":" in token
        elif (month := vocab.MONTHS.get(low.rstrip("."))) is not None:
            kept.append(vocab.ENGLISH_MONTHS[month])
            has_month = True
        elif low in _AMPM or low.rstrip(".") in _AMPM:
            kept.append(_AMPM.get(low, _AMPM.get(low.rstrip("."), "")))
        elif token.upper() in vocab.TIME_ZONES and token.isupper():
            tz = token.upper()
    if not has_month:
        return None
    if not has_time and tz is None and (day_first := _plain_day(kept)) is not None:
        return day_first
    cleaned = " ".join(kept + ([tz] if tz else []))
    from dateutil import parser as date_parser  # ~20 ms to import: only for dates it must read

    try:
        a, b = (date_parser.parse(cleaned, default=d, tzinfos=dict(_TZINFOS)) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if a.year != b.year or a.day != b.day:
        return None  # the text lacks the year or the day
    if has_time and (a.tzinfo is not None or keep_time):
        return a
    return a.date()


def _plain_day(kept: list[str]) -> date | None:
    """The common case without dateutil: one month name, a day number and a four-digit year."""
    numbers = [t for t in kept if t.isdigit()]
    months = [i for i, name in enumerate(vocab.ENGLISH_MONTHS) if name and name in kept]
    if len(kept) != 3 or len(numbers) != 2 or len(months) != 1:
        return None
    years = [int(n) for n in numbers if len(n) == 4]
    days = [int(n) for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) != 1:
        return None
    return _safe_date(years[0], months[0], days[0])


def localize(moment: datetime, text: str | None) -> Published:
    """``moment`` (UTC, from a ``datetime`` attribute) in the offset its local date text implies.

    Instagram prints "Jun 16, 2019 at 7:30am PDT" beside ``datetime="2019-06-16T14:30:55+00:00"``:
    the result keeps the exact moment and the day the reader saw. Without a usable text the
    moment stays in UTC; with a text giving only a day, that day wins when it is within a day.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = _parse_words(squash(text), keep_time=True) if text else None
    if isinstance(local, datetime):
        if local.tzinfo is not None:
            return moment.astimezone(local.tzinfo)
        quarter = timedelta(minutes=15)
        offset = round((local - moment.replace(tzinfo=None)) / quarter) * quarter
        if abs(offset) <= timedelta(hours=14) and abs(local - moment.replace(tzinfo=None) - offset) < quarter:
            return moment.astimezone(timezone(offset))
    elif isinstance(local, date) and abs(local - moment.date()) <= timedelta(days=1):
        return local
    return moment


def choose_published(text: str | None, id_time: datetime | None) -> tuple[Published | None, dict[str, Any]]:
    """When the post was published: the moment its ID encodes (UTC, to the second or better) where
    the page's date text agrees with it or gives none, else the day (or moment) the text names.

    The text stays in ``published_text``; a text that contradicts the ID (more than a day and a
    half apart: an ID read with the wrong scheme) wins, and the ID's moment is kept beside it.
    """
    extra: dict[str, Any] = {}
    if text:
        extra["published_text"] = squash(text)
    if id_time is None:
        return parse_date(text), extra
    if text and parse_date(text, near=id_time) is None and (written := parse_date(text)) is not None:
        extra["id_time"] = id_time
        return written, extra
    return id_time, extra


# ---------------------------------------------------------------- posts


@dataclass(frozen=True, slots=True)
class Link:
    """A post's address as a reader parsed it: a permalink, or an embed endpoint that names the post."""

    platform: str
    id: str | None
    url: str | None
    """The canonical permalink (``None`` where the address does not give one)."""
    handle: str | None = None
    """The author's handle where the address names it (``/{handle}/status/``, ``/@{handle}/``)."""
    author_id: str | None = None
    """The author's permanent ID where the address names it (a Bluesky DID)."""
    id_time: datetime | None = None
    """The moment the ID encodes, where it encodes one."""
    embed: bool = False
    """The address is the platform's embed endpoint (``/embed``, ``plugins/post.php``): only an
    embed loads it, unlike a permalink, which a writer may link in prose."""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    """What else the address names (a Bluesky post's AT URI, a LinkedIn URN)."""


def same_handle(shown: str | None, linked: str | None) -> str | None:
    """The handle the permalink gives where the card shows the same one (a fediverse handle keeps
    its server: "ann@social.example" for a card's "@ann"), else the card's."""
    if linked and (not shown or linked.lower().partition("@")[0] == shown.lower().partition("@")[0]):
        return linked
    return shown


@dataclass(frozen=True, slots=True)
class Draft:
    """What a reader read of one embedded post; :meth:`post` makes the :class:`~threads.model.Post`.

    Readers fill what the markup holds and leave the rest; ``published`` comes from ``date_text``
    and ``id_time`` (:func:`choose_published`) unless given.
    """

    platform: str
    evidence: str
    """Why this is a post: the markup it was read from ("markup blockquote.twitter-tweet")."""
    text: str = ""
    author: Author = field(default_factory=Author)
    """Name, handle, profile URL and account ID as the markup gives them (platform set by :meth:`post`)."""
    id: str | None = None
    url: str | None = None
    published: Published | None = None
    date_text: str | None = None
    """The date as the page prints it ("October 17, 2017"), kept in ``extra["published_text"]``."""
    id_time: datetime | None = None
    """The moment the post's ID encodes."""
    quotes: tuple[Post, ...] = ()
    media: tuple[Media, ...] = ()
    links: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    text_expected: bool = True
    """False where the markup never holds the text (an iframe): no ``text_missing`` mark then."""

    @classmethod
    def of_link(cls, link: Link, evidence: str, **more: Any) -> Draft:
        """A draft of what ``link`` tells: platform, ID, permalink, handle, account ID, time."""
        author = more.pop("author", Author(handle=link.handle, id=link.author_id))
        extra = {**link.extra, **more.pop("extra", {})}
        return cls(
            link.platform,
            evidence,
            author=author,
            id=link.id,
            url=link.url,
            id_time=link.id_time,
            extra=extra,
            **more,
        )

    def post(self, page: Page, el: HtmlElement) -> Post:
        """The post, placed where ``el`` sits in the page."""
        more: dict[str, Any] = {}
        published = self.published
        if published is None:
            published, more = choose_published(self.date_text, self.id_time)
        elif self.date_text:
            more["published_text"] = squash(self.date_text)
        more.update(self.extra)
        text = self.text.strip()
        if not text and self.text_expected:
            more["text_missing"] = True
        a = self.author
        handle = a.handle.lstrip("@") if a.handle else None
        author = Author(
            name=a.name or None, handle=handle or None, platform=self.platform, url=a.url, id=a.id or None
        )
        return Post(
            platform=self.platform,
            text=text,
            author=author,
            kind="embed",
            id=self.id,
            url=self.url,
            published=published,
            quotes=tuple(
                q if q.quoted_in else replace(q, quoted_in=self.id or self.url) for q in self.quotes
            ),
            media=tuple(dict.fromkeys(self.media)),
            links=tuple(dict.fromkeys(self.links)),
            position=page.position(el),
            evidence=(self.evidence,),
            extra=more,
        )
