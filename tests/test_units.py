"""Small pieces: quote marks, sentences, names, pronouns, dates."""

from __future__ import annotations

from datetime import date

import pytest

from threads import dates
from threads.people import Cast, Gender, damerau1, org_noun, split_title
from threads.prose.speakers import Kind, read
from threads.quotes import find_quotes, sentences


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said “hello there,” then left.", ["hello there,"]),
        ('He said "hello there," then left.', ["hello there,"]),
        ("‘We’ve won,’ she tweeted.", ["We’ve won,"]),
        ("«Bonjour tout le monde», a-t-il écrit.", ["Bonjour tout le monde"]),
        ("„Guten Morgen“, schrieb er.", ["Guten Morgen"]),
        ("“Outer ‘inner’ words,” he said.", ["Outer ‘inner’ words,"]),
        ("ISIS’ advance and the Smiths’ house", []),
        ("an unbalanced “quote with no end", []),
        # straight single quotes, as British pages and scraped text print them: apostrophes inside
        # words and a plural's apostrophe do not close them; years and contractions open nothing
        ("'We didn't take them. That's football,' he said.", ["We didn't take them. That's football,"]),
        ("The fans' anger grew. 'It is a disgrace,' one wrote.", ["It is a disgrace,"]),
        ("Rudd wrote: '@KeziaRuns save it, you'll need it.'", ["@KeziaRuns save it, you'll need it."]),
        ("In the '90s and '00s the club's fans sang.", []),
        ("'s Avonds is het koud en 's morgens ook.", []),
    ],
)
def test_find_quotes(text: str, inner: list[str]) -> None:
    assert [q.text for q in find_quotes(text)] == inner


def test_sentences_respect_quotes_and_abbreviations() -> None:
    text = "Army Col. Ann Reyes spoke. “It is done. We won,” she said. U.S. forces left."
    spans = [text[a:b].strip() for a, b in sentences(text)]
    assert spans == ["Army Col. Ann Reyes spoke.", "“It is done. We won,” she said.", "U.S. forces left."]


def test_a_line_ending_in_a_year_ends_its_sentence_when_a_new_line_starts_below() -> None:
    """A flattened post's signature line, then the article going on in the same paragraph."""
    text = (
        "Day two of bottled water. Send help\n— Ana Ortega (@ana_o) March 5, 2024\n"
        'The water department wrote on Facebook that "the tap is safe." Residents were relieved.'
    )
    spans = [text[a:b].strip() for a, b in sentences(text)]
    assert spans[-2].endswith("— Ana Ortega (@ana_o) March 5, 2024")
    assert spans[-1].startswith("The water department wrote on Facebook")
    wrapped = "The club was founded in 1998\nand won the cup."  # a wrapped line goes on in lower case
    assert len(sentences(wrapped)) == 1


def test_split_title() -> None:
    assert split_title("Army Col. Ann Reyes") == (["Army", "Col."], ["Ann", "Reyes"])
    assert split_title("Ann Reyes") == ([], ["Ann", "Reyes"])


def test_damerau() -> None:
    assert damerau1("reyes", "reyez") and damerau1("dillon", "dillion") and damerau1("abcd", "abdc")
    assert not damerau1("reyes", "reyes") and not damerau1("smith", "smyth1")


def test_cast_resolves_surname_title_typo_and_pronoun() -> None:
    cast = Cast()
    ann = cast.mention("Army Col. Ann Reyes")
    assert ann is not None and ann.name == "Ann Reyes"
    assert cast.mention("Army Colonel Ann Reyes") is ann
    assert cast.mention("Reyes") is ann
    assert cast.mention("Reyez") is ann
    bob = cast.mention("Mr. Bob Stone")
    assert bob is not None and bob.gender == "m"
    assert cast.pronoun("she") is ann
    assert cast.pronoun("he") is bob
    assert {"Army Col. Ann Reyes", "Army Colonel Ann Reyes", "Reyes", "Reyez", "she"} <= set(ann.aliases)


