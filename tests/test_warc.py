"""Web archives as batch inputs: WARCs written here with warcio, read through ``threads render``."""

from __future__ import annotations

import builtins
import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from threads.batch import expand
from threads.render import json_schema
from threads.warc import EXTRA_MISSING, ArchiveError, Capture, Page, Skipped, dechunk, page_bytes, read

from .clirun import invoke as run_cli
from .test_batch import needs_pty, on_a_terminal

pytest.importorskip("fastwarc")
warcio_writer = pytest.importorskip("warcio.warcwriter")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402

DATE = "2017-10-17T09:30:00Z"
PAGE = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
    "<p>The mayor spoke on Tuesday.</p>"
    '<p>"{quote}," Mayor Jane Doe tweeted on Tuesday.</p>'
    '<p><a href="/more">More</a></p>'
    "</article></body></html>"
)


def page(title: str, quote: str = "We will rebuild the bridge by spring") -> str:
    return PAGE.format(title=title, quote=quote)


class Archive:
    """A WARC written record by record with warcio's WARCWriter."""

    def __init__(self, path: Path, *, gz: bool) -> None:
        self.path = path
        self.fh = path.open("wb")
        self.writer = warcio_writer.WARCWriter(self.fh, gzip=gz)
        self.writer.write_record(self.writer.create_warcinfo_record(path.name, {"software": "tests"}))

    def response(
        self,
        url: str,
        body: bytes,
        *,
        content_type: str | None = "text/html; charset=utf-8",
        status: str = "200 OK",
        headers: tuple[tuple[str, str], ...] = (),
        date: str = DATE,
    ) -> None:
        http = [("Content-Type", content_type)] if content_type else []
        http += list(headers)
        record = self.writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=StatusAndHeaders(status, http, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": date},
        )
        self.writer.write_record(record)

    def request(self, url: str) -> None:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        record = self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)
        self.writer.write_record(record)

    def metadata(self, url: str) -> None:
        record = self.writer.create_warc_record(
            url, "metadata", payload=io.BytesIO(b"outlink: https://example.org/x\r\n"),
            warc_content_type="application/warc-fields",
        )  # fmt: skip
        self.writer.write_record(record)

    def resource(self, url: str, body: bytes, content_type: str) -> None:
        record = self.writer.create_warc_record(
            url, "resource", payload=io.BytesIO(body), warc_content_type=content_type,
            warc_headers_dict={"WARC-Date": "2020-02-02T02:02:02Z"},
        )  # fmt: skip
        self.writer.write_record(record)

    def close(self) -> Path:
        self.fh.close()
        return self.path


def crawl(path: Path, *, gz: bool) -> Path:
    """Three HTML pages (one gzip-encoded, one chunked), an image, a 404, a redirect, a request,
    a metadata record, and a resource record holding HTML."""
    a = Archive(path, gz=gz)
    a.request("https://example.org/one")
    a.response("https://example.org/one", page("One").encode())
    a.metadata("https://example.org/one")
    a.response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png")
    a.response(
        "https://example.org/two",
        gzip.compress(page("Two", "Roads are closed").encode()),
        headers=(("Content-Encoding", "gzip"),),
    )
    a.response("https://example.org/gone", page("Gone").encode(), status="404 Not Found")
    a.response("https://example.org/old", b"", content_type=None, status="301 Moved Permanently")
    body = page("Three", "Schools open on Monday").encode()
    chunked = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (40, body[:40], len(body) - 40, body[40:])
    a.response("https://example.org/three", chunked, headers=(("Transfer-Encoding", "chunked"),))
    a.resource("https://example.org/saved", page("Saved").encode(), "text/html")
    return a.close()


def invoke(*args: str) -> tuple[int, str, str]:
    result = run_cli(["render", *args])
    return result.exit_code, result.stdout, result.stderr


