"""The readers that know no platform's markup: addresses in attributes, post data in attributes,
post cards in any markup; and the look at every attribute they share (``threads.hints``).

Each rule has examples that must give a post and look-alikes that must not. Whole pages are in
``fixtures/embeds/{addresses,postdata,cards}-*.html`` (see ``test_embeds.py``).
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime

import lxml.html
import pytest

from threads import hints, vocab
from threads.dom import Page
from threads.embeds import extract_all, parse_link
from threads.embeds._common import choose_published
from threads.embeds.cards import _is_date
from threads.model import Post

from .test_embeds import CASES

GENERAL = ("addresses", "postdata", "cards")


def posts_of(body: str) -> list[Post]:
    page = Page(
        lxml.html.document_fromstring(f"<html><body>{body}</body></html>"), base_url="https://news.example/a"
    )
    return extract_all(page)


@pytest.mark.parametrize("reader", GENERAL)
def test_every_general_reader_has_a_fixture(reader: str) -> None:
    assert any(c.stem.startswith(reader + "-") for c in CASES)


# ---------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    ("url", "platform", "post_id", "embed"),
    [
        (
            "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1633150523798454277",
            "twitter",
            "1633150523798454277",
            True,
        ),
        ("https://x.com/mira_ex/status/1633150523798454277/photo/1", "twitter", "1633150523798454277", False),
        ("https://www.instagram.com/p/Cpf2IR3k0gH/embed/captioned/", "instagram", "Cpf2IR3k0gH", True),
        ("https://www.instagram.com/tom_lind_ex/p/Cpf2IR3k0gH/", "instagram", "Cpf2IR3k0gH", False),
        (
            "https://embed.bsky.app/embed/did:plc:abc/app.bsky.feed.post/3jqehylk5e24h?id=1",
            "bluesky",
            "3jqehylk5e24h",
            True,
        ),
        ("at://did:plc:abc/app.bsky.feed.post/3jqehylk5e24h", "bluesky", "3jqehylk5e24h", True),
        (
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fpage%2Fposts%2F1234567",
            "facebook",
            "1234567",
            True,
        ),
        ("https://social.example/@ann/113939958988801234/embed", "mastodon", "113939958988801234", True),
        ("https://social.example/@ann/113939958988801234", "mastodon", "113939958988801234", False),
        ("https://www.threads.net/@ann_ex/post/C1a2b3c4d5e/embed", "threads", "C1a2b3c4d5e", True),
        ("https://www.tiktok.com/embed/v2/7467169152413453589", "tiktok", "7467169152413453589", True),
        ("https://t.me/harbour_news/4211?embed=1", "telegram", "harbour_news/4211", True),
        (
            "https://www.linkedin.com/embed/feed/update/urn:li:share:7264291213959204866",
            "linkedin",
            "7264291213959204866",
            True,
        ),
    ],
)
def test_post_addresses(url: str, platform: str, post_id: str, embed: bool) -> None:
    link = parse_link(url)
    assert link is not None and (link.platform, link.id, link.embed) == (platform, post_id, embed)


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/intent/post?text=hi",
        "https://x.com/mira_ex",
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa",
        "https://www.facebook.com/plugins/like.php?href=https%3A%2F%2Fwww.facebook.com%2Fpage%2Fposts%2F1234567",
        "https://www.facebook.com/NewsExample",
        "https://bsky.app/profile/ann.example.org",
        "https://medium.com/@ann/why-ferries-matter-8f3a2b1c",
        "https://social.example/@ann/12",  # a serial from before Mastodon's time-based IDs
        "https://news.example/2023/03/07/harbour",
    ],
)
def test_addresses_that_name_no_post(url: str) -> None:
    assert parse_link(url) is None


def test_an_embed_address_in_any_attribute_of_any_element_is_a_post() -> None:
    posts = posts_of(
        '<iframe src="about:blank" data-rocket-src="https://www.instagram.com/p/Cpf2IR3k0gH/embed/"></iframe>'
        '<span class="ph" data-lazy="https://platform.twitter.com/embed/Tweet.html?id=1633150523798454277"></span>'
    )
    assert [(p.platform, p.id) for p in posts] == [
        ("instagram", "Cpf2IR3k0gH"),
        ("twitter", "1633150523798454277"),
    ]


def test_a_permalink_counts_in_a_loader_attribute_not_in_a_link_or_a_button() -> None:
    placeholder = posts_of(
        '<div class="lazy-embed" data-src="https://x.com/mira_ex/status/1633150523798454277"></div>'
    )
    assert [p.id for p in placeholder] == ["1633150523798454277"]
    look_alikes = posts_of(
        '<a href="https://x.com/mira_ex/status/1633150523798454277" data-url="https://x.com/mira_ex/status/1633150523798454277">here</a>'
        '<div data-share-url="https://x.com/mira_ex/status/1633150523798454278"><button>Share</button></div>'
        '<img src="https://img.example/a.png" data-src="https://www.instagram.com/p/Cpf2IR3k0gH/media/?size=l">'
        '<meta property="og:see_also" content="https://x.com/mira_ex/status/1633150523798454279">'
    )
    assert look_alikes == []


def test_a_custom_element_named_for_a_post_holds_it_in_any_attribute() -> None:
    """Privacy tools and web components keep a post in an element of their own ("embetty-tweet",
    "mastodon-post"), its ID or permalink in an attribute of any name."""
    posts = posts_of(
        '<embetty-tweet status="1633150523798454277"></embetty-tweet>'
        '<embetty-mastodon status="https://social.example/@kassen/114200081915358149"></embetty-mastodon>'
        '<span class="consent-canvas" tweetid="1633150523798454278" theme="light"></span>'
    )
    assert [(p.platform, p.id) for p in posts] == [
        ("twitter", "1633150523798454277"),
        ("mastodon", "114200081915358149"),
        ("twitter", "1633150523798454278"),
    ]
    look_alikes = posts_of(
        '<x-share-button status="https://x.com/mira_ex/status/1633150523798454277"></x-share-button>'
        '<twitter-timeline source="1633150523798454277"></twitter-timeline>'
        '<span class="views" data-count="1633150523798454277">1.2M</span>'
        '<aside class="related-stories"><embetty-tweet status="1633150523798454279"></embetty-tweet></aside>'
    )
    assert look_alikes == []


def test_a_post_linked_from_an_embed_services_card_is_an_embed() -> None:
    """Embedly and Iframely (and CMS oEmbed wrappers) keep a link where their script draws the
    post: the link, whatever its words, is the embedded post."""
    posts = posts_of(
        '<a class="embedly-card" href="https://www.instagram.com/p/Cpf2IR3k0gH/">A post on Instagram</a>'
        '<div class="iframely-embed"><div class="iframely-responsive">'
        '<a href="https://x.com/mira_ex/status/1633150523798454277" data-iframely-url="//cdn.iframe.ly/x">'
        "</a>"
        "</div></div>"
    )
    assert [(p.platform, p.id) for p in posts] == [
        ("instagram", "Cpf2IR3k0gH"),
        ("twitter", "1633150523798454277"),
    ]
    look_alikes = posts_of(
        '<a class="embedly-card" href="https://x.com/mira_ex">Mira on X</a>'  # a profile
        '<div class="iframely-embed"><a href="https://news.example/story">a story</a></div>'  # no post
        '<aside class="related-stories"><a class="embedly-card" '
        'href="https://x.com/mira_ex/status/1633150523798454279">x</a></aside>'
    )
    assert look_alikes == []


def test_a_post_address_alone_in_its_block_is_an_embed_the_cms_did_not_render() -> None:
    """WordPress and Drupal turn a line holding only a post's address into its embed; where the
    page kept the line (a media field, a paragraph), the address is the post."""
    posts = posts_of(
        '<div class="media media--type-instagram"><div class="field__item">'
        '<a href="https://www.instagram.com/p/Cpf2IR3k0gH/">https://www.instagram.com/p/Cpf2IR3k0gH/</a>'
        "</div></div>"
        '<p><a href="https://x.com/mira_ex/status/1633150523798454277">x.com/mira_ex/status/163315052379…</a></p>'
    )
    assert [(p.platform, p.id) for p in posts] == [
        ("instagram", "Cpf2IR3k0gH"),
        ("twitter", "1633150523798454277"),
    ]
    url = "https://x.com/mira_ex/status/1633150523798454277"
    look_alikes = posts_of(
        f'<p>The thread (<a href="{url}">{url}</a>) was deleted.</p>'  # a word of a sentence
        f'<ul><li><a href="{url}">{url}</a></li></ul>'  # a list of links
        f'<p><a href="{url}">her tweet</a></p>'  # not shown as its address
        f'<p><a href="https://x.com/mira_ex">https://x.com/mira_ex</a></p>'  # a profile
        f'<aside class="related-stories"><p><a href="{url}">{url}</a></p></aside>'
    )
    assert look_alikes == []


def test_no_address_reader_in_a_rail_of_other_stories() -> None:
    rail = '<aside class="related-stories"><iframe data-src="https://platform.twitter.com/embed/Tweet.html?id=1633150523798454277"></iframe></aside>'
    assert posts_of(rail) == []
    # a layout class naming a sidebar around the article is no rail
    layout = '<div class="content-sidebar-wrap"><article><iframe src="https://platform.twitter.com/embed/Tweet.html?id=1633150523798454277"></iframe></article></div>'
    assert [p.id for p in posts_of(layout)] == ["1633150523798454277"]


# ---------------------------------------------------------------- the look at attributes


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("href", "https://x.com/a/status/1", hints.Holds.ADDRESS),
        ("data-url", "https%3A%2F%2Fx.com%2Fa%2Fstatus%2F1", hints.Holds.ADDRESS),
        (
            "data-x",
            '{"u":"https:\\/\\/bsky.app\\/profile\\/a\\/post\\/3jqehylk5e24h"}',
            hints.Holds.ADDRESS | hints.Holds.JSON,
        ),
        ("data-html", "&lt;blockquote class=&quot;twitter-tweet&quot;&gt;", hints.Holds.MARKUP),
        (
            "data-c",
            base64.b64encode(b'<blockquote class="instagram-media"></blockquote>').decode(),
            hints.Holds.MARKUP,
        ),
        ("data-props", '{"tweet_id": "1633150523798454277"}', hints.Holds.JSON),
        ("data-tweet-id", "1633150523798454277", hints.Holds.NAMED | hints.Holds.ID),
        ("status", "1633150523798454277", hints.Holds.ID),
        ("data-count", "16331505", hints.Holds(0)),
        ("href", "https://news.example/twitter-tweet", hints.Holds(0)),
        ("href", "https://box.com/x", hints.Holds(0)),
        ("data-props", '{"count": 3}', hints.Holds(0)),
    ],
)
def test_what_an_attribute_holds(name: str, value: str, expected: hints.Holds) -> None:
    assert hints.holds(name, value) == expected


def test_addresses_inside_proxies_and_tracking_links() -> None:
    tracked = base64.urlsafe_b64encode(
        json.dumps({"e": "https://x.com/a/status/1633150523798454277"}).encode()
    ).decode()
    found = hints.candidates(f"https://mail.example/redirect/2/{tracked.rstrip('=')}.sig")
    assert "https://x.com/a/status/1633150523798454277" in found
    proxied = hints.candidates(
        "https://cdn.proxy.example/media.html?src=https%3A%2F%2Ftwitter.com%2Fa%2Fstatus%2F20&key=1"
    )
    assert proxied[-1] == "https://twitter.com/a/status/20"


def test_the_load_walk_and_the_fallback_look_keep_the_same_hits() -> None:
    import threads.load as load

    html = (
        '<html><body><p>x</p><div hidden><span data-src="https://platform.twitter.com/embed/Tweet.html?id=20"></span></div>'
        '<noscript><div data-embed="https://www.instagram.com/p/Cpf2IR3k0gH/embed"></div></noscript>'
        '<a href="https://x.com/a/status/1633150523798454277">a</a></body></html>'
    )
    walked = load.from_text(html, location="<t>")
    assert walked.page is not None
    fallback = Page(walked.page.root)
    keep = [(h.element.tag, h.name, h.value) for h in hints.of(walked.page).hits]
    assert keep == [(h.element.tag, h.name, h.value) for h in hints.of(fallback).hits]
    assert len(keep) == 3


# ---------------------------------------------------------------- post data in attributes


def test_an_api_tweet_object_with_its_quoted_status() -> None:
    data = {
        "id_str": "1886391685739446277",
        "full_text": "The bridge reopens on Monday.",
        "user": {"screen_name": "cityroads_ex", "name": "City Roads"},
        "quoted_status": {
            "id_str": "1858525522686902277",
            "text": "Bridge closed.",
            "user": {"screen_name": "cityroads_ex"},
        },
    }
    (post,) = posts_of(f"<div data-block='{json.dumps(data)}'></div>")
    assert (post.author.handle, post.text, post.published) == (
        "cityroads_ex",
        "The bridge reopens on Monday.",
        datetime(2025, 2, 3, 12, 30, tzinfo=UTC),
    )
    (quoted,) = post.quotes
    assert (quoted.id, quoted.text, quoted.quoted_in) == (
        "1858525522686902277",
        "Bridge closed.",
        "1886391685739446277",
    )


def test_data_that_is_no_post() -> None:
    preview = {"url": "https://x.com/a_ex/status/1633150523798454277", "image": "https://img.example/p.jpg"}
    related = {
        "related": [
            {
                "url": "https://x.com/b_ex/status/1633150523798454278",
                "text": "Other story",
                "username": "b_ex",
            }
        ]
    }
    assert (
        posts_of(
            f"<div data-preview='{json.dumps(preview)}'></div><div data-props='{json.dumps(related)}'></div>"
        )
        == []
    )


# ---------------------------------------------------------------- cards

ANN = "https://x.com/ann_ex/status/1633150523798454277"
TOM = "https://x.com/tom_ex/status/1632671274234806277"
CARD = (
    '<div class="{cls}"><p><a href="https://x.com/ann_ex"><b>Ann Reyes</b></a> @ann_ex</p>'
    "<p>The ferry runs all winter.</p>"
    f'<p><a href="{ANN}">10:03 AM · Mar 7, 2023</a> · 12 Likes</p></div>'
)


def test_a_card_in_markup_of_any_names() -> None:
    for cls in ("tweet", "x9f-card", "embed-social"):
        (post,) = posts_of(CARD.format(cls=cls))
        assert (post.author.name, post.author.handle, post.text) == (
            "Ann Reyes",
            "ann_ex",
            "The ferry runs all winter.",
        )
        assert post.author.url == "https://x.com/ann_ex" and post.published == datetime(
            2023, 3, 7, 17, 0, 2, tzinfo=UTC
        )


def test_a_card_inside_a_card_is_a_quote() -> None:
    inner = (
        '<div class="q"><p><b>Tom Lind</b> @tom_ex</p><p>Nobody can keep that promise.</p>'
        f'<p><a href="{TOM}">Mar 6, 2023</a></p></div>'
    )
    outer = CARD.format(cls="c").replace(
        "<p>The ferry runs all winter.</p>", "<p>The ferry runs all winter.</p>" + inner
    )
    (post,) = posts_of(outer)
    (quoted,) = post.quotes
    assert (quoted.author.handle, quoted.text, quoted.quoted_in) == (
        "tom_ex",
        "Nobody can keep that promise.",
        post.id,
    )
    assert post.text == "The ferry runs all winter."


def test_a_quoted_card_whose_link_shows_its_address_in_an_e_mail_card() -> None:
    """An e-mail edition's card: the quoted post's link is its own address on a line of its own,
    the outer post's link a "View on X" in its date line."""
    inner = (
        "<table><tr><td><span>Tom Lind</span> <span>@tom_ex</span>"
        "<p>Nobody can keep that promise.</p>"
        f'<a href="{TOM}">{TOM.removeprefix("https://")}</a></td></tr></table>'
    )
    body = (
        "<p>The harbour board's plan drew one sharp reply:</p>"
        '<table><tr><td><table><tr><td><img src="a.png" alt=""></td>'
        "<td><span>Ann Reyes</span><br><span>@ann_ex</span></td></tr></table>"
        f"<p>The ferry runs all winter.</p>{inner}"
        f'<p>7:14 AM · Mar 7, 2023 · <a href="{ANN}">View on X</a></p></td></tr></table>'
        "<p>The board meets again in May.</p>"
    )
    (post,) = [p for p in posts_of(body) if p.quoted_in is None]
    (quoted,) = post.quotes
    assert (post.author.handle, post.text) == ("ann_ex", "The ferry runs all winter.")
    assert (quoted.author.handle, quoted.text, quoted.quoted_in) == (
        "tom_ex",
        "Nobody can keep that promise.",
        post.id,
    )


