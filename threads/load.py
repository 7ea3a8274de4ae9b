"""load: turn what the user gave (path, URL, ``-``, str, bytes) into a :class:`~threads.model.Source`.

Bytes are decoded by BOM, then the declared charset, then detection (beautifulsoup4's
``UnicodeDammit``); mojibake left by an earlier wrong decode is repaired with ftfy. HTML is told from
plain text by sniffing, parsed once with lxml, and its running prose is cut into paragraphs in
document order so that the prose, remnant and caption scrapers read HTML and text alike.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Literal
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from . import dates, hints, safe, slots, textfix, vocab
from .dom import INDEXED_TAGS, PARSER, POSITION_STRIDE, UTF8_PARSER, Page, squash
from .errors import UnreadableInput, unreadable_file
from .model import Options, Paragraph, Published, Source

log = logging.getLogger(__name__)

MAX_BYTES = 64 * 1024 * 1024
"""Inputs larger than this are refused rather than risking memory."""

# Sniffing: a tag that only HTML would open with, near the start.
_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|section|main|blockquote|script|"
    r"span|iframe|figure|a\s|br|h[1-6]|ul|ol|li|table|link|style)[\s>/]",
    re.IGNORECASE,
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALIASES = {
    **vocab.CHARSET_ALIASES,
    # A charset found by reading the bytes as ASCII cannot be UTF-16 or UTF-32; browsers read UTF-8.
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be"), "utf-8"),
}

# Prose blocks: each flushes the text gathered so far as one paragraph.
_BLOCKS = frozenset(
    """
    p div h1 h2 h3 h4 h5 h6 li dd dt blockquote figcaption figure td th pre section article header
    footer aside main nav ul ol table tr form caption details summary address
    """.split()
)
# Never prose: code, widgets, and the structured embeds (which the embed extractors read).
_SKIP_TAGS = frozenset(
    """
    script style noscript template textarea iframe svg math object embed video audio canvas select
    button head title amp-twitter amp-instagram amp-facebook amp-reddit amp-iframe
    """.split()
)
_EMBED_CLASS = re.compile(
    r"\b(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|"
    r"text-post-media|reddit-embed-bq|reddit-card|fb-post|fb-video|fb-xfbml-parse-ignore)\b"
)
# Skipped elements that still end the paragraph before them.
_BREAKS = _BLOCKS | {
    "iframe",
    "amp-twitter",
    "amp-instagram",
    "amp-facebook",
    "amp-reddit",
    "video",
    "object",
}
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")


_URL = re.compile(r"https?://", re.IGNORECASE)

Kind = Literal["html", "text"]
KIND_OF_SUFFIX: dict[str, Kind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".txt": "text",
    ".text": "text",
}
"""What a file's name says it holds, trusted before sniffing (a ``.txt`` article that quotes a
``<script>`` tag is text); a file named otherwise is sniffed."""
KIND_OF_MEDIA_TYPE: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/vnd.wap.xhtml+xml": "html",
    "text/plain": "text",
}
"""What a Content-Type says a body holds, trusted as the file name is; other types are sniffed."""


def load(
    source: str | bytes | os.PathLike[str], *, url: str | None = None, options: Options | None = None
) -> Source:
    """Read ``source`` (a path, URL, ``-``, a string of HTML or text, or bytes) into a Source;
    a URL is fetched as ``options`` say (their deadline, private addresses refused or not)."""
    if isinstance(source, bytes | bytearray):
        return from_bytes(bytes(source), location="<bytes>", url=url)
    if isinstance(source, os.PathLike):
        if "\x00" in os.fspath(source):
            raise ValueError("source: a path cannot hold a NUL character")
        return from_path(Path(source), url=url)
    if source == "-":
        return from_stream(sys.stdin.buffer, location="-", url=url)
    if _URL.match(source) and "\n" not in source:
        from .fetch import get

        options = options or Options()
        page = get(source, deadline=options.fetch_deadline, refuse_private=options.refuse_private)
        return from_bytes(
            page.body,
            location=source,
            url=url or page.url,
            kind=KIND_OF_MEDIA_TYPE.get(page.media_type or ""),
        )
    if source.strip() and len(source) < 4096 and "\n" not in source:
        path = Path(source)
        if _is_file(path) or (
            "<" not in source
            and (_exists(path) or path.suffix.lower() in {".html", ".htm", ".txt", ".xhtml", ".md"})
        ):
            # a file named "a<b>.html" is still a file; a missing one is a path only without "<"
            if "\x00" in source:
                raise ValueError("source: a path cannot hold a NUL character")
            return from_path(path, url=url)
    return from_text(safe.encodable(source), location="<string>", url=url)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long for the system, or with a NUL: not a file
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the system, or with a NUL: not a file
        return False


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):")
_HOST_FIRST = re.compile(r"(?:www\d?\.[^/\s]+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/", re.IGNORECASE)
"""A path that starts like a host name ("www.example.org/story", "example.org/a/b")."""


def argument(text: str) -> str | Path:
    """What a command-line argument names: ``-`` (standard input) or an http(s) URL, as they are,
    else an existing file or folder, as a Path. Anything else is an :class:`UnreadableInput` saying
    so: the command line reads an article's text from a file or standard input, never from the
    argument itself (``threads.reconstruct`` still takes a str of HTML or text).

    >>> argument("-"), argument("https://example.org/a")
    ('-', 'https://example.org/a')
    """
    if text == "-" or _URL.match(text):
        return text
    path = Path(text)
    try:
        if path.exists():
            return path
    except (OSError, ValueError):  # a name too long for the system, or one with a NUL in it
        pass
    scheme = _SCHEME.match(text)
    if scheme:
        if scheme.group(1).lower() == "file":
            raise UnreadableInput(f"{text}: no such file (for a file, give its path, not a file: URL)")
        raise UnreadableInput(f"{text}: no such file, and only http and https URLs are fetched")
    if _HOST_FIRST.match(text):
        raise UnreadableInput(f"{text}: no such file (for a URL, write http:// or https:// before it)")
    raise UnreadableInput(f"{text}: no such file")


def from_path(path: Path, *, url: str | None = None) -> Source:
    """Read the file at ``path``; what its name says it holds (:data:`KIND_OF_SUFFIX`) is trusted."""
    data = read_path(path)
    return from_bytes(data, location=str(path), url=url, kind=KIND_OF_SUFFIX.get(path.suffix.lower()))


def read_path(path: Path) -> bytes:
    """The bytes of the file at ``path``, up to :data:`MAX_BYTES`; a one-line error otherwise."""
    try:
        if path.is_dir():
            raise UnreadableInput(f"{path}: is a directory, not a page")
        # Read through a bounded reader: the size stat() gives is no bound (a device such as
        # /dev/zero says 0 and never ends; a file may grow while it is read).
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_BYTES:  # a regular file says its size: refused without reading it
                raise UnreadableInput(f"{path}: {size} bytes, larger than the {MAX_BYTES}-byte limit")
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        raise unreadable_file(path, e, kind="a page") from None
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"{path}: larger than the {MAX_BYTES}-byte limit")
    return data


def from_stream(stream: IO[bytes], *, location: str, url: str | None = None) -> Source:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"{location}: larger than the {MAX_BYTES}-byte limit")
    return from_bytes(data, location=location, url=url)


def from_bytes(data: bytes, *, location: str, url: str | None = None, kind: Kind | None = None) -> Source:
    """Decode ``data`` and read it as ``kind`` says (HTML or text), or as sniffing tells when None."""
    text, encoding, utf8 = _decode(data, location=location)
    raw = data if _ASCII_SUPERSET.match(encoding) else None
    return from_text(
        text, location=location, url=url, encoding=encoding, raw=raw, kind=kind, utf8=data if utf8 else None
    )


_ASCII_SUPERSET = re.compile(r"(?:utf-?8|(?:us-)?ascii|latin-?1|iso-?8859-\d+|windows-125\d|cp125\d)$", re.I)
"""Encodings whose bytes spell ASCII text as ASCII: the raw bytes serve :meth:`Page.holds`."""


def decode(data: bytes, *, location: str) -> tuple[str, str]:
    """Bytes to text: BOM, then declared charset, then UTF-8, then detection."""
    text, encoding, _ = _decode(data, location=location)
    return text, encoding


def _decode(data: bytes, *, location: str) -> tuple[str, str, bool]:
    """:func:`decode`, and whether the text is ``data`` read as UTF-8 (or ASCII), every byte as it
    stands: then the parse may read the bytes themselves (:func:`parse_html`)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], enc, location), enc, False
    if _looks_utf16(data):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _strict(data, enc, location), enc, False
    m = _DECLARED.search(data[:4096])
    if m:
        declared = (m.group(1) or m.group(2)).decode("ascii").lower()
        enc = _ALIASES.get(declared, declared)
        try:
            return data.decode(enc), enc, codecs.lookup(enc).name in _UTF8_READS
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %r does not decode it", location, declared)
    try:
        return data.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError:
        pass
    text, enc = _detect(data, location)
    return text, enc, False


