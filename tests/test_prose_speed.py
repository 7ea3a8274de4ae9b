"""The prose reader's shortcuts answer exactly what the slow forms they replace did.

Each shortcut is either an index that must return what a scan returned, or a gate that must be a
necessary condition of the patterns it lets the scanner skip; these tests compare them with the
slow forms on generated input.
"""

from __future__ import annotations

import random
import re

import pytest

from threads import listings, quotes, remnants
from threads.lexicon import Gender
from threads.model import Paragraph
from threads.people import Cast, Person, damerau1
from threads.prose import evidence as E
from threads.prose import patterns as P
from threads.quotes import _SENT_END, find_quotes


def _scan_find(cast: Cast, toks: list[str], *, org: bool) -> Person | None:
    """``Cast._find`` as a scan of everyone, most recent first (of equals, the first in the cast)."""
    key = " ".join(toks).casefold()
    for p in cast.people:
        if key in p.keys:
            return p
    if org:
        return None
    last = toks[-1].casefold()
    first = toks[0].casefold()
    recent = sorted(cast.people, key=lambda p: (-p.recency, p.order))
    if len(toks) == 1:
        for p in recent:
            if p.named and p.gender != Gender.BODY and p.surname.casefold() == last:
                return p
        for p in recent:
            if p.named and p.gender != Gender.BODY and len(p.folded) > 1 and last in p.folded[:-1]:
                return p
        if len(last) >= 5:
            for p in recent:
                if (
                    p.named
                    and p.gender != Gender.BODY
                    and len(p.surname) >= 4
                    and damerau1(last, p.surname.casefold())
                ):
                    return p
        return None
    for p in recent:
        if not p.named or p.gender == Gender.BODY:
            continue
        if p.folded[-1] == last and (len(p.folded) == 1 or p.folded[0] == first):
            return p
    return None


def _scan_latest(cast: Cast, want: Gender | None) -> Person | None:
    """``Cast.latest`` as a scan: the latest subject of that gender or of none known."""
    fits = [p for p in cast.people if p.recency >= 0 and (want is None or p.gender in (want, None))]
    return max(fits, key=lambda p: p.recency, default=None)


GIVEN = ["Ann", "Bob", "Carla", "Dmitri", "Ann-Marie", "Jean"]
SURNAMES = ["Reyes", "Reyez", "Reyse", "Smith", "Smyth", "Dillon", "Dillion", "Lee", "de la Cruz", "Cruz"]
SURNAMES += ["Neyes", "Eryes", "Breyes", "Eyes", "Rreyes", "Dilon", "Idllon"]  # edits at the start
TITLES = ["", "", "Col. ", "Mrs. ", "Sen. ", "Army Col. ", "Mr. "]


@pytest.mark.parametrize("seed", range(40))
def test_cast_index_answers_as_the_scan(seed: int) -> None:
    rnd = random.Random(seed)
    cast = Cast()
    original = Cast._find
    for step in range(300):
        roll = rnd.random()
        if roll < 0.45:
            surface = rnd.choice(TITLES) + rnd.choice(GIVEN) + " " + rnd.choice(SURNAMES)
        elif roll < 0.8:
            surface = rnd.choice(SURNAMES + GIVEN)
        elif roll < 0.9:
            surface = "The " + rnd.choice(["Embassy", "Smith Group", "Reyes Foundation"])
        else:
            surface = rnd.choice(GIVEN) + " " + rnd.choice(GIVEN) + " " + rnd.choice(SURNAMES)
        org = roll >= 0.8 and roll < 0.9
        toks = surface.split()
        if org:
            toks = toks[1:]
        for probe in (toks, toks[-1:], toks[:1]):
            found = original(cast, probe, " ".join(probe), org=org)
            assert found is _scan_find(cast, probe, org=org), (seed, step, probe)
        for want in (Gender.MAN, Gender.WOMAN, None):
            assert cast.latest(want) is _scan_latest(cast, want), (seed, step, want)
        person = cast.mention(
            surface,
            org=org,
            create=rnd.random() < 0.7,
            subject=rnd.random() < 0.8,
            after_preposition=rnd.random() < 0.1,
        )
        if person is not None and rnd.random() < 0.1:
            cast.set_gender(person, rnd.choice([Gender.BODY, Gender.MAN, Gender.WOMAN, None]))
        if person is not None and rnd.random() < 0.1:
            person.add_alias(rnd.choice(SURNAMES))
        if rnd.random() < 0.05:
            cast.pronoun(rnd.choice(["he", "she", "they"]))
        if rnd.random() < 0.05:
            cast.anonymous(rnd.choice(["one fan", "a user"]), gender=rnd.choice([Gender.WOMAN, None]))


