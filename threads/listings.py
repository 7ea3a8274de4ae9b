"""Listings: an article that reprints an account's posts verbatim, one after another.

News wires publish such lists ("The following statements were posted to the verified Twitter
accounts of U.S. President Donald Trump, @realDonaldTrump and @POTUS. ... @realDonaldTrump : -
TEXT [1749 EST] - TEXT [1811 EST]"). Each item runs from its dash to its time stamp; the
announcement names the author and the platform, a ``@handle :`` header the account.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from . import dates, slots, vocab
from .model import Author, Paragraph, Post
from .people import split_title

# "The following statements were posted to the verified Twitter account(s) of NAME, @a and @b."
_ANNOUNCE = slots.lazy(
    r"\b(?:following|these)\s+(?:statements|posts|tweets|messages|comments)\s+(?:were|was|have been)\s+"
    r"(?:posted|published|sent)\s+(?:to|on|from)\s+(?:the\s+)?(?:verified\s+|official\s+)?"
    rf"(?P<platform>{vocab.platform_alternation()})\s+accounts?\s+of\s+(?P<who>[^@\n]{{3,120}}?)"
    r"(?:(?P<handles>(?:,?\s*(?:and\s+)?@[A-Za-z0-9_]{1,30})+)\s*\.|(?<![A-Z])\.\s)",
    re.IGNORECASE,
)
_ANNOUNCE_WORD = re.compile("[FfTt](?:[Oo][Ll][Ll][Oo][Ww]|[Hh][Ee][Ss\u017f])")
"""What _ANNOUNCE cannot match without: "follow" or "thes", with every character its IGNORECASE matches
(a pattern that opens on a character set, which the engine scans for at C speed)."""
_HEADER = re.compile(r"@(?P<handle>[A-Za-z0-9_]{1,30})\s*:\s*(?=-)")
# "[1749 EST]": the time stamp that closes each item; the item runs back to the previous one.
_STAMP = re.compile(r"\[(?P<hhmm>\d{3,4})\s*(?P<zone>[A-Z]{2,4})\]")
_ITEM_START = re.compile(r"^\s*(?:@[A-Za-z0-9_]{1,30}\s*:\s*)?-\s+")
_TITLE_DAY = re.compile(r"\((?P<day>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\)")


_HANDLE = re.compile(r"@([A-Za-z0-9_]{1,30})")
_DASH_LEAD = re.compile(r"^-\s+")


def extract(
    paragraphs: Sequence[Paragraph], *, article_date: date | None = None, title: str | None = None
) -> list[Post]:
    """Posts reprinted in a listing, in order; nothing when no announcement introduces one."""
    posts: list[Post] = []
    announced: tuple[Author, str] | None = None
    day = _listing_day(title, article_date)
    for para in paragraphs:
        m = _ANNOUNCE.search(para.text) if _ANNOUNCE_WORD.search(para.text) else None
        if m:
            handles = _HANDLE.findall(m.group("handles") or "")
            name = " ".join(split_title(m.group("who").strip(" ,"))[1]) or m.group("who").strip(" ,")
            platform = vocab.PLATFORM_NAMES[m.group("platform").casefold()]
            announced = (
                Author(name=name, handle=handles[0] if handles else None, platform=platform),
                m.group(0),
            )
        if announced is None:
            continue
        author, evidence = announced
        text = para.text
        start = m.end() if m else 0
        for stamp in _STAMP.finditer(text, start):
            chunk = text[start : stamp.start()]
            header = None
            for h in _HEADER.finditer(chunk):
                header = h
            if header is not None:
                chunk_start = header.end()
                if header.group("handle").lower() != (author.handle or "").lower():
                    author = Author(name=author.name, handle=header.group("handle"), platform=author.platform)
            else:
                lead = _ITEM_START.match(chunk)
                chunk_start = lead.end() if lead else 0
            item = chunk[chunk_start:].strip()
            item = _DASH_LEAD.sub("", item)
            offset = start + chunk_start
            start = stamp.end()
            if not item:
                continue
            posts.append(
                Post(
                    platform=author.platform or "unknown",
                    text=item,
                    author=author,
                    kind="quote",
                    published=_stamp(day, stamp.group("hhmm"), stamp.group("zone")),
                    position=para.position + offset,
                    evidence=(f"listing '{evidence[:80]}'",),
                    confidence=0.9,
                    extra={"published_text": f"{stamp.group('hhmm')} {stamp.group('zone')}"},
                )
            )
    return posts


def _listing_day(title: str | None, article_date: date | None) -> date | None:
    """The day the listed posts were made: "(Dec 27)" in the title, else none known."""
    if not title or article_date is None:
        return None
    m = _TITLE_DAY.search(title)
    if not m:
        return None
    day = dates.parse_day(f"{m.group('day')} {article_date.year}")
    if day is not None and day > article_date:  # a late-December list dated in January
        day = day.replace(year=day.year - 1)
    return day


def _stamp(day: date | None, hhmm: str, zone: str) -> datetime | None:
    if day is None or zone not in vocab.TIME_ZONES:
        return None
    hours, minutes = int(hhmm[:-2]), int(hhmm[-2:])
    if hours > 23 or minutes > 59:
        return None
    tz = timezone(timedelta(hours=vocab.TIME_ZONES[zone]))
    return datetime(day.year, day.month, day.day, hours, minutes, tzinfo=tz)