_UTF8_READS = frozenset({"utf-8", "ascii"})
"""Codecs (by their Python names) whose strict decoding of some bytes is the same text as UTF-8's."""


def _detect(data: bytes, location: str) -> tuple[str, str]:
    """Bytes that are not UTF-8 and declare no charset that reads them: UTF-8 with stray bytes,
    else the charset detection finds."""
    if _is_binary(data[:8192].decode("latin-1")):
        raise UnreadableInput(f"{location}: binary data, not a page or text")
    if _mostly_utf8(data):
        # UTF-8 with stray bytes (a truncated character, a paragraph pasted from a windows-1252 page):
        # detection would read the whole page in some other charset; keep the UTF-8 and read the
        # stray bytes as windows-1252.
        return data.decode("utf-8", errors=_STRAY_BYTES), "utf-8"
    from bs4 import UnicodeDammit

    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is None:
        raise UnreadableInput(f"{location}: cannot tell the text encoding")
    return dammit.unicode_markup, dammit.original_encoding or "unknown"


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_STRAY_BYTES = "threads-stray-bytes"


def _stray_bytes(e: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8, read as windows-1252 (latin-1 where it has a gap)."""
    assert isinstance(e, UnicodeDecodeError)
    bad = e.object[e.start : e.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), e.end


codecs.register_error(_STRAY_BYTES, _stray_bytes)


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes hold UTF-8 sequences and few bytes that are not (counted as invalid runs)."""
    valid = len(_UTF8_SEQUENCE.findall(data))
    if not valid:
        return False
    invalid = len(data.decode("utf-8", errors="replace")) - len(data.decode("utf-8", errors="ignore"))
    return valid >= invalid // 4


def _is_binary(head: str) -> bool:
    """NUL bytes and more than 1 in 100 control characters: a stray NUL in a page is not enough."""
    return "\x00" in head and len(_BINARY.findall(head)) > max(1, len(head) // 100)


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a BOM: NULs in one byte of each pair (ASCII text), few in the other
    (binary data has NUL runs in both)."""
    head = data[:200]
    if len(head) < 4:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return (odd > len(head) // 3 and even < len(head) // 8) or (
        even > len(head) // 3 and odd < len(head) // 8
    )


def _strict(data: bytes, enc: str, location: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise UnreadableInput(f"{location}: not valid {enc} at byte {e.start}") from None


def from_text(
    text: str,
    *,
    location: str,
    url: str | None = None,
    encoding: str | None = None,
    raw: bytes | None = None,
    kind: Kind | None = None,
    utf8: bytes | None = None,
) -> Source:
    """Build a Source from decoded text: HTML (``kind``, else sniffed) parsed once, prose cut into
    paragraphs.

    ``raw``: the bytes the text was decoded from, when they spell ASCII as ASCII (a cheaper place
    than the text for the embed extractors' quick "does the page name this at all" tests).
    ``utf8``: the text in UTF-8, when the caller holds it (the bytes it was decoded from): the parse
    reads them.
    """
    if url is not None:
        try:
            urlsplit(url).port  # noqa: B018 -- raises ValueError for "http://[" or a port out of range
        except ValueError as e:
            raise UnreadableInput(f"{location}: the page URL {url!r} is not a URL ({e})") from None
    if _is_binary(text[:8192]):
        raise UnreadableInput(f"{location}: binary data, not a page or text")
    # a search is half the cost of a copy, and pages rarely hold one; in bytes that spell ASCII as
    # ASCII a NUL character is a NUL byte, found by memchr (the text's search is 14x slower on
    # pages held as 2- or 4-byte characters)
    if (b"\x00" in raw) if raw is not None else ("\x00" in text):
        text = text.replace("\x00", "")
        utf8 = None  # the bytes hold the NUL characters the text no longer does
    if kind == "html" or (kind is None and _HTML_SNIFF.search(text[:8192])):
        return _from_html(text, location=location, url=url, encoding=encoding, raw=raw, utf8=utf8)
    return _from_plain(text, location=location, url=url, encoding=encoding)


# ---------------------------------------------------------------- plain text


def _from_plain(text: str, *, location: str, url: str | None, encoding: str | None) -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if textfix.is_broken(text[:200_000]):
        text = textfix.fix(text)
    paragraphs = tuple(_plain_paragraphs(text))
    title, published = _head_of(paragraphs)
    return Source(
        location=location,
        kind="text",
        text=text,
        url=url,
        title=title,
        published=published,
        paragraphs=paragraphs,
        encoding=encoding,
    )


def _plain_paragraphs(text: str) -> Iterator[Paragraph]:
    start = 0
    for m in _BLANK_LINES.finditer(text):
        yield from _para(text, start, m.start())
        start = m.end()
    yield from _para(text, start, len(text))


def _para(text: str, start: int, end: int) -> Iterator[Paragraph]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        yield Paragraph(stripped, start + chunk.index(stripped[0]))


_PROMO = re.compile(
    r"\b(?:join (?:our|us)|subscribe|sign up|newsletter|follow us|download (?:our|the) app|"
    r"advertisement|share this|click here)\b",
    re.IGNORECASE,
)


def _head_of(paragraphs: tuple[Paragraph, ...]) -> tuple[str | None, date | None]:
    """A plain article's title and dateline: a short date line near the top dates the article,
    and the line before it (or else the first line that is not a promotion) is the title."""
    published: date | None = None
    dateline = None
    for i, p in enumerate(paragraphs[:6]):
        d = dates.parse_dateline(p.text)
        if d is not None:
            published, dateline = d, i
            break
    candidates = paragraphs[:dateline] if dateline else paragraphs[:1]
    title = None
    for p in reversed(candidates):
        headline = len(p.text) <= 300 and "\n" not in p.text and not _PROMO.search(p.text)
        # without a dateline, a first line is a title only if it reads like one (no final full
        # stop; a closing quote mark may end one: 'Vega confirma su embarazo: “El mejor regalo”')
        if headline and (
            dateline or (len(paragraphs) > 1 and not p.text.rstrip('”"’»“').endswith((".", "!", "?")))
        ):
            title = p.text
            break
    return title, published


# ---------------------------------------------------------------- HTML


MAX_ATTRIBUTES = 256
"""Attributes kept per element (the most an element has in the development corpus is 70): libxml2
compares each attribute of an element with every one before it, so one element with 48,000 took
seconds to parse, inside one C call no time limit can stop. The rest are dropped before the parse."""

# An HTML start tag as the HTML tokenizer reads it: a name, then attributes separated by white
# space or "/", a name being anything but white space, "/", ">" and "=" (a "<" or a quote too),
# its value quoted (a ">" or "<" inside) or not. Possessive throughout: each character is looked
# at once.
_ATTR_NAME = r"[^\s/>=][^\s/>=]*+"
_ATTR_VALUE = r"""(?:"[^"]*+"|'[^']*+'|[^\s>]*+)"""
_ATTR = rf"(?:[\s/]*+{_ATTR_NAME}(?:\s*+=\s*+{_ATTR_VALUE})?+)"
_START = r"<[A-Za-z][^\s/>]*+"
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
"""Elements whose content the tokenizer reads as text, never as tags."""
_FEW = rf"{_ATTR}{{0,{MAX_ATTRIBUTES}}}+[\s/]*+"
_RAW_ELEMENTS = "|".join(rf"<(?i:{t})(?=[\s/>]){_FEW}>(?:[^<]++|<(?!/(?i:{t})[\s/>]))*+" for t in _RAW_TEXT)
_RAW_FIRST = "".join(sorted({c for t in _RAW_TEXT for c in (t[0], t[0].upper())}))
_MARKUP_SCAN = slots.lazy(
    rf"""
    (?:
      [^<]++                                              # text
      | <!--(?:[^-]++|-(?!->))*+(?:-->)?                  # a comment
      | (?=<[{_RAW_FIRST}])(?:{_RAW_ELEMENTS})            # a raw-text element and its text
      | {_START}{_FEW}(?:>|\Z)                            # a start tag of few attributes
      | (?!{_START}{_ATTR}{{{MAX_ATTRIBUTES + 1}}})<      # a "<" that starts no tag of many
    )*+
    """,
    re.VERBOSE,
)
"""The markup up to the first start tag with more than MAX_ATTRIBUTES attributes (or to the end),
in one pass (about a third of lxml's own parse)."""
_KEPT_ATTRIBUTES = re.compile(rf"{_START}{_ATTR}{{{MAX_ATTRIBUTES}}}")
_MORE_ATTRIBUTES = re.compile(rf"{_ATTR}*+")


def cap_attributes(text: str, location: str | None = None) -> str:
    """``text`` with every start tag cut to its first :data:`MAX_ATTRIBUTES` attributes (the same
    string when none has more); a warning names ``location`` when given."""
    parts: list[str] = []
    pos = capped = 0
    while (end := _MARKUP_SCAN.match(text, pos).end()) < len(text):  # type: ignore[union-attr]
        kept = _KEPT_ATTRIBUTES.match(text, end)
        assert kept is not None  # the scan stopped before a start tag of more attributes
        parts.append(text[pos : kept.end()])
        pos = _MORE_ATTRIBUTES.match(text, kept.end()).end()  # type: ignore[union-attr]
        capped += 1
    if not capped:
        return text
    parts.append(text[pos:])
    if location is not None:
        log.warning(
            "%s: %d element%s with more than %d attributes; the rest of their attributes left out",
            location, capped, "" if capped == 1 else "s", MAX_ATTRIBUTES,
        )  # fmt: skip
    return "".join(parts)


def parse_html(text: str, *, location: str = "<string>", utf8: bytes | None = None) -> lxml_html.HtmlElement:
    """Parse HTML text into an lxml tree (network and entity loading off; at most
    :data:`MAX_ATTRIBUTES` attributes per element).

    ``utf8``: ``text`` in UTF-8, read by the parser as it is when nothing in the text had to change
    (no XML declaration, no element of too many attributes).
    """
    read = cap_attributes(_XML_DECL.sub("", text, count=1), location)
    if utf8 is not None and read is text:
        root = _document(utf8, location, UTF8_PARSER)
        parser = UTF8_PARSER
    else:
        text = read
        root = _document(text, location)
        parser = PARSER
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        # libxml2 stops reading at its depth limit and drops the rest of the page; read it again
        # with the nesting beyond a sane depth flattened, so the text and the posts there survive.
        log.warning("%s: elements nested deeper than %d; flattening the nesting", location, MAX_DEPTH)
        root = _document(_flatten(text), location)
    return root


def _document(
    text: str | bytes, location: str, parser: lxml_html.HTMLParser = PARSER
) -> lxml_html.HtmlElement:
    try:
        return lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        if not text.strip():
            return lxml_html.document_fromstring("<html><body></body></html>", parser=PARSER)
        raise UnreadableInput(f"{location}: cannot parse as HTML ({e})") from None


MAX_DEPTH = 1000
"""Tags nested deeper than this are dropped (their text stays) when libxml2 gives up on a page."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")  # [^<>]: linear on "<a <a <a" with no ">"
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def _flatten(text: str) -> str:
    """``text`` without the start and end tags nested deeper than :data:`MAX_DEPTH` (a rough count:
    end tags the page leaves out are not inferred, so the cut may come early on sloppy markup)."""
    depth = 0

    def cut(m: re.Match[str]) -> str:
        nonlocal depth
        if m.group(2).lower() in _VOID or m.group(0).endswith("/>"):
            return m.group(0)
        if m.group(1):
            depth = max(depth - 1, 0)
            return m.group(0) if depth < MAX_DEPTH else " "
        depth += 1
        return m.group(0) if depth <= MAX_DEPTH else " "

    return _TAG.sub(cut, text)


def _from_html(
    text: str,
    *,
    location: str,
    url: str | None,
    encoding: str | None,
    raw: bytes | None = None,
    utf8: bytes | None = None,
) -> Source:
    page = Page(parse_html(text, location=location, utf8=utf8), markup=text if raw is None else raw)
    page_url = page.base_url = url or _canonical(page)
    paragraphs = tuple(html_paragraphs(page))
    title = _title(page)
    published = _published(page)
    if published is None:
        _, published = _head_of(paragraphs)
    if published is None:
        published = url_date(page_url)
    return Source(
        location=location,
        kind="html",
        text=text,
        url=page_url,
        title=title,
        published=published,
        paragraphs=paragraphs,
        page=page,
        encoding=encoding,
    )


_DESCENDANTS = etree.XPath("count(descendant::*)")


@lru_cache(maxsize=8192)
def _embed_class(cls: str) -> bool:
    """Whether a class attribute names a structured embed (pages repeat a few hundred class values).

    Each name :data:`_EMBED_CLASS` matches holds one of the pieces tested first, written out (a
    substring test is far cheaper than the search, which tries every position of a class value): a
    value with none of them is not searched."""
    return (
        "twitter-" in cls or "-embed" in cls or "-media" in cls or "reddit-card" in cls or "fb-" in cls
    ) and _EMBED_CLASS.search(cls) is not None


def html_paragraphs(page: Page) -> Iterator[Paragraph]:
    """Running prose of a parsed page, block by block, in document order.

    Scripts, styles, form controls and structured embeds are left out; ``<br>`` becomes a newline.
    A paragraph's position is its block element's document order (see :mod:`threads.dom`).

    The same walk looks at every attribute of the page for the embed readers (:mod:`threads.hints`),
    inside the elements it leaves out too, and keeps what it finds with the page when it is done.
    """
    root = page.root
    body = root.find("body")
    if body is None:
        body = root
    _keep_tails_of_comments(body)
    buf: list[str] = []
    append = buf.append
    block_order = 0
    quoting = 0  # depth of the <blockquote> elements being read (embeds are left out before)
    index = page.order(body) - 1  # counts element starts in the walk: the same numbers as Page.order
    walked = page.walked  # kept there for what the embed readers ask about: the indexed tags and
    # the elements whose attributes the look keeps
    found = hints.Hints()
    plain, worth, embed_class = hints.PLAIN, hints.worth, hints.embed_class
    classes = hints.classes_named(page)

    def flush() -> Paragraph | None:
        raw = "".join(buf)
        buf.clear()
        # white space collapsed line by line (squash written out: a paragraph may have many lines)
        if "\n" in raw:
            text = "\n".join(filter(None, [" ".join(part.split()) for part in raw.split("\n")]))
        else:
            text = " ".join(raw.split())
        if not text:
            return None
        if textfix.is_broken(text):
            text = textfix.fix(text)
        return Paragraph(text, block_order * POSITION_STRIDE, quoting > 0)

    # One event per element start and end; the test for a left-out element is written out here
    # (it runs for every element of the page). White space alone is not gathered when nothing is
    # (the indentation between blocks): a paragraph cannot start with it, so no empty one is joined.
    walker = etree.iterwalk(body, events=("start", "end"))
    skip_subtree = walker.skip_subtree
    skipping = False
    for event, el in walker:
        if skipping:  # the end of the element left out (its subtree is not walked)
            skipping = False
            tail = el.tail
            if tail and (buf or not tail.isspace()):
                append(tail)
            continue
        tag = el.tag
        if event == "start":
            named = tag.__class__ is str  # comments and processing instructions are not
            cls = hidden = None
            if named:
                index += 1
                for name, value in el.items():
                    if name in plain:
                        if name == "class":
                            cls = value
                            if classes and embed_class(value):
                                found.flag(el)
                                walked[el] = index
                        elif name == "hidden":
                            hidden = value
                    elif worth(name, value):
                        found.add(el, name, value)
                        walked[el] = index
                if tag in _INDEXED:
                    walked[el] = index
            if el is not body and (
                not named or tag in _SKIP_TAGS or (cls and _embed_class(cls)) or hidden is not None
            ):
                skipping = True
                skip_subtree()
                if len(el):
                    index += int(_DESCENDANTS(el))  # type: ignore[arg-type]  # as Page.order numbers them
                    if named and tag not in _NOTHING_INSIDE:
                        for child in el:  # left out of the prose, not of the embed readers' look
                            found.look(child, classes)
                if buf and named and tag in _BREAKS:
                    p = flush()
                    if p:
                        yield p
                continue
            if tag in _BLOCKS:
                if buf:
                    p = flush()
                    if p:
                        yield p
                block_order = index
                if tag == "blockquote":
                    quoting += 1
            elif tag == "br":
                append("\n")
            text = el.text
            if text and (buf or not text.isspace()):
                append(text)
        else:
            if tag in _BLOCKS:
                if buf:
                    p = flush()
                    if p:
                        yield p
                block_order = index + 1  # after the block's last descendant
                if tag == "blockquote" and quoting:
                    quoting -= 1
            if el is not body:
                tail = el.tail
                if tail and (buf or not tail.isspace()):
                    append(tail)
    if buf:
        p = flush()
        if p:
            yield p
    page.memo[hints.KEY] = found


def _keep_tails_of_comments(body: lxml_html.HtmlElement) -> None:
    """Give the text after each comment (or processing instruction) to the node before it: the
    walk sees no comment, so "Hello <!-- x --> world" would lose "world". The comments stay where
    they are (a consent tool's parked embed is read from them), the text keeps its order."""
    for node in body.iter(etree.Comment, etree.ProcessingInstruction):
        tail = node.tail
        if not tail or tail.isspace():
            continue
        prev = node.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()  # a comment before it: its tail is not read either
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent = node.getparent()
            if parent is None:
                continue
            parent.text = (parent.text or "") + tail
        node.tail = None


_INDEXED = frozenset(INDEXED_TAGS)

_NOTHING_INSIDE = frozenset(
    "script style textarea iframe svg math canvas select video audio head title".split()
)
"""Elements the walk leaves out whose insides hold no embed either (a script's data is read elsewhere)."""


_CANONICAL_SOURCES = (("link", "rel", "canonical", "href"), ("meta", "property", "og:url", "content"))
"""Where a page names its own URL, in order of trust: ``<link rel=canonical>``, then ``og:url``."""


def _canonical(page: Page) -> str | None:
    for tag, key, value, attr in _CANONICAL_SOURCES:
        found = _heads(page, tag, key, value, attr)
        if found and _http_url(found[0].strip()):
            return found[0].strip()
    return None


def _heads(page: Page, tag: str, key: str, value: str, attr: str = "content") -> list[str]:
    """``//TAG[@KEY="VALUE"]/@ATTR``, read off the page's elements named ``tag`` (gathered with the
    other indexed tags in one C-level pass over the tree: :meth:`Page.tagged`)."""
    return [v for el in page.tagged(tag) if el.get(key) == value and (v := el.get(attr)) is not None]


def _http_url(url: str) -> bool:
    """An absolute http(s) URL with a host that ``urllib`` can take apart ("http://[" it cannot)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _title(page: Page) -> str | None:
    for content in _heads(page, "meta", "property", "og:title")[:1]:
        if value := squash(content):
            return value
    for tag in ("title", "h1"):
        for el in page.tagged(tag)[:1]:  # the first one only, as //title and //h1 read
            if value := squash(el.text_content()):
                return value
    return None


_DATE_METAS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "published_at",
    "publish-date",
    "item-publish-date",
    "parsely-pub-date",
    "dcterms.date",
)
"""Meta tags that give an article's publication date, most trusted first, whichever of ``property``,
``name`` or ``itemprop`` names them (sites use each), the date in ``content`` (or ``value``)."""
_LATE_DATE_METAS = ("sailthru.date",)
"""Trusted less than the page's structured data (a newsletter tool's date, sometimes on a 12-hour clock)."""
_DATE_KEYS = frozenset((*_DATE_METAS, *_LATE_DATE_METAS))
_META_KEYS = ("property", "name", "itemprop")
_ITEMPROP_DATETIME = etree.XPath('//*[@itemprop="datePublished"]/@datetime')
_MONTHS = [name[:3].lower() for name in vocab.ENGLISH_MONTHS[1:]]
_URL_DAY = re.compile(
    rf"/((?:19|20)\d\d)(?:[/-](0?[1-9]|1[0-2]|{'|'.join(_MONTHS)})[/-]"
    r"(0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])([0-2]\d|3[01]))(?:/|[-_.]|$)",
    re.IGNORECASE,
)


def _published(page: Page) -> Published | None:
    root = page.root
    dated: dict[str, str] = {}
    for el in page.tagged("meta"):
        for attr in _META_KEYS:  # the key first: few of a page's meta tags name a date
            key = el.get(attr)
            if key and (key := key.lower()) in _DATE_KEYS and key not in dated:
                value = el.get("content") or el.get("value")
                if value:
                    dated[key] = value
    for key in _DATE_METAS:
        if key in dated and (d := _meta_date(dated[key])) is not None:
            return d
    stamped = _ITEMPROP_DATETIME(root) if page.spells("datePublished") else None
    if stamped and isinstance(stamped, list) and (d := dates.parse_iso(str(stamped[0]))) is not None:
        return d
    for script in page.tagged("script"):
        if script.get("type") == "application/ld+json":
            d = _ld_published(script.text or "")
            if d is not None:
                return d
    for key in _LATE_DATE_METAS:
        if key in dated and (d := _meta_date(dated[key])) is not None:
            return d
    return None


def _meta_date(text: str) -> Published | None:
    """A date in a meta tag: ISO 8601 or a written date with its day ("Sat, Dec 27 2014 21:44:39
    +0000", "December 1, 2016"); a written date without a time of day stays a date, and one
    without a day number ("December 2016") is none (the reader would invent the day)."""
    text = text.strip()
    if len(text) > _LONGEST_DATE or not _DAY_NUMBER.search(text) or _YEAR_MONTH.match(text):
        return None  # a date is short: a long value is something else (and slow for dateutil)
    found = dates.parse_iso(text)
    if isinstance(found, datetime) and not _TIME_OF_DAY.search(text):
        return found.date()
    return found


_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)|\d{4}-\d\d-\d\d")
_TIME_OF_DAY = re.compile(r"\d:\d\d")
_LONGEST_DATE = 64
_YEAR_MONTH = re.compile(r"\d{4}-\d\d(?![-\d])")  # "2016-12": a month, no day


def url_date(url: str | None) -> date | None:
    """The day an article's address gives: ``/2016/12/01/``, ``/2020/oct/02/``, ``/2016-12-01-``,
    ``/20190211.html``."""
    if not url:
        return None
    m = _URL_DAY.search(urlsplit(url).path)
    if m is None:
        return None
    month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
    try:
        number = _MONTHS.index(month.lower()) + 1 if month.isalpha() else int(month)
        return date(int(m.group(1)), number, int(day))
    except ValueError:
        return None


def _ld_published(raw: str) -> datetime | date | None:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # broken, or nested deeper than the decoder goes
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            kind = str(item.get("@type", ""))
            if "datePublished" in item and "Posting" not in kind:
                d = dates.parse_iso(str(item["datePublished"]))
                if d is not None:
                    return d
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return None