def lines_of(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_every_html_page_is_an_input(tmp_path: Path, gz: bool) -> None:
    archive = crawl(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gz=gz)
    code, stdout, stderr = invoke(str(archive), "--format", "jsonl", "-j", "1")
    assert code == 0, stderr
    lines = lines_of(stdout)
    urls = [line["source"]["url"] for line in lines]
    assert urls == [
        "https://example.org/one",
        "https://example.org/two",
        "https://example.org/three",
        "https://example.org/saved",
    ]
    assert [line["source"]["title"] for line in lines] == ["One", "Two", "Three", "Saved"]
    texts = [line["threads"][0]["posts"][0]["text"] for line in lines]
    assert texts[1] == "Roads are closed"  # the gzip-encoded body
    assert texts[2] == "Schools open on Monday"  # the chunked one
    for line in lines:
        assert line["error"] is None
        # the location names the archive and the record, then the page's URL
        location, url = line["input"].split(" ")
        assert location.startswith(f"{archive}#urn:uuid:")
        assert url == line["source"]["url"] and line["source"]["location"] == line["input"]
        assert line["threads"][0]["author"]["name"] == "Jane Doe"
        jsonschema.validate({k: v for k, v in line.items() if k not in {"input", "error"}}, json_schema())
    assert [line["source"]["captured"] for line in lines] == [
        "2017-10-17T09:30:00+00:00",
        "2017-10-17T09:30:00+00:00",
        "2017-10-17T09:30:00+00:00",
        "2020-02-02T02:02:02+00:00",
    ]
    # image, 404 and redirect are counted as skipped; requests, metadata and warcinfo are not pages
    assert "4 inputs: 4 ok, 0 empty, 0 failed; 4 posts; 3 archive records skipped (not HTML pages)" in stderr


def test_charset_of_the_http_header(tmp_path: Path) -> None:
    a = Archive(tmp_path / "old.warc.gz", gz=True)
    a.response(
        "https://example.ru/news",
        page("Новости", "Мост откроют весной").encode("windows-1251"),
        content_type="text/html; charset=windows-1251",
    )
    a.response(
        "https://example.fr/cafe",
        page("Café", "Le café ouvre à midi").encode("latin-1"),
        content_type="text/html; charset=ISO-8859-1",
    )
    code, stdout, stderr = invoke(str(a.close()), "-f", "jsonl", "-j", "1")
    assert code == 0, stderr
    lines = lines_of(stdout)
    assert [line["source"]["title"] for line in lines] == ["Новости", "Café"]
    assert lines[0]["threads"][0]["posts"][0]["text"] == "Мост откроют весной"
    assert lines[1]["threads"][0]["posts"][0]["text"] == "Le café ouvre à midi"


def test_relative_links_resolve_against_the_target_uri(tmp_path: Path) -> None:
    a = Archive(tmp_path / "links.warc", gz=False)
    html = (
        "<html><head><title>Links</title></head><body>"
        '<blockquote class="twitter-tweet"><p lang="en">See <a href="plan.html">the plan</a></p>'
        "&mdash; Jane Doe (@janedoe) "
        '<a href="https://twitter.com/janedoe/status/1234567890123456789">October 17, 2017</a></blockquote>'
        "</body></html>"
    )
    a.response("https://news.example.org/2017/story", html.encode())
    code, stdout, stderr = invoke(str(a.close()), "-f", "jsonl", "-j", "1")
    assert code == 0, stderr
    (line,) = lines_of(stdout)
    assert line["source"]["url"] == "https://news.example.org/2017/story"
    (post,) = line["threads"][0]["posts"]
    assert "https://news.example.org/2017/plan.html" in post["links"]


def test_output_dir_names_from_archive_and_uri(tmp_path: Path) -> None:
    a = Archive(tmp_path / "site.warc.gz", gz=True)
    a.response("https://example.org/2017/story.html", page("First").encode())
    a.response("https://example.org/2017/story.html", page("Again").encode())  # captured twice
    a.response("https://example.org/?p=12", page("Query").encode())
    archive = a.close()
    single = tmp_path / "site.html"
    single.write_text(page("Single"), encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = invoke(str(archive), str(single), "-d", str(out), "-f", "json", "-j", "2")
    assert code == 0, stderr
    assert stdout == ""
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "site.json",
        "site/example.org_2017_story-2.json",
        "site/example.org_2017_story.json",
        "site/example.org_p_12.json",
    ]
    again = json.loads((out / "site" / "example.org_2017_story-2.json").read_text(encoding="utf-8"))
    assert again["source"]["title"] == "Again"
    assert again["source"]["captured"] == "2017-10-17T09:30:00+00:00"


def test_truncated_archive_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    for gz in (False, True):
        name = "cut.warc.gz" if gz else "cut.warc"
        a = Archive(tmp_path / f"whole-{name}", gz=gz)
        for i in range(3):
            a.response(f"https://example.org/{i}", page(f"Page {i}").encode())
        data = a.close().read_bytes()
        (tmp_path / name).write_bytes(data[: int(len(data) * 0.85)])  # inside the last record
    after = tmp_path / "after.html"
    after.write_text(page("After"), encoding="utf-8")
    cut, cut_gz = tmp_path / "cut.warc", tmp_path / "cut.warc.gz"
    code, stdout, stderr = invoke(str(cut), str(cut_gz), str(after), "-f", "jsonl", "-j", "1")
    assert code == 1
    lines = lines_of(stdout)
    titles = [line["source"]["title"] if line["source"] else None for line in lines]
    assert titles == ["Page 0", "Page 1", None, "Page 0", "Page 1", None, "After"]
    assert lines[2]["input"] == str(cut) and lines[5]["input"] == str(cut_gz)
    errors = [line for line in stderr.splitlines() if line.startswith("threads: error:")]
    assert len(errors) == 2
    assert errors[0].startswith(f"threads: error: {cut}: cut short")
    assert errors[1].startswith(f"threads: error: {cut_gz}: cut short")
    assert "7 inputs: 5 ok, 0 empty, 2 failed" in stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body>Just a page</body></html>", "not a web archive"),
        (b"", "not a web archive"),
        (gzip.compress(b"not a WARC at all\r\n\r\n"), "not a web archive"),
    ],
    ids=["html", "empty", "gzip"],
)
def test_a_warc_that_is_not_one(tmp_path: Path, content: bytes, message: str) -> None:
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(content)
    good = tmp_path / "good.html"
    good.write_text(page("Good"), encoding="utf-8")
    code, stdout, stderr = invoke(str(fake), str(good), "-f", "jsonl", "-j", "1")
    assert code == 1
    bad, ok = lines_of(stdout)
    assert bad["input"] == str(fake) and message in bad["error"]
    assert ok["source"]["title"] == "Good"
    (error,) = [line for line in stderr.splitlines() if "error" in line]
    assert error.startswith(f"threads: error: {fake}: {message}")


