"""load: decoding, HTML sniffing, paragraphs, datelines, and clear errors."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

import threads
from threads.errors import UnreadableInput
from threads.load import load

ARTICLE = "Headline here\n\nOctober 17, 2017\n\nFirst paragraph.\n\nSecond “quoted” one.\n"


def test_plain_text_paragraphs_title_and_dateline() -> None:
    src = load(ARTICLE)
    assert src.kind == "text"
    assert src.title == "Headline here"
    assert src.published == date(2017, 10, 17)
    assert [p.text for p in src.paragraphs][2:] == ["First paragraph.", "Second “quoted” one."]
    assert all(src.text[p.position : p.position + 5] == p.text[:5] for p in src.paragraphs)


def test_promotional_first_line_is_not_the_title() -> None:
    src = load("Join our newsletter for more!\n\nThe real headline\n\nMarch 1, 2020\n\nBody.\n")
    assert src.title == "The real headline"


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Robles confirma su gira: «Las entradas salen el lunes»", True),  # a headline may end quoting
        ('Mayor on the bridge: "It stays open"', True),
        ("“The bridge stays open,” the mayor said.", False),  # a sentence: its stop inside the quote
        ('"It stays open."', False),
        ("The mayor opened the bridge on Monday.", False),
    ],
)
def test_a_first_line_without_dateline_is_a_title_unless_it_ends_a_sentence(first: str, title: bool) -> None:
    src = load(f"{first}\n\nThe body of the article.\n\nAnd more of it.\n")
    assert src.title == (first if title else None)


@pytest.mark.parametrize(
    ("data", "enc"),
    [
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("utf-8"), "utf-8"),
    ],
)
def test_bytes_decoding(data: bytes, enc: str) -> None:
    src = load(data)
    assert src.encoding == enc
    assert "“quoted”" in src.text


def test_declared_charset_is_honoured() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><p>caf\xe9 “x”</p></body></html>'
    src = load(html.encode("cp1252"))
    assert src.kind == "html"
    assert src.paragraphs[0].text == "café “x”"


def test_wrong_declared_charset_falls_back() -> None:
    html = '<html><head><meta charset="utf-8"></head><body><p>caf\xe9</p></body></html>'
    src = load(html.encode("latin-1"))
    assert "café" in src.paragraphs[0].text


def test_mojibake_is_repaired() -> None:
    src = load("Title\n\nâ€œHello,â€\x9d she said.\n".encode())
    assert "“Hello,”" in src.paragraphs[1].text


def test_html_paragraphs_skip_scripts_and_keep_order() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body><div>Intro <b>bold</b> text"
        "<p>One</p>tail<script>var x = '“no”';</script><p>Two<br>lines</p></div></body></html>"
    )
    src = load(html)
    assert [p.text for p in src.paragraphs] == ["Intro bold text", "One", "tail", "Two\nlines"]
    positions = [p.position for p in src.paragraphs]
    assert positions == sorted(positions)
    assert src.title == "T"


def test_html_metadata() -> None:
    html = (
        '<html><head><link rel="canonical" href="https://example.org/a">'
        '<meta property="article:published_time" content="2020-05-01T10:00:00Z">'
        "</head><body><p>x</p></body></html>"
    )
    src = load(html)
    assert src.url == "https://example.org/a"
    assert src.published is not None and src.published.isoformat().startswith("2020-05-01")


@pytest.mark.parametrize("data", [b"", b"   \n", b""])
def test_empty_input_is_an_empty_source(data: bytes) -> None:
    src = load(data)
    assert src.paragraphs == ()


def test_binary_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="binary"):
        load(b"\x00\x01\x02\x03\xff\xfe\x00" * 100)


def test_invalid_utf16_is_a_clear_error() -> None:
    with pytest.raises(UnreadableInput, match="not valid utf-16"):
        load(codecs.BOM_UTF16_LE + b"\x00\xd8\x41")


def test_xhtml_with_declaration_and_entities_is_safe() -> None:
    xhtml = (
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>&x; safe</p></body></html>"
    )
    src = load(xhtml.encode())
    assert "root:" not in src.paragraphs[0].text if src.paragraphs else True


def test_paragraph_positions_are_document_order_of_their_blocks() -> None:
    html = (
        "<html><head><title>t</title><!-- c --><script>x</script></head><body><!-- c2 -->"
        "<div><p>one</p><script>var a;</script><p>two <b>b</b></p></div><blockquote class='twitter-tweet'>"
        "<p>embedded</p></blockquote><section><h2>three</h2><p>four</p></section></body></html>"
    )
    src = load(html)
    assert src.page is not None
    by_text = {p.text: p.position for p in src.paragraphs}
    for el in src.page.root.iter("p", "h2"):
        text = " ".join(el.text_content().split())
        if text in by_text:
            assert by_text[text] >> 20 == src.page.order(el), text
    assert "embedded" not in by_text
    assert list(by_text) == ["one", "two b", "three", "four"]


PUBLISHED = "article:published_time"
LD = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-06-20"}</script>'


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        # the meta tags sites use, under name= as well as property=, the date in content= or value=
        (f'<meta name="{PUBLISHED}" content="2016-09-19T17:18:00Z">', None, "2016-09-19T17:18:00+00:00"),
        (f'<meta value="2016-12-13T22:33:06+00:00" name="{PUBLISHED}">', None, "2016-12-13T22:33:06+00:00"),
        (f'<meta property="og:{PUBLISHED}" content="2025-09-12T19:01Z">', None, "2025-09-12T19:01:00+00:00"),
        (
            '<meta name="publish-date" content="Sat, Dec 27 2014 21:44 +0000">',
            None,
            "2014-12-27T21:44:00+00:00",
        ),
        ('<meta name="publish-date" value="December 1, 2016">', None, "2016-12-01"),
        ('<meta name="publish-date" value="December 2016">', None, None),  # no day: none invented
        ('<meta name="date" content="2016-12">', None, None),
        (f'<meta name="date" content="{"1 " * 20_000}">', None, None),  # no date, and not slow to say so
        # structured data before a newsletter tool's date
        ('<meta property="sailthru.date" content="2019-06-20 14:39:54">' + LD, None, "2019-06-20"),
        # the address, when nothing else dates the page
        ("", "https://news.example/education/2020/oct/02/halls-too-full", "2020-10-02"),
        ("", "https://news.example/2014/12/27/story/", "2014-12-27"),
        ("", "https://diary.example/diary/20190211.html", "2019-02-11"),
        ("", "https://news.example/2016/09/story/", None),  # a month is no day
        ("", "https://news.example/2021-22/transfers/x", None),
    ],
)
def test_article_date_from_meta_tags_and_address(head: str, url: str | None, expected: str | None) -> None:
    import warnings

    from threads.load import from_text

    page = f"<html><head>{head}</head><body><p>Nothing dated here.</p></body></html>"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # dateutil's warnings stay inside
        src = from_text(page, location="page.html", url=url)
    assert (src.published.isoformat() if src.published else None) == expected


# ---------------------------------------------------------------- what a name says

TAGGED_ARTICLE = (
    "Library news\n\n"
    "A reader typed <script>alert(1)</script> into the search box, and <p> tags showed up.\n\n"
    "“We are open late tonight,” librarian Ana Ruiz tweeted.\n"
)


@pytest.mark.parametrize("suffix", [".txt", ".TXT", ".text"])
def test_a_text_file_quoting_tags_is_read_as_text(tmp_path: Path, suffix: str) -> None:
    """Sniffed as HTML, the quoted <script> swallowed the rest of the article."""
    path = tmp_path / f"article{suffix}"
    path.write_text(TAGGED_ARTICLE, encoding="utf-8")
    rec = threads.reconstruct(path)
    assert rec.source.kind == "text"
    assert "<script>alert(1)</script> into the search box" in rec.source.paragraphs[1].text
    assert [(p.author.name, p.text) for p in rec.posts] == [("Ana Ruiz", "We are open late tonight")]


def test_an_html_file_is_html_and_other_names_are_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("Just words, no tags.\n\nA second paragraph.", encoding="utf-8")
    assert threads.reconstruct(page).source.kind == "html"
    plain = "Library news\n\n“We are open late tonight,” librarian Ana Ruiz tweeted.\n"
    for name, kind in (("notes.md", "text"), ("saved", "text"), ("saved.php", "html")):
        path = tmp_path / name
        path.write_text(plain if kind == "text" else f"<html><body>{plain}</body></html>", encoding="utf-8")
        assert threads.reconstruct(path).source.kind == kind, name
    assert threads.reconstruct(TAGGED_ARTICLE.encode()).source.kind == "html"  # bytes: sniffed, as before


def test_a_device_is_read_no_further_than_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """stat() says /dev/zero holds 0 bytes: the whole device was read until memory ran out."""
    import threads.load

    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    monkeypatch.setattr(threads.load, "MAX_BYTES", 1 << 20)
    with pytest.raises(threads.UnreadableInput, match=r"^/dev/zero: larger than the 1048576-byte limit$"):
        threads.reconstruct(Path("/dev/zero"))
    from .clirun import invoke

    result = invoke(["render", "/dev/zero"])
    assert (result.exit_code, result.stderr) == (1, "Error: /dev/zero: larger than the 1048576-byte limit\n")


@pytest.mark.parametrize(
    ("arg", "why"),
    [
        ("nope", "no such file"),
        ("story.html", "no such file"),
        ("www.example.org/story", "no such file (for a URL, write http:// or https:// before it)"),
        ("example.org/2017/10/story.html", "no such file (for a URL, write http:// or https:// before it)"),
        ("ftp://example.org/story.html", "no such file, and only http and https URLs are fetched"),
        ("file:///tmp/story.html", "no such file"),  # read through fsspec, as s3:// URLs are
        ("“We are open late tonight,” librarian Ana Ruiz tweeted.", "no such file"),
    ],
)
def test_an_argument_that_names_no_file_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arg: str, why: str
) -> None:
    """Such an argument was read as the article's text: exit 0, nothing found."""
    from .clirun import invoke

    monkeypatch.chdir(tmp_path)
    result = invoke(["render", arg])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {arg}: {why}\n")
    batch = invoke(["render", arg, arg, "-f", "jsonl"])
    assert batch.exit_code == 1
    assert [json.loads(line)["error"] for line in batch.stdout.splitlines()] == [f"{arg}: {why}"] * 2


