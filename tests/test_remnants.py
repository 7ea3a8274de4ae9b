"""Flattened embeds in text: golden fixtures (one per variant, plus traps) and tricky boundaries.

Golden files: ``fixtures/remnants/<case>.txt`` beside ``<case>.json``, the expected posts. Set
``THREADS_REGEN=1`` to rewrite the expected files from the current output, then read each by eye.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from threads.model import Paragraph, Post
from threads.remnants import extract

from .golden import check

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "remnants"
CASES = sorted(FIXTURES.glob("*.txt"))


def paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated blocks, each at its character offset (CRLF kept as it is)."""
    return [
        Paragraph(text=m.group(0), position=m.start())
        for m in re.finditer(r"\S(?:[^\n]|\n(?![ \t\r]*\n))*", text)
    ]


def summary(post: Post) -> dict[str, Any]:
    return {
        "platform": post.platform,
        "kind": post.kind,
        "text": post.text,
        "author": {"name": post.author.name, "handle": post.author.handle},
        "published": post.published.isoformat() if post.published else None,
    }


def run(text: str, article_date: date | None = None) -> list[Post]:
    return extract([Paragraph(text=text, position=0)], article_date=article_date)


def test_fixtures_exist() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path) -> None:
    text = case.read_bytes().decode("utf-8")  # bytes: keep CRLF as written
    check([summary(p) for p in extract(paragraphs(text))], case.with_suffix(".json"))


# ---------------------------------------------------------------- boundaries


def test_position_is_where_the_text_starts() -> None:
    text = "Prose here.Hello world  Ann Lee (@annlee) May 5, 2017More prose."
    para = Paragraph(text=text, position=1000)
    (post,) = extract([para])
    assert post.text == "Hello world"
    assert post.position == 1000 + text.index("Hello")


def test_year_glued_to_a_digit() -> None:
    posts = run("One.  Ann (@ann) November 3, 20175 people came  Bo (@bo) November 4, 2017")
    assert [p.published for p in posts] == [date(2017, 11, 3), date(2017, 11, 4)]
    assert posts[1].text == "5 people came"


def test_media_and_links_are_recorded_and_kept_in_text() -> None:
    (post,) = run("Look https://t.co/AbCdEfGh12. pic.twitter.com/XyZ123abcd  Ann (@ann) May 5, 2017")
    assert post.text == "Look https://t.co/AbCdEfGh12. pic.twitter.com/XyZ123abcd"
    assert post.links == ("https://t.co/AbCdEfGh12",)
    assert [m.url for m in post.media] == ["https://pic.twitter.com/XyZ123abcd"]


def test_evidence_and_published_text() -> None:
    (post,) = run("Hi all — Ann Lee (@annlee) May 5, 2017")
    assert post.evidence == ("signature '— Ann Lee (@annlee) May 5, 2017'",)
    assert post.extra["published_text"] == "May 5, 2017"
    assert post.kind == "remnant" and post.author.platform == "twitter"


def test_a_handle_longer_than_twitters_still_signs_but_not_past_thirty_characters() -> None:
    """Twitter's handles stop at 15 characters, but Threads' and Instagram's run to 30, and
    copies and writers set those in Twitter's shape: the brackets and the date make the signature."""
    assert run("Hi — Ann (@abcdefghijklmnop) May 5, 2017")[0].author.handle == "abcdefghijklmnop"
    assert run("Hi — Ann (@abcdefghijklmno) May 5, 2017")[0].author.handle == "abcdefghijklmno"
    assert run("Hi — Ann (@abcdefghijklmnopqrstuvwxyz_abcde) May 5, 2017") == []


def test_invalid_date_is_no_signature() -> None:
    assert run("Hi — Ann (@ann) Foo 5, 2017") == []
    assert run("Hi — Ann (@ann) February 30, 2017") == []


def test_dotted_handle_needs_a_dash_or_bsky() -> None:
    assert run("Write to (@example.com) May 5, 2017 now.") == []
    (post,) = run("Hello — Ann (@ann.example.com) May 5, 2024")
    assert post.platform == "bluesky" and post.author.handle == "ann.example.com"


