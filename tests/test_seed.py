"""The seed article, end to end: one thread for its one author, every quoted span in order."""

from __future__ import annotations

import json
import re

import threads

from .golden import ROOT

SEED = ROOT / "seeds" / "amn-raqqa-2017-10-17.txt"
# The spans the article quotes from the colonel's tweets, in order (what a reader would mark).
SPANS = [
    "control 90 [percent] of Raqqa",
    "Fully take Al-Naim circle",
    "In the past 3 years, our Coalition",
    "In the ensuing 3 years of fighting",
    "ISIS is losing in every way. We’ve devastated",
    "The flow of foreign recruits",
    "ISIS’ story of leading a holy cause",
    "After more than 4 months of operations",
    "In the last 96 hours",
    "In the last few days about 350 fighters",
    "In Iraq, Coalition Forces remain focused",
    "The SDF have proven throughout the campaign",
    "As we look forward after the defeat of ISIS",
    "Iraqis and Kurds have worked together",
]


def words(s: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", s.casefold()))


def test_seed_gives_one_thread_with_every_span_in_order() -> None:
    rec = threads.reconstruct(SEED)
    assert len(rec.threads) == 1
    thread = rec.threads[0]
    assert thread.author.name == "Ryan Dillon"
    assert thread.platform == "twitter"
    assert thread.author.role == "Spokesman for Operation Inherent Resolve"
    assert {"Army Col. Ryan Dillon", "Army Colonel Ryan Dillon", "Dillon", "Dillion"} <= set(
        thread.author.aliases
    )
    texts = [words(p.text) for p in thread.posts]
    where = [next(i for i, t in enumerate(texts) if words(span) in t) for span in SPANS]
    assert where == sorted(where)
    assert all(p.published is not None and p.published.isoformat() == "2017-10-17" for p in thread.posts)


def test_seed_not_posts() -> None:
    doc = threads.reconstruct(SEED).to_dict()
    texts = [words(p["text"]) for t in doc["threads"] for p in t["posts"]]
    for bad in ("capital", "losing in every way", "Army Colonel Ryan Dillon Twitter", "Raqqa Twitter"):
        assert words(bad) not in texts
    assert not any("telegram channel" in t for t in texts)
    assert doc["source"]["published"] == "2017-10-17"
    assert doc["source"]["title"].startswith("US-backed forces now control")


def test_seed_json_contract_keys() -> None:
    doc = json.loads(json.dumps(threads.reconstruct(SEED).to_dict()))
    assert doc["schema"] == "threads/1"
    assert set(doc["source"]) >= {"location", "url", "title", "published"}
    thread = doc["threads"][0]
    assert set(thread["author"]) >= {"name", "handle", "platform", "aliases"}
    post = thread["posts"][0]
    assert set(post) >= {
        "platform",
        "id",
        "url",
        "text",
        "published",
        "author",
        "kind",
        "quotes",
        "media",
        "position",
        "evidence",
    }
    assert post["kind"] == "quote" and post["evidence"]


def test_seed_is_in_the_project() -> None:
    shared = ROOT.parent / "shared" / "seeds" / SEED.name
    assert SEED.is_file()
    if shared.is_file():
        assert SEED.read_bytes() == shared.read_bytes()
