"""Who is who in an article: names with their titles folded, and one record per person.

An article introduces a speaker once in full ("Army Col. Ann Reyes, Spokeswoman for ...") and
then says "Reyes", "he", or misspells the surname ("Reyez"). :class:`Cast` keeps one
:class:`Person` per individual and resolves each of those references to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from . import vocab

# Words that are titles, ranks, offices or honorifics, not parts of a name. Compared lowercased,
# without a final full stop. Military ranks and civil offices (English news usage), honorifics,
# and the modifiers that stand in front of them ("Army Col.", "U.S. President", "former Sen.").
TITLE_WORDS = frozenset(
    """
    army navy marine marines air force guard coast national col colonel lt lieutenant gen general
    maj major capt captain sgt sergeant adm admiral cmdr commander brig brigadier cpl corporal pvt
    private ens ensign staff master chief petty officer warrant president vice senator sen rep
    representative congressman congresswoman congressperson delegate gov governor
    lieutenant-governor mayor councilman councilwoman councillor alderman dr mr mrs ms mx miss prof
    professor sir dame lord lady rev reverend fr father sister brother rabbi imam pope cardinal
    bishop archbishop king queen prince princess duke duchess earl emperor sheikh secretary minister
    prime chancellor ambassador envoy consul judge justice sheriff attorney spokesman spokeswoman
    spokesperson deputy assistant associate commissioner director chairman chairwoman chair ceo cfo
    coo cto founder executive head leader speaker whip premier coach manager officer detective
    inspector constable superintendent agent trooper first former ex then late acting interim
    incoming outgoing retired u.s us u.k uk un eu white house state defense foreign interior home
    press
    """.split()
)
FEMALE_TITLES = frozenset(
    """
    mrs ms miss dame lady queen princess duchess sister spokeswoman congresswoman councilwoman
    chairwoman
    """.split()
)
MALE_TITLES = frozenset(
    """
    mr sir lord king prince duke father brother spokesman congressman councilman chairman
    """.split()
)
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
    """.split()
)


def name_gender(tokens: Iterable[str]) -> str | None:
    """ "m" or "f" when the first of a name's words is a given name of :data:`MALE_NAMES` or
    :data:`FEMALE_NAMES` and the name has a surname after it; else ``None``."""
    words = list(tokens)
    if len(words) < 2:
        return None
    first = words[0].casefold()
    return "m" if first in MALE_NAMES else "f" if first in FEMALE_NAMES else None


# Capitalised words that start sentences or name days, months and platforms, never people. May,
# June and August are given names too.
NOT_NAMES = frozenset(
    """
    the a an and but or so yet for nor if as at by in of on to up via with from into onto over after
    before when while then than this that these those there here it its we i you they he she his her
    our their my your who what where which why how also still just even however meanwhile moreover
    instead today yesterday tonight photo image video screenshot source credit caption update editor
    note read watch see
    der die das ein eine er sie es und aber auch une il elle et mais los las una él ella pero lei
    """.split()
) | frozenset(
    (
        *vocab.WEEKDAYS,
        *(m.lower() for m in vocab.ENGLISH_MONTHS[1:] if m not in ("May", "June", "August")),
        *(name for name in vocab.PLATFORM_NAMES if len(name) > 1 and " " not in name),
    )
)
# Nouns that refer back to whichever organisation was last named.
GENERIC_ORGS = frozenset(
    "company firm group organization organisation agency platform network site service".split()
)
# Particles that may stand inside a name between capitalised words.
PARTICLES = frozenset(
    """
    de del della di da van von der den la le al el bin ibn ter du dos das st. st
    """.split()
)

# A capitalised first word with one of these endings is a role ("Novelist", "Teacher", "Librarian").
_ROLE_NOUN = re.compile(
    r"^[A-ZÄÖÜ][a-zäöüß]+(?:ist|er|or|ian|ant|ent|man|woman|erin|istin|orin|entin|antin)$"
)
_POSSESSIVE_END = re.compile(r"[’']s\b.*$")
_TOKEN = re.compile(r"[^\s,;:()\[\]]+")


