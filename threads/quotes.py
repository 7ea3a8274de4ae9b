"""Quote marks and sentences in running prose.

Finds quoted passages (straight and curly double quotes, single quotes used as outer quotes,
guillemets « » and » «, German „ “) and cuts a paragraph into sentences without cutting inside a
quote or after an abbreviation. A quote nested in another stays part of the outer one's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from . import lexicon

_PAIRS: dict[str, str] = {
    **{k: v for lang in reversed(lexicon.LANGUAGES) for k, v in lang.quote_marks.items()},
    **lexicon.OTHER_QUOTE_MARKS,
}
"""An opening mark -> the marks that may close it (every language of the lexicon)."""
_PAIRS["“"] = "”“"  # a typo closes with an opening mark too: '… recibirlo? “, se quejó' (see _closing)
_OPEN_BEFORE = set(" \t\n([{—–-/:;,")  # what may stand before an opening mark
_WORDCHAR = re.compile(r"\w")
_OPENERS = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_STOPS = {closers: re.compile("[\n" + re.escape(closers) + "]") for closers in _PAIRS.values()}


class Quote(NamedTuple):
    """A quoted passage: ``start``/``end`` include the marks, ``text`` is what is inside."""

    start: int
    end: int
    text: str
    opener: str
    open: bool = False
    """Not closed before the paragraph's end: the quote goes on in the next paragraph, which
    opens with a mark again (a long quote, as newspapers print it)."""


def quote_marks() -> str:
    """Every opening mark :func:`find_quotes` reads."""
    return "".join(_PAIRS)


def find_quotes(
    text: str, pos: int = 0, endpos: int | None = None, *, limit: int | None = None, open_end: bool = False
) -> list[Quote]:
    """Outer quoted passages of ``text`` in order; unbalanced marks are ignored.

    ``pos`` and ``endpos`` read ``text[pos:endpos]`` as if it stood alone (as ``re`` does), without
    copying it; positions stay those in ``text``. ``limit`` stops after that many passages.
    ``open_end``: a last mark never closed, opening whole sentences to the end of the text, is a
    quote that goes on in the next paragraph (:attr:`Quote.open`).
    """
    out: list[Quote] = []
    # Per opening mark, how far a failed search for its closer got (and whether a paragraph break
    # stopped it): whether a mark at j closes depends on the opener and j alone, so the next opener
    # of that kind resumes there. Without this, a run of unclosed marks costs quadratic time.
    failed: dict[str, tuple[int, bool]] = {}
    n = len(text) if endpos is None else min(endpos, len(text))
    i = pos
    while i < n and (limit is None or len(out) < limit):
        m = _OPENERS.search(text, i, n)
        if m is None:
            break
        i = m.start()
        c = text[i]
        closers = _PAIRS[c]
        if not _can_open(text, i, pos, n):
            i += 1
            continue
        scanned, blocked = failed.get(c, (-1, False))
        if i < scanned and blocked:
            i += 1
            continue
        j, end, blocked = _closing(text, i, closers, start=max(i + 1, scanned), end=n)
        if j is None:
            if open_end and end >= n and _runs_to_end(text, i, n):
                out.append(Quote(i, n, text[i + 1 : n].strip(), c, open=True))
                break
            failed[c] = (end, blocked)
            i += 1
            continue
        inner = text[i + 1 : j]
        if inner.strip():
            out.append(Quote(i, j + 1, inner.strip(), c))
        i = j + 1
    return out


_ENDS_SENTENCE = re.compile(r"[.!?…]\s*$")


def _runs_to_end(text: str, i: int, n: int) -> bool:
    """An unclosed mark opening whole sentences that end the paragraph: "He said: “It was a
    joke. I apologise." (the quote goes on in the next paragraph)."""
    inner = text[i + 1 : n]
    return (
        len(inner.split()) >= 4
        and bool(_ENDS_SENTENCE.search(inner))
        and inner[:1].isupper()
        and not any(m in inner for m in _PAIRS if m != "'")  # an apostrophe is no mark here ("I'm")
    )


def _can_open(text: str, i: int, pos: int, endpos: int) -> bool:
    before = text[i - 1] if i > pos else " "
    after = text[i + 1] if i + 1 < endpos else " "
    if after.isspace() and text[i] not in "«»":  # French sets guillemets off with spaces
        return False
    if text[i] == "'" and not (after.isalpha() or after in '@#“"‘'):
        return False  # a straight single quote opens words, not a year ("the '90s") or a number
    if text[i] in "‘\"»'":
        # a single curly quote or a straight quote opens only at a word start
        return before in _OPEN_BEFORE or before in "“„«"
    return not _WORDCHAR.match(before) or before in "“„«"


