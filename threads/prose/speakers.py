"""Who an attribution names, as written: a pronoun, an account, a name (with the role written
before or beside it), a description of someone named before ("the reality figure", "der
Popstar", "la ministra"), or someone never named ("one fan", "eine Userin", "jemand").

:func:`read` reads the phrase from the start of a text and says which kind it is; the scanner
then resolves it to a person of the article (:mod:`threads.people`).

>>> found = read("the multi-platinum singer tweeted")[0]
>>> found.kind, found.surface, found.role, found.head
(<Kind.DESCRIPTION: 'description'>, 'the multi-platinum singer', 'multi-platinum singer', 'singer')
>>> read("el diputado oficialista Luis Eduardo Camacho en su cuenta de X")[0].name
'Luis Eduardo Camacho'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import islice
from typing import NamedTuple

from .. import lexicon, vocab
from ..lexicon import Gender, words
from ..people import NOT_NAMES, fold_key, given_name_gender, is_title_word
from . import patterns as P

__all__ = ["Kind", "Speaker", "handle_in", "read"]


class Kind(StrEnum):
    PRONOUN = "pronoun"
    HANDLE = "handle"
    NAME = "name"
    DESCRIPTION = "description"
    """Someone the article named before, called by a noun ("the singer", "die Kanadierin")."""
    ANONYMOUS = "anonymous"
    """Someone the article does not name ("one fan", "a company spokesperson", "jemand")."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker phrase, read."""

    kind: Kind
    surface: str
    name: str | None = None
    """The name as written, titles kept ("Mayor Ann Reyes")."""
    role: str | None = None
    """Words that say what they are ("utility spokesman", "multi-platinum singer")."""
    head: str | None = None
    """The noun a description rests on ("singer", "Popstar", "ministra")."""
    gender: Gender | None = None
    handle: str | None = None
    proper: tuple[str, ...] = ()
    """Capitalised words of a description ("the Riverton police department": "Riverton")."""
    relational: bool = False
    """Named by a relation to someone else ("her father", "sein Weggefährte")."""
    crowd: bool = False
    """One of many commenters ("a user", "one", "eine weitere Person")."""
    spokes: bool = False
    """Speaks for someone else (a spokesperson, a lawyer): their words are a statement."""
    body: bool = False
    """An organisation or an account ("the police department", "humor site 9GAG")."""


_TOKEN = re.compile(
    r"@[\w.]*\w(?:@[\w\-]+(?:\.[\w\-]+)+)?|(?<![\w/])u/[\w\-]{3,20}|[lL]['’](?=[a-zà-öø-ÿ])|[\w’'\-]+\.?|\S"
)
"""Words of a speaker phrase; an elided article before a lower-case word is a word of its own
("l'actrice", "l’attrice"), as "la" would be."""
_NAME_RUN = P.compiled(rf"\s*(?P<run>{P.NAME_RUN})")
_ROLE_THEN_NAME = P.compiled(rf"""\s+(?P<roles>(?:[a-zà-ÿ][\w’'\-]*\s+){{1,3}})(?P<name>{P.NAME_RUN})""")
"""Lower-case role words, then a name, after a capitalised first word ("State senator Ann Reyes")."""
_APPOSED_NAME = P.compiled(
    rf"""\s*,\s*(?P<role>(?:[a-zà-ÿ][\w’'\-]*\s+){{0,4}})(?P<run>{P.NAME_RUN})(?=\s*(?:[,.;:!?)]|$))"""
)
"""A name set off after a description: "her father, country singer Billy Ray Cyrus"."""
_APPOSED_HANDLE = P.compiled(
    rf"""\s*,\s*(?:(?:{P.alternation(words("relative_pronouns"))})\s+)?
    (?:(?i:{P.alternation(words("handle_intros"))})\s+)?
    (?P<h>{P.HANDLE}|{P.REDDIT_USER})(?=\s*[,.;:!?)])"""
)
"""An account set off after a description: "one user, u/riverfan22,", "Another, who posts as
@plainsdrifter,", "Otra fan, identificada como @vegalover_mx,"."""
_INTRODUCED_HANDLE = P.compiled(
    rf"""[ \t]+(?i:{P.alternation(words("handle_intros"))})[ \t]+
    (?P<h>{P.HANDLE}|{P.REDDIT_USER})(?![\w@/])"""
)
"""An account given after a description without commas, by the words that introduce one: "a user
posting as @velvetgarage was more pointed", "un usuario identificado como @x respondió"."""


