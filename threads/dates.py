"""Dates as articles write them: datelines, ISO stamps, and relative days resolved against a date."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from . import vocab

_MONTHS = vocab.MONTH_PATTERN
# "October 17, 2017", "Oct. 17 2017", "17 October 2017", "2017-10-17", optionally led by a weekday.
DATE_RE = re.compile(
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})",
    re.IGNORECASE,
)
_DATELINE_NOISE = re.compile(
    r"^(?:published|updated|posted|date|last updated)\s*:?\s*|\s*(?:\||-|–|—|at)?\s*\d{1,2}:\d{2}.*$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_RELATIVE = re.compile(
    r"\b(?:(?:on|last|this|late|early)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(today|yesterday|tonight|this morning|this afternoon|this evening|last night)\b",
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


@lru_cache(maxsize=1024)
def parse_day(text: str) -> date | None:
    """A written date ("Oct. 17, 2017") -> the day, or None."""
    from dateutil import parser as du_parser  # ~20 ms to import: loaded when a date must be read

    try:
        dt = du_parser.parse(text.replace(".", " "), fuzzy=False, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    return dt.date() if dt.year > 1900 else None


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
    """The day a phrase such as "on Tuesday" or "yesterday" in ``text`` means, seen from ``anchor``.

    A weekday is the latest such day on or before the anchor (news writes "on Tuesday" for this
    week's Tuesday, and the article's own day when it is one). An explicit date in the text wins.
    """
    m = DATE_RE.search(text)
    if m:
        d = parse_day(m.group(0))
        if d is not None:
            return d
    if anchor is None:
        return None
    m2 = _RELATIVE.search(text)
    if not m2:
        return None
    if m2.group(1):
        want = vocab.WEEKDAYS.index(m2.group(1).lower())
        back = (anchor.weekday() - want) % 7
        return anchor - timedelta(days=back)
    word = m2.group(2).lower()
    if word in ("yesterday", "last night"):
        return anchor - timedelta(days=1)
    return anchor
