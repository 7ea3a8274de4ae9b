"""load: decoding, HTML sniffing, paragraphs, datelines, and clear errors."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

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
