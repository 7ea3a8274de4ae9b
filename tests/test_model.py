"""The records of threads.model: frozen, slotted dataclasses that compare, hash, pickle and copy."""

from __future__ import annotations

import dataclasses
import pickle
import re
from pathlib import Path
from typing import Any

import pytest

import threads
from threads import model

from .golden import ROOT

SEED = ROOT / "seeds" / "amn-raqqa-2017-10-17.txt"
RECORDS = (
    model.Author, model.Media, model.Post, model.Thread, model.Paragraph, model.Source,
    model.Reconstruction, model.Options,
)  # fmt: skip


def samples() -> list[Any]:
    """Every record a real run makes, plus the ones it does not."""
    rec = threads.reconstruct(str(SEED))
    found: list[Any] = [rec, rec.source, *rec.source.paragraphs[:5], model.Options(all_quotes=True)]
    for thread in rec.threads:
        found += [thread, thread.author]
        for post in thread.posts:
            found += [post, post.author, *post.media]
    found.append(model.Media("https://pic.twitter.com/x", "photo", "alt"))
    return found


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_each_record_is_still_a_frozen_slotted_dataclass(cls: type) -> None:
    assert dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__
    one = next(x for x in samples() if type(x) is cls)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(one, dataclasses.fields(cls)[0].name, None)
    assert dataclasses.replace(one) == one


def test_equal_records_hash_equal() -> None:
    items = samples()
    assert {type(x) for x in items} == set(RECORDS)
    for x in items:
        assert x == dataclasses.replace(x) and hash(x) == hash(dataclasses.replace(x))


def test_fields_left_out_of_comparison_and_repr_stay_out() -> None:
    rec = threads.reconstruct("<p>“We are open late tonight,” librarian Ana Ruiz tweeted.</p>")
    source = rec.source
    assert source.page is not None
    other = dataclasses.replace(source, page=None)
    assert source == other and hash(source) == hash(other)
    assert "page=" not in repr(source) and repr(source).startswith("Source(location='<string>', kind='html'")
    assert model.Author(name="A") != model.Media(url="A") and model.Author(name="A") != ("A",)


def test_records_survive_pickling() -> None:
    rec = threads.reconstruct(str(SEED))
    plain = [
        rec.threads[0].author,
        rec.source.paragraphs[0],
        model.Media("u", "photo"),
        model.Options(url="u"),
    ]
    copy = pickle.loads(pickle.dumps(plain))
    assert copy == plain and [repr(x) for x in copy] == [repr(x) for x in plain]


def test_a_whole_reconstruction_of_a_page_pickles_and_copies() -> None:
    """Posts with platform fields (``extra``, a read-only mapping) and a source holding the parsed
    page go through pickle (a process pool's results, a disk cache) and deep copies."""
    import copy as copying

    from threads.scrape import scrape

    rec = threads.reconstruct(str(ROOT / "fixtures" / "embeds" / "bluesky-rendered.html"))
    assert any(p.extra for p in rec.posts) and rec.source.page is not None
    for back in (pickle.loads(pickle.dumps(rec)), copying.deepcopy(rec)):
        assert back == rec and back.to_dict() == rec.to_dict()
        post = next(p for p in back.posts if p.extra)
        with pytest.raises(TypeError):
            post.extra["cid"] = "changed"  # type: ignore[index]
        assert back.source.page is not None and back.source.page.root is not rec.source.page.root
        assert scrape(back.source, model.Options()) == scrape(rec.source, model.Options())


def test_posts_are_hashable_and_dedupe_in_a_set() -> None:
    rec = threads.reconstruct(str(ROOT / "fixtures" / "embeds" / "bluesky-rendered.html"))
    posts = rec.posts
    assert any(p.extra for p in posts)
    again = threads.reconstruct(str(ROOT / "fixtures" / "embeds" / "bluesky-rendered.html")).posts
    assert set(posts) | set(again) == set(posts) and len(set(posts)) == len(posts)
    assert len({rec, dataclasses.replace(rec)}) == 1
    changed = dataclasses.replace(posts[0], extra={"other": 1})
    assert changed != posts[0] and hash(changed) == hash(posts[0])  # equal hashes, unequal posts: allowed


# ---------------------------------------------------------------- wrong arguments


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "said"),
    [
        (
            (None,),
            {},
            TypeError,
            "source must be a path, a URL, '-', a str of HTML or text, or bytes, not NoneType",
        ),
        ((5,), {}, TypeError, "source must be a path, a URL, '-', a str of HTML or text, or bytes, not int"),
        ((memoryview(b"<p>x</p>"),), {}, TypeError, "not memoryview"),
        ((["<p>x</p>"],), {}, TypeError, "not list"),
        ((Path("story\x00.html"),), {}, ValueError, "source: a path cannot hold a NUL character"),
        (("story\x00.html",), {}, ValueError, "source: a path cannot hold a NUL character"),
        ((b"<p>x</p>",), {"url": 5}, TypeError, "url must be a str or None, not int"),
        (("<p>x</p>",), {"url": b"https://example.org/"}, TypeError, "url must be a str or None, not bytes"),
        (("<p>x</p>",), {"options": {}}, TypeError, "options must be a threads.Options or None, not dict"),
        (("<p>x</p>",), {"options": {"all_quotes": True}}, TypeError, "options must be a threads.Options"),
    ],
)
def test_wrong_arguments_name_the_parameter(
    args: tuple[Any, ...], kwargs: dict[str, Any], error: type, said: str
) -> None:
    """They raised from inside re, urllib, pathlib or a template."""
    import threads

    with pytest.raises(error) as info:
        threads.reconstruct(*args, **kwargs)
    assert said in str(info.value)
    assert type(info.value) in (TypeError, ValueError)  # not an UnreadableInput: a caller's mistake


@pytest.mark.parametrize(
    ("kwargs", "said"),
    [
        ({"all_quotes": "yes"}, "Options.all_quotes must be True or False, not str"),
        ({"url": 5}, "Options.url must be a str or None, not int"),
        ({"errors": "loud"}, "Options.errors must be one of 'fail', 'log', 'ignore', 'strict', not 'loud'"),
        ({"refuse_private": 1}, "Options.refuse_private must be True or False, not int"),
        ({"fetch_deadline": "60"}, "Options.fetch_deadline must be a number of seconds above 0, not '60'"),
        ({"fetch_deadline": 0}, "Options.fetch_deadline must be a number of seconds above 0, not 0"),
        (
            {"fetch_deadline": float("nan")},
            "Options.fetch_deadline must be a number of seconds above 0, not nan",
        ),
    ],
)
def test_options_of_the_wrong_kind_say_which(kwargs: dict[str, Any], said: str) -> None:
    from threads import Options

    with pytest.raises((TypeError, ValueError), match=re.escape(said)):
        Options(**kwargs)