def test_an_organisation_named_with_its_kind_in_the_plural_is_that_kind() -> None:
    cast = Cast()
    studio = cast.mention("Brightwater Studios")
    airline = cast.mention("Northway Airlines")
    assert studio is not None and airline is not None and studio.gender == airline.gender == Gender.BODY
    assert cast.nominal("studio") is studio and cast.nominal("airline") is airline
    person = cast.mention("Tessa Banks")  # a given name first: a person, whatever the last word
    assert person is not None and person.gender != Gender.BODY and cast.nominal("bank") is not person
    assert org_noun("Laboratories") == "laboratory" and org_noun("Party") == "party"
    assert org_noun("Games") is None


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Hanna Weidemann vom Institut für Tropenmedizin", "Hanna Weidemann"),  # her institute
        ("Pedro Salas del Ayuntamiento", "Pedro Salas"),
        ("Ursula von der Leyen", "Ursula von der Leyen"),  # given names only before the particle
        ("Johann Wolfgang von Goethe", "Johann Wolfgang von Goethe"),
        ("Karl-Theodor zu Guttenberg", "Karl-Theodor zu Guttenberg"),
    ],
)
def test_a_particle_after_a_whole_name_starts_an_affiliation(written: str, name: str) -> None:
    person = Cast().mention(written)
    assert person is not None and person.name == name


def test_a_noun_is_read_as_the_language_its_determiner_belongs_to() -> None:
    studio = read("The studio")  # English: a body; Italian "lo studio" is a study, no one
    assert studio is not None and studio[0].kind == Kind.DESCRIPTION and studio[0].body
    assert read("lo studio") is None and read("the study") is None


def test_relative_days() -> None:
    tuesday = date(2017, 10, 17)
    assert dates.relative_day("sent tweets on Tuesday", tuesday) == tuesday
    assert dates.relative_day("on Monday", tuesday) == date(2017, 10, 16)
    assert dates.relative_day("on Wednesday", tuesday) == date(2017, 10, 11)
    assert dates.relative_day("yesterday", tuesday) == date(2017, 10, 16)
    assert dates.relative_day("on Oct. 3, 2017", tuesday) == date(2017, 10, 3)
    assert dates.relative_day("nothing here", tuesday) is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("October 17, 2017", date(2017, 10, 17)),
        ("Published: 17 October 2017 10:02", date(2017, 10, 17)),
        ("2017-10-17", date(2017, 10, 17)),
        ("This is not a date line at all", None),
    ],
)
def test_dateline(line: str, day: date | None) -> None:
    assert dates.parse_dateline(line) == day


def test_squash_folds_every_kind_of_white_space_as_the_regex_does() -> None:
    import re

    from threads.dom import squash

    spaces = "".join(chr(c) for c in range(0x3100) if chr(c).isspace()) + "\u3000\u2028\u2029\ufeff\u200b"
    for text in (f"  a{spaces}b\n\nc\t ", "\u00a0x\u2003y\u00a0", "", "   ", f"{spaces}"):
        assert squash(text) == re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # words before the name that are no title
        ("“We will meet,” said Senator Ito and Mayor Ann Reyes tweeted.", None),
        ("Pedro Ortiz and Ann Reyes tweeted: “We will meet.”", None),
        ("That followed one on Saturday in which Ann Reyes tweeted: “We will meet.”", None),
        # a title the name carries on, and one written before it in lower case
        (
            "Health and Human Services Secretary Ann Reyes tweeted: “We will meet.”",
            "Health and Human Services Secretary",
        ),
        ("“We will meet,” tweeted city hall spokeswoman Ann Reyes.", "city hall spokeswoman"),
        # an appositive: the title, up to a relative clause; a description is none
        ("Ann Reyes, a hydrologist who studies the river, tweeted: “We will meet.”", "hydrologist"),
        ("Ann Reyes, known for tweeting at night, tweeted: “We will meet.”", None),
        ("Ann Reyes, a writer for  the\n Post, tweeted: “We will meet.”", "writer for the Post"),
        # a day set off after the name is no role (nor its age)
        ("Mayor Ann Reyes, on 3 May, tweeted: “We will meet.”", None),
        ("Ann Reyes, el 11 de abril, tuiteó: «Nos veremos».", None),
    ],
)
def test_roles_are_titles_not_the_words_before_a_name(sentence: str, role: str | None) -> None:
    import threads

    (thread,) = [t for t in threads.reconstruct(sentence).threads if t.author.name == "Ann Reyes"]
    assert thread.author.role == role


