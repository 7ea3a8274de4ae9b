"""What says that quoted words were posted, and where: a posting verb ("tweeted"), a platform
phrase ("on Instagram", "auf X", "en su cuenta de X"), social media without a platform; and what
says they were not (an interview, a statement, a video, television).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import accumulate

from .. import dates, vocab
from ..lexicon import words
from ..model import Paragraph
from ..quotes import quote_marks
from ..slots import Compiled
from . import patterns as P

__all__ = [
    "Cue", "Gate", "clean", "day_of", "follow_up", "not_social", "post_medium", "post_noun", "series",
    "social", "spoken",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cue:
    """A social cue: the platform it names ("unknown" for social media at large) and its words."""

    platform: str
    words: str
    start: int
    bare: bool = False
    """A post named without its platform ("the post", "den Beitrag"): the platform is the one the
    article named last; no evidence that the sentence's subject posted."""


@cache
def _social_patterns() -> tuple[tuple[Compiled, str | None, Compiled | None], ...]:
    """(pattern, platform or ``None`` for "named by the match", a word every match holds), in the
    order they are tried. The word is looked for first: the long patterns open on a preposition,
    which the engine would try at every word of the text."""
    networks = P.compiled(P.trie({w.split()[0].casefold() for w in words("social_networks")}), re.IGNORECASE)
    return (
        (P.compiled(P.POSTING_WORD), "twitter", None),
        (P.compiled(P.PLATFORM_PHRASE), None, P.compiled(P.PLATFORM)),
        (P.compiled(P.SKEET), "bluesky", None),
        (P.compiled(P.SUBREDDIT), "reddit", None),
        (P.compiled(P.TOOT), "mastodon", None),
        (P.compiled(P.SOCIAL_NETWORKS), "unknown", networks),
        (P.compiled(P.AUDIENCE), None, P.compiled(P.trie(_AUDIENCE_STEMS), re.IGNORECASE)),
        (P.compiled(P.BESIDE_MEDIA), "unknown", P.compiled(P.trie(_BESIDE_STEMS), re.IGNORECASE)),
    )


_TOPIC_BEFORE = P.compiled(rf"(?i:\b(?:{P.alternation(words('topic_before'))})\s+(?:[\w’'\-]+\s+){{0,2}}$)")
"""A post named as the topic ("asked about the tweet", "responded to the tweet"): not the medium."""
_MEDIUM_BEFORE = P.compiled(
    rf"""(?i:\b(?:{P.alternation(words("in_words"))})\s+
    (?:(?:{P.alternation((*words("indefinite"), *words("possessives"), *words("definite")))})\s+)?
    (?:[\w’'\-]+\s+){{0,2}}$)"""
)
"""A post named as where the words stand, whatever its adjectives ("in a since-deleted tweet",
"in a deleted post"): the medium, not the topic."""


def social(text: str) -> Cue | None:
    """The first social cue in ``text``, or ``None``."""
    best: Cue | None = None
    for pattern, platform, needed in _social_patterns():
        if needed is not None and needed.search(text) is None:
            continue
        for m in pattern.finditer(text):
            if (
                m.group(0).casefold() in P.POST_NOUNS
                and _TOPIC_BEFORE.search(text, max(0, m.start() - 40), m.start())
                and not _MEDIUM_BEFORE.search(text, max(0, m.start() - 40), m.start())
            ):
                continue
            if best is None or m.start() < best.start:
                best = Cue(platform or P.platform_of(m), m.group(0), m.start())
            break
    if best is None or best.start > 0:
        for m in _PLATFORM_NAME.finditer(text, 0, best.start if best else len(text)):
            before = _NOUN_OF.search(text, max(0, m.start() - 40), m.start())
            if before is not None:  # "una historia de Instagram"
                name = vocab.PLATFORM_NAMES.get(m.group(0).casefold(), "unknown")
                return Cue(name, text[before.start() : m.end()], before.start())
    return best


