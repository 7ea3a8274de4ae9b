"""Property-based tests (hypothesis) over scrape and render.

Arbitrary text, and arbitrary pages built from embed fragments with arbitrary (often hostile) text,
never raise anything but :class:`threads.ThreadsError`; and every post found appears in every output:
exactly in JSON, as text (never as markup) in the HTML page and in the Markdown as rendered.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, reject, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import threads
from threads.digest import build, render_digest
from threads.model import Post
from threads.render import FORMATS, render

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
INVISIBLE = re.compile(
    "[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)
# Control characters: no output carries them; JSON keeps every other character.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters no HTML or Markdown reader keeps as they are (controls, NUL's replacement, the
# noncharacters): left out on both sides of a comparison.
UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd\ufffe\uffff]")

# Text with the characters that matter here made likely: markup, template and Markdown syntax,
# quote marks, entities, controls.
SPICY = [
    *"<>&\"'`{}[]()!*_#|~\\/=:;-.@ \n\t\u00a0\u200b\u202e“”‘’«»",
    "<script>",
    "</style>",
    "-->",
    "{{",
    "}}",
    "{%",
    "%}",
    "javascript:",
    "&amp;",
    "&#106;",
    "](",
    "![",
    "http://",
]
text_piece = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from(SPICY),
    st.sampled_from(["Ann", "Lee", "we", "are", "open", "tonight", "the", "mayor", "said", "!", "."]),
)
texts = st.lists(text_piece, max_size=12).map("".join)
words_ = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=12)
names = st.one_of(
    st.sampled_from(["Ann Lee", "Bo Ray", "Mayor Cy Dee", "Dr. Eve Fox", "NASA"]),
    st.tuples(words_, words_).map(" ".join),
    texts,
)
handles = st.one_of(st.from_regex(r"[A-Za-z0-9_]{1,15}", fullmatch=True), texts)
ids = st.integers(min_value=1, max_value=2**63 - 1).map(str)
hrefs = st.one_of(
    ids.map(lambda i: f"https://twitter.com/someone/status/{i}"),
    st.sampled_from(
        ["javascript:alert(1)", "//evil.example/x", "data:text/html,x", "", "#", "https://x.com"]
    ),
    texts,
)


def esc(text: str) -> str:
    return htmllib.escape(text, quote=False)


def attr(text: str) -> str:
    return htmllib.escape(text, quote=True)


@st.composite
def tweet(draw: Any) -> str:
    return (
        f'<blockquote class="twitter-tweet"><p lang="en">{esc(draw(texts))}</p>&mdash; '
        f'{esc(draw(names))} (@{esc(draw(handles))}) <a href="{attr(draw(hrefs))}">May 1, 2020</a>'
        "</blockquote>"
    )


@st.composite
def prose_quote(draw: Any) -> str:
    verb = draw(st.sampled_from(["tweeted", "wrote on Twitter", "posted", "said on X", "said"]))
    return f"<p>“{esc(draw(texts))},” {esc(draw(names))} {verb}.</p>"


@st.composite
def bluesky(draw: Any) -> str:
    return (
        f'<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:{draw(words_)}/app.bsky.feed.post/'
        f'{draw(words_)}"><p lang="en">{esc(draw(texts))}</p>&mdash; {esc(draw(names))} '
        f'(<a href="https://bsky.app/profile/{attr(draw(handles))}">@{esc(draw(handles))}</a>) '
        f'<a href="{attr(draw(hrefs))}">May 1, 2020 at 10:00</a></blockquote>'
    )


@st.composite
def instagram(draw: Any) -> str:
    return (
        f'<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/{draw(words_)}/">'
        f'<div><p>{esc(draw(texts))}</p><p><a href="{attr(draw(hrefs))}">A post shared by '
        f"{esc(draw(names))} (@{esc(draw(handles))})</a></p></div></blockquote>"
    )


@st.composite
def mastodon(draw: Any) -> str:
    return (
        f'<blockquote class="mastodon-embed" data-embed-url="https://mastodon.social/@{attr(draw(handles))}/'
        f'{draw(ids)}/embed"><p>{esc(draw(texts))}</p><a href="{attr(draw(hrefs))}">Post by '
        f"@{esc(draw(handles))}@mastodon.social</a></blockquote>"
    )


@st.composite
def remnant(draw: Any) -> str:
    return (
        f"<p>{esc(draw(texts))} pic.twitter.com/{draw(words_)} — {esc(draw(names))} "
        f"(@{esc(draw(handles))}) October 17, 2017</p>"
    )


fragment = st.one_of(
    tweet(),
    prose_quote(),
    bluesky(),
    instagram(),
    mastodon(),
    remnant(),
    texts.map(lambda t: f"<p>{esc(t)}</p>"),
    texts,  # raw: whatever markup the text happens to make
    st.sampled_from(["<div>", "</div>", "<blockquote>", "</p>", "<br>", "<!--", "<script>", "<figure>"]),
)


@st.composite
def pages(draw: Any) -> bytes:
    title = esc(draw(texts))
    body = "".join(draw(st.lists(fragment, min_size=1, max_size=6)))
    page = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return page.encode(draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"])))


def shown(text: str) -> str:
    """``text`` as the HTML and Markdown outputs show it: controls dropped, white space squashed."""
    return " ".join(UNSHOWABLE.sub("", INVISIBLE.sub("", text)).split())


def visible(markup: str) -> str:
    root = lxml_html.document_fromstring(markup or "<p></p>")
    for el in root.iter("style", "head"):
        el.drop_tree()
    return shown(root.text_content())


def all_posts(rec: threads.Reconstruction) -> list[Post]:
    out: list[Post] = []

    def walk(p: Post) -> None:
        out.append(p)
        for q in p.quotes:
            walk(q)

    for p in rec.posts:
        walk(p)
    return out


# A known bug in render.safe_url (xfail in test_hostile: test_a_post_quoting_an_unparsable_url_...):
# "http://[" anywhere in a URL or a post's text makes urlsplit raise. Such examples are rejected
# (not counted as passing) until it is fixed; then the strict xfail fails and this goes.
KNOWN_RENDER_BUG = "Invalid IPv6 URL"


def render_all(rec: threads.Reconstruction) -> tuple[dict[str, str], str]:
    try:
        return {fmt: render(rec, fmt) for fmt in FORMATS}, render_digest(build([rec]))
    except (ValueError, threads.TemplateProblem) as e:
        if KNOWN_RENDER_BUG in str(e):
            reject()
        raise


def check(source: str | bytes) -> None:
    """Reconstruct and render ``source`` in every format; every post's text is in every output."""
    from markdown_it import MarkdownIt

    try:
        rec = threads.reconstruct(source)
    except threads.ThreadsError as e:
        assert "\n" not in str(e)
        return
    outputs, digest = render_all(rec)
    doc = json.loads(outputs["json"])
    json_texts = [p["text"] for t in doc["threads"] for p in t["posts"]]
    page = visible(outputs["html"])
    md = MarkdownIt("commonmark")
    md_text = visible(md.render(outputs["md"])) + " " + visible(md.render(digest))
    for post in rec.posts:
        assert CONTROLS.sub("", post.text) in json_texts
    for post in all_posts(rec):
        if shown(post.text):
            assert shown(post.text) in page, post.text
            assert shown(post.text) in md_text, post.text
    for fmt in ("jsonfeed", "activitystreams"):
        json.loads(outputs[fmt])


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_arbitrary_text(text: str) -> None:
    check(text.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    check(data)


@SETTINGS
@given(texts)
def test_arbitrary_spicy_text_as_a_string(text: str) -> None:
    if "<" not in text and "\n" not in text:
        text += "\n"  # a one-line string without "<" is read as a path
    check(text)


@SETTINGS
@given(pages())
def test_pages_built_from_embed_fragments(page: bytes) -> None:
    check(page)


def as_text(fragment_html: str) -> str:
    """A prose or remnant fragment as the plain text a saved article would hold."""
    return htmllib.unescape(re.sub(r"</?p>", "", fragment_html))


@SETTINGS
@given(st.lists(st.one_of(prose_quote(), remnant(), texts.map(esc)), min_size=1, max_size=8))
def test_prose_as_plain_text(paragraphs: list[str]) -> None:
    check("\n\n".join(as_text(p) for p in paragraphs).encode("utf-8"))


@pytest.mark.parametrize(
    "page",
    [
        b'<blockquote class="twitter-tweet"><p>&lt;script&gt;{{ x }}</p>&mdash; A (@a) '
        b'<a href="https://twitter.com/a/status/1">May 1, 2020</a></blockquote>',
        "<p>“\u202eevil [x](javascript:y),” Mayor Ann Lee tweeted.</p>".encode(),
    ],
)
def test_examples_stay_checked(page: bytes) -> None:
    """Two fixed examples of the property, so it is checked even where hypothesis is not random."""
    check(page)
    assert threads.reconstruct(page).posts


# ---------------------------------------------------------------- render alone, over arbitrary records


def parsable(url: str | None) -> bool:
    """Whether urllib can take ``url`` apart. Records with one it cannot are left out here until
    render.safe_url stops raising on them (see test_renderers_survive_an_unparsable_url_in_a_record)."""
    from urllib.parse import urlsplit

    try:
        urlsplit(url or "").port  # noqa: B018
    except ValueError:
        return False
    return True


urls = st.one_of(
    st.none(), hrefs, st.sampled_from(["mailto:a@b.example", "https://t.co/x?a=1&b=<2>", "HTTP:"])
).filter(parsable)


@st.composite
def records(draw: Any) -> threads.Reconstruction:
    """A Reconstruction with arbitrary text in every field a page can fill (whatever the scrapers
    make of a page, the renderers are the last line)."""
    from threads.model import Author, Media, Reconstruction, Source, Thread

    def author() -> Author:
        return Author(
            name=draw(st.one_of(st.none(), names)),
            handle=draw(st.one_of(st.none(), handles)),
            platform=draw(st.sampled_from(["twitter", "mastodon", "bluesky", "unknown"])),
            url=draw(urls),
            role=draw(st.one_of(st.none(), texts)),
        )

    def post(depth: int) -> Post:
        a = author()
        return Post(
            platform=a.platform or "twitter",
            text=draw(texts),
            author=a,
            kind=draw(st.sampled_from(["embed", "remnant", "quote"])),
            url=draw(urls),
            quotes=tuple(post(depth + 1) for _ in range(draw(st.integers(0, 1)) if depth < 2 else 0)),
            media=tuple(
                Media(url=u, alt=draw(texts)) for u in draw(st.lists(hrefs.filter(parsable), max_size=2))
            ),
            evidence=(draw(texts),),
        )

    posts = [post(0) for _ in range(draw(st.integers(1, 3)))]
    source = Source(
        location=draw(texts.filter(parsable)) or "page.html",
        kind="html",
        text="",
        url=draw(urls),
        title=draw(texts),
    )
    return Reconstruction(
        source=source, threads=tuple(Thread(author=p.author, platform=p.platform, posts=(p,)) for p in posts)
    )


@SETTINGS
@given(records())
def test_render_any_record_safely(rec: threads.Reconstruction) -> None:
    from markdown_it import MarkdownIt

    from .test_hostile import FRONT_MATTER, assert_safe_html

    render_all(rec)
    page = render(rec, "html", show_evidence=True)
    assert_safe_html(page, what="record")
    md = render(rec, "md", show_evidence=True)
    digest = render_digest(build([rec]))
    md_html = "".join(MarkdownIt("commonmark").render(FRONT_MATTER.sub("", m, count=1)) for m in (md, digest))
    root = lxml_html.fragment_fromstring(md_html, create_parent="div")
    for el in root.iter():
        assert el.tag not in ("img", "script", "iframe", "style"), el.tag
        href = el.get("href")
        assert href is None or re.match(r"(?i)(?:https?|mailto):|#", href), href
    shown_page, shown_md = visible(page), visible(md_html)
    for post in all_posts(rec):
        if shown(post.text):
            assert shown(post.text) in shown_page
            assert shown(post.text) in shown_md
    for fmt in ("json", "jsonfeed", "activitystreams"):
        json.loads(render(rec, fmt))


# ---------------------------------------------------------------- quotes over a window

quote_text = st.lists(st.sampled_from([*"“”„‘’‚«»\"「」 \n\tab.,'", "\n\n", "We’ve", "x"]), max_size=40).map(
    "".join
)


@SETTINGS
@given(quote_text, st.integers(0, 45), st.integers(0, 45))
@example("a“b”", 1, 4)  # a word character before the window does not stop a quote opening in it
@example('a"b" c', 1, 6)
@example("“ab”x", 0, 3)  # nor does a closing mark after it end one
@example("“a\n\nb”", 0, 3)
def test_find_quotes_in_a_window_is_find_quotes_of_the_slice(text: str, a: int, b: int) -> None:
    """``find_quotes(text, pos, endpos)`` (used to find the next quote without copying the rest of a
    long sentence) reads the window exactly as the slice alone."""
    from threads.quotes import find_quotes

    a, b = min(a, b), max(a, b)
    window = [(q.start - a, q.end - a, q.text, q.opener) for q in find_quotes(text, a, b)]
    alone = [(q.start, q.end, q.text, q.opener) for q in find_quotes(text[a:b])]
    assert window == alone
    assert find_quotes(text, a, b, limit=1) == find_quotes(text, a, b)[:1]


# ---------------------------------------------------------------- merging duplicates, indexed


def naive_merge(posts: list[Post]) -> list[Post]:
    """merge_duplicates as it was: every post compared with every kept one (the reference)."""
    from dataclasses import replace

    from threads.identity import same_post
    from threads.sequence import richness

    kept: list[Post] = []
    for post in posts:
        for i, other in enumerate(kept):
            if same_post(post, other):
                rich, poor = (post, other) if richness(post) > richness(other) else (other, post)
                kept[i] = replace(
                    rich,
                    evidence=tuple(dict.fromkeys(rich.evidence + poor.evidence)),
                    position=min(rich.position, poor.position),
                    published=rich.published or poor.published,
                )
                break
        else:
            kept.append(post)
    return kept


vocab = st.sampled_from(["we", "are", "open", "late", "tonight", "again", "Ann", "library", "x", "éte"])
post_texts = st.lists(vocab, max_size=9).map(" ".join)


@st.composite
def flat_posts(draw: Any) -> list[Post]:
    from threads.model import Author

    out = []
    for n in range(draw(st.integers(0, 12))):
        out.append(
            Post(
                platform=draw(st.sampled_from(["twitter", "mastodon"])),
                text=draw(post_texts),
                author=Author(name=draw(st.sampled_from([None, "Ann Lee"]))),
                kind=draw(st.sampled_from(["embed", "remnant", "quote"])),
                id=draw(st.sampled_from([None, "1", "2"])),
                url=draw(
                    st.sampled_from([None, "https://x.com/a/1", "https://X.com/a/1/", "https://x.com/b"])
                ),
                position=n,
                evidence=(f"e{n}",),
            )
        )
    return out


@SETTINGS
@given(flat_posts())
def test_indexed_merge_is_the_naive_merge(posts: list[Post]) -> None:
    from threads.sequence import merge_duplicates

    assert merge_duplicates(posts) == naive_merge(posts)


@pytest.mark.parametrize(
    "texts_in_order",
    [
        ["alpha beta gamma delta epsilon", "zeta eta alpha beta gamma delta epsilon"],  # kept inside new
        ["zeta eta alpha beta gamma delta epsilon", "alpha beta gamma delta epsilon"],  # new inside kept
        ["supercalifragilistic expialidocious", "a supercalifragilistic expialidocious b"],  # no inner word
    ],
)
def test_indexed_merge_finds_a_text_inside_another(texts_in_order: list[str]) -> None:
    from threads.sequence import merge_duplicates

    posts = [Post(platform="twitter", text=t, kind="quote", position=n) for n, t in enumerate(texts_in_order)]
    assert len(naive_merge(posts)) == 1
    assert merge_duplicates(posts) == naive_merge(posts)