@pytest.mark.parametrize(
    "body",
    [
        # a status link that is a word of the writer's sentence
        f'<p>Ann Reyes (@ann_ex) <a href="{ANN}">said</a> the ferry runs all winter.</p>',
        # a caption: the author's handle and the link, no text of the post apart from them
        '<figure><img src="s.png" alt=""><figcaption>Ann Reyes (@ann_ex) on '
        f'<a href="{ANN}">X</a></figcaption></figure>',
        # the writer's lead-in and quotation with a link below
        "<div><p>Ann Reyes (@ann_ex) wrote:</p><p>The ferry runs all winter.</p>"
        f'<p><a href="{ANN}">Link</a></p></div>',
        # one element holding the lines of two posts: a list, not a card
        f'<div><p><b>Ann</b> @ann_ex</p><p>One.</p><p><a href="{ANN}">Mar 7, 2023</a></p>'
        f'<p><b>Tom</b> @tom_ex</p><p>Two.</p><p><a href="{TOM}">Mar 6, 2023</a></p></div>',
        # a status link showing its address inside the writer's sentence
        f'<p>Ann Reyes (@ann_ex) put it plainly at <a href="{ANN}">{ANN}</a> today.</p>',
        # the address on a line of its own under the writer's paragraphs: no author line, no card
        f'<div><p>The ferry runs all winter, the board said.</p><p><a href="{ANN}">{ANN}</a></p></div>',
        # other stories' posts in a rail
        '<aside class="sidebar">' + CARD.format(cls="c") + "</aside>",
        # an author box: a profile and a bio, no post
        '<div class="author"><p><a href="https://x.com/ann_ex">Ann Reyes</a> @ann_ex</p>'
        "<p>Ann covers the harbour.</p></div>",
    ],
)
def test_no_card(body: str) -> None:
    assert [p for p in posts_of(body) if "card: " in " ".join(p.evidence)] == []


