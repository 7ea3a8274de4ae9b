"""Quotes in running prose, who said them, and whether they are social posts.

Attribution patterns (each has a fixture under ``fixtures/prose/``)::

    "X," NAME VERB.          "X," VERB NAME.          NAME VERB: "X"
    "X," he VERB.            "X," he said. "Y."       NAME VERB: "A;" and, "B."

A quote is a post only with social evidence: a platform verb or phrase in its attribution
("tweeted", "wrote on Facebook", "in a tweet"), a passage saying the speaker's posts are being
quoted ("sent out a series of tweets", "his feed continued with tweets", "wrote on Twitter he ..."),
or a caption marker beside it ("Name (Twitter)"). Quotes without a speaker (scare quotes, headline
fragments) never are; quotes with a speaker but no social evidence only with ``all_quotes``.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import NamedTuple

from . import captions, dates, vocab
from .model import Author, Paragraph, Post
from .people import NOT_NAMES, TITLE_WORDS, Cast, Person, fold_key, name_gender, split_title
from .quotes import Quote, find_quotes, sentences

# ---------------------------------------------------------------- word lists

# Verbs that introduce or follow a quotation in English news writing. The first group names a
# platform by itself; the rest are ordinary reporting verbs (AP/Reuters usage).
SOCIAL_VERBS = (
    "tweeted", "tweets", "retweeted", "skeeted", "tooted",
    # German, Spanish, French, Italian, Portuguese: the verbs their newsrooms use for posting a tweet
    "twitterte", "twitterten", "tweetete", "tuiteó", "tuitearon", "a tweeté", "a twitté", "ha twittato",
    "twittò", "tuitou",
)  # fmt: skip
SPEECH_VERBS = (
    "said",
    "says",
    "wrote",
    "writes",
    "posted",
    "posts",
    "added",
    "adds",
    "pointed out",
    "points out",
    "noted",
    "notes",
    "continued",
    "continues",
    "explained",
    "stated",
    "argued",
    "claimed",
    "asked",
    "replied",
    "responded",
    "declared",
    "announced",
    "insisted",
    "remarked",
    "commented",
    "warned",
    "shared",
    "quipped",
    "joked",
    "told",
    "tells",
    "cautioned",
    "urged",
    "observed",
    "concluded",
    "mused",
    "vowed",
    "boasted",
    "complained",
    "lamented",
    "admitted",
    "acknowledged",
    "suggested",
    "proclaimed",
    "fired back",
    "shot back",
    "chimed in",
    "weighed in",
    "retorted",
    "blasted",
    "slammed",
    "praised",
    "thanked",
    "recalled",
    "predicted",
    "countered",
    "conceded",
    "exclaimed",
    "wondered",
    "demanded",
    "charged",
    "alleged",
    "raged",
    "ranted",
    "snapped",
    "scoffed",
    "teased",
    "hinted",
    "pleaded",
    "promised",
    "reiterated",
    "emphasized",
    "stressed",
    "affirmed",
    "maintained",
    "contended",
    "asserted",
    "congratulated",
    "replied",
    "wrote back",
    "posted back",
    "messaged",
    "captioned",
    # "took to Instagram to say:", "took to X on Monday, writing:", "went on Twitter to say:"
    "took to",
    "turned to",
    "went on",
    # the same reporting verbs in German, Spanish, French, Italian and Portuguese news
    "sagte",
    "schrieb",
    "erklärte",
    "postete",
    "teilte mit",
    "dijo",
    "escribió",
    "publicó",
    "afirmó",
    "a déclaré",
    "a écrit",
    "a publié",
    "a dit",
    "ha scritto",
    "ha detto",
    "disse",
    "escreveu",
    "publicou",
)
_POST_VERBS = ("read", "reads")
"""What a post does in "Reyes’s tweet read:" (:data:`_POSSESSED`); not a speaker's verb ("Reyes read
the governor's tweet aloud" quotes the governor)."""
_VERBS = "|".join(sorted({re.escape(v) for v in SOCIAL_VERBS + SPEECH_VERBS}, key=lambda v: (-len(v), v)))
# Adverbs and auxiliaries that may stand between speaker and verb ("he also tweeted", "Reyes then said").
_ADV = (
    r"(?:(?:also|then|later|again|further|quickly|simply|soon|once|just|finally|previously|earlier|"
    r"initially|recently|subsequently|separately|additionally|even|had|has|have|would|was|later|"
    r"immediately|angrily|sarcastically|bluntly|defiantly|publicly)\s+){0,2}"
)
# Nouns that name an organisation or an office when a speaker is "the embassy", "the senator".
ORG_NOUNS = (
    "embassy",
    "ministry",
    "department",
    "agency",
    "company",
    "group",
    "team",
    "club",
    "campaign",
    "party",
    "account",
    "office",
    "police",
    "army",
    "military",
    "government",
    "council",
    "committee",
    "organization",
    "organisation",
    "foundation",
    "union",
    "network",
    "newspaper",
    "station",
    "president",
    "senator",
    "governor",
    "mayor",
    "minister",
    "spokesman",
    "spokeswoman",
    "official",
    "congressman",
    "congresswoman",
    "lawmaker",
    "star",
    "singer",
    "actor",
    "actress",
    "rapper",
    "player",
)
_ORG = "|".join(ORG_NOUNS)
_ORG_NOUN_SET = frozenset(ORG_NOUNS)
_BODIES = frozenset(
    "embassy ministry department agency company group team club campaign party office police army"
    " military government council committee organization organisation foundation union network"
    " newspaper station".split()
)
"""The organisation nouns of :data:`ORG_NOUNS` (the rest name a person: "the senator")."""
_UP = r"A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"(?:[{_UP}][\w’'\-]*\.?|[{_UP}]\.|[’'][{_UP}][\w’'\-]*)"
_NAME_RUN = (
    rf"{_NAME_WORD}(?:\s+(?:(?:de|del|van|von|der|den|al|bin|da|di|du|la|le|ibn)\s+)?{_NAME_WORD}){{0,6}}"
)
# The same run for _SUBJECT and _NAME_BEFORE_VERB, whose every continuation after a name word wants
# white space, a comma or (after the word's letters) its full stop next: giving back letters or the
# full stop of a word can never lead to a match there, so those quantifiers are possessive and the
# engine does not try each shorter form of every capitalised word. (So is _SUBJECT's appositive, whose
# characters are no commas and must be followed by one.) Same matches, a third faster.
_NAME_WORD_ONCE = rf"(?:[{_UP}][\w’'\-]*+\.?+|[{_UP}]\.|[’'][{_UP}][\w’'\-]*+)"
_NAME_RUN_ONCE = _NAME_RUN.replace(_NAME_WORD, _NAME_WORD_ONCE)
_PRONOUNS = r"(?:he|she|they|He|She|They)"
_SPK = (
    rf"(?P<spk>{_PRONOUNS}(?!\w)|{_NAME_RUN}|(?:the|The)\s+(?:[\w’'\-]+\s+){{0,3}}?(?P<head>{_ORG}))"
    r"(?:\s*\(\s*@(?P<at>[A-Za-z0-9_.]{1,30})\s*\))?"  # "Ann Reyes (@annreyes) tweeted"
)

# The attribution patterns, as text: compiled on first use by :func:`_attribution`.
# An appositive after the speaker, in one or two parts ("Ann Reyes, 42, a nurse from Ohio, tweeted").
_APP = r"(?P<app>\s*,[^,“”\"]{1,120},(?:[^,“”\"]{1,120},)?)?"
# Up to five words, the speaker, an appositive, adverbs: what comes before a lead-in's verb.
_SPEAKER_FIRST = rf"(?:^|(?<=[\s,;(]))(?P<pre>(?:[\w’'.&\-]+\s+){{0,5}}?){_SPK}{_APP}\s+{_ADV}"
# "X," NAME VERB ... / "X," he VERB ...
_AFTER = (
    rf"^\s*[,;:—–-]?\s*(?P<pre>(?:[\w’'.&\-]+\s+){{0,5}}?){_SPK}{_APP}\s+{_ADV}"
    rf"(?P<verb>{_VERBS})(?!\w)"
)
# "X," VERB NAME ...
_AFTER_INV = rf"^\s*[,;:—–-]?\s*{_ADV}(?P<verb>{_VERBS})\s+(?P<pre>(?:[a-z][\w’'.&\-]*\s+){{0,5}}?){_SPK}"
# NAME VERB: "X" / He also tweeted: "X"
_LEADIN = rf"{_SPEAKER_FIRST}(?P<verb>{_VERBS})(?:(?P<post>\s[^:“”\"]{{0,80}}?)?\s*[:,]|\s*)\s*$"
# The sentence's subject did something else first: "Herbert, in a tweet, praised Romney and said: ..."
_CONJOINED = rf"\b(?:and|then|before|,)\s+{_ADV}(?P<verb>{_VERBS})\s*[:,]?\s*$"
# A post quoted in part as the rest of the sentence: 'Reyes tweeted after the session that “his
# empty chair showed ... Sad!”' (:meth:`_Scanner._attribute` asks for a long quote and social evidence)
_IN_PART = rf"{_SPEAKER_FIRST}(?P<verb>{_VERBS})(?P<post>\s[^:“”\"]{{0,80}}?)?\s+that\s*$"
_IN_PART_WORDS = 8
# 'Reyes’s tweet read: “...”', 'Reyes’s latest Instagram post said, “...”'
_POSSESSED = (
    rf"(?:^|(?<=[\s,;(]))(?P<spk>{_NAME_RUN}(?<=[’']s|s[’']))\s+(?:[\w’'\-]+\s+){{0,3}}?"
    r"(?P<noun>tweets?|posts?|messages?|captions?|status|updates?|stor(?:y|ies))\s+"
    r"(?P<verb>read|reads|said|says|stated)(?:\s+in\s+part)?\s*[:,]?\s*$"
)
# '“...,” the harbour master, Piet Vos, tweeted': an office, then the name beside it
_AFTER_OFFICE = (
    rf"^\s*[,;:—–-]?\s*(?:the|The)\s+(?P<pre>[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*){{0,3}}),\s+"
    rf"(?P<spk>{_NAME_RUN}),\s+{_ADV}(?P<verb>{_VERBS})(?!\w)"
)
# 'Reyes posted on X on Monday. The post read: “...”': the post of whoever was just said to post
_POST_READ = re.compile(
    r"(?:^|(?<=[\s,;(]))(?P<det>[Tt]he|[Tt]hat|[Tt]his|[Hh]er|[Hh]is|[Tt]heir)\s+(?:[\w’'\-]+\s+){0,2}?"
    r"(?:tweet|post|message|caption|status|update)\s+(?P<verb>read|reads|said|says|stated)"
    r"(?:\s+in\s+part)?\s*[:,]?\s*$"
)
# 'Reyes shared a photo with the caption “...”'
_CAPTIONED = (
    rf"{_SPEAKER_FIRST}(?P<verb>{_VERBS}|uploaded)(?P<post>\s[^:“”\"]{{0,80}}?)?"
    r"\s+(?:with|and)\s+(?:the|a)\s+caption\s*[:,]?\s*$"
)
_SENTENCE_REST = re.compile(r"\s*[.!?…]?\s*$")
_AT_OR_TAG = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{1,30}(?!\w)|(?<![\w#&])#[^\W\d_]\w*")


class _Attribution(NamedTuple):
    after: re.Pattern[str]
    after_inv: re.Pattern[str]
    leadin: re.Pattern[str]
    conjoined: re.Pattern[str]
    in_part: re.Pattern[str]
    possessed: re.Pattern[str]
    captioned: re.Pattern[str]
    after_office: re.Pattern[str]


@cache
def _attribution() -> _Attribution:
    """The attribution patterns, compiled on first use: together the costliest to compile in this
    module (about 25 ms), and only a sentence holding a quote and a reporting verb needs them, so a
    one-page run over a page without one does not pay for them."""
    return _Attribution(
        re.compile(_AFTER),
        re.compile(_AFTER_INV),
        re.compile(_LEADIN),
        re.compile(_CONJOINED),
        re.compile(_IN_PART),
        re.compile(_POSSESSED),
        re.compile(_CAPTIONED),
        re.compile(_AFTER_OFFICE),
    )


# Two quotes joined in one sentence: "A;" and, "B."
_JOINER = re.compile(r"^\s*[,;]?\s*(?:and|or|but|then|adding|before adding)?\s*,?\s*(?:that\s*)?:?\s*$")
# A relative clause says something about the speaker, not about the quote ("Khan, who has clashed
# on Twitter with Trump, said"): it gives no evidence.
_RELATIVE = re.compile(r",\s*(?:who|which|whose|whom|where)\b[^,.;]*(?:,|$)")

_P = vocab.platform_alternation()
# Social evidence in an attribution or a passage: (pattern, platform or None for "from the match").
SOCIAL_PHRASES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (
        re.compile(
            r"\b(?:re)?tweet(?:ed|s|ing|ete|eten)?\b|\btweetstorm\b|\btwitter(?:te|ten)\b|"
            r"\btuit(?:s|eó|earon|ou)?\b|\btw(?:ee|i)tt?é\b|\btwitt(?:ato|ò)\b",
            re.IGNORECASE,
        ),
        "twitter",
    ),
    (
        re.compile(
            rf"\b(?:on|to|via|auf|bei|sur|en|su|em|na|no|op)\s+(?:(?:his|her|their|its|the|an?|seinem|ihrem|son|sa)\s+)?(?:official\s+)?(?P<p>{_P})\b(?!\s+(?:CEO|founder|employees?|executives?|spokes\w+|said|has|was))"
        ),
        None,
    ),
    (
        re.compile(
            rf"\b(?P<p>{_P})\s+(?:post|posting|message|comment|update|statement|video|story|thread|feed|account|page|status)s?\b"
        ),
        None,
    ),
    (re.compile(r"\bskeet(?:ed|s)?\b", re.IGNORECASE), "bluesky"),
    (
        re.compile(r"\btoot(?:ed|s)?\b(?!\s+(?:his|her|their|its)\s+(?:own\s+)?horn)", re.IGNORECASE),
        "mastodon",
    ),
    (re.compile(r"\bon social media\b", re.IGNORECASE), "unknown"),
    # an account on a platform, in the languages above: "en su cuenta de X", "sur son compte X",
    # "auf ihrem Instagram-Account" is caught above, "na sua conta do Instagram"
    (
        re.compile(
            rf"\b(?:cuenta|perfil|compte|profil|conta|Konto|página|pagina|page)\s+(?:oficial\s+|officiel\s+)?"
            rf"(?:(?:de|en|on|auf|bei|no|na|do|da|sur|su)\s+)?(?P<p>{_P})\b"
        ),
        None,
    ),
    (
        re.compile(
            r"\b(?:en|sur|auf|in|on|nas?|nelle|sui)\s+(?:(?:sus|ses|seinen|ihren|suas|seus|"
            r"les|den|los|las|propias|suoi)\s+)?(?:redes\s+sociales|réseaux\s+sociaux|sozialen\s+(?:Medien|"
            r"Netzwerken)|redes\s+sociais|social\s+network(?:s|ing)?)\b",
            re.IGNORECASE,
        ),
        "unknown",
    ),
)
# Passages saying that what follows are the speaker's posts.
_SERIES = re.compile(
    r"\b(?:series|string|flurry|barrage|volley|stream|spate|couple|pair|slew|torrent|number|raft|round|burst|"
    r"thread)\s+of\s+(?:\w+\s+)?(?:tweets|posts|messages|updates)\b|\btweet\s?storm\b|\b(?:Twitter|X)\s+thread\b|"
    r"\b(?:feed|timeline|account)\b[^.]{0,40}\b(?:tweets|posts)\b|"
    r"\b(?:tweets|posts)\s+(?:continued|went on)\b",
    re.IGNORECASE,
)
# Attribution that says the words were not posted: they were spoken or written elsewhere.
_NOT_SOCIAL = re.compile(
    r"\btold\s+(?:reporters|journalists|a\s+news\s+conference|[A-Z][\w’']+|the\s+\w+|an?\s+\w+)|"
    r"\bin\s+an?\s+(?:interview|statement|speech|press\s+release|news\s+release|op-ed|letter|e-?mail|"
    r"memo|filing|sermon|address)\b|\bat\s+an?\s+(?:news\s+conference|press\s+conference|rally|event|"
    r"briefing|hearing|meeting|summit|ceremony|campaign\s+stop|fundraiser|dinner|conference)\b|"
    r"\bon\s+(?:CNN|Fox|MSNBC|NBC|CBS|ABC|NPR|BBC|television|TV|radio)\b|\btestified\b|\bin\s+remarks\b",
)
_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}\s*\([^)]{1,40}\)\s*[-–—]+\s*")
_SUBJECT = re.compile(
    rf"(?<![\w’'.\-])(?P<run>{_NAME_RUN_ONCE})(?P<app>\s*,[^,“”\"]{{2,160}}+,)?\s+{_ADV}(?P<verb>[a-z][\w’'-]+)"
)
_ORG_SUBJECT = re.compile(
    rf"^\s*(?:The\s+)(?P<run>(?:[{_UP}][\w’'.\-]*\s+){{0,4}}(?:{_ORG})"
    rf"(?:\s+(?:in|of|for|to)\s+(?:the\s+)?[{_UP}][\w’'.\-]*(?:\s+[{_UP}][\w’'.\-]*){{0,3}})?)\s+[a-z]"
)
_FULL_NAME = re.compile(rf"{_NAME_RUN}")
_NAMED = re.compile(rf"(?<![\w’'.\-])(?P<run>{_NAME_RUN_ONCE})")
_OF_BEFORE = re.compile(r"\bof\s+$")
_NAME_BEFORE_COMMA = re.compile(rf",\s+(?P<run>{_NAME_RUN_ONCE}),$")
_RECENT_SENTENCES = 3
_AND_NAME = re.compile(rf"\s+(?P<run>{_NAME_RUN_ONCE})\s+{_ADV}[a-z]")
# (not from inside a word or an abbreviation: "U.S. President Ann Reyes said" names no "S. President")
_NAME_BEFORE_VERB = re.compile(rf"(?<![\w’'.\-])(?P<run>{_NAME_RUN_ONCE}),?\s+{_ADV}(?P<verb>{_VERBS})(?!\w)")
# A common noun right before a name that makes it an organisation's name.
_ORG_BEFORE = re.compile(
    r"\b(?:company|firm|app|startup|start-up|maker|group|airline|bank|carrier|network|retailer|platform|"
    r"service|site|brand|agency|broadcaster|newspaper|publisher|team|club|charity|union)\s+$",
    re.IGNORECASE,
)
# Words after which a social cue is reported, not done by the subject.
_OWN_VERB = re.compile(r"\s*(?:said|says|told|tells)\s+")
_REPORTED = re.compile(r"\b(?:said|says|say|told|tells|that|believed|thinks|thought|should|would|could)\b")
_SPEAKING = re.compile(r"\b[Ss]peaking\b(?!\s+(?:on|via|over)\s+(?:Twitter|Facebook|X|Instagram|social))")
# An article, a possessive or a preposition right before a quote makes it part of the reporter's
# sentence (a name, a phrase, a title: 'through the "account run by his family"'), not a statement.
_FRAGMENT_BEFORE = re.compile(
    r"(?<![\w’'-])(?:the|an?|his|her|their|its|our|my|your|this|these|those|of|to|from|by|via|through|with|"
    r"about|for|in|on|at|as|into|like|titled|entitled|called|named|dubbed|headlined|labell?ed|"  # English
    r"el|la|los|las|una?|del?|al|por|para|con|en|sus?|"  # Spanish
    r"der|die|das|den|dem|des|eine[mnrs]?|von|mit|für|auf|zu|im|am|vom|zum|zur|"  # German
    r"le|les|l[’']|du|des|aux?|par|pour|avec|sur|sa|son|ses|"  # French
    r"os|as|um|uma|do|da|dos|das|no|na|nos|nas|pelo|pela|il|lo|gli|dei|della|per)\s*$",
    re.IGNORECASE,
)
# Words before a speaker's name that make them no title ("one on Saturday in which Reyes said",
# "Ortiz and Reyes said", "One of Reyes's tweets read", "said a user on Weibo").
_NOT_IN_ROLE = frozenset(
    "which who whom whose that in on at from by with and or but after before when while as one some"
    " another also then".split()
)
_POSSESSIVE_ENDS = ("’s", "'s", "s’", "s'")
# ... unless they begin a title the name carries on ("Health and Human Services Secretary Alex Azar").
_TITLE_START = re.compile(r"(?:[A-Z][\w’'.\-]*\s+)+(?:and|&)")
_PREP_BEFORE = re.compile(r"\b(?:to|in|of|from|for|at|with)\s*$")
_POSSESSIVE = re.compile(r"^\s*(?P<pro>His|Her|Their)\b")
_PRONOUN_SUBJECT = re.compile(r"^\s*(?P<pro>He|She|They)\b")
_CLAUSE_MARK = re.compile(r"\s*[,;:—–]")
_LOWER_NEXT = re.compile(r"\s*[a-z]")
_NEXT_SENTENCE = re.compile(rf"\s+[{_UP}]")
_LOWER = re.compile(r"[a-z]")
_ROLE_END = re.compile(r"\s+[(–—]|\s+-\s+|\s+(?:who|which|whose|whom|that)\b")
# An appositive that starts so describes the person, it names no role ("known for tweeting at night").
_NOT_A_ROLE = frozenset(
    "who which whose on in at as and but known born seen described considered regarded dubbed nicknamed"
    " widely best often long once now still himself herself themselves speaking writing talking adding"
    " according referring responding replying noting saying".split()
)
_ARTICLE = re.compile(r"^(?:an?)\s+")
_AGE = re.compile(r"^\d{1,3}\s*,")
_SPACE_RUN = re.compile(r"\s+")


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, as a trie: one branch per first letter, not one per word."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = (body if len(alts) == 1 and len(alts[0]) == 1 else f"(?:{body})") + "?"
        return body

    return emit(root)


# Where a reporting verb may stand, for the patterns that need one (_AFTER, _AFTER_INV, _LEADIN,
# _CONJOINED, _NAME_BEFORE_VERB): each wants white space or a quote's closing mark (blank in the
# sentence with quotes blanked) before the verb and no word character after it. A paragraph without
# such a place skips those patterns.
_VERB_HINT = re.compile(rf"\W(?={_trie(set(SOCIAL_VERBS + SPEECH_VERBS + _POST_VERBS))}(?!\w))")
# The words without which no social phrase (SOCIAL_PHRASES) or passage about posts (_SERIES) can
# match, lowercased; "X" stands alone among the platform names (matched case-sensitively there).
_SOCIAL_WORDS = (
    "tw", "tuit", "skeet", "toot", "social", "sozial", "sociaux", "facebook", "instagram", "threads",
    "bluesky", "mastodon", "truth", "tiktok", "linkedin", "telegram", "reddit", "weibo",
)  # fmt: skip
_SERIES_WORDS = ("tw", "posts", "messages", "updates", "thread")
_SOCIAL_WORDS_RE = re.compile("|".join(_SOCIAL_WORDS))
_SERIES_WORDS_RE = re.compile("|".join(_SERIES_WORDS))
# Characters that IGNORECASE matches to an ASCII letter but str.lower() does not turn into it
# (İ, ı ~ i; ſ ~ s): a paragraph holding one is not judged by its lowercased words.
_ODD_CASE = frozenset("\u0130\u0131\u017f")


class _Hints:
    """What a paragraph can hold at all: where reporting verbs can stand, and whether a social cue
    or a passage about posts can match anywhere in it. Each is a necessary condition of the
    patterns it guards, so skipping a pattern where its hint says no changes no result."""

    __slots__ = ("_series", "_social", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._social: bool | None = None
        self._series: bool | None = None

    def verb_in(self, start: int, end: int) -> bool:
        """Whether a reporting verb may stand in ``text[start:end]`` (with the white space or
        closing mark before it inside too, as every pattern that wants a verb has it)."""
        return _VERB_HINT.search(self._text, start, end) is not None

    def _words(self) -> None:
        text = self._text
        if _ODD_CASE.isdisjoint(text):
            low = text.lower()
            self._social = "X" in text or _SOCIAL_WORDS_RE.search(low) is not None
            self._series = _SERIES_WORDS_RE.search(low) is not None
        else:
            self._social = self._series = True

    @property
    def social(self) -> bool:
        """Whether any social phrase (:data:`SOCIAL_PHRASES`) may match in the paragraph."""
        if self._social is None:
            self._words()
        return bool(self._social)

    @property
    def series(self) -> bool:
        """Whether :data:`_SERIES` may match in the paragraph."""
        if self._series is None:
            self._words()
        return bool(self._series)


# ---------------------------------------------------------------- records


@dataclass(eq=False)
class _Context:
    """Why a speaker's later quotes are posts: a passage about their posts, or a caption."""

    kind: str  # "series" (lasts) or "single" (the next few sentences)
    platform: str
    evidence: str
    day: date | None
    until: int  # sentence index after which a "single" context lapses


@dataclass(eq=False)
class _Candidate:
    quote: Quote
    text: str
    speaker: Person
    position: int
    paragraph: int
    evidence: list[str] = field(default_factory=list)
    platform: str | None = None
    day: date | None = None
    not_social: bool = False
    continues: bool = False
    """A split or joined quote that goes on the previous one's post."""

    def continued_by(self, quote: Quote, text: str, position: int, paragraph: int) -> _Candidate:
        """The next part of this candidate's post: same speaker, evidence, platform and day."""
        return _Candidate(
            quote,
            text,
            self.speaker,
            position,
            paragraph,
            list(self.evidence),
            self.platform,
            self.day,
            self.not_social,
            continues=True,
        )


# ---------------------------------------------------------------- the scraper


def extract(
    paragraphs: Sequence[Paragraph],
    *,
    article_date: date | None = None,
    title: str | None = None,
    all_quotes: bool = False,
) -> list[Post]:
    """Quoted posts in running prose, in document order."""
    return _Scanner(article_date, all_quotes).run(paragraphs, title)


class _Scanner:
    def __init__(self, article_date: date | None, all_quotes: bool) -> None:
        self.article_date = article_date
        self.all_quotes = all_quotes
        self.cast = Cast()
        self.contexts: dict[int, _Context] = {}
        self.candidates: list[_Candidate] = []
        self.sentence_index = 0
        self.paragraph_index = -1
        self.series_paragraph: tuple[int, Person] | None = None
        """The last paragraph that told of someone's series of posts (or quoted one of them alone)."""
        self.colon_tail: tuple[int, str] | None = None
        """The last paragraph read that ends with a colon, and its last sentence."""
        self.recent: deque[tuple[str, int, int, int]] = deque(maxlen=_RECENT_SENTENCES)
        """The last sentences read: (paragraph text, start, end, paragraph position)."""
        self.this_sentence: tuple[Person, str, int, int, list[Quote]] | None = None
        self.previous_sentence: tuple[Person, str, int, int, list[Quote]] | None = None
        """The sentence being read and the one before it in the paragraph, when it has a subject and
        a paragraph that may hold a social cue: (subject, text, start, end, quotes). Its cue is looked
        for only when a quote after it asks (:meth:`_attribute`)."""
        self.last_set_off: _Candidate | None = None
        """The latest candidate from a paragraph set off by the markup alone (see :func:`_quotes_of`)."""
        self.sentence_subject: Person | None = None
        """The subject of the sentence being read (for "NAME, in a tweet, praised X and said: ...")."""

    # -- driving

    def run(self, paragraphs: Sequence[Paragraph], title: str | None) -> list[Post]:
        # Only a quote makes a candidate (:meth:`_attribute`), and only a candidate makes a post.
        # Past the last paragraph holding a quote, with no candidate so far, nothing read can make
        # or change one (captions and contexts act on candidates and later quotes, name mentions on
        # the people of candidates), so the rest of the page is not read.
        found_quotes = [_quotes_of(para) for para in paragraphs]
        last_with_quote = max((k for k, q in enumerate(found_quotes) if q), default=-1)
        last_quote_paragraph = -1
        for k, para in enumerate(paragraphs):
            if k > last_with_quote and not self.candidates:
                break
            text = para.text
            if title and text == title:
                continue
            if dates.parse_dateline(text) is not None:
                continue
            caption = captions.match(text)
            if caption is not None:
                self._caption(caption, para.position, last_quote_paragraph)
                continue
            self.paragraph_index = k
            found = self._paragraph(k, para, found_quotes[k])
            if found:
                last_quote_paragraph = k
            # "Reyes wrote on Facebook on Monday:" closing a paragraph introduces the quote that
            # opens the next one
            if text.endswith(":"):
                self.colon_tail = (k, text[sentences(text, found_quotes[k])[-1][0] :])
        return self._posts()

    def _paragraph(self, k: int, para: Paragraph, quotes: list[Quote]) -> bool:
        text = para.text
        prefix = _DATELINE_PREFIX.match(text)
        spans = sentences(text, quotes)
        hints = _Hints(text)
        found = False
        prev: _Candidate | None = None
        prev_by: str | None = None
        self.this_sentence = None
        for s_start, s_end in spans:
            self.sentence_index += 1
            self.sentence_subject = None
            self.previous_sentence, self.this_sentence = self.this_sentence, None
            if prefix and s_start == 0:
                s_start = prefix.end()
            inner = [q for q in quotes if s_start <= q.start < s_end] if quotes else []
            verb = hints.verb_in(s_start, s_end)
            self.recent.append((text, s_start, s_end, para.position))
            self._passage(text, s_start, s_end, inner, para.position, hints, verb)
            if self.sentence_subject is not None and hints.social:
                self.this_sentence = (self.sentence_subject, text, s_start, s_end, inner)
            for q in inner:
                cand, how = self._attribute(text, q, s_start, s_end, k, para, prev, prev_by, hints, verb)
                if cand is not None:
                    self.candidates.append(cand)
                    prev, prev_by, found = cand, how, True
                    if not q.opener:
                        self.last_set_off = cand
        return found

    # -- passages: who is the subject, and do they say posts are being quoted?

    def _passage(
        self, text: str, start: int, end: int, quotes: list[Quote], base: int, hints: _Hints, verb: bool
    ) -> None:
        outside = _outside(text, start, end, quotes) if quotes else text[start:end]
        if _headline(outside):
            return
        position = base + start
        subject: Person | None = None
        subject_end = 0
        for m in _SUBJECT.finditer(outside[:160]):
            run = m.group("run")
            if m.start() > 100 or _PRONOUN_SUBJECT.match(run):
                break
            if run.endswith(_POSSESSIVE_ENDS):
                continue  # "North Korea’s nuclear threats": an owner, not the one who acts
            words = run.split()
            while words and fold_key(words[0]) in NOT_NAMES:
                words.pop(0)
            titled = any(fold_key(t) in TITLE_WORDS for t in words[:-1])
            if m.group("verb") == "and" and not m.group("app"):
                other = _AND_NAME.match(outside, m.end("verb"))
                if other is not None:
                    # "Chuck Schumer and Nancy Pelosi informed Trump": both are named, neither alone
                    # is the subject (nor a candidate for a later "he" or "she" yet)
                    for named in (" ".join(words), other.group("run")):
                        if len(named.split()) >= 2:
                            self.cast.mention(named, position=position, subject=False)
                    break
            if not words or not (
                titled or len(words) >= 2 or self.cast.mention(run, position=position, create=False)
            ):
                continue
            prep = _ends_with(_PREP_BEFORE, outside, m.start())
            subject = self.cast.mention(" ".join(words), position=position, after_preposition=prep)
            subject_end = m.end("app") if m.group("app") else m.end("run")
            if subject is not None and subject.gender is None and _ORG_BEFORE.search(outside[: m.start()]):
                subject.gender = "n"  # "photo-sharing app Snapline", "the airline Skyways"
            if subject is not None and m.group("app") and subject.role is None:
                subject.role = _role(m.group("app"))
            break
        if subject is None:
            om = _ORG_SUBJECT.match(outside)
            if om:
                subject = self.cast.mention(om.group("run"), position=position, org=True)
                subject_end = om.end("run")
        if subject is None:
            pm = _PRONOUN_SUBJECT.match(outside) or _POSSESSIVE.match(outside)
            if pm:
                subject = self._pronoun(pm.group("pro"), position)
                subject_end = pm.end()
        for nm in _NAME_BEFORE_VERB.finditer(outside) if verb else ():
            run = nm.group("run")
            if _ends_with(_ORG_BEFORE, outside, nm.start()):
                org = self.cast.mention(run, position=position + nm.start(), org=True)
                if subject is None:
                    subject, subject_end = org, nm.end("run")
                continue
            if len(run.split()) >= 2 or self.cast.mention(run, position=position, create=False):
                prep = _ends_with(_PREP_BEFORE, outside, nm.start())
                person = self.cast.mention(run, position=position + nm.start(), after_preposition=prep)
                if subject is None:
                    subject, subject_end = person, nm.end("run")
        if subject is None:
            return
        self.sentence_subject = subject
        old = self.contexts.get(id(subject))
        if not (hints.series or hints.social) and (old is None or old.kind != "single"):
            return  # no passage about posts, no social cue, and no context to end
        clean = _RELATIVE.sub(",", outside)
        series = _SERIES.search(clean) if hints.series else None
        if series:
            social = _social(clean) if hints.social else None
            platform = social[0] if social else "twitter"
            day = dates.relative_day(clean, self.article_date)
            self.contexts[id(subject)] = _Context(
                "series", platform, f"passage '{series.group(0)}'", day or (old.day if old else None), 1 << 30
            )
            self.series_paragraph = (self.paragraph_index, subject)
        elif _NOT_SOCIAL.search(clean) or _SPEAKING.search(clean):
            # "Speaking later in Hanoi, Trump said ...": what follows was spoken, not posted
            if old is not None and old.kind == "single":
                del self.contexts[id(subject)]
        elif hints.social:
            # the subject's own verb must say it: "Johnson wrote on Twitter he ...", not "Dowd said
            # it was the last time he would craft a tweet"
            near = _RELATIVE.sub(",", outside[subject_end : subject_end + 80])
            cue = _social(near)
            before_cue = near[: near.find(cue[1])] if cue else ""
            if (
                cue
                # "said it was the last time he would craft a tweet" reports a cue; "said on X that"
                # (the verb right before the cue) is the subject's own post
                and (not _REPORTED.search(before_cue) or _OWN_VERB.fullmatch(before_cue))
                and all(len(q.text.split()) <= 4 for q in quotes)
                and (old is None or old.kind != "series")
            ):
                day = dates.relative_day(clean, self.article_date)
                self.contexts[id(subject)] = _Context(
                    "single", cue[0], f"passage '{cue[1]}'", day, self.sentence_index + 3
                )

    # -- quotes: who said it, with what evidence

    def _attribute(
        self,
        text: str,
        q: Quote,
        s_start: int,
        s_end: int,
        k: int,
        para: Paragraph,
        prev: _Candidate | None,
        prev_by: str | None,
        hints: _Hints,
        verb: bool,
    ) -> tuple[_Candidate | None, str | None]:
        position = para.position + q.start
        after_end = s_end
        # the next quote in the sentence, read from q.end on as if the text started there
        nxt = next(iter(find_quotes(text, q.end, s_end, limit=1)), None)
        if nxt is not None:
            after_end = nxt.start
        after = text[q.end : after_end]
        lead_start = max(s_start, prev.quote.end if prev and prev.paragraph == k else s_start)
        leadin = text[lead_start : q.start]
        if _FRAGMENT_BEFORE.search(leadin, max(lead_start, q.start - 24) - lead_start):
            # 'Through the "account run by his family," Jaime wrote': a noun phrase of the reporter's
            return None, None

        how = None
        # '“... in those” Twitter posts, Harris said': without punctuation closing it, a quote runs
        # on into the reporter's sentence and is a fragment, not followed by its attribution
        closed = q.text[-1:] in ",.!?;:…—–-" or bool(_CLAUSE_MARK.match(after))
        # '“... Huawei phones.” Trump tweeted again on Thursday': a full stop inside the closing mark
        # ended the sentence, and a capital after it starts the next one (its own news, not this
        # quote's attribution, which takes a comma: '“...,” Trump tweeted')
        ended = q.text.endswith(".") and not q.text.endswith("..") and bool(_NEXT_SENTENCE.match(after))
        # every attribution pattern holds a reporting verb inside the sentence (``verb`` says whether
        # the sentence can hold one)
        patterns = _attribution() if verb else None
        m = (
            (
                patterns.after.match(after)
                or patterns.after_inv.match(after)
                or patterns.after_office.match(after)
            )
            if patterns and closed and not ended
            else None
        )
        region = after
        if m:
            how = "after"
        elif patterns is not None:
            lm = patterns.leadin.search(leadin)
            if lm and not (lm.group("post") or "").strip().startswith(("that ", "about ")):
                bare = not leadin.rstrip().endswith((":", ","))
                # 'Trump said “it would be very nice” if ...' is a fragment of the reporter's sentence
                if not (bare and (q.text[:1].islower() or _LOWER_NEXT.match(after))):
                    m, how, region = lm, "leadin", leadin
            if m is None:
                pm = patterns.possessed.search(leadin)
                if pm:
                    m, how, region = pm, "leadin", leadin
            if m is None:
                cm = patterns.captioned.search(leadin)
                if cm:
                    m, how, region = cm, "leadin", leadin
            if m is None and len(q.text.split()) >= _IN_PART_WORDS and _SENTENCE_REST.match(after):
                pm = patterns.in_part.search(leadin)
                if pm and _social(_RELATIVE.sub(",", leadin)):
                    m, how, region = pm, "leadin", leadin
        if m is None and patterns is not None and (rm := _POST_READ.search(leadin)):
            m, how, region = rm, "leadin", leadin
        prev_cand = self.last_set_off
        if m is None and not q.opener and prev_cand is not None and prev_cand.paragraph == k - 1:
            # the next paragraph of a <blockquote> whose first was attributed: the same post
            return prev_cand.continued_by(q, _clean_quote(q.text), position, k), "set off"
        if (
            m is None
            and q.start == 0
            and self.series_paragraph is not None
            and self.series_paragraph[0] == k - 1
            and _SENTENCE_REST.match(text, q.end)
        ):
            # a paragraph that is one quote, right after "Reyes sent a flurry of tweets on Monday"
            # (or after another such quote): the next of those posts
            owner = self.series_paragraph[1]
            self.series_paragraph = (k, owner)
            cand = _Candidate(q, _clean_quote(q.text), owner, position, k)
            ctx = self.contexts.get(id(owner))
            if ctx is not None:
                cand.platform, cand.day = ctx.platform, ctx.day
                cand.evidence.append(ctx.evidence)
            return cand, "series"
        before = self.previous_sentence
        if (
            m is None
            and before is not None
            and q.start <= s_start + 1
            and (not after.strip(" .") or (q.text[-1:] in ".!?" and _NEXT_SENTENCE.match(after)))
            and _AT_OR_TAG.search(q.text)
        ):
            # 'That was no issue for Trump, known for tweeting at any hour. “On behalf of @FLOTUS
            # ...”': a sentence that is only a quote with an @mention or a #hashtag, after a sentence
            # whose subject is said to post, is that subject's post
            owner, b_text, b_start, b_end, b_quotes = before
            outside = _outside(b_text, b_start, b_end, b_quotes) if b_quotes else b_text[b_start:b_end]
            cue = _social(_RELATIVE.sub(",", outside))
            if cue is not None:
                cand = _Candidate(q, _clean_quote(q.text), owner, position, k)
                cand.platform = cue[0]
                cand.evidence.append(f"passage '{cue[1]}'")
                return cand, "passage"
        if m is None and q.start == 0 and self.colon_tail is not None and self.colon_tail[0] == k - 1:
            lm = _attribution().leadin.search(self.colon_tail[1])
            if lm:
                m, how, region = lm, "leadin", self.colon_tail[1]
        text_q = _clean_quote(q.text)
        if m is None and patterns is not None and self.sentence_subject is not None and q.text[:1].isupper():
            cm = patterns.conjoined.search(leadin)
            if cm:
                m, how, region = cm, "leadin", leadin
                named = _NAME_BEFORE_COMMA.search(leadin, 0, cm.start() + 1)
                if named is not None and cm.group(0).lstrip().startswith(","):
                    # "His spokeswoman, Lena Park, tweeted:": the name set off just before the verb
                    # speaks, not the sentence's subject
                    person = self.cast.mention(named.group("run"), position=position)
                    if person is not None:
                        self.sentence_subject = person
        if m is None:
            # A split quote ("X," he said. "Y.") or a joined one ("A;" and, "B.") continues the last.
            gap = text[prev.quote.end : q.start] if prev and prev.paragraph == k else None
            if (
                prev is not None
                and gap is not None
                and (_JOINER.match(gap) or (prev_by == "after" and len(sentences(gap.strip())) <= 1))
            ):
                return prev.continued_by(q, text_q, position, k), prev_by
            return None, None

        speaker = self._speaker(m, position)
        if speaker is None:
            return None, None
        if m.groupdict().get("app") and speaker.role is None:
            speaker.role = _role(m.group("app"))
        clean = _RELATIVE.sub(",", region)
        cand = _Candidate(q, text_q, speaker, position, k)
        social = _social(clean) if hints.social else None
        subject_spoke = how == "after" and speaker is self.sentence_subject and hints.social
        own = patterns.in_part.search(leadin) if patterns and subject_spoke and not social else None
        if own is not None:
            # 'Reyes tweeted after the session that “...,” she added': the subject's own lead-in says
            # where the words were posted
            clean = _RELATIVE.sub(",", leadin)
            social = _social(clean)
            m = own
        if social:
            cand.platform = social[0]
            cand.evidence.append(
                f"verb '{m.group('verb')}'" if social[1] == m.group("verb") else f"phrase '{social[1]}'"
            )
        cand.not_social = bool(_NOT_SOCIAL.search(clean)) and not social
        ctx = self.contexts.get(id(speaker))
        if ctx is not None and ctx.kind == "single" and self.sentence_index > ctx.until:
            ctx = None
        if not social and ctx is not None and not cand.not_social:
            cand.platform = ctx.platform
            cand.evidence.append(ctx.evidence)
        cand.day = dates.relative_day(clean, self.article_date) if _has_day(clean) else None
        if cand.day is None and ctx is not None:
            cand.day = ctx.day
        return cand, how

    def _speaker(self, m: re.Match[str], position: int) -> Person | None:
        if m.re is _POST_READ:
            return self._post_owner(m.group("det"), position)
        if "spk" not in m.re.groupindex:
            return self.sentence_subject
        spk = m.group("spk")
        if spk.casefold() in vocab.PLATFORM_NAMES and spk[:1].isupper():
            return self.cast.mention(spk, position=position, org=True)  # "Twitter said in a tweet"
        if re.fullmatch(_PRONOUNS, spk):
            return self._pronoun(spk, position)
        app = (m.groupdict().get("app") or "").strip(" ,")
        if m.groupdict().get("head") and _FULL_NAME.fullmatch(app):
            # '“...,” the mayor, Ann Reyes, tweeted': the name stands beside the office
            person = self.cast.mention(app, position=position)
            if person is not None and person.role is None:
                person.role = " ".join(spk.split()[1:])
            return self._with_handle(person, m)
        if head := m.groupdict().get("head"):
            named = spk.split()[1:-1]  # between "the" and the head
            # "the Dallas police department" is not the last department named; "the Republican
            # president" may well be the last president (a capital there is often an adjective)
            proper = [w for w in named if w[:1].isupper()] if head.lower() in _BODIES else []
            found = self.cast.nominal(head, position=position, proper=proper)
            for noun in reversed(named) if found is None else ():
                # "the police department" after "The Riverton police" was named
                if noun.lower() in _ORG_NOUN_SET:
                    found = self.cast.nominal(noun.lower(), position=position, proper=proper)
                    if found is not None:
                        break
            if found is None and proper:
                # "the Dallas police department": a body of its own, not the last department named
                found = self.cast.mention(" ".join([*named, head]), position=position, org=True)
            elif found is not None:
                found.add_alias(spk)
            return found
        pre = (m.groupdict().get("pre") or "").strip()
        if pre.lower().endswith((" at", " of")) and pre[:1].islower():
            return None  # "a student at Wesleyan University wrote": someone there, not the place
        person = self.cast.mention(spk, position=position, after_preposition=bool(_PREP_BEFORE.search(pre)))
        if (
            person is not None
            and pre
            and person.role is None
            and _LOWER.search(pre)
            and len(pre.split()) <= 5
            and not spk.endswith(_POSSESSIVE_ENDS)
        ):
            titles = split_title(spk)[0]
            words = pre.lower().split()
            if words[-1] in ("the", "a", "an") and not titles:
                pass  # "the ACLU’s Jay Stanley": an article is no role
            elif _NOT_IN_ROLE.isdisjoint(words) or (titles and _TITLE_START.fullmatch(pre)):
                person.role = " ".join([*pre.split(), *titles])
        return self._with_handle(person, m)

    def _pronoun(self, word: str, position: int) -> Person | None:
        """:meth:`Cast.pronoun`; when no one fits "he" or "she", the people the last few sentences
        name besides their subjects are looked at first ("Senator Maria Okafor met Governor Tom
        Ortiz. He later tweeted"): a given name and a surname, or a title and two names."""
        person = self.cast.pronoun(word, position=position)
        if person is not None or word.lower() not in ("he", "she", "his", "her"):
            return person
        for text, start, end, base in self.recent:
            for om in _NAMED.finditer(text, start, end):
                titles, name = split_title(om.group("run"))
                titles = [t for t in titles if fold_key(t) not in NOT_NAMES]
                if _OF_BEFORE.search(text, max(start, om.start() - 4), om.start()):
                    titles = []  # "Secretary of State Antony Blinken": the run starts inside the title
                if len(name) >= 2 and (titles or name_gender(name)):
                    at = base + om.start()
                    if at <= position:
                        self.cast.mention(" ".join(titles + name), position=at, subject=False)
        return self.cast.pronoun(word, position=position)

    def _post_owner(self, determiner: str, position: int) -> Person | None:
        """Whose "post read:" it is: "her"/"his"/"their" as a pronoun; "the"/"that"/"this" the one
        most lately said to be posting (a passage about their posts still in force)."""
        if determiner.lower() in ("her", "his", "their"):
            return self._pronoun(determiner, position)
        posting = [
            p
            for p in self.cast.people
            if (ctx := self.contexts.get(id(p))) is not None
            and (ctx.kind != "single" or self.sentence_index <= ctx.until)
        ]
        return max(posting, key=lambda p: p.last_subject, default=None)

    @staticmethod
    def _with_handle(person: Person | None, m: re.Match[str]) -> Person | None:
        """The speaker, with the account written beside the name ("Ann Reyes (@annreyes)") kept."""
        at = m.groupdict().get("at")
        if person is not None and at and person.handle is None:
            person.handle = at
        return person

    # -- captions

    def _caption(self, cap: captions.Caption, position: int, last_quote_paragraph: int) -> None:
        evidence = f"caption '{cap.text}'"
        person = (
            self.cast.mention(cap.who, position=position, subject=False, create=False) if cap.who else None
        )
        if person is not None:
            old = self.contexts.get(id(person))
            self.contexts[id(person)] = _Context(
                "series", cap.platform, evidence, old.day if old else None, 1 << 30
            )
        for cand in self.candidates:
            if cand.paragraph == last_quote_paragraph and (person is None or cand.speaker is person):
                if evidence not in cand.evidence:
                    cand.evidence.append(evidence)
                if cand.platform is None:
                    cand.platform = cap.platform

    # -- assembly

    def _posts(self) -> list[Post]:
        groups: list[list[_Candidate]] = []
        for cand in self.candidates:
            if cand.continues and groups and groups[-1][-1].speaker is cand.speaker:
                groups[-1].append(cand)
            else:
                groups.append([cand])
        authors: dict[int, Author] = {}
        posts: list[Post] = []
        for group in groups:
            head = group[0]
            evidence = list(dict.fromkeys(e for c in group for e in c.evidence))
            platform = next((c.platform for c in group if c.platform), None)
            social = bool(evidence) and not head.not_social
            if not social and not self.all_quotes:
                continue
            speaker = head.speaker
            author = authors.get(id(speaker))
            if author is None:
                author = Author(
                    name=speaker.name,
                    handle=speaker.handle,
                    platform=platform if social else None,
                    role=speaker.role,
                    aliases=tuple(speaker.aliases),
                )
                authors[id(speaker)] = author
            posts.append(
                Post(
                    platform=(platform or "unknown") if social else "unknown",
                    text=_join(c.text for c in group),
                    author=author,
                    kind="quote",
                    published=next((c.day for c in group if c.day), None),
                    position=head.position,
                    evidence=tuple(evidence) if social else ("quoted statement, no social evidence",),
                    confidence=0.8 if social else 0.3,
                )
            )
        return posts


# ---------------------------------------------------------------- helpers


def _quotes_of(para: Paragraph) -> list[Quote]:
    """The quotes of a paragraph; one set off by the markup alone (a ``<blockquote>`` without
    quote marks) is one quote from end to end."""
    found = find_quotes(para.text)
    if not found and para.quoted:
        return [Quote(0, len(para.text), para.text, "")]
    return found


def _ends_with(pattern: re.Pattern[str], text: str, at: int, reach: int = 16) -> bool:
    """Whether ``pattern`` (a word, then white space, then ``$``: :data:`_PREP_BEFORE`,
    :data:`_ORG_BEFORE`) matches at the end of ``text[:at]``. Only the last word is searched, so
    each of many names in a long sentence costs the same (searching the whole prefix was quadratic)."""
    k = at
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return bool(pattern.search(text, max(0, k - reach), at))


def _headline(text: str) -> bool:
    """A line in title case ("Lady Gaga Shares Photo With Her Ex") names no subject we can trust."""
    if text.rstrip().endswith((".", "!", "?", ":")):
        return False
    words = text.split()
    if len(words) < 4:
        return False
    capital = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capital >= 0.7 * len(words)


def _social(text: str) -> tuple[str, str] | None:
    """(platform, the words that say so) for the first social cue in ``text``. A post named as the
    topic ("asked about the tweet", "responded to the tweet") is no cue: the words quoted were not it."""
    best: tuple[int, str, str] | None = None
    for pattern, platform in SOCIAL_PHRASES:
        for m in pattern.finditer(text):
            noun = m.group(0).lower() in _POST_NOUNS
            if noun and _TOPIC_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue
            if best is None or m.start() < best[0]:
                plat = platform or vocab.PLATFORM_NAMES.get(m.group("p").casefold(), "unknown")
                best = (m.start(), plat, m.group(0))
            break
    return (best[1], best[2]) if best else None


_POST_NOUNS = frozenset(("tweet", "tweets", "tweetstorm"))
_TOPIC_BEFORE = re.compile(
    r"\b(?:about|over|regarding|deleted|deleting|delete|removed|after|before|"
    r"(?:responded|replied|reacted|referring|responding|replying|reacting)\s+to)\s+(?:[\w’'\-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _has_day(text: str) -> bool:
    return bool(dates.DATE_RE.search(text) or _DAY_WORD.search(text))


_DAY_WORD = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\byesterday\b|\btoday\b|\blast night\b"
)


def _outside(text: str, start: int, end: int, quotes: list[Quote]) -> str:
    """The sentence with its quotes blanked out (same length, so offsets hold)."""
    chunk = list(text[start:end])
    for q in quotes:
        for i in range(max(q.start, start), min(q.end, end)):
            chunk[i - start] = " "
    return "".join(chunk)


def _role(appositive: str) -> str | None:
    """ ", Spokeswoman for the Joint Task Force (OIR) – the U.S.-led coalition," -> the first part;
    ", 42, a nurse from Ohio," -> "nurse from Ohio" (an age is no role)."""
    role = _AGE.sub("", " ".join(appositive.split()).strip(" ,")).strip(" ,")
    role = _ROLE_END.split(role)[0].strip(" ,")
    role = _ARTICLE.sub("", role)
    if not role or len(role) > 80 or role.split()[0].lower() in _NOT_A_ROLE:
        return None
    return role


def _join(parts: Iterable[str]) -> str:
    """Parts of one quote split by its attribution, rejoined: the reporter turned the full stop
    before "he said" into a comma (AP style), so a part that ends bare before a capital gets it back."""
    out = ""
    for part in parts:
        if out and part[:1].isupper() and out[-1:].isalnum():
            out += "."
        out = f"{out} {part}" if out else part
    return out


def _clean_quote(text: str) -> str:
    """Quote text as posted: the reporter's comma before the closing mark goes."""
    text = _SPACE_RUN.sub(" ", text).strip()
    return text[:-1].rstrip() if text.endswith(",") else text