def test_other_language_dates() -> None:
    assert run("Hallo — Ann (@ann) 28. Mai 2016")[0].published == date(2016, 5, 28)
    assert run("Hola — Ana (@ana) 28 de mayo de 2016")[0].published == date(2016, 5, 28)
    assert run("Salut — Luc (@luc) 3 févr. 2019")[0].published == date(2019, 2, 3)


def test_name_with_deleted_emoji_reaches_back_to_the_text_end() -> None:
    (post,) = run("Great news! pic.twitter.com/Ab12Cd34Ef  Jo   Mo  (@jomo) May 5, 2017")
    assert post.author.name == "Jo Mo"
    assert post.text == "Great news! pic.twitter.com/Ab12Cd34Ef"


def test_emoji_only_name_is_none() -> None:
    (post,) = run("It works  ✨✨ (@sparkle) May 5, 2017", article_date=None)
    assert post.author.name is None and post.text == "It works"


def test_quote_inside_post_is_not_its_start() -> None:
    text = (
        "Jones said he would stay. I am not going anywhere tonight, Jones said.Watch below:"
        "Reporter asks Jones: I am not going anywhere tonight, said Jones  TV Desk (@tvdesk) May 5, 2017"
    )
    (post,) = run(text)
    assert post.text.startswith("Reporter asks Jones:")


def test_post_quoted_in_two_parts_then_in_full_starts_at_its_second_stand() -> None:
    text = (
        "He was angry. I am calm and I am not leaving today,  he tweeted.  We will win the vote #GO "
        "I am calm and I am not leaving today. We will win the vote #GO  Al Bo (@albo) May 5, 2017"
    )
    (post,) = run(text)
    assert post.text == "I am calm and I am not leaving today. We will win the vote #GO"


def test_glued_stop_after_introducing_colon_is_the_posts_own_line_break() -> None:
    (post,) = run("She wrote:First line.Second line  Ann (@ann) May 5, 2017")
    assert post.text == "First line.Second line"


def test_glued_stop_after_a_postish_sentence_is_the_posts_own_line_break() -> None:
    text = "The poll is out.It s official: @Gov is the least liked.That is bad.  Ann (@ann) July 2, 2017"
    (post,) = run(text)
    assert post.text.startswith("It s official: @Gov")


def test_glued_stop_after_plain_prose_is_the_articles_break() -> None:
    (post,) = run("The poll is out.Critics were quick to respond.That is bad.  Ann (@ann) July 2, 2017")
    assert post.text == "That is bad."


def test_thread_numbering_starts_a_post() -> None:
    posts = run(
        "He replied at length. 1/Oh we agree on this: no.  Ben (@ben) July 2, 2017"
        "11/11Get a job.Have a nice day.  Ben (@ben) July 2, 2017"
    )
    assert [p.text for p in posts] == ["1/Oh we agree on this: no.", "11/11Get a job.Have a nice day."]
    assert [p.extra.get("thread_number") for p in posts] == [1, 11]


def test_too_long_for_a_tweet_starts_at_the_first_sentence_that_fits() -> None:
    sentence = "The council met again on Monday to discuss the budget for the coming year."
    (post,) = run(f"{sentence} {sentence} {sentence} Vote yes on the budget today.  Ann (@ann) May 5, 2016")
    assert post.text == f"{sentence} Vote yes on the budget today."


def test_long_post_allowed_when_no_limit_applies() -> None:
    prose = "The council met again on Monday to discuss the budget for the coming year. " * 3
    (post,) = run(prose + "Vote yes.  Ann (@ann) May 5, 2024")
    assert post.text.startswith("The council met")


def test_skip_link_end_marker_without_signature() -> None:
    (post,) = run("Skip Twitter post by @ann Hello there End of Twitter post by @ann")
    assert post.text == "Hello there" and post.author.handle == "ann" and post.published is None


