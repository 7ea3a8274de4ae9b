"""The attribution rules: a registry of named, ordered rules, each reading one way journalists
attribute a quote (as Python-Markdown registers its inline patterns, and mistune keeps a name ->
pattern and a parse method per rule).

Every rule names what it reads (:attr:`Rule.reads`), how it finds the speaker
(:attr:`Rule.speaker`) and the evidence it records (:attr:`Rule.evidence`); its examples, positive
and look-alike negatives in English, German, French and Spanish, are in
``fixtures/prose/rules/<name>.txt``, one test each. The scanner tries the rules in order for each
quote and takes the first that finds an attribution; a rule may also veto (a quote that is part of
the reporter's phrase is no one's).

Adding a phrasing is adding a rule here (or words to :mod:`threads.lexicon`), with its examples.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import chain
from typing import TYPE_CHECKING

from .. import lexicon, vocab
from ..lexicon import words
from ..people import NOT_NAMES, Person, fold_key, is_title_word
from ..quotes import Quote, sentences
from . import evidence as E
from . import passages
from . import patterns as P
from .patterns import alternation
from .speakers import Kind, Speaker, handle_in, read

if TYPE_CHECKING:
    from .scanner import Candidate, Scanner, Sentence

__all__ = ["RULES", "Found", "Rule", "Site"]


class Region(StrEnum):
    """Where a rule reads its attribution."""

    AFTER = "after the quote"
    BEFORE = "before the quote"
    GAP = "between two quotes"
    CONTEXT = "in the sentences before"


@dataclass(slots=True)
class Site:
    """One quote where it stands, with the text around it."""

    sentence: Sentence
    quote: Quote
    text: str
    """The quote's words as posted (:func:`~threads.prose.scanner.clean_quote`)."""
    leadin: str
    """From the sentence's start (or the quote before) to the opening mark; the previous
    paragraph's last sentence when this one opens with the quote and that one ends in a colon."""
    after: str
    """From the closing mark to the next quote or the sentence's end."""
    previous: Candidate | None
    """The candidate before this quote in the paragraph."""
    position: int
    lead_sentence: Sentence
    """The sentence the lead-in belongs to."""
    carried: bool = False
    """The lead-in is the previous paragraph's last sentence."""
    _verb: bool | None = None

    @property
    def tail(self) -> str:
        """The lead-in's end, where an attribution before the quote stands (a speaker, an
        appositive, the verb and a few words): the patterns anchored at the quote read no more."""
        return self.leadin[-_TAIL:]

    @property
    def tail_start(self) -> int:
        return max(0, len(self.leadin) - _TAIL)

    def verb_before(self) -> bool:
        """Whether a listed reporting verb stands in the lead-in's end (or a platform is named
        there, for a verb the lexicon does not list)."""
        if self._verb is None:
            low = self.tail.lower()
            self._verb = bool(P.compiled(P.VERB_GATE).search(low)) or E.Gate(self.tail).social
        return self._verb

    @property
    def closed(self) -> bool:
        """The quote ends in punctuation, or the reporter's does ('“…,” she said', '“…:)” she
        tweeted'): without it, a quote runs on into the reporter's sentence ('“… in those”
        Twitter posts, Harris said')."""
        return not self.quote.text[-1:].isalnum() or bool(_CLAUSE_MARK.match(self.after))

    @property
    def introduces_next(self) -> bool:
        """'One fan wrote on X: “Welcome home!” Another replied: “…”': a quote a colon introduced
        and its own stop closed; the words after it end in a colon, so they introduce the next
        quote and are not this one's attribution."""
        return (
            self.leadin.rstrip().endswith(":")
            and self.quote.text.rstrip()[-1:] in ".!?…"
            and self.after.rstrip().endswith(":")
        )

    @property
    def ended(self) -> bool:
        """'“... Huawei phones.” Trump tweeted again on Thursday': a full stop inside the closing
        mark ended the sentence, and a capital after it starts the next one."""
        q = self.quote.text
        return q.endswith(".") and not q.endswith("..") and bool(_NEXT_SENTENCE.match(self.after))


@dataclass(slots=True)
class Found:
    """What a rule read: the speaker, the words where the evidence is, the verb."""

    speaker: Person | None
    region: str = ""
    verb: str | None = None
    ref: Speaker | None = None
    """The speaker as written, when the rule read one."""
    continues: Candidate | None = None
    """The candidate this quote is the next part of (a split quote, "he added")."""
    evidence: str | None = None
    """Evidence the rule records itself (a series passage, the sentence before)."""
    platform: str | None = None
    veto: bool = False
    pending: bool = False
    """A fragment in indirect speech: a post only if the same speaker's words follow."""
    guessed: bool = False
    """The speaker is a description taken to mean the latest subject: their context is no evidence."""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    region: Region
    reads: str
    """The pattern, as a reader would say it."""
    speaker: str
    """How the rule finds the speaker."""
    evidence: str
    """The evidence it records."""
    find: Callable[[Scanner, Site], Found | None] = field(repr=False)