_OF = P.alternation((*words("source_prepositions"), *words("prepositions")))
_THE_ARTICLE = P.alternation(words("definite"))
_NAME_PARTICLE = rf"(?:(?:{P.alternation(words('particles'))})[ \t]+)?"
_AND_WORD = rf"(?:(?:{P.alternation(words('conjunctions'))})[ \t]+)?"
_OFFICE_OF = P.compiled(
    rf"""(?P<portfolio>(?:[ \t]+(?:{_OF})[ \t]+(?:(?:{_THE_ARTICLE})[ \t]+)?        # of (the), for, de
       [{P.UP}][\w’'\-]*(?:[ \t]+{_AND_WORD}[{P.UP}][\w’'\-]*)*?){{1,2}})
    [ \t]+(?P<name>[{P.UP}][\w’'\-]+(?:[ \t]+{_NAME_PARTICLE}[{P.UP}][\w’'\-]+){{1,2}})(?![\w’'\-])"""
)
"""An office with its portfolio, then the holder's name: "Secretary of State Ann Reyes",
"Minister for Foreign Affairs Tom Ortiz", "Secretary of State for the Sea Helene Marchetti"."""


def _office(text: str, run: str, end: int) -> tuple[str, str, int] | None:
    """(title, name, end) when ``run`` ends in an office's title word and its portfolio and the
    holder's name follow; the name is the last words from a known given name, else the last two."""
    if not is_title_word(run.split()[-1]):
        return None
    m = _OFFICE_OF.match(text, end)
    if m is None:
        return None
    words_ = (m.group("portfolio") + " " + m.group("name")).split()
    name_words = m.group("name").split()
    tail = words_[-5:]
    first = next((k for k, w in enumerate(tail) if given_name_gender(w) is not None), None)
    name = tail[first:] if first is not None and len(tail) - first >= 2 else name_words[-2:]
    title = " ".join(words_[: len(words_) - len(name)])
    return f"{run} {title}", " ".join(name), m.end()


def _group(code: str) -> str:
    """How a language builds its noun phrases (see :data:`_DET_LANGUAGE`)."""
    return code if code in ("en", "de") else "romance"


def _language_of_determiners() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in lexicon.LANGUAGES:
        group = _group(lang.code)
        for field in ("definite", "possessives", "demonstratives", "indefinite"):
            for word in getattr(lang, field):
                out.setdefault(word.casefold(), group)
    return out


_DET_LANGUAGE = _language_of_determiners()
"""A determiner -> how its noun phrase is built: "en" (the head last), "de" (the head the first
capitalised word), "romance" (the head first, adjectives after)."""


def _not_speakers_by_group() -> dict[str, frozenset[str]]:
    """For each group of :data:`_DET_LANGUAGE`, the nouns that name no speaker: every language's,
    but those that the group's own languages list as speakers (English "the studio" is a body,
    Italian "lo studio" a study)."""
    out: dict[str, frozenset[str]] = {}
    for group in ("en", "de", "romance"):
        codes = [lang.code for lang in lexicon.LANGUAGES if _group(lang.code) == group]
        own = {w.casefold() for f in ("bodies", "role_nouns", "crowd_nouns") for w in words(f, *codes)}
        out[group] = frozenset(P.NOT_SPEAKERS - (own - {w.casefold() for w in words("not_speakers", *codes)}))
    return out


_NOT_SPEAKERS = _not_speakers_by_group()
_STOP = frozenset(
    (
        *(w.casefold() for w in words("function_words")),
        *(w.casefold() for w in words("platform_prepositions")),
        *(w.casefold() for w in words("relative_pronouns")),
        *(v.casefold() for v in P.REPORTING),
        *(v.casefold() for v in words("post_verbs")),
        *(w.casefold() for w in words("adverbs")),
        *(w.casefold() for w in words("auxiliaries")),
        *(w.casefold() for w in words("copulas")),
    )
) - frozenset(_DET_LANGUAGE)
"""Words that end a description."""
_PREPOSITIONS = frozenset(w.casefold() for w in words("prepositions"))
_AUDIENCE = frozenset(w.casefold() for w in words("audience_nouns"))
_SKIP_V2 = frozenset(w.casefold() for w in words("before_late_subject"))
"""Words between a verb and its subject ("sieht das auch dieser Zuschauer")."""
_AGE = re.compile(r"^\d{1,3}(?:-year-old|-Jährige[rn]?|-jährige[rn]?)$|^\d{1,3}$|^Jahre$|^años$|^ans$")
_HANDLE_INTRO = P.compiled(
    rf"(?i:{P.alternation(words('handle_intros'))})\s+(?P<h>{P.HANDLE}|{P.REDDIT_USER})"
)


