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
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from email.message import Message
from typing import IO, Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from . import __version__, vocab
from .errors import TimedOut, UnreadableInput
from .limits import LONGEST

TIMEOUT = 20.0
"""Seconds allowed for connecting and for each read."""
DEADLINE = 60.0
"""Seconds allowed for the whole fetch: connecting, every redirect, reading the body."""
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


class Response(NamedTuple):
    """A fetched page."""

    body: bytes
    """The body, decompressed, as UTF-8 with a BOM when the header's charset said otherwise."""
    url: str
    """The final URL, after redirects."""
    media_type: str | None
    """The Content-Type's media type (``text/html``), or None when the server sent none."""


class _Refused(Exception):
    """Raised inside urllib's machinery (a redirect, a connection) with the reason to give up."""


@dataclass
class _Fetch:
    """One fetch's state: its deadline, the sockets it opened, whether private addresses are refused."""

    timeout: float
    deadline: float
    refuse_private: bool
    started: float = field(default_factory=time.monotonic)
    sockets: list[socket.socket] = field(default_factory=list)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def wait(self) -> float:
        """Seconds the next connect or read may wait: the per-read timeout, or what the deadline leaves."""
        left = self.deadline - self.elapsed()
        if left <= 0:
            raise _Refused(self.late())
        return min(self.timeout, left)

    def late(self) -> str:
        return f"timed out after {self.elapsed():.1f} s (the whole fetch may take {self.deadline:g} s)"

    def connect(
        self, address: tuple[str, int], timeout: object = None, source_address: object = None, **_: object
    ) -> socket.socket:
        """``socket.create_connection`` for http.client, bounded by the deadline; with
        ``refuse_private``, the host's addresses are checked and the connection made to a checked one
        (so a name that resolves anew cannot slip in another address)."""
        host, port = address
        wait = self.wait()
        if not self.refuse_private:
            sock = socket.create_connection(address, wait)
        else:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            for *_rest, sockaddr in infos:
                ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
                if _private(ip):
                    raise _Refused(f"{host} is a private, loopback or link-local address ({ip}); not fetched")
            family, kind, proto, _name, sockaddr = infos[0]
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(wait)
                sock.connect(sockaddr)
            except BaseException:
                sock.close()
                raise
        self.sockets.append(sock)
        return sock

    def opener(self) -> urllib.request.OpenerDirector:
        """urllib's opener for this fetch: http(s) redirects only, connections through :meth:`connect`."""
        state = self

        class HTTPConnection(http.client.HTTPConnection):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                # the hook http.client keeps for replacing how the socket is made
                self._create_connection = state.connect

            def connect(self) -> None:
                super().connect()
                state.sockets.append(self.sock)  # (for https, the TLS socket)

        class HTTPSConnection(http.client.HTTPSConnection):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._create_connection = state.connect

            def connect(self) -> None:
                super().connect()
                state.sockets.append(self.sock)

        context = ssl.create_default_context()

        class HTTPHandler(urllib.request.HTTPHandler):
            def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
                return self.do_open(HTTPConnection, req)

        class HTTPSHandler(urllib.request.HTTPSHandler):
            def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
                return self.do_open(HTTPSConnection, req, context=context)

        handlers: list[urllib.request.BaseHandler] = [HTTPHandler(), HTTPSHandler(), _Redirects()]
        if self.refuse_private:  # a proxy would reach the addresses the check is for
            handlers.append(urllib.request.ProxyHandler({}))
        return urllib.request.build_opener(*handlers)


