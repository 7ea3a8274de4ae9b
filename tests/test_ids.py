"""ID -> time decoders, against the check values in the embeds reference."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from threads import ids


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0, us: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, us, tzinfo=UTC)


def test_twitter_snowflake() -> None:
    moment = ids.twitter_time("1581661660728950784")
    assert moment is not None
    assert moment.replace(microsecond=0) == utc(2022, 10, 16, 15, 1, 40)


def test_twitter_pre_snowflake_ids_carry_no_time() -> None:
    assert ids.twitter_time(29700859246) is None
    assert ids.twitter_time("20") is None
    assert ids.twitter_time(29700859247) is not None
    assert ids.twitter_time("12a") is None


def test_mastodon() -> None:
    moment = ids.mastodon_time(109485527427943661)
    assert moment is not None
    assert moment.replace(second=0, microsecond=0) == utc(2022, 12, 9, 20, 9)


def test_mastodon_old_serials_are_rejected() -> None:
    assert ids.mastodon_time("98765") is None  # a pre-2017 serial: no time in it


def test_bluesky_tid() -> None:
    moment = ids.bluesky_time("3l25zusnsfctk")
    assert moment is not None
    micros = (moment - utc(1970, 1, 1)) // timedelta(microseconds=1)
    assert micros == 1724171495793000


@pytest.mark.parametrize("rkey", ["self", "3L25ZUSNSFCTK", "kl25zusnsfctk", "3l25zusnsfct"])
def test_bluesky_non_tid_rkeys(rkey: str) -> None:
    assert ids.bluesky_time(rkey) is None


def test_instagram_shortcode() -> None:
    assert ids.instagram_media_id("A") == 0
    moment = ids.instagram_time("BnSBALPBGaF")
    assert moment == utc(2018, 9, 3, 22, 55, 42, 967000)


def test_instagram_private_long_codes_are_rejected() -> None:
    assert ids.instagram_time("B" * 30) is None


def test_tiktok() -> None:
    assert ids.tiktok_time("7046586326728101126") == utc(2021, 12, 28, 3, 13, 50)


def test_linkedin_share_and_activity_decode_to_the_same_second() -> None:
    share = ids.linkedin_time("7264291213959204866")
    activity = ids.linkedin_time(7264291214332456960)
    assert share is not None and activity is not None
    assert share.replace(microsecond=0) == activity.replace(microsecond=0) == utc(2024, 11, 18, 14, 59, 49)


def test_threads_shortcode_decodes_like_instagram() -> None:
    assert ids.threads_time("BnSBALPBGaF") == ids.instagram_time("BnSBALPBGaF")