_PLATFORM_NAME = P.compiled(rf"\b{P.PLATFORM}\b")
_COMMON_WORD_NAMES = frozenset({"x", "threads"})
"""Platform names that are also a letter or a word ("Malcolm X", "threads of the story")."""


def platform_named(text: str) -> Cue | None:
    """The first platform named by its name alone, whatever words stand around it ("who rarely
    uses Bluesky"), not a name that is also a common word or a letter."""
    for m in _PLATFORM_NAME.finditer(text):
        name = m.group(0).casefold()
        if name not in _COMMON_WORD_NAMES:
            return Cue(vocab.PLATFORM_NAMES.get(name, "unknown"), m.group(0), m.start())
    return None


_NOUN_OF = P.compiled(P.NOUN_OF)


_BEFORE_POST_NOUN = P.alternation(
    (*words("definite"), *words("possessives"), *words("indefinite"), *words("fragment_before"))
)
_POST_NOUN = P.compiled(
    rf"""(?i:\b(?:{_BEFORE_POST_NOUN})\s+
    (?:[\w’'\-]+\s+){{0,2}}?(?P<noun>{P.POST_NOUN})\b)"""
)


def post_noun(text: str) -> str | None:
    """A post named without its platform ("in the caption", "den Post", "die Story"), unless it
    is the topic ("about the post")."""
    for m in _POST_NOUN.finditer(text):
        noun = m.group("noun")
        before = text[m.start() : m.start("noun")].split()
        if noun[:1].isupper() and len(before) > 1 and before[-1][:1].isupper():
            continue  # "The Washington Post", "American Horror Story": a name
        if not _TOPIC_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            return noun
    return None


_POSTED_ITEMS = tuple(
    n for n in words("platform_nouns") if n.casefold() not in {w.casefold() for w in words("not_speakers")}
)
"""Platform nouns a participle makes a post ("an update posted"), not a message or a statement
that may be a letter ("a message posted to staff")."""
_IN_POST = P.compiled(
    rf"""(?i:\b(?:{P.alternation(words("in_words"))})\s+                  # in, im, numa (the article in it)
    (?:(?:{P.alternation((*words("indefinite"), *words("possessives"), *words("definite")))})\s+)?
    (?:(?:[\w’'\-]+\s+){{0,2}}?(?P<noun>{P.POST_NOUN})
      |(?:[\w’'\-]+\s+)?(?P<posted>{P.alternation(_POSTED_ITEMS)})                # an update posted on …
        (?=\s+(?:{P.alternation((*words("written_participles"), *P.WRITING))})\b)
      |(?:{P.alternation(words("series_positions"))})\s+(?P<item>{P.alternation(words("platform_nouns"))})
       (?!\s+(?:{P.alternation(words("recipient_prepositions"))})\s))\b)        # not: a message to staff"""
)


def post_medium(text: str) -> str | None:
    """A post named as where the words stand ("in a follow-up post", "in einem weiteren Beitrag",
    "en una segunda publicación"), or one of a series of messages on the platform the article
    named ("dans un premier message", "in a second update", "en una segunda historia"): whatever
    the verb ("said" too), the words were posted."""
    m = _IN_POST.search(text)
    return (m.group("noun") or m.group("posted") or m.group("item")) if m else None


_COMMENTS = P.alternation(words("comment_nouns"))
_THREAD_PLACE = P.compiled(
    rf"""(?i:\b(?:{P.alternation(words("comment_places"))})\b
    | (?<![\w.,])\d[\d.,]*\s+(?:[\w’'\-]+\s+)?(?:{_COMMENTS})\b                       # 3,000 comments
    | \b(?:{P.alternation(words("comment_verbs"))})\s+
      (?:{P.alternation((*words("indefinite"), *words("possessives"), *words("definite")))})\s+
      (?:[\w’'\-]+\s+){{0,4}}?(?:{P.POST_NOUN}|{P.alternation(words("platform_nouns"))})\b
    | \b(?:{P.alternation(words("under_words"))})\s+                                 # under her post
      (?:{P.alternation((*words("indefinite"), *words("possessives"), *words("definite")))})\s+
      (?:[\w’'\-]+\s+){{0,2}}?(?:{P.POST_NOUN})\b)"""
)
_SAME_PLATFORM = P.compiled(rf"(?i:\b(?:{P.alternation(words('same_platform'))})\b)")
_FOLLOW_UP_WORDS = P.lazy(
    P.trie(
        {
            w.casefold()
            for f in ("comment_places", "comment_nouns", "comment_verbs", "same_platform", "under_words")
            for w in words(f)
        }
    )
)
"""What every reply place and same-platform phrase holds, lower-cased (a cheap test first)."""


