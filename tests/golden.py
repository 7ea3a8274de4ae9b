"""Golden-file helpers: compare what threads makes of a fixture with the JSON written beside it.

Set THREADS_REGEN=1 to rewrite the expected files from the current output (then read the diff).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

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


def check(actual: dict[str, Any], expected_path: Path) -> None:
    """Assert ``actual`` equals the JSON in ``expected_path`` (or write it, with THREADS_REGEN=1)."""
    if REGEN or not expected_path.exists():
        if not REGEN:
            raise AssertionError(f"{expected_path} missing; run with THREADS_REGEN=1 and review it")
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected, f"{expected_path.name}: output differs from the expected file"