def test_instagram_without_date() -> None:
    (post,) = run("View this post on Instagram Blue skies A post shared by Iris (@iris_c)")
    assert post.platform == "instagram" and post.text == "Blue skies" and post.published is None


@pytest.mark.parametrize(
    "text",
    [
        "@ann_ex Ferry day with the whole crew! #ferry ♬ original sound - Ann Reyes",
        "@ann_ex\nFerry day with the whole crew! #ferry\n♬ Harbour Song - The Tides",
    ],
)
def test_a_tiktok_embed_flattened_to_its_handle_text_and_sound(text: str) -> None:
    (post,) = run(text)
    assert (post.platform, post.author.handle, post.text) == (
        "tiktok",
        "ann_ex",
        "Ferry day with the whole crew! #ferry",
    )


@pytest.mark.parametrize(
    "text",
    [
        "My favourite song is ♬ Harbour Song - The Tides, and I hum it daily.",
        "Ticket prices ♬ went up again.",
        "The crew celebrated. Ask @ann_ex about it ♬ Harbour Song",  # the handle opens no line
        "@ann_ex thanks for the tickets!",  # a reply's handle, no sound line
    ],
)
def test_a_note_sign_or_a_handle_alone_signs_no_tiktok_post(text: str) -> None:
    assert run(text) == []


def test_facebook_byline_alone_is_no_post() -> None:
    assert run("Posted by admin on Monday, March 5, 2018") == []
    assert run("Publicado por admin en marzo de 2018") == []  # no weekday: a blog's byline


@pytest.mark.parametrize(
    ("line", "name", "day"),
    [
        (
            "Publicado por Ayuntamiento de Villaverde en Jueves, 5 de agosto de 2021",
            "Ayuntamiento de Villaverde",
            date(2021, 8, 5),
        ),
        ("Pubblicato da Comune di Lario su Venerdì 14 febbraio 2020", "Comune di Lario", date(2020, 2, 14)),
        ("Publiée par Mairie de Brévanne sur Mardi 3 mars 2020", "Mairie de Brévanne", date(2020, 3, 3)),
        ("Gepostet von Stadtwerke Eschenau am Montag, 2. März 2020", "Stadtwerke Eschenau", date(2020, 3, 2)),
        (
            "Geplaatst door Gemeente Zandvoorde op dinsdag 3 maart 2020",
            "Gemeente Zandvoorde",
            date(2020, 3, 3),
        ),
    ],
)
def test_facebook_signs_its_flattened_embed_in_the_embed_language(line: str, name: str, day: date) -> None:
    (post,) = run(f"The pools open from 11:00 to 22:00 while the heat lasts. {line}")
    assert (post.platform, post.author.name, post.published) == ("facebook", name, day)
    assert post.text == "The pools open from 11:00 to 22:00 while the heat lasts."


def test_signature_at_paragraph_start_gives_an_empty_post() -> None:
    (post,) = run("— Ann (@ann) May 5, 2017")
    assert post.text == "" and post.extra["text_missing"] is True


def test_skip_link_markers_across_paragraphs_give_positions_in_each() -> None:
    paras = [
        Paragraph("Skip Twitter post by @ann", 10),
        Paragraph("\nHello there", 50),
        Paragraph("End of Twitter post by @ann", 90),
    ]
    (post,) = extract(paras)
    assert post.text == "Hello there" and post.position == 51


def test_many_paragraphs_keep_order() -> None:
    paras = [Paragraph(text=f"Post {i}  Ann (@ann) May {i}, 2017", position=i * 100) for i in range(1, 4)]
    posts = extract(paras)
    assert [p.text for p in posts] == ["Post 1", "Post 2", "Post 3"]
    assert [p.position for p in posts] == [100, 200, 300]


