"""Word slots: the lexicon's word lists inside the prose patterns, narrowed to the words a page
holds.

An attribution pattern holds every language's reporting verbs, determiners and post nouns, and
compiling it costs time in proportion to its length (Python's pattern parser is written in Python):
about a quarter of a second for the patterns one article needs. A word that the page does not hold
cannot match in any text taken from the page, so a pattern whose word lists keep only the page's
words matches there exactly as the whole pattern does.

Every word list a pattern is built from goes in through :func:`alternation` or :func:`trie`, which
put a slot in its place: ``(?#wN))``, a regex comment naming the list and a parenthesis too many,
so that a pattern compiled without its words fails at once. Neither builds the list's regex (a
few thousand words: a sixth of the reader's start-up did) until a pattern needs it.
:func:`compiled` gives a :class:`Compiled` pattern, compiled at its first use: while
:func:`reading` a page, with each slot narrowed to the words the page holds (its :class:`Page`,
which keeps them for that page alone), else with every slot's words (:func:`whole`), once.

Only the first page a process reads (:data:`NARROWED_PAGES`) is read with narrowed patterns: a
one-page command compiles only the words its page holds, and a batch compiles the whole patterns
once, from its second page on, instead of narrowed ones for every page. Other modules' large
patterns, which hold no slots, are compiled at their first use too (:func:`lazy`): a run that does
not reach one does not compile it.

Which words a page holds is decided on its text lowercased (and casefolded), as the word's
letter runs (``\\w+``): a run that is no substring of the page's runs cannot match there, whatever
the pattern's case flags. The texts the prose reader matches are the page's paragraphs and title,
cut, lowercased, and joined with white space or punctuation, so none holds a letter run the page
does not hold. A page holding "İ", "ı" or "ſ" (which ``re.IGNORECASE`` matches to "i" and "s") is
read with the whole patterns.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from . import lexicon

__all__ = [
    "NARROWED_PAGES", "Compiled", "Page", "alternation", "compiled", "lazy", "reading", "trie", "unsettle",
    "whole",
]  # fmt: skip

NARROWED_PAGES = 1
"""How many pages a process reads with patterns narrowed to their words (the first ones)."""

_Build = Callable[[tuple[str, ...]], str]

_SLOTS: list[tuple[_Build, tuple[str, ...]]] = []
"""Slot number -> how its regex is built, and its words."""
_NUMBERS: dict[tuple[_Build, tuple[str, ...]], int] = {}
_WHOLE: dict[int, str] = {}
"""Slot number -> its regex, built at its first use."""
_PLACE = re.compile(r"\(\?\#w(\d+)\)\)")
_RUN = re.compile(r"\w+")
_CASE_SPECIAL = ("\u0130", "\u0131", "\u017f")
"""İ, ı, ſ: ``re.IGNORECASE`` matches them to i and s, which their lower case is not."""


def _slot(build: _Build, words: Iterable[str]) -> str:
    key = (build, tuple(words))
    number = _NUMBERS.get(key)
    if number is None:
        number = _NUMBERS[key] = len(_SLOTS)
        _SLOTS.append(key)
    return f"(?#w{number}))"


def _whole_body(number: int) -> str:
    body = _WHOLE.get(number)
    if body is None:
        build, words = _SLOTS[number]
        body = _WHOLE[number] = build(words)
    return body


def whole(pattern: str) -> str:
    """``pattern`` with every slot's words in place."""
    if "(?#w" not in pattern:
        return pattern
    return _PLACE.sub(lambda m: _whole_body(int(m.group(1))), pattern)


def alternation(phrases: Iterable[str]) -> str:
    """:func:`threads.lexicon.alternation` (literal phrases, longest first), as a slot."""
    return _slot(lexicon.alternation, phrases)


_Trie = dict[str, "_Trie"]


def _trie(words: tuple[str, ...]) -> str:
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


