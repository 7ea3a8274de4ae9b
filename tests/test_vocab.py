"""The shared vocabulary (threads/vocab.py): its lookups, and that no other module keeps a copy."""

from __future__ import annotations

import ast
import dataclasses
import doctest
import itertools
import re
from pathlib import Path

import pytest

import threads
from threads import captions, lexicon, render, vocab
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


# ---------------------------------------------------------------- the language lexicon


def _code_strings(tree: ast.AST) -> tuple[list[list[str]], list[str]]:
    """The word lists a module spells (the strings of each tuple, list or set literal) and its
    other string literals (patterns), docstrings left out."""
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    lists = [
        [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set))
    ]
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]
    return lists, strings


def _lexicon_pairs() -> set[tuple[str, str]]:
    """Every two words that stand side by side in a list of the lexicon (short words left out:
    "de", "en" and "a" stand side by side in too many patterns to say anything)."""
    pairs: set[tuple[str, str]] = set()
    for lang in lexicon.LANGUAGES:
        for field in dataclasses.fields(lang):
            value = getattr(lang, field.name)
            if field.name == "not_social":
                continue  # patterns, not words
            found = [w for w in value if isinstance(w, str) and len(w) >= 3]
            pairs |= set(itertools.pairwise(found))
    return pairs


_ALTERNATIVES = re.compile(r"(?<![\w-])([^\W\d_][\w’'-]*)\|(?=([^\W\d_][\w’'-]*)(?![\w-]))")
"""Two words side by side in a pattern's alternation ("said|says")."""


def test_no_module_keeps_its_own_copy_of_the_lexicon() -> None:
    """A list of the lexicon (threads/lexicon/) spelt again elsewhere shows up as two of its
    words side by side in another module's list literal, or as an alternation "a|b" in a pattern."""
    pairs = _lexicon_pairs()
    copies = []
    for path in PACKAGE.rglob("*.py"):
        if "lexicon" in path.parts or "embeds" in path.parts or path.name == "vocab.py":
            continue  # the embed readers match markup, JSON keys and widget labels, not prose
        lists, strings = _code_strings(ast.parse(path.read_text(encoding="utf-8")))
        for items in lists:
            copies += [(path.name, a, b) for a, b in itertools.pairwise(items) if (a, b) in pairs]
        for text in strings:
            for m in _ALTERNATIVES.finditer(text):
                if (m.group(1), m.group(2)) in pairs:
                    copies.append((path.name, m.group(1), m.group(2)))
    assert copies == []


def test_the_lexicon_doctests_hold() -> None:
    assert doctest.testmod(lexicon).failed == 0


@pytest.mark.parametrize("lang", [lang.code for lang in lexicon.LANGUAGES if lang.code != "nl"])
def test_every_language_can_attribute_a_post(lang: str) -> None:
    """What the prose reader needs of a language to read "X wrote on Y: «…»" and "«…», wrote X"."""
    (language,) = [la for la in lexicon.LANGUAGES if la.code == lang]
    for field in ("quote_marks", "speech_verbs", "writing_verbs", "platform_prepositions", "pronouns"):
        assert getattr(language, field), field


def test_link_wrappers_are_no_platforms_permalink_hosts() -> None:
    """A wrapper (X's t.co) sends a post's links elsewhere: an address on it is not a post."""
    assert "t.co" in vocab.LINK_WRAPPERS
    assert all(vocab.platform_of_host(host) is None for host in vocab.LINK_WRAPPERS)
    assert vocab.PLATFORMS["twitter"].link_wrappers == ("t.co",)