def test_given_names_tell_he_from_she() -> None:
    from threads.people import name_gender

    assert name_gender(["Donald", "Trump"]) == "m" and name_gender(["Nancy", "Pelosi"]) == "f"
    assert name_gender(["Taylor", "Swift"]) is None  # given to both
    assert name_gender(["Nancy"]) is None  # a lone word may be a surname
    cast = Cast()
    cast.mention("Mayor Ann Reyes")
    cast.mention("Governor Tom Ortiz")
    she = cast.pronoun("she")
    assert she is not None and she.name == "Ann Reyes"  # not the later, unknown-gender governor


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Ann Reyes told reporters: “The bridge reopens Monday.”",
        "Mayor Ann Reyes said in an interview with CNN: “The bridge reopens Monday.”",
        "Mayor Ann Reyes, who often tweets about the bridge, said: “The bridge reopens Monday.”",
        "Mayor Ann Reyes said Twitter was “a mess of rumours”.",
        "“I never tweet about bridges,” Mayor Ann Reyes said.",
        "Mayor Ann Reyes read the governor’s tweet aloud: “The bridge reopens Monday.”",
        "Mayor Ann Reyes took to the podium to say: “The bridge reopens Monday.”",
        "Mayor Ann Reyes shared a photo with reporters with the caption “The bridge reopens Monday.”",
        "The sign on the bridge read: “The bridge reopens Monday.”",
        "Mayor Ann Reyes’s statement read: “The bridge reopens Monday.”",
        "Through the “account run by her staff,” Mayor Ann Reyes wrote on Twitter about the bridge.",
        "“We checked every bolt,” Reyes said. “The inspectors agree.” Ortiz tweeted later that it was safe.",
    ],
)
def test_quotes_that_are_not_posts(sentence: str) -> None:
    import threads

    assert threads.reconstruct(f"<p>{sentence}</p>").posts == ()


@pytest.mark.parametrize(
    ("html", "author", "role"),
    [
        ("<p>Ann Reyes, 42, a nurse from Ohio, tweeted: “Pay up.”</p>", "Ann Reyes", "nurse from Ohio"),
        ("<p>The White House tweeted: “The deal is done.”</p>", "White House", None),
        ("<p>CNN’s Jake Tapper tweeted: “The deal is done.”</p>", "Jake Tapper", None),
        (
            "<p>Ortiz spoke. His spokeswoman, Lena Park, tweeted: “He stands firm.”</p>",
            "Lena Park",
            "spokeswoman",
        ),
    ],
)
def test_speakers_named_as_news_writes_them(html: str, author: str, role: str | None) -> None:
    import threads

    (thread,) = threads.reconstruct(html).threads
    assert (thread.author.name, thread.author.role) == (author, role)


def test_a_title_in_quotes_and_someone_at_a_place_are_no_attribution() -> None:
    import threads
    from threads.model import Options

    text = (
        "<p>In an op-ed titled “My College Changed My Vote,” a student at Wesleyan University, "
        "a college in Connecticut, wrote that he was “tired of the lectures.”</p>"
    )
    rec = threads.reconstruct(text, options=Options(all_quotes=True))
    assert [p.author.name for p in rec.posts if "Wesleyan" in (p.author.name or "")] == []
    assert not any(p.text.startswith("My College") for p in rec.posts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Asked about the tweet, Mayor Ann Reyes said: “I stand by it.”",
        "Mayor Ann Reyes responded to the tweet in a press conference: “It was a joke.”",
    ],
)
def test_a_post_named_as_the_topic_is_no_evidence(sentence: str) -> None:
    import threads

    assert threads.reconstruct(f"<p>{sentence}</p>").posts == ()
    in_a_tweet = threads.reconstruct("<p>In a tweet, Mayor Ann Reyes said: “I stand by it.”</p>").posts
    assert [p.platform for p in in_a_tweet] == ["twitter"]


def test_a_quote_with_a_mention_after_a_sentence_about_posting() -> None:
    import threads

    def posts(quote: str, before: str = "known for tweeting at all hours") -> list[tuple[str | None, str]]:
        html = (
            f"<p>That was no problem for Mayor Ann Reyes, {before}, on Monday. “{quote}” "
            "Reyes later visited the crews.</p>"
        )
        return [(p.author.name, p.platform) for p in threads.reconstruct(html).posts]

    assert posts("Thanks to @cityworks for the fast repair!") == [("Ann Reyes", "twitter")]
    assert posts("Thanks to the crews for the fast repair!") == []  # no @mention, no #tag: a quote
    assert posts("Thanks to @cityworks for the fast repair!", before="who spoke at noon") == []