class _Word(NamedTuple):
    """A word of a speaker phrase and where it stands."""

    text: str
    start: int
    end: int


_BODY_OF = re.compile(
    r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'\-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w’'\-]*){0,3}"
)
"""The rest of an English body's name after its noun ("of Public Health", "for Education")."""

_IT = "it"
"""English's pronoun for a body ("the department … it said"): read as a speaker phrase of its own."""

_WHO_VERB = P.compiled(rf"\s*(?:{P.alternation(words('relative_pronouns'))})\s+[\w’'\-]+\s*")
"""A relative pronoun and its verb between a description and the words that give an account."""
_INTRODUCED_WITHIN = 80
"""How far into a speaker phrase an account introduced by words is looked for."""
_READ_WORDS = 24
"""The words of a text :func:`read` looks at: a speaker phrase never takes more."""


def read(text: str) -> tuple[Speaker, int] | None:
    """The speaker phrase at the start of ``text`` and where it ends, or ``None`` when the text
    starts with no speaker (a noun that cannot speak, a post: "the tweet", "the report")."""
    head = text[:_INTRODUCED_WITHIN]
    if ("@" in head or "u/" in head) and (m := _INTRODUCED_HANDLE.search(head)) is not None:
        # "A user posting as @velvetgarage was more pointed": one described, known by the account
        described = read(text[: m.start()])
        if (
            described is not None
            and described[0].kind in (Kind.ANONYMOUS, Kind.DESCRIPTION)
            and (described[1] >= m.start() or _WHO_VERB.fullmatch(text, described[1], m.start()))
        ):  # "A TikTok creator who posts under the handle @thermo.mom"
            handle = m.group("h")
            ref = replace(
                described[0], kind=Kind.HANDLE, handle=handle[2:] if handle[0] == "u" else handle[1:]
            )
            return ref, m.end("h")
    # a speaker phrase is a few words (an appositive is read from the text): the first words do
    toks = [_Word(m.group(0), m.start(), m.end()) for m in islice(_TOKEN.finditer(text), _READ_WORDS)]
    i = 0
    while i < len(toks) - 1 and toks[i].text.casefold() in _SKIP_V2 and not toks[i + 1].text[:1].isupper():
        i += 1  # German: "sieht das auch dieser Zuschauer", not "das Model Hailey Bieber"
    if i >= len(toks):
        return None
    word, _start, end = toks[i]
    folded = word.casefold().rstrip(".")
    article = folded in _DET_LANGUAGE and i + 1 < len(toks) and known_noun(toks[i + 1].text)
    if folded in P.PRONOUNS and not article:  # French "il a écrit" (he), Italian "il sindaco" (the)
        gender = P.PRONOUNS[folded]
        return Speaker(Kind.PRONOUN, word, gender=gender if isinstance(gender, Gender) else None), end
    if folded == _IT and i + 1 == len(toks):
        # "“…,” it said in a post": an organisation speaking of itself (never a subject found in
        # running text, where "it" is mostly no one)
        return Speaker(Kind.PRONOUN, word, gender=Gender.BODY), end
    if word.startswith("@"):
        return Speaker(Kind.HANDLE, word, handle=word[1:].rstrip(".")), end
    if word.startswith("u/"):
        return Speaker(Kind.HANDLE, word, handle=word[2:]), end  # a Reddit account
    if folded in P.SOMEONE_WORDS and not (i + 1 < len(toks) and _is_noun(toks[i + 1].text)):
        return _with_apposed(Speaker(Kind.ANONYMOUS, word, crowd=True), text, end)
    if (
        i + 1 < len(toks)
        and f"{folded} {toks[i + 1].text.casefold()}" in P.SOMEONE_WORDS
        and not (
            i + 2 < len(toks)
            and _is_noun(toks[i + 2].text)
            and not (_DET_LANGUAGE.get(folded) == "de" and toks[i + 2].text[:1].islower())
        )  # German writes its nouns capitalised: "ein anderer befand" is one more and a verb
    ):
        # "ein anderer", "un autre", "a third": one more of the crowd, unless a noun follows
        # ("ein anderer Nutzer" is read as its noun phrase)
        end = toks[i + 1].end
        return _with_apposed(Speaker(Kind.ANONYMOUS, text[toks[i].start : end], crowd=True), text, end)
    if folded in _DET_LANGUAGE:
        return _described(text, toks, i)
    return _named(text, toks, i)