def follow_up(text: str, last_platform: str | None) -> Cue | None:
    """Words placed among the replies to a post ("in the comments", "commented on the post", "under
    her post") or
    on the platform just named ("on the same platform", "por la misma vía"): a cue for the
    platform the article named last (for replies, "unknown" when it named none)."""
    if _FOLLOW_UP_WORDS.search(text.lower()) is None:
        return None
    m = _THREAD_PLACE.search(text)
    if m is not None:
        return Cue(last_platform or "unknown", m.group(0), m.start())
    m = _SAME_PLATFORM.search(text) if last_platform else None
    return Cue(last_platform, m.group(0), m.start()) if m is not None and last_platform else None


_WRITTEN = P.alternation((*words("writing_verbs"), *words("written_participles")))
_DETERMINER = P.alternation((*words("indefinite"), *words("possessives"), *words("definite")))
_SHARED = P.compiled(
    rf"""(?i:[^.;:]{{0,30}}?\b(?:
      (?P<verb>{_WRITTEN})\s+
      (?:(?:{_DETERMINER}|weitere[ns]?)\s+)?
      (?:[\w’'\-]+\s+){{0,2}}?(?:{P.alternation(words("media_nouns"))})
    | (?:{P.alternation(words("quote_verbs"))})\s+(?:{_DETERMINER})\s+     # citó el mensaje, quoted the tweet
      (?:[\w’'\-]+\s+)?(?:{P.POST_NOUN}|{P.alternation(words("platform_nouns"))})
    )\b)"""
)


def shared(text: str, at: int) -> str | None:
    """ "posted a picture", "postete ein Foto", "citó el mensaje": the subject (ending at ``at``)
    shared a post, or quoted one in a post of their own, where the article named the platform."""
    m = _SHARED.match(text, at)
    return m.group(0).strip() if m else None


def posted_there(region: str, verb: str) -> bool:
    """Whether a platform is named right after a verb the lexicon does not list, in the same
    clause ("ranted on Twitter", "schwärmte auf Instagram", "celebró en X")."""
    at = region.find(verb)
    if at < 0:
        return False
    clause = _CLAUSE_END.split(region[at + len(verb) :], maxsplit=1)[0]
    return (
        social(clause) is not None
        or _SAME_PLATFORM.search(clause) is not None
        or (
            _THREAD_PLACE.search(clause) is not None  # "konterte auf derselben Plattform", "in the comments"
        )
        or _fronted(region[:at])
    )


def _fronted(before: str) -> bool:
    """A platform or a post in the words set off before the verb's subject ("On Instagram, the
    singer apologised:", "Vendredi, en story sur Instagram, l'artiste a présenté ses excuses :",
    "In a new post, the mayor apologised:"): the sentence tells what the subject posted, whatever
    the verb."""
    comma = before.rfind(",")
    if comma < 0 or len(before[comma + 1 :].split()) > 6:
        return False  # a subject of a few words between the comma and the verb
    front = clean(before[: comma + 1])
    if spoken(front):
        return False  # not "In einem TikTok-Video, …"
    return social(front) is not None or post_medium(front) is not None  # "Numa nova publicação, …"


_CLAUSE_WORDS = P.alternation(
    (*words("conjunctions"), *words("relative_pronouns"), *words("complementizers"))
)
_CLAUSE_END = P.compiled(rf"[,;:.!?]|\s(?:{_CLAUSE_WORDS})\s")