def _closing(text: str, i: int, closers: str, *, start: int, end: int) -> tuple[int | None, int, bool]:
    """(where the mark at ``i`` closes, or None; where the search stopped; whether a paragraph
    break stopped it). The search runs from ``start`` to at most 4000 characters after ``i``,
    and never past ``end`` (where the text is taken to end)."""
    opener = text[i]
    limit = min(end, i + 4000)
    stops = _STOPS[closers]  # the closers and a line break: the only characters the scan stops at
    j = start
    while (m := stops.search(text, j, limit)) is not None:
        j = m.start()
        c = text[j]
        if c == "\n":
            if j + 1 < end and text[j + 1] == "\n":
                return None, j, True
            j += 1
            continue
        after = text[j + 1] if j + 1 < end else " "
        # an apostrophe inside a word (We’ve, ISIS’s) does not close a single quote
        if opener in "‘‚'" and (_WORDCHAR.match(after) or not text[j - 1 : j].strip()):
            j += 1
            continue
        if opener == "'" and text[j - 1 : j] == "s" and _PLURAL_POSSESSIVE.match(text, j + 1):
            j += 1  # "the fans' anger": a plural's apostrophe, the quote goes on
            continue
        if opener == '"' and j + 1 < end and _WORDCHAR.match(after) and text[j - 1].isspace():
            j += 1
            continue
        if (
            c == "“"
            and opener == "“"
            and not (text[j - 1].isspace() and text[j - 2 : j - 1] in ".!?…" and after in ",.;:")
        ):
            j += 1  # an opening mark closes “ only as a typo: '… recibirlo? “, se quejó'
            continue
        return j, j, False
    return None, max(limit, start), limit == end


_PLURAL_POSSESSIVE = re.compile(r" [a-z]")
"""After "s'": a lower-case word goes on the sentence ("the fans' anger"), so the mark is an
apostrophe; a closing mark is followed by punctuation, an attribution or a capital."""


# Abbreviations after which a full stop does not end a sentence (titles, months, places, Latin).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof col gen lt sgt capt maj adm cmdr brig sen rep gov pres supt insp det st jr
    sr rev fr no nos vs etc inc co corp ltd bros dept univ ave blvd mt ft jan feb mar apr jun jul
    aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m d.c n.y l.a est approx
    """.split()
)
# A match starts only where a run of stops starts (the lookbehind): any match inside a run ends
# where the run's own match would, and trying every position in a long run ("......") was quadratic.
# The first stop is consumed before the lookbehind looks at it and the one before it, so that the
# pattern opens with a character set and the engine skips to the next stop at C speed (4x faster
# than opening with the lookbehind, same matches). Only the longest run of stops and closers can be
# followed by white space or the end, so the two endings share it. German closes its quotes with
# “ and ‘ („…“, ‚…‘): closers too, right after a stop.
_SENT_END = re.compile(
    r"[.!?…](?<![.!?…]{2})[.!?…]*[\"”’'»“‘)\]]*(?:(?=\s+[\"“‘'«„(\[]?[A-Z0-9@#\u00C0-\u024F])|$)"
)


_DATE_LINE_END = re.compile(r"(?<=\d{4})[ \t]*(?=\n[ \t]*[\"“‘«„]?[A-Z\u00C0-\u024F])")


def sentences(
    text: str, quotes: list[Quote] | None = None, *, attributed: Callable[[str, int], bool] | None = None
) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``; never ends one inside a quote.

    A quote that closes on a stop ends the sentence when a capital follows ('“We won.” That was
    all.'), unless ``attributed(text, at)`` says the words from ``at`` attribute it ('“We won!”
    Reyes tweeted.')."""
    if quotes is None:
        quotes = find_quotes(text)
    inside = [(q.start + 1, q.end - 1) for q in quotes]
    spans: list[tuple[int, int]] = []
    start = 0
    qi = 0
    ends = [(m.start(), m.end(), True) for m in _SENT_END.finditer(text)]
    if "\n" in text:
        # a line that ends in a year, then a line that starts anew: a flattened post's signature
        # ("— Ann Reyes (@annreyes) March 5, 2024") and the article going on below it
        ends = sorted(ends + [(m.start(), m.start(), False) for m in _DATE_LINE_END.finditer(text)])
    for pos, end, stop in ends:
        while qi < len(inside) and inside[qi][1] <= pos:
            qi += 1
        if qi < len(inside) and inside[qi][0] <= pos < inside[qi][1]:
            if not stop or end <= inside[qi][1]:
                continue  # inside a quote
            if attributed is None or attributed(text, end):
                continue  # the quote's attribution follows
        if stop and text[pos] == "." and _is_abbreviation(text, pos):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    k = dot
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        # an initial ("Donald J. Trump", "J. K. Rowling"), unless the word before is in lower case
        # ("… wrote on X. Then …": the platform ends the sentence)
        before = text[max(0, k - 40) : k].split()
        return not before or not before[-1][:1].islower()
    return word.rstrip(".") in ABBREVIATIONS