def test_trie_matches_exactly_its_words() -> None:
    words = {v.casefold() for v in P.REPORTING}
    pattern = P.lazy(P.trie(words))
    for w in words:
        assert pattern.fullmatch(w), w
        for cut in range(len(w)):
            assert bool(pattern.fullmatch(w[:cut])) == (w[:cut] in words)
            assert bool(pattern.fullmatch(w[:cut] + w[cut + 1 :])) == (w[:cut] + w[cut + 1 :] in words)
        assert bool(pattern.fullmatch(w + "s")) == (w + "s" in words)
    assert not pattern.fullmatch("")
    small = P.lazy(P.trie(["a", "ab", "abc", "b d", "x.y"]))
    assert [w for w in ("a", "ab", "abc", "b d", "x.y", "b", "xzy", "abcd", "") if small.fullmatch(w)] == [
        "a",
        "ab",
        "abc",
        "b d",
        "x.y",
    ]


_OLD_SENT_END = re.compile(
    r"(?<![.!?…])[.!?…]+[\"”’»“‘)\]]*(?=\s+[\"“‘«„(\[]?[A-Z0-9@#\u00C0-\u024F])|(?<![.!?…])[.!?…]+[\"”’»“‘)\]]*$"
)
"""The sentence end written plainly (closers include German “ and ‘, as in „…“ and ‚…‘)."""


def test_sentence_end_matches_as_before() -> None:
    rnd = random.Random(6)
    alphabet = list('.!?…"”’»)] \n“‘„(Aa1É')
    for _ in range(50_000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        pos = rnd.randint(0, len(s))
        assert [m.span() for m in _SENT_END.finditer(s, pos)] == [
            m.span() for m in _OLD_SENT_END.finditer(s, pos)
        ], (s, pos)


VOCAB = [
    "Ann", "Reyes", "said", "tweeted", "wrote", "posted", "on", "Twitter", "X", "Facebook", "a", "the",
    "series", "of", "tweets", "posts", "thread", "feed", "TWEETS", "Tweet", "ſkeet", "skeet", "toot",
    "social", "media", "Instagram", "“", "”", '"', ",", ".", ":", "retweeted", "pointed", "out", "ıt",
    "a tweeté", "tuiteó", "İnstagram", "told", "reporters", "Thread", "X thread", "who", "which", "He",
    "“We", "won,”", "lost.”", "The", "embassy", "also", "and", "then", "wrote back", "a déclaré",
    "auf", "Instagram-Story", "schrieb", "en", "su", "cuenta", "de", "redes", "sociales", "X-Post",
    "series of posts", "feed posts", "posts continued", "flurry of updates", "Reihe von Posts",
]  # fmt: skip
SOCIAL_PATTERNS = (P.PLATFORM_PHRASE, P.POSTING_WORD, P.SKEET, P.TOOT, P.SOCIAL_NETWORKS)


def _generated(rnd: random.Random) -> str:
    words = rnd.sample(VOCAB, 7)
    text = rnd.choice(words)
    for _ in range(rnd.randint(0, 13)):
        text += rnd.choice((" ", " ", " ", "")) + rnd.choice(words)
    return text


def test_gates_are_necessary_conditions() -> None:
    """Where a gate says no, the patterns it guards find nothing: no social pattern without a
    social word, no passage about posts without a series word, no listed verb without the verb
    gate; and the page's gates (one pass over the page) say what each paragraph's would."""
    rnd = random.Random(7)
    verb = P.compiled(rf"(?<![\w’'\-]){P.LISTED_VERB}(?![\w’'\-])")
    paragraphs = []
    for _ in range(4000):
        text = _generated(rnd)
        gate = E.Gate(text)
        if not gate.social:
            assert not any(P.compiled(p).search(text) for p in SOCIAL_PATTERNS), text
        if not gate.series:
            assert not E.series(text), text
        if not P.compiled(P.VERB_GATE).search(text.lower()):
            assert not verb.search(text) or not P.listed_verb(verb.search(text).group(0)), text
        paragraphs.append(Paragraph(text, len(paragraphs)))
    page = E.PageWords(paragraphs)
    for k, para in enumerate(paragraphs):
        gate = E.Gate(para.text)
        assert page.social(k) == gate.social, para.text
        assert page.series(k) == gate.series, para.text
        assert (k in page.quoted) == bool(find_quotes(para.text) or quotes._OPENERS.search(para.text)), (
            para.text
        )


def test_places_of_a_word_answer_as_a_count_of_every_word() -> None:
    """``PageWords.places`` (a word looked up where it is asked about) answers what counting every
    capitalised word of the page once did: how often it stands, and in which paragraphs."""
    rnd = random.Random(9)
    words = [
        "Ann",
        "Reyes",
        "Reyesa",
        "Ann-Marie",
        "O'Neil",
        "AnnReyes",
        "Élodie",
        "Zoë",
        "an",
        "xAnn",
        "9Ann",
    ]
    glue = [" ", " ", ", ", "-", "’", "'", ".", "", "\n", "(", "_"]
    paragraphs = [
        Paragraph("".join(rnd.choice(words) + rnd.choice(glue) for _ in range(rnd.randint(0, 12))), k)
        for k in range(400)
    ]
    page = E.PageWords(paragraphs)
    counted: dict[str, int] = {}
    where: dict[str, list[int]] = {}
    for k, para in enumerate(paragraphs):
        found = E.CAPITALISED.findall(para.text)
        for w in found:
            counted[w] = counted.get(w, 0) + 1
        for w in dict.fromkeys(found):
            where.setdefault(w, []).append(k)
    for w in {*words, *counted, "Ann Reyes", ""}:
        assert page.places(w) == (counted.get(w, 0), where.get(w, [])), w


def _old_closing(text: str, i: int, closers: str, *, start: int, end: int) -> tuple[int | None, int, bool]:
    """``quotes._closing`` as it was: a character by character scan."""
    opener = text[i]
    limit = min(end, i + 4000)
    j = start
    while j < limit:
        c = text[j]
        if c == "\n" and j + 1 < end and text[j + 1] == "\n":
            return None, j, True
        if c in closers:
            after = text[j + 1] if j + 1 < end else " "
            if opener in "‘‚" and (re.match(r"\w", after) or not text[j - 1 : j].strip()):
                j += 1
                continue
            if opener == '"' and j + 1 < end and re.match(r"\w", after) and text[j - 1].isspace():
                j += 1
                continue
            if (
                c == "“"
                and opener == "“"
                and not (text[j - 1].isspace() and text[j - 2 : j - 1] in ".!?…" and after in ",.;:")
            ):
                j += 1
                continue
            return j, j, False
        j += 1
    return None, max(j, start), limit == end


def test_closing_scan_answers_as_before() -> None:
    rnd = random.Random(8)
    alphabet = list('“”„«»"‘’‚「」 \n\nab')
    for _ in range(30_000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16)))
        i = rnd.randrange(len(s))
        closers = quotes._PAIRS.get(s[i], "”“")
        start = rnd.randint(i + 1, len(s) + 1)
        end = rnd.randint(0, len(s))
        assert quotes._closing(s, i, closers, start=start, end=end) == _old_closing(
            s, i, closers, start=start, end=end
        ), (s, i, start, end)
    long = "“" + "a" * 5000 + "”"
    assert quotes._closing(long, 0, "”“", start=1, end=len(long)) == _old_closing(
        long, 0, "”“", start=1, end=len(long)
    )