def trie(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, as a trie: one branch per first letter,
    not one per word (the engine tries a few branches at each position, not hundreds); a slot."""
    return _slot(_trie, sorted(set(words)))


@cache
def _runs(word: str) -> tuple[str, ...]:
    return tuple(_RUN.findall(word.lower()))


class Page:
    """The words of one page's texts, and the patterns compiled for it, narrowed to them."""

    __slots__ = ("_bodies", "_joined", "_known", "_patterns", "_runs", "_texts")

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = tuple(texts)
        self._runs: frozenset[str] | None = None
        self._joined = ""
        self._known: dict[str, bool] = {}
        self._bodies: dict[int, str] = {}
        self._patterns: dict[tuple[str, int], re.Pattern[str]] = {}

    def _index(self) -> frozenset[str]:
        """The page's letter runs (lowercased and casefolded), found once."""
        text = "\n".join(self._texts)
        low = text.lower()
        runs = set(_RUN.findall(low))
        folded = text.casefold()
        if folded != low:
            runs.update(_RUN.findall(folded))
        self._runs = frozenset(runs)
        self._joined = "\n".join(runs)
        return self._runs

    def holds_run(self, run: str) -> bool:
        """Whether the letter run ``run`` (lower case) stands in the page: as one of the page's
        runs, or inside one (an ending, "twitter" in "twitterte")."""
        found = self._known.get(run)
        if found is None:
            runs = self._runs if self._runs is not None else self._index()
            found = self._known[run] = run in runs or run in self._joined
        return found

    def holds(self, word: str) -> bool:
        """Whether ``word`` (a phrase: white space in it matches any) may match in the page:
        each of its letter runs stands in the page."""
        return all(self.holds_run(run) for run in _runs(word))

    def _body(self, number: int) -> str:
        body = self._bodies.get(number)
        if body is None:
            build, words = _SLOTS[number]
            known, holds_run = self._known, self.holds_run
            kept = []
            for word in words:  # a loop, not holds(): this runs for thousands of words
                for run in _runs(word):
                    found = known.get(run)
                    if not (holds_run(run) if found is None else found):
                        break
                else:
                    kept.append(word)
            if not kept:
                body = "(?!)"
            elif len(kept) == len(words):
                body = _whole_body(number)
            else:
                body = build(tuple(kept))
            self._bodies[number] = body
        return body

    def narrowed(self, pattern: str) -> str:
        """``pattern`` with each slot narrowed to the words the page holds (``(?!)``, which never
        matches, for a slot left with none)."""
        return _PLACE.sub(lambda m: self._body(int(m.group(1))), pattern)

    def compiled(self, pattern: str, flags: int) -> re.Pattern[str]:
        found = self._patterns.get((pattern, flags))
        if found is None:
            found = self._patterns[(pattern, flags)] = re.compile(self.narrowed(pattern), flags)
        return found


_PAGE: ContextVar[Page | None] = ContextVar("threads_prose_page", default=None)
_read = 0


@contextmanager
def reading(texts: Iterable[str]) -> Iterator[Page | None]:
    """Patterns used inside are compiled narrowed to the words of ``texts`` (a page's paragraphs
    and title), for the first :data:`NARROWED_PAGES` pages of the process; later pages use the
    whole patterns (and ``texts``, which may be a generator, is not read). Each thread (each
    context) reads its own page."""
    global _read
    _read += 1
    page = None
    if _read <= NARROWED_PAGES:  # ``texts`` is read only then
        texts = tuple(texts)
        if not any(c in t for t in texts for c in _CASE_SPECIAL):
            page = Page(texts)
    token = _PAGE.set(page)  # None, too: a page read inside another's has its own words
    try:
        yield page
    finally:
        _PAGE.reset(token)


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")


class Compiled:
    """A pattern compiled at its first use: narrowed to the page being read (:func:`reading`) when
    it holds slots, else whole, once. It answers as a compiled :class:`re.Pattern` does.

    Once no page is left to read narrowed (past the first :data:`NARROWED_PAGES`), the whole
    pattern's own methods are set on the object at its next use, so that a batch's calls cost
    what calls on a compiled pattern cost (a page still read narrowed elsewhere then gets the
    whole pattern, which answers the same)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._whole: re.Pattern[str] | None = None
        self._slotted = "(?#w" in pattern

    def get(self) -> re.Pattern[str]:
        """The compiled pattern for the page being read, else the whole one."""
        page = _PAGE.get() if self._slotted else None
        if page is not None:
            return page.compiled(self.pattern, self.flags)
        found = self._whole
        if found is None:
            found = self._whole = re.compile(whole(self.pattern), self.flags)
        if _read >= NARROWED_PAGES:
            for name in _METHODS:
                setattr(self, name, getattr(found, name))
        return found

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.get().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.get().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.get().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.get().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.get().findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.get().split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.get().sub(repl, string, count)


_COMPILED: dict[tuple[str, int], Compiled] = {}
"""Every pattern :func:`compiled` was given, by its text and flags."""


def unsettle() -> None:
    """Every pattern asks for the page being read again at its next use (after a test has set
    :data:`NARROWED_PAGES` higher)."""
    for found in _COMPILED.values():
        for name in _METHODS:
            found.__dict__.pop(name, None)


def lazy(pattern: str, flags: int = 0) -> Compiled:
    """``pattern`` compiled at its first use (see :class:`Compiled`), one object for each pattern
    and flags."""
    key = (pattern, int(flags))
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = Compiled(*key)
    return found


@cache
def compiled(pattern: str, flags: int = 0) -> Compiled:
    """``pattern`` compiled verbose at its first use (see :class:`Compiled`)."""
    return lazy(pattern, re.VERBOSE | flags)
