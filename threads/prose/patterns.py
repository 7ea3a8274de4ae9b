"""The pieces every attribution pattern is made of, composed from the lexicon: names, speaker
phrases, reporting verbs, platform phrases. Patterns are written verbose (one alternative a line)
and compiled on first use (:func:`compiled`), so that a page without a quote pays for none; their
word lists are slots (:mod:`threads.slots`), narrowed to the words of the page being read.
"""

from __future__ import annotations

import re

from .. import lexicon, vocab
from ..lexicon import words
from ..slots import alternation as alternation  # the pattern pieces' makers, used through this module
from ..slots import compiled as compiled
from ..slots import lazy as lazy
from ..slots import trie as trie

# ---------------------------------------------------------------- names

UP = r"A-ZÀ-ÖØ-Þ"
"""Capital letters (Latin-1 and the Latin letters above it that news names use)."""

NAME_WORD = rf"""(?:
      [{UP}][\w’'\-]*+\.?+        # a capitalised word, maybe with its abbreviation's full stop
    | [{UP}]\.                    # an initial
    | [’'][{UP}][\w’'\-]*+        # O'Neil written with the apostrophe first ('Ali)
    | \d++[{UP}][\w\-]*+           # 9GAG, 50Cent: a name that starts with a figure
)"""
"""One word of a name. Possessive quantifiers: giving back letters or the full stop of a word
never leads to a match where a name is wanted (white space, a comma or a verb follows)."""

_PARTICLES = alternation(words("particles"))
NAME_RUN = rf"""(?:{NAME_WORD}(?:[ \t\u00a0]+(?:(?:{_PARTICLES})[ \t\u00a0]+)?{NAME_WORD}){{0,6}})"""
"""A name with its titles: up to seven capitalised words, particles between ("Ursula von der Leyen")."""

HANDLE = r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?(?:@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)?"
"""An account as articles write it ("@annreyes", "@ann.bsky.social", a Mastodon account with its
server "@kpatel@astrodon.social")."""
REDDIT_USER = r"(?<![\w/])u/[A-Za-z0-9_\-]{3,20}"
"""A Reddit account as Reddit and its readers write it ("u/riverfan22"): a handle of its own kind."""

# ---------------------------------------------------------------- verbs


def _capitalised(forms: tuple[str, ...]) -> tuple[str, ...]:
    return (*forms, *(f[:1].upper() + f[1:] for f in forms))


CONTINUING = frozenset(v.casefold() for v in words("continuing_verbs"))
"""Verbs that add to what the same speaker just said ("added", "fügte hinzu")."""
SPEECH = (*words("speech_verbs"), *words("continuing_verbs"))
WRITING = words("writing_verbs")
POSTING = words("posting_verbs")
REPORTING = (*SPEECH, *WRITING, *POSTING)
"""Every reporting verb of every language (finite forms)."""
PRO_DROP = tuple(
    v
    for f in ("speech_verbs", "continuing_verbs", "writing_verbs", "posting_verbs")
    for v in words(f, "es", "it", "pt")
)
"""Verbs of languages that leave the subject out («…», escribió en X)."""
_AUX = alternation(words("auxiliaries"))
PARTICIPLES = (*words("participles"), *words("written_participles"))
"""Every participle of a reporting verb ("gesagt", "geschrieben", "a écrit")."""
_PARTICIPLES = alternation(PARTICIPLES)
_ENDINGS = "|".join(sorted({re.escape(e) for e in words("verb_endings")}, key=lambda e: (-len(e), e)))

_REPORTING_FIRST = alternation(tuple(v.capitalize() for v in REPORTING if " " not in v))
_WHO_FIRST = alternation(
    _capitalised((*words("indefinite"), *words("someone"), *words("definite"), *words("pronouns")))
)
VERB = rf"""(?:
      (?:{alternation(_capitalised(POSTING))})           # tweeted, Tweeted, twitterte, tuiteó
    | (?:{_AUX})\s+(?:\w+\s+)?(?:{_PARTICIPLES})         # a écrit, ha escrito, has also tweeted
    | (?:{alternation(REPORTING)})                       # said, wrote, schrieb, escribió
    | (?<![\w’'\-])(?:{_REPORTING_FIRST})(?=\s+(?:{_WHO_FIRST})\b)   # Wrote one fan: (a sentence's start)
    | (?:se\s+|s['’])?[a-zà-öø-ÿ]{{3,}}(?:{_ENDINGS})    # any past form (checked: only with a platform)
)"""
"""A reporting verb, listed or not: an unlisted one ("ranted", "schwärmte", "celebró") counts only
where a platform phrase says the words were posted (see :func:`listed_verb`)."""

