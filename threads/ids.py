"""Post IDs that encode their creation time, decoded to UTC datetimes.

Every decoder returns ``None`` for an ID that does not follow its scheme or decodes to an
implausible moment, so callers can try one and fall back to the page's date text.
Formulas and check values: the platforms' own ID layouts (snowflakes, TIDs), as
obsidianforensics/unfurl decodes them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

TWITTER_EPOCH_MS = 1288834974657
"""twitter-archive/snowflake ``IdWorker.scala``: ``twepoch``."""
TWITTER_FIRST_SNOWFLAKE = 29700859247
"""Smaller tweet IDs are pre-snowflake serials (before Nov 2010) and carry no time."""
INSTAGRAM_EPOCH_MS = 1314220021721
"""Instagram Engineering, "Sharding & IDs at Instagram" (2012): ``our_epoch``."""
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_B64_INDEX = {c: i for i, c in enumerate(_B64)}
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_TID_INDEX = {c: i for i, c in enumerate(_TID_ALPHABET)}
_TID = re.compile(r"[2-7a-j][2-7a-z]{12}")
_DIGITS = re.compile(r"\d{1,20}")

_EARLIEST = datetime(2006, 3, 1, tzinfo=UTC)
"""No social post we read predates Twitter's launch."""
_LATEST = datetime(2040, 1, 1, tzinfo=UTC)
_LATEST_MS = int((_LATEST - _EPOCH).total_seconds() * 1000)


def _from_ms(ms: int, *, earliest: datetime = _EARLIEST, latest: datetime = _LATEST) -> datetime | None:
    if ms <= 0 or ms >= _LATEST_MS:  # past the range a datetime can hold, and past any real post
        return None
    moment = _EPOCH + timedelta(milliseconds=ms)
    return moment if earliest <= moment < latest else None


def _as_int(value: str | int) -> int | None:
    if isinstance(value, int):
        return value
    return int(value) if _DIGITS.fullmatch(value) else None


def twitter_time(tweet_id: str | int) -> datetime | None:
    """Snowflake: ``(id >> 22) + 1288834974657`` ms; only IDs from 29700859247 (Nov 2010) on."""
    n = _as_int(tweet_id)
    if n is None or n < TWITTER_FIRST_SNOWFLAKE:
        return None
    return _from_ms((n >> 22) + TWITTER_EPOCH_MS)


def mastodon_time(status_id: str | int) -> datetime | None:
    """Mastodon snowflake: ``id >> 16`` ms; only results in 2015..2035 (older IDs are serials)."""
    n = _as_int(status_id)
    if n is None:
        return None
    return _from_ms(
        n >> 16,
        earliest=datetime(2015, 1, 1, tzinfo=UTC),
        latest=datetime(2035, 1, 1, tzinfo=UTC),
    )


def bluesky_time(rkey: str) -> datetime | None:
    """atproto TID: 13 base32-sortable chars, 53 bits of microseconds above 10 clock bits."""
    if not _TID.fullmatch(rkey):
        return None
    value = 0
    for c in rkey:
        value = value * 32 + _TID_INDEX[c]
    moment = _EPOCH + timedelta(microseconds=value >> 10)
    return moment if _EARLIEST <= moment < _LATEST else None


def instagram_media_id(shortcode: str) -> int | None:
    """The numeric media ID a shortcode spells in Instagram's base 64 (``A-Z a-z 0-9 - _``)."""
    if not shortcode or len(shortcode) > 12 or any(c not in _B64_INDEX for c in shortcode):
        return None
    value = 0
    for c in shortcode:
        value = value * 64 + _B64_INDEX[c]
    return value


def instagram_time(shortcode: str) -> datetime | None:
    """``(media_id >> 23) + 1314220021721`` ms; usual 10-11 char codes only (long ones are private)."""
    media_id = instagram_media_id(shortcode)
    if media_id is None:
        return None
    return _from_ms((media_id >> 23) + INSTAGRAM_EPOCH_MS, earliest=datetime(2010, 10, 1, tzinfo=UTC))


def threads_time(shortcode: str) -> datetime | None:
    """Threads shortcodes decode like Instagram's (seen to work, undocumented: a hint only)."""
    return instagram_time(shortcode)


def tiktok_time(video_id: str | int) -> datetime | None:
    """Reverse-engineered (unfurl ``parse_tiktok.py``): ``id >> 32`` = Unix seconds."""
    n = _as_int(video_id)
    if n is None:
        return None
    return _from_ms((n >> 32) * 1000, earliest=datetime(2014, 1, 1, tzinfo=UTC))


def linkedin_time(urn_id: str | int) -> datetime | None:
    """Reverse-engineered (unfurl ``parse_linkedin.py``): top 41 of 63 bits = Unix ms (``id >> 22``)."""
    n = _as_int(urn_id)
    if n is None:
        return None
    return _from_ms(n >> 22, earliest=datetime(2010, 1, 1, tzinfo=UTC))