def known_noun(word: str) -> bool:
    """A noun the lexicon knows for a person or a body ("sindaco", "ministra", "club")."""
    key = word.casefold()
    return (
        lexicon.gender_of(word) is not None
        or key in P.ROLE_NOUNS
        or key in P.BODIES
        or key in P.CROWD_NOUNS
        or key in P.SPOKES
        or is_title_word(word)
    )


def _is_noun(word: str) -> bool:
    return word[:1].isalpha() and word.casefold() not in _STOP


def _named(text: str, toks: list[_Word], i: int) -> tuple[Speaker, int] | None:
    """Lower-case role words, then a name: "utility spokesman Daniel Okafor", "user @x", "Reyes"."""
    start = toks[i].start
    role: list[str] = []
    while i < len(toks) and toks[i].text[:1].islower() and toks[i].text[:1].isalpha() and len(role) < 4:
        if toks[i].text.casefold() in _STOP:
            return None
        role.append(toks[i].text)
        i += 1
    if i >= len(toks):
        return None
    if toks[i].text.startswith("@"):
        crowd = bool(role) and role[-1].casefold() in P.CROWD_NOUNS
        return Speaker(Kind.HANDLE, text[start : toks[i].end], handle=toks[i].text[1:], crowd=crowd), toks[
            i
        ].end
    m = _NAME_RUN.match(text, toks[i].start)
    if m is None:
        return None
    run = (
        m.group("run").rstrip(".")
        if m.group("run").endswith(".") and len(m.group("run")) > 3
        else m.group("run")
    )
    if not role and (named := _ROLE_THEN_NAME.match(text, m.start("run") + len(run))) is not None:
        roles = named.group("roles").split()
        last_role = roles[-1].casefold()
        is_role = known_noun(roles[-1]) or (len(last_role) > 4 and bool(P.ROLE_SUFFIX.search(last_role)))
        if is_role and len(named.group("name").split()) >= 2:
            # "State senator Wendell Ashby-Crane", "Bakery owner Priya Nandakumar", "Former Rovers
            # striker Gail Summer": a role opening the sentence, capitalised there, then the name
            name = named.group("name")
            role_words = f"{run} {' '.join(roles)}"
            return Speaker(
                Kind.NAME, text[start : named.end("name")], name=name, role=role_words,
                gender=lexicon.gender_of(roles[-1]),
            ), named.end("name")  # fmt: skip
    if (office := _office(text, run, m.start("run") + len(run))) is not None:
        title, name, end = office  # "Secretary of State for the Sea Helene Marchetti"
        role_text = " ".join((*role, title))
        return Speaker(
            Kind.NAME, text[start:end], name=name, role=role_text, gender=lexicon.gender_of(title.split()[-1])
        ), end
    if run.casefold() in vocab.PLATFORM_NAMES and not role:
        return Speaker(Kind.NAME, run, name=run, body=True), m.start("run") + len(
            run
        )  # "Twitter said in a tweet"
    if all(fold_key(w) in NOT_NAMES for w in run.split()):
        return None
    body = bool(role) and role[-1].casefold() in P.BODIES
    spokes = bool(role) and role[-1].casefold() in P.SPOKES
    gender = lexicon.gender_of(role[-1]) if role else None
    speaker = Speaker(
        Kind.NAME, text[start : m.start("run") + len(run)], name=run, role=" ".join(role) or None,
        gender=gender, body=body, spokes=spokes,
    )  # fmt: skip
    return speaker, m.start("run") + len(run)