def test_huge_paragraph_of_near_signatures_finishes() -> None:
    chunk = "Word word. — Name Name (@handle_x) Smarch 17, 2017 (@ (@a) 5, 2017 x(@y) May 5, 2017  "
    text = chunk * (1_000_000 // len(chunk))
    assert run(text) == []
    real = "Some text here  Ann (@ann) May 5, 2017" * 20_000
    assert len(run(real)) == 20_000


# ---------------------------------------------------------------- consent notices


@pytest.mark.parametrize(
    ("notice", "post"),
    [
        (
            "To view this content you need to enable cookies in your privacy settings. Manage consent ",
            "Our new bridge opens at noon.",
        ),
        ("Pour voir ce contenu, acceptez les cookies. Accepter ", "Le pont ouvre à midi."),
        ("Para ver este contenido, acepta las cookies de terceros. Aceptar ", "El puente abre al mediodía."),
        (
            "Um diesen Inhalt anzuzeigen, benötigen wir Ihre Zustimmung. Einverstanden ",
            "Die Brücke öffnet mittags.",
        ),
    ],
)
def test_consent_notice_is_not_the_posts_text(notice: str, post: str) -> None:
    (found,) = run(f"Prose first. {notice}{post} — Ann Lee (@annlee) May 5, 2024")
    assert found.text == post


def test_a_consent_box_on_lines_of_its_own_ends_at_its_button() -> None:
    """A scrape that keeps the box's lines: its button ("Accept and continue") alone on a line, the
    embed's text on the next, whose first sentence ("Please stay well back") is the post's."""
    text = (
        "Allow X content?\nThis article contains content provided by X. To view this content choose"
        " 'accept and continue'.\nAccept and continue\nPlease stay well back from the edge. Crews"
        " were called out twice this morning. — Harbour Coastguard (@harbourcg) January 24, 2026"
    )
    (found,) = run(text)
    assert found.text == "Please stay well back from the edge. Crews were called out twice this morning."


def test_a_post_that_speaks_of_cookies_is_kept_whole() -> None:
    text = "We accept cookies as payment today, come early! — Harbour Cafe (@harbourcafe) May 5, 2024"
    (found,) = run(text)
    assert found.text == "We accept cookies as payment today, come early!"


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("Ein Beitrag geteilt von Anna (@anna) am 3. Dezember 2026 um 15.47 Uhr", "um 15.47 Uhr"),
        ("Une publication partagée par Anne (@anne) le 3 déc. 2026 à 15h47 PST", "à 15h47 PST"),
        ("Una publicación compartida de Ana (@ana) el 3 de dic. de 2026 a las 15:47 h", "a las 15:47 h"),
        ("— Anna Weber (@annaweber) 3. Dezember 2026 um 15:47 Uhr", "um 15:47 Uhr"),
    ],
)
def test_times_of_other_languages_belong_to_the_signature(line: str, when: str) -> None:
    (post,) = run(f"Endlich zu Hause. {line}")
    assert str(post.extra["published_text"]).endswith(when)
    assert post.published == date(2026, 12, 3) and when not in post.text


def test_lone_instagram_signature_takes_the_caption_above_not_a_lead_in_or_a_button() -> None:
    paras = [
        Paragraph("Back home at last!", 0),
        Paragraph("A post shared by Dana (@dana)", 30),
        Paragraph("She wrote to her fans:", 70),
        Paragraph("A post shared by Dana (@dana)", 100),
        Paragraph("Alle akzeptieren", 140),
        Paragraph("Ein Beitrag geteilt von Dana (@dana)", 160),
    ]
    posts = extract(paras)
    assert [(p.text, p.position) for p in posts] == [("Back home at last!", 0), ("", 100), ("", 160)]


