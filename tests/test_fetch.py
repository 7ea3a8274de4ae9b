"""threads.fetch and reconstruct(url) against a local HTTP server the tests start on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import re
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli
import pytest

import threads
from threads.errors import UnreadableInput
from threads.fetch import USER_AGENT, fetch

from .clirun import invoke

PAGE = (
    "<html><head><title>Bridge news</title></head><body><article>"
    '<p>"We will rebuild the bridge by spring," Mayor Jane Doe tweeted on Tuesday.</p>'
    "<p>Café owners cheered.</p></article></body></html>"
)
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/page":
            self.send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/missing":
            self.send(404, b"<html><body>gone</body></html>")
        elif path == "/redirect":
            self.send(302, b"", Location="/page")
        elif path.startswith("/loop"):
            self.send(302, b"", Location="/loop-again" if path == "/loop" else "/loop")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, PAGE.encode("utf-8"))
        elif path == "/gzip":
            self.send(200, gzip.compress(PAGE.encode("utf-8")), Content_Encoding="gzip")
        elif path == "/deflate":
            self.send(200, zlib.compress(PAGE.encode("utf-8")), Content_Encoding="deflate")
        elif path == "/bomb":
            self.send(200, gzip.compress(b"<p>" + b" " * 5_000_000), Content_Encoding="gzip")
        elif path == "/br":
            self.send(200, brotli.compress(PAGE.encode("utf-8")), Content_Encoding="br")
        elif path == "/br-bomb":
            self.send(200, brotli.compress(b"<p>" + b" " * 50_000_000), Content_Encoding="br")
        elif path == "/huge":
            self.send(200, b"<p>" + b"x" * 200_000)
        elif path == "/latin1":  # the header names the charset, the page does not
            self.send(200, PAGE.replace("Café", "Caf\xe9").encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/wrong-charset":  # the header says latin-1, the body is UTF-8
            self.send(200, PAGE.encode("utf-8"), "text/html; charset=iso-8859-1")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/plain":  # an article as text/plain that quotes a tag
            text = "News\n\nA reader typed <script> in.\n\n“We are open,” librarian Ana Ruiz tweeted.\n"
            self.send(200, text.encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/gzip-members":  # two gzip members, as `cat a.gz b.gz` makes
            half = len(PAGE) // 2
            body = gzip.compress(PAGE[:half].encode("utf-8")) + gzip.compress(PAGE[half:].encode("utf-8"))
            self.send(200, body, Content_Encoding="gzip")
        elif path == "/gzip-cut":
            self.send(200, gzip.compress(PAGE.encode("utf-8"))[:-30], Content_Encoding="gzip")
        elif path == "/deflate-cut":
            self.send(200, zlib.compress(PAGE.encode("utf-8"))[:-10], Content_Encoding="deflate")
        elif path == "/br-cut":
            self.send(200, brotli.compress(PAGE.encode("utf-8"))[:-8], Content_Encoding="br")
        elif path.startswith("/redirect-to/"):  # /redirect-to/<scheme>: a redirect off http(s)
            targets = {
                "file": "file:///etc/passwd",
                "data": "data:text/html,<p>x</p>",
                "ftp": "ftp://127.0.0.1:9/pub/page.html",
                "javascript": "javascript:alert(1)",
            }
            self.send(302, b"", Location=targets[path.rsplit("/", 1)[1]])
        elif path == "/redirect-without-location":
            self.send(302, b"")
        elif path == "/drip":  # a byte at a time, 0.25 s apart, for 20 s: only a deadline stops it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(80):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.25)
        else:
            self.send(500, b"unexpected")


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_page(base: str) -> None:
    body, final = fetch(f"{base}/page")
    assert body.decode("utf-8") == PAGE
    assert final == f"{base}/page"
    assert SEEN_AGENTS[-1] == USER_AGENT


def test_404(base: str) -> None:
    with pytest.raises(UnreadableInput, match=r"/missing: HTTP 404"):
        fetch(f"{base}/missing")


def test_redirect_followed(base: str) -> None:
    body, final = fetch(f"{base}/redirect")
    assert final == f"{base}/page"
    assert b"Jane Doe" in body


def test_redirect_loop(base: str) -> None:
    with pytest.raises(UnreadableInput, match="redirect loop"):
        fetch(f"{base}/loop")


def test_slow_response_times_out(base: str) -> None:
    with pytest.raises(UnreadableInput, match=r"/slow: timed out after \d+\.\d s \(nothing came for 0.3 s\)"):
        fetch(f"{base}/slow", timeout=0.3)


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/br"])
def test_compressed(base: str, path: str) -> None:
    body, _ = fetch(f"{base}{path}")
    assert body.decode("utf-8") == PAGE


def test_size_caps(base: str) -> None:
    with pytest.raises(UnreadableInput, match="larger than the 100000-byte limit"):
        fetch(f"{base}/huge", max_bytes=100_000)
    with pytest.raises(UnreadableInput, match="once decompressed"):
        fetch(f"{base}/bomb", max_bytes=100_000)
    with pytest.raises(UnreadableInput, match="once decompressed"):
        fetch(f"{base}/br-bomb", max_bytes=100_000)  # 50 MB of output refused after ~100 kB


def test_not_a_page(base: str) -> None:
    with pytest.raises(UnreadableInput, match=r"not a page \(image/png\)"):
        fetch(f"{base}/image")


@pytest.mark.parametrize("path", ["/latin1", "/wrong-charset"])
def test_charsets(base: str, path: str) -> None:
    rec = threads.reconstruct(f"{base}{path}")
    assert "Café owners cheered." in rec.source.text


def test_reconstruct_url(base: str) -> None:
    rec = threads.reconstruct(f"{base}/redirect")
    assert rec.source.location == f"{base}/redirect"
    assert rec.source.url == f"{base}/page"
    assert rec.source.title == "Bridge news"
    assert [t.author.name for t in rec.threads] == ["Jane Doe"]


def test_reconstruct_unreachable() -> None:
    with pytest.raises(UnreadableInput, match="cannot fetch"):
        threads.reconstruct("http://127.0.0.1:9/nothing-listens-here")


def test_batch_of_urls(base: str) -> None:
    urls = [f"{base}/page", f"{base}/missing", f"{base}/gzip"]
    result = invoke(["render", *urls, "--format", "jsonl", "-j", "2"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == urls
    assert [line["error"] is None for line in lines] == [True, False, True]
    assert "HTTP 404" in lines[1]["error"]
    assert "3 inputs: 2 ok, 0 empty, 1 failed" in result.stderr


@pytest.mark.parametrize("url", ["HTTP://<\u0100", "HTTP://<\x80", "HTTP://<\x1b", "http://[::1", "http://"])
def test_urls_that_cannot_be_fetched_are_unreadable_input(url: str) -> None:
    """Found by tests/test_properties.py: these raised UnicodeError or InvalidURL from urllib."""
    with pytest.raises(UnreadableInput, match="^" + re.escape(url) + ": "):
        fetch(url)


def test_brotli_output_is_capped_while_decoding() -> None:
    """A br bomb is cut near the cap, not decoded whole and then measured."""
    from threads.fetch import _unbrotli

    bomb = brotli.compress(b" " * 50_000_000)
    assert len(bomb) < 1000
    out = _unbrotli(bomb, 100_000)
    assert 100_000 < len(out) < 5_000_000


# ---------------------------------------------------------------- said clearly


def test_gzip_of_several_members_is_read_whole(base: str) -> None:
    body, _ = fetch(f"{base}/gzip-members")
    assert body.decode("utf-8") == PAGE


@pytest.mark.parametrize(
    ("path", "encoding"), [("/gzip-cut", "gzip"), ("/deflate-cut", "deflate"), ("/br-cut", "br")]
)
def test_a_compressed_body_cut_short_is_an_error(base: str, path: str, encoding: str) -> None:
    with pytest.raises(
        UnreadableInput, match=rf"^{re.escape(base + path)}: bad {encoding} body \(cut short\)$"
    ):
        fetch(f"{base}{path}")


@pytest.mark.parametrize("scheme", ["file", "data", "ftp", "javascript"])
def test_a_redirect_off_http_is_refused_and_said(base: str, scheme: str) -> None:
    with pytest.raises(UnreadableInput) as info:
        fetch(f"{base}/redirect-to/{scheme}")
    message = str(info.value)
    assert message.startswith(f"{base}/redirect-to/{scheme}: redirected to a {scheme}: URL (")
    assert message.endswith("); only http and https are followed")


def test_a_redirect_without_location_says_so(base: str) -> None:
    with pytest.raises(
        UnreadableInput, match=r"/redirect-without-location: HTTP 302 redirect without a Location$"
    ):
        fetch(f"{base}/redirect-without-location")


def test_a_failure_without_a_message_names_its_kind() -> None:
    from threads.fetch import _reason

    assert _reason(OSError()) == "OSError"
    assert _reason(ConnectionResetError("peer \n reset")) == "peer reset"


def test_a_dripping_server_meets_the_total_deadline(base: str) -> None:
    """A byte every 0.25 s never trips the per-read timeout; the deadline (1 s) ends the fetch and
    the message gives the time it really took. Without a deadline the 20 s drip would be read whole."""
    with pytest.raises(UnreadableInput) as info:
        fetch(f"{base}/drip", timeout=5, deadline=1)
    assert re.fullmatch(
        rf"{re.escape(base)}/drip: timed out after \d+\.\d s \(the whole fetch may take 1 s\)",
        str(info.value),
    )
    with pytest.raises(UnreadableInput, match="the whole fetch may take 1 s"):
        threads.reconstruct(f"{base}/drip", options=threads.Options(fetch_deadline=1))


def test_the_callers_time_limit_is_its_own_error_not_the_fetchs(base: str) -> None:
    """The CLI's per-input limit firing inside a fetch was reported as "timed out after 20 s"."""
    from threads.errors import TimedOut
    from threads.limits import time_limit

    with pytest.raises(TimedOut, match=r"gave up after 0\.5 s"), time_limit(0.5, f"{base}/drip"):
        fetch(f"{base}/drip")


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),  # cloud metadata services live here
        ("100.64.0.1", True),  # carrier-grade NAT
        ("0.0.0.0", True),
        ("::1", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:10.0.0.1", True),
        ("224.0.0.1", True),
        ("93.184.216.34", False),
        ("8.8.8.8", False),
        ("2606:4700:4700::1111", False),
        ("::ffff:8.8.8.8", False),
    ],
)
def test_which_addresses_are_private(address: str, private: bool) -> None:
    import ipaddress

    from threads.fetch import _private

    assert _private(ipaddress.ip_address(address)) is private


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_private_addresses_can_be_refused(base: str, host: str) -> None:
    url = f"{base.replace('127.0.0.1', host)}/page"
    with pytest.raises(
        UnreadableInput, match=r"is a private, loopback or link-local address \(.*\); not fetched"
    ):
        fetch(url, refuse_private=True)
    with pytest.raises(UnreadableInput, match="private, loopback or link-local"):
        threads.reconstruct(url, options=threads.Options(refuse_private=True))
    assert threads.reconstruct(url).threads  # off by default


def test_a_content_type_of_plain_text_is_trusted(base: str) -> None:
    rec = threads.reconstruct(f"{base}/plain")
    assert rec.source.kind == "text"
    assert [(p.author.name, p.text) for p in rec.posts] == [("Ana Ruiz", "We are open")]