def _described(text: str, toks: list[_Word], i: int) -> tuple[Speaker, int] | None:
    """A determiner and its noun phrase, read as its language builds one; a name after the head
    makes it a name with a role ("der Umweltminister Magnus Heunicke")."""
    det = toks[i].text.casefold()
    lang = _DET_LANGUAGE[det]
    if i + 1 < len(toks) and toks[i + 1].text.casefold() in _DET_LANGUAGE and det in _PREPOSITIONS:
        return None  # Spanish "a la publicación", "a El Faro": a preposition and its object, not "a"
    if (
        i + 2 < len(toks)
        and toks[i + 1].text.startswith("@")
        and len(toks[i + 1].text) > 1
        and toks[i + 2].text.casefold() in P.ACCOUNT_NOUNS
    ):  # "the @CityOfRiverton account": the account the handle names
        on = _ON_PLATFORM.match(text, toks[i + 2].end)
        handle = toks[i + 1].text
        end = on.end() if on is not None else toks[i + 2].end
        return Speaker(Kind.HANDLE, handle, handle=handle[1:]), end
    phrase = _english_phrase if lang == "en" else _german_phrase if lang == "de" else _romance_phrase
    # "un autre internaute", "ein anderer Nutzer", "otro usuario": "one more" is the determiner
    more = i + 2 < len(toks) and f"{det} {toks[i + 1].text.casefold()}" in P.SOMEONE_WORDS
    found = phrase(toks, i + 2 if more else i + 1)
    if found is None and lang == "en" and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        # "the Metropolitan Police", "the White House": an organisation's name with its article
        m = _NAME_RUN.match(text, toks[i + 1].start)
        if m is not None and not all(fold_key(w) in NOT_NAMES for w in m.group("run").split()):
            run = m.group("run").rstrip(".")
            run_end = m.start("run") + len(run)
            if run.split()[-1].casefold() in P.BODIES and (of := _BODY_OF.match(text, run_end)) is not None:
                # "the Department of Public Health", "the University of Halden": the body's whole name
                run, run_end = text[m.start("run") : of.end()], of.end()
            return Speaker(Kind.NAME, text[toks[i].start : run_end], name=run, body=True), run_end
    if found is None:
        return None
    head_at, last = found
    head = toks[head_at].text.rstrip(".")
    key = head.casefold()
    if key in P.POST_NOUNS or key in P.PLATFORM_NOUNS or key in vocab.PLATFORM_NAMES:
        return None  # a post or a platform ("su Facebook" is Italian's "on", not "its")
    if key in _NOT_SPEAKERS[lang]:
        return None  # a document, a song, a sign: no one
    if det in P.POSSESSIVES and key in _AUDIENCE:
        return None  # "told her Instagram followers": whom the words are for, not who says them
    start, end = toks[i].start, toks[last].end
    words_between = [t.text for t in toks[i + 1 : last + 1]]
    if key in P.ACCOUNT_NOUNS and (owner := _account_owner(text, end, words_between[:-1])) is not None:
        # "the official account of the Lakers", "the Lakers' account"; the platform it is on is
        # part of the phrase ("the club's account on X was quick to respond")
        on = _ON_PLATFORM.match(text, owner[1])
        return owner[0], on.end() if on is not None else owner[1]
    named = _name_after_head(text, toks, head_at, last, lang)
    if named is not None and head[:1].isupper() and head.casefold() in P.BODIES and lang != "de":
        # "la Policía Nacional", "la Gendarmerie nationale": the organisation's own name
        run, run_end = named
        return Speaker(Kind.NAME, text[start:run_end], name=f"{head} {run}", body=True), run_end
    if named is not None:
        run, run_end = named
        role = " ".join(t.text for t in toks[i + 1 : head_at + 1])
        gender = lexicon.gender_of(head) or _det_gender(det, head)
        return Speaker(Kind.NAME, text[start:run_end], name=run, role=role, gender=gender), run_end
    gender = lexicon.gender_of(head) or _det_gender(det, head)
    kind = _kind_of(det, head)
    if kind is None:
        return None
    speaker = Speaker(
        kind,
        text[start:end].rstrip("."),
        role=" ".join(
            w for w in words_between if w[:1].islower() or w is words_between[-1] or lang == "de"
        ).rstrip("."),
        head=head,
        gender=gender,
        proper=tuple(w for w in words_between[:-1] if w[:1].isupper()) if head.casefold() in P.BODIES else (),
        relational=det in P.POSSESSIVES,
        crowd=head.casefold() in P.CROWD_NOUNS or det in P.SOMEONE_WORDS or more,
        spokes=head.casefold() in P.SPOKES,
        body=head.casefold() in P.BODIES or (lang == "de" and _compound_body(head)),
    )
    if speaker.crowd and (on := _OF_PLATFORM.match(text, end)) is not None:
        end = on.end()  # "un usuario de X", "a user on TikTok": the platform is the crowd's
    elif speaker.body and (place := _IN_PLACE.match(text, end)) is not None:
        end = place.end()  # "the weather service office in Springfield": which office, not another
    return _with_apposed(speaker, text, end)