def test_the_python_api_still_reads_a_str_of_text() -> None:
    rec = threads.reconstruct("“We are open late tonight,” librarian Ana Ruiz tweeted.")
    assert rec.source.location == "<string>" and [p.text for p in rec.posts] == ["We are open late tonight"]


def test_the_walk_keeps_the_document_order_the_readers_ask_for() -> None:
    """The indices the paragraph walk keeps for the embed readers are the ones libxml2 counts
    (preceding elements and ancestors), for elements walked, left out, inside left-out ones or not."""
    from lxml import etree

    from threads.dom import _DOC_INDEX

    src = load(
        "<html><head><title>t</title><meta name=x content=y></head><body><!-- c --><div hidden>"
        '<a href="https://twitter.com/a_ex/status/1">x</a></div><p>one <img src="/a.png"> '
        '<a href="https://www.instagram.com/p/Bq3xYzAbCdE/">two</a></p><script>var a;</script>'
        '<blockquote class="twitter-tweet"><p>In</p><a href="https://twitter.com/b_ex/status/2">d</a>'
        '</blockquote><figure><iframe src="https://www.facebook.com/plugins/post.php?href=x"></iframe>'
        '</figure><span data-tweet-id="3">t</span></body></html>'
    )
    page = src.page
    assert page is not None
    kept = dict(page.walked)
    assert {el.tag for el in kept} >= {"a", "img", "script", "blockquote", "figure", "iframe", "span"}
    for el, index in kept.items():
        assert index == int(_DOC_INDEX(el))  # type: ignore[arg-type]
    every = list(page.root.iter(etree.Element))
    assert [page.order(el) for el in every] == list(range(len(every)))