_TAIL = 320
"""Characters of the lead-in an attribution before the quote may span (seven words of a speaker,
two appositives, the verb and 80 characters after it)."""
_CLAUSE_MARK = re.compile(r"\s*[,;:—–]")
_NEXT_SENTENCE = re.compile(rf"\s+[{P.UP}]")
_LOWER_NEXT = re.compile(r"\s*[a-zà-ÿ]")
_SENTENCE_REST = re.compile(r"\s*[.!?…]?\s*$")
_AT_OR_TAG = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{1,30}(?!\w)|(?<![\w#&])#[^\W\d_]\w*")
_AND = alternation(words("conjunctions"))
_THEN = alternation(words("sequencers"))
_CONJUNCTIONS = f"{_AND}|{_THEN}"
"""And, then: "… and then tweeted", "und dann", "y luego"."""
_COMPLEMENTIZERS = alternation(words("complementizers"))
_JOINER = P.lazy(
    rf"^\s*[,;]?\s*(?:{_CONJUNCTIONS}|adding|before\s+adding)?\s*,?\s*(?:(?:{_COMPLEMENTIZERS})\s*)?:?\s*$"
)
"""Two quotes joined in one sentence: "A;" and, "B."."""
_IN_PART_WORDS = 8

_DETS = alternation(
    tuple({w for f in ("definite", "possessives", "demonstratives", "indefinite") for w in words(f)})
    + tuple(w.capitalize() for f in ("definite", "possessives", "demonstratives") for w in words(f))
)
_A = alternation(tuple(w.capitalize() for w in words("indefinite")))
_ACCOUNTS = alternation(words("account_nouns"))
"""An indefinite article opening a sentence ("A post on the city's account read:")."""
_POST_NOUNS = P.POST_NOUN
_POST_VERBS = alternation(words("post_verbs"))
_PREPS = alternation((*words("prepositions"), *words("platform_prepositions"), *words("source_prepositions")))
_SOURCE = alternation(words("source_prepositions"))
_READS_IN = alternation(words("reads_in"))
_IN = alternation(words("in_words"))
_GENITIVE = alternation(words("genitive_articles"))
_ACCORDING = alternation(words("according_to"))
_SHARED = alternation((*words("written_participles"), *P.WRITING))
_RELATIVE_WORDS = alternation((*words("relative_pronouns"), *words("complementizers")))
_READS = alternation(
    tuple(v for v in words("post_verbs") if v.casefold() not in {r.casefold() for r in P.REPORTING})
)
"""The verbs only a text does ("read", "lautete", "rezaba"): not "said", which a person does too."""


def _match(pattern: str) -> Callable[..., re.Match[str] | None]:
    found = P.compiled(pattern)

    def run(text: str, pos: int = 0) -> re.Match[str] | None:
        return found.search(text, pos)

    return run


def _each(find: Callable[..., re.Match[str] | None], text: str) -> Iterator[re.Match[str]]:
    """Every match of a pattern anchored at the text's end, the one nearest the quote first: the
    first whose speaker reads wins ("That followed one on Saturday in which Ann Reyes tweeted:" is
    Ann Reyes's, not "That"'s)."""
    found: list[re.Match[str]] = []
    pos = 0
    while pos <= len(text) and len(found) < 24:
        m = find(text, pos)
        if m is None:
            break
        found.append(m)
        pos = m.start() + 1

    def verb_at(m: re.Match[str]) -> int:
        return max(m.start(g) for g in ("verb", "verb2") if g in m.re.groupindex and m.group(g))

    # the verb nearest the quote first; for one verb, the longest speaker ("Councillor Aisha Grant")
    yield from sorted(found, key=lambda m: (-verb_at(m), m.start()))


# ---------------------------------------------------------------- the quote is part of a phrase

_FRAGMENT_BEFORE = _match(rf"""(?i:(?<![\w’'\-])(?:{alternation(words("fragment_before"))})\s*$)""")


_TITLED = _match(
    rf"""(?:^|\s)(?:{_DETS}|(?i:{alternation(words("fragment_before"))}))\s+(?:[\w’'\-]+\s+){{0,2}}?(?P<noun>[\w’'\-]+)\s*$"""
)
"""A noun phrase right before the quote: the quote names it ('den Song „Kiss“', 'the hashtag
"#MeToo"'), unless the noun is a post's ('the caption "…"', handled by the rules)."""


def _fragment(scan: Scanner, site: Site) -> Found | None:
    start = max(0, len(site.leadin) - 40)
    if site.carried:  # the previous paragraph's tail
        return None
    lead = site.leadin[start:]
    if _FRAGMENT_BEFORE(lead):
        return Found(None, veto=True)
    words_ = site.quote.text.split()
    m = _TITLED(lead) if len(words_) <= 6 and site.quote.text[-1:].isalnum() else None
    if m is not None and not _POST_NOUN_WORD(m.group("noun")) and not P.listed_verb(m.group("noun")):
        return Found(None, veto=True)
    return None


_POST_NOUN_WORD = _match(rf"^(?:{P.POST_NOUN}|{alternation(words('caption_nouns'))})$")


# ---------------------------------------------------------------- split and joined quotes


_TRANSLATION_GAP = re.compile(r"^\s*\(\s*(?:[^\W\d_][\w ]{0,30}:\s*)?$")
_CLOSING_BRACKET = re.compile(r"^\s*[.,;]?\s*\)")


def _translation(scan: Scanner, site: Site) -> Found | None:
    """'“My wrist needs more time.” (Deutsch: „Mein Handgelenk …“)', '"See you soon" ("Hasta
    pronto")': a quote in brackets right after another is its translation, no post of its own."""
    prev = site.previous
    if prev is None or prev.sentence.paragraph != site.sentence.paragraph:
        return None
    gap = site.sentence.text[prev.quote.end : site.quote.start]
    if _TRANSLATION_GAP.match(gap) and _CLOSING_BRACKET.match(site.after):
        return Found(None, veto=True)
    return None


_LATER = P.lazy(rf"(?i:(?<![\w’'\-])(?:{alternation(words('later_words'))})(?![\w’'\-]))")
_GOES_ON = P.lazy(rf"""(?:^|(?<=[.!?,;:»«“”"„]))\s*(?i:{alternation(words("going_on"))})\s*:\s*$""")
"""'Und weiter:', 'E ancora:', 'avant d'ajouter :' before a quote: the words just quoted go on."""


def _continued(scan: Scanner, site: Site) -> Found | None:
    """'“X,” he said. “Y.”', '“A;” and, “B.”', '„X“, schrieb er, zeigte sich jedoch: „Y“':
    the next part of the quote before, unless the words between name someone else; 'Und weiter:
    „Y“', 'E ancora: «Y»' (in the same paragraph or the next)."""
    last = scan.candidates[-1] if scan.candidates else None
    subject = site.sentence.subject
    if (
        last is not None
        and last.sentence is site.sentence
        and subject is not None
        and subject is not last.speaker
        and site.sentence.subject_end <= last.quote.start - site.sentence.start
    ):
        # "Danquah quote-tweeted a fan's post that read “…,” adding: “…”", "Reyes shared a fan's
        # post (“…,” the fan had written), adding: “…”": someone else's words inside the
        # subject's sentence; what follows is the subject's
        return None
    if (
        last is not None
        and 0 <= site.sentence.paragraph - last.sentence.paragraph <= 1
        and _GOES_ON.search(site.leadin)
    ):
        return Found(last.speaker, continues=last)
    if (
        last is not None
        and last.quote.open
        and site.quote.start == 0
        and last.sentence.paragraph == site.sentence.paragraph - 1
    ):
        return Found(last.speaker, continues=last)  # a long quote going on in the next paragraph
    prev = site.previous
    if prev is None or prev.rule == "indirect" or prev.sentence.paragraph != site.sentence.paragraph:
        return None
    if _AFTER_SPEAKER_VERB(site.after) or _AFTER_VERB_SPEAKER(site.after) or _AFTER_POST(site.after):
        return None  # an attribution of its own: '„X“, schrieb ein Nutzer. „Y“, kündigte jemand an'
    gap = site.sentence.text[prev.quote.end : site.quote.start]
    if _JOINER.match(gap):
        return Found(prev.speaker, continues=prev)
    if _LATER.search(P.SENTENCE_STOP.split(gap)[-1]):
        return None  # "„…“, schrieb sie. Kurz darauf legte sie nach: „…“": a later post of hers
    if prev.rule not in _AFTER_RULES or len(sentences(gap.strip())) > 1:
        return None
    for rule_ in (_lead_in, _lead_in_inverted):
        other = rule_(scan, site)
        if other is not None and other.speaker is not None and other.speaker is not prev.speaker:
            return None
    return Found(prev.speaker, continues=prev)


# ---------------------------------------------------------------- after the quote

_AFTER_POST = _match(
    rf"""^\s*[,;:—–-]?\s*(?:
        (?P<det>{_DETS})\s+(?:[\w’'\-]+\s+){{0,2}}?
          (?:(?P<noun>{_POST_NOUNS})|(?P<reply>(?i:{alternation(words("reply_nouns"))})))
          (?P<tail>\s+(?:{_PREPS})\s+(?:[\w’'\-@]+\s+){{0,3}}?[\w’'\-@]+)?
          \s+(?P<verb>{_POST_VERBS})\b                        # the tweet said; the caption on that photo said
      | (?P<verb2>{_POST_VERBS})\s+(?P<det2>{_DETS})\s+(?:[\w’'\-]+\s+){{0,2}}?(?P<noun2>{_POST_NOUNS})
          (?P<tail2>\s+(?:{_SOURCE}|{_PREPS})\s+[^,.;:]{{1,60}})?     # read the tweet; read a post on …
      | (?:{_READS_IN})\s+(?:{_IN})\s+(?:(?P<det3>{_DETS})\s+)?
          (?:[\w’'\-]+\s+){{0,3}}?(?P<noun3>{_POST_NOUNS})\b        # hieß es in dem Post
                                                        # se leía en el pie de la publicación
          (?P<tail3>\s+(?:{_SOURCE}|{_GENITIVE})\s+[^,.;:]{{1,60}})?     # von Reyes, der Band
      | (?:{_READS_IN})\s+(?:[\w’'\-]+\s+){{0,3}}?(?:{_PREPS})\s+(?:(?P<det5>{_DETS})\s+)?
          (?P<noun5>(?:{P.PLATFORM})[\s-]?(?i:{_ACCOUNTS}))\b
          (?P<tail5>\s+(?:{_SOURCE}|{_GENITIVE})\s+[^,.;:]{{1,60}})?   # hieß es … auf dem X-Account der …
      | (?P<cite>{_ACCORDING})\s+(?P<det4>{_DETS})\s+(?:[\w’'\-]+\s+){{0,2}}?(?P<noun4>{_POST_NOUNS})
          (?:\s+(?:{_SHARED}))?                         # a message posted (on X), un message publié
          (?P<tail4>\s+(?:{_PREPS})\s+[^,.;:“”"„«»]{{1,60}})?
          (?=\s*(?:[,.;:!?)]|$))                           # according to a post on Reyes's page
    )"""
)


_POSTER_IN = _match(
    rf"""(?<![\w’'])(?P<who>{P.PRONOUN}|{P.NAME_RUN})\s+{P.ADV}
    (?:{alternation((*P.WRITING, *P.POSTING))})(?![\w’'\-])"""
)
"""Who posted the thing a post noun is set on ("the photo he posted", "la foto que Ana subió")."""


def _first(m: re.Match[str], name: str) -> str | None:
    """The first of the groups ``name``, ``name2`` … ``name5`` that matched (one per alternative)."""
    return next((g for k in ("", "2", "3", "4", "5") if (g := m.group(name + k)) is not None), None)


_READ_THERE = _match(
    rf"""^\s*[,;:—–-]?\s*(?:{_READS_IN})\s+(?:es\s+)?(?i:{alternation(words("there_words"))})\b"""
)
"""'„…“, hieß es dort am Mittag': the words stood where the sentence before said its subject posts."""


def _after_post(scan: Scanner, site: Site) -> Found | None:
    """'“…,” the tweet said', '“…,” the caption on that photo said', '“…,” one post read',
    '“…,” according to a post on Reyes's Facebook page'."""
    if not site.closed or site.ended:
        return None
    there = _READ_THERE(site.after)
    before = scan.sentence_before(site.sentence) if there is not None else None
    if there is not None and before is not None and before.cue is not None and not before.cue.bare:
        # "Die Feuerwehr informierte in ihrer Instagram-Story. „…“, hieß es dort": its post
        return Found(
            before.subject, region=there.group(0), evidence=f"passage '{before.cue.words}'",
            platform=before.cue.platform,
        )  # fmt: skip
    m = _AFTER_POST(site.after)
    if m is None:
        return None
    if m.group("reply"):
        # '“…,” one reply read': a reply to the post just quoted, by someone not named
        if scan.last_platform is None:
            return None
        replier = scan.cast.anonymous(f"{m.group('det')} {m.group('reply')}".strip(), head=m.group("reply"))
        return Found(replier, region=m.group(0), verb=m.group("verb"), evidence=f"post '{m.group('reply')}'")
    det = _first(m, "det") or "the"
    noun = _first(m, "noun") or ""
    tail = _first(m, "tail") or ""
    owner = scan.post_owner(det, tail, noun)
    if owner is None and (poster := _POSTER_IN(tail)) is not None and (who := read(poster.group("who"))):
        owner = scan.resolve(who[0])  # "read the caption on the photo he posted to Instagram"
    if owner is None and E.social(site.after) is not None and (before := scan.sentence_before(site.sentence)):
        # "Das Amt gab sein Konto auf. «…», hieß es im letzten Post auf X.": the subject before
        opening = None if before.subject else read(before.outside.lstrip())
        owner = before.subject or (
            scan.resolve(opening[0])
            if opening is not None and opening[0].kind in (Kind.NAME, Kind.DESCRIPTION)
            else None
        )
    return Found(
        owner,
        region=m.group(0),
        verb=m.group("verb") or m.group("verb2") or m.group("cite") or "hieß",
        evidence=f"post '{noun}'",
    )


_AFTER_SPEAKER_VERB = _match(
    rf"""^\s*[,;:—–-]?\s*
    {P.PRE}
    (?P<spk>{P.SPEAKER})
    {P.AT}?
    {P.APPOSITIVE}?
    \s+{P.ADV}
    (?P<verb>{P.VERB})(?![\w’'\-])"""
)


def _after_speaker_verb(scan: Scanner, site: Site) -> Found | None:
    """'“…,” Reyes tweeted', '“…,” the reality figure tweeted', '“…,” one fan wrote on X'."""
    m = _AFTER_SPEAKER_VERB(site.after)
    if m is None or site.ended or site.introduces_next:
        return None
    if not site.closed and (m.group("pre") or m.group("app")):
        return None
    ref = _read_whole(m.group("spk"), m.group("app"))
    pre, spk_start = m.group("pre") or "", m.start("spk")
    if pre and ref is not None and ref.kind == Kind.NAME:
        whole = pre + m.group("spk")
        office = read(whole)  # "Secretary of State for the Sea Helene Marchetti": one phrase
        if (
            office is not None
            and office[0].kind == Kind.NAME
            and office[0].name != ref.name
            and office[1] >= len(whole.rstrip(" ,."))
        ):
            ref, spk_start = office[0], m.start("pre")
    if ref is None or (not site.closed and ref.kind not in (Kind.PRONOUN, Kind.HANDLE)):
        return None  # '“… in those” Twitter posts, Harris said': the quote runs on into the sentence
    before_spk = site.after[:spk_start]
    if ref.kind == Kind.NAME and _ends_at_place(before_spk, site.after[m.start("pre") : spk_start]):
        return None  # "a student at Wesleyan University wrote": someone there, not the place
    if _platform_not_first(ref, site.after[:spk_start]):
        return None
    region = site.after[m.end("spk") :]
    if site.lead_sentence is site.sentence and site.leadin.rstrip().endswith((":", ",")):
        region = site.leadin + " " + region  # "in his most recent tweet: “…,” he wrote"
    return scan.found(
        ref,
        site,
        region=region,
        verb=m.group("verb"),
        at=m.group("at"),
        app=m.group("app"),
        pre=pre,
    )


def _read_whole(spk: str, app: str | None) -> Speaker | None:
    """The speaker of a phrase a pattern took as one, when it reads as one to its end (with the
    appositive, when that holds the name: "the harbour master, Piet Vos,")."""
    for phrase in (spk + app, spk) if app else (spk,):
        found = read(phrase)
        if found is not None and found[1] >= len(phrase.rstrip(" ,.")):
            ref = found[0]
            beside = (app or "").strip(" ,")
            named = _FULL_NAME(beside) if beside and ref.kind == Kind.NAME else None
            if named is not None and named.end() == len(beside) and len(named.group(0).split()) >= 2:
                # "the director of Centros Penales, Osiris Luna, said": the name beside the office
                surface = spk + (app or "")
                return Speaker(Kind.NAME, surface, name=named.group(0), role=ref.role or ref.surface)
            return ref
    return None


_FULL_NAME = _match(rf"^{P.NAME_RUN}")


def _ends_at_place(prefix: str, pre: str) -> bool:
    """ "a student at Wesleyan University", "vor etwa einem Jahr", "Auf Instagram": the name after
    these words is a place, a platform or a noun of the reporter's phrase, not a speaker."""
    words_ = prefix.split()
    if not words_:
        return False
    last = words_[-1].casefold()
    if len(words_) >= 2 and words_[-2].casefold() in P.SPOKES:
        return False  # "a spokesperson for Sheffield University": the organisation speaks
    if last in _SOURCE_WORDS and any(w.casefold() in P.ACCOUNT_NOUNS for w in words_[-3:-1]):
        return False  # "La cuenta oficial de la Policía Nacional": the account's owner posts
    return last in _ARTICLES or last in _PREPOSITIONS


_SOURCE_WORDS = frozenset(w.casefold() for w in words("source_prepositions"))


def _platform_not_first(ref: Speaker, prefix: str) -> bool:
    """A platform's name speaks only as a sentence's subject ("Twitter said in a tweet"), never
    after other words ("En su cuenta de X escribió": the account, not the speaker)."""
    return (
        ref.kind == Kind.NAME
        and (ref.name or "").casefold() in vocab.PLATFORM_NAMES
        and bool(prefix.strip(" ,;:—–-"))
    )


_PREPOSITION_WORDS = frozenset(w.casefold() for w in words("prepositions"))


def _known_set_off(scan: Scanner, front: str) -> bool:
    """Whether the words before the verb are a person the article knows, then a phrase set off by
    commas ("Ibarra, por su parte,", "Reyes, meanwhile,"): that person is the subject."""
    first, sep, rest = front.strip().partition(",")
    if not sep or not front.rstrip().endswith(",") or len(rest.split()) > 6:
        return False
    words_ = first.split()
    if not words_ or len(words_) > 4 or not all(w[:1].isupper() for w in words_):
        return False
    return scan.cast.mention(first, create=False, subject=False) is not None


_ARTICLES = frozenset(
    w.casefold() for w in (*words("definite"), *words("indefinite"), *words("demonstratives"))
)
_PREPOSITIONS = frozenset(w.casefold() for w in (*words("platform_prepositions"), *words("prepositions")))
"""Words after which a name is a place or a platform, not a speaker ("Auf Instagram schrieb …")."""


_FRENCH_PRONOUNS = alternation(words("pronouns", "fr"))
_FRENCH_AUX = alternation(words("auxiliaries", "fr"))
_FRENCH_INVERSION = rf"""(?:
      (?P<aux>{_FRENCH_AUX})-t-(?P<fpro>{_FRENCH_PRONOUNS})\s+(?P<part>\w+)   # a-t-il écrit
    | (?P<fverb>\w+)-(?:t-)?(?P<fpro2>{_FRENCH_PRONOUNS})(?!\w)                # écrit-il, ajoute-t-elle
)"""
_PREPS_NOT_ARTICLES = alternation(
    tuple(
        w
        for w in (*words("prepositions"), *words("platform_prepositions"))
        if w.casefold() not in {d.casefold() for f in ("definite", "indefinite") for d in words(f)}
    )
)
"""Prepositions that are no article too (not "a": "said a user on Weibo")."""
_AFTER_VERB_SPEAKER = _match(
    rf"""^\s*[,;:—–-]?\s*{P.ADV}
    (?:
        {_FRENCH_INVERSION}(?P<frest>.*)
      | (?P<verb>{P.VERB})\s+
        (?:(?:{_PREPS_NOT_ARTICLES})\s+[a-zà-ÿ]+\s+           # en catalán (en X), in French (on X)
           (?=(?:[\w’'\-]+\s+){{1,3}}?(?:{P.PLATFORM})\b))?
        (?:{P.PLATFORM_PHRASE}\s+)?(?P<rest>\S.*)   # escribió (en X) el usuario
    )$"""
)


def _after_verb_speaker(scan: Scanner, site: Site) -> Found | None:
    """'“…,” tweeted utility spokesman Daniel Okafor', '„…“, schrieb der Popstar auf Instagram',
    '«…», escribió la ministra en X', '«…», escribió en X el usuario' (the platform before the
    speaker, as Spanish and French often place it), '« … », a-t-il tweeté', '“…,” said one, Ben
    Wainwright'."""
    if not site.closed or site.ended or site.introduces_next:
        return None
    m = _AFTER_VERB_SPEAKER(site.after)
    if m is None:
        return _one_read(scan, site)
    pro = m.group("fpro") or m.group("fpro2")
    if pro:
        verb = m.group("part") or m.group("fverb")
        if not P.listed_verb(verb):
            return None
        ref = Speaker(Kind.PRONOUN, pro, gender=_pronoun_gender(pro))
        return scan.found(ref, site, region=site.after, verb=verb)
    found = read(m.group("rest"))
    if found is None:
        return _one_read(scan, site)
    ref, end = found
    if m.start("rest") > m.end("verb") + 1 and not _someone(ref):
        return None  # "escribió en X el lunes": a time, not a speaker, after the platform
    region = site.after[m.start("rest") + end :]
    return scan.found(ref, site, region=site.after[: m.start("rest")] + region, verb=m.group("verb"))


_READ_ONE = _match(
    rf"""^\s*[,;:—–-]?\s*(?P<verb>{_READS})\s+(?P<one>[\w’'\-]+(?:\s+[\w’'\-]+)?)\s*(?:[.;!?]|$)"""
)


def _one_read(scan: Scanner, site: Site) -> Found | None:
    """'“…,” read one', '„…“, lautete ein anderer': one of the posts or comments a crowd wrote
    (the verb only a text does, its noun left out); its evidence is the crowd's."""
    r = _READ_ONE(site.after)
    if r is None:
        return None
    found = read(r.group("one"))
    if found is None or found[0].kind != Kind.ANONYMOUS or not found[0].crowd or found[0].head:
        return None
    return scan.found(found[0], site, region="", verb=None)


def _someone(ref: Speaker) -> bool:
    """A speaker phrase that can only be someone: a name, a handle, a pronoun, or a noun for a
    person, a commenter or an organisation (not "el lunes", "la semana pasada")."""
    if ref.kind in (Kind.NAME, Kind.HANDLE, Kind.PRONOUN) or ref.crowd or ref.spokes or ref.body:
        return True
    head = ref.head or ""
    return head.casefold() in P.ROLE_NOUNS or lexicon.gender_of(head) is not None  # kin and roles


def _pronoun_gender(word: str) -> lexicon.Gender | None:
    gender = P.PRONOUNS.get(word.casefold())
    return gender if isinstance(gender, lexicon.Gender) else None


_PRO_DROP_PARTICIPLES = alternation(
    tuple(w for f in ("participles", "written_participles") for w in words(f, "es", "it", "pt"))
)
_PRO_DROP_AUX = alternation(words("auxiliaries", "es", "it", "pt"))
_PRO_DROP = _match(
    rf"""^\s*[,;:—–-]?\s*
    (?:{P.ADV}(?P<verb>{alternation(P.PRO_DROP)})
      |(?:{_PRO_DROP_AUX})\s+{P.ADV}(?P<verb2>{_PRO_DROP_PARTICIPLES}))   # ha scritto
    (?=\s+(?:{alternation(words("platform_prepositions", "es", "it", "pt"))}|a\s+través)\b|\s*[.;!?]|\s*$
      |(?:\s+[a-zà-öø-ÿ]+){{1,7}}\s*[.;!?]?\s*$)             # tuiteó minutos más tarde.
                                                   # escribió sobre una foto del escenario."""
)


def _after_verb_alone(scan: Scanner, site: Site) -> Found | None:
    """'«…», escribió en su cuenta de X': Spanish, Italian and Portuguese leave the subject out;
    it is the sentence's, else the last one's."""
    if not site.closed or site.ended:
        return None
    m = _PRO_DROP(site.after)
    if m is None:
        return None
    before = scan.before.subject if scan.before is not None else None
    speaker = site.sentence.subject or before or scan.cast.latest()  # the sentence's, else the one before's
    return Found(speaker, region=site.after, verb=m.group("verb") or m.group("verb2"))


_AFTER_PLATFORM = _match(
    rf"""^\s*(?:[—–-]|\((?=[^()]*\)\s*[.;]?\s*$))\s*
    (?P<spk>{P.SPEAKER})
    {P.AT}?
    (?:\s*,?\s*
    (?P<plat>(?i:{alternation(words("platform_prepositions"))})\s+
      (?:(?i:{alternation(words("platform_fillers"))})\s+){{0,3}}
      (?-i:{P.PLATFORM})))?
    \s*\)?\s*[.;]?\s*$"""
)


def _after_platform(scan: Scanner, site: Site) -> Found | None:
    """'“…” — Kat Mills (@commuterkat) on Bluesky', '“…” - @commuterkat on Threads', '«…» (Lucía
    Gil, en X)': a roundup's line signed after the quote with its writer and platform, no verb."""
    m = _AFTER_PLATFORM(site.after)  # the dash or the bracket closes the quote
    if m is None:
        return None
    ref = _read_whole(m.group("spk"), None)
    if ref is None or ref.kind not in (Kind.NAME, Kind.HANDLE):
        return None  # "— the city on Facebook": a description signs no line
    if m.group("plat"):
        return scan.found(ref, site, region=m.group("plat"), verb=None, at=m.group("at"))
    # no platform on the line: the one the roundup's opening named ("Here is how fans reacted on
    # X:"), for an account signing ("— @gooner_kev") or anyone signing just after it
    near = scan.nearby
    if near is None or near[1] < site.sentence.paragraph - 1:
        if ref.kind != Kind.HANDLE and m.group("at") is None:
            return None  # '“…” — Oscar Wilde': an epigraph
        return Found(scan.resolve(ref), region="", evidence=f"signed '{m.group('spk')}'", platform="unknown")
    cue = near[0]
    found = scan.found(ref, site, region="", verb=None, at=m.group("at"))
    return Found(found.speaker, region="", evidence=f"passage '{cue.words}'", platform=cue.platform)


# ---------------------------------------------------------------- before the quote

_HIS = alternation((*words("possessives"), *(w.capitalize() for w in words("possessives"))))
_PLATFORM_NOUN = alternation(words("platform_nouns"))
_LEAD_POST = _match(
    rf"""(?:^|(?<=[\s,;(]))(?:
        (?P<det>{_DETS}|{_A})\s+(?:(?![\w’'\-]+[’']s\s)[\w’'\-]+\s+){{0,2}}?(?P<noun>{_POST_NOUNS})
          (?P<tail>\s+(?:{_PREPS})\s+(?:[^:“”"„«»]{{0,40}}?|[^:“”"„«»,]{{0,60}}?(?:{_ACCOUNTS})))?
          (?:\s*,(?P<app>[^,:“”"„«»]{{1,60}}),)?\s+{P.ADV}       # The post, since deleted, originally
          (?P<verb>{_POST_VERBS})(?:\s+in\s+part)?            # The post read:  Der Post lautete:
      | (?i:{_IN})\s+(?:(?P<det2>{_DETS})\s+)?(?:[\w’'\-]+\s+){{0,2}}?(?P<noun2>{_POST_NOUNS})
          \s+(?:{_READS_IN})(?:\s+es)?(?:\s+[^\s:“”"„«»]+){{0,4}}?   # In dem Post hieß es (am Abend):
      | (?i:{_IN})\s+(?P<det3>{_HIS})\s+(?P<noun3>{_POST_NOUNS}|(?i:{_PLATFORM_NOUN}))
          (?:\s*,[^,:“”"„«»]{{1,40}},)?\s+(?P<verb3>{_READS})      # En su mensaje, que traducimos, decía:
    )\s*[:,]?\s*$"""
)
_ON_PLATFORM = _match(
    rf"""(?:^|(?<=[\s,;(]))
    (?P<det>{_DETS}|{_A}|[{P.UP}][\w\-]+(?:\s+[{P.UP}][\w\-]+){{0,3}}[’']s)   # Lindqvist's reply on X
    \s+(?:(?![\w’'\-]+[’']s\s)[\w’'\-]+\s+){{0,2}}?(?i:(?P<noun>{_POST_NOUNS}|{_PLATFORM_NOUN}))
    (?P<tail>(?:\s+(?:{_SHARED}))?\s+(?:{_PREPS})\s+[^:“”"„«».!?]{{0,60}}?
      (?-i:{P.PLATFORM})(?:[\s-](?:{_ACCOUNTS}))?)\b
    (?P<pred>[^:“”"„«».!?]{{0,60}}?)\s*:\s*$"""
)
"""A post where a platform is named is the subject of a sentence ending in a colon ("A message on
the supporters' trust's Facebook page was less forgiving:"): its words follow."""


_SET_OFF_END = re.compile(r"[^,;:]*,").match
_POST_VERB_START = P.compiled(rf"\s*(?:{_POST_VERBS})\b").match
_SENTENCE_OPENING = re.compile(r"^\s*(?:[^\s,.;:!?]+\s+){0,4}?[^\s,.;:!?]*,\s*$|^\s*$").match
"""Nothing before the subject but a few words set off by a comma ("On Monday, a post on …")."""
_GENITIVE_START = P.compiled(rf"\s*(?:{_GENITIVE})\s")
_PRED_START = re.compile(r"\s*(?:$|,|[a-zà-ÿ])")
"""What follows the platform: the sentence's verb ("was less forgiving"), a time set off by commas,
or nothing ("A message on the club's Facebook page:")."""


_POST_FROM = _match(
    rf"""(?:^|(?<=[\s,;(]))(?P<det>{_A}|{_DETS})\s+(?:[\w’'\-]+\s+){{0,2}}?(?P<noun>{_POST_NOUNS})
    \s+(?:{_SOURCE})\s+(?P<who>[^:“”"„«»,]{{1,60}}?)(?:\s*,[^:“”"„«»]{{0,80}})?\s*:\s*$"""
)
"""A line giving a post and its author, no verb: "A second post from Vollan, minutes later:"."""


_REPLY_UNDER = _match(
    rf"""(?:^|(?<=[\s,;(]))(?P<det>{_DETS}|{_A})\s+(?:[\w’'\-]+\s+){{0,2}}?
    (?i:(?P<noun>{alternation(words("reply_nouns"))}))\s+
    (?i:{alternation(words("under_words"))})\s+                          # under, beneath, unter, bajo
    (?:(?:{_DETS})\s+(?:[\w’'\-]+\s+){{0,2}}?
       (?i:{_POST_NOUNS}|{alternation(words("media_nouns"))}|{_PLATFORM_NOUN})  # the post, the video
     | (?i:{alternation(words("neuter_pronouns"))}))\b                      # it
    (?P<rest>[^:“”"„«».!?]{{0,100}}?)\s*[:,]\s*$"""
)
"""A reply set under a post as the sentence's subject ("The most-liked comment beneath it, from
a nurse in Leeds, said:", "Ein Kommentar unter dem Video lautete:"): a post of whoever wrote it."""
_FROM_WHO = _match(rf"(?<![\w’'])(?:{_SOURCE})\s+(?P<who>[^,:;]{{1,60}})")


def _reply_under(scan: Scanner, site: Site) -> Found | None:
    m = _REPLY_UNDER(site.leadin)
    if m is None or _words_before(site.leadin[: m.start()]):
        return None
    rest = m.group("rest")
    person = None
    if (src := _FROM_WHO(rest)) is not None and (who := read(src.group("who"))) is not None:
        person = scan.resolve(who[0])  # "from a user called Marguerite_RN"
    if person is None:
        noun = m.group("noun")
        person = scan.cast.anonymous(f"{m.group('det')} {noun}".strip())
    return Found(person, region=site.leadin, evidence=f"post '{m.group('noun')}'")


_SHARED_BY = _match(
    rf"""^\s*(?:[\w’'\-]+\s+)?(?:{_SHARED})\s+(?:{alternation(words("agent_prepositions"))})\s+
    (?:(?:{_DETS})\s+(?i:{_ACCOUNTS})\s+(?:(?:{_SOURCE})\s+)?)?(?P<who>[^,]+?)\s*$"""
)
"""Who shared the post, in an appositive after its noun ("shared by the account @rail_updates")."""


_SERIES_POST = _match(
    rf"""^\s*(?P<det>{_DETS}|{_A})\s+(?P<pos>(?i:{alternation(words("series_positions"))}))\s+
    (?:[\w’'\-]+\s+)?(?P<noun>{_POST_NOUNS})\b[^:“”"„«»]{{0,200}}:\s*$"""
)
"""One post of a series as the sentence's subject, whatever it is said to do ("A second post that
afternoon struck a lighter tone, with a photo of a cat:"): the words after the colon are it."""


def _lead_post(scan: Scanner, site: Site) -> Found | None:
    """'The post read: “…”', 'Her caption read: “…”', 'In dem Post hieß es: „…“', 'A second post
    struck a lighter tone:'."""
    if (reply := _reply_under(scan, site)) is not None:
        return reply
    if site.lead_sentence is site.sentence and (series := _SERIES_POST(site.leadin)) is not None:
        owner = scan.post_owner(series.group("det"), "", series.group("noun"), series.group("pos"))
        if owner is not None:
            return Found(owner, region=site.leadin, evidence=f"post '{series.group('noun')}'")
    m = _LEAD_POST(site.leadin)
    if (
        m is None
        and (f := _POST_FROM(site.leadin)) is not None
        and not _words_before(site.leadin[: f.start()])
    ):
        # "11:52 p.m. — A second post from Vollan, twenty minutes after our projection:"
        who = read(f.group("who"))
        if (
            who is None
            or who[0].kind not in (Kind.NAME, Kind.HANDLE)
            or who[1] < len(f.group("who").rstrip())
        ):
            return None
        return Found(scan.resolve(who[0]), region=site.leadin, evidence=f"post '{f.group('noun')}'")
    if m is None:
        m = _ON_PLATFORM(site.leadin)
        if m is None or not _PRED_START.match(m.group("pred")):
            return None
        if m.group("det")[-2:] in ("'s", "’s") and _POST_VERB_START(m.group("pred")):
            return None  # "Ann Reyes’s post on X read:": the rule "possessed"
        if not _SENTENCE_OPENING(site.leadin[: m.start()]):
            return None  # "responded to the minister's post on X saying:": an object, not the subject
        owner = scan.post_owner(m.group("det"), m.group("tail"), m.group("noun"))
        if owner is None and _GENITIVE_START.match(m.group("pred")):
            found = read(m.group("pred").lstrip())  # "auf der Facebook-Seite des Fanclubs klang anders"
            owner = scan.resolve(found[0]) if found is not None else None
        return Found(owner, region=site.leadin, evidence=f"post '{m.group('noun')}'")
    det = m.group("det") or m.group("det2") or m.group("det3") or "the"
    noun = m.group("noun") or m.group("noun2") or m.group("noun3")
    mods = site.leadin[m.end("det") : m.start("noun")] if m.group("det") and m.group("noun") else ""
    owner = scan.post_owner(det, m.group("tail") or "", noun, mods)
    if owner is None and m.group("app") and (by := _SHARED_BY(m.group("app"))) is not None:
        who = read(by.group("who"))  # "The post, shared by the account @rail_updates, read:"
        if who is not None and who[0].kind != Kind.PRONOUN:
            owner = scan.resolve(who[0])
    verb = m.group("verb") or m.group("verb3") or "hieß"
    return Found(owner, region=site.leadin, verb=verb, evidence=f"post '{noun}'")


_IT = alternation(words("neuter_pronouns"))
_POST_AS_SUBJECT = rf"""^\s*(?P<det>{_DETS}|[{P.UP}][\w\-]+['’]s)\s+         # the post, Darrow's post
    (?P<mods>(?:[\w’'\-]+\s+){{0,2}}?)(?P<noun>{_POST_NOUNS})\b
    (?P<tail>\s+(?:{_PREPS})\s+[^:“”"„«»,]{{0,40}}?)?"""
_POST_SUBJECT = _match(
    rf"""{_POST_AS_SUBJECT}
    [^:“”"„«»]{{0,240}}?\s(?:{_AND}|{_IT})\s+{P.ADV}      # … has since been taken down, but it / and
    (?P<verb>{_READS})(?:\s+in\s+part)?\s*[:,]?\s*$      # read in part:"""
)
_SUBJECT_POST = _match(_POST_AS_SUBJECT)
_POST_WHICH_READ = _match(
    rf"""(?:^|(?<=[\s,;(]))(?P<det>{_DETS})\s+(?P<mods>(?:[\w’'\-]+\s+){{0,2}}?)(?P<noun>{_POST_NOUNS})\b
    (?P<tail>\s+(?:{_PREPS})\s+[^:“”"„«»,]{{0,40}}?)?
    \s*,\s*(?:{_RELATIVE_WORDS})\s+{P.ADV}(?P<verb>{_READS})(?:\s+in\s+part)?\s*[:,]?\s*$"""
)
"""A post as the object, its words in a relative clause ("later deleted the post, which read:",
"borró el mensaje, que decía:")."""
_IT_READ = _match(
    rf"""^\s*(?:(?i:{_IT})\s+{P.ADV}(?P<verb>{_READS})(?:\s+in\s+part)?     # It read:
      | (?i:{alternation(words("there_words"))})\s*,?\s+(?:(?i:{_IT})\s+)?  # Dort hieß es: / There it read:
        (?P<verb2>(?i:{_READS_IN}|{_READS}))(?:\s+es)?)\s*[:,]?\s*$"""
)


def _post_subject(scan: Scanner, site: Site) -> Found | None:
    """'The post has since been taken down, but it read in part, “…”', 'The tweet was deleted
    within the hour and read: “…”', 'The post was deleted. It read: “…”': the post as the
    subject of "read", its verb apart from it (the sentence's, or the one before's); 'She
    deleted the post, which read: “…”'."""
    if site.carried or site.lead_sentence is not site.sentence:
        return None
    if not site.leadin.strip() and (after := _IT_READ_AFTER(site.after)) is not None:
        return _it_read_after(scan, site, after.group("verb"))
    m = _POST_SUBJECT(site.leadin)
    subject = m
    if m is None and (w := _POST_WHICH_READ(site.leadin)) is not None:
        if _a_name(w.group("mods"), w.group("noun")):
            return None
        noun = w.group("noun")
        owner = scan.post_owner(w.group("det"), w.group("tail") or "", noun) or site.lead_sentence.subject
        named = E.social(noun + (w.group("tail") or ""))  # "deleted the tweet": the tweet is named
        return Found(
            owner,
            region=site.leadin,
            verb=w.group("verb"),
            evidence=f"post '{noun}'",
            platform=named.platform if named is not None else None,
        )
    if m is None:
        m = _IT_READ(site.leadin)
        before = scan.sentence_before(site.sentence) if m is not None else None
        if m is not None and m.group("verb2"):
            return _posted_there(before) if before is not None else None  # "Dort hieß es:"
        subject = _SUBJECT_POST(before.outside) if before is not None else None
        if m is not None and before is not None and subject is None:
            # "The fire service has issued an update on its Facebook page. It reads: “…”"
            return _posted_there(before)
    if m is None or subject is None or _a_name(subject.group("mods"), subject.group("noun")):
        return None
    noun = subject.group("noun")
    owner = scan.post_owner(subject.group("det"), subject.group("tail") or "", noun)
    return Found(owner, region=site.leadin, verb=m.group("verb"), evidence=f"post '{noun}'")


_IT_READ_AFTER = _match(
    rf"""^\s*[,;:—–-]?\s*(?i:{_IT})\s+{P.ADV}(?P<verb>{_READS})(?:\s+in\s+part)?(?![\w’'\-])"""
)


def _it_read_after(scan: Scanner, site: Site, verb: str) -> Found | None:
    """'Fairhurst published a statement on his Facebook page. “I got this wrong,” it read.': the
    words of what the sentence before posted (a post its subject, or a platform named there and
    its subject the poster)."""
    if not site.closed or site.ended:
        return None
    before = scan.sentence_before(site.sentence)
    if before is None:
        return None
    subject = _SUBJECT_POST(before.outside)
    if subject is not None and not _a_name(subject.group("mods"), subject.group("noun")):
        noun = subject.group("noun")
        owner = scan.post_owner(subject.group("det"), subject.group("tail") or "", noun)
        return Found(owner, region=site.after, verb=verb, evidence=f"post '{noun}'")
    return _posted_there(before)


def _posted_there(before: Sentence) -> Found | None:
    """The words of what the sentence before posted, where it names the platform and its
    subject is the poster."""
    cue = before.cue
    if cue is None or cue.bare or before.subject is None or E.not_social(before.outside):
        return None
    return Found(before.subject, region="", evidence=f"passage '{cue.words}'", platform=cue.platform)


def _a_name(mods: str, noun: str) -> bool:
    """ "The Washington Post", "The Sunday Post": a capitalised word before a capitalised noun."""
    words_ = mods.split()
    return noun[:1].isupper() and bool(words_) and words_[-1][:1].isupper()


_POSSESSED = _match(
    rf"""(?:^|(?<=[\s,;(]))
    (?P<spk>(?:{P.NAME_RUN}|(?P<det>{_DETS})\s+(?:[\w\-]+\s+){{0,2}}?[\w\-]+[’']s?)(?<=[’']s|s[’']))\s+
                                                             # Reyes’s, the Joneses', a fan's
    (?:[\w’'\-]+\s+){{0,3}}?
    (?P<noun>{_POST_NOUNS})(?P<where>\s+{P.PLATFORM_PHRASE})?\s+  # Reyes’s post (on X)
    (?:(?P<that>{alternation(words("complementizers", "en"))})\s+)?  # a fan's post that read
    (?P<verb>{_POST_VERBS})(?:\s+in\s+part)?\s*[:,]?\s*$"""
)


def _possessed(scan: Scanner, site: Site) -> Found | None:
    """'Reyes’s tweet read: “…”', 'Reyes’s latest Instagram post said, “…”', 'Reyes’s post on X
    read: “…”', 'quote-tweeted a fan's post that read “…”'."""
    m = _POSSESSED(site.leadin)
    if m is None:
        return None
    if m.group("det"):
        owner = m.group("spk")[: -2 if m.group("spk")[-2:] in ("’s", "'s") else -1]
        found = read(owner)
        if found is None or found[1] < len(owner) or found[0].kind not in (Kind.ANONYMOUS, Kind.DESCRIPTION):
            return None
        return Found(
            scan.resolve(found[0]), region=f"{m.group('noun')}{m.group('where') or ''} {m.group('verb')}",
            verb=m.group("verb"), ref=found[0], evidence=f"post '{m.group('noun')}'",
        )  # fmt: skip
    person = scan.cast.mention(m.group("spk"))
    where = m.group("where") or ""
    return Found(person, region=f"{m.group('noun')}{where} {m.group('verb')}", verb=m.group("verb"))


def _lead_in_pattern(verb: str) -> str:
    return rf"""(?:^|(?<=[\s,;(]))
    {P.PRE}
    (?P<spk>{P.SPEAKER})
    {P.AT}?
    {P.APPOSITIVE}?
    \s+{P.ADV}
    (?:
        (?P<verb>{verb})(?P<post>\s[^:“”"„«»]{{0,80}}?)?          # Reyes wrote on Facebook:
      | (?P<aux>(?i:{alternation(words("auxiliaries", "de"))}))\s(?P<mid>[^:“”"„«»]{{0,80}}?)\s*
        (?P<verb2>{alternation(words("participles", "de") + words("written_participles", "de"))})
                                                                 # hatte am Samstag auf X geschrieben:
    )
    \s*[:,]?\s*$"""


_TEXT_ONLY_VERBS = frozenset(v.casefold() for v in words("post_verbs")) - frozenset(
    v.casefold() for v in (*P.REPORTING, *P.PARTICIPLES)
)
"""What only a text does with its words ("read", "begins", "ended", "lautete"): no one's verb."""
_LEAD_IN = _match(_lead_in_pattern(P.VERB))
_LEAD_IN_LISTED = _match(_lead_in_pattern(P.LISTED_VERB))
"""The same with a listed verb only: tried when every match of :data:`_LEAD_IN` took a noun of the
speaker for an unlisted verb ("Un internaute a écrit sur X :" read as "Un" + "internaute")."""


def _lead_in(scan: Scanner, site: Site) -> Found | None:
    """'Reyes wrote on Facebook: “…”', 'The singer tweeted, “…”', 'Kiesewetter hatte auf X
    geschrieben: «…»'."""
    bare = not site.leadin.rstrip().endswith((":", ","))
    if bare and (site.quote.text[:1].islower() or _LOWER_NEXT.match(site.after)):
        return None  # 'Trump said “it would be very nice” if ...': a fragment of the reporter's sentence
    if not site.verb_before():
        return None
    tail, at = site.tail, site.tail_start
    for m in chain(_each(_LEAD_IN, tail), _each(_LEAD_IN_LISTED, tail)):
        post = m.group("post") or m.group("mid") or ""
        if _REPORTED_POST.match(post) or _RELATIVE_CLAUSE(post):
            return None  # "tweeted that …"; "tweeted a link to the lawsuit, which reads:"
        verb = m.group("verb") or m.group("verb2")
        if not P.listed_verb(verb) and not E.posted_there(tail, verb):
            continue  # "On May 4, the day Adele turned 26, the singer tweeted,": not "turned"
        if verb.casefold() in _TEXT_ONLY_VERBS:
            continue  # "posted on X after the meeting ended:": a verb only a text does ("the post ended")
        ref = _read_whole(m.group("spk"), m.group("app"))
        if ref is None:
            continue
        if ref.kind == Kind.NAME and passages.platform_named(ref.name or ""):
            continue  # "Auf X hieß es:": where the words stand, not who wrote them
        if (
            ref.kind in (Kind.ANONYMOUS, Kind.DESCRIPTION)
            and not ref.crowd
            and _PREP_END(site.leadin[: at + m.start("spk")])
        ):
            continue  # "followed with a short note on X:": the preposition's object, not a speaker
        if ref.kind == Kind.NAME and _ends_at_place(site.leadin[: at + m.start("spk")], m.group("pre")):
            continue  # "Auf Instagram schrieb …": the platform, not a speaker
        if _platform_not_first(ref, site.leadin[: at + m.start("spk")]):
            continue
        region = site.leadin  # "On social media the Metropolitan Police said:"
        return scan.found(
            ref, site, region=region, verb=verb, at=m.group("at"), app=m.group("app"), pre=m.group("pre")
        )
    return None


_LEAD_PLATFORM = _match(
    rf"""(?:^|(?<=[\s,;(]))
    {P.PRE}
    (?P<spk>{P.SPEAKER})
    {P.AT}?
    {P.APPOSITIVE}?
    (?P<vp>\s+(?:s['’]|se\s+)?[a-zà-öø-ÿ][\w’'\-]*(?:\s+[\w’'\-]+){{0,7}}?)?   # encourage les coureurs
    \s*,?\s*
    (?P<plat>(?i:{alternation(words("platform_prepositions"))})\s+
      (?:(?i:{alternation(words("platform_fillers"))})\s+|[\w\-]+(?:[’']s|s[’'])\s+){{0,3}}   # the club's
      (?-i:{P.PLATFORM})(?:[\s-](?i:{_ACCOUNTS}|{alternation(words("post_nouns"))}))?)
    (?P<rest>\s*,[^:“”"„«»]{{0,100}}|\s+[a-zäöü]{{1,6}})?                              # , in a post …; ab
    \s*:\s*$"""
)


def _lead_platform(scan: Scanner, site: Site) -> Found | None:
    """'Comedian Fenna Okafor (@fennajokes) on X: “…”', 'The ferry company, on Facebook: “…”',
    '22.31 El presidente del club, Honorio Castañeda, en X: «…»': a roundup's or a live blog's
    line, the speaker and the platform with no verb between, or a verb phrase in any tense ('La
    coureuse Léa Morin encourage les participants sur Instagram :')."""
    if not site.leadin.rstrip().endswith(":"):
        return None
    tail, pos = site.tail, 0
    while (m := _LEAD_PLATFORM(tail, pos)) is not None:
        found = _line_speaker(scan, site, m)
        if found is not None:
            return found
        pos = m.start() + 1
    return None


def _line_speaker(scan: Scanner, site: Site, m: re.Match[str]) -> Found | None:
    if _words_before(site.tail[: m.start()]):
        return None  # the speaker opens the sentence (after a time, a bullet, a phrase set off)
    vp = m.group("vp") or ""
    rest = m.group("rest") or ""
    if (vp and (E.not_social(vp) or _VP_STOP.search(vp))) or _VP_STOP.search(rest):
        return None  # "told reporters", "a link to the ruling on X, which reads:": not the line's words
    pre = [w for w in (m.group("pre") or "").split() if any(c.isalpha() for c in w)]
    while pre and pre[0].casefold() in _JOINING:
        pre.pop(0)  # "And from user @grumpy_commuter on X:"
    if any(w[:1].isupper() for w in pre):
        return None  # "The reaction to Reyes on X:": words of another phrase
    app = m.group("app")
    spk = " ".join((*pre, m.group("spk")))
    ref = None
    if vp and not app and not m.group("at"):
        # "La championne Awa Keita sur Instagram :": the pattern took "La" for a name and the rest
        # for a verb phrase; the longest run of those words that reads as one speaker is the speaker
        words_ = vp.split()
        for k in range(len(words_), 0, -1):
            ref = _read_whole(f"{spk} {' '.join(words_[:k])}", None)
            if ref is not None:
                vp = " ".join(words_[k:])
                break
    if ref is None:
        ref = _read_whole(spk, app)
    named = _FULL_NAME(app.strip(" ,")) if ref is None and app else None
    if app and named is not None and named.end() == len(app.strip(" ,")) and len(named.group(0).split()) >= 2:
        # "El presidente del club, Honorio Castañeda, en X:": the name set off after the office
        ref = Speaker(Kind.NAME, m.group("spk") + app, name=named.group(0), role=m.group("spk"))
    if ref is None or (ref.kind == Kind.PRONOUN and not vp) or _platform_not_first(ref, ""):
        return None
    if ref.kind in (Kind.DESCRIPTION, Kind.ANONYMOUS) and not (
        ref.crowd or ref.body or passages.is_role(ref.head or "")
    ):
        return None  # "The reaction on X:": no one
    return scan.found(ref, site, region=site.leadin, verb=None, at=m.group("at"), app=app)


_JOINING = frozenset(
    w.casefold() for f in ("conjunctions", "source_prepositions", "additive") for w in words(f)
)
"""Words that join a roundup's line to the one before ("And from user @x on X:")."""


_LINE_HEAD = rf"""^\s*(?:[-–—•*·>]\s*)?
    (?:\d{{1,2}}[:.h]\d{{2}}\s*(?:(?i:[ap]\.?\s?m\.?|{alternation(words("hour_words"))})(?![\w’'\-]))?\s*[-–—|:]?\s*)?"""
_LINE_START = P.compiled(_LINE_HEAD + "$")
"""What may stand before a line's speaker: a bullet, a time ("9:41 p.m. —", "18.05 Uhr –")."""


_LINE_PREFIX = P.compiled(_LINE_HEAD)


def _words_before(text: str) -> bool:
    """Whether words of the sentence stand before its speaker: a time, a bullet or a short phrase
    set off by a comma ("Late on Saturday night,") are none."""
    line = _LINE_START.match(text)
    if line is not None:
        return False
    text = _LINE_PREFIX.sub("", text)
    if all(w.casefold() in _JOINING for w in text.split()):
        return False  # "Auch der Landeselternrat …", "And from user …"
    return not (text.rstrip().endswith(",") and len(text.split()) <= 6)


_VP_STOP = P.compiled(
    rf"(?<![\w’'\-])(?i:{alternation((*words('complementizers'), *words('relative_pronouns')))})(?![\w’'\-])"
)
"""A clause in the verb phrase ("said that …", "who was on X"): the platform is no longer the speaker's."""


_VERB_IN = _match(rf"(?<![\w’'\-])(?:{P.LISTED_VERB})(?![\w’'\-])")


_PREP_END = _match(P.PREP_BEFORE)


_LEAD_INVERTED = _match(
    rf"""(?:^|(?<=[\s,;(]))
    (?P<front>[^:“”"„«»]{{0,80}}?\s)??
    (?P<verb>{P.LISTED_VERB})\s+
    (?P<rest>[^:“”"„«»]{{1,120}}?)
    \s*:\s*$"""
)


_AUX_INVERTED = _match(
    rf"""(?:^|(?<=[\s,;(]))(?i:{alternation(words("auxiliaries", "de"))})\s+
    (?P<rest>[^:“”"„«»,]{{1,60}}?)\s+
    (?P<part>{alternation(words("participles", "de") + words("written_participles", "de"))})\s*:\s*$"""
)


def _lead_in_inverted(scan: Scanner, site: Site) -> Found | None:
    """'Dazu schrieb er: „…“', 'Auf Instagram schrieb sein Weggefährte in einem Post: "…"',
    'Wrote one fan: “…”': the verb before the speaker, a colon before the quote."""
    if not site.leadin.rstrip().endswith(":") or not site.verb_before():
        return None
    m = _LEAD_INVERTED(site.tail)
    if m is None and (aux := _AUX_INVERTED(site.tail)) is not None:
        # "Im ersten, vom März 2024, hatte der Mann geschrieben:": the auxiliary, the subject, the
        # participle last (German)
        found = read(aux.group("rest"))
        if found is None:
            return None
        if _platform_not_first(found[0], "after the verb"):
            return None
        return scan.found(found[0], site, region=site.leadin, verb=aux.group("part"))
    if m is None or not P.listed_verb(m.group("verb")):
        return None
    if _subject_before(m.group("front") or "", m.group("verb")):
        return None  # "…, Montiel agradeció el apoyo recibido:": the subject before, an object after
    if _known_set_off(scan, m.group("front") or ""):
        return None  # "Ibarra, por su parte, compartió la noticia en X:": "la noticia" is the object
    if _RELATIVE_CLAUSE(m.group("rest")):
        return None  # "tweeted a link to the lawsuit, which reads:": the document's words, no one's
    found = read(m.group("rest"))
    if found is None:
        return None
    ref, _ = found
    if ref.kind == Kind.NAME and ref.role and ref.role.split()[0].casefold() in _STOP_ROLES:
        return None
    if ref.kind == Kind.NAME and ref.role and set(ref.role.casefold().split()) & _PREPOSITION_WORDS:
        return None  # "propuso organizar autobuses a Torrecilla:": a preposition's object, no speaker
    if _platform_not_first(ref, "after the verb"):
        return None  # "took to Twitter to say:": the platform, not a speaker
    found_ = scan.found(ref, site, region=site.leadin, verb=m.group("verb"))
    if found_.platform is None and set(site.tail.casefold().split()) & P.ADDITIVE:
        # "Wenig später meldete sich auch die Feuerwehr:": one more where the others posted
        found_ = replace(found_, platform="additive")
    return found_


_GERMAN_VERBS = frozenset(
    v.casefold()
    for f in ("speech_verbs", "writing_verbs", "posting_verbs", "continuing_verbs")
    for v in words(f, "de")
)


def _subject_before(front: str, verb: str) -> bool:
    """Whether a name stands right before the verb as its subject ("Montiel agradeció el apoyo"):
    then the words after the verb are its object, not an inverted speaker. Not in German, where
    any capitalised noun may stand before the verb ("Im Interview sagte er")."""
    tokens = front.split()
    if not tokens:
        return False  # "Wrote one fan:" has nothing before the verb
    if verb.split()[0].casefold() in _GERMAN_VERBS:
        # "Sie teilte Chantals Story:": a pronoun opening the sentence is its subject; any
        # other word may stand first in German ("Im Interview sagte er")
        return len(tokens) == 1 and tokens[0].casefold() in P.PRONOUNS
    word = tokens[-1]
    if word.casefold() in P.PRONOUNS and word.casefold() not in _PRONOUN_ARTICLES:
        return True  # "She captioned the clip:": the pronoun is the subject, "the clip" the object
    if _description_before_verb(front.strip()):
        return True  # "The studio confirmed the layoffs on Bluesky:": "the layoffs" are no speaker
    if len(tokens) < 2:
        return False  # a sentence's first word before the verb ("Then wrote one fan:")
    name = word[:-1]
    if (
        word.endswith(",")
        and name[:1].isupper()
        and name.isalpha()
        and fold_key(name) not in NOT_NAMES
        and any(t.endswith(",") for t in tokens[-5:-1])
    ):
        return True  # "The mayor, Tom Reyes, thanked the volunteers on X, adding:": set off, the subject
    return (
        word[:1].isupper()
        and word[-1:].isalpha()  # right before the verb, no comma between
        and fold_key(word) not in NOT_NAMES
        and word.casefold() not in vocab.PLATFORM_NAMES
    )


_PRONOUN_ARTICLES = frozenset(w.casefold() for f in ("definite", "indefinite") for w in words(f))
"""Articles that are pronouns too ("il", "la"): before a verb, not the subject alone."""


def _description_before_verb(front: str) -> bool:
    """Whether the words before the verb are one description of someone, the whole of them ("The
    studio", "La artista", "One fan"): the verb's subject. English puts no noun before a verb it
    inverts; Spanish and its kin may ("El lunes escribió el club:"), so there the description's
    noun must name people ("La artista compartió el mensaje:")."""
    found = read(front)
    if found is None or found[1] < len(front) or found[0].kind not in (Kind.DESCRIPTION, Kind.ANONYMOUS):
        return False
    ref = found[0]
    if front.split()[0].casefold() in _ENGLISH_DETERMINERS:
        return True
    head = (ref.head or "").casefold()
    return ref.relational or ref.body or ref.crowd or head in P.ROLE_NOUNS or is_title_word(head)


_ENGLISH_DETERMINERS = frozenset(
    w.casefold() for f in ("definite", "indefinite", "demonstratives", "possessives") for w in words(f, "en")
)
_STOP_ROLES = frozenset(w.casefold() for w in words("function_words"))
_RELATIVE_CLAUSE = _match(
    rf""",\s*(?:{_RELATIVE_WORDS})\s+{P.ADV}      # , which / , das / , que
    (?:{_POST_VERBS}|{P.LISTED_VERB})(?![\w’'\-])   # reads, lautet, dice"""
)
"""A relative clause after the verb's object (", which reads", ", die lautet", ", que dice"): the
words are the object's (a document, a link), not a speaker's."""

_WHO = tuple(
    w
    for w in (*words("relative_pronouns"), *words("complementizers"))
    if w not in words("possessive_relatives")
)
"""The relative pronouns that can be a verb's subject ("who tweeted", not "whose tweets")."""
_LEAD_WHO = _match(
    rf"""(?P<spk>{P.NAME_RUN}){P.APPOSITIVE}?,\s+
    (?:{alternation(_WHO)})\s+{P.ADV}
    (?P<verb>{P.VERB})(?P<post>\s[^:“”"„«»]{{0,80}}?)?\s*[:,]\s*$"""
)


def _lead_who(scan: Scanner, site: Site) -> Found | None:
    """'… his producer Nigel Godrich, who tweeted, “…”'."""
    if "," not in site.tail or not site.verb_before():
        return None
    m = _LEAD_WHO(site.tail)
    if m is None:
        return None
    found = read(m.group("spk"))
    if found is None:
        return None
    ref = found[0]
    if ref.kind == Kind.ANONYMOUS and (h := handle_in(site.tail[m.end("spk") :])) is not None:
        ref = replace(ref, kind=Kind.HANDLE, handle=h)  # "Another, who posts as u/plainsdrifter,"
    return scan.found(ref, site, region=site.tail[m.start("verb") :], verb=m.group("verb"))


_CAPTION_NOUNS = alternation(words("caption_nouns"))
_REPORTED_POST = P.lazy(rf"\s*(?:{_COMPLEMENTIZERS}|{alternation(words('topic_before'))})\s")
"""What follows the verb says the quote is reported, or a topic ("tweeted that", "posted about")."""

_CAPTIONED = _match(
    rf"""(?:^|(?<=[\s,;(]))
    {P.PRE}(?P<spk>{P.SPEAKER}){P.APPOSITIVE}?\s+{P.ADV}
    (?P<verb>{P.VERB})(?P<post>\s[^:“”"„«»]{{0,80}}?)?
    \s+(?:{alternation((*words("with_words"), *words("conjunctions")))})\s+(?:{_DETS})\s+
    (?:{_CAPTION_NOUNS})\s*[:,]?\s*$"""
)


def _captioned(scan: Scanner, site: Site) -> Found | None:
    """'Reyes shared a photo with the caption “…”'."""
    if not _CAPTION_WORD.search(site.tail):
        return None
    m = _CAPTIONED(site.tail)
    if m is None:
        return None
    return _found_in_tail(scan, site, m)


_ACCOMPANY = P.lazy(rf"(?<![\w’'\-])(?:[lL]['’])?(?i:{alternation(words('accompany_verbs'))})(?![\w’'\-])")
_OWNED_BY_NAME = P.compiled(
    rf"""(?:\s(?i:{_SOURCE})\s+(?P<of>{P.NAME_RUN})         # la publicación de Lucas Herrera
      | (?P<own>{P.NAME_RUN})(?:[’']s|(?<=s)[’'])\s     # Herrera's photo
      | (?<![\w’'\-])(?P<his>{_HIS})\s)"""
)
"""Whose the thing accompanied is: a name after "of"/"de", a name's possessive, "his"/"her"."""


def _accompanying(scan: Scanner, site: Site) -> Found | None:
    """'Ferri shared a photo on Instagram. Only one line accompanied it: “…”', 'El texto que
    acompañaba la publicación de Instagram de Lucas Herrera era breve: «…»', 'Un seul mot
    l'accompagnait :': the words that go with a photo or a post are its caption, the poster's
    (the owner named in the lead-in, else the subject of the sentence before, which posted)."""
    lead = site.leadin
    if site.carried or site.lead_sentence is not site.sentence or not lead.rstrip().endswith(":"):
        return None
    m = _ACCOMPANY.search(lead)
    if m is None:
        return None
    region = E.clean(lead)
    if E.not_social(region):
        return None
    owner: Person | None = None
    for o in _OWNED_BY_NAME.finditer(lead, m.end()):
        if o.group("his"):
            owner = scan.pronoun(o.group("his"))
        else:
            run = o.group("of") or o.group("own")
            if fold_key(run.split()[0]) not in NOT_NAMES or len(run.split()) >= 2:
                owner = scan.cast.mention(run, subject=False)
        if owner is not None:
            break
    cue = E.social(region)
    if cue is not None and not cue.bare:
        return Found(owner or site.lead_sentence.subject, region=region)
    before = scan.sentence_before(site.sentence)
    posted = _posted_there(before) if before is not None else None
    if posted is None:
        return None
    return Found(owner or posted.speaker, evidence=posted.evidence, platform=posted.platform)


def _found_in_tail(scan: Scanner, site: Site, m: re.Match[str]) -> Found | None:
    """The speaker a lead-in pattern matched in the sentence's tail, read whole, with its verb."""
    ref = _read_whole(m.group("spk"), m.group("app"))
    if ref is None:
        return None
    region = site.tail[m.start() :]
    return scan.found(ref, site, region=region, verb=m.group("verb"), app=m.group("app"), pre=m.group("pre"))


_CAPTION_WORD = P.lazy(_CAPTION_NOUNS, re.IGNORECASE)

_IN_PART = _match(
    rf"""(?:^|(?<=[\s,;(]))
    {P.PRE}(?P<spk>{P.SPEAKER}){P.APPOSITIVE}?\s+{P.ADV}
    (?P<verb>{P.VERB})(?P<post>\s[^:“”"„«»]{{0,80}}?)?
    \s+(?:{_COMPLEMENTIZERS})\s*$"""
)


def _in_part(scan: Scanner, site: Site) -> Found | None:
    """'Reyes tweeted after the session that “his empty chair showed … Sad!”': a post quoted in
    part as the rest of the sentence (a long quote, and the lead-in says where it was posted)."""
    if len(site.quote.text.split()) < _IN_PART_WORDS or not _SENTENCE_REST.match(site.after):
        return None
    if not _ENDS_WITH_THAT.search(site.tail) or not site.verb_before():
        return None
    m = _IN_PART(site.tail)
    if m is None or E.social(E.clean(site.leadin)) is None:
        return None
    return _found_in_tail(scan, site, m)


_ENDS_WITH_THAT = P.lazy(rf"(?<![\w’'])(?:{_COMPLEMENTIZERS})\s*$")

_CONJOINED = _match(rf"""(?:\b(?:{_AND})(?:\s+(?:{_THEN}))?|,)\s+{P.ADV}(?P<verb>{P.VERB})\s*[:,]?\s*$""")
_NAME_BEFORE_COMMA = P.compiled(rf",\s+(?P<run>{P.NAME_RUN}),$")
_HANDLE_BEFORE_COMMA = re.compile(rf",\s+@(?P<h>{P.HANDLE[1:]}),$")


def _conjoined(scan: Scanner, site: Site) -> Found | None:
    """'Reyes, in a tweet, praised the crews and said “…”'; 'His spokeswoman, Lena Park,
    tweeted: “…”' (the name set off before the verb speaks)."""
    subject = site.lead_sentence.subject
    if subject is None or not site.quote.text[:1].isupper() or not site.verb_before():
        return None
    m = _CONJOINED(site.tail)
    if m is None:
        return None
    named = _NAME_BEFORE_COMMA.search(site.tail, 0, m.start() + 1)
    handle = _HANDLE_BEFORE_COMMA.search(site.tail, 0, m.start() + 1)
    if handle is not None and m.group(0).lstrip().startswith(",") and subject.handle is None:
        subject.handle = handle.group("h")  # "The city’s account, @cityworks, tweeted:"
    if named is not None and m.group(0).lstrip().startswith(","):
        person = scan.cast.mention(named.group("run"))
        if person is not None:
            subject = site.lead_sentence.subject = person
            before = site.tail[: named.start()].split()
            if before and person.role is None and passages.is_role(before[-1]):
                person.role = before[-1]  # "His spokeswoman, Lena Park, tweeted"
    return Found(subject, region=E.clean(site.leadin), verb=m.group("verb"))


_VERB_ALONE_BEFORE = _match(
    rf"""^\s*(?:(?i:{_CONJUNCTIONS})\s+){{0,2}}(?:[^,:;“”«»"]{{1,60}},\s+){{0,2}}
    (?:(?i:{alternation(words("prepositions", "es", "it", "pt"))})\s+(?:[\wÀ-ÿ’'\-]+\s+){{1,7}}?,?\s*)?
                                                       # En otra historia agregó:
    (?:(?i:{alternation(words("later_words", "es", "it", "pt"))})\s+)?{P.ADV}   # Poco después agregó:
    (?i:{alternation((*P.PRO_DROP, *words("participles", "es", "it", "pt")))})
    (?:,?\s+[a-zà-öø-ÿ]+){{0,6}}\s*:\s*$"""  # agregó, en la misma red social:
)
"""A lead-in that is a verb without its subject ('E ha aggiunto:', 'Luego escribió:'; Spanish,
Italian and Portuguese leave it out)."""


def _lead_colon(scan: Scanner, site: Site) -> Found | None:
    """'They followed up minutes later: “…”', 'Im späteren Verlauf konnte er sich nicht
    verkneifen: „…“': a sentence ending in a colon introduces its subject's words; a post only
    where the subject is said to be posting (the context) or the lead-in says so itself."""
    if not site.leadin.rstrip().endswith(":"):
        return None
    subject = site.lead_sentence.subject or scan.dropped_subject(site.lead_sentence)
    if subject is None and _VERB_ALONE_BEFORE(site.leadin):
        before = scan.before.subject if scan.before is not None else None
        subject = before or scan.cast.latest()  # 'E ha aggiunto: «…»': as '«…», ha aggiunto.'
    if subject is None:
        return None
    region = E.clean(site.leadin)  # "read the governor’s tweet aloud:" is not the subject's
    if E.not_social(region):
        return None  # "… told Recode editor Kara Swisher that he thought …:"
    if (clause := _RELATIVE_CLAUSE(site.leadin)) is not None and not _SET_OFF_END(site.leadin, clause.end()):
        # "… tweeted a link to the ruling, which reads:": the ruling's words; but a clause set off
        # in the middle is about the subject ("Dr. Lena Ortiz, who posts as @lortiz, was first to react:")
        return None
    additive = bool(set(region.casefold().split()) & P.ADDITIVE)
    ref = None
    if not subject.named:  # "Another was less kind:": one more of the crowd that posted
        found = read(site.lead_sentence.outside.lstrip())
        ref = found[0] if found is not None and found[0].crowd else None
    if (
        ref is None
        and subject.handle
        and f"@{subject.handle}".casefold() in site.lead_sentence.outside.casefold()
    ):
        # "@NWSTallahassee followed with a warning:": an account introduces its own words
        ref = Speaker(Kind.HANDLE, f"@{subject.handle}", handle=subject.handle)
    return Found(subject, region=region, verb=None, ref=ref, platform="additive" if additive else None)


# ---------------------------------------------------------------- no attribution of its own


def _set_off(scan: Scanner, site: Site) -> Found | None:
    """The next paragraph of a <blockquote> whose first was attributed: the same post."""
    prev = scan.last_set_off
    if site.quote.opener or prev is None or prev.sentence.paragraph != site.sentence.paragraph - 1:
        return None
    return Found(prev.speaker, continues=prev)


def _series(scan: Scanner, site: Site) -> Found | None:
    """A paragraph that is one quote, right after "Reyes sent a flurry of tweets on Monday" (or
    after another such quote): the next of those posts."""
    owner = scan.series_owner(site.sentence.paragraph)
    if owner is None or site.quote.start != 0 or not _SENTENCE_REST.match(site.sentence.text, site.quote.end):
        return None
    scan.series_paragraph = (site.sentence.paragraph, owner)
    return Found(owner, region="", evidence="series")


def _named_before(scan: Scanner, site: Site) -> Found | None:
    """A sentence that is only a quote, after a sentence that names the post ('Sein letztes
    Instagram-Posting ist vom Oktober. „…“') or says its subject posts, when the quote holds an
    @mention or a #hashtag ('Trump, known for tweeting at any hour. “On behalf of @FLOTUS …”')."""
    before = scan.sentence_before(site.sentence)
    s = site.sentence
    if before is None or site.quote.start > s.start + 1 or site.leadin.strip():
        return None
    rest = site.after.strip(" .")
    if (
        rest
        and not (site.quote.text[-1:] in ".!?" and _NEXT_SENTENCE.match(site.after))
        and not rest.startswith(("–", "—", "-"))
    ):
        return None
    named = scan.post_named(before)
    tail = s.text[site.quote.end :].strip()
    if named is not None and (not tail or tail.startswith(("–", "—", "-", ","))):
        owner, cue = named
        return Found(owner, region="", evidence=f"passage '{cue.words}'", platform=cue.platform)
    if _NEXT_IN_SERIES(before.outside) is not None and before.subject is not None:
        last = scan.candidates[-1] if scan.candidates else None
        if last is not None and last.speaker is before.subject and last.evidence and not last.not_social:
            # "She continued in a second post: “…” In a third, she addressed the critics. “…”":
            # the next of the posts she was just quoted from
            return Found(before.subject, region="", evidence=last.evidence[0], platform=last.platform)
    if _QUESTION_LEAD(before.outside) is not None and before.subject is not None:
        # "Her caption? “…”", "Seine Antwort auf X? „…“": a question the quote answers, as a colon
        return Found(before.subject, region=E.clean(before.outside))
    said = E.social(E.clean(before.outside))
    if said is None:
        return None
    if not _AT_OR_TAG.search(site.quote.text) and not (
        before.subject is not None and _ON_A_PLATFORM.fullmatch(said.words)
    ):
        # "known for tweeting at all hours" tells a habit, not this post; "Lena Osei has declared
        # victory on X." tells what its subject did there, and the quote after it is the post
        return None
    poster = before.subject or scan.named_before(before, said)
    if poster is None:
        return None
    return Found(poster, region="", evidence=f"passage '{said.words}'", platform=said.platform)


_NEXT_IN_SERIES = _match(
    rf"""^\s*(?i:{_IN})\s+(?i:{_DETS})\s+(?i:{alternation(words("series_positions"))})
    (?:\s+(?:{_POST_NOUNS}))?\s*,"""
)
"""A sentence opening on the next of someone's posts, its noun maybe left out ("In a third,",
"In another post,", "En otro,")."""
_QUESTION_LEAD = _match(rf"^\s*(?:{_HIS})\s+(?:[\w’'\-]+\s+){{0,4}}?[\w’'\-]+\s*\?\s*$")
"""A short question opening on a possessive ("Her caption?", "Su respuesta en X?"), the quote after
it the answer."""
_ON_A_PLATFORM = P.compiled(
    rf"(?i:{alternation(words('platform_prepositions'))})\s+(?:(?i:{alternation(words('platform_fillers'))})\s+)*"
    rf"(?:{P.PLATFORM})"
)
"""A platform phrase of a preposition and the platform's name ("on X", "auf Instagram")."""


_WHOLE_SENTENCE_IN = re.compile(r"[.!?]\s+[\"“„«]?[A-ZÀ-ÖØ-Þ][^\s.!?]*(?:\s+[^\s.!?]+){2}")
"""A whole sentence after the first stop of a quote (a capital after it, then words)."""


def _indirect(scan: Scanner, site: Site) -> Found | None:
    """'He apologized on Twitter explaining the post “was meant to be funny.” He added: “…”': a
    fragment in indirect speech whose sentence says its subject posted; kept only when the same
    speaker's words follow ("he added"), the post then starting at the fragment."""
    s = site.sentence
    if s.subject is None or s.cue is None or s.cue.start > site.quote.start - s.start:
        return None
    if len(site.quote.text.split()) < 3:
        return None  # a word or two: a term, a name
    if site.quote.text[:1].isupper() and site.leadin.rstrip().endswith((":", ",")):
        return None
    # whole sentences inside the quote after the fragment ('wrote on Facebook that "customers may
    # notice cloudy water. This is air in the lines."'): the post itself goes on, nothing more needed
    whole = _WHOLE_SENTENCE_IN.search(site.quote.text) is not None or E.names_its_text(site.leadin)
    return Found(
        s.subject, region="", evidence=f"passage '{s.cue.words}'", platform=s.cue.platform, pending=not whole
    )


# ---------------------------------------------------------------- the registry

_AFTER_RULES = frozenset(
    ("after-post", "after-speaker-verb", "after-verb-speaker", "after-verb-alone", "after-platform")
)


def _rule(
    name: str,
    region: Region,
    reads: str,
    speaker: str,
    evidence: str,
    find: Callable[[Scanner, Site], Found | None],
) -> Rule:
    return Rule(name, region, reads, speaker, evidence, find)


RULES: tuple[Rule, ...] = (
    _rule(
        "translation",
        Region.GAP,
        '"X" (Deutsch: „Y“)  /  "X" ("Y")',
        "none",
        "none: the quote before's translation",
        _translation,
    ),
    _rule(
        "fragment",
        Region.BEFORE,
        "an article, a possessive or a preposition right before the quote: "
        'through the "account run by his family"',
        "none",
        "none: no post",
        _fragment,
    ),
    _rule(
        "continued",
        Region.GAP,
        '"X," he said. "Y."  /  "A;" and, "B."',
        "the speaker of the quote before",
        "the quote before's",
        _continued,
    ),
    _rule(
        "after-post",
        Region.AFTER,
        '"X," the tweet said / the caption on that photo said / hieß es in dem Post',
        "whoever was just said to post, or the possessive",
        "the post noun, the poster's context",
        _after_post,
    ),
    _rule(
        "after-speaker-verb",
        Region.AFTER,
        '"X," NAME|he|the singer|one fan VERB ...',
        "the phrase before the verb",
        "the verb or platform phrase after the quote",
        _after_speaker_verb,
    ),
    _rule(
        "after-verb-speaker",
        Region.AFTER,
        '"X," VERB NAME|she|la ministra|jemand ...',
        "the phrase after the verb",
        "the verb or platform phrase after the quote",
        _after_verb_speaker,
    ),
    _rule(
        "after-verb-alone",
        Region.AFTER,
        "«X», escribió en X  (a language that drops the subject)",
        "the sentence's subject, else the latest",
        "the platform phrase after the verb",
        _after_verb_alone,
    ),
    _rule(
        "after-platform",
        Region.AFTER,
        '"X" — NAME (@handle) on X  /  "X" - @handle on Threads  /  «X» (NAME, en X)',
        "the name or handle after the dash",
        "the platform phrase",
        _after_platform,
    ),
    _rule(
        "lead-post",
        Region.BEFORE,
        'The post read: "X" / In dem Post hieß es: „X“',
        "whoever was just said to post, or the possessive",
        "the post noun, the poster's context",
        _lead_post,
    ),
    _rule(
        "post-subject",
        Region.BEFORE,
        'The post was taken down, but it read in part, "X" / The post was deleted. It read: "X"',
        "whoever was just said to post, or the possessive",
        "the post noun, the poster's context",
        _post_subject,
    ),
    _rule("possessed", Region.BEFORE, 'NAME\'s tweet read: "X"', "the owner", "the post noun", _possessed),
    _rule(
        "captioned",
        Region.BEFORE,
        'NAME shared a photo with the caption "X"',
        "the phrase before the verb",
        "the platform phrase",
        _captioned,
    ),
    _rule(
        "accompanying",
        Region.BEFORE,
        'Only one line accompanied it: "X"  /  El texto que acompañaba la publicación de NAME era breve: «X»',
        "the owner named, else the subject of the sentence before",
        "the platform phrase, else the sentence before's",
        _accompanying,
    ),
    _rule(
        "in-part",
        Region.BEFORE,
        'NAME tweeted that "X ..." (a long quote ending the sentence)',
        "the phrase before the verb",
        "the platform phrase",
        _in_part,
    ),
    _rule(
        "lead-in-who",
        Region.BEFORE,
        'NAME, who tweeted, "X"',
        "the name before the relative pronoun",
        "the verb",
        _lead_who,
    ),
    _rule(
        "lead-in-inverted",
        Region.BEFORE,
        'Dazu schrieb er: „X“ / Wrote one fan: "X"',
        "the phrase after the verb",
        "the verb or platform phrase before the quote",
        _lead_in_inverted,
    ),
    _rule(
        "conjoined",
        Region.BEFORE,
        'NAME, in a tweet, praised X and said: "Y"',
        "the sentence's subject",
        "a platform phrase in the sentence",
        _conjoined,
    ),
    _rule(
        "lead-in",
        Region.BEFORE,
        'NAME|he VERB (on X): "X"',
        "the phrase before the verb",
        "the verb or platform phrase before the quote",
        _lead_in,
    ),
    _rule(
        "lead-platform",
        Region.BEFORE,
        'NAME (@handle) on X: "X"  /  NAME, en X: «X»',
        "the phrase before the platform",
        "the platform phrase",
        _lead_platform,
    ),
    _rule(
        "lead-colon",
        Region.BEFORE,
        'They followed up minutes later: "X"',
        "the sentence's subject",
        "the subject's context (or the lead-in's own platform phrase)",
        _lead_colon,
    ),
    _rule(
        "set-off",
        Region.CONTEXT,
        "a <blockquote> paragraph after an attributed one",
        "the speaker of the paragraph before",
        "the paragraph before's",
        _set_off,
    ),
    _rule(
        "series",
        Region.CONTEXT,
        'a paragraph that is one quote after "NAME sent a series of tweets"',
        "the subject of that passage",
        "the passage",
        _series,
    ),
    _rule(
        "named-before",
        Region.CONTEXT,
        'His last Instagram post is from May. "X"',
        "the post's owner (the possessive, the subject)",
        "the sentence before",
        _named_before,
    ),
    _rule(
        "indirect",
        Region.BEFORE,
        'NAME wrote on X that it "was a joke." He added: "Y"',
        "the sentence's subject",
        "the sentence's platform phrase, once the speaker goes on",
        _indirect,
    ),
)
"""The rules, in the order they are tried."""


def rule(name: str) -> Rule:
    """The rule registered under ``name``."""
    for r in RULES:
        if r.name == name:
            return r
    raise KeyError(name)