_IN_PLACE = P.compiled(
    rf"""[ \t]+(?:{P.alternation(words("place_prepositions"))})[ \t]+
    (?!(?:{P.PLATFORM})(?![\w’'\-]))[{P.UP}][\w’'\-]+(?:[ \t]+[{P.UP}][\w’'\-]+){{0,2}}(?![\w’'\-])"""
)
"""Where a body sits, after its noun: "the embassy in Kyiv", "die Feuerwehr in Leipzig"."""
_OWNER_AFTER = P.compiled(rf"\s+(?:{P.alternation(words('source_prepositions'))})\s+(?=\S)")
_ON_PLATFORM = P.compiled(
    rf"""\s+(?i:{P.alternation(words("platform_prepositions"))})\s+
    (?:(?i:{P.alternation(words("platform_fillers"))})\s+){{0,3}}(?:{P.PLATFORM})(?![\w’'\-])"""
)
"""The platform an account is on, after the account ("… account on X", "o perfil do clube no X")."""
_OF_PLATFORM = P.compiled(
    rf"""\s+(?i:{P.alternation((*words("platform_prepositions"), *words("source_prepositions")))})\s+
    (?:(?i:{P.alternation(words("platform_fillers"))})\s+){{0,2}}(?:{P.PLATFORM})(?![\w’'\-])"""
)
"""The platform of a crowd ("un usuario de X", "a user on TikTok", "un utente di Instagram")."""
_POSSESSIVE_SUFFIXES = ("’s", "'s", "s’", "s'")


def _account_owner(text: str, end: int, before_head: list[str]) -> tuple[Speaker, int] | None:
    """The owner an account phrase names, who is the one posting: after the noun ("the official
    account of the Lakers", "la cuenta oficial de la Policía Nacional") or before it, possessive
    ("the Lakers' official account")."""
    m = _OWNER_AFTER.match(text, end)
    owner = read(text[m.end() :]) if m is not None else None
    if m is not None and owner is not None and owner[0].kind == Kind.NAME:
        return owner[0], m.end() + owner[1]
    if m is not None and (noun := _TOKEN.match(text, m.end())) is not None and _owning_noun(noun.group(0)):
        # "o perfil oficial do clube", "la cuenta del club": a preposition with its article
        # folded in, then the noun of a body or a person described
        word = noun.group(0)
        return Speaker(Kind.DESCRIPTION, word, head=word, body=word.casefold() in P.BODIES), noun.end()
    handles = [w for w in before_head if w.startswith("@") and len(w) > 1]
    if handles:  # "the @CityOfRiverton account", "el perfil @policia": the account it names
        return Speaker(Kind.HANDLE, handles[0], handle=handles[0][1:].rstrip(".")), end
    if before_head and before_head[0].endswith(_POSSESSIVE_SUFFIXES):
        word = before_head[0][:-2] if before_head[0][-2:] in ("’s", "'s") else before_head[0][:-1]
        if _owning_noun(word):  # "the club's official account": the club described
            return Speaker(Kind.DESCRIPTION, word, head=word, body=word.casefold() in P.BODIES), end
    owners = [w for w in before_head if w[:1].isupper()]
    if (
        owners
        and owners[-1].endswith(_POSSESSIVE_SUFFIXES)
        and len(owners) == len(before_head) - sum(1 for w in before_head if w[:1].islower())
    ):
        name = " ".join(owners).removesuffix("'s").removesuffix("’s").rstrip("'’")
        return Speaker(Kind.NAME, name, name=name, body=True), end
    return None


