"""fsspec URLs as batch inputs and outputs, run locally: memory:// and file://."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

fsspec = pytest.importorskip("fsspec")

from threads import storage  # noqa: E402
from threads.errors import UnreadableInput  # noqa: E402

from .clirun import invoke  # noqa: E402
from .generated import article  # noqa: E402


@pytest.fixture()
def memory() -> Iterator[Any]:
    fs = fsspec.filesystem("memory")
    if fs.exists("/st"):
        fs.rm("/st", recursive=True)
    yield fs
    if fs.exists("/st"):
        fs.rm("/st", recursive=True)


@pytest.mark.parametrize(
    ("location", "url"),
    [
        ("s3://bucket/key.html", True),
        ("file:///tmp/a.html", True),
        ("simplecache::s3://bucket/a", True),
        ("memory://x", True),
        ("https://example.org/a.html", False),
        ("ftp://example.org/a.html", False),
        ("github://org:repo@/a.html", False),
        ("simplecache::ftp://example.org/a", False),
        ("HTTP://example.org/", False),
        ("a.html", False),
        ("C:\\pages\\a.html", False),
        ("-", False),
    ],
)
def test_what_is_a_storage_url(location: str, url: bool) -> None:
    assert storage.is_url(location) is url


def test_a_folder_is_listed_top_down_in_the_urls_spelling(memory: Any) -> None:
    for name in ("b/2.html", "a.html", "b/1.html", ".hidden.html", "b/.git/x.html", "c/notes.txt"):
        memory.pipe_file(f"/st/in/{name}", b"<p>x</p>")
    listed = list(storage.listing("memory://st/in/"))
    assert listed == [
        ("memory://st/in/a.html", "a.html"),
        ("memory://st/in/b/1.html", "b/1.html"),
        ("memory://st/in/b/2.html", "b/2.html"),
        ("memory://st/in/c/notes.txt", "c/notes.txt"),
    ]
    assert list(storage.listing("memory://st/in/b/*.html")) == [
        ("memory://st/in/b/1.html", None),
        ("memory://st/in/b/2.html", None),
    ]
    assert list(storage.listing("memory://st/in/a.html")) == [("memory://st/in/a.html", None)]


def test_reading_and_its_errors(memory: Any) -> None:
    memory.pipe_file("/st/page.html", b"x" * 100)
    assert storage.read_bytes("memory://st/page.html", 100) == b"x" * 100
    with pytest.raises(UnreadableInput, match=r"larger than the 99-byte limit"):
        storage.read_bytes("memory://st/page.html", 99)
    with pytest.raises(UnreadableInput, match=r"^memory://st/missing.html: no such file$"):
        storage.read_bytes("memory://st/missing.html", 100)
    with pytest.raises(UnreadableInput, match=r"^nosuch://x: Protocol not known"):
        storage.read_bytes("nosuch://x", 100)


def test_writes_land_whole(memory: Any, tmp_path: Path) -> None:
    storage.write_atomic("memory://st/out/deep/a.md", b"hello")
    assert memory.cat_file("/st/out/deep/a.md") == b"hello"
    target = tmp_path / "out" / "b.md"
    storage.write_atomic(target.as_uri(), b"local")
    assert target.read_bytes() == b"local"
    assert [p.name for p in target.parent.iterdir()] == ["b.md"]  # no temporary file left


def test_the_command_line_reads_and_writes_memory_urls(memory: Any) -> None:
    for i in range(3):
        memory.pipe_file(f"/st/in/page-{i}.html", article(i).encode())
    memory.pipe_file("/st/in/bad.html", b"\x00\x01\x02\x00\x03binary\x00")
    result = invoke(["render", "memory://st/in/", "--format", "jsonl", "-j", "1"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == [
        f"memory://st/in/{n}" for n in ("bad.html", *[f"page-{i}.html" for i in range(3)])
    ]
    assert result.exit_code == 1 and "memory://st/in/bad.html: binary data" in result.stderr
    assert all(line["threads"] for line in lines[1:])
    result = invoke(["render", "memory://st/in/", "-d", "memory://st/out", "-j", "1"])
    assert sorted(memory.find("/st/out")) == [f"/st/out/page-{i}.md" for i in range(3)]
    result = invoke(["render", "memory://st/in/", "-d", "memory://st/out", "-j", "1", "--skip-existing"])
    assert "3 skipped (output exists)" in result.stderr
    one = invoke(["render", "memory://st/in/page-1.html"])
    assert one.exit_code == 0 and one.stdout.startswith('---\nsource: "memory://st/in/page-1.html"')
    missing = invoke(["render", "memory://st/in/nothing.html"])
    assert (missing.exit_code, missing.stderr) == (1, "Error: memory://st/in/nothing.html: no such file\n")


def test_a_url_that_names_no_page_is_a_failed_input(memory: Any) -> None:
    memory.pipe_file("/st/empty/notes.css", b"body{}")
    result = invoke(
        ["render", "memory://st/empty/", "memory://st/empty/*.html", "--format", "jsonl", "-j", "1"]
    )
    errors = [json.loads(line)["error"] for line in result.stdout.splitlines()]
    assert errors[0].startswith("memory://st/empty/: no page in this folder (looked for .htm, .html")
    assert errors[1] == "memory://st/empty/*.html: no file matches this pattern"
    assert result.exit_code == 1 and "2 inputs: 0 ok, 0 empty, 2 failed" in result.stderr
