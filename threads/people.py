"""Who is who in an article: names with their titles folded, and one record per person.

An article introduces a speaker once in full ("Army Col. Ann Reyes, Spokeswoman for ...") and
then says "Reyes", "he", "the colonel", or misspells the surname ("Reyez"). :class:`Cast` keeps
one :class:`Person` per individual and resolves each of those references to it. It also keeps
the speakers an article never names: an account known by its handle ("@annreyes"), someone
described ("one fan", "a user on Weibo"), whom later quotes may refer to ("she added").

Every resolution costs the same however many people the article names: names are looked up in
indexes, and "the latest person who fits" is the top of a heap per gender or per word, so a page
of thousands of pronouns or people stays linear (give or take a logarithm).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon, vocab
from .lexicon import Gender

__all__ = [
    "NOT_NAMES",
    "TITLE_WORDS",
    "Cast",
    "Gender",
    "Person",
    "damerau1",
    "fold_key",
    "is_name_word",
    "is_title_word",
    "name_gender",
    "split_title",
]

TITLE_WORDS = frozenset(t.casefold() for t in lexicon.words("titles"))
"""Titles, ranks, offices and honorifics of every language of the lexicon, lowercased, without a
final full stop ("col", "präsidentin", "alcaldesa")."""
_TITLE_SUFFIXES = tuple(t.casefold().lstrip("-") for t in lexicon.words("title_suffixes"))
_KIN = lexicon.mapping("kin_and_roles")
FEMALE_TITLES = frozenset(w for w in TITLE_WORDS if _KIN.get(w) is Gender.WOMAN)
MALE_TITLES = frozenset(w for w in TITLE_WORDS if _KIN.get(w) is Gender.MAN)

# Given names common in the news that are nearly always one gender's (names often given to both,
# or to men in one language and women in another, such as Andrea, Jean, Kim, Lee, Taylor, are left
# out): a later "he" or "she" is not taken for someone the name says otherwise of.
MALE_NAMES = frozenset(
    """
    aaron adam adrian ahmed alan albert alberto alejandro alexander alexei alfred ali andrew andres
    andrzej angelo anthony antonio arthur barack ben benjamin benny bernard bernie bill billy bob
    bobby boris brad bradley brandon brett brian bruce bryan calvin carl carlos cesar charles charlie
    chuck clarence colin craig dale dan daniel danny darren dave david dennis derek diego dmitry don
    donald doug douglas duncan dwight earl ed eddie edward elon emmanuel emilio enrique eric ernest
    eugene evan felipe fernando francis francisco frank fred frederick gabriel gary gavin geoffrey
    george gerald giuseppe glenn gordon graham greg gregory hans harold harry harvey hassan henry
    herbert howard hugh hugo ian igor isaac ivan jack jacob jake james jared jason javier jeff jeffrey
    jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose josé joseph josh
    joshua juan julian justin karl keith ken kenneth kevin kurt kyle larry lawrence leo leon leonard
    liam louis luis luke malcolm marco marcus mario mark martin matt matthew max michael miguel mike
    mitch mitchell mohamed mohammad mohammed muhammad nathan neil nicholas nick nigel noah oliver omar
    oscar patrick paul pedro peter phil philip pierre rafael ralph randy raul raymond reginald richard
    rick ricky rob robert roberto roger roland ron ronald roy rudy russell ryan samuel scott sean
    sebastian sergei sergio seth simon stanley stephen steve steven stuart ted thomas tim timothy todd
    tom tommy tony travis trevor troy tyler victor vincent vladimir walter warren wayne william willie
    yusuf zach zachary
    marvin jonas lukas leon finn felix maximilian moritz niklas tobias florian stefan andreas markus
    matthias jürgen jörg uwe wolfgang dieter klaus günter horst helmut manfred gerhard heinz werner
    rainer ralf bernd dirk holger olaf sven torsten thorsten volker christoph christian jan jens kai
    lars nils ole philipp sascha timo till yannick jannik steffen ulrich wilhelm friedrich otto emil
    anton elias theo jakob lennard joachim hubert norbert reinhard siegfried gerd hartmut detlef armin
    facundo hernán hernan ramiro ignacio joaquín joaquin santiago sebastián matías matias nicolás
    agustín agustin gonzalo álvaro alvaro esteban federico gustavo horacio jaime jesús julio leandro
    lorenzo manuel marcelo mauricio ramón ramon rodrigo rubén ruben salvador tomás tomas vicente
    alfonso arturo césar cristian eduardo ernesto fabián gerardo guillermo héctor hector iván jairo
    lucas mateo óscar pablo raúl ricardo ulises víctor françois jacques michel philippe olivier
    benoît thierry laurent matteo alessandro giovanni francesco stefano massimo fabrizio emeka
    aiden bryce caleb chase cody connor dylan ethan garrett grant hunter kieran landon logan mason
    miles nate owen preston reid spencer wade wyatt kwame tariq rohan arjun
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abigail ada alexandra alice alicia alison amanda amber amelia amy ana angela angelina ann anna
    anne annie barbara beatrice betty beverly brenda bridget brittany camila carla carmen carol
    caroline carolyn catherine cecilia charlotte cheryl chloe christina christine cindy claire clara
    claudia cynthia daisy danielle deborah debra denise diana diane donna doris dorothy elaine eleanor
    elena elisabeth elizabeth ella ellen emily emma erica erin esther eva evelyn fatima fiona frances
    gabriela gabrielle gloria grace hannah harriet heather heidi helen hillary holly ilhan irene
    isabel isabella ivanka jacqueline jane janet janice jennifer jessica jill joan joanna jocelyn
    josephine joyce judith judy julia julie kamala karen katherine kathleen kathryn kathy katie
    kellyanne kimberly kristen laura lauren linda lisa liz lois lori louise lucy lydia madeleine
    margaret maria marie marilyn marina marjorie martha mary megan melania melanie melissa michelle
    mia monica nancy natalie nicole nikki nina olivia pamela patricia paula peggy penny rachel
    rebecca rita rosa rose ruth sally samantha sandra sara sarah sharon sheila shirley sofia sophia
    sophie stephanie susan suzanne sylvia tamara teresa theresa tiffany tina tulsi ursula valerie
    vanessa veronica victoria virginia wendy yvonne zoe
    chantal gertrud ingrid helga sabine petra katrin kathrin anja birgit heike susanne monika renate
    brigitte gabriele jutta karin silke stefanie tanja nadine jana lena leonie lea johanna franziska
    annalena ricarda saskia svenja jasmin janina katharina christiane angelika bettina elke gisela
    hannelore ilse marlene ines inés irmgard magdalena martina simone ulrike beate carola dagmar
    friederike greta frida hanna helene kerstin lara lina luisa maja mareike marion mila pia rebekka
    regina rosemarie sonja ute vera wiebke amelie marisol lucía lucia pilar dolores mercedes rocío
    rocio valeria daniela catalina sofía valentina ximena guadalupe alejandra beatriz blanca carolina
    consuelo esperanza florencia inmaculada juana leticia lorena manuela margarita mariana marta
    milagros natalia norma paola raquel rosario silvia soledad susana verónica yolanda agustina
    julieta renata antonella emilia fernanda paulina adriana cristina josefina lourdes maite nuria
    montserrat noelia françoise isabelle nathalie céline sylvie véronique valérie aurélie amélie
    marine ségolène giorgia francesca chiara giulia alessandra federica elisa kavya priya
    tessa tess mckenzie jenna kayla brooke courtney haley hailey kelsey lindsay lindsey molly nora
    piper sadie sienna stella willow zara beth bethany carly gemma imogen isla maisie poppy freya abby
    allison becky cassie ellie gina jade kara kate katy leah lily maya meg nadia naomi paige rosie
    ruby selena serena tara vicky yasmin
    """.split()
)


def name_gender(tokens: Iterable[str]) -> Gender | None:
    """A man or a woman when the first of a name's words is a given name of :data:`MALE_NAMES` or
    :data:`FEMALE_NAMES` and the name has a surname after it; else ``None``."""
    words = list(tokens)
    if len(words) < 2:
        return None
    return given_name_gender(words[0])


def given_name_gender(word: str) -> Gender | None:
    """The gender a given name alone tells ("Caroline" -> a woman), or ``None``."""
    first = word.casefold()
    return Gender.MAN if first in MALE_NAMES else Gender.WOMAN if first in FEMALE_NAMES else None


NOT_NAMES = frozenset(
    (
        *(w.casefold() for w in lexicon.words("function_words")),
        *(w.casefold() for w in lexicon.words("pronouns")),
        *(w.casefold() for w in lexicon.words("weekdays")),
        *(w.casefold() for w in lexicon.words("hour_words")),
        *(m.lower() for m in vocab.ENGLISH_MONTHS[1:] if m not in ("May", "June", "August")),
        *(name for name in vocab.PLATFORM_NAMES if len(name) > 1 and " " not in name),
        *(w.casefold() for f in ("post_nouns", "platform_nouns") for w in lexicon.words(f) if " " not in w),
        *(w.casefold() for w in lexicon.words("later_words") if " " not in w),
        *(  # "Poco después", "Kurz darauf": the time word that opens them, not an article ("Al")
            w.casefold() for p in lexicon.words("later_words") if " " in p and len(w := p.split()[0]) > 3
        ),
    )
)
"""Capitalised words that start sentences or name days, months, platforms and posts, never people
(May, June and August are given names too; German capitalises every noun: "Post von Reyes")."""
GENERIC_ORGS = frozenset(b.casefold() for b in lexicon.words("bodies"))
"""Nouns that refer back to whichever organisation was last named ("the company", "die Band")."""


def org_noun(word: str) -> str | None:
    """The noun of :data:`GENERIC_ORGS` a name's last word is, in the singular or the English
    plural ("Party", "Airlines", "Studios", "Laboratories"), else None."""
    key = word.casefold()
    if key in GENERIC_ORGS:
        return key
    if key.endswith("ies") and key[:-3] + "y" in GENERIC_ORGS:
        return key[:-3] + "y"
    if key.endswith("s") and key[:-1] in GENERIC_ORGS:
        return key[:-1]
    return None


ORG_NAME_ENDS = frozenset(w.casefold() for w in lexicon.words("org_name_ends"))
"""Last words of organisations' names that name no kind of organisation ("Hollowmere Games")."""
PARTICLES = frozenset(w.casefold() for p in lexicon.words("particles") for w in p.split())
"""Lower-case words that may stand inside a name between capitalised words."""