LISTED_VERB = rf"""(?:
      (?:{alternation(_capitalised(POSTING))})
    | (?:{_AUX})\s+(?:\w+\s+)?(?:{_PARTICIPLES})
    | (?:{alternation(REPORTING)})
    | (?<![\w’'\-])(?:{alternation(tuple(v.capitalize() for v in REPORTING if " " not in v))})
)"""
"""A listed reporting verb only (see :data:`VERB`)."""

_LISTED = frozenset(v.casefold() for v in (*REPORTING, *PARTICIPLES, *words("post_verbs")))


def listed_verb(verb: str) -> bool:
    """Whether the verb a pattern matched is a listed reporting verb (not only a past form)."""
    folded = " ".join(verb.casefold().split())
    if folded in _LISTED or folded.split()[-1] in _LISTED:
        return True
    for clitic in ("se ", "s'", "s’"):
        if folded.startswith(clitic):
            return folded[len(clitic) :].strip() in _LISTED
    return False


VERB_GATE = rf"(?<![\w’'\-])(?:{trie(set(_LISTED))})(?![\w’'\-])"
"""Where a listed reporting verb stands (text lowercased): without one, no attribution pattern
that wants a listed verb can match (a cheap test before the patterns)."""

PREP_BEFORE = rf"(?<![\w’'\-])(?i:{alternation(words('prepositions'))})\s*$"
"""A preposition ending the text before a name: the name is not the subject ("in China were")."""

ADV = rf"(?:(?:{alternation((*words('adverbs'), *words('auxiliaries'), *words('clitics')))})\s+){{0,2}}"
"""Adverbs, auxiliaries and object pronouns between a speaker and the verb ("he also tweeted",
"er kürzlich", "que me respondió")."""


# ---------------------------------------------------------------- speaker phrases

PRONOUN = alternation(_capitalised(words("pronouns")))
_DETERMINERS = alternation(
    _capitalised(
        (
            *words("definite"),
            *words("possessives"),
            *words("demonstratives"),
            *words("indefinite"),
        )
    )
)
SOMEONE = alternation(_capitalised(words("someone")))
_PHRASE_WORD = r"@?[\w’'\-]+"

SPEAKER = rf"""(?:
      (?:{PRONOUN}|it)(?![\w’'\-])                               # he, she, er, elle; it (a body)
    | {HANDLE}(?!\w)                                             # @annreyes
    | {REDDIT_USER}(?![\w\-])                                    # u/riverfan22
    | {NAME_RUN}                                                 # Mayor Ann Reyes, 9GAG
    | (?:{_DETERMINERS})(?:\s+|(?<=['’]))(?:(?!(?:{_DETERMINERS})\s){_PHRASE_WORD}\s+){{0,5}}?{_PHRASE_WORD}
                                                                 # the reality figure, l'actrice
    | (?:{SOMEONE})(?![\w’'\-])                                  # someone, jemand, alguien
)"""
"""A speaker as an attribution names one; :func:`threads.prose.speakers.read` says which kind."""

APPOSITIVE = r"""(?P<app>\s*,[^,:“”"„«»]{1,120},(?:[^,:“”"„«»]{1,120},)?)"""
"""An appositive after the speaker, in one or two parts ("Ann Reyes, 42, a nurse from Ohio,")."""
AT = rf"(?:\s*\(\s*(?P<at>{HANDLE})\s*\)|\s*\((?!\s*@)[^()“”\"„«»:;@]{{1,30}}\))"
"""The account written beside a name ("Ann Reyes (@annreyes)"), or what the press sets in brackets
after one: a party, a state, an age ("Karin Müller (SPD)", "Sen. Ann Reyes (D-Calif.)",
"Anna Keller (42)")."""
PRE = r"(?P<pre>(?:[\w’'.&\-]+\s+){0,5}?)"
"""Words before the speaker: "but", "utility spokesman", "Radiohead frontman"."""

# ---------------------------------------------------------------- platforms

PLATFORM = vocab.platform_alternation().replace(" ", r"\s+")
"""Every platform's names (a space matches any run of white space, as verbose patterns need)."""
_PREPOSITIONS = alternation(words("platform_prepositions"))
_FILLERS = alternation(words("platform_fillers"))
_ACCOUNTS = alternation(words("account_nouns"))
_MEDIA_NOUNS = alternation(words("media_nouns"))
_POST_NOUNS = alternation(words("post_nouns") + words("platform_nouns"))
_NETWORKS = alternation(words("social_networks"))
_OF = alternation(words("source_prepositions"))
_USERS = alternation(
    tuple(
        n
        for n in words("crowd_nouns")
        if " " not in n
        and "-" not in n
        and n.casefold() not in {p.casefold() for p in words("not_platform_users")}
    )
)
"""The crowd a platform has ("user", "Nutzer", "usuario", "follower"): "an Instagram user" speaks there."""
_LINKS = alternation((*words("platform_prepositions"), *words("source_prepositions")))
"""What joins an account or a network to its platform ("cuenta de X", "Konto auf Instagram")."""

