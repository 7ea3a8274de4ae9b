"""Golden-file helpers: compare what threads makes of a fixture with the JSON written beside it.

Set THREADS_REGEN=1 to rewrite the expected files from the current output (then read the diff).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
REGEN = os.environ.get("THREADS_REGEN") == "1"


def summary(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields a fixture pins down: who, where, what, when, and how it was found."""

    def post(p: dict[str, Any]) -> dict[str, Any]:
        return {
            "text": p["text"],
            "published": p["published"],
            "kind": p["kind"],
            "platform": p["platform"],
            "id": p["id"],
            "url": p["url"],
            "quotes": [post(q) for q in p["quotes"]],
        }

    return {
        "threads": [
            {
                "author": {
                    "name": t["author"]["name"],
                    "handle": t["author"]["handle"],
                    "aliases": sorted(t["author"]["aliases"]),
                    "role": t["author"]["role"],
                },
                "platform": t["platform"],
                "posts": [post(p) for p in t["posts"]],
            }
            for t in doc["threads"]
        ]
    }


def check(
    actual: Any,
    expected_path: Path,
    *,
    view: Callable[[Any], Any] = lambda doc: doc,
    indent: int = 2,
) -> None:
    """Assert that ``actual`` equals the JSON in ``expected_path``, both seen through ``view`` (the
    fields a fixture pins down). With THREADS_REGEN=1 the file is written from ``actual`` instead and
    the test skips, so that nobody mistakes a regenerated file for a passing one: read the diff."""
    if REGEN:
        expected_path.write_text(
            json.dumps(actual, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8"
        )
        pytest.skip(f"{expected_path.name} regenerated: read its diff")
    if not expected_path.exists():
        raise AssertionError(f"{expected_path} missing; run with THREADS_REGEN=1 and review it")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert view(actual) == view(expected), f"{expected_path.name}: output differs from the expected file"