_ROLE_NOUN = re.compile(
    r"^[A-ZÄÖÜ][a-zäöüß]+(?:ist|er|or|ian|ant|ent|man|woman|erin|istin|orin|entin|antin)$"
)
"""A capitalised first word with one of these endings is a role ("Novelist", "Teacher")."""
_POSSESSIVE_END = re.compile(r"[’']s\b.*$")
_TOKEN = re.compile(r"[^\s,;:()\[\]]+")


def fold_key(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


def is_title_word(word: str) -> bool:
    """A title or office: a word of :data:`TITLE_WORDS`, or a compound ending in a title
    ("Umweltminister", "EU-Kommissionspräsidentin", "Popstar")."""
    key = fold_key(word)
    if key in TITLE_WORDS:
        return True
    return word[:1].isupper() and len(key) > 5 and key.endswith(_TITLE_SUFFIXES) and not word.isupper()


def is_name_word(word: str) -> bool:
    """A capitalised word that could be part of a person's name."""
    w = word.strip("’'\"")
    if not w or not (w[0].isupper() or (len(w) > 2 and w[0] in "’'" and w[1].isupper())):
        return False
    if w.endswith(("’s", "'s")):
        return False
    return fold_key(w) not in NOT_NAMES


def split_title(surface: str) -> tuple[list[str], list[str]]:
    """("Army Col. Ann Reyes") -> (["Army", "Col."], ["Ann", "Reyes"]): the title words before the
    last title word, and the name after it."""
    tokens = _TOKEN.findall(surface)
    last_title = -1
    for i, tok in enumerate(tokens[:-1]):  # the last word is a name ("Bernice King", "John Major")
        if is_title_word(tok):
            last_title = i
    return tokens[: last_title + 1], tokens[last_title + 1 :]


def damerau1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are one insertion, deletion, substitution or swap apart."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one longer than a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


@dataclass(eq=False)
class Person:
    """One individual, organisation or account the article quotes or names."""

    name: str
    """The name, titles folded away; for an unnamed speaker, how the article describes them."""
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    gender: Gender | None = None
    """A man, a woman, a body (an organisation), or None when unknown."""
    titles: set[str] = field(default_factory=set)
    handle: str | None = None
    """The account the article names beside them ("Ann Reyes (@annreyes) tweeted"), without "@"."""
    named: bool = True
    """False for a speaker the article never names ("one fan", "@annreyes", "his wife")."""
    weak: bool = False
    """Known only as a capitalised word that recurs ("Elton", but also "Audi"): not taken for a
    description ("the singer") by recency alone."""
    descriptions: set[str] = field(default_factory=set)
    """Head nouns the article has called them by ("singer", "frontman", "Popstar"), casefolded."""
    recency: int = -1
    """When they were last a sentence's subject or a speaker (the cast's clock: reading order)."""
    seen: int = -1
    """When they were last mentioned in any way."""
    tokens: list[str] = field(init=False)
    """The name's words, and below the same casefolded, the surname, and every key it answers to:
    kept with the name (see :meth:`rename`) because resolution asks for them on every mention."""
    folded: list[str] = field(init=False)
    surname: str = field(init=False)
    keys: set[str] = field(init=False)
    cast: Cast | None = field(default=None, init=False, repr=False)
    """The cast that indexes this person (see :meth:`Cast._index`), told of every new name and key."""
    order: int = field(default=-1, init=False, repr=False)
    """Place in the cast's list of people."""

    def __post_init__(self) -> None:
        self.keys = {a.casefold() for a in self.aliases}
        self.rename(self.name)

    def rename(self, name: str) -> None:
        self.name = name
        self.tokens = name.split()
        self.folded = [t.casefold() for t in self.tokens]
        toks = [t for t in self.tokens if fold_key(t) not in PARTICLES]
        self.surname = toks[-1] if toks else name
        if self.named:
            self.keys.add(name.casefold())
        if self.cast is not None:
            self.cast._index(self)

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)
            if not self.named:
                return
            key = alias.casefold()
            self.keys.add(key)
            if self.cast is not None:
                self.cast._index_key(key, self)

    def describe(self, head: str) -> None:
        """Note a noun the article calls them by ("the singer")."""
        key = head.casefold()
        if key not in self.descriptions:
            self.descriptions.add(key)
            if self.cast is not None:
                self.cast._index_word(key, self)