PLATFORM_PHRASE = rf"""(?:
      (?<![\w@/.])(?i:{_PREPOSITIONS})\s+(?:(?i:{_FILLERS})\s+){{0,4}}(?P<p1>{PLATFORM})\b
        (?!\s*(?:CEO|founder|employees?|executives?|spokes\w+|said|and\s+(?:the\s+)?(?:police|press)))
                                                            # on Twitter, auf X, en su cuenta oficial de X
    | \b(?P<p2>{PLATFORM})(?:[\s-]|(?<!X))(?i:{_POST_NOUNS}|{_ACCOUNTS}|{_MEDIA_NOUNS})\b
                                                            # an Instagram post, Instagram-Story, photo
    | (?i:\b(?:{_ACCOUNTS})\s+(?:[a-zà-ÿ][\w\-]*\s+(?=(?:{_LINKS})\s))?   # grupo vecinal de
        (?:(?:{_FILLERS}|{_LINKS})\s+){{0,3}})(?P<p3>{PLATFORM})\b   # cuenta de X, Konto auf Instagram
    | (?i:\b(?:{_NETWORKS})\s+(?:(?:{_LINKS})\s+)?)(?P<p4>{PLATFORM})\b   # la red social X
    | \b(?P<p5>{PLATFORM})[\s-](?i:{_USERS})\b                    # an Instagram user, ein X-Nutzer
    | (?i:\b(?:{_USERS})\s+(?:{_LINKS})\s+(?:(?:{_FILLERS})\s+){{0,2}})(?P<p6>{PLATFORM})\b
                                                            # un usuario de X, a user on TikTok
)"""
"""A phrase that names the platform a post stands on."""

_ANY_POST_NOUN = alternation((*words("post_nouns"), *words("platform_nouns"), *words("media_nouns")))
NOUN_OF = rf"(?i:\b(?:{_ANY_POST_NOUN})\s+(?:(?:{_OF})\s+)?)$"
"""A post or a picture "of" the platform named right after it, as Romance languages put it ("una
historia de Instagram", "une story Instagram", "un post de X"), looked for before each platform
name (a pattern that opened on the nouns would be tried at every place of every sentence)."""

SOCIAL_NETWORKS = rf"""(?i:\b(?:{_PREPOSITIONS}|{alternation(words("prepositions"))})\s+
    (?:(?:{_FILLERS})\s+)?
    (?:{_NETWORKS})\b)"""
"""Social media with no platform named: "on social media", "en sus redes sociales"."""

POSTING_WORD = r"""(?i:
      \b(?:re)?tweet(?:ed|s|ing|ete|eten|et)?\b     # tweeted, tweetete
    | \btweetstorm\b
    | \btwitter(?:te|ten|t)\b | \bgetwittert\b      # twitterte
    | \btuit(?:s|eó|earon|ea|ou|ado)?\b | \btrinó\b  # tuiteó, trinó
    | \btw(?:ee|i)tt?é\b | \btwitt(?:ato|ò|a)\b      # a tweeté, ha twittato
)"""
"""A word that names Twitter by itself."""

_COUNT = r"\d[\d.,]*(?:\s*[a-zà-ÿ]+\.?)?(?:\s+(?:de|di|d['’]))?"
"""A number of people as articles write it: "30 million", "2,3 millions d'", "500.000"."""
_AUDIENCE = alternation(words("audience_nouns"))
AUDIENCE = rf"""(?i:\b(?:{alternation(words("possessives"))})\s+(?:
      {_COUNT}\s*(?:(?-i:{PLATFORM})[\s-]+)?(?:{_AUDIENCE})             # his 2 million (Instagram) followers
    | (?P<p1>(?-i:{PLATFORM}))[\s-]+(?:{_AUDIENCE})                      # her Instagram followers
)\b)"""
"""An account's readers, counted or with their platform: words told to them were posted."""
BESIDE_MEDIA = rf"""(?i:\b(?:{alternation(words("beside_words"))})\s*
    (?:(?:{alternation((*words("indefinite"), *words("possessives"), *words("definite")))})\s+)?
    (?:[\w’'\-]+\s+)?(?:{alternation(words("media_nouns"))})\b)"""
"""Words set beside a picture ("alongside a photo of the crowd", "zu einem Foto"): a caption."""