def test_lone_facebook_signature_takes_the_post_above_on_a_page_that_names_facebook() -> None:
    """The flattened Facebook embed often keeps the post's text and its signature in paragraphs
    of their own; a blog's byline reads the same, so the page must name Facebook, and the
    paragraph above must not be the opening, an introduction or a button."""
    signature = "Publicado por Club Náutico Arenal en Sábado, 3 de julio de 2021"
    page = [
        Paragraph("El club celebró la reapertura en Facebook.", 0),
        Paragraph("¡Volvemos al agua! Gracias por la paciencia, nos vemos en el pantalán.", 50),
        Paragraph(signature, 130),
        Paragraph("Su presidenta lo anunció así:", 200),
        Paragraph(signature, 240),
    ]
    posts = extract(page)
    assert [(p.author.name, p.text, p.position) for p in posts] == [
        ("Club Náutico Arenal", "¡Volvemos al agua! Gracias por la paciencia, nos vemos en el pantalán.", 50)
    ]
    # no Facebook named anywhere: a blog's byline under its last paragraph is no post
    blog = [
        Paragraph("Summer notes", 0),
        Paragraph("The harbour was busy all week and the weather held.", 20),
        Paragraph("Posted by Harbour Blog on Saturday, July 3, 2021", 80),
    ]
    assert extract(blog) == []


def test_a_rendered_card_copied_as_text_is_a_post() -> None:
    """A post's card as a scrape of the rendered embed prints it: name, @handle, the follow
    button, the text, time and date, then counts and buttons; Mastodon's with the full account
    and the platform's name under it."""
    x_card = "\n".join(
        (
            "Harbour Rescue", "@HarbourRescue", "·", "Follow", "Two boats are out near the pier.",
            "Stay clear of the slipway.", "9:15 PM · Jul 4, 2024", "57", "Reply", "Copy link",
            "Read 3 replies",
        )
    )  # fmt: skip
    (post,) = extract([Paragraph(x_card, 10)])
    assert (post.platform, post.author.name, post.author.handle, post.published) == (
        "twitter",
        "Harbour Rescue",
        "HarbourRescue",
        date(2024, 7, 4),
    )
    assert post.text == "Two boats are out near the pier.\nStay clear of the slipway."
    toot = "\n".join(
        (
            "Stadtbad Lindau", "@stadtbad@social.lindau.example", "Das Freibad öffnet am Samstag um 9 Uhr.",
            "5. Juni 2024, 08:30", "Mastodon",
        )
    )  # fmt: skip
    (post,) = extract([Paragraph(toot, 0)])
    assert (post.platform, post.author.handle) == ("mastodon", "stadtbad@social.lindau.example")
    assert post.text == "Das Freibad öffnet am Samstag um 9 Uhr."


@pytest.mark.parametrize(
    "text",
    [
        # an author's box: a name, a handle, a line and a date, nothing of a card's frame
        "Jane Okonedo\n@JaneOkonedo\nJane covers county politics for the Ledger.\nMay 20, 2024",
        # a byline with the reporter's account and the day
        "By Jane Okonedo (@JaneOkonedo) May 20, 2024",
        # a follow-us line: the platform's name is no one's
        "Suivez-nous sur Instagram (@lettres_mag) et sur X (@LettresMag) 28 août 2024",
    ],
)
def test_an_authors_box_a_byline_or_a_follow_line_is_no_post(text: str) -> None:
    assert extract([Paragraph(text, 0)]) == []


def test_a_markdown_scrape_keeps_the_posts_address_and_drops_its_marks() -> None:
    """html2text and trafilatura write a tweet's blockquote as a Markdown quote whose date links
    to the post; a reply keeps X's "Replying to" line above its text."""
    text = (
        "> Replying to @CityLibrary\n>\n"
        "> Who pays for the [#books](https://twitter.com/hashtag/books) that never come back?\n>\n"
        "> — Glen Hask (@ghask) "
        "[June 3, 2023](https://twitter.com/ghask/status/1664922871527013139?ref_src=twsrc%5Etfw)"
    )
    (post,) = extract([Paragraph(text, 0)])
    assert post.text == "Who pays for the #books that never come back?"
    assert (post.id, post.url) == (
        "1664922871527013139",
        "https://twitter.com/ghask/status/1664922871527013139",
    )
    assert post.published == date(2023, 6, 3)


