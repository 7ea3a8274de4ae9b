"""Dates as articles write them: datelines, ISO stamps, and relative days resolved against a date."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from . import lexicon, slots, vocab

_MONTHS = rf"(?:{lexicon.alternation(tuple(vocab.MONTHS))})\.?"
_WEEKDAYS = lexicon.alternation(lexicon.words("weekdays"))
DATE_RE = slots.lazy(
    rf"""(?:(?:{_WEEKDAYS}),?\s+)?                               # Tuesday, / Dienstag,
    (?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}       # October 17, 2017 / Oct. 17 2017
    | \d{{1,2}}\.?\s+(?:de\s+)?{_MONTHS},?\s+(?:de\s+)?\d{{4}}  # 17. Oktober 2017, 17 de octubre de 2017
    | \d{{4}}-\d{{2}}-\d{{2}})                                   # 2017-10-17""",
    re.IGNORECASE | re.VERBOSE,
)
"""A date as articles write it, month names in any language of :data:`threads.vocab.MONTHS`,
optionally led by a weekday of any language of :mod:`threads.lexicon`."""
_YEAR = re.compile(r"\d{4}")
_AT = lexicon.alternation(lexicon.words("at_words"))
_DATELINE_NOISE = slots.lazy(
    rf"^(?:{lexicon.alternation(lexicon.words('dateline_words'))})\s*:?\s*"  # Published:, Aktualisiert
    rf"|\s*(?:\||-|–|—|{_AT})?\s*\d{{1,2}}:\d{{2}}.*$",  # | 10:02, um 10:02
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_WEEKDAY: dict[str, int] = {
    day.casefold(): i for lang in lexicon.LANGUAGES for i, day in enumerate(lang.weekdays)
}
"""A weekday in any language of :mod:`threads.lexicon` -> its number (Monday 0)."""
_DAYS_BACK = {
    word.casefold(): back
    for lang in lexicon.LANGUAGES
    for word, back in lang.relative_days.items()
    if not any(word in other.function_words for other in lexicon.LANGUAGES if other is not lang)
}
"""A relative day ("yesterday", "gestern", "anoche") -> how many days before the article's; not a
word that is another language's everyday word (French "hier", German "here")."""
_RELATIVE = slots.lazy(
    rf"\b(?P<weekday>{lexicon.alternation(tuple(_WEEKDAY))})\b"  # "on Tuesday", "am Dienstag"
    rf"|\b(?P<day>{lexicon.alternation(tuple(_DAYS_BACK))})\b",  # "yesterday", "ayer", "hier soir"
    re.IGNORECASE,
)


def parse_dateline(line: str) -> date | None:
    """A line that is only a date ("October 17, 2017", "Published: Oct 17, 2017 10:02") -> the day."""
    text = line.strip()
    if not text or len(text) > 60 or _DIGIT.search(text) is None:
        return None  # every date DATE_RE reads holds a digit
    text = _DATELINE_NOISE.sub("", text).strip()
    m = DATE_RE.fullmatch(text)
    if not m:
        return None
    return parse_day(text)


_MDY = re.compile(r"(?P<m>[^\W\d_]+)\.?\s+(?P<d>\d{1,2})\D*?(?P<y>\d{4})")
_DMY = re.compile(r"(?P<d>\d{1,2})\.?\s+(?:de\s)?(?P<m>[^\W\d_]+)\.?,?\s+(?:de\s)?(?P<y>\d{4})")
_CJK = re.compile(r"(?P<y>\d{4})\s?[年년]\s?(?P<m>\d{1,2})\s?[月월]\s?(?P<d>\d{1,2})")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")


def parse_written(text: str) -> date | None:
    """A date as written at the start of ``text`` in any language of :data:`threads.vocab.MONTHS`
    ("October 17, 2017", "17. Oktober 2017", "17 de octubre de 2017", "2016年5月28日",
    "2017-10-17") -> the day, or None when it is no date.

    >>> parse_written("17. Oktober 2017"), parse_written("Brumaire 3, 2017")
    (datetime.date(2017, 10, 17), None)
    """
    s = " ".join(text.split())
    for pattern in (_CJK, _ISO, _DMY, _MDY):
        m = pattern.match(s)
        if m is None:
            continue
        month = int(m.group("m")) if m.group("m").isdigit() else vocab.month(m.group("m"))
        if month is None:
            continue
        try:
            return date(int(m.group("y")), month, int(m.group("d")))
        except ValueError:
            return None
    return None


@lru_cache(maxsize=1024)
def parse_day(text: str) -> date | None:
    """A written date ("Oct. 17, 2017", "Dienstag, 17. Oktober 2017") -> the day, or None."""
    found = parse_written(_LEADING_WEEKDAY.sub("", text.strip()))
    if found is not None:
        return found
    from dateutil import parser as du_parser  # ~20 ms to import: loaded when a date must be read

    try:
        dt = du_parser.parse(text.replace(".", " "), fuzzy=False, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    return dt.date() if dt.year > 1900 else None


_LEADING_WEEKDAY = slots.lazy(rf"^(?:{_WEEKDAYS}),?\s+", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso(text: str) -> datetime | date | None:
    """An ISO 8601 or similar machine date from metadata; a date alone stays a date."""
    text = text.strip()
    if not text:
        return None
    if _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        import warnings

        from dateutil import parser as du_parser

        try:
            dt = du_parser.isoparse(text)
        except (ValueError, OverflowError):
            try:
                with warnings.catch_warnings():  # "CEST identified but not understood": read as local
                    warnings.simplefilter("ignore")
                    dt = du_parser.parse(text)
            except (ValueError, OverflowError):
                return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC)
    return dt


def as_day(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def relative_day(text: str, anchor: date | None) -> date | None:
    """The day a phrase such as "on Tuesday" or "yesterday" in ``text`` means, seen from ``anchor``,
    in any language of :mod:`threads.lexicon` ("am Dienstag", "ayer").

    A weekday is the latest such day on or before the anchor (news writes "on Tuesday" for this
    week's Tuesday, and the article's own day when it is one). An explicit date in the text wins.
    """
    m = DATE_RE.search(text) if _YEAR.search(text) else None  # every date DATE_RE reads has a year
    if m:
        d = parse_day(m.group(0))
        if d is not None:
            return d
    if anchor is None:
        return None
    m2 = _RELATIVE.search(text)
    if not m2:
        return None
    if m2.group("weekday"):
        want = _WEEKDAY[m2.group("weekday").casefold()]
        return anchor - timedelta(days=(anchor.weekday() - want) % 7)
    back = _DAYS_BACK[" ".join(m2.group("day").casefold().split())]
    return anchor - timedelta(days=back if isinstance(back, int) else 0)