_PLURAL_PRONOUNS = frozenset(w.casefold() for w, g in lexicon.mapping("pronouns").items() if g is None)
"""They, ils, ellos: anyone."""
_PRONOUN_GENDER = {
    **{w.casefold(): g for w, g in lexicon.mapping("pronouns").items() if isinstance(g, Gender) or g is None},
    **{
        w.casefold(): g
        for w, g in lexicon.mapping("possessives").items()
        if isinstance(g, Gender) or g is None
    },
    "him": Gender.MAN,
    "hers": Gender.WOMAN,
}
"""A pronoun or possessive -> whom it can stand for (``None``: anyone, as "they", "su")."""


class _Recent:
    """The people last touched, newest first, under keys (a gender, a word): a heap per key with
    stale entries dropped when they reach the top, so "the latest who fits" costs a logarithm."""

    __slots__ = ("_heaps", "_seq")

    def __init__(self) -> None:
        self._heaps: dict[object, list[tuple[int, int, Person]]] = {}
        self._seq = 0

    def push(self, key: object, person: Person, *, stamp: int | None = None) -> None:
        self._seq += 1
        stamp = person.recency if stamp is None else stamp
        heapq.heappush(self._heaps.setdefault(key, []), (-stamp, self._seq, person))

    def top(
        self, key: object, *, gender: bool = False, seen: bool = False, want: object = ...
    ) -> Person | None:
        """The latest person under ``key`` whose entry is current: their recency (or with
        ``seen``, their last mention) unchanged since it was pushed, and with ``gender``, their
        gender still ``want`` (by default ``key``)."""
        heap = self._heaps.get(key)
        want = key if want is ... else want
        while heap:
            stamp, _seq, person = heap[0]
            current = person.seen if seen else person.recency
            if -stamp == current and (not gender or person.gender == want):
                return person
            heapq.heappop(heap)
        return None


