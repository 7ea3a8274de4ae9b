"""The shared vocabulary (threads/vocab.py): its lookups, and that no other module keeps a copy."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import threads
from threads import captions, render, vocab
from threads.model import Author, Post

PACKAGE = Path(vocab.__file__).parent


def test_the_doctests_hold() -> None:
    assert doctest.testmod(vocab).failed == 0


@pytest.mark.parametrize(
    ("word", "number"),
    [("Oktober", 10), ("déc.", 12), ("sept", 9), ("março", 3), ("października", 10), ("Jänner", 1)],
)
def test_months_in_many_languages(word: str, number: int) -> None:
    assert vocab.month(word) == number


@pytest.mark.parametrize("word", ["ju", "ma", "Monday", "", "."])
def test_no_month_from_an_ambiguous_or_other_word(word: str) -> None:
    assert vocab.month(word) is None


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://mobile.twitter.com/a/status/1", "twitter"),
        ("https://x.com/a/status/1", "twitter"),
        ("HTTPS://WWW.INSTAGRAM.COM/p/abc/", "instagram"),
        ("https://bsky.app/profile/a.bsky.social/post/3k", "bluesky"),
        ("https://www.threads.com/@a/post/C1", "threads"),
        ("https://truthsocial.com/@a/1", "truthsocial"),
        ("https://example.org/x.com/status/1", None),
        ("https://notx.com/a/status/1", None),
        ("javascript:alert(1)//x.com", None),
        ("http://[broken/", None),
        (None, None),
    ],
)
def test_a_platform_is_known_by_its_permalinks_host(url: str | None, platform: str | None) -> None:
    assert vocab.platform_of_url(url) == platform


def test_every_reader_names_the_platforms_the_same_way() -> None:
    for name in ("Twitter", "X", "Truth Social", "Weibo"):
        assert captions.match(f"Ann Reyes ({name})") is not None, name
    assert render.platform_label("twitter") == "X (Twitter)"
    assert render.platform_label(None) == "unknown platform"
    post = Post("instagram", "x", Author(handle="ann.reyes", platform="instagram"), kind="embed")
    assert render.mention_url(post.author.handle, post.platform) == "https://www.instagram.com/ann.reyes/"
    assert render.mention_url("way_too_long_for_a_tweet_handle", "twitter") is None


@pytest.mark.parametrize(
    "phrase", ["A post shared by", "Ett inlägg delat av", "Post udostępniony przez", "Публікація від"]
)
def test_instagram_signatures_in_every_language_the_embed_code_writes(phrase: str) -> None:
    rec = threads.reconstruct(f"Summer by the lake, at last! {phrase} Ann Reyes (@annreyes)\n")
    assert [(p.platform, p.author.handle, p.text) for p in rec.posts] == [
        ("instagram", "annreyes", "Summer by the lake, at last!")
    ]


def test_the_phrase_alone_in_a_sentence_is_no_signature() -> None:
    assert threads.reconstruct("A post shared by the mayor drew criticism on Tuesday.\n").posts == ()


# A word list that belongs in vocab.py, spelt again elsewhere, shows up as two month names side by
# side, or as a platform's host in a pattern of its own.
_COPIES = (
    re.compile(r"january\W+(?:jan\W+)?januar", re.I),
    re.compile(r"\"EST\":\s*-5"),
    re.compile(r"Ein Beitrag geteilt von\s*[|\"']"),
    re.compile(r"\"iso-8859-1\":\s*\"cp1252\""),
)


def test_no_module_keeps_its_own_copy_of_the_vocabulary() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.name == "vocab.py":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in _COPIES:
            assert pattern.search(text) is None, f"{path.name}: {pattern.pattern}"
