"""Patterns narrowed to the words of a page (threads.slots) answer there exactly as the whole
patterns do: on every rule example and prose fixture, end to end, and pattern by pattern on
generated pages and texts cut from them."""

from __future__ import annotations

import random
import re
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

import threads
from threads import slots
from threads.lexicon import words
from threads.model import Options, Paragraph
from threads.prose import explain
from threads.prose import patterns as P

from .golden import FIXTURES
from .test_prose_rules import EXAMPLES, Example

PROSE = sorted(p for p in (FIXTURES / "prose").iterdir() if p.suffix in {".txt", ".html"})
RULE_FILES = sorted({e.rule for e in EXAMPLES})


@pytest.fixture
def pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[slots.Page]]:
    """Every page read narrowed (not only a process's first), each page kept to look at."""
    seen: list[slots.Page] = []
    reading = slots.reading

    def recorded(texts: Any) -> AbstractContextManager[slots.Page | None]:
        manager = reading(texts)

        class Recording:
            def __enter__(self) -> slots.Page | None:
                page = manager.__enter__()
                if page is not None:
                    seen.append(page)
                return page

            def __exit__(self, *exc: Any) -> None:
                manager.__exit__(*exc)

        return Recording()

    monkeypatch.setattr(slots, "NARROWED_PAGES", 10**9)
    monkeypatch.setattr(slots, "reading", recorded)
    slots.unsettle()
    yield seen


def _whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slots, "NARROWED_PAGES", 0)


def _explained(example: Example) -> list[tuple[tuple[str, ...], threads.Post]]:
    paragraphs = [Paragraph(t, 1000 * k, quoted=q) for k, (t, q) in enumerate(example.paragraphs)]
    return [(f.rules, f.post) for f in explain(paragraphs)]