def test_an_embed_without_caption_takes_no_text_from_the_paragraphs_around_it() -> None:
    """A placeholder that holds the author line and the links (no caption) beside the writer's
    paragraphs: the paragraphs are not the post's text."""
    body = (
        "<article><p>Before the post.</p><div><div class='ph'>"
        '<a href="https://www.instagram.com/p/Cpf2IR3k0gH/"><div>Open this post</div></a>'
        '<p><a href="https://www.instagram.com/p/Cpf2IR3k0gH/">Shared by Tom (@tom_ex)</a></p></div></div>'
        "<p>After the post: the writer goes on.</p><p>And on.</p></article>"
    )
    assert all(not p.text for p in posts_of(body))


def test_a_credit_line_names_the_author_of_a_post_another_reader_found() -> None:
    body = (
        '<figure><iframe src="https://www.instagram.com/p/Cpf2IR3k0gH/embed/"></iframe>'
        '<figcaption><a href="https://www.instagram.com/p/Cpf2IR3k0gH/">Instagram: @tom_ex</a>'
        "</figcaption></figure>"
    )
    (post,) = posts_of(body)
    assert post.author.handle == "tom_ex"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("5:00 PM · Mar 7, 2023", True),
        ("7 mars 2023", True),
        ("10:42", True),
        ("2023-03-07T17:00:02Z", True),
        ("Tue Mar 07 17:00:02 +0000 2023", True),
        ("We met on May 5, 2022", False),
        ("The vote was close", False),
    ],
)
def test_date_lines(line: str, expected: bool) -> None:
    assert _is_date(line) is expected


