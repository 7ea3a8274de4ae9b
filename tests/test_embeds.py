"""Embed extractors: golden fixtures per markup variant, plus the rules behind them.

``fixtures/embeds/<platform>-<variant>.html`` sits beside ``<same>.json``, the expected
``[p.to_dict() for p in extract_all(page)]``. Comparison is on the fields that matter (see
:func:`meaningful`), so adding a field to the model does not churn every fixture.
Regenerate with ``THREADS_REGEN=1 pytest tests/test_embeds.py`` (see ``tests/golden.py``), then read
the diff.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import threads
from threads.dom import Page
from threads.embeds import REGISTRY, extract_all
from threads.embeds._common import localize, parse_date
from threads.embeds._merge import merge_copies
from threads.embeds.twitter import parse_status
from threads.identity import permalink
from threads.model import Author, Post

from .golden import check

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "embeds"
CASES = sorted(FIXTURES.glob("*.html"))
BASE_URL = "https://news.example/article"


def page_of(html: str) -> Page:
    return Page(root=lxml.html.document_fromstring(html), base_url=BASE_URL)


def meaningful(post: dict[str, Any]) -> dict[str, Any]:
    """The fields a fixture pins down; positions, evidence wording and the like may move."""
    author = post["author"]
    return {
        "platform": post["platform"],
        "kind": post["kind"],
        "id": post["id"],
        "url": post["url"],
        "text": post["text"],
        "author": {"name": author["name"], "handle": author["handle"]},
        "published": post["published"],
        "quotes": [meaningful(q) for q in post["quotes"]],
        "media": [m["url"] for m in post["media"]],
        "text_missing": bool(post["extra"].get("text_missing")),
    }


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fixture(case: Path) -> None:
    posts = [p.to_dict() for p in extract_all(page_of(case.read_text(encoding="utf-8")))]
    check(posts, case.with_suffix(".json"), view=lambda ps: [meaningful(p) for p in ps], indent=1)
    positions = [p["position"] for p in posts]
    assert positions == sorted(positions)


def test_negative_fixtures_expect_nothing() -> None:
    negatives = [c for c in CASES if c.stem.startswith("negative-")]
    assert negatives
    for case in negatives:
        assert json.loads(case.with_suffix(".json").read_text(encoding="utf-8")) == [], case.name


@pytest.mark.parametrize("platform", [r.name for r in REGISTRY])
def test_every_registered_extractor_has_a_fixture(platform: str) -> None:
    assert any(c.stem.startswith(platform + "-") for c in CASES), f"no fixtures/embeds/{platform}-*.html"


def test_every_fixture_has_expected_output() -> None:
    assert CASES
    missing = [c.name for c in CASES if not c.with_suffix(".json").exists()]
    assert not missing


def test_five_thousand_embeds_in_one_page() -> None:
    """Every extractor reads the tree with a fixed set of compiled XPaths: linear in the page."""
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="en">Post number {n}</p>&mdash; Bulk (@bulk_ex) '
        '<a href="https://twitter.com/bulk_ex/status/{id}">May 5, 2022</a></blockquote><p>Prose {n}.</p>'
    )
    body = "".join(tweet.format(n=n, id=1522349168131334144 + n) for n in range(5000))
    posts = extract_all(page_of(f"<html><body>{body}</body></html>"))
    assert len(posts) == 5000
    assert posts[0].text == "Post number 0" and posts[-1].text == "Post number 4999"


def test_consent_fragment_sits_where_its_holder_sits() -> None:
    html = (
        "<html><body><p>before</p>"
        '<blockquote class="twitter-tweet"><p>One</p>&mdash; A (@a_ex) '
        '<a href="https://twitter.com/a_ex/status/1455512589295816701">November 2, 2021</a></blockquote>'
        '<textarea hidden>&lt;blockquote class="twitter-tweet"&gt;'
        "&lt;p&gt;Two&lt;/p&gt;&amp;mdash; B (@b_ex) "
        '&lt;a href="https://twitter.com/b_ex/status/1455512589295816702"&gt;November 2, 2021&lt;/a&gt;'
        "&lt;/blockquote&gt;</textarea>"
        '<blockquote class="twitter-tweet"><p>Three</p>&mdash; C (@c_ex) '
        '<a href="https://twitter.com/c_ex/status/1455512589295816703">November 2, 2021</a></blockquote>'
        "</body></html>"
    )
    assert [p.text for p in extract_all(page_of(html))] == ["One", "Two", "Three"]


# ---------------------------------------------------------------- rules


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        (
            "https://twitter.com/jack/status/20?ref_src=twsrc%5Etfw",
            ("jack", "20", "https://twitter.com/jack/status/20"),
        ),
        (
            "https://mobile.twitter.com/jack/statuses/20/photo/1",
            ("jack", "20", "https://twitter.com/jack/status/20"),
        ),
        ("https://x.com/jack/status/20?s=20", ("jack", "20", "https://x.com/jack/status/20")),
        ("https://twitter.com/#!/jack/status/20", ("jack", "20", "https://twitter.com/jack/status/20")),
        ("https://twitter.com/i/web/status/20", (None, "20", "https://twitter.com/i/web/status/20")),
        ("//twitter.com/jack/status/20", ("jack", "20", "https://twitter.com/jack/status/20")),
        ("https://twitter.com/jack", None),
        ("https://twitter.com/intent/tweet?in_reply_to=20", None),
        ("https://t.co/AbCdEf", None),
    ],
)
def test_parse_status(href: str, expected: tuple[str | None, str, str] | None) -> None:
    assert parse_status(href) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 16, 2022", date(2022, 10, 16)),
        ("25. September 2018", date(2018, 9, 25)),
        ("16 мая 2018 г.", date(2018, 5, 16)),
        ("7 января 2018 г.", date(2018, 1, 7)),
        ("Jueves, 12 de noviembre de 2020", date(2020, 11, 12)),
        ("Jeudi 26 mars 2020", date(2020, 3, 26)),
        ("23. Okt 2017", date(2017, 10, 23)),
        ("2016年5月28日", date(2016, 5, 28)),
        ("2019-06-16", date(2019, 6, 16)),
        ("3 lutego 2025", date(2025, 2, 3)),
        ("Yesterday", None),
        ("June 2019", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_parse_date_with_a_time_zone_keeps_the_moment() -> None:
    moment = parse_date("Jun 16, 2019 at 7:30am PDT")
    assert isinstance(moment, datetime)
    assert moment.utcoffset() == timedelta(hours=-7) and moment.hour == 7


def test_numeric_dates_are_read_the_way_the_id_agrees_with() -> None:
    near = datetime(2019, 6, 5, 12, tzinfo=UTC)
    assert parse_date("05.06.2019", near=near) == date(2019, 6, 5)
    assert parse_date("6/5/2019", near=near) == date(2019, 6, 5)
    assert parse_date("October 16, 2022", near=near) is None  # contradicts the ID: not trusted


def test_localize_keeps_the_local_day_of_a_utc_moment() -> None:
    utc = datetime(2019, 6, 16, 14, 30, 55, tzinfo=UTC)
    assert localize(utc, "Jun 16, 2019 at 7:30am PDT").isoformat() == "2019-06-16T07:30:55-07:00"
    assert localize(utc, "Jun 16, 2019 um 7:30 PDT").isoformat().startswith("2019-06-16T07:30:55")
    late = datetime(2017, 10, 23, 7, 31, 37, tzinfo=UTC)
    assert localize(late, "23. Okt 2017 um 0:31 Uhr").isoformat() == "2017-10-23T00:31:37-07:00"
    assert localize(utc, None) == utc


def test_permalink_folds_copies_of_one_address() -> None:
    assert permalink("https://www.x.com/Jack/status/20?s=20") == permalink(
        "http://twitter.com/i/web/status/20/"
    )
    assert permalink("https://www.facebook.com/photo.php?fbid=1&set=a.9") != permalink(
        "https://www.facebook.com/photo.php?fbid=2&set=a.9"
    )


def _post(position: int, **fields: Any) -> Post:
    return Post(platform="twitter", kind="embed", position=position, **fields)


def test_merge_keeps_the_richest_copy_and_fills_its_gaps() -> None:
    bare = _post(
        10, text="", id="20", url="https://twitter.com/i/web/status/20", extra={"text_missing": True}
    )
    rich = _post(
        11, text="Hello world, again", id="20", url="https://twitter.com/jack/status/20",
        author=Author(name="Jack", handle="jack", platform="twitter"),
    )  # fmt: skip
    (merged,) = merge_copies([rich, bare])
    assert merged.text == "Hello world, again" and merged.author.handle == "jack"
    assert merged.position == 10 and "text_missing" not in merged.extra


def test_merge_never_joins_equal_texts_with_different_ids() -> None:
    a = _post(1, text="Instagram Beitrag here", id="A1")
    b = _post(2, text="Instagram Beitrag here", id="B2")
    c = _post(3, text="Instagram Beitrag here")
    merged = merge_copies([a, b, c])
    assert [p.id for p in merged] == ["A1", "B2"]


def test_long_scripts_and_long_blockquotes_stay_linear() -> None:
    """Regexes over script data and trailers must not retry from every character (a 100 KB word in
    a script once took seconds): this finishes at once, or not at all."""
    word = "a" * 100_000
    dashes = " - x" * 20_000
    html = (
        f"<html><body><script>var blob = '{word}'; window.App = {{}};</script>"
        f'<blockquote class="twitter-tweet"><p>{dashes}</p>&mdash; Long (@long_ex) '
        '<a href="https://twitter.com/long_ex/status/1455512589295816709">November 2, 2021</a></blockquote>'
        "</body></html>"
    )
    (post,) = extract_all(page_of(html))
    assert post.author.handle == "long_ex" and post.text.endswith("- x")


# ---------------------------------------------------------------- one walk, gated walks

_GATED = """<html><body>
<p>Intro.</p>
<DIV DATA-TWEET-ID="20">rendered</DIV>
<blockquote class="twitter-tweet"><p>First words here</p>&mdash; Ann (@ann)
<a href="https://twitter.com/ann/status/1114011006424850432">April 5, 2019</a></blockquote>
<img alt="Twitter post by @bob: Hello from the screenshot" src="x.png">
</body></html>"""


@pytest.mark.parametrize("markup", [_GATED, None])
def test_gated_and_indexed_selectors_find_what_a_full_walk_finds(markup: str | None) -> None:
    """With the source text (needles checked, case-folded: DATA-TWEET-ID) or without it (every walk
    runs), the same posts come out, in document order."""
    root = lxml.html.document_fromstring(_GATED)
    posts = extract_all(Page(root, markup=markup))
    assert [(p.id, p.author.handle) for p in posts] == [
        ("20", None),
        ("1114011006424850432", "ann"),
        (None, "bob"),
    ]


def test_page_index_and_needles() -> None:
    markup = "<div><iframe src='a'></iframe><p><iframe src='b'></iframe></p></div>"
    root = lxml.html.document_fromstring(markup)
    page = Page(root, markup="<div><IFRAME src='a'></IFRAME> Fb-Post</div>")
    assert [el.get("src") for el in page.tagged("iframe")] == ["a", "b"]
    assert page.tagged("blockquote") == []
    assert page.holds("fb-post") and not page.holds("reddit-embed")
    assert Page(root).holds("anything")  # no source text: every walk must run
    # spelled as written, case and all, in text or bytes (no lower-cased copy of the page)
    for source in ("<time itemprop='datePublished'>", b"<time itemprop='datePublished'>"):
        page = Page(root, markup=source)
        assert page.spells("datePublished") and not page.spells("datepublished")
        assert page.spells("datePublished")  # asked again: the answer kept
    assert Page(root).spells("anything")


def test_script_assignments_are_found_from_their_equals_sign() -> None:
    from threads.embeds._consent import _assignments

    body = 'window.App = {"a":1}; x == {}; y => {}; self.__next_f=[1]; ["k"] = {}; a += [1]; z["q"] = {}'
    assert [t for t, _ in _assignments(body)] == ["window.App", "self.__next_f", '["k"]']
    long_name = "n" * 600
    assert [t for t, _ in _assignments(f"; {long_name} = {{}}")] == [long_name]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "windows-1252", "cp037"])
def test_gated_walks_see_the_page_whatever_its_encoding(encoding: str) -> None:
    """The cheap tests look in the raw bytes only where those spell ASCII as ASCII (not UTF-16 or
    EBCDIC), so a rendered tweet holder is found in every encoding."""
    import threads

    page = (
        f'<html><head><meta charset="{encoding}"></head><body><p>Café.</p>'
        '<div class="tweet" data-tweet-id="1114011006424850432"></div></body></html>'
    )
    data = page.encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((b"\xff\xfe", b"\xfe\xff"))
    rec = threads.reconstruct(data)
    assert [p.id for t in rec.threads for p in t.posts] == ["1114011006424850432"]


# ---------------------------------------------------------------- embed markup left in a plain text

# Invented embed code of each platform, as an editor or a scraper leaves it in an article's text.
TEXT_EMBEDS = {
    "twitter": (
        '<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">The ferry to Harbor '
        "Point runs every half hour from Monday. Timetable on our site.</p>&mdash; Bay Ferries "
        '(@bayferries_ex) <a href="https://twitter.com/bayferries_ex/status/1201234567890123776?'
        'ref_src=twsrc%5Etfw">December 1, 2019</a></blockquote> <script async '
        'src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
    ),
    "instagram": (
        '<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink='
        '"https://www.instagram.com/p/Bq3xYzAbCdE/?utm_source=ig_embed" data-instgrm-version="12">\n'
        '<div><p><a href="https://www.instagram.com/p/Bq3xYzAbCdE/?utm_source=ig_embed">First snow on '
        'the orchard this morning.</a></p>\n<p>A post shared by <a href="https://www.instagram.com/'
        'hillside.orchard/">Hillside Orchard</a> (@hillside.orchard) on <time datetime='
        '"2018-11-30T08:12:00+00:00">Nov 30, 2018 at 12:12am PST</time></p></div></blockquote>'
    ),
    "bluesky": (
        '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abcdefghijklmnopqrstuvwx/'
        'app.bsky.feed.post/3kabcdefgh22a" data-bluesky-cid="bafyreiabc"><p lang="en">The reading room '
        "reopens on Saturday with longer hours.</p>&mdash; City Library (<a href="
        '"https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx?ref_src=embed">@citylibrary.example'
        '</a>) <a href="https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kabcdefgh22a?'
        'ref_src=embed">January 12, 2024 at 9:05 AM</a></blockquote>'
    ),
    "mastodon": (
        '<iframe src="https://social.example/@tidewatch/112233445566778899/embed" class="mastodon-embed" '
        'width="400" allowfullscreen="allowfullscreen"></iframe>'
        '<script src="https://social.example/embed.js" async="async"></script>'
    ),
    "facebook": (
        '<iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2F'
        'riverparkzoo%2Fposts%2F10158765432101234&show_text=true&width=500" width="500" height="600" '
        'scrolling="no" frameborder="0"></iframe>'
    ),
    "tiktok": (
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@bakery.lane/video/'
        '7101234567890123456" data-video-id="7101234567890123456"><section><a target="_blank" '
        'title="@bakery.lane" href="https://www.tiktok.com/@bakery.lane?refer=embed">@bakery.lane</a> '
        "Sourdough at dawn</section></blockquote>"
    ),
    "telegram": (
        '<script async src="https://telegram.org/js/telegram-widget.js?22" '
        'data-telegram-post="harbornews/4521" data-width="100%"></script>'
    ),
}
TEXT_HEAD = "Town news\n\nDecember 2, 2019\n\nThe council met on Monday, and officials posted an update."
TEXT_TAIL = "\n\nThe meeting ran late, and the vote was put off to January.\n"


def _as_text_file(tmp_path: Path, body: str) -> threads.Reconstruction:
    path = tmp_path / "article.txt"
    path.write_text(body, encoding="utf-8")
    return threads.reconstruct(path)


@pytest.mark.parametrize("platform", sorted(TEXT_EMBEDS))
def test_embed_markup_left_in_a_text_is_read_by_the_embed_readers(tmp_path: Path, platform: str) -> None:
    markup = TEXT_EMBEDS[platform]
    body = f"{TEXT_HEAD} {markup}{TEXT_TAIL}"
    rec = _as_text_file(tmp_path, body)
    assert rec.source.kind == "text"  # a .txt stays text: its markup is not the page's
    as_page = extract_all(page_of(f"<html><body><p>Before.</p>{markup}</body></html>"))
    expected = [(p.platform, p.id, p.url, p.author.handle, p.text) for p in as_page]
    assert expected and all(p[1] for p in expected)
    embeds = [p for p in rec.posts if p.kind == "embed"]
    assert [(p.platform, p.id, p.url, p.author.handle, p.text) for p in embeds] == expected
    start = body.index(markup)
    assert all(start <= p.position < start + len(markup) for p in embeds)  # where its markup is
    assert markup[:40] in "\n".join(p.text for p in rec.source.paragraphs)  # the text is kept as it was


def test_a_tweet_left_as_markup_is_one_post_with_its_flattened_copy(tmp_path: Path) -> None:
    """The remnant reader reads the tweet's words and signature in the text too: one post, the
    embed's record (with its ID and permalink), between the text's other posts."""
    body = (
        f"{TEXT_HEAD}\n\nSee you at the pier!  Bay Ferries (@bayferries_ex) November 30, 2019"
        f"{TEXT_EMBEDS['twitter']}{TEXT_TAIL}"
    )
    rec = _as_text_file(tmp_path, body)
    posts = sorted(rec.posts, key=lambda p: p.position)
    assert [(p.kind, p.id, p.text[:20]) for p in posts] == [
        ("remnant", None, "See you at the pier!"),
        ("embed", "1201234567890123776", "The ferry to Harbor "),
    ]


def test_unclosed_embed_markup_in_a_text_ends_with_its_paragraph() -> None:
    from threads.embeds import extract_text

    cut = TEXT_EMBEDS["twitter"].replace("</blockquote>", "")
    [post] = extract_text(f"{TEXT_HEAD} {cut}\n\nThe next paragraph is the article's own words.\n")
    assert post.id == "1201234567890123776"
    assert "next paragraph" not in post.text


def test_several_embeds_in_a_text_keep_their_order() -> None:
    from threads.embeds import extract_text

    bluesky, tiktok, twitter = (TEXT_EMBEDS[p] for p in ("bluesky", "tiktok", "twitter"))
    body = f"{TEXT_HEAD} {bluesky}\n\nMeanwhile: {tiktok} {twitter}"
    posts = extract_text(body)
    assert [p.platform for p in posts] == ["bluesky", "tiktok", "twitter"]
    assert [p.position for p in posts] == sorted(p.position for p in posts)


@pytest.mark.parametrize(
    "body",
    [
        # quoting code or tags is no embed
        "A reader typed <script>alert(1)</script> into the search box, and <p> tags showed up.",
        "Our CMS wraps pull quotes in <blockquote>like this</blockquote> and nothing else.",
        '<div class="story">Instagram said the outage was fixed on twitter.com and reddit.</div>',
        # a quotation in markup whose words name a platform, not its start tag
        '<blockquote class="pullquote">Read it at https://twitter.com/bayferries_ex/status/1201234567890123776'
        " as we did.</blockquote> said the mayor.",
        # writing about embed code, without the code
        "Publishers paste a blockquote with the twitter-tweet class and a script from platform.twitter.com.",
        '<iframe src="https://maps.example/embed?q=harbor" width="600"></iframe> shows the new route.',
    ],
)
def test_a_text_that_quotes_other_markup_holds_no_embed(tmp_path: Path, body: str) -> None:
    from threads.embeds._consent import text_pages

    assert list(text_pages(body)) == []
    rec = _as_text_file(tmp_path, f"{TEXT_HEAD}\n\n{body}{TEXT_TAIL}")
    assert rec.source.kind == "text"
    assert [p for p in rec.posts if p.kind == "embed"] == []
    assert body in [p.text for p in rec.source.paragraphs]  # kept as the text it is


def test_embed_markup_soup_in_a_text_is_read_in_bounded_time() -> None:
    """Thousands of unclosed embed start tags and iframes: each end is looked for a bounded way
    ahead and only so many elements are read (a scan per start tag to the end would be quadratic)."""
    from threads.embeds._consent import _TEXT_FRAGMENTS, text_pages

    soup = '<blockquote class="twitter-tweet"><iframe src="https://x.com/a/status/1"> words ' * 20_000
    pages = list(text_pages(soup + "\n\n" + soup))
    assert 0 < len(pages) <= _TEXT_FRAGMENTS


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no platform here",
        '<blockquote class="Twitter-Tweet">',
        "see INSTAGRAM.COM/p/x",
        "\u0130nstagram",  # dotted capital I: IGNORECASE takes it for "i"
        "\u0131nstagram",  # dotless i
        "Mastodon and Telegra\u00df",
        "Tele\u017fgram \u017focial",  # long s
        "tik\u212atok",  # Kelvin sign between letters: no word
        "Tik\u212aok",  # Kelvin sign for "k"
        "i\u0307nstagram",  # i and a combining dot: no word
        "r\u00e9ddit reddıt",
        "x" * 5000 + "Threads.NET",
    ],
)
def test_names_any_ignores_case_as_ignorecase_does(text: str) -> None:
    from threads.embeds._common import names_any

    words = ("instagram", "telegram", "tiktok", "reddit", "threads.net", "twitter-tweet", "social")
    expected = re.search("|".join(re.escape(w) for w in words), text, re.IGNORECASE) is not None
    assert names_any(text, words) is expected


@pytest.mark.parametrize(
    ("links", "text"),
    [
        # the embed code as TikTok writes it: the author's and the sound's links carry titles
        (
            '<a title="@bakery.lane" href="https://www.tiktok.com/@bakery.lane?refer=embed">@bakery.lane</a>'
            ' Sourdough at dawn <a title="♬ original sound - Lane" href="https://www.tiktok.com/music/x">'
            "♬ original sound - Lane</a>",
            "Sourdough at dawn",
        ),
        # a site that dropped the titles: the links are told by what they show
        (
            '<a href="https://www.tiktok.com/@bakery.lane">@bakery.lane</a> Sourdough at dawn '
            '<a href="https://www.tiktok.com/music/x">♬ original sound - Lane</a>',
            "Sourdough at dawn",
        ),
        # a mention inside the caption stays in the text
        (
            '<a title="@bakery.lane" href="https://www.tiktok.com/@bakery.lane">@bakery.lane</a>'
            ' Sourdough with <a href="https://www.tiktok.com/@mill.co?lang=en">@mill.co</a> flour',
            "Sourdough with @mill.co flour",
        ),
    ],
)
def test_a_tiktok_caption_leaves_out_its_author_and_sound_links(links: str, text: str) -> None:
    html = (
        '<blockquote class="tiktok-embed" data-video-id="7101234567890123456"><section>'
        f"{links}</section></blockquote>"
    )
    (post,) = extract_all(page_of(html))
    assert (post.author.handle, post.text) == ("bakery.lane", text)