@pytest.mark.parametrize("rule", RULE_FILES)
def test_rule_examples_read_alike_narrowed(rule: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each example of the rule is one page: read with patterns narrowed to its few words, it gives
    the posts, rules and evidence the whole patterns give."""
    examples = [e for e in EXAMPLES if e.rule == rule]
    with monkeypatch.context() as m:
        _whole(m)
        whole = [_explained(e) for e in examples]
    seen: list[slots.Page] = []
    with monkeypatch.context() as m:
        m.setattr(slots, "NARROWED_PAGES", 10**9)
        slots.unsettle()
        original = slots.Page.compiled

        def compiled(page: slots.Page, pattern: str, flags: int) -> re.Pattern[str]:
            if not seen or seen[-1] is not page:
                seen.append(page)
            return original(page, pattern, flags)

        m.setattr(slots.Page, "compiled", compiled)
        narrowed = [_explained(e) for e in examples]
    for example, a, b in zip(examples, whole, narrowed, strict=True):
        assert a == b, example.id
    assert seen, "no example was read with narrowed patterns"


@pytest.mark.parametrize("path", PROSE, ids=[p.stem for p in PROSE])
def test_prose_fixtures_read_alike_narrowed(
    path: Path, monkeypatch: pytest.MonkeyPatch, pages: list[slots.Page]
) -> None:
    for options in (Options(), Options(all_quotes=True)):
        narrowed = threads.reconstruct(path, options=options).to_dict()
        with monkeypatch.context() as m:
            _whole(m)
            whole = threads.reconstruct(path, options=options).to_dict()
        assert narrowed == whole
    assert pages


# ---------------------------------------------------------------- pattern by pattern

_FIELDS = (
    "speech_verbs", "writing_verbs", "posting_verbs", "participles", "auxiliaries", "adverbs",
    "pronouns", "definite", "possessives", "indefinite", "someone", "post_nouns", "post_verbs",
    "platform_prepositions", "source_prepositions", "complementizers", "conjunctions", "bodies",
    "social_networks", "account_nouns", "caption_nouns", "in_words", "reads_in", "relative_pronouns",
)  # fmt: skip
_OTHER = ["Ann", "Reyes", "Mayor", "Instagram", "Twitter", "X", "@ann_r", "the", "on", "a", "—", "2017"]


def _page(rnd: random.Random) -> list[str]:
    """A few paragraphs of lexicon words (of every language, whole or cut, capitalised or not),
    names, punctuation and quotes."""
    vocab = [w for f in rnd.sample(_FIELDS, 8) for w in rnd.sample(words(f), min(6, len(words(f))))]
    paragraphs = []
    for _ in range(rnd.randint(1, 4)):
        parts = []
        for _ in range(rnd.randint(3, 30)):
            w = rnd.choice(vocab + _OTHER)
            roll = rnd.random()
            if roll < 0.15:
                w = w.capitalize()
            elif roll < 0.2:
                w = w[: rnd.randint(1, len(w))]
            elif roll < 0.25:
                w = w + rnd.choice(["ed", "te", "ó", "s"])
            parts.append(w + rnd.choice(["", "", "", ",", ":", "."]))
            if rnd.random() < 0.1:
                parts.append(rnd.choice(["“We won!”", "„Genug!“", "«Hola»", '"Sad!"']))
        paragraphs.append(" ".join(parts))
    return paragraphs


def _cut(rnd: random.Random, paragraphs: list[str]) -> Iterator[str]:
    """The texts the reader matches: paragraphs, pieces of them, lowercased, joined by white space."""
    for text in paragraphs:
        yield text
        yield text.lower()
        for _ in range(3):
            i = rnd.randrange(len(text) + 1)
            j = rnd.randrange(i, len(text) + 1)
            yield text[i:j]
    yield " ".join(paragraphs)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_every_pattern_narrowed_finds_what_the_whole_one_finds() -> None:
    rnd = random.Random(16)
    patterns = list(slots._COMPILED.values())
    assert len(patterns) > 50
    narrowed_any = 0
    for _ in range(6):
        paragraphs = _page(rnd)
        page = slots.Page(paragraphs)
        texts = list(_cut(rnd, paragraphs))
        for compiled in patterns:
            whole = re.compile(slots.whole(compiled.pattern), compiled.flags)
            narrow = page.compiled(compiled.pattern, compiled.flags)
            narrowed_any += len(narrow.pattern) < len(whole.pattern)
            for text in texts:
                assert _found(narrow, text) == _found(whole, text), (compiled.pattern[:80], text)
    assert narrowed_any


def test_every_slot_stands_alone_in_its_branch() -> None:
    """A slot is a whole alternative of the group it stands in, so that leaving words out of it
    changes nothing around it (``\\bA|B\\b`` narrowed to B would read ``\\bB\\b``)."""
    marked = re.compile(r"\(\?#w\d+\)\)")
    for pattern, _ in slots._COMPILED:
        for m in marked.finditer(pattern):
            before = re.sub(r"\s+", "", pattern[: m.start()])
            after = re.sub(r"\s+", "", pattern[m.end() :])
            opened = not before or before.endswith(("(?:", "(?i:", "(?-i:", "|", "("))
            assert opened or re.search(r"\(\?P<\w+>$", before), pattern[: m.start()][-80:]
            assert after[:1] in ("", ")", "|"), pattern[m.end() :][:80]


# ---------------------------------------------------------------- slots and pages


def test_a_slot_keeps_the_words_the_page_holds() -> None:
    page = slots.Page(["Ann Reyes twitterte am Montag:", "She SAID it, he pointed   it out."])
    assert page.holds("twitterte") and page.holds("said") and page.holds("Said")
    assert page.holds("twitter")  # inside a word of the page ("twitterte")
    assert page.holds("te") and page.holds("ed") and not page.holds("ung")  # endings: "twitterte", "pointed"
    assert page.holds("pointed out") and not page.holds("pointed back")
    assert not page.holds("schrieb")
    verbs = P.alternation(("said", "schrieb", "twitterte", "fired back"))
    assert page.narrowed(f"(?:{verbs})") == "(?:twitterte|said)"
    assert page.narrowed(f"x(?:{P.alternation(('schrieb', 'écrit'))})") == "x(?:(?!))"
    assert page.narrowed(f"(?:{P.trie(['said', 'sagte', 'saith'])})") == "(?:said)"
    assert page.narrowed("a(?#a comment)b") == "a(?#a comment)b"
    whole = re.compile(slots.whole(f"(?:{verbs})"))
    with pytest.raises(re.error):  # a slot without its words in place is no pattern
        re.compile(f"(?:{verbs})")
    assert whole.pattern == "(?:fired\\s+back|twitterte|schrieb|said)"
    narrow = page.compiled(f"(?:{verbs})", 0)
    assert whole.search("he fired back") and not narrow.search("he fired back")


def test_only_the_first_pages_are_narrowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slots, "_read", 0)
    monkeypatch.setattr(slots, "NARROWED_PAGES", 1)
    with slots.reading(["He said:"]) as first:
        assert first is not None
    with slots.reading(["He said:"]) as second:
        assert second is None
    monkeypatch.setattr(slots, "_read", 0)
    with slots.reading(["Der Dıchter ſagte:"]) as special:  # ı, ſ: IGNORECASE reads them as i, s
        assert special is None


def test_a_page_read_inside_another_has_its_own_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slots, "_read", 0)
    monkeypatch.setattr(slots, "NARROWED_PAGES", 1)
    slots.unsettle()
    pattern = P.compiled(rf"\b(?:{P.alternation(('said', 'schrieb'))})\b")
    with slots.reading(["He said so."]) as outer:
        assert outer is not None and not pattern.search("Sie schrieb")
        with slots.reading(["Sie schrieb es."]) as inner:  # the second page: whole patterns
            assert inner is None and pattern.search("Sie schrieb")
        assert pattern.search("He said so")  # narrowed, or whole since the inner page: alike here


def test_a_page_is_its_own_contexts_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """While one thread reads a page with narrowed patterns, another reads with the whole ones."""
    monkeypatch.setattr(slots, "NARROWED_PAGES", 10**9)
    slots.unsettle()
    pattern = P.compiled(rf"\b(?:{P.alternation(('said', 'schrieb'))})\b")
    elsewhere: list[bool] = []
    with slots.reading(["He said so."]):
        assert not pattern.search("Sie schrieb")
        thread = threading.Thread(target=lambda: elsewhere.append(bool(pattern.search("Sie schrieb"))))
        thread.start()
        thread.join()
    assert elsewhere == [True]
    assert pattern.search("Sie schrieb")


def test_past_the_narrowed_pages_the_compiled_pattern_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once no page is left to read narrowed, the whole pattern's own methods answer (no call
    through the object), and a page read later in another context still gets whole patterns."""
    monkeypatch.setattr(slots, "_read", 1)
    monkeypatch.setattr(slots, "NARROWED_PAGES", 1)
    pattern = P.compiled(rf"\b(?:{P.alternation(('posted', 'postete'))})\b")
    slots.unsettle()
    assert pattern.search("Sie postete") is not None
    whole = pattern.get()
    assert pattern.search == whole.search and pattern.finditer == whole.finditer
    with slots.reading(["Er sagte"]) as page:
        assert page is None and pattern.search("Sie postete")


def test_a_pattern_without_slots_is_compiled_once_at_its_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other modules' large patterns (slots.lazy) wait for their first use, keep their flags, and
    are the one whole pattern inside a narrowed page too."""
    monkeypatch.setattr(slots, "NARROWED_PAGES", 10**9)
    slots.unsettle()
    spaced = slots.lazy(r"a b (?i:C)")
    assert spaced is slots.lazy(r"a b (?i:C)") and spaced._whole is None
    assert spaced.search("xa b c") and not slots.lazy(r"a b", re.VERBOSE).search("a b")
    whole = spaced.get()
    with slots.reading(["nothing of it"]) as page:
        assert page is not None and spaced.get() is whole
