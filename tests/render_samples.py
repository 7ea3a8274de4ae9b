"""Hand-built reconstructions for the output tests: they do not depend on the scrapers.

``several_authors()`` has two threads on two platforms, a quote post, media, mentions, hashtags,
editorial marks and a datetime; ``hostile()`` has post text that tries to become markup;
``reactions()`` is a reactions article (many authors once each) and ``mixed()`` one author's
thread among single reactions. Every post, name and address is invented.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

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


def source(title: str = TITLE, url: str | None = ARTICLE_URL, published: date = date(2017, 10, 17)) -> Source:
    return Source(
        location="fixtures/raqqa.html",
        kind="html",
        text="",
        url=url,
        title=title,
        published=published,
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


# ---------------------------------------------------------------- many voices, and a thread among them

REACTIONS_URL = "https://harbour.example.net/2024/05/02/footpath-opens"
ORTIZ = Author(name="Lena Ortiz", handle="lenaortiz", platform="twitter", role="Mayor of Port Calder")
ORTIZ_POST = Post(
    platform="twitter",
    text="Proud day for Port Calder. The harbour footpath is open to everyone from today: "
    "portcalder.example.gov/news/2024/foot…",
    author=ORTIZ,
    kind="embed",
    id="1785990000000000001",
    url="https://twitter.com/lenaortiz/status/1785990000000000001",
    published=datetime(2024, 5, 2, 7, 30, tzinfo=UTC),
    links=("https://t.co/Qm3xYz81Lp",),
    position=10,
)
"""The mayor's post: the embed shows its link as the address it leads to, over a t.co link."""


def _voice(author: Author, platform: str, position: int, text: str = "", **kw: Any) -> Thread:
    post = Post(
        platform=platform, text=text, author=author, kind=kw.pop("kind", "embed"), position=position, **kw
    )
    return Thread(author=author, platform=platform, posts=(post,))


def reactions() -> Reconstruction:
    """A reactions article: eight named authors quoted once each on six platforms (a quote post, a
    photo, a t.co link shown as its address, a prose quote without permalink), two posts whose
    text the page does not hold, and two posts whose author it does not name (one with text)."""
    unnamed_fb = Author(platform="facebook")
    threads = (
        Thread(author=ORTIZ, platform="twitter", posts=(ORTIZ_POST,)),
        _voice(
            Author(name="Priya Natarajan", handle="priya.bsky.social", platform="bluesky"),
            "bluesky",
            20,
            "Walked it at sunrise. Ten minutes from my door to the ferry, no car needed. #PortCalder",
            url="https://bsky.app/profile/priya.bsky.social/post/3kqzt2abcd22x",
            published=date(2024, 5, 2),
        ),
        _voice(
            Author(
                name="Tomás Reyes",
                handle="tomas",
                platform="mastodon",
                url="https://harbour.example.social/@tomas",
            ),
            "mastodon",
            30,
            "Nice, but the ramp at the north end is too steep for my chair. @lenaortiz can we talk?",
            url="https://harbour.example.social/@tomas/112367000000000001",
            id="112367000000000001",
            published=datetime(2024, 5, 2, 9, 12, tzinfo=UTC),
        ),
        Thread(
            author=unnamed_fb,
            platform="facebook",
            posts=(
                Post(
                    platform="facebook",
                    text="Parking near the south end is impossible now.",
                    author=unnamed_fb,
                    kind="embed",
                    url="https://www.facebook.com/permalink.php?story_fbid=1001&id=42",
                    position=35,
                ),
                Post(
                    platform="facebook",
                    text="",
                    author=unnamed_fb,
                    kind="embed",
                    url="https://www.facebook.com/permalink.php?story_fbid=1002&id=43",
                    position=75,
                ),
            ),
        ),
        _voice(
            Author(name="Port Calder Cycling Club", handle="portcaldercycling", platform="instagram"),
            "instagram",
            40,
            "Bikes on the lower deck only. Ride slow, ring twice!",
            url="https://www.instagram.com/p/C6abcDEFghi/",
            published=date(2024, 5, 1),
            media=(
                Media("https://www.instagram.com/p/C6abcDEFghi/", kind="photo", alt="Two riders on the deck"),
            ),
        ),
        _voice(
            Author(name="Dana Whitfield", handle="danawrites", platform="twitter"),
            "twitter",
            50,
            "Four years late and twice the budget, but fine: it is lovely.",
            id="1785999000000000002",
            url="https://x.com/danawrites/status/1785999000000000002",
            published=datetime(2024, 5, 2, 11, 0, tzinfo=UTC),
            quotes=(replace(ORTIZ_POST, position=51),),
        ),
        _voice(
            Author(name="Harbour Board", handle="harbourboard", platform="threads"),
            "threads",
            60,
            url="https://www.threads.net/@harbourboard/post/C6xyzABCdef",
        ),
        _voice(
            Author(name="Ada Brennan", platform="twitter", role="Councillor for the East Shore"),
            "twitter",
            70,
            "Next: the same for the east shore.",
            kind="quote",
            published=date(2024, 5, 2),
        ),
        _voice(
            Author(name="Gus Baptiste", handle="gusbaptiste", platform="instagram"),
            "instagram",
            80,
            url="https://www.instagram.com/p/C6zzzYYYxxx/",
            published=date(2024, 4, 30),
        ),
    )
    return Reconstruction(
        source=source("Harbour footpath opens: what Port Calder says", REACTIONS_URL, date(2024, 5, 2)),
        threads=threads,
    )


