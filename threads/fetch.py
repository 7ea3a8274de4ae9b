"""Fetching a page by URL with the standard library: timeouts, redirects, a size cap, gzip, charset.

- A User-Agent naming the tool; ``Accept-Encoding`` gzip and deflate (and br when the ``brotli``
  module is importable); the decompressed body is capped too, so a compression bomb is refused.
- Redirects are followed (urllib's handler: at most 10, loops detected); the final URL is returned.
- A body whose Content-Type is neither HTML, XML nor text is refused.
- The charset of the Content-Type header is honoured (it outranks a ``<meta charset>``, as in
  browsers) for a body that is not valid UTF-8: when the body decodes with it, it is handed on as
  UTF-8 with a byte-order mark, which :func:`threads.load.decode` reads first. A body that is valid
  UTF-8 goes on untouched: a server's ``charset=iso-8859-1`` default on a UTF-8 page is the usual
  wrong header, and valid UTF-8 is almost never an accident. A label that does not decode the body
  (another wrong header) leaves the bytes untouched too: the page's own declaration or detection decides.

A richer client (HTTP/2, retries) can come as an optional extra; this one needs nothing beyond Python.
"""

from __future__ import annotations

import codecs
import http.client
import urllib.error
import urllib.request
import zlib
from email.message import Message
from typing import Any

from . import __version__, vocab
from .errors import UnreadableInput

TIMEOUT = 20.0
"""Seconds allowed for connecting and for each read."""
MAX_BYTES = 32 * 1024 * 1024
"""Largest body accepted, before and after decompression."""
USER_AGENT = f"threads/{__version__} (+https://pypi.org/project/threads/)"

# Content types taken as pages; anything else (images, PDFs, archives) is refused.
_PAGE_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom")

try:  # brotli is optional: offered only when it can be decoded
    import brotli as _brotli  # type: ignore[import-not-found,import-untyped,unused-ignore]
except ImportError:  # pragma: no cover - depends on the environment
    _brotli = None

_ACCEPT_ENCODING = "gzip, deflate, br" if _brotli is not None else "gzip, deflate"


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """The body of ``url`` and the final URL after redirects; UnreadableInput on any failure."""
    try:
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": USER_AGENT,
                "Accept-Encoding": _ACCEPT_ENCODING,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            },
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            final = response.geturl()
            _check_type(url, headers.get_content_type(), headers.get("Content-Type"))
            declared = headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise UnreadableInput(f"{url}: {declared} bytes, larger than the {max_bytes}-byte limit")
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as e:
        if e.code in (301, 302, 303, 307, 308):
            raise UnreadableInput(f"{url}: too many redirects or a redirect loop") from None
        raise UnreadableInput(f"{url}: HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, TimeoutError):
            raise UnreadableInput(f"{url}: timed out after {timeout:g} s") from None
        raise UnreadableInput(f"{url}: cannot fetch ({e.reason})") from None
    except TimeoutError:
        raise UnreadableInput(f"{url}: timed out after {timeout:g} s") from None
    except OSError as e:
        raise UnreadableInput(f"{url}: cannot fetch ({e})") from None
    except UnreadableInput:
        raise
    except (ValueError, http.client.HTTPException) as e:
        # a host that IDNA cannot encode, control characters, a header that is not Latin-1 ...
        raise UnreadableInput(f"{url}: not a URL that can be fetched ({e})") from None
    if len(body) > max_bytes:
        raise UnreadableInput(f"{url}: larger than the {max_bytes}-byte limit")
    body = decompress(url, body, (headers.get("Content-Encoding") or "").strip().lower(), max_bytes)
    return honour_charset(body, headers.get_content_charset()), final


def _check_type(url: str, content_type: str, raw: str | None) -> None:
    if raw is None:  # no header: let the sniffing in load decide
        return
    if not content_type.startswith(_PAGE_TYPES):
        raise UnreadableInput(f"{url}: not a page ({content_type})")


def decompress(url: str, body: bytes, encoding: str, max_bytes: int) -> bytes:
    """``body`` with its HTTP Content-Encoding undone (also for bodies kept in a web archive)."""
    if encoding in ("", "identity"):
        return body
    try:
        if encoding in ("gzip", "x-gzip"):
            out = _inflate(body, zlib.MAX_WBITS | 16, max_bytes)
        elif encoding == "deflate":
            try:
                out = _inflate(body, zlib.MAX_WBITS, max_bytes)
            except zlib.error:  # servers that send raw deflate without the zlib header
                out = _inflate(body, -zlib.MAX_WBITS, max_bytes)
        elif encoding == "br" and _brotli is not None:
            out = _unbrotli(body, max_bytes)
        else:
            raise UnreadableInput(f"{url}: unsupported Content-Encoding {encoding!r}")
    except (zlib.error, ValueError) as e:
        raise UnreadableInput(f"{url}: bad {encoding} body ({e})") from None
    except Exception as e:
        if _brotli is not None and isinstance(e, _brotli.error):
            raise UnreadableInput(f"{url}: bad br body ({e})") from None
        raise
    if len(out) > max_bytes:
        raise UnreadableInput(f"{url}: larger than the {max_bytes}-byte limit once decompressed")
    return bytes(out)


def _unbrotli(body: bytes, max_bytes: int) -> bytes:
    """Brotli-decode at most about ``max_bytes + 1`` bytes (brotli 1.2 limits its output; an
    older binding decodes the whole body, then the caller's size check refuses it)."""
    assert _brotli is not None
    decoder: Any = _brotli.Decompressor()
    try:
        return bytes(decoder.process(body, output_buffer_limit=max_bytes + 1))
    except TypeError:  # brotli < 1.2: no output limit
        return bytes(_brotli.decompress(body))


def _inflate(body: bytes, wbits: int, max_bytes: int) -> bytes:
    """Decompress at most ``max_bytes + 1`` bytes, so a bomb costs no more memory than the cap."""
    inflater: Any = zlib.decompressobj(wbits)
    return bytes(inflater.decompress(body, max_bytes + 1))


def honour_charset(body: bytes, charset: str | None) -> bytes:
    """``body`` as UTF-8 with a BOM when the header's ``charset`` decodes it and UTF-8 does not."""
    if not charset or body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return body
    label = charset.strip().strip("\"'").lower()
    encoding = vocab.CHARSET_ALIASES.get(label, label)
    try:
        text = body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return body  # a wrong or unknown label: the page's own declaration or detection decides
    return codecs.BOM_UTF8 + text.encode("utf-8")
