"""``threads.identity``: which post a record is (permalinks, IDs, text by an author), and the index
that finds copies among many records without comparing every pair."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

import threads.identity
from threads.digest import build
from threads.identity import (
    Index,
    identify,
    may_be_same_author,
    permalink,
    same_post,
)
from threads.model import Author, Post, Reconstruction, Source, Thread


def test_doctests() -> None:
    assert doctest.testmod(threads.identity).failed == 0


# ---------------------------------------------------------------- permalinks

ONE_ADDRESS = [
    # twitter: host aliases, prefixes, user name or i/web, suffixes, query, fragment, slash, scheme
    (
        "https://twitter.com/ann_reyes/status/1180000000000000001",
        [
            "http://x.com/ann_reyes/status/1180000000000000001",
            "https://mobile.twitter.com/Ann_Reyes/status/1180000000000000001/",
            "https://www.x.com/i/web/status/1180000000000000001?s=20&t=abc",
            "https://twitter.com/renamed_account/status/1180000000000000001#reply",
            "twitter.com/ann_reyes/statuses/1180000000000000001",
            "https://x.com/ann_reyes/status/1180000000000000001/photo/1",
            "//twitter.com/i/status/1180000000000000001",
        ],
    ),
    (
        "https://www.instagram.com/p/CqX7_ab-Z1/",
        [
            "https://instagram.com/reel/CqX7_ab-Z1/?igsh=xyz",
            "http://instagr.am/p/CqX7_ab-Z1",
            "https://www.instagram.com/some.user/p/CqX7_ab-Z1/embed/captioned/",
        ],
    ),
    (
        "https://mastodon.example/@Reyes/112233445566778899",
        [
            "https://mastodon.example/users/reyes/statuses/112233445566778899",
            "https://mastodon.example/@reyes/112233445566778899/embed",
        ],
    ),
    ("https://bsky.app/profile/ann.example.com/post/3kq2a7xyzab2c", ["https://bsky.app/profile/Ann.Example.com/post/3kq2a7xyzab2c/"]),
    ("https://www.threads.net/@ann/post/C5abcDEF", ["https://threads.com/t/C5abcDEF?xmt=1"]),
    ("https://www.tiktok.com/@ann/video/7300000000000000001", ["https://m.tiktok.com/@other/video/7300000000000000001?lang=en"]),
    ("https://www.reddit.com/r/news/comments/abc123/some_title/", ["https://old.reddit.com/comments/abc123", "https://redd.it/abc123"]),
    ("https://t.me/newsroom/4512", ["https://t.me/s/newsroom/4512?embed=1"]),
    ("https://www.youtube.com/watch?v=AbCdEfGhIj0", ["https://youtu.be/AbCdEfGhIj0?t=30", "https://www.youtube.com/shorts/AbCdEfGhIj0"]),
    (
        "https://www.facebook.com/permalink.php?story_fbid=111&id=222",
        ["https://m.facebook.com/permalink.php?id=222&story_fbid=111&ref=embed_post#x"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("canonical", "copies"), ONE_ADDRESS, ids=[c for c, _ in ONE_ADDRESS])
def test_copies_of_one_address_fold_to_one_permalink(canonical: str, copies: list[str]) -> None:
    for copy in copies:
        assert permalink(copy) == permalink(canonical), copy


TWO_ADDRESSES = [
    # case matters where the platform keeps it: Instagram shortcodes, YouTube IDs
    ("https://www.instagram.com/p/CqX7ab/", "https://www.instagram.com/p/cqx7ab/"),
    ("https://youtu.be/AbCdEfGhIj0", "https://youtu.be/abcdefghij0"),
    # the parameter that names the post stays
    (
        "https://www.facebook.com/photo.php?fbid=1&set=a.9",
        "https://www.facebook.com/photo.php?fbid=2&set=a.9",
    ),
    # another ID, another server, another platform
    ("https://twitter.com/a/status/101", "https://twitter.com/a/status/1010"),
    ("https://one.example/@ann/1122", "https://two.example/@ann/1122"),
    ("https://twitter.com/ann/status/5", "https://bsky.app/profile/ann/post/5"),
    # a port is another server
    ("https://news.example:8443/story", "https://news.example/story"),
]


@pytest.mark.parametrize(("a", "b"), TWO_ADDRESSES)
def test_look_alike_addresses_stay_apart(a: str, b: str) -> None:
    assert permalink(a) != permalink(b)


@pytest.mark.parametrize(
    "url", [None, "", "mailto:ann@example.org", "javascript:alert(1)", "http://[::1", "x y"]
)
def test_what_is_no_address_has_no_permalink(url: str | None) -> None:
    assert permalink(url) is None


def test_an_address_that_spells_an_id_gives_the_id() -> None:
    ident = identify(Post(platform="twitter", text="", url="https://x.com/ann/status/1180000000000000001"))
    assert (ident.id_platform, ident.id) == ("twitter", "1180000000000000001")
    assert ident.key == "id:twitter:1180000000000000001"
    bare = identify(Post(platform="twitter", text="", id="1180000000000000001"))
    assert bare.key == ident.key


def test_keys_fall_back_to_the_permalink_then_the_author_and_words() -> None:
    page = Post(platform="facebook", text="x", url="https://www.facebook.com/ann/posts/pfbid0abc")
    assert identify(page).key == "url:facebook.com/ann/posts/pfbid0abc"
    quote = Post(platform="twitter", text="“We are OPEN late,” tonight!", author=Author(name="Ann  Reyes"))
    assert identify(quote).key == "text:twitter:ann reyes:57fef706ca04d98de823"
    handle = Post(platform="twitter", text="We are open", author=Author(name="Ann", handle="AnnReyes"))
    assert identify(handle).key == "text:twitter:@annreyes:07c5fa6d42901475dfe8"


# ---------------------------------------------------------------- one post or two

LONG = "The library stays open late tonight for everyone studying for finals this week"
ANN = Author(name="Ann Reyes", handle="annreyes")


def embed(**fields: object) -> Post:
    values: dict[str, object] = {
        "platform": "twitter",
        "text": LONG,
        "author": ANN,
        "kind": "embed",
        "id": "1180000000000000001",
        "url": "https://twitter.com/annreyes/status/1180000000000000001",
    }
    values.update(fields)
    return Post(**values)  # type: ignore[arg-type]


def quote(text: str, **fields: object) -> Post:
    values: dict[str, object] = {"platform": "twitter", "text": text, "author": Author(name="Ann Reyes")}
    values.update(fields)
    return Post(**values)  # type: ignore[arg-type]


def test_ids_decide_when_both_have_one() -> None:
    assert same_post(embed(), embed(url=None, text=""))
    assert not same_post(embed(), embed(id="1180000000000000002", url=None))  # same words, two posts
    assert not same_post(embed(), embed(platform="mastodon", url=None, text="other"))


def test_permalinks_decide_when_both_have_one() -> None:
    assert same_post(embed(id=None), embed(id=None, url="https://x.com/i/web/status/1180000000000000001"))
    other = "https://www.facebook.com/ann/posts/2"
    first = embed(id=None, platform="facebook", url="https://www.facebook.com/ann/posts/1")
    assert not same_post(first, embed(id=None, platform="facebook", url=other))


@pytest.mark.parametrize(
    "text",
    [
        "stays open late tonight for everyone",  # a part, whole words
        "“The library stays open late tonight,”",  # punctuation and case do not count
        LONG,
    ],
)
def test_a_quote_of_part_of_a_post_is_that_post(text: str) -> None:
    assert same_post(quote(text), embed())
    assert same_post(quote(text), embed(), one_source=False)


@pytest.mark.parametrize(
    "text",
    [
        "open late tonight",  # too short to tell
        "ays open late tonight for everyone studyi",  # not whole words
        "the library stays open late tomorrow for everyone",  # other words
    ],
)
def test_look_alike_quotes_are_other_posts(text: str) -> None:
    assert not same_post(quote(text), embed())


def test_platforms_must_agree_unless_one_is_unknown() -> None:
    assert not same_post(quote(LONG, platform="instagram"), embed())
    assert same_post(quote(LONG, platform="unknown"), embed())


def test_across_sources_the_authors_must_agree_as_well() -> None:
    other_person = quote(LONG, author=Author(name="Ben Ortiz"))
    assert same_post(other_person, embed())  # one page: the article set the quote beside the post
    assert not same_post(other_person, embed(), one_source=False)
    for author in (Author(), Author(name="Reyes"), Author(name="Gov. Ann Reyes"), Author(handle="AnnReyes")):
        assert same_post(quote(LONG, author=author), embed(), one_source=False), author
    # two prose quotes of one text by two people
    assert not same_post(quote(LONG), other_person, one_source=False)


AUTHORS_WHO_MAY_BE_ONE = [
    (Author(name="Anna Pickard"), Author(name="anna or whatever", handle="annapickard")),
    (Author(name="Kristi Noem"), Author(name="Governor Kristi Noem", handle="govkristinoem")),
    (Author(name="Dillon"), Author(name="Ryan Dillon")),
    (Author(handle="OIRSpox"), Author(name="Col. Ryan Dillon", handle="oirspox")),
    (Author(), Author(name="Anyone")),
]
AUTHORS_WHO_ARE_TWO = [
    (
        Author(name="Ryan Dillon"),
        Author(name="OIR Spokesman", handle="OIRSpox"),
    ),  # nothing shows they are one
    (Author(name="Ann Reyes"), Author(name="Ann Ortiz")),
    (Author(handle="annreyes"), Author(handle="annreyes2")),
    (Author(name="Al Li"), Author(name="Bo", handle="alibaba")),  # a two-letter surname proves nothing
]


@pytest.mark.parametrize(("a", "b"), AUTHORS_WHO_MAY_BE_ONE)
def test_authors_who_may_be_one(a: Author, b: Author) -> None:
    assert may_be_same_author(a, b) and may_be_same_author(b, a)


@pytest.mark.parametrize(("a", "b"), AUTHORS_WHO_ARE_TWO)
def test_authors_who_are_two(a: Author, b: Author) -> None:
    assert not may_be_same_author(a, b) and not may_be_same_author(b, a)


# ---------------------------------------------------------------- many records


def test_index_compares_a_record_with_few_others(monkeypatch: pytest.MonkeyPatch) -> None:
    """5,000 different posts: each is checked against a handful of candidates, not every record."""
    calls = 0
    real = threads.identity.same

    def counting(*args: object, **kwargs: object) -> bool:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(threads.identity, "same", counting)
    index = Index()
    for n in range(5000):
        post = Post(platform="twitter", text=f"post number {n} says word{n} and word{n + 1} today", id=str(n))
        assert index.find(post) is None
        index.add(post)
    assert calls < 5 * 5000
    assert index.find(Post(platform="twitter", text="says word17 and word18")) == 17


def test_digest_links_a_quote_to_the_post_another_article_embeds() -> None:
    a = Source(location="a.html", kind="html", text="", url="https://a.example/1", title="A")
    b = Source(location="b.html", kind="html", text="", url="https://b.example/2", title="B")
    c = Source(location="c.html", kind="html", text="", url="https://c.example/3", title="C")
    part = quote("stays open late tonight for everyone", published=date(2019, 5, 1))
    look_alike = quote(LONG, author=Author(name="Ben Ortiz"))

    def rec(src: Source, post: Post) -> Reconstruction:
        return Reconstruction(
            source=src, threads=(Thread(author=post.author, platform="twitter", posts=(post,)),)
        )

    d = build([rec(a, part), rec(b, embed()), rec(c, look_alike)])
    entries = [e for s in d.sections for e in s.entries]
    linked = next(e for e in entries if len(e.sources) == 2)
    assert [s.title for s in linked.sources] == ["A", "B"]
    assert linked.post.id == "1180000000000000001" and linked.post.text == LONG  # the quote gains the ID
    assert len(entries) == 2  # Ben Ortiz's words stay his own post


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("King Street BIA", True),  # a body named with its kind's initials
        ("Riverside FC", True),
        ("Tessa Brand", False),  # a given name before a word for a body: a person
        ("John Smith III", False),  # a generation, not initials
        ("Plymouth MP", False),  # what a person is
        ("Labour Party", True),
        ("Harmon Institute", True),
    ],
)
def test_a_name_is_a_body_by_its_last_word_unless_a_given_name_opens_it(name: str, body: bool) -> None:
    from threads.people import Cast, Gender

    person = Cast().mention(name)
    assert person is not None
    assert (person.gender == Gender.BODY) is body