def _spellings(word: str, rnd: random.Random) -> str:
    """``word`` with each letter in a case, or as a character IGNORECASE takes for it (ſ, K, İ, ı)."""
    odd = {"s": "ſ", "k": "\u212a", "i": "ıİ"}
    return "".join(rnd.choice([c.lower(), c.upper(), *odd.get(c, "")]) for c in word)


def test_remnant_and_listing_gates_are_necessary_conditions() -> None:
    rnd = random.Random(10)
    platforms = [
        "Twitter",
        "X",
        "Instagram",
        "Facebook",
        "YouTube",
        "TikTok",
        "Bluesky",
        "Threads",
        "Mastodon",
    ]
    for _ in range(5000):
        text = f"{_spellings('skip', rnd)} {rnd.choice(platforms)} {_spellings('post', rnd)} by @ann"
        if remnants._SKIP_START.search(text):
            assert remnants._SKIP_WORD.search(text), text
        lead = _spellings(rnd.choice(["following", "these"]), rnd)
        noun = _spellings(rnd.choice(["statements", "posts", "tweets"]), rnd)
        text = f"{lead} {noun} were posted to the verified Twitter accounts of Ann Lee, @ann."
        if listings._ANNOUNCE.search(text):
            assert listings._ANNOUNCE_WORD.search(text), text
    assert remnants._SKIP_START.search("Skip Twitter post by @ann") and remnants._SKIP_WORD.search("ſKİP")


def test_one_edit_shares_two_first_or_two_last_letters() -> None:
    """What ``Cast._find`` assumes to skip the typo lookup: of two words one edit (or swap) apart,
    one of five letters or more, the first two letters or the last two are the same."""
    rnd = random.Random(12)
    letters = "abcde"
    for _ in range(100_000):
        a = "".join(rnd.choice(letters) for _ in range(rnd.randint(5, 9)))
        i = rnd.randrange(len(a))
        b = rnd.choice(
            [
                a[:i] + a[i + 1 :],
                a[:i] + rnd.choice(letters) + a[i:],
                a[:i] + rnd.choice(letters) + a[i + 1 :],
                a[:i] + a[i + 1 : i + 2] + a[i : i + 1] + a[i + 2 :],
                "".join(rnd.choice(letters) for _ in range(len(a) + rnd.randint(-1, 1))),
            ]
        )
        if damerau1(a, b):
            assert a[:2] == b[:2] or a[-2:] == b[-2:], (a, b)
