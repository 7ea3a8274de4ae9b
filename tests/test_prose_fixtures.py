"""Every article under fixtures/prose/ gives exactly the threads written beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

import threads
from threads.model import Options

from .golden import FIXTURES, check, summary

CASES = sorted(p for p in (FIXTURES / "prose").iterdir() if p.suffix in {".txt", ".html"})


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_prose_fixture(path: Path) -> None:
    check(summary(threads.reconstruct(path).to_dict()), path.with_suffix(".json"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_prose_fixture_all_quotes(path: Path) -> None:
    """With --all-quotes, statements without social evidence join in (as platform "unknown")."""
    expected = path.with_suffix(".all.json")
    if not expected.exists() and not path.stem.startswith("no-evidence"):
        pytest.skip("no --all-quotes expectation for this case")
    check(summary(threads.reconstruct(path, options=Options(all_quotes=True)).to_dict()), expected)


def test_fixtures_cover_the_issue() -> None:
    """At least 15 prose articles, and no rule keyed to the seed's names in the code."""
    assert len(CASES) >= 15
    source = "".join(p.read_text(encoding="utf-8") for p in (FIXTURES.parent / "threads").rglob("*.py"))
    for word in ("Dillon", "Raqqa", "Dillion"):
        assert word not in source


def test_every_registered_extractor_has_a_line_in_the_readme() -> None:
    from threads.embeds import REGISTRY

    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    for name in [r.name for r in REGISTRY]:
        assert f"| `{name}` |" in readme, name
