"""warc: the HTML pages captured in a web archive (WARC or WARC.gz), one batch input each.

Records are read one at a time with FastWARC (the optional ``warc`` extra), never the whole
archive at once. A ``response`` record with a 2xx status and an HTML or XHTML Content-Type, or a
``resource`` record holding HTML, is a page: its WARC-Target-URI is the page's URL and its
WARC-Date the capture date. Other responses (images, scripts, redirects, errors) and revisits are
counted as skipped; requests, metadata and warcinfo records are not pages and are passed over.

The body is kept as the server sent it; :func:`page_bytes` undoes the chunked transfer and the
Content-Encoding (gzip, deflate, br) and honours the charset of the HTTP header, in the worker
that reads the page. An archive that is not one, or that ends inside a record (a truncated
download), raises :class:`ArchiveError` naming it; the records read before that stand.

Nothing heavy is imported or built here at module level (records are named tuples, not
dataclasses): the command line asks :func:`is_archive` of every input, one-page renders included.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple, cast

from .errors import UnreadableInput, unreadable_file

if TYPE_CHECKING:
    from email.message import Message

    from fastwarc.warc import WarcRecord

SUFFIXES = (".warc", ".warc.gz")
"""File names taken for web archives (compared case-insensitively)."""
MAX_BYTES = 32 * 1024 * 1024
"""Largest page body kept from a record; a larger one fails on its own, the archive goes on."""
EXTRA_MISSING = "reading web archives needs FastWARC: pip install 'threads[warc]'"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})
_LOOKS_HTML = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_READ = 1 << 20


class ArchiveError(UnreadableInput):
    """A web archive that cannot be read on: not a WARC, corrupt, or cut short."""


def is_archive(name: str) -> bool:
    """Whether ``name`` is a web archive's file name (``.warc`` or ``.warc.gz``)."""
    return name.lower().endswith(SUFFIXES)


def archive_stem(filename: str) -> str:
    """``crawl.warc.gz`` -> ``crawl``."""
    lower = filename.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return filename[: -len(suffix)]
    return filename


class Capture(NamedTuple):
    """An HTML page captured in a web archive: which record, and how its body was sent."""

    record_id: str
    """The record's WARC-Record-ID without its angle brackets (``urn:uuid:...``)."""
    url: str
    """WARC-Target-URI: the page's URL."""
    date: str | None
    """WARC-Date, ISO 8601 as written in the archive (``2017-10-17T12:00:00Z``)."""
    content_encoding: str = ""
    """The HTTP Content-Encoding still applied to the body (``gzip``, ``br``, ``deflate``)."""
    chunked: bool = False
    """Whether the body still has its chunked transfer coding."""
    charset: str | None = None
    """The charset of the HTTP Content-Type header."""


class Page(NamedTuple):
    """One page read from an archive: its capture and its body as stored."""

    capture: Capture
    body: bytes
    offset: int = 0
    """Where its record starts in the archive file (compressed bytes for a .warc.gz)."""


class Skipped(NamedTuple):
    """A record that is a capture but not of an HTML page (counted, not rendered)."""

    record_id: str
    url: str
    reason: str
    offset: int = 0
    """Where its record starts in the archive file."""


class Unread(NamedTuple):
    """An HTML page that cannot be read (its body is over the size limit): a failed input."""

    record_id: str
    url: str
    reason: str
    offset: int = 0
    """Where its record starts in the archive file."""