def test_a_newsletter_sets_the_post_in_quote_marks_and_its_link_below_the_signature() -> None:
    """A newsletter (or a print view) prints the post in quote marks, signs it "– Name (@handle),
    date" with a comma, and puts the permalink on the next line: the marks are the page's."""
    text = (
        "„Die Fähre fährt ab Montag wieder stündlich.“\n"
        "– Hafenamt Lindhoven (@hafenamt_lh), 12. Mai 2024\n"
        "https://x.com/hafenamt_lh/status/1789612345678901248"
    )
    (post,) = extract([Paragraph(text, 0)])
    assert post.text == "Die Fähre fährt ab Montag wieder stündlich."
    assert (post.author.handle, post.published, post.id) == (
        "hafenamt_lh",
        date(2024, 5, 12),
        "1789612345678901248",
    )
    # a post that quotes someone inside its text keeps its marks
    (post,) = extract(
        [Paragraph("„Kommt gut heim“, sagt die Crew. Wir auch.\n– Hafenamt (@hafenamt_lh) 12. Mai 2024", 0)]
    )
    assert post.text == "„Kommt gut heim“, sagt die Crew. Wir auch."


def test_a_card_copied_from_a_phone_app_is_a_post() -> None:
    """A card as the app shows it: name, @handle, a dot, the post's age, the text, its counts."""
    card = "\n".join(
        (
            "Lidia Paz",
            "@lidiapaz_ok",
            "·",
            "3 h",
            "Hoy el tren llegó puntual. Lo dejo por escrito.",
            "12",
            "1,4 mil",
            "8,1 mil",
        )
    )
    (post,) = extract([Paragraph(card, 0)])
    assert (post.platform, post.author.name, post.author.handle, post.text) == (
        "twitter",
        "Lidia Paz",
        "lidiapaz_ok",
        "Hoy el tren llegó puntual. Lo dejo por escrito.",
    )
    assert post.published is None and post.extra["published_text"] == "3 h"
    # a name, a handle and a line with no age or counts: an author's box, no post
    assert extract([Paragraph("Lidia Paz\n@lidiapaz_ok\nLidia writes about transport.\n12", 0)]) == []


def test_instagrams_older_embed_named_the_photo_or_the_video() -> None:
    text = (
        "Back on the water at last.\n"
        "A video posted by Rowing Club Ashby (@ashbyrowing) on Apr 2, 2016 at 7:12am PDT"
    )
    (post,) = extract([Paragraph(text, 0)])
    assert (post.platform, post.author.handle, post.text, post.published) == (
        "instagram",
        "ashbyrowing",
        "Back on the water at last.",
        date(2016, 4, 2),
    )


def test_a_print_view_drops_the_links_addresses_it_prints_in_parentheses() -> None:
    """A print view writes each link's address after it: the post's words are read without
    them, and the date's address is the post's."""
    tweet = (
        "Ten wins in a row #UpTheTown (https://twitter.com/hashtag/UpTheTown?src=hash)\n"
        "— Ashby Town (@ashbytown) May 4, 2024 (https://twitter.com/ashbytown/status/1786789012345678848?ref_src=twsrc)"
    )
    (post,) = extract([Paragraph(tweet, 0)])
    assert (post.text, post.id) == ("Ten wins in a row #UpTheTown", "1786789012345678848")
    tiktok = (
        "@kaiashby (https://www.tiktok.com/@kaiashby?refer=embed) ten in a row and still no day off "
        "#football (https://www.tiktok.com/tag/football?refer=embed) ♬ original sound - Kai "
        "(https://www.tiktok.com/music/original-sound-1?refer=embed)"
    )
    (post,) = extract([Paragraph(tiktok, 0)])
    assert (post.author.handle, post.text) == ("kaiashby", "ten in a row and still no day off #football")
    # on a page that is not printed, a link in parentheses is the post's own
    (post,) = extract(
        [
            Paragraph(
                "Tickets here (https://ashbytown.example/tickets)\n— Ashby Town (@ashbytown) May 4, 2024", 0
            )
        ]
    )
    assert post.text == "Tickets here (https://ashbytown.example/tickets)"