_ANY = "any"
"""The :class:`_Recent` key under which everyone is pushed ("they" may be anyone)."""


class Cast:
    """The people of one article, and how references resolve to them.

    Resolving a name looks people up in indexes (by key, surname, other name words, last name
    word, and the one-letter deletions of the surname for typos) instead of scanning everyone, so
    an article naming thousands of people stays linear. The indexes only grow: an entry may be
    stale after a rename, and every candidate is checked against the condition itself, so they
    answer exactly what a scan of :attr:`people` in order of recency would.

    Recency is reading order: a clock that ticks at every touch (:meth:`touch`).
    """

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.clock = 0
        self._by_key: dict[str, Person] = {}
        """Each key, to the earliest person (in :attr:`people` order) who answers to it."""
        self._by_surname: dict[str, dict[int, Person]] = {}
        self._by_given: dict[str, dict[int, Person]] = {}
        self._by_last: dict[str, dict[int, Person]] = {}
        self._by_typo: dict[str, dict[int, Person]] = {}
        self._by_handle: dict[str, Person] = {}
        self._typo_heads: set[str] = set()
        self._typo_tails: set[str] = set()
        """The first two and the last two letters of every surname indexed (casefolded)."""
        self._recent = _Recent()
        self._seen = _Recent()
        """Everyone mentioned, by gender, latest first (the same heaps, by :attr:`Person.seen`)."""
        """Subjects and speakers by gender (and all under :data:`_ANY`) and by every word they
        answer to (name words, titles, descriptions)."""
        self._words: dict[int, set[str]] = {}
        self._with_word: dict[str, list[Person]] = {}

    # -- the record

    def _add(self, person: Person) -> None:
        person.order = len(self.people)
        person.cast = self
        self.people.append(person)
        self._words[person.order] = set()
        self._index(person)

    def _index_key(self, key: str, person: Person) -> None:
        held = self._by_key.get(key)
        if held is None or person.order < held.order:
            self._by_key[key] = person

    def _index_word(self, word: str, person: Person) -> None:
        words = self._words.setdefault(person.order, set())
        if word not in words:
            words.add(word)
            self._with_word.setdefault(word, []).append(person)
            if person.recency >= 0:
                self._recent.push(word, person)

    def _index(self, person: Person) -> None:
        """Index ``person`` under its keys and its current name's words (after a rename too)."""
        if not person.named:
            for word in person.folded:
                self._index_word(word, person)
            return
        for key in person.keys:
            self._index_key(key, person)
        order = person.order
        surname = person.surname.casefold()
        self._by_surname.setdefault(surname, {})[order] = person
        for tok in person.folded[:-1]:
            self._by_given.setdefault(tok, {})[order] = person
        if person.folded:
            self._by_last.setdefault(person.folded[-1], {})[order] = person
        for word in (*person.folded, *person.titles):
            self._index_word(word, person)
        self._typo_heads.add(surname[:2])
        self._typo_tails.add(surname[-2:])
        typo = self._by_typo
        for variant in _deletions(surname):
            bucket = typo.get(variant)
            if bucket is None:
                typo[variant] = {order: person}
            else:
                bucket[order] = person

    def touch(self, person: Person, *, subject: bool = True) -> Person:
        """Mark ``person`` as just mentioned (as a subject or speaker unless ``subject`` is false):
        the latest a pronoun or a description can mean."""
        self.clock += 1
        person.seen = self.clock
        self._seen.push(person.gender, person, stamp=person.seen)
        if subject:
            person.recency = self.clock
            self._recent.push(person.gender, person)
            self._recent.push(_ANY, person)
            if not person.weak:
                self._recent.push(("strong", person.gender), person)
                self._recent.push(("strong", _ANY), person)
            for word in self._words.get(person.order, ()):
                self._recent.push(word, person)
        return person

    def set_gender(self, person: Person, gender: Gender | None) -> None:
        if gender is None or person.gender is not None:
            return
        person.gender = gender
        if person.recency >= 0:
            self._recent.push(gender, person)
            if not person.weak:
                self._recent.push(("strong", gender), person)
        if person.seen >= 0:
            self._seen.push(gender, person, stamp=person.seen)

    # -- names

    def mention(
        self,
        surface: str,
        *,
        subject: bool = True,
        create: bool = True,
        org: bool = False,
        after_preposition: bool = False,
        touch: bool = True,
    ) -> Person | None:
        """Resolve a written name (with or without titles) to a Person, creating one if allowed
        (``touch``: as a mention now; false for names indexed out of reading order)."""
        parsed = _parse_surface(surface, org, after_preposition)
        if parsed is None:
            return None
        surface, name_toks, name, tkeys = parsed
        person = self._find(name_toks, name, org=org)
        implied = Gender.WOMAN if tkeys & FEMALE_TITLES else Gender.MAN if tkeys & MALE_TITLES else None
        if (
            person is not None
            and implied
            and person.gender in (Gender.MAN, Gender.WOMAN)
            and person.gender != implied
        ):
            person = None  # "Sir Keir Starmer" after "Lady Starmer": two people
        if person is None:
            if not create:
                return None
            kind = org_noun(name_toks[-1]) if len(name_toks) > 1 else None
            body = (
                org
                or (
                    (kind is not None or (len(name_toks) > 1 and name_toks[-1].casefold() in ORG_NAME_ENDS))
                    and (len(name_toks) > 2 or given_name_gender(name_toks[0]) is None)
                )  # "Labour Party", "Northway Airlines", "Hollowmere Games"; "Paula Band" is a person
                or _ACRONYM.match(name) is not None
                or (
                    len(name_toks) > 1
                    and _ACRONYM.match(name_toks[-1]) is not None
                    and _ROMAN.match(name_toks[-1]) is None
                    and name_toks[-1].casefold() not in _PERSON_INITIALS
                    and name_toks[-1].casefold() not in TITLE_WORDS
                )  # "King Street BIA", "Riverside FC": a body named with its kind's initials
            )
            person = Person(name=name, gender=Gender.BODY if body else None)  # "Labour Party": a body
            self._add(person)
            if body and kind is not None and kind != name_toks[-1].casefold():
                person.describe(kind)  # "Ironvale Studios" is "the studio"
        elif len(name_toks) > len(person.tokens) and not org:
            # "Trump" first, "Donald Trump" later: the fuller name becomes the name
            person.add_alias(person.name)
            person.rename(name)
        if surface != person.name:
            person.add_alias(surface)
        if tkeys - person.titles:
            person.titles |= tkeys
            for t in tkeys:
                self._index_word(t, person)
        if person.gender is None and not (len(name_toks) == 1 and len(person.tokens) > 1):
            # ("Lady Starmer" after "Keir Starmer" may be his wife: a title with the surname alone
            # says nothing of the person the full name introduced)
            self.set_gender(person, implied or name_gender(person.tokens))
        return self.touch(person, subject=subject) if touch else person

    def by_handle(self, handle: str, *, create: bool = True) -> Person | None:
        """The speaker known by an account ("@annreyes tweeted"): someone who had this handle
        written beside their name, else an account of its own (no name)."""
        key = handle.casefold()
        person = self._by_handle.get(key)
        if person is None:
            person = next((p for p in reversed(self.people) if p.handle and p.handle.casefold() == key), None)
        if person is None and create:
            person = Person(name=f"@{handle}", handle=handle, named=False)
            self._add(person)
        if person is not None:
            self._by_handle[key] = person
            self.touch(person)
        return person

    def anonymous(self, description: str, *, gender: Gender | None = None, head: str | None = None) -> Person:
        """A speaker the article describes but does not name ("one fan", "a user on Weibo",
        "his wife"): a person of their own, whom a later "she" or "the fan" may still mean."""
        person = Person(name=" ".join(description.split()), gender=gender, named=False)
        self._add(person)
        if head:
            person.describe(head)
        return self.touch(person)

    def _find(self, toks: Sequence[str], name: str, *, org: bool) -> Person | None:
        key = name.casefold()
        found = self._by_key.get(key)
        if found is not None or org:
            return found
        if len(toks) == 1:
            return self._find_one(key)
        last = toks[-1].casefold()
        bucket = self._by_last.get(last)
        if not bucket:
            return None
        first = toks[0].casefold()
        return _latest(
            p
            for p in bucket.values()
            if p.gender != Gender.BODY
            and p.folded[-1] == last
            and (len(p.folded) == 1 or p.folded[0] == first)
        )

    def _find_one(self, last: str) -> Person | None:
        """One word ("Reyes", "Ann", "Reyez"): a surname, else a given name, else a surname one
        edit away."""
        bucket = self._by_surname.get(last)
        if bucket:
            found = _latest(
                p for p in bucket.values() if p.gender != Gender.BODY and p.surname.casefold() == last
            )
            if found is not None:
                return found
        bucket = self._by_given.get(last)
        if bucket:
            found = _latest(
                p
                for p in bucket.values()
                if p.gender != Gender.BODY and len(p.folded) > 1 and last in p.folded[:-1]
            )
            if found is not None:
                return found
        if len(last) < 5:
            return None
        # Two words one edit (or swap) apart, one of five letters or more, share their first two
        # letters (the edit is past them) or their last two (it is before them): without a surname
        # sharing either, none is one edit away, and the deletions are not made.
        if last[:2] not in self._typo_heads and last[-2:] not in self._typo_tails:
            return None
        variants = _deletions(last)
        typo = self._by_typo
        if not any(map(typo.__contains__, variants)):
            return None  # no surname one edit away
        near: dict[int, Person] = {}
        for variant in variants:
            bucket = typo.get(variant)
            if bucket:
                near.update(bucket)
        return _latest(
            p
            for p in near.values()
            if p.gender != Gender.BODY and len(p.surname) >= 4 and damerau1(last, p.surname.casefold())
        )

    # -- pronouns and descriptions

    def latest(self, gender: Gender | None = None, *, strong: bool = False) -> Person | None:
        """The latest subject or speaker a pronoun of ``gender`` may mean: of that gender or of
        none known (``None``: anyone, organisations included); with ``strong``, not someone known
        only by a recurring word (:attr:`Person.weak`)."""
        if gender is None:
            return self._recent.top(("strong", _ANY) if strong else _ANY)
        fit = self._recent.top(("strong", gender) if strong else gender, gender=True, want=gender)
        unknown = self._recent.top(("strong", None) if strong else None, gender=True, want=None)
        if fit is None or (unknown is not None and unknown.recency > fit.recency):
            return unknown
        return fit

    def pronoun(self, word: str) -> Person | None:
        """The latest subject a pronoun can refer to: he/she by gender when known, they to anyone."""
        w = word.casefold()
        if w == "it":  # a body speaking of itself: the organisation last named, no one else
            body = self._recent.top(Gender.BODY, gender=True)
            return self.touch(body) if body is not None else None
        want = _PRONOUN_GENDER.get(w)
        if w in _PLURAL_PRONOUNS:
            person = self.latest(None)
            if person is not None:
                person.add_alias(word.lower())
                self.touch(person)
            return person
        person = self.latest(want)
        if person is None and want is not None:
            # no subject fits: the latest person named anywhere whose gender is known to fit
            # ("Senator Maria Okafor met Governor Tom Ortiz. He later tweeted")
            person = self._seen.top(want, gender=True, seen=True)
        if person is None:
            return None
        if want is not None and person.gender is None:
            self.set_gender(person, want)
        if w in _PRONOUN_GENDER and w not in lexicon.mapping("possessives"):
            person.add_alias(word.lower())
        return self.touch(person)

    def nominal(self, head: str, *, proper: Sequence[str] = (), any_body: bool = True) -> Person | None:
        """ "the embassy", "the senator", "the singer": the latest person or organisation named or
        described with that word; for a word naming a kind of organisation ("the company") with
        ``any_body``, else the organisation last named.

        ``proper``: capitalised words written before the head ("the Dallas police department"):
        only someone whose name or aliases hold each of them is meant."""
        h = head.casefold()
        if proper:
            wanted = {w.casefold() for w in proper}
            fits = [p for p in self._with_word.get(h, ()) if p.recency >= 0]
            fits = [p for p in fits if wanted <= {w for k in p.keys for w in k.split()}]
            found = max(fits, key=lambda p: p.recency, default=None)
        else:
            found = self._recent.top(h)
        if found is None and h in GENERIC_ORGS and not proper and any_body:
            found = self._recent.top(Gender.BODY, gender=True)  # "the company": the organisation last named
        return self.touch(found) if found is not None else None


