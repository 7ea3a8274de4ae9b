"""Consent notices: what news sites print where an embed was until the reader agrees ("To display
this content from X, you must enable advertisement tracking and audience measurement. Accept
Manage my choices"), in every language of :mod:`threads.lexicon`.

Scraped text keeps the notice before the embed's own words; a notice is never part of a post
(:mod:`threads.remnants` starts a post after it) and never an article's sentence about posting
(:mod:`threads.prose` skips a paragraph that is one).

>>> text = ("To display this content from X, you must enable cookies. Accept Manage my choices "
...         "The bridge is open!")
>>> text[notice_end(text, 0):]
'The bridge is open!'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .lexicon import alternation, words

__all__ = ["is_button", "is_notice", "notice_end", "notices"]

_REACH = 1200
"""How far a notice may run (the longest seen holds six sentences and its buttons)."""


@cache
def _opening() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(words('consent_openings'))})", re.IGNORECASE)


@cache
def _consent_word() -> re.Pattern[str]:
    """A consent word at the start of a word (its endings free: "enabled", "Datenschutzhinweisen")."""
    return re.compile(rf"(?i:\b(?:{alternation(words('consent_words'))}))")


@cache
def _button() -> re.Pattern[str]:
    """A button's label: consent words in a row, the first capitalised ("Accept", "Manage my
    choices", "Externen Inhalt laden", "Privatsphäre-Einstellungen")."""
    return re.compile(rf"(?=[A-ZÀ-Þ])(?:(?i:{alternation(words('consent_words'))})[\w’'-]*[ \t\u00a0]*)+")


_SENTENCE = re.compile(r"[^.!?…\n]*(?:[.!?…]+|$|(?=\n))")
"""A sentence, which a line break ends too ("Accept and continue" on a line of its own, the
embed's text on the next: the button's words do not make that text part of the notice)."""


def notices(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the consent notices in ``text``, none inside another."""
    last = 0
    for m in _opening().finditer(text):
        if m.start() < last:
            continue  # a second opening inside the same notice
        last = notice_end(text, m.start())
        yield m.start(), last


def notice_end(text: str, start: int) -> int:
    """Where the notice starting at ``start`` ends: after its first sentence, every sentence after
    it that speaks of consent (cookies, settings, accepting, loading external content), and the
    buttons among them (:func:`_button`): a sentence that starts with buttons and says nothing of
    consent after them is the embed's own text, glued to the buttons by the scraper."""
    limit = min(len(text), start + _REACH)
    end = pos = start
    while pos < limit:
        m = _SENTENCE.match(text, pos, limit)
        if m is None or m.end() == pos:
            break
        buttons = _button().match(text, pos, m.end())
        after = buttons.end() if buttons else pos
        if pos > start and not _consent_word().search(text, after, m.end()):
            end = after
            break
        end = pos = m.end()
        while pos < limit and text[pos] in " \t\u00a0\r\n":
            pos += 1
    while end < len(text) and text[end] in " \t\u00a0":
        end += 1
    return end


def is_button(text: str) -> bool:
    """Whether the paragraph is only a consent button's label ("Accept cookies", "Alle akzeptieren")."""
    return _button().fullmatch(text.strip()) is not None


def is_notice(text: str) -> bool:
    """Whether the paragraph is a consent notice (it starts with one)."""
    m = _opening().match(text.lstrip())
    return m is not None


_SKIP_LINK = re.compile(
    r"^\s*(?:Skip|End of)\s+[\w ]{1,20}?\s+(?:post|content)(?:\s+\d+)?,?\s+by\s+\S[^\n]{0,80}$",
    re.IGNORECASE,
)


def is_skip_link(text: str) -> bool:
    """Whether the paragraph is an embed's skip link, left as text ("Skip Twitter post by @ann",
    "End of Facebook post by Westmere Fire Station"): the page's furniture, no one's sentence."""
    return len(text) <= 140 and _SKIP_LINK.match(text) is not None