def test_corrupt_gzip_member(tmp_path: Path) -> None:
    a = Archive(tmp_path / "bad.warc.gz", gz=True)
    for i in range(3):
        a.response(f"https://example.org/{i}", page(f"Page {i}").encode())
    data = bytearray(a.close().read_bytes())
    data[-60] ^= 0xFF  # inside the last member's deflate data or its CRC
    (tmp_path / "bad.warc.gz").write_bytes(bytes(data))
    code, stdout, _ = invoke(str(tmp_path / "bad.warc.gz"), "-f", "jsonl", "-j", "1")
    assert code == 1
    lines = lines_of(stdout)
    assert [line["source"]["title"] for line in lines[:2]] == ["Page 0", "Page 1"]
    assert lines[-1]["error"].startswith(f"{tmp_path / 'bad.warc.gz'}: ")


def test_records_are_read_lazily(tmp_path: Path) -> None:
    a = Archive(tmp_path / "lazy.warc", gz=False)
    a.response("https://example.org/first", page("First").encode())
    archive = a.close()
    with archive.open("ab") as fh:
        fh.write(b"WARC/1.0\r\nWARC-Type: resp")  # a record cut short in its header
    items = expand([str(archive)], read_stdin=False)
    first = next(items)  # the first page comes before the archive's end is read
    assert first.capture is not None and first.capture.url == "https://example.org/first"
    assert first.error is None and first.data is not None
    (last,) = list(items)
    assert last.error is not None and "cut short" in last.error
    entries: Iterator[Page | Skipped] = read(str(archive))
    assert isinstance(next(entries), Page)