@lru_cache(maxsize=8192)
def _parse_surface(
    surface: str, org: bool, after_preposition: bool
) -> tuple[str, tuple[str, ...], str, frozenset[str]] | None:
    """A written name -> (the surface as kept for an alias, the name's words, the name, its title
    keys), or None when no name is left. Pure, and asked again and again for the same few names
    (a page repeats them, a site's pages share their furniture), so its answers are kept."""
    surface = " ".join(surface.split()).strip(" ,;:’'\"")
    owner = _POSSESSIVE_END.search(surface)
    if owner and not org:
        after = surface[owner.start() + 2 :].split()
        if len(after) >= 2 and all(w[:1].isupper() and fold_key(w) not in NOT_NAMES for w in after):
            surface = " ".join(after)  # "CNN's Jake Tapper" -> the person the owner employs
        else:
            surface = surface[: owner.start()]  # "Elizabeth Snyder's Facebook" -> the owner
    titles, name_toks = split_title(surface)
    name_toks = [t for t in name_toks if t]
    if titles and len(name_toks) >= 2 and name_toks[-1].casefold() in GENERIC_ORGS:
        name_toks, titles = [*titles, *name_toks], []  # "National Weather Service": one name, no title
    if titles and len(name_toks) == 1 and is_title_word(name_toks[0]):
        # every word a title's ("White House"): the name of an office, not a title and a name
        name_toks = [t for t in titles if fold_key(t) not in NOT_NAMES] + name_toks
        titles = []
    while name_toks and (fold_key(name_toks[0]) in NOT_NAMES or not _starts_name(name_toks[0])):
        name_toks.pop(0)
    if len(name_toks) >= 2 and lexicon.gender_of(name_toks[0]) is not None and not titles:
        titles.append(name_toks.pop(0))  # "Tochter Kirsten", "Wife Jane Smith"
    if (
        len(name_toks) >= 3
        and (_ROLE_NOUN.search(name_toks[0]) or after_preposition)
        and name_toks[0].casefold() not in GENERIC_ORGS  # "Department of Public Health": a body's name
    ):
        # "Novelist Elena Ruiz" (a sentence-initial role); "ambassador to London Woody Johnson" (a place)
        titles.append(name_toks.pop(0))
    if name_toks and name_toks[-1].endswith(".") and len(name_toks[-1].rstrip(".")) > 1:
        name_toks[-1] = name_toks[-1].rstrip(".")  # the sentence's full stop, not an initial
    if not org:
        name_toks = _before_affiliation(name_toks)
    surface = " ".join(titles + name_toks) if not org else surface
    if org:
        name_toks = surface.split()
        if name_toks and name_toks[0].casefold() in _DEFINITE:
            name_toks = name_toks[1:]
    if not name_toks:
        return None
    return surface, tuple(name_toks), " ".join(name_toks), frozenset(fold_key(t) for t in titles)