SUBREDDIT = r"(?:(?<![\w/])r/[A-Za-z0-9_]{2,21}(?![\w/])|(?i:\bsubreddits?\b))"
"""A Reddit community ("r/CPSBison", "the city's subreddit"): where its words were posted."""
SKEET = r"(?i:\bskeet(?:ed|s)?\b)"
TOOT = rf"(?i:\btoot(?:ed|s)?\b(?!\s+(?:{alternation(words('possessives', 'en'))})\s+(?:own\s+)?horn))"

_SERIES_NOUNS = alternation(words("series_nouns"))
_SERIES_ITEMS = alternation(words("series_items"))
SERIES = rf"""(?i:
      \b(?:{_SERIES_NOUNS})\s+(?:{alternation(words("source_prepositions"))})\s+(?:\w+\s+)?(?:{_SERIES_ITEMS})\b
                                                           # a series of tweets, eine Reihe von Posts
    | \btweet\s?storm\b
    | \b(?:Twitter|X)\s+thread\b
    | \b(?:{_ACCOUNTS})\b[^.]{{0,40}}\b(?:{_SERIES_ITEMS})\b   # his feed continued with tweets
    | \b(?:{_SERIES_ITEMS})\s+(?:{alternation(words("continuing_verbs"))})\b   # the posts went on
)"""
"""A passage saying the speaker's posts are being quoted."""

NOT_SOCIAL = "|".join(f"(?:{p})" for p in words("not_social"))
"""Phrases that say the words were spoken or written elsewhere."""

_VIDEOS = alternation(words("video_nouns"))
_A_OR_HIS = alternation((*words("indefinite"), *words("possessives")))
_IN_NOT_UNDER = tuple(w for w in words("in_words") if w not in words("under_words"))
VIDEO = rf"""(?i:\b(?:{alternation(_IN_NOT_UNDER)})\s+(?:(?:{_A_OR_HIS})\s+)?
    (?:\w+[\s-]){{0,2}}(?:{_VIDEOS})\b)"""
"""Words said in a video ("in an Instagram video", "in einem Insta-Video"): spoken, not posted."""


def platform_of(match: re.Match[str]) -> str:
    """The platform a :data:`PLATFORM_PHRASE` match names."""
    for group in ("p1", "p2", "p3", "p4", "p5", "p6"):
        if group not in match.re.groupindex:
            continue
        name = match.group(group)
        if name:
            return vocab.PLATFORM_NAMES.get(name.casefold(), "unknown")
    return "unknown"


ROLE_SUFFIX = re.compile(r"(?<!ig|ch|en|er|nd|ch|ll)(?:er|or|ist|ian|man|woman|ster|star|eur|euse|ess|in)$")
"""Endings of role nouns ("singer", "frontman", "novelist"); not German adjectives ("langjähriger",
"frischgebackener", "kanadischer")."""
POST_NOUNS = frozenset(n.casefold() for n in words("post_nouns"))
PLATFORM_NOUNS = frozenset(n.casefold() for n in words("platform_nouns"))
"""What a platform calls its posts and replies ("story", "Kommentar", "publication", "hilo")."""

POST_NOUN = rf"""(?i:(?:(?-i:{PLATFORM})(?:[\s-]|(?<!X)))?(?:{alternation(words("post_nouns"))})
    |(?-i:{PLATFORM})(?:[\s-]|(?<!X))(?:{alternation(words("platform_nouns"))}))(?![\w’'\-])"""
"""A post named as such: "tweet", "post", "Beitrag", or with its platform "Instagram story"."""
CROWD_NOUNS = frozenset(n.casefold() for n in words("crowd_nouns"))
CROWD_WORDS = frozenset(n.casefold() for n in words("crowd_words"))
BODIES = frozenset(n.casefold() for n in words("bodies"))
SPOKES = frozenset(n.casefold() for n in words("spokes_nouns"))
ROLE_NOUNS = frozenset(n.casefold() for n in words("role_nouns"))
NOT_SPEAKERS = frozenset(n.casefold() for n in words("not_speakers"))
ACCOUNT_NOUNS = frozenset(n.casefold() for n in words("account_nouns"))
"""Nouns of an account ("page", "Konto", "cuenta"), lower-cased."""
DEFINITE = lexicon.mapping("definite")
POSSESSIVES = lexicon.mapping("possessives")
PRONOUNS = lexicon.mapping("pronouns")
INDEFINITE = frozenset(w.casefold() for w in words("indefinite"))
DEMONSTRATIVES = frozenset(w.casefold() for w in words("demonstratives"))
SOMEONE_WORDS = frozenset(w.casefold() for w in words("someone"))
ADDITIVE = frozenset(w.casefold() for w in words("additive"))

SENTENCE_STOP = compiled(r"[.!?…]\s")
"""Where a sentence of the reporter's ends, inside a lead-in or the words between two quotes: what
comes after the last one is the sentence being read."""
