"""Hand-built reconstructions for the output tests: they do not depend on the scrapers.

``several_authors()`` has two threads on two platforms, a quote post, media, mentions, hashtags,
editorial marks and a datetime; ``hostile()`` has post text that tries to become markup.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from threads.model import Author, Media, Post, Reconstruction, Source, Thread

ARTICLE_URL = "https://news.example.org/2017/10/17/raqqa"

DILLON = Author(
    name="Ryan Dillon",
    handle="OIRSpox",
    platform="twitter",
    role="Spokesman for Operation Inherent Resolve",
    aliases=("Army Col. Ryan Dillon", "Dillon"),
)
ALICE = Author(name="Alice Example", handle="alice", platform="mastodon", url="https://social.example/@alice")


TITLE = "US-backed forces control 90 percent of Raqqa"


def source(title: str = TITLE, url: str | None = ARTICLE_URL) -> Source:
    return Source(
        location="fixtures/raqqa.html",
        kind="html",
        text="",
        url=url,
        title=title,
        published=date(2017, 10, 17),
    )


def several_authors() -> Reconstruction:
    inner = Post(
        platform="twitter",
        text="Raqqa offensive begins #Raqqa",
        author=Author(name="SDF Press", handle="SDFpress"),
        id="900000000000000001",
        url="https://twitter.com/SDFpress/status/900000000000000001",
        published=date(2017, 6, 6),
    )
    dillon_posts = (
        Post(
            platform="twitter",
            text="[Syrian Democratic Forces] control 90 [percent] of Raqqa […] thanks @CJTFOIR #defeatISIS",
            author=DILLON,
            kind="embed",
            id="920325165093801984",
            url="https://twitter.com/OIRSpox/status/920325165093801984",
            published=datetime(2017, 10, 17, 14, 5, tzinfo=UTC),
            media=(Media("https://pic.twitter.com/abc123", kind="photo", alt="SDF fighters in Naim square"),),
            quotes=(inner,),
            evidence=("blockquote.twitter-tweet",),
            position=3,
        ),
        Post(
            platform="twitter",
            text="ISIS is losing in every way. See https://www.inherentresolve.mil/ for more.",
            author=DILLON,
            kind="quote",
            published=date(2017, 10, 17),
            evidence=("verb 'tweeted'",),
            position=5,
        ),
    )
    alice_posts = (
        Post(
            platform="mastodon",
            text="Reading about Raqqa today, via @bob@other.example #news",
            author=ALICE,
            kind="embed",
            id="111",
            url="https://social.example/@alice/111",
            published=date(2017, 10, 18),
            position=9,
        ),
    )
    return Reconstruction(
        source=source(),
        threads=(
            Thread(author=DILLON, platform="twitter", posts=dillon_posts),
            Thread(author=ALICE, platform="mastodon", posts=alice_posts),
        ),
    )


HOSTILE_TEXTS = (
    "Stars *everywhere* and _under_ here",
    "A link [x](y) and ![img](http://e.x/i.png)",
    "<script>alert(1)</script> & <b>bold</b>",
    "# not a heading",
    "> not a quote, 1. not a list",
    "`code` and \\backslash | pipe ~strike~",
)
"""Post texts that must come out as the same visible text, never as markup."""


def hostile() -> Reconstruction:
    author = Author(name="Mallory <img src=x onerror=alert(1)>", handle="mallory", platform="twitter")
    posts = tuple(
        Post(
            platform="twitter",
            text=text,
            author=author,
            url="javascript:alert(1)" if i == 0 else f"https://twitter.com/mallory/status/{100 + i}",
            published=date(2020, 1, 1 + i),
            position=i,
            media=(Media(url="javascript:alert(2)", kind="photo", alt="*alt* <b>"),) if i == 1 else (),
        )
        for i, text in enumerate(HOSTILE_TEXTS)
    )
    src = Source(
        location="<string>",
        kind="text",
        text="",
        url="javascript:alert(3)",
        title="# Title with *stars* and <script>",
        published=None,
    )
    return Reconstruction(source=src, threads=(Thread(author=author, platform="twitter", posts=posts),))


def empty() -> Reconstruction:
    return Reconstruction(source=source(title="Nothing quoted here"), threads=())