# ---------------------------------------------------------------- times, profiles


def test_the_id_moment_wins_where_the_date_text_agrees() -> None:
    moment = datetime(2023, 3, 7, 17, 0, 2, tzinfo=UTC)
    assert choose_published("March 7, 2023", moment)[0] == moment
    assert choose_published(None, moment)[0] == moment
    written, extra = choose_published("January 2, 2019", moment)  # an ID read with the wrong scheme
    assert written == date(2019, 1, 2) and extra["id_time"] == moment
    assert choose_published("March 7, 2023", None)[0] == date(2023, 3, 7)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.com/Ann_Ex?ref_src=twsrc", ("twitter", "Ann_Ex")),
        ("https://www.instagram.com/ann.reyes/", ("instagram", "ann.reyes")),
        ("https://www.tiktok.com/@dance_ex", ("tiktok", "dance_ex")),
        ("https://bsky.app/profile/did:plc:abc", ("bluesky", "did:plc:abc")),
        ("https://social.example/@ann", ("mastodon", "ann@social.example")),
        ("https://x.com/intent/post", None),
        ("https://x.com/a_ex/status/1", None),
        ("https://www.instagram.com/explore/tags/harbour/", None),
        ("https://news.example/about", None),
    ],
)
def test_profile_addresses(url: str, expected: tuple[str, str] | None) -> None:
    assert vocab.profile_of_url(url) == expected


