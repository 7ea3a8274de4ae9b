"""The attribution rules' literate examples (``fixtures/prose/rules/<rule>.txt``), one test each: a
failing example names its rule and its line. The format is in ``fixtures/prose/rules/README.md``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from threads.model import Paragraph
from threads.prose import RULES, explain

from .golden import FIXTURES

RULES_DIR = FIXTURES / "prose" / "rules"


@dataclass(frozen=True)
class Expected:
    own: bool
    """Attributed by the file's own rule (``=>``), not by another one (``->``)."""
    speaker: str
    platform: str
    evidence: str
    text: str


@dataclass(frozen=True)
class Example:
    rule: str
    lang: str
    line: int
    paragraphs: tuple[tuple[str, bool], ...]
    """Each paragraph's text, and whether it is set off as a ``<blockquote>``."""
    expected: tuple[Expected, ...]
    """Empty: no post."""

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.line}:{self.lang}"


def _expected(line: str) -> Expected | None:
    own = line.startswith("=>")
    body = line[2:].strip()
    if body == "no post":
        return None
    fields = [f.strip() for f in body.split("|")] + ["", "", "", ""]
    return Expected(own, fields[0], fields[1], fields[2], fields[3])


def _parse(path: Path) -> list[Example]:
    examples: list[Example] = []
    lang = "en"
    paragraphs: list[tuple[str, bool]] = []
    expected: list[Expected] = []
    start = 0
    lines = [*path.read_text(encoding="utf-8").splitlines(), ""]
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if line.startswith("## "):
            lang = line[3:].strip()
        elif line.startswith("#"):
            continue
        elif line.startswith(("=>", "->")):
            if (found := _expected(line)) is not None:
                expected.append(found)
        elif line:
            if not paragraphs:
                start = number
            paragraphs.append((line[2:], True) if line.startswith("> ") else (line, False))
        elif paragraphs:
            examples.append(Example(path.stem, lang, start, tuple(paragraphs), tuple(expected)))
            paragraphs, expected = [], []
    return examples


EXAMPLES = [e for path in sorted(RULES_DIR.glob("*.txt")) for e in _parse(path)]


def _speaker(author_name: str | None, handle: str | None) -> str:
    if author_name:
        return author_name
    return f"@{handle}" if handle else "-"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example(example: Example) -> None:
    paragraphs = [
        Paragraph(text, 1000 * k, quoted=quoted) for k, (text, quoted) in enumerate(example.paragraphs)
    ]
    found = explain(paragraphs)
    got = [
        (
            f.rules,
            _speaker(f.post.author.name, f.post.author.handle),
            f.post.platform,
            " ".join(f.post.evidence),
            f.post.text,
        )
        for f in found
    ]
    assert len(got) == len(example.expected), got
    for (rules, speaker, platform, evidence, text), want in zip(got, example.expected, strict=True):
        assert (speaker, platform) == (want.speaker, want.platform), got
        assert want.evidence in evidence, got
        assert want.text in text, got
        if want.own:
            assert example.rule in rules, got


def test_every_rule_has_examples_of_both_kinds() -> None:
    """Each registered rule has its file, with a post it attributes and a look-alike it must not."""
    by_rule: dict[str, list[Example]] = {}
    for e in EXAMPLES:
        by_rule.setdefault(e.rule, []).append(e)
    for rule in RULES:
        examples = by_rule.get(rule.name, [])
        assert examples, f"no examples for rule {rule.name}"
        if not rule.evidence.startswith("none"):  # a veto ("fragment"): its examples are all look-alikes
            assert any(x.own for e in examples for x in e.expected), f"{rule.name}: no positive example"
        assert any(not e.expected for e in examples), f"{rule.name}: no negative example"
    assert set(by_rule) <= {r.name for r in RULES}, "a fixture file names no registered rule"


def test_the_four_languages_each_have_their_examples() -> None:
    """English, German, French and Spanish each have examples of their own (French included,
    though no article of the development corpus is French)."""
    count: dict[str, int] = {}
    for e in EXAMPLES:
        count[e.lang] = count.get(e.lang, 0) + 1
    for lang in ("en", "de", "fr", "es"):
        assert count.get(lang, 0) >= 10, (lang, count)


def test_a_run_of_anonymous_posters_gives_each_its_own_author_with_its_description() -> None:
    """'One fan wrote on X: “…” Another replied: “…”': two posts, no names, each description kept
    (the words after the first quote introduce the second, they are not its attribution)."""
    from threads.prose import extract

    text = "Fans were delighted. One fan wrote on X: “Welcome home!” Another replied: “Come to Porto next!”"
    posts = extract([Paragraph(text, 0)])
    assert [(p.text, p.author.name, p.author.role) for p in posts] == [
        ("Welcome home!", None, "fan"),
        ("Come to Porto next!", None, "Another"),
    ]


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Inés Robles anuncia su gira", "Inés Robles"),  # the headline's person is "la artista"
        ("Nueva gira por América", "Carla Núñez"),  # no one headlined: the latest, by recency
    ],
)
def test_a_new_role_noun_means_the_headlined_person_not_the_latest_called_otherwise(
    title: str, author: str
) -> None:
    """'La actriz Carla Núñez reaccionó …', then 'la artista respondió': the actress is not called
    the artist a sentence later; the headline says whom the article is about."""
    from threads.prose import extract

    paragraphs = [
        "La cantante Inés Robles anunció su gira en Instagram. La actriz Carla Núñez reaccionó enseguida.",
        "Más tarde, en sus historias de Instagram, la artista respondió a sus fans. "
        "«Las entradas salen el lunes», escribió.",
    ]
    posts = extract([Paragraph(t, 1000 * k) for k, t in enumerate(paragraphs)], title=title)
    assert [(p.text, p.author.name) for p in posts] == [("Las entradas salen el lunes", author)]


def test_every_reply_place_and_same_platform_phrase_opens_the_gate() -> None:
    """The paragraph gate opens on every reply place, same-platform phrase, audience noun and
    picture-side phrase of the lexicon (else a phrase added to a language could never be read),
    and not on the words alone that news prose is full of."""
    from threads.lexicon import words
    from threads.prose import evidence

    for field in ("comment_places", "same_platform", "audience_nouns", "beside_words"):
        for phrase in words(field):
            assert evidence.Gate(phrase).social, (field, phrase)
    for prose in ("The company declined to comment.", "Die Plattform des Bahnhofs war gesperrt."):
        assert not evidence.Gate(prose).social, prose
