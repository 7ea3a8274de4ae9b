"""The prose scanner’s shortcuts answer exactly what the slow forms they replace did.

Each shortcut is either an index that must return what a scan returned, or a gate that must be a
necessary condition of the patterns it lets the scanner skip; these tests compare them with the
slow forms on generated input.
"""

from __future__ import annotations

import random
import re

import pytest

from threads import listings, prose, quotes, remnants
from threads.people import Cast, Person, damerau1
from threads.quotes import _SENT_END, find_quotes, sentences


def _scan_find(cast: Cast, toks: list[str], *, org: bool) -> Person | None:
    """``Cast._find`` as it was before the indexes: a scan of everyone, most recent first."""
    key = " ".join(toks).casefold()
    for p in cast.people:
        if key in p.keys:
            return p
    if org:
        return None
    last = toks[-1].casefold()
    first = toks[0].casefold()
    recent = sorted(cast.people, key=lambda p: p.last_subject, reverse=True)
    if len(toks) == 1:
        for p in recent:
            if p.gender != "n" and p.surname.casefold() == last:
                return p
        for p in recent:
            if p.gender != "n" and len(p.folded) > 1 and last in p.folded[:-1]:
                return p
        if len(last) >= 5:
            for p in recent:
                if p.gender != "n" and len(p.surname) >= 4 and damerau1(last, p.surname.casefold()):
                    return p
        return None
    for p in recent:
        if p.gender == "n":
            continue
        if p.folded[-1] == last and (len(p.folded) == 1 or p.folded[0] == first):
            return p
    return None


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
        person = cast.mention(
            surface,
            position=step * (rnd.randint(0, 2)),
            org=org,
            create=rnd.random() < 0.7,
            subject=rnd.random() < 0.8,
            after_preposition=rnd.random() < 0.1,
        )
        if person is not None and rnd.random() < 0.1:
            person.gender = rnd.choice(["n", "m", "f", None])
        if person is not None and rnd.random() < 0.1:
            person.add_alias(rnd.choice(SURNAMES))
        if rnd.random() < 0.05:
            cast.pronoun(rnd.choice(["he", "she", "they"]), position=step)


def test_trie_matches_exactly_its_words() -> None:
    words = set(prose.SOCIAL_VERBS + prose.SPEECH_VERBS)
    pattern = re.compile(prose._trie(words))
    for w in words:
        assert pattern.fullmatch(w), w
        for cut in range(len(w)):
            assert bool(pattern.fullmatch(w[:cut])) == (w[:cut] in words)
            assert bool(pattern.fullmatch(w[:cut] + w[cut + 1 :])) == (w[:cut] + w[cut + 1 :] in words)
        assert bool(pattern.fullmatch(w + "s")) == (w + "s" in words)
    assert not pattern.fullmatch("")
    small = re.compile(prose._trie(["a", "ab", "abc", "b d", "x.y"]))
    assert [w for w in ("a", "ab", "abc", "b d", "x.y", "b", "xzy", "abcd", "") if small.fullmatch(w)] == [
        "a",
        "ab",
        "abc",
        "b d",
        "x.y",
    ]


_OLD_SENT_END = re.compile(
    r"(?<![.!?…])[.!?…]+[\"”’»)\]]*(?=\s+[\"“‘«„(\[]?[A-Z0-9@#\u00C0-\u024F])|(?<![.!?…])[.!?…]+[\"”’»)\]]*$"
)


def test_sentence_end_matches_as_before() -> None:
    rnd = random.Random(6)
    alphabet = list('.!?…"”’»)] \n“(Aa1É')
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
    "“We won,”said", "“Yes”said Ann", "series of posts", "feed posts", "posts continued", "flurry of updates",
]  # fmt: skip
ATTRIBUTION = prose._attribution()
VERB_PATTERNS = (*prose._attribution(), prose._NAME_BEFORE_VERB)
SOCIAL_PATTERNS = tuple(p for p, _ in prose.SOCIAL_PHRASES)


def _generated(rnd: random.Random) -> str:
    words = rnd.sample(VOCAB, 7)
    text = rnd.choice(words)
    for _ in range(rnd.randint(0, 13)):
        text += rnd.choice((" ", " ", " ", "")) + rnd.choice(words)
    return text