def read(path: str, *, start: int = 0, stop: int | None = None) -> Iterator[Page | Skipped | Unread]:
    """The pages (and skipped captures, and pages that cannot be read) of the archive at ``path``,
    in archive order, lazily.

    ``path`` is a file's path or an fsspec URL (:mod:`threads.storage`). ``start`` and ``stop``
    read a range of it: the records that begin at file offsets from ``start`` (where a record
    must begin, see :func:`record_starts`) up to ``stop`` (None: the end; a range that stops early
    leaves the check that the file ends cleanly to whoever reads on to its end).

    Raises :class:`ArchiveError` when the archive cannot be read on (after yielding every record
    before the fault), and :class:`UnreadableInput` when FastWARC is not installed or the file
    cannot be opened.
    """
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError:
        raise UnreadableInput(f"{path}: {EXTRA_MISSING}") from None
    fh = _open(path)
    try:
        gzipped = fh.read(2) == b"\x1f\x8b"
        if start and not record_starts(fh, start, gzipped):
            raise ArchiveError(f"{path}: no record starts at byte {start}")
        fh.seek(start)
        records = iter(ArchiveIterator(fh, parse_http=True, stream_detect=gzipped))
        n = 0
        last = 0  # where the last record starts in the file
        while True:
            try:
                record = next(records, None)
            except Exception as e:  # FastWARC's OSError for a bad header or bad compressed data
                where = "not a web archive" if n == 0 else f"corrupt after record {n}"
                raise ArchiveError(f"{path}: {where}{_reason(e)}") from None
            if record is None or (stop is not None and record.stream_pos >= stop):
                break
            n += 1
            last = record.stream_pos
            try:
                found = _take(path, n, record)
            except ArchiveError:
                raise
            except Exception as e:  # reading the body: bad compressed data
                raise ArchiveError(f"{path}: corrupt in record {n}{_reason(e)}") from None
            if found is not None:
                yield found._replace(offset=last)
        if stop is not None:
            return
        if n == 0:
            raise ArchiveError(f"{path}: not a web archive (no WARC record in it)")
        if gzipped and not _gzip_ends_cleanly(fh, last):
            raise ArchiveError(f"{path}: cut short after record {n} (its last gzip member is incomplete)")
    finally:
        fh.close()


def _open(path: str) -> BinaryIO:
    from .storage import is_url, open_binary

    if is_url(path):
        return cast("BinaryIO", open_binary(path))
    try:
        return open(path, "rb")  # closed by the caller, across yields
    except OSError as e:
        raise unreadable_file(path, e, kind="a web archive") from None


def record_starts(fh: BinaryIO, offset: int, gzipped: bool) -> bool:
    """Whether a record can be read from ``offset`` on its own: a gzip member starts there (a .warc.gz
    compressed record by record, as crawlers write them; not one stream for the whole file), or an
    uncompressed record's ``WARC/`` line."""
    fh.seek(offset)
    head = fh.read(5)
    return head.startswith(b"\x1f\x8b") if gzipped else head == b"WARC/"