def _before_affiliation(toks: list[str]) -> list[str]:
    """A name without what a particle adds after a whole name: "Hanna Weber vom Nocht-Institut"
    is Hanna Weber of an institute, where "Ursula von der Leyen" and "Johann Wolfgang von Goethe"
    hold the particle (only given names before it)."""
    if len(toks) < 3 or given_name_gender(toks[0]) is None:
        return toks
    for i in range(1, len(toks) - 1):
        if toks[i].casefold() in PARTICLES:
            return toks[:i] if i >= 2 and given_name_gender(toks[i - 1]) is None else toks
    return toks


_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
"""A name in capitals ("CBS", "FBI", "NASA"): an organisation."""
_PERSON_INITIALS = frozenset("mp mep msp mla mpp ceo cfo cto coo pm vp qc kc md rn phd jr sr dj mc".split())
"""Initials that stand for what a person is ("Plymouth MP", "Acme CEO"), not for a body."""
_ROMAN = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})$")
"""A generation after a name ("John Smith III"): a person's, not an organisation's initials."""


def _starts_name(word: str) -> bool:
    """A capital first, or a figure in a name that holds capitals ("9GAG", "50Cent")."""
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


_DEFINITE = frozenset(w.casefold() for w in lexicon.words("definite"))


@lru_cache(maxsize=8192)
def _deletions(word: str) -> frozenset[str]:
    """``word`` and every string one deletion away: two words one edit (or swap) apart share one."""
    return frozenset((word, *(word[:i] + word[i + 1 :] for i in range(len(word)))))


def _latest(people: Iterable[Person]) -> Person | None:
    """The most recent subject among ``people``; of equals, the first in the cast's order."""
    best: Person | None = None
    for p in people:
        if best is None or p.recency > best.recency or (p.recency == best.recency and p.order < best.order):
            best = p
    return best