_ACCOUNT_AFTER_OWNER = P.compiled(
    rf"\s+(?:[a-zà-ÿ][\w’'\-]*\s+){{0,2}}(?i:{P.alternation(words('account_nouns'))})(?![\w’'\-])"
)


def account_after(text: str, pos: int) -> int | None:
    """Where an account phrase after an owner's possessive ends ("[Riverside FC's] official
    account on X"), its platform included, or ``None`` when no account follows."""
    m = _ACCOUNT_AFTER_OWNER.match(text, pos)
    if m is None:
        return None
    on = _ON_PLATFORM.match(text, m.end())
    return on.end() if on is not None else m.end()


def _owning_noun(word: str) -> bool:
    """A lower-case noun that can own an account: a body or a person described ("club",
    "ministerio", "singer")."""
    key = word.casefold()
    return word[:1].islower() and (
        key in P.BODIES or key in P.ROLE_NOUNS or lexicon.gender_of(word) is not None
    )


_BODY_ENDS = tuple(sorted(b for b in P.BODIES if len(b) >= 3 and b != "band"))


def _compound_body(head: str) -> bool:
    """A German compound whose last part names an organisation ("Landeselternrat",
    "Stadtverwaltung", "Elternverein"): the compound does too."""
    key = head.casefold()
    return head[:1].isupper() and len(key) > 6 and key.endswith(_BODY_ENDS)


def _kind_of(det: str, head: str) -> Kind | None:
    if det in P.INDEFINITE:
        return Kind.ANONYMOUS
    if det in P.DEMONSTRATIVES:
        # "dieser Zuschauer", "this user": one of the crowd just quoted; "that falsely …" is a clause
        return Kind.ANONYMOUS if head.casefold() in P.CROWD_NOUNS else None
    return Kind.DESCRIPTION


def _det_gender(det: str, head: str) -> Gender | None:
    """The gender a determiner tells of a person ("der Popstar", "la ministra"); not for nouns
    whose grammatical gender is fixed whoever they name ("die Person")."""
    gender = P.DEFINITE.get(det)
    if not isinstance(gender, Gender) or head.casefold() in P.CROWD_NOUNS:
        return None
    return gender


_EN_PREPOSITIONS = frozenset(w.casefold() for w in words("prepositions", "en"))


def _english_phrase(toks: list[_Word], i: int) -> tuple[int, int] | None:
    """ "the reality figure", "the Riverton police department", "the 19-year-old": the head is
    the last lower-case word before anything that ends the phrase."""
    head = None
    for k in range(i, min(len(toks), i + 6)):
        word = toks[k].text
        if not (word[:1].isalnum()) or word.casefold().rstrip(".") in _STOP:
            break
        if head is not None and word.casefold() in _EN_PREPOSITIONS:
            break  # "the mood among fans", "the mayor of Springfield": the head is before it
        if head is not None and word.endswith("ed"):
            break  # a verb ("the 19-year-old reacted")
        if head is not None and word[:1].isupper() and not _adjective_before_noun(toks, k):
            break  # a name after the noun ("the singer Adele"), not "the famed Australian golfer"
        if word[:1].islower() or _AGE.match(word.rstrip(".")):
            head = k
            if _AGE.match(word.rstrip(".")) or word.endswith("."):
                break
    return (head, head) if head is not None else None


def _adjective_before_noun(toks: list[_Word], k: int) -> bool:
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    return nxt[:1].islower() and nxt.casefold() not in _STOP and not nxt.endswith("ed")


def _german_phrase(toks: list[_Word], i: int) -> tuple[int, int] | None:
    """ "der Popstar", "der 25 Jahre alte Sohn", "sein langjähriger TV-Weggefährte": lower-case
    words and an age, then the head, the first capitalised word."""
    for k in range(i, min(len(toks), i + 7)):
        word = toks[k].text
        if word[:1].isupper() and not _AGE.match(word.rstrip(".")):
            return k, k
        if _AGE.match(word.rstrip(".")) and "-" in word:
            return k, k  # "die 32-Jährige"
        if not (word[:1].isalnum()) or word.casefold() in _STOP:
            return None
    return None