def _reason(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return f" ({text})"


def _take(path: str, n: int, record: WarcRecord) -> Page | Skipped | Unread | None:
    """What record ``n`` is; its body is read to the end (and its length checked) either way."""
    from fastwarc.warc import WarcRecordType

    headers = record.headers
    declared = headers.get("Content-Length")
    if declared is None or not declared.strip().isdigit():
        raise ArchiveError(f"{path}: cut short or corrupt at record {n} (no Content-Length in its header)")
    kind = record.record_type
    expected = record.content_length
    record_id = (record.record_id or f"record-{n}").strip().strip("<>")
    url = (headers.get("WARC-Target-URI") or "").strip().strip("<>")
    if kind in (WarcRecordType.response, WarcRecordType.resource) and url:
        resource = kind == WarcRecordType.resource
        body, size = _read_body(record)
        if size < expected:
            raise ArchiveError(f"{path}: cut short in record {n} ({record_id} {url})")
        why = _not_a_page(record, resource, body)
        if why is not None:
            return Skipped(record_id, url, why)
        if size > MAX_BYTES:
            return Unread(record_id, url, f"larger than the {MAX_BYTES}-byte limit")
        return Page(_capture(record, record_id, url, resource), body)
    if record.reader.consume() < expected:
        raise ArchiveError(f"{path}: cut short in record {n} ({record_id})")
    if kind == WarcRecordType.revisit and url:
        return Skipped(record_id, url, "a revisit (no body)")
    return None


def _read_body(record: WarcRecord) -> tuple[bytes, int]:
    """At most MAX_BYTES + 1 bytes of the body, and the body's whole size (the rest is consumed)."""
    body = record.reader.read(MAX_BYTES + 1)
    size = len(body)
    while more := record.reader.consume(_READ):
        size += more
    return body, size


def _not_a_page(record: WarcRecord, resource: bool, body: bytes) -> str | None:
    """Why the record is not an HTML page, or None when it is one."""
    if resource:
        content_type = record.headers.get("Content-Type")
    else:
        http = record.http_headers
        if http is None:
            return "no HTTP response in it"
        status = http.status_code or 0
        if not 200 <= status < 300 or status in (204, 205, 206):
            return f"HTTP status {status}"
        content_type = http.get("Content-Type")
    if content_type is None:
        return None if _LOOKS_HTML.match(body[:4096]) else "no Content-Type, and not HTML"
    media = _content_type(content_type).get_content_type()
    return None if media in _HTML_TYPES else f"not HTML ({media})"


def _content_type(value: str) -> Message:
    from email.message import Message

    message = Message()
    message["Content-Type"] = value
    return message


def _capture(record: WarcRecord, record_id: str, url: str, resource: bool) -> Capture:
    date = (record.headers.get("WARC-Date") or "").strip() or None
    http = record.http_headers
    if resource or http is None:
        return Capture(record_id, url, date, charset=_charset(record.headers.get("Content-Type")))
    encoding = (http.get("Content-Encoding") or "").strip().lower()
    chunked = "chunked" in (http.get("Transfer-Encoding") or "").lower()
    return Capture(record_id, url, date, encoding, chunked, _charset(http.get("Content-Type")))


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    charset = _content_type(content_type).get_content_charset()
    return str(charset) if charset else None


def _gzip_ends_cleanly(fh: BinaryIO, offset: int) -> bool:
    """Whether the gzip members from ``offset`` (where the last record starts) to the end of the
    file are all complete.

    FastWARC ends quietly at a member cut short before its record's headers; this tells that
    apart from the end of the archive, decompressing only the last record again.
    """
    fh.seek(offset)
    if fh.read(2) != b"\x1f\x8b":  # not a member boundary (one gzip stream for the whole file)
        offset = 0
    fh.seek(offset)
    inflater: Any = None
    data = b""
    try:
        while True:
            if not data:
                data = fh.read(1 << 16)
                if not data:  # the end: output zlib still holds does not change the answer
                    while inflater is not None and not inflater.eof and inflater.decompress(b"", _READ):
                        pass
                    return inflater is None or bool(inflater.eof)
            if inflater is None or inflater.eof:
                inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            inflater.decompress(data, _READ)
            data = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
    except zlib.error:
        return False


# ---------------------------------------------------------------- the body, as a page


def page_bytes(body: bytes, capture: Capture, location: str) -> bytes:
    """The page's bytes from its stored body: chunks joined, Content-Encoding undone, the
    header's charset honoured (as :mod:`threads.fetch` does for a live response).

    A body stored already decoded under its original headers (some crawlers do that) is taken
    as it is. Raises :class:`UnreadableInput` naming ``location`` when the body cannot be decoded.
    """
    from .fetch import decompress, honour_charset

    if capture.chunked:
        body = dechunk(body)
    if capture.content_encoding and capture.content_encoding != "identity":
        try:
            body = decompress(location, body, capture.content_encoding, MAX_BYTES)
        except UnreadableInput:
            if not _LOOKS_HTML.match(body[:4096]):
                raise
    return honour_charset(body, capture.charset)


def dechunk(body: bytes) -> bytes:
    """The body without its chunked transfer coding; a body that is not chunked comes back as is,
    one cut short inside a chunk keeps what arrived."""
    parts: list[bytes] = []
    pos = 0
    while True:
        eol = body.find(b"\n", pos)
        if eol < 0:
            break
        size_field = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_field, 16)
        except ValueError:
            break
        if size == 0:
            return b"".join(parts)
        start = eol + 1
        parts.append(body[start : start + size])
        pos = start + size
        if pos >= len(body):
            return b"".join(parts)
        if body.startswith(b"\r\n", pos):
            pos += 2
        elif body.startswith(b"\n", pos):
            pos += 1
    return b"".join(parts) if parts else body