def test_a_card_with_the_handle_beside_the_name_is_a_post() -> None:
    """A copied card may print the handle on the name's line ("Springfield Parks @sprparks"),
    a Mastodon handle too, and the date before the time."""
    for card, handle, platform in (
        (
            "Springfield Parks @sprparks\nThe new playground is open! Come and see it.\n"
            "Mar 3, 2024, 10:42 AM",
            "sprparks",
            "twitter",
        ),
        (
            "Springfield Parks @parks@mastodon.social\nThe new playground is open! Come and see it.\n"
            "10:42 AM · Mar 3, 2024",
            "parks@mastodon.social",
            "mastodon",
        ),
    ):
        (post,) = extract([Paragraph(card, 0)])
        assert (post.author.handle, post.platform, post.text) == (
            handle,
            platform,
            "The new playground is open! Come and see it.",
        )
    # a name and a handle, then words and a date with no clock, counts or dot: an author's box
    assert extract([Paragraph("Jane Okonedo @janeok\nJane writes about parks.\nMarch 3, 2024", 0)]) == []


def test_a_signature_may_name_the_platform_after_the_handle() -> None:
    """ "— Name (@handle) on Threads, March 3, 2024": the platform the signature names."""
    (post,) = extract(
        [Paragraph("The playground is open! — Springfield Parks (@sprparks) on Threads, March 3, 2024", 0)]
    )
    assert (post.platform, post.author.handle, post.text) == (
        "threads",
        "sprparks",
        "The playground is open!",
    )
    (post,) = extract(
        [Paragraph("Der Spielplatz ist offen! — Stadt Springfield (@sprparks) auf Threads, 3. März 2024", 0)]
    )
    assert post.platform == "threads"


def test_a_copied_replys_context_line_is_not_its_text_in_any_of_xs_languages() -> None:
    """A reply copied from X's card starts with the line X sets above it ("Replying to @city",
    "Antwort an @stadt und @bürgermeister"): the context, not the words."""
    for context in (
        "Replying to @tomreyes",
        "Antwort an @tomreyes und @rivertoncity",
        "En réponse à @tomreyes",
    ):
        card = f"Riverton City\n@rivertoncity\n{context}\nThe road is open again.\n3:15 PM · Mar 3, 2024"
        (post,) = extract([Paragraph(card, 0)])
        assert (post.author.handle, post.text) == ("rivertoncity", "The road is open again."), context


def test_a_mastodon_handle_signs_in_twitters_shape() -> None:
    """A newsletter or a writer may sign a Mastodon post as a tweet is signed: the handle with its
    instance names the platform."""
    (post,) = run("Crews are on their way. Riverton Council (@council@social.riverton.gov) March 16, 2026")
    assert (post.platform, post.author.handle, post.text) == (
        "mastodon",
        "council@social.riverton.gov",
        "Crews are on their way.",
    )
    # an e-mail address in brackets before a date is still no signature
    assert run("Write to (@editor@example) March 16, 2026 for details.") == []


@pytest.mark.parametrize(
    ("signature", "platform"),
    [
        ("— Lena Ortiz (@lortiz.bsky.social) 3. Februar 2025 um 14:12", "bluesky"),
        ("— Lena Ortiz (@lortiz@fediscience.org) March 3, 2025", "mastodon"),
    ],
)
def test_a_signature_alone_takes_the_paragraph_above_as_its_text(signature: str, platform: str) -> None:
    """A blockquote's paragraph and its signature, flattened into paragraphs of their own: the
    paragraph above the signature is the post's text when a post may be that long and it does not
    introduce the post."""
    above = "The ferry is back on the hourly timetable from Monday. Thank you for your patience."
    paragraphs = [
        Paragraph("The captain posted an update.", 0),
        Paragraph(above, 100),
        Paragraph(signature, 300),
    ]
    (post,) = extract(paragraphs)
    assert (post.platform, post.text) == (platform, above)