HOLLOWAY = Author(name="Maeve Holloway", handle="maeveholloway", platform="twitter", role="Senator")


def mixed() -> Reconstruction:
    """One author's thread of six posts among three single reactions (one before it, one of them
    without text): the thread keeps its numbered view in its place."""
    thread_posts = tuple(
        Post(
            platform="twitter",
            text=line,
            author=HOLLOWAY,
            kind="embed",
            id=f"17860000000000000{n:02d}",
            url=f"https://twitter.com/maeveholloway/status/17860000000000000{n:02d}",
            published=datetime(2024, 5, 3, 18, n, tzinfo=UTC),
            position=20 + n,
        )
        for n, line in enumerate(
            (
                "A thread on what the budget does for rural clinics.",
                "Funding rises 4% on paper, but inflation was 5%.",
                "Eleven clinics lose their evening hours.",
                "The travel grant for nurses is gone.",
                "We will table an amendment on Tuesday.",
                "Write to your member. Details: senate.example.org/amendment-cli…",
            ),
            1,
        )
    )
    thread_posts = (*thread_posts[:5], replace(thread_posts[5], links=("https://t.co/Zx81Ab22Cd",)))
    threads = (
        _voice(
            Author(name="Kim Osei", handle="kimosei", platform="twitter", role="Health reporter"),
            "twitter",
            10,
            "The senator is about to post her reply to the budget. Thread incoming.",
            id="1785900000000000009",
            url="https://twitter.com/kimosei/status/1785900000000000009",
            published=datetime(2024, 5, 3, 17, 55, tzinfo=UTC),
        ),
        Thread(author=HOLLOWAY, platform="twitter", posts=thread_posts),
        _voice(
            Author(name="Ravi Chandran", handle="ravi.example.com", platform="bluesky", role="Economist"),
            "bluesky",
            40,
            "Her numbers on the clinics hold up. The 4% is nominal.",
            url="https://bsky.app/profile/ravi.example.com/post/3kr2abcdxyz2k",
            published=date(2024, 5, 3),
        ),
        _voice(
            Author(name="Budget Watch", handle="budgetwatch", platform="instagram"),
            "instagram",
            50,
            url="https://www.instagram.com/p/C6budget123/",
        ),
    )
    return Reconstruction(
        source=source("Senator's thread on clinic funding", None, date(2024, 5, 3)), threads=threads
    )


def few_threads() -> Reconstruction:
    """Three authors with a short thread each, long names under a long headline: the most a
    contents box shows unfolded, the hardest case for the first post on a phone's first screen."""
    names = (
        "Alexandrina Montgomery-Fitzgerald",
        "Bartholomew Okonkwo-Lindqvist",
        "Consolata Vasquez-Ferreira",
    )
    threads = []
    for i, name in enumerate(names):
        author = Author(name=name, handle=name.split()[0].lower() + "_reports", platform="bluesky")
        posts = tuple(
            Post(
                platform="bluesky",
                text=f"Part {n} of my notes from the hearing: the committee heard {n + 2} witnesses today.",
                author=author,
                kind="embed",
                url=f"https://bsky.app/profile/{author.handle}.bsky.social/post/3kx{i}{n}abcdefg",
                published=date(2024, 6, 11),
                position=10 * i + n,
            )
            for n in (1, 2, 3)
        )
        threads.append(Thread(author=author, platform="bluesky", posts=posts))
    return Reconstruction(
        source=source(
            "Three reporters followed the week-long committee hearing on the regional water "
            "authority's accounts",
            "https://news.example.org/2024/06/11/water-authority-hearing-live",
            date(2024, 6, 11),
        ),
        threads=tuple(threads),
    )