# ---------------------------------------------------------------- who wrote it: threads and views


def _embed(pid: str, platform: str = "instagram", **author: str) -> Post:
    from threads.model import Author

    return Post(platform=platform, text="", kind="embed", id=pid, author=Author(platform=platform, **author))


def test_posts_of_one_did_are_one_thread_shown_as_the_did_until_a_handle_is_known() -> None:
    from threads.render import display_name
    from threads.sequence import group

    did = "did:plc:k7a2xq4ex"
    threads = group(
        [
            _embed("a", "bluesky", id=did),
            _embed("b", "bluesky", id=did),
            _embed("c", "bluesky", id="did:plc:other"),
        ]
    )
    assert [len(t.posts) for t in threads] == [2, 1]
    assert display_name(threads[0].author) == did
    assert threads[0].author.url == f"https://bsky.app/profile/{did}"
    named = group([_embed("a", "bluesky", id=did), _embed("b", "bluesky", id=did, handle="club.example.org")])
    assert len(named) == 1 and named[0].author.handle == "club.example.org"


def test_posts_whose_author_is_not_named_are_one_group_per_platform() -> None:
    from threads.render import group_heading
    from threads.sequence import group

    posts = [_embed(str(n)) for n in range(12)] + [_embed("t", "tiktok"), _embed("h", handle="tom_ex")]
    threads = group(posts)
    assert [(t.platform, len(t.posts), t.author.handle) for t in threads] == [
        ("instagram", 12, None),
        ("tiktok", 1, None),
        ("instagram", 1, "tom_ex"),
    ]
    assert (
        group_heading(threads[0].author, "instagram", 12)
        == "12 Instagram posts whose author the page does not name"
    )
    assert threads[2].author.url == "https://www.instagram.com/tom_ex/"