@pytest.mark.parametrize(
    "above",
    [
        "The captain posted an update on the ferry timetable:",  # an introduction
        "The ferry company said on Monday that the hourly timetable returns. " * 6,  # longer than a post
    ],
)
def test_a_signature_alone_does_not_take_an_introduction_or_the_articles_long_paragraph(above: str) -> None:
    paragraphs = [Paragraph(above, 0), Paragraph("— Lena Ortiz (@lortiz.bsky.social) March 3, 2025", 500)]
    (post,) = extract(paragraphs)
    assert (post.platform, post.text) == ("bluesky", "")


def test_a_markdown_instagram_embed_keeps_the_posts_address_and_no_link_marks() -> None:
    """A Markdown scrape of an Instagram embed: the button and the caption line are links to the post."""
    url = "https://www.instagram.com/p/C6abcDEfGhI/?utm_source=ig_embed&utm_campaign=loading"
    paragraphs = [
        Paragraph(f"[View this post on Instagram]({url})", 0),
        Paragraph(f"[A post shared by Lena Ortiz (@lena.ortiz.photo)]({url})", 100),
    ]
    (post,) = extract(paragraphs)
    assert (post.author.handle, post.text, post.id) == ("lena.ortiz.photo", "", "C6abcDEfGhI")


def test_mastodons_embed_card_without_its_script_is_a_post_with_its_address() -> None:
    """Mastodon 4.3+ embeds a card ("Post by @user@server", "View on Mastodon") that its script
    fills in; without the script, a scrape keeps only the card, linked to the post."""
    card = "[Post by @lortiz@fediscience.org View on Mastodon](https://fediscience.org/@lortiz/113212384730192511)"
    (post,) = extract([Paragraph("She shared the news on Mastodon.", 0), Paragraph(card, 50)])
    assert (post.platform, post.author.handle, post.id, post.text) == (
        "mastodon",
        "lortiz@fediscience.org",
        "113212384730192511",
        "",
    )


def test_reddits_embed_without_its_script_is_a_post_by_its_author() -> None:
    """Reddit's embed without its script keeps the post's title, then "by u/name in sub"."""
    text = (
        "Our payroll withholding has been wrong three times. Anyone else?\nby u/ledger_owl in smallbusiness"
    )
    (post,) = extract([Paragraph(text, 0)])
    assert (post.platform, post.author.handle, post.text) == (
        "reddit",
        "ledger_owl",
        "Our payroll withholding has been wrong three times. Anyone else?",
    )
    assert extract([Paragraph("A story by Ann Reyes in the Sunday paper.", 0)]) == []


# ---------------------------------------------------------------- the cheap pass over paragraphs

PAGES = sorted(
    p
    for folder in ("remnants", "prose", "embeds", "hostile")
    for p in (FIXTURES.parent / folder).glob("*")
    if p.suffix in {".txt", ".html"}
)


@pytest.mark.parametrize("case", PAGES, ids=[f"{c.parent.name}/{c.name}" for c in PAGES])
def test_paragraphs_passed_over_hold_nothing(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph the cheap test passes over (no '@', 'by', '♬', 'skip' or Facebook line opening)
    gives what the readers themselves give when they read it: nothing. A reader that needs another
    cue must add it to the test (remnants._cannot_hold), or this fails on the fixture that shows it."""
    from threads import load, remnants

    paras = load.load(case).paragraphs
    fast = [summary(p) for p in extract(paras)]
    monkeypatch.setattr(remnants, "_cannot_hold", lambda text: False)
    assert fast == [summary(p) for p in extract(paras)]


@pytest.mark.parametrize(
    "button",
    [
        "View this post on Instagram",
        "Diesen Beitrag auf Instagram ansehen",
        "Ver esta publicación en Instagram",
    ],
)
def test_instagrams_button_in_any_language_is_no_caption(button: str) -> None:
    """The embed's "View this post on Instagram" button, in the language of the page, above the
    signature: not the post's caption."""
    paragraphs = [Paragraph(button, 0), Paragraph("A post shared by Ana Ruiz (@ana.ruiz)", 100)]
    (post,) = extract(paragraphs)
    assert (post.author.handle, post.text) == ("ana.ruiz", "")
