"""Fetching a page by URL with the standard library: timeouts, redirects, a size cap, gzip.

A richer client (HTTP/2, brotli, retries) can come as an optional extra; this one has no
dependency beyond Python.
"""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
import zlib

from . import __version__
from .errors import UnreadableInput

TIMEOUT = 20.0
MAX_BYTES = 32 * 1024 * 1024
USER_AGENT = f"threads/{__version__} (+https://pypi.org/project/threads/)"


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """The body of ``url`` and the final URL after redirects; UnreadableInput on any failure."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html,*/*;q=0.8",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise UnreadableInput(f"{url}: larger than the {max_bytes}-byte limit")
            encoding = (response.headers.get("Content-Encoding") or "").lower()
            final = response.geturl()
    except urllib.error.HTTPError as e:
        raise UnreadableInput(f"{url}: HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        raise UnreadableInput(f"{url}: cannot fetch ({e.reason})") from None
    except TimeoutError:
        raise UnreadableInput(f"{url}: timed out after {timeout:g} s") from None
    except OSError as e:
        raise UnreadableInput(f"{url}: cannot fetch ({e})") from None
    try:
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
    except (OSError, zlib.error) as e:
        raise UnreadableInput(f"{url}: bad {encoding} body ({e})") from None
    return body, final
