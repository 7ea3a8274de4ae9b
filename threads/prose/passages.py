"""Who a sentence is about: its subject (a name, a pronoun, a description, a name set off after a
role, the subject after a German verb), and the people it names besides, as an article builds
them (:class:`~threads.people.Cast`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import lexicon, vocab
from ..lexicon import Gender, words
from ..people import NOT_NAMES, PARTICLES, Person, fold_key, given_name_gender, is_title_word, split_title
from . import patterns as P
from .patterns import alternation
from .speakers import Kind, Speaker, account_after, known_noun, read

if TYPE_CHECKING:
    from .scanner import Scanner, Sentence

__all__ = ["heading", "subject"]

_AGE_IN_PARENS = r"(?:\s*\(\d{1,3}\))?"
_SUBJECT = P.compiled(
    rf"""(?<![\w’'.\-])
    (?P<run>{P.NAME_RUN}){_AGE_IN_PARENS}                  # Ann Reyes, Justin Bieber (30)
    (?P<app>\s*,[^,:“”"„«»]{{2,160}}+,)?                   # , a nurse from Ohio,
    (?P<comma>,)?                                         # (the opposition's spokesman,) Jörn Weller,
    \s+{P.ADV}
    (?P<verb>[a-zà-ÿ][\w’'-]+)                            # the verb (any lower-case word)"""
)
_NAMED_PHRASE = P.compiled(
    r"\s*(?:(?:[^\s,.;:!?]+\s+){0,3}[^\s,.;:!?]+,\s+)?(?:[^\s,.;:!?]+\s+){0,9}[^\s,.;:!?]+,\s*$"
)
"""A phrase of a few words opening the sentence (after a short one set off, "Por eso,") and a
comma: the subject a name set off after it names ("Der verkehrspolitische Sprecher der
Opposition, Jörn Weller, zitierte")."""
_AND = frozenset(w.casefold() for w in words("conjunctions"))
_AND_NAME = P.compiled(rf"\s+(?P<run>{P.NAME_RUN}){_AGE_IN_PARENS}\s+{P.ADV}[a-zà-ÿ]")
_ROLE_SUFFIX = P.ROLE_SUFFIX
_ROLE_BEFORE = P.compiled(
    rf"""(?:(?P<owner>{P.NAME_RUN})(?:[’']s|[’'])?\s+)?       # Radiohead, Bobbi Kristina's
    (?P<role>(?:[a-zà-ÿ][\w’'\-]*\s+){{1,3}})$                # frontman, aunt, country singer"""
)
_POSSESSIVE_ENDS = ("’s", "'s", "s’", "s'")
_PREP_BEFORE = P.compiled(P.PREP_BEFORE)
_ORG_BEFORE = P.compiled(rf"(?i:\b(?:{alternation(words('bodies'))})\s+$)")
_PRONOUN_SUBJECT = P.compiled(
    rf"""(?:^|[,;]\s*|\s)(?P<pro>(?i:{alternation(words("pronouns", "en"))}))\s+{P.ADV}[a-z][\w’'-]*
    | ^\s*(?P<pro2>{P.PRONOUN})\s+\S"""
)
"""A pronoun as the subject: English anywhere before its verb ("After the match he ranted"), any
language's at the sentence's start ("Elle a écrit", "Er postete")."""
_POSSESSIVE = P.compiled(
    rf"^\s*(?P<pro>(?:{alternation(tuple(w.capitalize() for w in words('possessives')))}))(?![\w’'\-])"
)
"""A possessive opening the sentence ("Her response on X was brief:", "Su respuesta en X", "Ihre
Antwort auf X"): its owner is the subject."""
_V2_HEADS = (
    *words("pronouns", "de", "fr", "es"),
    *words("definite", "de", "fr", "es"),
    *words("possessives", "de"),
    *words("demonstratives", "de"),
    *words("indefinite", "de"),
)
"""Words a subject after the verb starts with (German, French, Spanish)."""
_V2_AT = P.compiled(
    rf"""(?<=[\w’'\-])\s(?P<verb>[a-zà-ÿ]{{3,}})\s+
    (?=(?:(?:{alternation(words("before_late_subject"))})\s+){{0,3}}(?:(?:{alternation(_V2_HEADS)})\s|[{P.UP}]))"""
)
"""German (and Romance) word order: a fronted phrase, the verb, then the subject ("Auf Instagram
postete die 32-Jährige Fotos", "Dazu schrieb er"), maybe after a few words ("meldete sich auch die
Feuerwehr")."""
_NOT_VERBS = frozenset(
    w.casefold() for w in (*words("function_words"), *words("platform_prepositions"), *_V2_HEADS)
)
_HEADING = P.compiled(rf"^\s*(?P<run>{P.NAME_RUN})\s*$")
_NAME_BEFORE_VERB = P.compiled(
    rf"(?<![\w’'.\-])(?P<run>{P.NAME_RUN}),?\s+{P.ADV}(?P<verb>{alternation(P.REPORTING)})(?![\w’'\-])"
)
_PRONOUN_NEXT = P.compiled(rf"\s+(?:{P.PRONOUN})(?![\w’'\-])")
_VERB_THEN_NAME = P.compiled(
    rf"(?:^|[,;:]\s*)(?P<verb>{alternation(P.REPORTING)})\s+(?P<rest>(?:{alternation(words('possessives'))})\s+[^,.;:]{{1,60}})"
)
"""An inverted attribution clause: ", teilte seine Tochter Kirsten dem Portal TMZ mit"."""
_VERB_WORD = P.compiled(
    rf"(?<![\w’'\-])(?:{P.trie({v.split()[0].lower() for v in P.REPORTING})})(?![\w’'\-])"
)
"""The first word of a reporting verb (the text lower-cased): both patterns above need one."""


def heading(scan: Scanner, text: str) -> Person | None:
    """A paragraph that is a name alone (a listicle's section heading, "Kim Kardashian"): the
    person the paragraphs below are about."""
    m = _HEADING.match(text)
    if m is None:
        return None
    names = m.group("run").split()
    if not 2 <= len(names) <= 4 or text.strip().endswith("."):
        return None
    if any(fold_key(w) in NOT_NAMES and fold_key(w) not in PARTICLES for w in names):
        return None  # "Dita Von Teese" is a name; "The End" is not
    return scan.cast.mention(m.group("run"))


def subject(scan: Scanner, s: Sentence) -> tuple[Person | None, int]:
    """The subject of the sentence and where it ends in ``s.outside``."""
    outside = s.outside
    for find in (
        _org_subject,
        _crowd_subject,
        _handle_subject,
        _described_subject,
        _named_subject,
        _pronoun_subject,
        _inverted_subject,
    ):
        person, end = find(scan, outside)
        if person is not None:
            return person, end
    return None, 0


_THE = alternation(tuple(w.capitalize() for w in words("definite") if not w.endswith(("'", "’"))))
_THE_ELIDED = alternation(tuple(w.capitalize() for w in words("definite") if w.endswith(("'", "’"))))
_ORG_SUBJECT = P.compiled(
    rf"""^\s*(?:(?:{_THE})\s+|{_THE_ELIDED})
    (?P<run>(?:[{P.UP}][\w’'.\-]*\s+){{0,4}}(?i:{alternation(words("bodies"))})
    (?:\s+(?:{alternation(words("prepositions"))})\s+(?:(?:{alternation(words("definite"))})\s+)?[{P.UP}][\w’'.\-]*(?:\s+[{P.UP}][\w’'.\-]*){{0,3}})?)
    \s+[a-zà-ÿ]"""
)
"""An organisation as the subject: "The Norwegian embassy in Ottawa posted", "The Riverton police said"."""


def _org_subject(scan: Scanner, outside: str) -> tuple[Person | None, int]:
    m = _ORG_SUBJECT.match(outside)
    if m is None or not any(w[:1].isupper() for w in m.group("run").split()):
        return None, 0
    return scan.cast.mention(m.group("run"), org=True), m.end("run")


def _named_subject(scan: Scanner, outside: str) -> tuple[Person | None, int]:
    for m in _SUBJECT.finditer(outside[:160]):
        run = m.group("run")
        first = fold_key(run.split()[0])
        if m.start() > 100 or (
            first in _EN_PRONOUNS and not (first in _DETERMINERS and known_noun(m.group("verb")))
        ):
            break  # "Il a écrit" (he) ends the search; "Il sindaco di Roma, …" (the) goes on
        if run.casefold() in vocab.PLATFORM_NAMES:
            continue  # "In a post on X, the senator wrote": the platform, not someone set off
        if m.group("comma") and not _NAMED_PHRASE.match(outside, 0, m.start()):
            continue  # set off by commas only after the phrase it names ("The spokesman, Jörn Weller,")
        if run.endswith(_POSSESSIVE_ENDS) and (end := account_after(outside, m.end("run"))) is not None:
            owner = run[:-2] if run[-2:] in ("’s", "'s") else run[:-1]
            person = scan.resolve(Speaker(Kind.NAME, owner, name=owner))
            if person is not None:  # "Riverside FC's official account on X wasted no time:"
                return person, end
        if _german_genitive(scan, run.split()[-1], outside, m.end("run")):
            continue  # "Auch Chantals beste Freundin, Jessica Amann, stellte sich": Chantal's friend
        if run.endswith(_POSSESSIVE_ENDS):
            if len(run.split()) >= 2:
                scan.cast.mention(run, subject=False)  # "Mario Balotelli's knack": named, not acting
            continue  # "North Korea’s nuclear threats": an owner, not the one who acts
        apposed = _apposed(scan, run, m.group("app"), outside[max(0, m.start() - 40) : m.start()])
        if apposed is not None:
            return apposed, m.end("app")
        names = run.split()
        article = False
        while names and fold_key(names[0]) in NOT_NAMES:
            article = article or fold_key(names[0]) in _DETERMINERS
            names.pop(0)
        before = outside[max(0, m.start() - 12) : m.start()].split()[-1:]
        article = article or (bool(before) and before[0].casefold() in _ARTICLE_FORMS)
        if article and len(names) == 1:
            continue  # "Die Polizei teilte mit", "der Sendung konnte er": a noun after its article
        if _modifier(m.group("verb")):
            continue  # "British politicians lined up", "Trump supporters chanted": a name as an adjective
        if _after_preposition(outside, m, run, names):
            continue  # "tweets in China were", "In Berlin sagte": a place or an object, not the subject
        if names and names[-1].casefold() in P.POST_NOUNS:
            continue  # "Carlines Mohrs Tweet": someone's post, not someone
        if m.group("verb") in _AND and not m.group("app"):
            other = _AND_NAME.match(outside, m.end("verb"))
            if other is not None and all(is_title_word(w) for w in names):
                continue  # "Mitgründer und Vorstandschef Felix Anhalt": two titles of one person
            if other is not None:
                # "Chuck Schumer and Nancy Pelosi informed Trump": both are named, neither alone
                # is the subject (nor a candidate for a later "he" or "she" yet)
                for named in (" ".join(names), other.group("run")):
                    if len(named.split()) >= 2:
                        scan.cast.mention(named, subject=False)
                break
        role = _ROLE_BEFORE.search(outside, max(0, m.start() - 60), m.start())
        role_words = role.group("role").split() if role else []
        while len(role_words) > 1 and role_words[0].casefold() in _DETERMINERS:
            role_words.pop(0)  # "le rappeur Kézo", "the rapper Lil Parsnip": the role after its article
        if (
            not role_words
            or not _is_role(role_words[-1])
            or any(w.casefold() in _DETERMINERS for w in role_words)
        ):
            role_words = []  # "sein langjähriger TV-Weggefährte": an adjective, not a role before a name
        if not names or not _is_person(scan, names, role_words, m.group("app")):
            continue
        if (
            len(names) == 1
            and not m.group("app")
            and _role_noun(names[0])
            and scan.cast.mention(names[0], create=False, subject=False) is None
        ):
            continue  # "frühere Mitbewohnerin aus der Show, Jessica Amann, stellte": a noun, not a name
        weak = (
            len(names) == 1
            and not role_words
            and scan.cast.mention(names[0], create=False, subject=False) is None
        )
        person = _introduce(scan, outside, m, " ".join(names), role, role_words)
        if person is not None and weak and len(person.tokens) == 1 and not person.titles:
            person.weak = True  # known by one recurring word: "Elton", or "Audi"
        if person is not None:
            return person, m.end("app") if m.group("app") else m.end("run")
    return None, 0


_FEMININE_AGENT = re.compile(r"[a-zäöü](?:er|or)in$")


def _role_noun(word: str) -> bool:
    """A word that is a role noun, never a name: listed, or a German feminine agent noun
    ("Mitbewohnerin", "Moderatorin"); not a name the suffixes alone fit ("Tamsin", "Parker")."""
    key = word.casefold()
    return (
        key in P.ROLE_NOUNS
        or lexicon.gender_of(word) is not None
        or (len(word) >= 8 and bool(_FEMININE_AGENT.search(word)))
    )


_NOUN_AFTER = re.compile(r"\s+(?:[a-zäöüß]+\s+){0,2}[A-ZÄÖÜ][a-zäöüß]")


def _german_genitive(scan: Scanner, run: str, outside: str, end: int) -> bool:
    """A name in the German genitive before the noun it owns ("Chantals beste Freundin",
    "Merkels Sprecher"): a one-word run ending in "s" whose stem the article knows by that name."""
    if " " in run or len(run) < 4 or not run.endswith("s") or not _NOUN_AFTER.match(outside, end):
        return False
    stem = run[:-1]
    return scan.cast.mention(stem, create=False, subject=False) is not None


_ARTICLE_FORMS = frozenset(
    w.casefold() for f in ("definite", "indefinite", "demonstratives") for w in words(f)
)
_DETERMINERS = frozenset(
    w.casefold() for f in ("definite", "possessives", "demonstratives", "indefinite") for w in words(f)
)
_EN_PRONOUNS = frozenset(w.casefold() for w in words("pronouns"))


def _after_preposition(outside: str, m: re.Match[str], run: str, names: list[str]) -> bool:
    """A name of one or two words right after a preposition, its verb right after it: an object
    or a place ("tweets in China were", "In Berlin sagte"). A name set off by commas or followed
    by "who" after a preposition is the one the sentence is about ("a bad day for Ann Lee, who
    ..."); three words or more hold a place before the name ("ambassador to London Woody
    Johnson wrote", read by :meth:`~threads.people.Cast.mention`); after a spokesperson, the
    name is whom the spokesperson serves ("a spokesperson for Sheffield University urged")."""
    app = m.group("app")
    if (
        (app and _SPEECH_TAG.fullmatch(app) is None)
        or len(names) >= 3
        or m.group("verb").casefold() in _RELATIVE
    ):
        return False
    prep = _PREP_BEFORE.search(outside, max(0, m.start() - 12), m.start())
    if prep is None:
        return len(names) < len(run.split()) and _PREP_BEFORE.search(run.split()[0]) is not None
    before = outside[max(0, prep.start() - 30) : prep.start()].split()[-1:]
    return not (
        before and before[0].casefold() in P.SPOKES
    )  # "A spokesperson for Sheffield University urged"


_RELATIVE = frozenset(w.casefold() for w in words("relative_pronouns"))
_SPEECH_TAG = P.compiled(rf"\s*,\s*(?:{P.VERB})\s+(?:{P.PRONOUN})\s*,\s*")
"""A reporting verb and its pronoun set off inside a sentence ("Mit Panik, sagt sie, sei niemandem
geholfen"): words of the sentence, not a description of the name before them."""


def _modifier(word: str) -> bool:
    """The word after a name makes the name a modifier: a noun for people ("politicians",
    "supporters", "officials"), singular or plural."""
    key = word.casefold()
    return any(k in P.ROLE_NOUNS or k in P.CROWD_NOUNS for k in (key, key[:-1] if key.endswith("s") else key))


_AGE_NOUN = re.compile(r"^\d{1,3}(?:-year-old|-[Jj]ährige[rn]?)$")


def _is_role(word: str) -> bool:
    """A noun that names a person by what they are ("singer", "aunt", "Popstar", "19-year-old")."""
    key = word.casefold()
    return bool(word) and (
        bool(_AGE_NOUN.match(word))
        or key in P.ROLE_NOUNS
        or key in P.BODIES
        or key in P.CROWD_NOUNS
        or lexicon.gender_of(word) is not None
        or is_title_word(word)
        or (len(key) > 4 and bool(_ROLE_SUFFIX.search(key)) and key not in _NOT_VERBS)
    )


def _known_person(scan: Scanner, run: str) -> bool:
    """Whether a name after a body's noun is someone the article introduced as a person ("a
    consulting firm Lindqvist co-owned", after "first-time candidate Sarah Lindqvist")."""
    if " " not in run.strip():
        scan.recall(run)
    person = scan.cast.mention(run, create=False, subject=False)
    return person is not None and person.gender != Gender.BODY and len(person.tokens) >= 2


def _is_person(scan: Scanner, names: list[str], role_words: list[str], app: str | None) -> bool:
    """A run can be a subject: titled, two words or more, introduced by a role before it or
    beside it ("Pistorius, an Olympic sprinter,"), a given name alone ("Caroline"), or known
    (introduced before, maybe in a paragraph not read in full)."""
    titles, rest = split_title(" ".join(names))
    if role_words and len(names) == 1 and role_words[-1].casefold() in P.BODIES:
        scan.recall(names[0])  # "a consulting firm Lindqvist co-owned": the candidate named before?
    if role_words or (titles and rest):
        return True
    if len(rest) >= 2 and not _german_nouns(rest):
        return True
    names = rest[-1:] or names
    scan.recall(names[0])
    if given_name_gender(names[0]) is not None or (app and role_of(app)):
        return True
    if scan.cast.mention(names[0], create=False, subject=False) is not None:
        return True
    return scan.frequent(names[0])  # "Elton", "Rihanna": a protagonist known by one name


def _german_nouns(words_: list[str]) -> bool:
    """Capitalised words that are German nouns, not a name ("Vater Herz-Emojis", "Bundesweite
    Bekanntheit"): a hyphenated compound, or an adjective's ending before a noun."""
    return any("-" in w and not w.split("-")[0].isupper() and w[:1].isupper() for w in words_[1:]) or bool(
        _GERMAN_ADJECTIVE.match(words_[0])
    )


_GERMAN_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:isch|lich|weit|ig|al|en)(?:e|er|es|en|em)$")
"""A capitalised adjective opening a German sentence ("Bundesweite", "Politische")."""


def _introduce(
    scan: Scanner, outside: str, m: re.Match[str], run: str, role: re.Match[str] | None, role_words: list[str]
) -> Person | None:
    prep = bool(_PREP_BEFORE.search(outside, max(0, m.start() - 8), m.start()))
    person = scan.cast.mention(run, after_preposition=prep)
    if person is None:
        return None
    if (
        person.gender is None
        and not (len(person.tokens) >= 2 and given_name_gender(person.tokens[0]) is not None)
        and _ORG_BEFORE.search(outside, max(0, m.start() - 24), m.start())
    ):
        scan.cast.set_gender(person, Gender.BODY)  # "photo-sharing app Snapline", "the airline Skyways"
    if role_words:
        person.describe(role_words[-1])
        scan.cast.set_gender(person, lexicon.gender_of(role_words[-1]))
    if m.group("app") and person.role is None:
        person.role = role_of(m.group("app"))
    if person.gender is None:
        scan.cast.set_gender(person, given_name_gender(person.tokens[0]) if person.tokens else None)
    return person


def _apposed(scan: Scanner, run: str, app: str | None, before: str) -> Person | None:
    """ "Biebers Mutter, Pattie Mallette, hieß …", "His spokeswoman, Lena Park, said", "La
    directora de Aduanas, Marta Ríos, respondió": the name set off after a role (or an office)
    is the subject."""
    if not app:
        return None
    inner = app.strip(" ,")
    m = _HEADING.match(inner)
    last = run.split()[-1]
    office = _OFFICE_BEFORE.search(before)
    if m is None or len(inner.split()) < 2 or not (_is_role(last) or (office and _is_role(office.group(1)))):
        return None
    role = last if _is_role(last) else office.group(1) if office else last
    person = scan.cast.mention(inner)
    if person is not None:
        person.describe(role)
        scan.cast.set_gender(person, lexicon.gender_of(role))
    return person


_OFFICE_BEFORE = P.compiled(
    rf"([\w’'\-]+)\s+(?:{alternation((*words('prepositions'), *words('genitive_articles')))})\s+$"
)
"""A role and a preposition (or a genitive article) before a name: the name is an office or a
place ("directora de Aduanas", "Sprecher der Opposition")."""


_CROWD_OPENERS = P.SOMEONE_WORDS | P.INDEFINITE
_CLOSING_COMMA = re.compile(r"\s*,")


def _crowd_subject(scan: Scanner, outside: str) -> tuple[Person | None, int]:
    """ "Another was less kind:", "Un altro è stato più critico:", "Ein anderer Nutzer nahm den
    Verein in Schutz:": one more of a crowd at the start of the sentence (or after a phrase set
    off: "En un grupo vecinal de Facebook, un usuario propuso"), then its verb."""
    found = _crowd_at(scan, outside)
    if found[0] is None and (lead := _SET_OFF_LEAD.match(outside.lstrip())) is not None:
        start = len(outside) - len(outside.lstrip()) + lead.end("first")
        if outside[start : start + 1].islower():
            person, end = _crowd_at(scan, outside[start:], lower=True)
            return (person, start + end) if person is not None else (None, 0)
    return found


def _crowd_at(scan: Scanner, outside: str, *, lower: bool = False) -> tuple[Person | None, int]:
    text = outside.lstrip()
    if not (text[:1].isupper() or lower):
        return None, 0
    first = [w.rstrip(",") for w in text[:40].split(None, 2)]
    if not first or not (
        first[0].casefold() in _CROWD_OPENERS or " ".join(first[:2]).casefold() in P.SOMEONE_WORDS
    ):
        return None, 0  # no "another", "one", "a", "ein anderer" opening the sentence
    found = read(text)
    if found is None or found[0].kind not in (Kind.ANONYMOUS, Kind.HANDLE) or not found[0].crowd:
        return None, 0  # (one of them given by their account: "Another, posting as @Toon_Debs,")
    ref, end = found
    if ref.kind == Kind.HANDLE and (comma := _CLOSING_COMMA.match(text, end)) is not None:
        end = comma.end()  # the comma that closes the account set off
    verb = _NEXT_WORD.match(text, end)
    word = verb.group("w").casefold() if verb is not None else ""
    if not word or (word in _OF_WORDS and word not in _AUXILIARIES):
        return None, 0  # "One of the fans", "Otro de los usuarios": a part, read no further
    return scan.resolve(ref), len(outside) - len(text) + end


_HANDLE_FIRST = P.compiled(rf"\s*(?P<h>{P.HANDLE})(?![\w@])\s+{P.ADV}(?:{P.VERB})(?![\w’'\-])")


def _handle_subject(scan: Scanner, outside: str) -> tuple[Person | None, int]:
    """ "@NWSTallahassee followed with a warning:", "Later, @dockrat_dan replied": an account
    at the start of the sentence (or after the phrases set off before it), then its verb (not
    "@comrade scotts agenda of rage:", a blog comment answering another)."""
    text = outside.lstrip()
    start = len(outside) - len(text)
    m = _HANDLE_FIRST.match(outside, start)
    if m is None and (lead := _SET_OFF_LEAD.match(text)) is not None:
        m = _HANDLE_FIRST.match(outside, start + lead.end())
    if m is None:
        return None, 0
    return scan.resolve(Speaker(Kind.HANDLE, m.group("h"), handle=m.group("h")[1:])), m.end("h")


_SET_OFF_LEAD = re.compile(
    r"(?P<first>[^\W\d_][^,;:“”\"„«»()]{1,80},\s*)(?:[^\W\d_][^,;:“”\"„«»()]{1,80},\s*)?"
)
"""One or two phrases set off before the subject ("Más tarde, en sus historias de Instagram, la
artista respondió", "Later that night, the singer wrote")."""


def _described_subject(scan: Scanner, outside: str) -> tuple[Person | None, int]:
    """ "The famed Australian golfer posted …", "Der 53-Jährige reagiert …": a description at
    the start of the sentence, or after the phrases set off before it, is the one it describes."""
    start = len(outside) - len(outside.lstrip())
    found = _described_at(scan, outside, start) if outside[start : start + 1].isupper() else (None, 0)
    if (
        found[0] is None
        and (lead := _SET_OFF_LEAD.match(outside.lstrip())) is not None
        and not _names_someone(lead.group("first"))
    ):
        # after both phrases set off, else after the first ("Desde el bloque oficialista, el jefe
        # de la bancada, Ramiro Acosta, llamó": the second is the subject's description); not
        # after a name ("Dr. Lena Strand-Avery, the county health officer, posted": the name is
        # the subject, the description its appositive)
        for end in dict.fromkeys((lead.end(), lead.end("first"))):
            begin = start + end
            if end and outside[begin : begin + 1].islower():
                found = _described_at(scan, outside, begin)
                if found[0] is not None:
                    return found
    return found


def _names_someone(phrase: str) -> bool:
    """Whether a phrase set off before the subject is a person's name, whole ("Dr. Lena Reyes,")."""
    text = phrase.strip().rstrip(",").strip()
    found = read(text)
    return found is not None and found[0].kind == Kind.NAME and found[1] >= len(text)


def _described_at(scan: Scanner, outside: str, lead: int) -> tuple[Person | None, int]:
    text = outside[lead:]
    if not text:
        return None, 0
    if text.split(None, 1)[0].casefold() not in _DETERMINERS:
        return None, 0
    found = read(text)
    if found is None:
        return None, 0
    ref, end = found
    if ref.kind not in (Kind.DESCRIPTION, Kind.NAME, Kind.HANDLE) or (
        ref.kind == Kind.DESCRIPTION and not _is_role(ref.head or "")
    ):
        return None, 0
    cut = _VERB_AFTER_HEAD.search(text, 0, end) if ref.kind == Kind.DESCRIPTION and ref.head else None
    if cut is not None and cut.group("head") == ref.head:
        end = cut.end("head")  # "la edil aparecía midiendo": the head, then the verb read as its words
        ref = replace(ref, surface=text[:end].strip(), role=ref.head)
    verb = _NEXT_WORD.match(text, end)
    if verb is not None and verb.group("w").casefold() in _OF_WORDS and ref.kind == Kind.DESCRIPTION:
        named = _COMPLEMENT_THEN_NAME.match(text, end)
        if named is not None and len(named.group("run").split()) >= 2:
            # "El director deportivo del equipo, Julián Herrera, no ocultó …": the name set off
            person = scan.cast.mention(named.group("run"))
            if person is not None:
                person.describe(ref.head or "")
                return person, lead + named.end("run")
    word = verb.group("w").casefold() if verb is not None else ""
    if not word or (word in _NOT_VERBS and word not in _AUXILIARIES) or word in _OF_WORDS:
        # "The U.S. ambassador to London Woody Johnson wrote": not the description's verb; an
        # auxiliary is one in any language ("was" is German's "what" too)
        return None, 0
    return scan.resolve(ref), lead + end


_PAST_ENDINGS = alternation((*words("verb_endings", "es"), "ía", "ían", "aba", "aban"))
_VERB_AFTER_HEAD = P.compiled(rf"(?P<head>[\w’'\-]+)\s+(?=[a-zà-ÿ]{{3,}}(?:{_PAST_ENDINGS})\b)")
"""A description's head, then a Spanish verb in the past (an imperfect or a preterite) that the
description's reader took for more of its words ("la edil aparecía", "la joven publicó")."""
_OF_WORDS = frozenset(w.casefold() for w in words("prepositions"))
"""A preposition after a description starts its complement ("il sindaco di Milano"), not its verb."""
_COMPLEMENT_THEN_NAME = P.compiled(
    rf"\s+(?:{alternation(words('prepositions'))})\s+[^,;:“”\"„«»]{{1,60}},\s*(?P<run>{P.NAME_RUN})\s*,"
)
"""A description's complement, then the name it describes set off by commas ("El director del
equipo, Julián Herrera,")."""
_NEXT_WORD = P.compiled(
    rf"""\s*(?:,[^,]{{2,120}},\s*|,\s*)?(?:(?i:{alternation(words("negations"))})(?:\s+|(?<=['’])))?
    (?:(?:{alternation(words("adverbs"))})\s+){{0,2}}(?P<w>[a-zà-ÿ][\w’'\-]*)"""
)
"""The word after a subject phrase, past a set-off phrase or the comma that closes the name set off
in it ("the co-op's manager, Lorraine Beck, tried"), a negation and adverbs ("…, a nurse, posted",
"o perfil do clube não perdeu", "the water department also wrote")."""


def _pronoun_subject(scan: Scanner, outside: str) -> tuple[Person | None, int]:
    m = _PRONOUN_SUBJECT.search(outside, 0, 120) or _POSSESSIVE.match(outside)
    if m is None:
        return None, 0
    group = "pro" if m.group("pro") else "pro2"
    return scan.pronoun(m.group(group)), m.end(group)


def _inverted_subject(scan: Scanner, outside: str) -> tuple[Person | None, int]:
    """German word order (and Romance inversion): a phrase, the verb, then the subject ("Im
    späteren Verlauf konnte er ...", "Auf Instagram postete die 32-Jährige ...")."""
    if not outside.lstrip()[:1].isupper():
        return None, 0
    for m in _V2_AT.finditer(outside, 0, 120):
        if m.group("verb").casefold() in _NOT_VERBS:
            continue
        found = read(outside[m.end("verb") :].lstrip())
        if found is None:
            continue
        ref, end = found
        if ref.kind == Kind.DESCRIPTION and not _is_role(ref.head or ""):
            continue
        if ref.kind == Kind.NAME and len((ref.name or "").split()) < 2 and not ref.role:
            continue
        start = len(outside) - len(outside[m.end("verb") :].lstrip())
        return scan.resolve(ref), start + end
    return None, 0


def names_around_verbs(scan: Scanner, outside: str, current: Person | None) -> tuple[Person | None, int]:
    """Names standing right before or after a reporting verb anywhere in the sentence ("…, Ortiz
    said", "…, teilte seine Tochter Kirsten mit"): people of the article; the first is the
    subject when the sentence has none."""
    found, end = current, 0
    if not _VERB_WORD.search(outside.lower()):
        return found, end  # no reporting verb: neither pattern can match
    for nm in _NAME_BEFORE_VERB.finditer(outside):
        run = nm.group("run")
        if run.casefold() in P.PRONOUNS:
            continue  # "Er schrieb": a pronoun opening the sentence, no name
        if platform_named(run):
            continue  # "Auf X hieß es:": the platform, not someone
        if run.split()[0].casefold() in _OF_WORDS or _PRONOUN_NEXT.match(outside, nm.end()):
            continue  # "Mit Panik, sagt sie, sei …": a preposition's object; the verb's subject after it
        if _ORG_BEFORE.search(outside, max(0, nm.start() - 24), nm.start()) and not _known_person(scan, run):
            person = scan.cast.mention(run, org=True)
        elif len(run.split()) >= 2 or _known(scan, run):
            prep = bool(_PREP_BEFORE.search(outside, max(0, nm.start() - 8), nm.start()))
            person = scan.cast.mention(run, after_preposition=prep)
        else:
            continue
        if found is None:
            found, end = person, nm.end("run")
        elif person is not None and person is not found:
            scan.cast.touch(found)  # "… that colleague Jose Enrique had posted": the subject stays
    for vm in _VERB_THEN_NAME.finditer(outside):
        got = read(vm.group("rest"))
        if got is not None and got[0].kind == Kind.NAME:
            person = scan.resolve(got[0])
            if found is None:
                found, end = person, vm.start("rest") + got[1]
    return found, end


def platform_named(name: str) -> bool:
    """Whether a run of capitalised words is a platform's name, words that name no one left out
    ("Auf X")."""
    kept = " ".join(w for w in name.split() if fold_key(w) not in NOT_NAMES)
    return kept.casefold() in vocab.PLATFORM_NAMES


def _known(scan: Scanner, name: str) -> bool:
    """Someone the article named before (a surname alone: looked up in the paragraphs skipped)."""
    scan.recall(name)
    return scan.cast.mention(name, create=False, subject=False) is not None


def role_of(appositive: str) -> str | None:
    """ ", Spokeswoman for the Joint Task Force (OIR) – the U.S.-led coalition," -> the first part;
    ", 42, a nurse from Ohio," -> "nurse from Ohio" (an age is no role)."""
    role = _AGE.sub("", " ".join(appositive.split()).strip(" ,")).strip(" ,")
    role = _ROLE_END.split(role)[0].strip(" ,")
    words_ = role.split()
    while words_ and words_[0] in _ADVERBS:
        words_.pop(0)  # ", also an Obama appointee,"
    role = _ARTICLE.sub("", " ".join(words_))
    first = role.split()[0] if role else ""
    if (
        not role
        or len(role) > 80
        or _DATE_APPOSITIVE.match(role) is not None  # ", el 11 de abril,", ", on 3 May,": a day
        or first.casefold() in _NOT_A_ROLE
        or first in _PREPOSITIONS
        or first in _AUXILIARIES
    ):
        return None
    return role


_AGE = re.compile(r"^\d{1,3}\s*,")
_DAY_BEFORE = alternation((*words("definite"), *words("prepositions"), *words("on_words")))
_DATE_APPOSITIVE = P.lazy(rf"(?i:(?:{_DAY_BEFORE})\s+)?\d{{1,2}}\b(?![-–])")
"""A day set off after a name (", on 3 May,", ", el 11 de abril,"): no role."""
_ROLE_END = P.lazy(
    rf"\s+[(–—]|\s+-\s+|\s+(?:{alternation((*words('relative_pronouns'), *words('complementizers')))})\b"
)
"""Where a role ends: a parenthesis, a dash, a relative clause (", a nurse who", ", Sängerin, die")."""
_ARTICLE = P.lazy(rf"^(?:{alternation(words('indefinite'))})\s+")
_NOT_A_ROLE = frozenset(w.casefold() for w in words("not_a_role"))
_PREPOSITIONS = frozenset(words("prepositions"))
_AUXILIARIES = frozenset(words("auxiliaries"))
"""", has just returned, ": a verb, no role."""
_ADVERBS = frozenset(words("adverbs"))
"""Lower case: "an die Regierung" opens no role, "An" may open a name."""


_NAMED = P.compiled(rf"(?<![\w’'.\-])(?P<run>{P.NAME_RUN})")
_OF_BEFORE = re.compile(r"\bof\s+$")


def register_names(scan: Scanner, s: Sentence) -> None:
    """The people a sentence names besides its subject, when a name says a gender or carries a
    title ("Senator Maria Okafor met Governor Tom Ortiz"): who "he" or "she" may mean when no
    subject fits."""
    for m in _NAMED.finditer(s.text, s.start, s.end):
        titles, name = split_title(m.group("run"))
        titles = [t for t in titles if fold_key(t) not in NOT_NAMES]
        if _OF_BEFORE.search(s.text, max(s.start, m.start() - 4), m.start()):
            titles = []  # "Secretary of State Antony Blinken": the run starts inside the title
        if len(name) >= 2 and (titles or given_name_gender(name[0])):
            scan.cast.mention(" ".join(titles + name), subject=False)


def is_role(word: str) -> bool:
    return _is_role(word)
