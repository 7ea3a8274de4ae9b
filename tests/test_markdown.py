"""Markdown output, read back with markdown-it-py: structure (front matter, headings, blockquotes,
nested quotes, attribution links) and post text that comes out as the same visible text."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from threads.render import md_escape, render

from .render_samples import ARTICLE_URL, HOSTILE_TEXTS, hostile, mixed, reactions, several_authors

# CommonMark plus the GFM extensions markdown-it-py has built in.
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    data = yaml.safe_load(head)
    assert isinstance(data, dict)
    return data, body


def visible(inline: Token) -> str:
    """What a reader sees of an inline token: text, code, and link texts."""
    out = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def paragraphs_at(tokens: list[Token], depth: int) -> list[tuple[str, Token]]:
    """(visible text, inline token) of each paragraph nested ``depth`` blockquotes deep."""
    level = 0
    found = []
    for i, tok in enumerate(tokens):
        if tok.type == "blockquote_open":
            level += 1
        elif tok.type == "blockquote_close":
            level -= 1
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open" and level == depth:
            found.append((visible(tok), tok))
    return found


def inline_types(tok: Token) -> set[str]:
    return {c.type for c in tok.children or []}


def test_front_matter_is_yaml_with_source_title_date_authors() -> None:
    data, _ = split_front_matter(render(several_authors(), "md"))
    assert data["url"] == ARTICLE_URL
    assert data["title"] == "US-backed forces control 90 percent of Raqqa"
    assert data["date"] == "2017-10-17"
    assert data["authors"] == ["Ryan Dillon", "Alice Example"]
    assert data["source"] == "fixtures/raqqa.html"


def test_hostile_front_matter_round_trips() -> None:
    data, _ = split_front_matter(render(hostile(), "md"))
    assert data["title"] == "# Title with *stars* and <script>"
    assert data["url"] is None  # javascript: is not a URL we pass on
    assert data["authors"] == ["Mallory <img src=x onerror=alert(1)>"]


def test_structure_headings_contents_and_posts_as_blockquotes() -> None:
    _, body = split_front_matter(render(several_authors(), "md"))
    tokens = MD.parse(body)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        ("h1", "US-backed forces control 90 percent of Raqqa"),
        ("h2", "Ryan Dillon (@OIRSpox)"),
        ("h2", "Alice Example (@alice)"),
    ]
    top_quotes = sum(1 for t in tokens if t.type == "blockquote_open" and t.level == 0)
    assert top_quotes == 3
    texts = [text for text, _ in paragraphs_at(tokens, 1)]
    assert "[Syrian Democratic Forces] control 90 [percent] of Raqqa […] thanks @CJTFOIR #defeatISIS" in texts
    assert "ISIS is losing in every way. See https://www.inherentresolve.mil/ for more." in texts
    # the contents list links to each thread
    links = link_targets(tokens)
    assert "#ryan-dillon-oirspox" in links and "#alice-example-alice" in links


def test_nested_quote_is_nested_with_its_attribution() -> None:
    _, body = split_front_matter(render(several_authors(), "md"))
    nested = paragraphs_at(MD.parse(body), 2)
    assert [t for t, _ in nested][:2] == [
        "Raqqa offensive begins #Raqqa",
        "— SDF Press (@SDFpress), June 6, 2017 · View on X (Twitter)",
    ]
    hrefs = [c.attrs["href"] for c in nested[1][1].children or [] if c.type == "link_open"]
    assert hrefs == ["https://twitter.com/SDFpress/status/900000000000000001"]


def test_attribution_line_has_author_date_and_permalink() -> None:
    _, body = split_front_matter(render(several_authors(), "md"))
    lines = [(t, tok) for t, tok in paragraphs_at(MD.parse(body), 1) if t.startswith("— ")]
    assert [t for t, _ in lines] == [
        "— Ryan Dillon (@OIRSpox), October 17, 2017, 14:05 UTC · View on X (Twitter)",
        "— Ryan Dillon (@OIRSpox), October 17, 2017",
        "— Alice Example (@alice), October 18, 2017 · View on Mastodon",
    ]
    hrefs = [c.attrs["href"] for c in lines[0][1].children or [] if c.type == "link_open"]
    assert hrefs == ["https://twitter.com/OIRSpox/status/920325165093801984"]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_post_text_comes_out_as_the_same_visible_text(text: str) -> None:
    _, body = split_front_matter(render(hostile(), "md"))
    tokens = MD.parse(body)
    matches = [tok for t, tok in paragraphs_at(tokens, 1) if t == text]
    assert len(matches) == 1, f"{text!r} not found as one paragraph"
    assert inline_types(matches[0]) <= {"text", "softbreak"}


def link_targets(tokens: list[Token]) -> list[str]:
    inlines = [t for t in tokens if t.type == "inline"]
    return [str(c.attrs["href"]) for t in inlines for c in t.children or [] if c.type == "link_open"]


# Markup a post's text could sneak in. "strong" is absent: the post number "**1/6**" is ours.
SNEAKY = {"html_block", "html_inline", "em_open", "image", "code_inline", "s_open", "code_block", "fence"}


def test_hostile_page_makes_no_markup_of_its_own() -> None:
    _, body = split_front_matter(render(hostile(), "md"))
    tokens = MD.parse(body)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert kinds.isdisjoint(SNEAKY | {"bullet_list_open", "ordered_list_open"})
    headings = [visible(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "# Title with *stars* and <script>",
        "Mallory <img src=x onerror=alert(1)> (@mallory)",
    ]
    hrefs = link_targets(tokens)
    assert hrefs and all(h.startswith("https://twitter.com/mallory/status/") for h in hrefs)
    assert "javascript" not in body


BLOCK_STARTS = [
    "1. one",
    "10) ten",
    "- dash",
    "+ plus",
    "=== setext",
    "***",
    "    code",
    "a  \nb",
    "<!-- x -->",
]


@pytest.mark.parametrize("text", BLOCK_STARTS)
def test_md_escape_keeps_block_syntax_as_text(text: str) -> None:
    tokens = MD.parse(md_escape(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert visible(tokens[1]) == " ".join(text.split())


# ---------------------------------------------------------------- front matter and empty pages

NON_ASCII = {
    "emoji": "Flood 🌊 update 👨‍👩‍👧",
    "accents": "Café déjà vu in Zürich",
    "cjk": "東京の洪水",
    "rtl": "עדכון שיטפון",
    "quotes-and-backslash": 'He said "no" \\ twice',
    "markdown": "[x](javascript:alert(1)) ![y](https://evil.example/y.png) *b* #h",
    "line-separators": "one\u2028two\u2029three\x85four",
}


def page_titled(title: str) -> Any:
    import threads

    return threads.reconstruct(
        f"<html><head><title>{title.replace('&', '&amp;').replace('<', '&lt;')}</title></head>"
        "<body><p>“We are open late tonight,” librarian Ana Ruiz tweeted.</p></body></html>"
    )


@pytest.mark.parametrize("name", NON_ASCII)
def test_front_matter_is_utf8_yaml_that_round_trips(name: str) -> None:
    """Non-ASCII was written as JSON \\uXXXX escapes, emoji as surrogate pairs that YAML loaders
    turn into strings that cannot be encoded."""
    import frontmatter  # python-frontmatter: the front-matter reader static-site tools in Python use

    from threads.digest import build, render_digest
    from threads.safe import shown

    rec = page_titled(NON_ASCII[name])
    title = shown(rec.source.title or "")  # (no output carries zero-width or bidi characters)
    for out in (render(rec, "md"), render_digest(build([rec]), title=title)):
        head = out[4:].split("\n---\n", 1)[0]
        data = yaml.safe_load(head)
        assert data["title"] == title
        for value in data.values():
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str):
                    text.encode("utf-8")  # no lone surrogate
        post = frontmatter.loads(out)
        assert post["title"] == title
        assert post.content.lstrip().startswith("#")
        if name in ("emoji", "accents", "cjk", "rtl"):
            assert title in head  # as UTF-8, not as escapes
    assert "\\ud83c" not in render(page_titled(NON_ASCII["emoji"]), "md")


def test_no_posts_found_is_not_read_as_a_heading() -> None:
    """'_No quoted posts found._' followed by '---' made a setext heading of it."""
    import threads

    md = render(
        threads.reconstruct("<html><head><title>Quiet</title></head><body><p>No quotes.</p></body>"), "md"
    )
    _, body = split_front_matter(md)
    tokens = MD.parse(body)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Quiet"]
    assert "No quoted posts found." in [visible(t) for t in tokens if t.type == "inline"]
    assert [t.type for t in tokens].count("hr") == 1


# ---------------------------------------------------------------- many voices


def list_items(tokens: list[Token], kind: str = "ordered_list") -> list[list[Token]]:
    """The tokens of each item of the top-level list of ``kind``."""
    items: list[list[Token]] = []
    depth = 0
    for tok in tokens:
        if tok.type == f"{kind}_open" and tok.level == 0:
            depth = 1
        elif tok.type == f"{kind}_close" and tok.level == 0:
            depth = 0
        elif depth and tok.type == "list_item_open" and tok.level == 1:
            items.append([])
        elif depth and items:
            items[-1].append(tok)
    return items


def test_many_voices_are_one_numbered_list_author_post_date_link() -> None:
    rec = reactions()
    _, body = split_front_matter(render(rec, "md"))
    tokens = MD.parse(body)
    assert [t.type for t in tokens if t.level == 0 and t.type.endswith("_open")].count(
        "ordered_list_open"
    ) == 1
    items = list_items(tokens)
    heads = [visible(next(t for t in item if t.type == "inline")) for item in items]
    assert heads == [
        "Lena Ortiz (@lenaortiz) · Mayor of Port Calder · X (Twitter)",
        "Priya Natarajan (@priya.bsky.social) · Bluesky",
        "Tomás Reyes (@tomas) · Mastodon",
        "Author not named · Facebook",
        "Port Calder Cycling Club (@portcaldercycling) · Instagram",
        "Dana Whitfield (@danawrites) · X (Twitter)",
        "Ada Brennan · Councillor for the East Shore · X (Twitter)",
    ]
    assert "1/1" not in body
    second = [text for text, _ in paragraphs_at(items[1], 1)]
    assert second == [
        "Walked it at sunrise. Ten minutes from my door to the ferry, no car needed. #PortCalder",
        "— May 2, 2024 · View on Bluesky",
    ]
    assert link_targets(items[1]) == ["https://bsky.app/profile/priya.bsky.social/post/3kqzt2abcd22x"]
    assert [text for text, _ in paragraphs_at(items[6], 1)][-1] == "— May 2, 2024"  # no permalink
    # the quote post keeps its quoted post, nested one level deeper, with its author
    nested = [text for text, _ in paragraphs_at(items[5], 2)]
    assert nested[-1].startswith("— Lena Ortiz (@lenaortiz), May 2, 2024, 07:30 UTC · View on X (Twitter)")


def test_posts_without_text_end_the_markdown_as_a_list_of_links() -> None:
    _, body = split_front_matter(render(reactions(), "md"))
    tokens = MD.parse(body)
    headings = [visible(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Harbour footpath opens: what Port Calder says",
        "3 posts whose text the page does not hold",
    ]
    items = list_items(tokens, "bullet_list")
    assert [visible(next(t for t in item if t.type == "inline")) for item in items] == [
        "Harbour Board (@harbourboard) · Threads · View on Threads",
        "Author not named · Facebook · View on Facebook",
        "Gus Baptiste (@gusbaptiste) · Instagram · April 30, 2024 · View on Instagram",
    ]
    assert link_targets(items[0]) == ["https://www.threads.net/@harbourboard/post/C6xyzABCdef"]
    assert "does not hold this post's text" not in body


def test_a_thread_among_voices_is_one_item_with_its_numbered_posts() -> None:
    _, body = split_front_matter(render(mixed(), "md"))
    items = list_items(MD.parse(body))
    assert len(items) == 3
    heads = [visible(next(t for t in item if t.type == "inline")) for item in items]
    assert heads[1] == "Maeve Holloway (@maeveholloway) · Senator · X (Twitter) · 6 posts"
    numbers = [text for text, _ in paragraphs_at(items[1], 1) if text[:1].isdigit()]
    assert numbers == [f"{n}/6" for n in range(1, 7)]
    last = [tok for text, tok in paragraphs_at(items[1], 1) if text.startswith("Write to your member")]
    assert [c.attrs["href"] for c in last[0].children or [] if c.type == "link_open"] == [
        "https://t.co/Zx81Ab22Cd"
    ]
    assert visible(last[0]) == "Write to your member. Details: senate.example.org/amendment-cli…"


def test_hostile_texts_stay_text_inside_the_list_of_voices() -> None:
    from dataclasses import replace

    from threads.model import Reconstruction, Thread

    rec = hostile()
    (thread,) = rec.threads
    voices = tuple(
        Thread(author, "twitter", (replace(post, author=author),))
        for i, post in enumerate(thread.posts)
        for author in [replace(thread.author, name=f"Mallory {i} *x*", handle=f"m{i}")]
    )
    _, body = split_front_matter(render(Reconstruction(rec.source, voices), "md"))
    tokens = MD.parse(body)
    texts = [text for text, _ in paragraphs_at(tokens, 1)]
    for text in HOSTILE_TEXTS:
        assert texts.count(text) == 1, text
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert kinds.isdisjoint(SNEAKY)
    assert len(list_items(tokens)) == len(HOSTILE_TEXTS)
    assert "javascript" not in body