def test_a_folder_walk_takes_archives(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    crawl(tmp_path / "site" / "crawl.warc.gz", gz=True)
    (tmp_path / "site" / "a.html").write_text(page("A"), encoding="utf-8")
    items = list(expand([str(tmp_path / "site")], read_stdin=False))
    assert [i.name for i in items] == [
        "a",
        "crawl/example.org_one",
        "crawl/example.org_two",
        "crawl/example.org_three",
        "crawl/example.org_saved",
    ]


def test_usage_errors(tmp_path: Path) -> None:
    archive = crawl(tmp_path / "crawl.warc.gz", gz=True)
    code, stdout, stderr = invoke(str(archive))
    assert code == 2 and stdout == ""
    assert "a web archive holds several pages: give --output-dir DIR, or --format jsonl" in stderr
    code, _, stderr = invoke(str(archive), "-o", str(tmp_path / "x.md"))
    assert code == 2 and "--output-dir" in stderr
    code, _, stderr = invoke(str(archive), "-f", "jsonl", "--url", "https://example.org/")
    assert code == 2 and "--url" in stderr


def test_without_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = crawl(tmp_path / "crawl.warc.gz", gz=True)
    real_import = builtins.__import__

    def no_fastwarc(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("fastwarc"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_fastwarc)
    code, stdout, stderr = invoke(str(archive), "-f", "jsonl", "-j", "1")
    assert code == 1
    (error,) = [line for line in stderr.splitlines() if "error" in line]
    assert error == f"threads: error: {archive}: {EXTRA_MISSING}"
    assert EXTRA_MISSING.endswith("pip install 'threads[warc]'")
    assert lines_of(stdout)[0]["input"] == str(archive)


@needs_pty
def test_progress_bar_counts_pages_without_a_total(tmp_path: Path) -> None:
    archive = crawl(tmp_path / "crawl.warc.gz", gz=True)
    stdout, terminal = on_a_terminal("render", str(archive), "-f", "jsonl", "-j", "1")
    assert len(stdout.splitlines()) == 4
    # an archive's pages are not counted ahead: done and the rate, no total
    assert any(part.startswith("threads: 4 inputs [") and "4 posts" in part for part in terminal.split("\r"))
    assert "/4" not in terminal


def test_payload_decoding() -> None:
    body = page("Z").encode()
    assert dechunk(b"4\r\nabcd\r\n3;ext=1\r\nefg\r\n0\r\n\r\n") == b"abcdefg"
    assert dechunk(b"<html>not chunked</html>") == b"<html>not chunked</html>"
    assert dechunk(b"4\r\nabcd\r\n9\r\nef") == b"abcdef"  # cut short inside a chunk
    capture = Capture("urn:x", "https://example.org/", DATE, "gzip")
    assert page_bytes(gzip.compress(body), capture, "x") == body
    assert page_bytes(body, capture, "x") == body  # stored decoded under its original header
    with pytest.raises(ValueError, match="x: bad gzip body"):
        page_bytes(b"\x1f\x8b\x08garbage", capture, "x")
    latin = Capture("urn:x", "https://example.org/", None, charset="iso-8859-1")
    assert page_bytes("<p>café</p>".encode("latin-1"), latin, "x") == "\ufeff<p>café</p>".encode()


def test_digest_reads_archives(tmp_path: Path) -> None:
    archive = crawl(tmp_path / "crawl.warc.gz", gz=True)
    fake = tmp_path / "fake.warc"
    fake.write_bytes(b"<html>not an archive</html>")
    out = tmp_path / "digest.md"
    result = run_cli(["digest", str(archive), str(fake), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"threads: skipped {fake}: not a web archive (Invalid WARC header)\n"
    text = out.read_text(encoding="utf-8")
    assert "quoted in 4 articles" in text
    assert text.count("We will rebuild the bridge by spring") == 1  # pages one and saved: one post
    assert "<https://example.org/one>" in text and "<https://example.org/saved>" in text


def test_capture_date_in_markdown_and_html(tmp_path: Path) -> None:
    a = Archive(tmp_path / "kept.warc.gz", gz=True)
    a.response("https://example.org/story", page("Kept").encode())
    archive = a.close()
    out = tmp_path / "out"
    for fmt in ("md", "html"):
        code, _, stderr = invoke(str(archive), "-d", str(out), "-f", fmt, "-j", "1")
        assert code == 0, stderr
    md = (out / "kept" / "example.org_story.md").read_text(encoding="utf-8")
    assert '\ncaptured: "2017-10-17T09:30:00+00:00"\n' in md.split("---")[1]
    html = (out / "kept" / "example.org_story.html").read_text(encoding="utf-8")
    assert 'captured <time datetime="2017-10-17T09:30:00+00:00">' in html
    plain = tmp_path / "plain.html"
    plain.write_text(page("Plain"), encoding="utf-8")
    code, stdout, stderr = invoke(str(plain), "-f", "md")
    assert code == 0, stderr
    assert "captured:" not in stdout


def test_a_page_over_the_size_limit_is_a_failed_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was counted with the images and redirects as "not HTML pages"."""
    import threads.warc

    monkeypatch.setattr(threads.warc, "MAX_BYTES", 2000)
    a = Archive(tmp_path / "big.warc.gz", gz=True)
    a.response("https://example.org/one", page("One").encode())
    a.response("https://example.org/big", page("Big", "x" * 5000).encode())
    a.response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png")
    archive = a.close()
    code, stdout, stderr = invoke(str(archive), "--format", "jsonl", "-j", "1")
    assert code == 1
    lines = lines_of(stdout)
    assert lines[0]["error"] is None
    assert lines[1]["input"].endswith(" https://example.org/big")
    assert lines[1]["error"] == f"{lines[1]['input']}: larger than the 2000-byte limit"
    assert "2 inputs: 1 ok, 0 empty, 1 failed; 1 post; 1 archive record skipped (not HTML pages)" in stderr


# ---------------------------------------------------------------- ranges of records (the Dask engine's tasks)


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_range_of_records_reads_from_where_one_starts(tmp_path: Path, gz: bool) -> None:
    archive = crawl(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gz=gz)
    whole = list(read(str(archive)))
    offsets = [entry.offset for entry in whole]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)
    pages = [entry for entry in whole if isinstance(entry, Page)]
    second, fourth = pages[1].offset, pages[3].offset
    middle = list(read(str(archive), start=second, stop=fourth))
    assert [e.capture.url for e in middle if isinstance(e, Page)] == [p.capture.url for p in pages[1:3]]
    assert middle == [e for e in whole if second <= e.offset < fourth]
    assert list(read(str(archive), start=fourth)) == [e for e in whole if e.offset >= fourth]
    one = list(read(str(archive), start=second, stop=second + 1))
    assert one == [pages[1]]
    with pytest.raises(ArchiveError, match=r"no record starts at byte 3"):
        list(read(str(archive), start=3))


def test_an_archive_compressed_as_one_stream_is_not_split(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from threads.cluster import index_archive

    plain = crawl(tmp_path / "crawl.warc", gz=False)
    split = index_archive(str(plain), step=1)
    assert split.splittable and len(split.pages) == 4 and split.error is None
    assert [why for _, _, why in split.skipped] == [
        "not HTML (image/png)",
        "HTTP status 404",
        "HTTP status 301",
    ]
    one_stream = tmp_path / "stream.warc.gz"
    one_stream.write_bytes(gzip.compress(plain.read_bytes()))
    whole = index_archive(str(one_stream), step=1)
    assert not whole.splittable and [p[2] for p in whole.pages] == [p[2] for p in split.pages]