# UTF-8 bytes the parser reads as they are, and look-alikes that must go through the decoded text:
# a charset declared late or wrongly, an XML declaration, a NUL, a byte-order mark, stray bytes.
_PAGE = (
    "<html><head>{head}</head><body><p>Café “quoted” \U0001f600 naïve</p>"
    + "<p>filler paragraph</p>" * 400
    + "{late}<blockquote><p>Ünïcödé ¶ tail</p></blockquote>{tail}</body></html>"
)


@pytest.mark.parametrize(
    "data",
    [
        _PAGE.format(head="", late="", tail="").encode(),
        _PAGE.format(head='<meta charset="utf-8">', late="", tail="").encode(),
        _PAGE.format(head="", late='<meta charset="windows-1252">', tail="").encode(),
        _PAGE.format(head="", late='<meta charset="shift_jis">', tail="").encode(),
        _PAGE.format(head='<meta charset="us-ascii">', late="", tail="")
        .encode()
        .decode()
        .encode("ascii", "replace"),
        b'<?xml version="1.0" encoding="utf-8"?>' + _PAGE.format(head="", late="", tail="").encode(),
        _PAGE.format(head="", late="", tail="a\x00b").encode(),
        codecs.BOM_UTF8 + _PAGE.format(head="", late="", tail="").encode(),
        _PAGE.format(head="", late="", tail="").encode() + b"<p>stray \xe9 byte</p>",
    ],
    ids=["utf8", "declared", "late-1252", "late-sjis", "ascii", "xml-decl", "nul", "bom", "stray"],
)
def test_a_page_parsed_from_its_bytes_is_the_page_parsed_from_its_text(data: bytes) -> None:
    from lxml import etree

    from threads.load import decode, from_bytes, from_text

    text, encoding = decode(data, location="<test>")
    by_bytes = from_bytes(data, location="<test>")
    by_text = from_text(text, location="<test>", encoding=encoding)
    assert by_bytes.paragraphs == by_text.paragraphs
    assert any(p.text.endswith("tail") and p.quoted for p in by_bytes.paragraphs)
    assert by_bytes.page is not None and by_text.page is not None
    assert etree.tostring(by_bytes.page.root, encoding="unicode") == etree.tostring(
        by_text.page.root, encoding="unicode"
    )