def not_social(text: str) -> bool:
    """Whether ``text`` says the words were spoken or written elsewhere (told reporters, an
    interview, a statement, television)."""
    start = len(text) - len(text.lstrip())
    if text[start : start + 1].isupper():
        # "In a statement, the mayor said": the phrases are written as they stand inside a sentence
        text = text[start].lower() + text[start + 1 :]
    return P.compiled(P.NOT_SOCIAL).search(text) is not None


def elsewhere_first(text: str, at: int) -> bool:
    """Whether ``text`` says the words were spoken or written elsewhere before ``at`` (a platform
    named there), a comma between: "the band told Rolling Stone, days after deleting their
    Instagram account" is an interview; the platform is in a clause of its own."""
    start = len(text) - len(text.lstrip())
    if text[start : start + 1].isupper():
        text = text[start].lower() + text[start + 1 :]
    m = P.compiled(P.NOT_SOCIAL).search(text, 0, at)
    return m is not None and "," in text[m.end() : at]


def spoken(text: str) -> bool:
    """Whether the words were said in a video (a post's video, too: its words are no post's text)."""
    if P.compiled(P.VIDEO).search(text) is not None and _CAPTION_OF.search(text) is None:
        return True
    return _SAID_IN_VIDEO.search(text) is not None


def described(text: str) -> bool:
    """Whether the text names what is written with a picture or a video ("in the caption", "en la
    descripción del video"): the medium named there is the post's own."""
    return _CAPTION_OF.search(text) is not None


_CAPTION_OF = P.lazy(rf"(?i:\b(?:{P.alternation(words('description_nouns'))}))")  # "captioned" too
"""What is written with a video, not said in it ("in the caption", "en la descripción del video")."""


_SAID_IN_VIDEO = P.lazy("|".join(f"(?:{p})" for p in words("said_in_video")))


def series(text: str) -> re.Match[str] | None:
    return P.compiled(P.SERIES).search(text)


_WHO = P.alternation(words("relative_pronouns"))
_RELATIVE = P.compiled(
    rf"""[,(]\s*(?:{_WHO})\b(?:[^,.;)]|(?<=\d)[,.](?=\d))*(?:[,)]|$)  # , who has clashed on X with Trump,
    | [,(]\s*(?:{P.alternation((*words("indefinite"), *words("definite"), *words("possessives")))})
      \s+(?:[\w’'\-]+\s+){{0,3}}?(?:{_WHO})\b(?:[^,.;)]|(?<=\d)[,.](?=\d))*
      (?:[,)]|(?=[.;])|$)                                        # , a researcher who moved …
    """
)
"""A relative clause says something about the speaker, not about the quote ("Khan, who has
clashed on Twitter with Trump, said"; "said Leah Whitcomb, a researcher who moved her account to
Bluesky"; "who has 40,000 followers on Threads": a number's comma is no clause's end): it gives
no evidence."""


_OTHERS_POST = P.compiled(
    rf"(?<![\w’'])(?!(?i:{P.alternation(words('possessives'))})\b)[\w’'\-]+[’']s?\s+(?:[\w’'\-]+\s+){{0,2}}?{P.POST_NOUN}"
)
"""Someone else's post ("the governor’s tweet"): the sentence's subject did not post it."""
_ON_WORDS = tuple(sorted(set(words("platform_prepositions")) - set(words("recipient_prepositions"))))
"""Where words stand ("on", "auf", "en"), not whom they answer ("to", "a")."""
_THE_WORDS = tuple(w for w in words("definite") if not w.endswith(("'", "’")))
_ON_THE = P.compiled(
    rf"(?<![\w’'])(?i:{P.alternation((*_ON_WORDS, *words('under_words'), *words('comment_verbs')))})\s+"
    rf"(?:[\w’'\-]+\s+(?i:{P.alternation(words('source_prepositions'))})\s+)?"  # one of
    rf"(?i:{P.alternation(_THE_WORDS)})\s+(?:[\w’'\-]+\s+){{0,2}}$"  # the (fire) department's
)
"""A platform preposition (or "under", or a reply's verb) and an article before someone's post:
the post is where the words stand ("shared a message with fans on the club's Instagram story",
"commenting under one of the star's older posts", "replied to the Kestrels' post"), not one the
words are about."""