def test_a_group_of_unnamed_authors_names_no_one_and_each_post_keeps_its_own_description() -> None:
    from threads.sequence import group

    posts = [_embed("1", "twitter", role="city's account"), _embed("2", "twitter", role="rider")]
    (thread,) = group(posts)
    assert (thread.author.name, thread.author.role) == (None, None)
    assert [p.author.role for p in thread.posts] == ["city's account", "rider"]


def test_markdown_sections_have_unique_anchors() -> None:
    from threads.model import Author, Reconstruction, Source, Thread
    from threads.render import md_anchors, render

    assert md_anchors(["Ann Reyes", "Ann Reyes", "ann reyes", "Tom"]) == [
        "ann-reyes",
        "ann-reyes-1",
        "ann-reyes-2",
        "tom",
    ]
    # two posts each: the page is a few threads, each a section under its heading (a page of
    # authors quoted once each is one list, with no headings to link to)
    same = [
        Thread(
            Author(name="Ann Reyes", platform=p),
            p,
            tuple(Post(platform=p, text="x", kind="embed", id=f"{p}{n}") for n in (1, 2)),
        )
        for p in ("twitter", "instagram")
    ]
    unnamed = [
        Thread(Author(platform=p), p, (Post(platform=p, text="y", kind="embed", id=p + "3"),))
        for p in ("twitter", "tiktok")
    ]
    md = render(Reconstruction(Source("<t>", "html", ""), (*same, *unnamed)), "md")
    assert "(#ann-reyes)" in md and "(#ann-reyes-1)" in md
    assert "## 1 X (Twitter) post whose author the page does not name" in md
    assert "(#1-tiktok-post-whose-author-the-page-does-not-name)" in md


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    "body",
    [
        f"<div data-attrs='{{\"tweet_id\": {DEEP}}}'>x</div>",
        '<script>var _e = \'{"embed": "&lt;blockquote class=&quot;twitter-tweet&quot;&gt;", "d": '
        + DEEP
        + "}';</script>",
        f'<script type="application/ld+json">{{"@type": "SocialMediaPosting", "x": {DEEP}}}</script>',
        '<div data-c="PG' + "A" * 2_000_000 + '">x</div>',
        '<script type="text/template">' + "<div>" * 10_000 + "</script>",
        "".join(
            f'<a href="https://m.example/r/eyJlIjoiaHR0cHM6Ly94LmNvbS9hL3N0YXR1cy8xNjMzMTUwNTIzNzk4NDU0Mjc3In0{n}">X</a>'
            for n in range(3000)
        ),
    ],
    ids=[
        "deep-json-attribute",
        "deep-json-in-a-script-string",
        "deep-json-ld",
        "huge-base64",
        "deep-template",
        "many-tracking-links",
    ],
)
def test_hostile_data_for_the_general_readers_gives_a_result(body: str) -> None:
    import threads

    rec = threads.reconstruct(f"<html><head></head><body>{body}</body></html>")
    assert isinstance(rec.posts, tuple)