def fold_key(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


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
        if fold_key(tok) in TITLE_WORDS:
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
    """One individual (or organisation) the article quotes or names."""

    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    gender: str | None = None
    """"m", "f", "n" (an organisation), or None when unknown."""
    titles: set[str] = field(default_factory=set)
    handle: str | None = None
    """The account the article names beside them ("Ann Reyes (@annreyes) tweeted"), without "@"."""
    last_subject: int = -1
    last_mention: int = -1
    """Position of the latest mention of any kind (a pronoun with no subject to take looks here)."""
    """Position of the latest mention as a sentence subject or a speaker (for pronouns)."""
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
        self.keys.add(name.casefold())
        if self.cast is not None:
            self.cast._index(self)

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)
            key = alias.casefold()
            self.keys.add(key)
            if self.cast is not None:
                self.cast._index_key(key, self)


class Cast:
    """The people of one article, and how references resolve to them.

    Resolving a name looks people up in indexes (by key, surname, other name words, last name
    word, and the one-letter deletions of the surname for typos) instead of scanning everyone, so
    an article naming thousands of people stays linear. The indexes only grow: an entry may be
    stale after a rename, and every candidate is checked against the condition itself, so they
    answer exactly what a scan of :attr:`people` in order of recency would.
    """

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_key: dict[str, Person] = {}
        """Each key, to the earliest person (in :attr:`people` order) who answers to it."""
        self._by_surname: dict[str, dict[int, Person]] = {}
        self._by_given: dict[str, dict[int, Person]] = {}
        self._by_last: dict[str, dict[int, Person]] = {}
        self._by_typo: dict[str, dict[int, Person]] = {}
        self._typo_heads: set[str] = set()
        self._typo_tails: set[str] = set()
        """The first two and the last two letters of every surname indexed (casefolded)."""

    def _add(self, person: Person) -> None:
        person.order = len(self.people)
        person.cast = self
        self.people.append(person)
        self._index(person)

    def _index_key(self, key: str, person: Person) -> None:
        held = self._by_key.get(key)
        if held is None or person.order < held.order:
            self._by_key[key] = person

    def _index(self, person: Person) -> None:
        """Index ``person`` under its keys and its current name's words (after a rename too)."""
        for key in person.keys:
            self._index_key(key, person)
        order = person.order
        surname = person.surname.casefold()
        self._by_surname.setdefault(surname, {})[order] = person
        for tok in person.folded[:-1]:
            self._by_given.setdefault(tok, {})[order] = person
        if person.folded:
            self._by_last.setdefault(person.folded[-1], {})[order] = person
        self._typo_heads.add(surname[:2])
        self._typo_tails.add(surname[-2:])
        typo = self._by_typo
        for variant in _deletions(surname):
            bucket = typo.get(variant)
            if bucket is None:
                typo[variant] = {order: person}
            else:
                bucket[order] = person

    def mention(
        self,
        surface: str,
        *,
        position: int,
        subject: bool = True,
        create: bool = True,
        org: bool = False,
        after_preposition: bool = False,
    ) -> Person | None:
        """Resolve a written name (with or without titles) to a Person, creating one if allowed."""
        parsed = _parse_surface(surface, org, after_preposition)
        if parsed is None:
            return None
        surface, name_toks, name, tkeys = parsed
        person = self._find(name_toks, name, org=org)
        if person is None:
            if not create:
                return None
            person = Person(name=name, gender="n" if org else None)
            self._add(person)
        elif len(name_toks) > len(person.tokens) and not org:
            # "Trump" first, "Donald Trump" later: the fuller name becomes the name
            person.add_alias(person.name)
            person.rename(name)
        if surface != person.name:
            person.add_alias(surface)
        person.titles |= tkeys
        if person.gender is None:
            if tkeys & FEMALE_TITLES:
                person.gender = "f"
            elif tkeys & MALE_TITLES:
                person.gender = "m"
            else:
                person.gender = name_gender(person.tokens)
        if subject:
            person.last_subject = max(person.last_subject, position)
        person.last_mention = max(person.last_mention, position)
        return person

    def _find(self, toks: Sequence[str], name: str, *, org: bool) -> Person | None:
        key = name.casefold()
        found = self._by_key.get(key)
        if found is not None or org:
            return found
        if len(toks) == 1:
            last = key  # the one word, casefolded
            bucket = self._by_surname.get(last)
            if bucket:
                found = _latest(
                    p for p in bucket.values() if p.gender != "n" and p.surname.casefold() == last
                )
                if found is not None:
                    return found
            bucket = self._by_given.get(last)
            if bucket:
                found = _latest(
                    p
                    for p in bucket.values()
                    if p.gender != "n" and len(p.folded) > 1 and last in p.folded[:-1]
                )
                if found is not None:
                    return found
            if len(last) >= 5:
                # Two words one edit (or swap) apart, one of five letters or more, share their first
                # two letters (the edit is past them) or their last two (it is before them): without
                # a surname sharing either, none is one edit away, and the deletions are not made.
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
                if near:
                    return _latest(
                        p
                        for p in near.values()
                        if p.gender != "n" and len(p.surname) >= 4 and damerau1(last, p.surname.casefold())
                    )
            return None
        last = toks[-1].casefold()
        bucket = self._by_last.get(last)
        if not bucket:
            return None
        first = toks[0].casefold()
        return _latest(
            p
            for p in bucket.values()
            if p.gender != "n" and p.folded[-1] == last and (len(p.folded) == 1 or p.folded[0] == first)
        )

    def pronoun(self, word: str, *, position: int) -> Person | None:
        """The latest subject a pronoun can refer to: he/she by gender when known, they to anyone."""
        w = word.lower()
        want = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}.get(w)
        candidates = sorted(
            (p for p in self.people if 0 <= p.last_subject <= position),
            key=lambda p: p.last_subject,
            reverse=True,
        )

        def taken(p: Person) -> Person:
            p.last_subject = max(p.last_subject, position)
            if w in ("he", "she"):
                p.add_alias(w)
            return p

        for p in candidates:
            if want is None:
                if w == "they":
                    p.add_alias(w)
                return p
            if p.gender == want or (p.gender is None):
                if p.gender is None:
                    p.gender = want
                return taken(p)
        if want is not None:
            # no subject fits: the latest person named anywhere whose gender is known to fit
            # ("Senator Maria Okafor met Governor Tom Ortiz. He later tweeted")
            named = [p for p in self.people if p.gender == want and 0 <= p.last_mention <= position]
            if named:
                return taken(max(named, key=lambda p: p.last_mention))
        return None

    def nominal(self, head: str, *, position: int, proper: Sequence[str] = ()) -> Person | None:
        """ "the embassy", "the senator": the latest person or organisation named with that word.

        ``proper``: capitalised words written before the head ("the Dallas police department"):
        only someone whose name or aliases hold each of them is meant."""
        h = head.casefold()
        recent = sorted(self.people, key=lambda p: p.last_subject, reverse=True)
        if proper:
            wanted = {w.casefold() for w in proper}
            recent = [p for p in recent if wanted <= {w for k in p.keys for w in k.split()}]
        for p in recent:
            if h in p.folded or h in p.titles:
                p.last_subject = max(p.last_subject, position)
                return p
        if h in GENERIC_ORGS:
            # "the company", "the group": the organisation last named
            for p in recent:
                if p.gender == "n":
                    p.last_subject = max(p.last_subject, position)
                    return p
        return None


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
    if titles and len(name_toks) == 1 and fold_key(name_toks[0]) in TITLE_WORDS:
        # every word a title's ("White House"): the name of an office, not a title and a name
        name_toks = [t for t in titles if fold_key(t) not in NOT_NAMES] + name_toks
        titles = []
    while name_toks and (fold_key(name_toks[0]) in NOT_NAMES or not name_toks[0][:1].isupper()):
        name_toks.pop(0)
    if len(name_toks) >= 3 and (_ROLE_NOUN.search(name_toks[0]) or after_preposition):
        # "Novelist Elena Ruiz" (a sentence-initial role); "ambassador to London Woody Johnson" (a place)
        titles.append(name_toks.pop(0))
    if name_toks and name_toks[-1].endswith(".") and len(name_toks[-1].rstrip(".")) > 1:
        name_toks[-1] = name_toks[-1].rstrip(".")  # the sentence's full stop, not an initial
    surface = " ".join(titles + name_toks) if not org else surface
    if org:
        name_toks = surface.split()
        if name_toks and name_toks[0].lower() == "the":
            name_toks = name_toks[1:]
    if not name_toks:
        return None
    return surface, tuple(name_toks), " ".join(name_toks), frozenset(fold_key(t) for t in titles)


@lru_cache(maxsize=8192)
def _deletions(word: str) -> frozenset[str]:
    """``word`` and every string one deletion away: two words one edit (or swap) apart share one."""
    return frozenset((word, *(word[:i] + word[i + 1 :] for i in range(len(word)))))


def _latest(people: Iterable[Person]) -> Person | None:
    """The most recent subject among ``people``; of equals, the first in the cast's order."""
    best: Person | None = None
    for p in people:
        if (
            best is None
            or p.last_subject > best.last_subject
            or (p.last_subject == best.last_subject and p.order < best.order)
        ):
            best = p
    return best