def _blank_others(m: re.Match[str]) -> str:
    if _ON_THE.search(m.string, max(0, m.start() - 40), m.start()):
        return m.group(0)
    return " " * len(m.group(0))


_TEXT_NOUNS = frozenset(w.casefold() for w in words("caption_nouns"))
_POST_NOUNS = frozenset(w.casefold() for f in ("caption_nouns", "post_nouns") for w in words(f))
_TEXT_VERBS = frozenset(w.casefold() for w in words("post_verbs"))
_CAPTIONED = frozenset(w.casefold() for w in words("caption_verbs"))


def names_its_text(lead: str) -> bool:
    """Whether the words right before a quote say it is a post's whole text, as written, in lower
    case or not: "with the caption", "and the words", "captioned", "a fan's post that read" (not
    "explaining the post “was meant to be funny”": the post is what the words are about)."""
    last = [w.strip(",").casefold() for w in lead.rsplit(None, 3)]
    if not last or not last[-1]:
        return False
    if last[-1] in _TEXT_NOUNS or last[-1] in _CAPTIONED:
        return True
    return last[-1] in _TEXT_VERBS and any(w in _POST_NOUNS for w in last[:-1])


def clean(text: str) -> str:
    """``text`` without its relative clauses and without posts of others named in it."""
    if "," in text or "(" in text:
        text = _RELATIVE.sub(",", text)
    if "’" in text or "'" in text:
        text = _OTHERS_POST.sub(_blank_others, text)
    return text


def day_of(text: str, anchor: date | None) -> date | None:
    """The day ``text`` says the words were posted ("on Tuesday", "gestern", "Oct. 3, 2017")."""
    return dates.relative_day(text, anchor)


# ---------------------------------------------------------------- gates

_PLATFORM_WORDS = tuple(n.casefold() for n in vocab.PLATFORM_NAMES if n != "x")
_AUDIENCE_STEMS = {w.casefold() for w in words("audience_nouns")}
_BESIDE_STEMS = {w.casefold() for w in words("beside_words")}
_FOLLOW_UP_STEMS = {w.casefold() for f in ("comment_places", "same_platform") for w in words(f)}
"""Reply places and same-platform phrases whole ("in the comments", "auf derselben Plattform"): a
word such as "comment(s)" or "Plattform" alone would open the gate on many paragraphs ("declined to
comment"). Replies counted or a reply verb need their post named ("the post drew 3,000 comments",
"commented on the post"), and the post nouns are gate words already."""
_GATE_WORDS = (
    "tweet", "twitt", "tuit", "trinó", "skeet", "toot", "social", "sozial", "sociaux", "redes", "réseau",
    "rede", "netz", "insta", "caption", "post", "beitrag", "stor", "publica", "légende",
    "legenda", "subreddit", "r/", *_PLATFORM_WORDS, *_AUDIENCE_STEMS, *_BESIDE_STEMS, *_FOLLOW_UP_STEMS,
)  # fmt: skip
_GATE = P.lazy(P.trie(set(_GATE_WORDS)))
"""Any of the words, as a trie (the engine tries one branch per first letter, not every word)."""
_X = re.compile(r"(?:^|[^\w.@/-])X(?![\w/])")
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_]")
"""An account's handle ("@cityworks wrote:"): a post's author, so a social word."""
_SERIES_STEMS = (*{w.casefold() for w in words("series_items")}, "storm", "thread")
"""What every :data:`~threads.prose.patterns.SERIES` match holds (the text lower-cased): posts in
the plural, "tweetstorm", "Twitter thread"."""
_SERIES_WORDS = P.lazy(P.trie(set(_SERIES_STEMS)))