def test_a_closing_quote_whose_last_byte_was_lost_to_windows_1252_is_mended() -> None:
    """UTF-8 read as windows-1252 turns "”" into "â€" and a byte that charset lacks; a decoder put
    a replacement mark there. The quote's words must still close where they did."""
    text = (
        "Fire crews\n\nOne resident commented under the post: â€œDeputies came by at 5:40.â€\ufffd "
        "Another wrote: â€œGot the horses out.â€\ufffd The sheriffâ€™s office thanked them.\n"
    )
    src = load(text)
    body = src.paragraphs[-1].text
    assert "“Deputies came by at 5:40.” Another" in body
    assert "sheriff’s office" in body
    # or the decoder dropped the byte: "â€" before a space, a stop or the line's end is the quote,
    # not the dagger ("†") a mangled no-break space would make of it
    dropped = load(
        "Drone trial\n\nCouncillor Howard Pim was quick: â€œI said from day one it was a bad idea. "
        "Today we were lucky,â€ Pim tweeted. The firm said: â€œWe are looking into it.â€\n"
    )
    body = dropped.paragraphs[-1].text
    assert "“I said from day one it was a bad idea. Today we were lucky,” Pim tweeted" in body
    assert "“We are looking into it.”" in body and "†" not in body


def test_text_after_a_comment_is_kept_in_its_paragraph() -> None:
    """The walk sees no comment, so the text after one was lost ("Hello <!-- x --> world" read as
    "Hello"); the comment stays for the readers that look inside comments."""
    src = load(
        "<html><body><p>Hello <!-- x --> world <b>b</b><!-- y --><!-- z --> after <?pi x?> end</p>"
        "<!-- between --><p>Next</p><div><!-- <blockquote>parked</blockquote> --></div></body></html>"
    )
    assert [p.text for p in src.paragraphs] == ["Hello world b after end", "Next"]
    assert src.page is not None
    comments = [c.text for c in src.page.root.iter(etree.Comment)]
    assert " <blockquote>parked</blockquote> " in comments
