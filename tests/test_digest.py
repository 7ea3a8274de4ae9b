"""``threads digest``: many pages into one Markdown digest (grouped by author, time order, sources)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from markdown_it import MarkdownIt

from threads.digest import build, digest, render_digest
from threads.model import Author, Post, Reconstruction, Source, Thread

from .clirun import invoke
from .render_samples import ARTICLE_URL, several_authors

MD = MarkdownIt("commonmark")

ARTICLE_A = """Raqqa falls

Army Col. Ryan Dillon tweeted: "ISIS is losing in every way."

Later, Dillon tweeted: "Raqqa is more than 90 percent cleared."
"""
ARTICLE_B = """The week in Syria

Col. Ryan Dillon tweeted on Monday: "ISIS is losing in every way."

Jane Smith, a reporter, tweeted: "Civilians are returning to Raqqa."
"""


def other_article() -> Reconstruction:
    """The same posts as ``several_authors`` quoted by a second article, plus one of its own, older."""
    rec = several_authors()
    src = replace(rec.source, url="https://other.example/story", title="Another story", location="b.html")
    older = Post(
        platform="twitter",
        text="Operations in Raqqa continue",
        author=Author(name="Ryan Dillon", handle="OIRSpox"),
        published=date(2017, 9, 1),
    )
    dillon = rec.threads[0]
    threads = (replace(dillon, posts=(*dillon.posts, older)), rec.threads[1])
    return Reconstruction(source=src, threads=threads)


def test_same_post_from_two_articles_is_listed_once_with_both_sources() -> None:
    d = build([several_authors(), other_article()])
    assert [s.author.name for s in d.sections] == ["Alice Example", "Ryan Dillon"]
    texts = [e.post.text for s in d.sections for e in s.entries]
    assert len(texts) == len(set(texts)) == 4
    shared = [e for s in d.sections for e in s.entries if len(e.sources) == 2]
    assert len(shared) == 3
    assert all(
        [x.title for x in e.sources] == [several_authors().source.title, "Another story"] for e in shared
    )


def test_posts_in_time_order_within_an_author() -> None:
    d = build([several_authors(), other_article()])
    dillon = next(s for s in d.sections if s.author.name == "Ryan Dillon")
    dates = [e.post.published for e in dillon.entries]
    assert dates[0] == date(2017, 9, 1)
    assert [str(x)[:10] for x in dates] == sorted(str(x)[:10] for x in dates)


def test_markdown_has_contents_sections_and_links_back_to_each_article() -> None:
    text = render_digest(build([several_authors(), other_article()]), title="Week 42")
    tokens = MD.parse(text.split("\n---\n", 1)[1])
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Week 42", "Contents", "Alice Example (@alice)", "Ryan Dillon (@OIRSpox)", "Articles"]
    inlines = [t for t in tokens if t.type == "inline"]
    hrefs = [c.attrs["href"] for t in inlines for c in t.children or [] if c.type == "link_open"]
    assert "#alice-example-alice" in hrefs and "#ryan-dillon-oirspox" in hrefs
    assert hrefs.count(ARTICLE_URL) == 3 + 1  # three shared posts, plus the list of articles
    assert hrefs.count("https://other.example/story") == 4 + 1
    quotes = sum(1 for t in tokens if t.type == "blockquote_open" and t.level == 0)
    assert quotes == 4


def test_digest_from_files_skips_a_bad_input(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    errors: list[str] = []
    d = digest([a, tmp_path / "missing.txt", b], on_error=lambda item, e: errors.append(item))
    assert errors == [str(tmp_path / "missing.txt")]
    assert [f[0] for f in d.failures] == errors
    assert len(d.sources) == 2
    shared = [e for s in d.sections for e in s.entries if e.post.text == "ISIS is losing in every way."]
    assert len(shared) == 1 and [s.location for s in shared[0].sources] == [str(a), str(b)]
    assert {s.author.name for s in d.sections} == {"Ryan Dillon", "Jane Smith"}


def test_cli_digest_writes_file_and_reports_bad_input_on_stderr(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "digest.md"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    result = invoke(["digest", str(a), str(tmp_path / "nope.txt"), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "nope.txt" in result.stderr and result.stderr.count("\n") == 1
    text = out.read_text(encoding="utf-8")
    assert text.count("ISIS is losing in every way.") == 1
    assert "## Ryan Dillon" in text and "## Jane Smith" in text


def test_cli_digest_fails_when_no_input_can_be_read(tmp_path: Path) -> None:
    result = invoke(["digest", str(tmp_path / "x.txt"), str(tmp_path / "y.txt")])
    assert result.exit_code != 0
    assert "no input could be read" in result.stderr


def test_empty_digest_renders() -> None:
    empty = Reconstruction(source=Source(location="e.txt", kind="text", text=""), threads=())
    text = render_digest(build([empty]))
    assert "_No quoted posts found._" in text


def test_digest_thread_type_is_the_models() -> None:
    # group() from sequence makes Thread objects; the digest keeps their author merge
    d = build([several_authors()])
    assert isinstance(several_authors().threads[0], Thread)
    assert d.sections[1].author.role == "Spokesman for Operation Inherent Resolve"


def test_jobs_goes_with_a_local_cluster(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("“We open at nine,” librarian Ana Ruiz tweeted.\n", encoding="utf-8")
    result = invoke(["digest", str(page), "-j", "2"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: -j/--jobs sets the workers of --scheduler local; without it digest reads here\n"
    )


def test_each_post_and_quoted_post_links_to_its_platform_by_name() -> None:
    """The attribution line says where the link goes ("View on Mastodon"), as the render view does,
    and an address shown in its display form over a t.co link is linked to it."""
    rec = several_authors()
    dillon, alice = rec.threads
    first = replace(
        dillon.posts[0],
        text="Read example.org/2017/10/raqqa-upd… for more",
        links=("https://t.co/Ab12Cd34Ef",),
    )
    rec = replace(rec, threads=(replace(dillon, posts=(first, *dillon.posts[1:])), alice))
    tokens = MD.parse(render_digest(build([rec]), title="Week 42").split("\n---\n", 1)[1])
    links = [
        (c.attrs["href"], t.children[i + 1].content)
        for t in tokens
        if t.type == "inline"
        for i, c in enumerate(t.children or [])
        if c.type == "link_open"
    ]
    assert ("https://social.example/@alice/111", "View on Mastodon") in links
    assert ("https://twitter.com/OIRSpox/status/920325165093801984", "View on X (Twitter)") in links
    assert ("https://twitter.com/SDFpress/status/900000000000000001", "View on X (Twitter)") in links
    assert ("https://t.co/Ab12Cd34Ef", "example.org/2017/10/raqqa-upd…") in links
    assert not [text for _, text in links if text == "permalink"]