_BEFORE_HEAD = frozenset(w.casefold() for w in words("before_head"))


def _romance_phrase(toks: list[_Word], i: int) -> tuple[int, int] | None:
    """ "la ministra de relaciones exteriores", "el diputado oficialista": the head first, then
    lower-case adjectives."""
    if i >= len(toks) or not toks[i].text[:1].isalpha() or toks[i].text.casefold() in _STOP:
        return None
    if toks[i].text.casefold() in _BEFORE_HEAD and i + 1 < len(toks) and toks[i + 1].text[:1].islower():
        i += 1  # "la propia artista", "el joven delantero": the noun after the adjective
    head = last = i
    k = i + 1
    while (
        k < len(toks)
        and toks[k].text[:1].islower()
        and toks[k].text.casefold() not in _STOP
        and toks[k].text.casefold() not in _PREPOSITIONS  # "il sindaco di Milano": the head's complement
        and k - i < 4
    ):
        last = k
        k += 1
    if last == head and toks[head].text.casefold() in P.BODIES:
        last = _body_complement(toks, head + 1, last)  # "la préfecture de police", "la policía de Madrid"
    return head, last


def _body_complement(toks: list[_Word], k: int, last: int) -> int:
    """The end of an organisation's complement ("de police", "de la ciudad", "de Madrid"): "de"
    (or its article forms) and one word; ``last`` when there is none."""
    if k >= len(toks) or toks[k].text.casefold() not in _OF_WORDS:
        return last
    k += 1
    if k < len(toks) and toks[k].text.casefold() in _DET_LANGUAGE:
        k += 1
    if k < len(toks) and toks[k].text[:1].isalpha() and toks[k].text.casefold() not in _STOP:
        return k
    return last


_OF_WORDS = frozenset(("de", "del", "du", "des", "d'", "d’", "di", "della", "do", "da"))


def _name_after_head(text: str, toks: list[_Word], head: int, last: int, lang: str) -> tuple[str, int] | None:
    """A name right after a description's head: "the singer Adele", "seine Tochter Kirsten",
    "el diputado oficialista Luis Eduardo Camacho". In German every noun is capitalised, so a
    single word counts there only after a title or a kin noun."""
    if last + 1 >= len(toks) or not toks[last + 1].text[:1].isupper():
        return None
    m = _NAME_RUN.match(text, toks[last + 1].start)
    if m is None:
        return None
    run = m.group("run").rstrip(".")
    names = [w for w in run.split() if fold_key(w) not in NOT_NAMES]
    if not names:
        return None
    head_word = toks[head].text
    if (
        lang == "de"
        and len(names) < 2
        and not (
            is_title_word(head_word)
            or lexicon.gender_of(head_word) in (Gender.MAN, Gender.WOMAN)  # a person's noun, not a body's
            or given_name_gender(names[0])
        )
    ):
        return None  # "die 32-Jährige Fotos": the object, not a name
    return run, m.start("run") + len(run)


def _with_apposed(speaker: Speaker, text: str, end: int) -> tuple[Speaker, int]:
    """ "said one, Ben Wainwright", "her father, country singer Billy Ray Cyrus": a name set
    off after the phrase is the speaker's."""
    h = _APPOSED_HANDLE.match(text, end)
    if h is not None:  # "one user, u/riverfan22,", "a fan, @kat_m,": the account of the one described
        handle = h.group("h")
        return replace(
            speaker, kind=Kind.HANDLE, handle=handle[2:] if handle[0] == "u" else handle[1:]
        ), h.end("h")
    m = _APPOSED_NAME.match(text, end)
    if m is None or all(fold_key(w) in NOT_NAMES for w in m.group("run").split()):
        return speaker, end
    role = m.group("role").strip() or speaker.role
    run = m.group("run").rstrip(".")
    return replace(speaker, kind=Kind.NAME, name=run, role=role, relational=False), m.start("run") + len(run)


def handle_in(text: str) -> str | None:
    """An account the attribution gives in words ("someone tweeted under the handle @x")."""
    m = _HANDLE_INTRO.search(text)
    if m is None:
        return None
    handle = m.group("h")
    return handle[2:] if handle.startswith("u/") else handle[1:]