def test_hints_are_necessary_conditions() -> None:
    """Where a hint says no, the patterns it guards find nothing in any string the scanner gives them:
    the text after or before a quote, the sentence with its quotes blanked, a part of either, and
    each of these with its relative clauses cut (_RELATIVE)."""
    rnd = random.Random(7)
    for _ in range(4000):
        text = _generated(rnd)
        hints = prose._Hints(text)
        quotes = find_quotes(text)
        for s, e in sentences(text, quotes):
            inner = [q for q in quotes if s <= q.start < e]
            outside = prose._outside(text, s, e, inner)
            regions = [outside, text[s:e]]
            for q in inner:
                regions += [text[q.end : e], text[s : q.start], text[q.end : rnd.randint(q.end, e)]]
                regions.append(text[rnd.randint(s, q.start) : q.start])
            a = rnd.randint(0, len(outside))
            regions.append(outside[a : a + rnd.randint(0, 80)])
            regions += [prose._RELATIVE.sub(",", r) for r in regions]
            if not hints.verb_in(s, e):
                for q in inner:
                    after, leadin = text[q.end : e], text[s : q.start]
                    assert not (ATTRIBUTION.after.match(after) or ATTRIBUTION.after_inv.match(after)), text
                    assert not (ATTRIBUTION.leadin.search(leadin) or ATTRIBUTION.conjoined.search(leadin)), (
                        text
                    )
                assert not prose._NAME_BEFORE_VERB.search(outside), text
            for region in regions:
                if not hints.social:
                    assert not any(p.search(region) for p in SOCIAL_PATTERNS), (text, region)
                if not hints.series:
                    assert not prose._SERIES.search(region), (text, region)


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
            return j, j, False
        j += 1
    return None, max(j, start), limit == end


def test_closing_scan_answers_as_before() -> None:
    rnd = random.Random(8)
    alphabet = list('“”„«»"‘’‚「」 \n\nab')
    for _ in range(30_000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16)))
        i = rnd.randrange(len(s))
        closers = quotes._PAIRS.get(s[i], "”")
        start = rnd.randint(i + 1, len(s) + 1)
        end = rnd.randint(0, len(s))
        assert quotes._closing(s, i, closers, start=start, end=end) == _old_closing(
            s, i, closers, start=start, end=end
        ), (s, i, start, end)
    long = "“" + "a" * 5000 + "”"
    assert quotes._closing(long, 0, "”", start=1, end=len(long)) == _old_closing(
        long, 0, "”", start=1, end=len(long)
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
        if remnants._BBC_SKIP.search(text):
            assert remnants._SKIP_WORD.search(text), text
        lead = _spellings(rnd.choice(["following", "these"]), rnd)
        noun = _spellings(rnd.choice(["statements", "posts", "tweets"]), rnd)
        text = f"{lead} {noun} were posted to the verified Twitter accounts of Ann Lee, @ann."
        if listings._ANNOUNCE.search(text):
            assert listings._ANNOUNCE_WORD.search(text), text
    assert remnants._BBC_SKIP.search("Skip Twitter post by @ann") and remnants._SKIP_WORD.search("ſKİP")


def test_possessive_name_patterns_match_as_before() -> None:
    """_SUBJECT and _NAME_BEFORE_VERB with possessive name words find what the plain forms found."""
    old_subject = re.compile(
        rf"(?<![\w’'.\-])(?P<run>{prose._NAME_RUN})(?P<app>\s*,[^,“”\"]{{2,160}},)?\s+{prose._ADV}"
        r"(?P<verb>[a-z][\w’'-]+)"
    )
    old_before_verb = re.compile(
        rf"(?<![\w’'.\-])(?P<run>{prose._NAME_RUN}),?\s+{prose._ADV}(?P<verb>{prose._VERBS})(?!\w)"
    )
    pairs = ((old_subject, prose._SUBJECT), (old_before_verb, prose._NAME_BEFORE_VERB))
    pieces = [
        "Ann", "Reyes", "A.", "J.", "Mr.", "O’Neil", "'Ali", "’Ali", "Jean-Luc", "de", "van", "la", "al",
        "said", "says", "tweeted", "also", "then", "had", "is", "a", "the", "x", ",", ", the mayor,",
        ", who", ".", "..", "’", "'", "-", "“", "”", '"', " ", " ", "  ", "\n", "É", "Édith", "ÉTÉ", "US",
        "U.S.", "X", "Él", "in", "on", "2019",
    ]  # fmt: skip
    rnd = random.Random(11)
    for _ in range(20_000):
        text = "".join(
            rnd.choice(pieces) + rnd.choice(("", " ", " ", " ", ",", ".")) for _ in range(rnd.randint(1, 12))
        )
        for old, new in pairs:
            assert [(m.span(), m.groups()) for m in old.finditer(text)] == [
                (m.span(), m.groups()) for m in new.finditer(text)
            ], text
            pos = rnd.randint(0, len(text))
            a, b = old.search(text, pos), new.search(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, pos)
    long = "Ann, " + "b" * 200 + ", Reyes said"
    for old, new in pairs:
        assert [m.groups() for m in old.finditer(long)] == [m.groups() for m in new.finditer(long)]


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