@pytest.mark.parametrize(
    ("url", "platform", "post_id"),
    [
        ("https://www.tiktok.com/@ana.ruiz/video/7404993082416974696", "tiktok", "7404993082416974696"),
        ("https://bsky.app/profile/ana.bsky.social/post/3l4gjwdpxelj3", "bluesky", "3l4gjwdpxelj3"),
        ("https://www.threads.net/@ana.ruiz/post/C-4AJB1qZHd", "threads", "C-4AJB1qZHd"),
    ],
)
def test_a_cms_embed_block_left_with_its_bare_address_is_the_post(
    url: str, platform: str, post_id: str
) -> None:
    """WordPress's embed block whose script did not run holds the post's bare address, for any
    platform the CMS embeds."""
    body = (
        "<p>She shared a preview.</p>"
        f'<figure class="wp-block-embed is-type-video is-provider-{platform}">'
        f'<div class="wp-block-embed__wrapper">\n{url}\n</div></figure>'
    )
    (post,) = posts_of(body)
    assert (post.platform, post.id) == (platform, post_id)


def test_a_cms_embed_block_with_a_profile_address_is_no_post() -> None:
    body = '<figure class="wp-block-embed is-provider-tiktok"><div>https://www.tiktok.com/@ana.ruiz</div></figure>'
    assert posts_of(body) == []


@pytest.mark.parametrize(
    "alt",
    [
        "X post by @riverton_fc: Kick-off moved to 3pm.",
        "Post on X by Riverton FC (@riverton_fc): Kick-off moved to 3pm.",
        "Tweet by Riverton FC (@riverton_fc): Kick-off moved to 3pm.",
    ],
)
def test_a_screenshot_in_place_of_the_embed_is_read_from_its_alt_text(alt: str) -> None:
    body = (
        '<div class="embed-fallback"><a href="https://twitter.com/riverton_fc/status/1836330688377826833">'
        f'<img src="/shot.png" alt="{alt}"></a></div>'
    )
    (post,) = posts_of(body)
    assert (post.author.handle, post.text, post.id) == (
        "riverton_fc",
        "Kick-off moved to 3pm.",
        "1836330688377826833",
    )