def _private(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Private, loopback, link-local, multicast, reserved or unspecified: anything not on the
    public Internet (an IPv4 address mapped into IPv6 is judged as itself)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


class _Redirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirect handler, following only http and https (it would follow ftp, and call a
    redirect to file: or data: a loop), and saying so when a redirect has no Location."""

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        target = headers.get("Location") or headers.get("URI")
        if not target:
            raise _Refused(f"HTTP {code} redirect without a Location")
        try:
            scheme = urlsplit(urljoin(req.full_url, target.strip())).scheme.lower()
        except ValueError:
            raise _Refused(f"redirected to {target!r}, which is not a URL") from None
        if scheme not in ("http", "https"):
            raise _Refused(f"redirected to a {scheme}: URL ({target}); only http and https are followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    deadline: float = DEADLINE,
    refuse_private: bool = False,
) -> tuple[bytes, str]:
    """The body of ``url`` and the final URL after redirects (see :func:`get`)."""
    page = get(url, timeout=timeout, max_bytes=max_bytes, deadline=deadline, refuse_private=refuse_private)
    return page.body, page.url


def get(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    deadline: float = DEADLINE,
    refuse_private: bool = False,
) -> Response:
    """Fetch ``url``: UnreadableInput naming it on any failure.

    ``timeout``: seconds each connect and read may wait; ``deadline``: seconds the whole fetch
    (connecting, redirects, reading) may take; ``refuse_private``: refuse hosts that resolve to a
    private, loopback or link-local address (for services that fetch URLs their users give).
    """
    state = _Fetch(timeout, min(deadline, LONGEST), refuse_private)
    try:
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": USER_AGENT,
                "Accept-Encoding": _ACCEPT_ENCODING,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            },
        )
        with state.opener().open(request, timeout=state.wait()) as response:
            headers: Message = response.headers
            final = response.geturl()
            _check_type(url, headers.get_content_type(), headers.get("Content-Type"))
            declared = headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise UnreadableInput(f"{url}: {declared} bytes, larger than the {max_bytes}-byte limit")
            body = _read(state, response, max_bytes)
    except TimedOut:  # the caller's time limit (threads.limits), not this fetch's
        raise
    except _Refused as e:
        raise UnreadableInput(f"{url}: {e}") from None
    except urllib.error.HTTPError as e:
        if e.code in (301, 302, 303, 307, 308):
            raise UnreadableInput(f"{url}: too many redirects or a redirect loop") from None
        raise UnreadableInput(f"{url}: HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, TimedOut):
            raise e.reason from None
        if isinstance(e.reason, _Refused):
            raise UnreadableInput(f"{url}: {e.reason}") from None
        if isinstance(e.reason, TimeoutError):
            raise UnreadableInput(f"{url}: {_timed_out(state)}") from None
        raise UnreadableInput(f"{url}: cannot fetch ({_reason(e.reason)})") from None
    except TimeoutError:
        raise UnreadableInput(f"{url}: {_timed_out(state)}") from None
    except OSError as e:
        raise UnreadableInput(f"{url}: cannot fetch ({_reason(e)})") from None
    except UnreadableInput:
        raise
    except (ValueError, http.client.HTTPException) as e:
        # a host that IDNA cannot encode, control characters, a header that is not Latin-1 ...
        raise UnreadableInput(f"{url}: not a URL that can be fetched ({_reason(e)})") from None
    finally:
        for sock in state.sockets:
            sock.close()
    if len(body) > max_bytes:
        raise UnreadableInput(f"{url}: larger than the {max_bytes}-byte limit")
    body = decompress(url, body, (headers.get("Content-Encoding") or "").strip().lower(), max_bytes)
    media_type = headers.get_content_type() if headers.get("Content-Type") else None
    return Response(honour_charset(body, headers.get_content_charset()), final, media_type)


_CHUNK = 1 << 16


def _read(state: _Fetch, response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of the body, each read waiting no longer than the deadline allows."""
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if state.sockets:  # the last one made: the response's (its TLS socket, for https)
            state.sockets[-1].settimeout(state.wait())
        chunk = response.read1(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _timed_out(state: _Fetch) -> str:
    """Why a connect or a read timed out, with the time the fetch really took."""
    if state.elapsed() >= state.deadline - 0.05:
        return state.late()
    return f"timed out after {state.elapsed():.1f} s (nothing came for {state.timeout:g} s)"


def _reason(error: object) -> str:
    """An exception's message on one line, or its type's name when it has none."""
    return " ".join(str(error).split()) or type(error).__name__


def _check_type(url: str, content_type: str, raw: str | None) -> None:
    if raw is None:  # no header: let the sniffing in load decide
        return
    if not content_type.startswith(_PAGE_TYPES):
        raise UnreadableInput(f"{url}: not a page ({content_type})")


def decompress(url: str, body: bytes, encoding: str, max_bytes: int) -> bytes:
    """``body`` with its HTTP Content-Encoding undone (also for bodies kept in a web archive).

    Every gzip member is read (``cat a.gz b.gz`` is one gzip body); a body that ends before its
    compressed stream does is an error (``bad gzip body (cut short)``), never a partial page.
    """
    if encoding in ("", "identity") or not body:
        return body
    try:
        if encoding in ("gzip", "x-gzip"):
            out = _inflate(body, zlib.MAX_WBITS | 16, max_bytes, members=True)
        elif encoding == "deflate":
            try:
                out = _inflate(body, zlib.MAX_WBITS, max_bytes)
            except zlib.error:  # servers that send raw deflate without the zlib header
                out = _inflate(body, -zlib.MAX_WBITS, max_bytes)
        elif encoding == "br" and _brotli is not None:
            out = _unbrotli(body, max_bytes)
        else:
            raise UnreadableInput(f"{url}: unsupported Content-Encoding {encoding!r}")
    except _CutShort:
        raise UnreadableInput(f"{url}: bad {encoding} body (cut short)") from None
    except (zlib.error, ValueError) as e:
        raise UnreadableInput(f"{url}: bad {encoding} body ({e})") from None
    except Exception as e:
        if _brotli is not None and isinstance(e, _brotli.error):
            raise UnreadableInput(f"{url}: bad br body ({e})") from None
        raise
    if len(out) > max_bytes:
        raise UnreadableInput(f"{url}: larger than the {max_bytes}-byte limit once decompressed")
    return bytes(out)


class _CutShort(Exception):
    """A compressed body that ends before its stream does."""


def _unbrotli(body: bytes, max_bytes: int) -> bytes:
    """Brotli-decode at most about ``max_bytes + 1`` bytes (brotli 1.2 limits its output; an
    older binding decodes the whole body, then the caller's size check refuses it)."""
    assert _brotli is not None
    decoder: Any = _brotli.Decompressor()
    try:
        out = bytes(decoder.process(body, output_buffer_limit=max_bytes + 1))
    except TypeError:  # brotli < 1.2: no output limit
        out = bytes(decoder.process(body))
    if len(out) <= max_bytes and not decoder.is_finished():
        raise _CutShort
    return out


def _inflate(body: bytes, wbits: int, max_bytes: int, *, members: bool = False) -> bytes:
    """Decompress at most ``max_bytes + 1`` bytes, so a bomb costs no more memory than the cap;
    with ``members``, one gzip member after another (bytes after the last that start no member,
    such as zero padding, are left, as gzip does)."""
    out = bytearray()
    data = body
    while True:
        inflater: Any = zlib.decompressobj(wbits)
        out += inflater.decompress(data, max_bytes + 1 - len(out))
        if len(out) > max_bytes:
            return bytes(out)  # the caller refuses it
        if not inflater.eof:
            raise _CutShort
        data = inflater.unused_data
        if not (members and data.startswith(b"\x1f\x8b")):
            return bytes(out)


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