@pytest.mark.parametrize(
    ("html", "platform"),
    [
        ("<p>La alcaldesa Ana Reyes publicó en su cuenta de X: «El puente abre el lunes».</p>", "twitter"),
        ("<p>« Le pont rouvre lundi », a écrit Anne Roy sur son compte X.</p>", "twitter"),
        ("<p>«El puente abre el lunes», escribió Ana Reyes en sus redes sociales.</p>", "unknown"),
        ("<p>„Die Brücke öffnet am Montag“, schrieb Anna Weber in den sozialen Medien.</p>", "unknown"),
        ("<p>“The bridge reopens Monday,” Ann Reyes wrote on social networks.</p>", "unknown"),
    ],
)
def test_accounts_and_social_networks_in_several_languages(html: str, platform: str) -> None:
    import threads

    assert [p.platform for p in threads.reconstruct(html).posts] == [platform]
    said = "<p>“The bridge reopens Monday,” Ann Reyes, who works in social sciences, said.</p>"
    assert threads.reconstruct(said).posts == ()


@pytest.mark.parametrize(
    ("html", "author"),
    [
        ("<p>Senator Maria Okafor met Governor Tom Ortiz. He later tweeted: “No deal.”</p>", "Tom Ortiz"),
        ("<p>Governor Tom Ortiz met Senator Maria Okafor. She later tweeted: “No deal.”</p>", "Maria Okafor"),
    ],
)
def test_he_or_she_with_no_subject_to_take_finds_the_person_named(html: str, author: str) -> None:
    import threads

    assert [p.author.name for p in threads.reconstruct(html).posts] == [author]


def test_a_surname_alone_takes_the_one_full_name_the_article_gives_it() -> None:
    """An author named by one word is the person the article names in full with it, if it names
    exactly one; two people of that surname, a word glued across lines, or an author with a
    handle are left as they are."""
    from threads.model import Author, Paragraph, Post, Source
    from threads.sequence import full_names

    def source(*texts: str) -> Source:
        return Source(
            location="<test>", kind="text", text="\n\n".join(texts),
            paragraphs=tuple(Paragraph(t, 1000 * k) for k, t in enumerate(texts)),
        )  # fmt: skip

    def post(name: str, handle: str | None = None) -> Post:
        return Post(platform="twitter", kind="quote", text="x", author=Author(name=name, handle=handle))

    one = source("The couple, actress Sienna Park and her husband, chef Marcus Oyelaran, posted photos.")
    (got,) = full_names(one, [post("Oyelaran")])
    assert (got.author.name, got.author.aliases) == ("Marcus Oyelaran", ("Oyelaran",))
    titled = source("Rep. Peter King of New York spoke on Monday.")
    assert full_names(titled, [post("King")])[0].author.name == "Peter King"

    two = source("Donald Trump and Melania Trump arrived together.")
    assert full_names(two, [post("Trump")])[0].author.name == "Trump"
    glued = source("ADVERTISEMENT", "Noem said the money was spent.")
    assert full_names(glued, [post("Noem")])[0].author.name == "Noem"
    sentence = source("They met Trump. Trump said nothing.")
    assert full_names(sentence, [post("Trump")])[0].author.name == "Trump"
    handled = post("Oyelaran", handle="chefmarcus")
    assert full_names(one, [handled])[0].author.name == "Oyelaran"


def test_an_embeds_skip_links_are_no_ones_sentences() -> None:
    """ "End of Twitter post by @ann", a dozen times down a page, made "End" a person whom a later
    "he" took, with the platform the skip link named."""
    import threads

    body = "\n\n".join(
        [
            "Flood\n\nJanuary 6, 2025",
            "Skip Twitter post by @ruthkamara",
            "Mill Lane at 1am. The crews have been incredible. pic.twitter.com/Rk2bMm8Ycd",
            "— Ruth Kamara (@ruthkamara) January 6, 2025",
            "End of Twitter post by @ruthkamara",
            "The local MP, Graham Tulloch, said he had spoken to the Environment Agency.",
            "“This is the third time in 18 years that Mill Lane has flooded,” he said.",
        ]
    )
    posts = [p for t in threads.reconstruct(body).threads for p in t.posts]
    assert [p.kind for p in posts] == ["remnant"]
    from threads.notices import is_skip_link

    assert is_skip_link("End of Facebook post by Westmere Fire Station")
    assert not is_skip_link("End of the road for the bypass, says council")