class PageWords:
    """What each paragraph of a page can hold: which hold a quote mark, found in one pass over the
    page's text; a social word or a word of a passage about posts (:class:`Gate`), looked at only
    for the paragraphs asked about (those around a quote), each once. A page where nothing is
    quoted costs next to nothing."""

    __slots__ = ("_gates", "_joined", "quoted", "texts")

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.texts = [p.text for p in paragraphs]
        self._joined: tuple[str, list[int]] | None = None
        self._gates: dict[int, Gate] = {}
        text, starts = self.joined()
        self.quoted = _paragraphs_with(_OPENER, text, starts)
        self.quoted.update(k for k, p in enumerate(paragraphs) if p.quoted)

    def joined(self) -> tuple[str, list[int]]:
        """The page's text, its paragraphs joined by line breaks, and where each starts in it."""
        if self._joined is None:
            texts = self.texts
            starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
            self._joined = ("\n".join(texts), starts)
        return self._joined

    def gate(self, k: int) -> Gate:
        """The :class:`Gate` of paragraph ``k`` (an empty one outside the page)."""
        found = self._gates.get(k)
        if found is None:
            found = self._gates[k] = Gate(self.texts[k]) if 0 <= k < len(self.texts) else _EMPTY
        return found

    def social(self, k: int) -> bool:
        return self.gate(k).social

    def series(self, k: int) -> bool:
        return self.gate(k).series

    def places(self, word: str) -> tuple[int, list[int]]:
        """How often ``word`` stands in the page as a capitalised word of its own (as
        :data:`CAPITALISED` reads them), and the paragraphs that hold it, in order."""
        if not CAPITALISED_WORD.fullmatch(word):
            return 0, []
        text, starts = self.joined()
        count, places = 0, list[int]()
        size = len(word)
        pos = text.find(word)
        while pos >= 0:
            end = pos + size
            if (pos == 0 or not _WORD_BEFORE.match(text, pos - 1)) and not _WORD_AFTER.match(text, end):
                count += 1
                k = bisect_right(starts, pos) - 1
                if not places or places[-1] != k:
                    places.append(k)
            pos = text.find(word, end)
        return count, places


CAPITALISED = P.compiled(rf"(?<![\w’'\-])[{P.UP}][a-zà-ÿ]{{2,}}(?![\w\-])")
"""A capitalised word of three letters or more standing alone ("Elton", "Reyes")."""
CAPITALISED_WORD = P.compiled(rf"[{P.UP}][a-zà-ÿ]{{2,}}")
_WORD_BEFORE = re.compile(r"[\w’'\-]")
_WORD_AFTER = re.compile(r"[\w\-]")


def _paragraphs_with(pattern: re.Pattern[str], text: str, starts: list[int]) -> set[int]:
    """The paragraphs (by their start in ``text``) where ``pattern`` matches: one search per
    paragraph found, the next resumed at the following paragraph."""
    found: set[int] = set()
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        k = bisect_right(starts, m.start()) - 1
        found.add(k)
        if k + 1 >= len(starts):
            break
        pos = starts[k + 1]
    return found


_OPENER = re.compile("[" + re.escape("".join(quote_marks())) + "]")


class Gate:
    """What a paragraph can hold at all: a social word (without one, no cue, passage or caption
    can match in it) and a word of a passage about posts. Each is a necessary condition of the
    patterns it guards, checked on the lowercased text once."""

    __slots__ = ("series", "social")

    def __init__(self, text: str) -> None:
        if not text:  # nothing to hold (and no pattern to compile for it at import)
            self.social = self.series = False
            return
        if "\u0130" in text or "\u0131" in text or "\u017f" in text:
            self.social = self.series = True  # (İ, ı, ſ: IGNORECASE reads them as i, i, s)
            return
        low = text.lower()
        self.social = (
            _GATE.search(low) is not None
            or ("X" in text and _X.search(text) is not None)
            or ("@" in text and _HANDLE.search(text) is not None)
        )
        self.series = _SERIES_WORDS.search(low) is not None


_EMPTY = Gate("")
