"""JSON for archives: ``--format json`` against the shipped schema, JSON Feed 1.1, ActivityStreams 2.0.

Every fixture input (and the seed) is reconstructed and its JSON validated against
``threads/schema/threads-1.json``; the feed formats are checked against their specs' required fields.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import threads
from threads.render import JSON_SCHEMA_PATH, json_schema, render

from .clirun import invoke
from .render_samples import ARTICLE_URL, empty, hostile, several_authors

ROOT = Path(__file__).resolve().parent.parent
INPUTS = sorted(
    p
    for p in [*ROOT.glob("fixtures/**/*"), *ROOT.glob("seeds/*")]
    if p.suffix in (".txt", ".html", ".htm") and p.is_file()
)
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def errors(doc: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(doc)]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert JSON_SCHEMA_PATH.parent.name == "schema" and JSON_SCHEMA_PATH.parent.parent.name == "threads"


def test_there_are_fixtures_to_validate() -> None:
    assert len(INPUTS) >= 2


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_output_validates(path: Path) -> None:
    doc = json.loads(render(threads.reconstruct(str(path)), "json"))
    assert errors(doc) == []


@pytest.mark.parametrize("make", [several_authors, hostile, empty])
def test_samples_validate(make: Any) -> None:
    assert errors(json.loads(render(make(), "json"))) == []


@pytest.mark.parametrize(
    ("breakage", "where"),
    [
        (lambda d: d.pop("schema"), ""),
        (lambda d: d["threads"][0]["posts"][0].update(kind="tweet"), "threads/0/posts/0/kind"),
        (
            lambda d: d["threads"][0]["posts"][0].update(published="17 Oct 2017"),
            "threads/0/posts/0/published",
        ),
        (lambda d: d["threads"][0]["posts"][0]["quotes"][0].pop("text"), "threads/0/posts/0/quotes/0"),
        (lambda d: d["threads"][0]["author"].update(handle="@OIRSpox"), "threads/0/author/handle"),
        (lambda d: d["source"].pop("url"), "source"),
    ],
)
def test_schema_rejects_broken_documents(breakage: Any, where: str) -> None:
    doc = several_authors().to_dict()
    assert errors(doc) == []
    breakage(doc)
    found = errors(doc)
    assert found and any(e.startswith(where) for e in found), found


# ------------------------------------------------------------------------------------------ JSON Feed


def test_jsonfeed_one_item_per_post_with_the_article_as_external_url() -> None:
    rec = several_authors()
    feed = json.loads(render(rec, "jsonfeed"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == rec.source.title
    assert feed["home_page_url"] == ARTICLE_URL
    items = feed["items"]
    assert len(items) == len(rec.posts) == 3
    assert len({i["id"] for i in items}) == 3
    for item, post in zip(items, rec.posts, strict=True):
        assert item["external_url"] == ARTICLE_URL
        assert item["content_text"] == post.text
        assert item["authors"][0]["name"] == post.author.name
        assert isinstance(item["id"], str) and item["id"]
        datetime.fromisoformat(item["date_published"])  # RFC 3339, always with a zone
        assert item["date_published"].endswith(("Z", "+00:00"))
    assert items[0]["url"] == "https://twitter.com/OIRSpox/status/920325165093801984"
    assert items[0]["tags"] == ["defeatISIS"]
    assert items[1]["_threads"] == {
        "platform": "twitter",
        "published": "2017-10-17",
        "published_precision": "day",
        "kind": "quote",
        "quotes": [],
        "media": [],
    }
    assert "url" not in items[1]  # no permalink known: none invented


def test_jsonfeed_never_carries_unsafe_urls() -> None:
    text = render(hostile(), "jsonfeed")
    assert "javascript:" not in text
    assert "external_url" not in text


# ------------------------------------------------------------------------------ ActivityStreams 2.0


def test_activitystreams_ordered_collection_of_notes() -> None:
    rec = several_authors()
    doc = json.loads(render(rec, "activitystreams"))
    assert doc["@context"] == "https://www.w3.org/ns/activitystreams"
    assert doc["type"] == "OrderedCollection"
    assert doc["totalItems"] == len(doc["orderedItems"]) == 3
    first, second, third = doc["orderedItems"]
    for note in doc["orderedItems"]:
        assert note["type"] == "Note"
        assert note["context"] == {
            "type": "Article",
            "name": rec.source.title,
            "url": ARTICLE_URL,
            "published": "2017-10-17T00:00:00+00:00",
        }
        datetime.fromisoformat(note["published"])
    assert first["attributedTo"] == {
        "type": "Person",
        "name": "Ryan Dillon",
        "preferredUsername": "OIRSpox",
        "url": "https://x.com/OIRSpox",
    }
    assert first["url"] == first["id"] == "https://twitter.com/OIRSpox/status/920325165093801984"
    assert first["published"] == "2017-10-17T14:05:00+00:00" and "publishedPrecision" not in first
    inner_url = "https://twitter.com/SDFpress/status/900000000000000001"
    assert first["quoteUrl"] == inner_url
    assert first["quote"]["type"] == "Note" and first["quote"]["url"] == inner_url
    assert {"type": "Hashtag", "name": "#defeatISIS", "href": "https://x.com/hashtag/defeatISIS"} in first[
        "tag"
    ]
    assert any(t["type"] == "Link" and t["href"] == inner_url for t in first["tag"])
    assert first["attachment"] == [
        {"type": "Image", "url": "https://pic.twitter.com/abc123", "name": "SDF fighters in Naim square"}
    ]
    assert second["publishedPrecision"] == "day" and "url" not in second
    assert {"type": "Mention", "name": "@bob@other.example", "href": "https://other.example/@bob"} in third[
        "tag"
    ]


def test_activitystreams_content_is_escaped_html() -> None:
    doc = json.loads(render(hostile(), "activitystreams"))
    contents = " ".join(n["content"] for n in doc["orderedItems"])
    assert "<script>" not in contents and "&lt;script&gt;" in contents
    assert "javascript:" not in json.dumps(doc)


@pytest.mark.parametrize("fmt", ["json", "jsonfeed", "activitystreams"])
def test_cli_json_formats(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{fmt}.json"
    result = invoke(
        ["render", str(ROOT / "seeds" / "amn-raqqa-2017-10-17.txt"), "--format", fmt, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    n = {
        "json": lambda d: sum(len(t["posts"]) for t in d["threads"]),
        "jsonfeed": lambda d: len(d["items"]),
        "activitystreams": lambda d: d["totalItems"],
    }[fmt](doc)
    assert n == 11
