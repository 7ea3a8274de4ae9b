"""Many inputs through ``threads render``: folders, globs, --output-dir, jsonl, --jobs, failures."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from threads.batch import Item, Namer, Task, expand, run, url_name

from .clirun import invoke as run_cli

TWEETED = (
    "<html><head><title>{title}</title></head><body><article>"
    "<p>The mayor spoke on Tuesday.</p>"
    '<p>"We will rebuild the bridge by spring," Mayor Jane Doe tweeted on Tuesday.</p>'
    "</article></body></html>"
)
BINARY = b"\x00\x01\x02\x00\x03binary\x00"


def write_site(root: Path) -> list[Path]:
    """A small folder of pages: two with the same file name in different folders, one text file."""
    (root / "a").mkdir(parents=True)
    (root / "b" / "deep").mkdir(parents=True)
    pages = [
        root / "a" / "story.html",
        root / "b" / "story.html",
        root / "b" / "deep" / "other.htm",
        root / "notes.txt",
    ]
    for i, page in enumerate(pages[:3]):
        page.write_text(TWEETED.format(title=f"Story {i}"), encoding="utf-8")
    pages[3].write_text("Nothing quoted here.\n\nJust two paragraphs.\n", encoding="utf-8")
    (root / "b" / "skip.css").write_text("body{}", encoding="utf-8")
    (root / ".hidden.html").write_text(TWEETED.format(title="hidden"), encoding="utf-8")
    return pages


def invoke(*args: str) -> tuple[int, str, str]:
    result = run_cli(["render", *args])
    return result.exit_code, result.stdout, result.stderr


def test_folder_walked_to_output_dir(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    out = tmp_path / "out"
    code, stdout, stderr = invoke(str(tmp_path / "site"), "--output-dir", str(out), "--jobs", "1")
    assert code == 0, stderr
    assert stdout == ""
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["a/story.md", "b/deep/other.md", "b/story.md", "notes.md"]
    assert not list(out.rglob("*.part"))
    assert "Jane Doe" in (out / "a" / "story.md").read_text(encoding="utf-8")
    assert "4 inputs: 3 ok, 1 empty, 0 failed" in stderr


def test_failing_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    pages = write_site(tmp_path / "site")
    bad = tmp_path / "bad.html"
    bad.write_bytes(BINARY)
    missing = tmp_path / "missing.html"
    out = tmp_path / "out"
    code, _, stderr = invoke(str(bad), str(pages[0]), str(missing), str(pages[3]), "-d", str(out), "-j", "1")
    assert code == 1
    assert f"{bad}: binary data" in stderr
    assert f"{missing}: no such file" in stderr
    assert "4 inputs: 1 ok, 1 empty, 2 failed" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.md", "story.md"]


def test_jsonl_lines_parse_in_input_order(tmp_path: Path) -> None:
    pages = write_site(tmp_path / "site")
    bad = tmp_path / "bad.html"
    bad.write_bytes(BINARY)
    inputs = [str(pages[0]), str(bad), str(pages[3])]
    code, stdout, stderr = invoke(*inputs, "--format", "jsonl", "-j", "1")
    assert code == 1
    lines = [json.loads(line) for line in stdout.splitlines()]
    assert [line["input"] for line in lines] == inputs
    assert lines[0]["error"] is None
    assert lines[0]["schema"] == "threads/1"
    assert lines[0]["threads"][0]["author"]["name"] == "Jane Doe"
    assert "binary data" in lines[1]["error"]
    assert lines[1]["threads"] == []
    assert lines[2]["error"] is None and lines[2]["threads"] == []
    assert "binary data" in stderr


def test_jsonl_one_input(tmp_path: Path) -> None:
    pages = write_site(tmp_path)
    code, stdout, _ = invoke(str(pages[0]), "--format", "jsonl", "--quiet")
    assert code == 0
    (line,) = stdout.splitlines()
    assert json.loads(line)["source"]["title"] == "Story 0"


def test_names_do_not_collide(tmp_path: Path) -> None:
    pages = write_site(tmp_path / "site")
    twin = tmp_path / "story.HTML"
    twin.write_text(TWEETED.format(title="twin"), encoding="utf-8")
    out = tmp_path / "out"
    args = [str(pages[0]), str(pages[1]), str(twin), str(pages[0])]
    code, _, stderr = invoke(*args, "-d", str(out), "-j", "1", "--format", "json")
    assert code == 0, stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["story-2.json", "story-3.json", "story-4.json", "story.json"]
    assert json.loads((out / "story-3.json").read_text(encoding="utf-8"))["source"]["title"] == "twin"


def test_glob_and_skip_existing(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    out = tmp_path / "out"
    pattern = str(tmp_path / "site" / "**" / "*.htm*")
    code, _, stderr = invoke(pattern, "-d", str(out), "-j", "1")
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == ["other.md", "story-2.md", "story.md"]
    (out / "story.md").write_text("kept", encoding="utf-8")
    code, _, stderr = invoke(pattern, "-d", str(out), "-j", "1", "--skip-existing")
    assert code == 0
    assert "3 skipped" in stderr
    assert (out / "story.md").read_text(encoding="utf-8") == "kept"


def test_two_jobs_same_as_one(tmp_path: Path) -> None:
    pages = write_site(tmp_path / "site")
    bad = tmp_path / "bad.html"
    bad.write_bytes(BINARY)
    inputs = [str(tmp_path / "site"), str(bad), str(pages[0])]
    one = invoke(*inputs, "--format", "jsonl", "--jobs", "1")
    two = invoke(*inputs, "--format", "jsonl", "--jobs", "2")
    assert one == two
    assert len(one[1].splitlines()) == 6
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    assert invoke(*inputs, "-d", str(out1), "-j", "1")[0] == 1
    assert invoke(*inputs, "-d", str(out2), "-j", "2")[0] == 1
    files1 = {p.relative_to(out1): p.read_bytes() for p in out1.rglob("*") if p.is_file()}
    files2 = {p.relative_to(out2): p.read_bytes() for p in out2.rglob("*") if p.is_file()}
    assert files1 == files2 and len(files1) == 5


def test_run_streams_in_order_with_many_items(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text('"Hello there," Jane Doe tweeted.\n', encoding="utf-8")
    items = (Item(i, str(page), f"p{i}") for i in range(40))
    results = list(run(items, Task(fmt="jsonl"), jobs=2))
    assert [r.index for r in results] == list(range(40))
    assert all(r.status in {"ok", "empty"} for r in results)


def test_usage_errors(tmp_path: Path) -> None:
    pages = write_site(tmp_path)
    code, _, stderr = invoke(str(pages[0]), str(pages[1]))
    assert code == 2 and "--output-dir" in stderr
    code, _, stderr = invoke(str(pages[0]), str(pages[1]), "-o", str(tmp_path / "x.md"), "-d", "o")
    assert code == 2
    code, _, stderr = invoke(str(pages[0]), "--format", "jsonl", "-d", str(tmp_path / "o"))
    assert code == 2


def test_single_input_unchanged(tmp_path: Path) -> None:
    pages = write_site(tmp_path)
    code, stdout, stderr = invoke(str(pages[0]))
    assert code == 0
    assert "Jane Doe" in stdout
    assert stderr == ""
    code, stdout, stderr = invoke(str(tmp_path / "missing.html"))
    assert code == 1
    assert stderr.strip() == f"Error: {tmp_path / 'missing.html'}: no such file"


def test_stdin_in_a_batch(tmp_path: Path) -> None:
    pages = write_site(tmp_path)
    result = run_cli(
        ["render", "-", str(pages[0]), "--format", "jsonl", "-j", "1"], input=TWEETED.format(title="in")
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == ["-", str(pages[0])]
    assert lines[0]["source"]["title"] == "in"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://example.org/2017/10/story.html", "example.org_2017_10_story"),
        ("https://example.org/", "example.org"),
        ("http://example.org/a?id=3&x=../../etc", "example.org_a_id_3_x_.._.._etc"),
    ],
)
def test_url_names_are_flat_and_safe(url: str, name: str) -> None:
    assert url_name(url) == name
    assert "/" not in url_name(url)


def test_namer_and_expand(tmp_path: Path) -> None:
    namer = Namer()
    assert [namer.unique(n) for n in ["a", "A", "a", "a-2"]] == ["a", "A-2", "a-3", "a-2-2"]
    write_site(tmp_path)
    items = list(expand([str(tmp_path), "https://example.org/x"], read_stdin=False))
    # Top-down: a folder's own files, then its subfolders, each sorted.
    assert [i.name for i in items] == ["notes", "a/story", "b/story", "b/deep/other", "example.org_x"]
    assert [i.index for i in items] == list(range(5))


def test_time_limit_names_the_input_and_the_batch_goes_on() -> None:
    import time

    from threads.errors import TimedOut
    from threads.limits import time_limit

    with pytest.raises(TimedOut, match=r"slow\.html: gave up after 0\.2 s"), time_limit(0.2, "slow.html"):
        while True:
            time.sleep(0.01)
    with time_limit(0, "unbounded"):  # 0 is no limit
        pass
    with time_limit(5, "quick"):
        assert sum(range(10)) == 45


# ---------------------------------------------------------------- the progress bar


def on_a_terminal(*args: str, columns: int = 100) -> tuple[str, str]:
    """Run ``threads`` with stderr on a pseudo-terminal (stdout a pipe); what each received."""
    import fcntl
    import os
    import struct
    import subprocess
    import sys
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "threads", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    stdout, _ = process.communicate(timeout=60)
    return stdout.decode(), b"".join(chunks).decode()


needs_pty = pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="no pseudo-terminals here")


@needs_pty
def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    stdout, terminal = on_a_terminal("render", str(tmp_path / "site"), "-f", "jsonl", "-j", "2")
    assert len(stdout.splitlines()) == 4  # the jsonl lines are untouched by the bar
    bar = terminal.split("\r")
    assert any("4/4" in part and "3 posts" in part and "inputs/s" in part for part in bar), terminal
    assert any("0/4" in part for part in bar)  # drawn from the start, with the total
    assert terminal.rstrip().endswith("threads: 4 inputs: 3 ok, 1 empty, 0 failed; 3 posts")


@needs_pty
def test_progress_bar_on_a_terminal_of_no_size(tmp_path: Path) -> None:
    """A bare pseudo-terminal (no size) still gets a bar, 80 columns wide; errors are lines of their own."""
    pages = write_site(tmp_path / "site")
    missing = tmp_path / "missing.html"
    _, terminal = on_a_terminal("render", str(pages[0]), str(missing), "-d", str(tmp_path / "o"), columns=0)
    lines = terminal.split("\r\n")
    assert f"threads: error: {missing}: no such file" in " ".join(lines)
    assert any("2/2" in part and "1 post" in part for part in terminal.split("\r"))
    assert all(len(part) <= 80 for part in terminal.split("\r") if "inputs/s" in part)


@needs_pty
def test_no_progress_bar_when_quiet_or_not_a_terminal(tmp_path: Path) -> None:
    import subprocess
    import sys

    write_site(tmp_path / "site")
    args = ["render", str(tmp_path / "site"), "-f", "jsonl", "-j", "1"]
    stdout, terminal = on_a_terminal(*args, "--quiet")
    assert terminal == "" and len(stdout.splitlines()) == 4
    piped = subprocess.run(
        [sys.executable, "-m", "threads", *args], capture_output=True, text=True, check=True
    )
    assert piped.stderr == "threads: 4 inputs: 3 ok, 1 empty, 0 failed; 3 posts\n"


# ---------------------------------------------------------------- workers


def test_chunks_grow_and_respect_the_byte_cap() -> None:
    from threads.batch import CHUNK_BYTES, CHUNK_ITEMS, chunks

    items = [Item(i, f"p{i}", f"p{i}") for i in range(100)]
    sizes = [len(c) for c in chunks(items, 2)]
    assert sizes[:8] == [1, 1, 2, 2, 4, 4, 8, 8] and max(sizes) == CHUNK_ITEMS
    assert [i.index for c in chunks(items, 2) for i in c] == list(range(100))
    big = [Item(i, f"b{i}", f"b{i}", data=b"x" * (CHUNK_BYTES // 2)) for i in range(20)]
    assert max(len(c) for c in chunks(big, 1)) == 2


def test_a_dying_worker_fails_only_its_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import os

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the workers must be forked to inherit the patch")
    import threads.batch

    real = threads.batch.reconstruct_item

    def dies_on_poison(item: Item, options: object) -> object:
        if item.location.endswith("poison.txt"):
            os._exit(1)
        return real(item, options)  # type: ignore[arg-type]

    monkeypatch.setattr(threads.batch, "reconstruct_item", dies_on_poison)
    page = tmp_path / "p.txt"
    page.write_text('"Hello there," Jane Doe tweeted.\n', encoding="utf-8")
    locations = [str(page)] * 20
    locations[13] = str(tmp_path / "poison.txt")
    results = list(run((Item(i, loc, f"p{i}") for i, loc in enumerate(locations)), Task(fmt="jsonl"), jobs=2))
    assert [r.index for r in results] == list(range(20))
    assert [r.status for r in results].count("ok") == 19
    assert results[13].status == "failed" and results[13].error == f"{locations[13]}: the worker process died"


def test_summary_counts_read_in_the_singular_when_one() -> None:
    from threads.batch import Tally

    tally = Tally()
    tally.ok, tally.posts = 1, 1
    assert tally.summary() == "1 input: 1 ok, 0 empty, 0 failed; 1 post"


def test_no_more_workers_than_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One input runs in this process whatever --jobs says; two inputs start two workers, not eight."""
    from threads import batch

    started: list[int] = []
    real = batch.ProcessPoolExecutor

    def spy(max_workers: int, **kwargs: Any) -> object:
        started.append(max_workers)
        return real(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", spy)
    pages = write_site(tmp_path / "site")
    tally = batch.render_many([str(pages[0])], Task(fmt="jsonl"), jobs=8, progress=False, summary=False)
    assert (tally.ok, started) == (1, [])
    tally = batch.render_many([str(p) for p in pages[:2]], Task(fmt="jsonl"), jobs=8, progress=False)
    assert (tally.ok, started) == (2, [2])


# ---------------------------------------------------------------- one page never stops a batch

SURROGATE_PAGE = (
    '<html><head><script type="application/ld+json">{"@type": "SocialMediaPosting", "text": "Lone \\ud800 '
    'surrogate", "author": {"name": "Ann Lee"}, "url": "https://twitter.com/annlee/status/1256234567890123456"}'
    "</script></head><body></body></html>"
)
DEEP_JSON_PAGE = (
    '<html><head><script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script></head>"
    "<body><p>Deep data.</p></body></html>"
)


def test_pages_with_data_that_stopped_batches_give_output_in_every_mode(tmp_path: Path) -> None:
    """A lone surrogate in JSON-LD (UnicodeEncodeError on writing) and JSON nested 100,000 deep
    (RecursionError) stopped -d, jsonl and digest at that page, losing the inputs after it."""
    pages = write_site(tmp_path / "site")
    odd = tmp_path / "surrogate.html"
    odd.write_text(SURROGATE_PAGE, encoding="utf-8")
    deep = tmp_path / "deep.html"
    deep.write_text(DEEP_JSON_PAGE, encoding="utf-8")
    inputs = [str(odd), str(deep), str(pages[0])]
    code, _, stderr = invoke(*inputs, "-d", str(tmp_path / "out"), "-j", "1")
    assert code == 0, stderr
    assert "3 inputs: 2 ok, 1 empty, 0 failed" in stderr
    assert "Lone \ufffd surrogate" in (tmp_path / "out" / "surrogate.md").read_text(encoding="utf-8")
    code, stdout, stderr = invoke(*inputs, "-f", "jsonl", "-j", "1")
    assert code == 0, stderr
    assert [json.loads(line)["error"] for line in stdout.splitlines()] == [None, None, None]
    result = run_cli(["digest", *inputs])
    assert result.exit_code == 0, result.stderr
    assert "Lone \ufffd surrogate" in result.stdout and "Jane Doe" in result.stdout


def boom_in_twitter_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The twitter extractor raises a KeyError (a bug) on pages that say "boom", as no policy is strict."""
    import threads.embeds

    def extract(page: object) -> object:
        if "boom" in page.root.text_content():  # type: ignore[attr-defined]
            raise KeyError("boom")
        return iter(())

    table = tuple(replace(r, extract=extract) if r.name == "twitter" else r for r in threads.embeds.REGISTRY)
    monkeypatch.setattr(threads.embeds, "REGISTRY", table)
    monkeypatch.setenv("THREADS_ERRORS", "fail")  # the command line's default, not the suite's


def test_a_bug_in_one_extractor_fails_only_that_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boom_in_twitter_extractor(monkeypatch)
    pages = write_site(tmp_path / "site")
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><p>boom</p></body></html>", encoding="utf-8")
    inputs = [str(pages[0]), str(bad), str(pages[1])]
    said = f"{bad}: internal error in the twitter extractor (KeyError: 'boom'); please report it"
    code, _, stderr = invoke(*inputs, "-d", str(tmp_path / "out"), "-j", "1")
    assert code == 1
    assert f"threads: error: {said}\n" in stderr and "Traceback" not in stderr
    assert "3 inputs: 2 ok, 0 empty, 1 failed" in stderr
    code, stdout, _ = invoke(*inputs, "-f", "jsonl", "-j", "1")
    assert [json.loads(line)["error"] for line in stdout.splitlines()] == [None, said, None]
    result = run_cli(["digest", *inputs])
    assert result.exit_code == 0 and f"threads: skipped {bad}: internal error" in result.stderr
    result = run_cli(["render", str(bad)])
    assert (result.exit_code, result.stderr) == (1, f"Error: {said}\n")


def test_a_bug_outside_the_readers_fails_only_that_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threads.render

    real = threads.render.render

    def render(rec: object, fmt: str = "md", **kw: object) -> str:
        if "Story 1" in (rec.source.title or ""):  # type: ignore[attr-defined]
            raise ValueError("a renderer bug")
        return real(rec, fmt, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(threads.render, "render", render)
    monkeypatch.setenv("THREADS_ERRORS", "fail")
    pages = write_site(tmp_path / "site")
    code, _, stderr = invoke(*map(str, pages[:3]), "-d", str(tmp_path / "out"), "-j", "1")
    assert code == 1
    assert f"{pages[1]}: internal error (ValueError: a renderer bug); please report it" in stderr
    assert "3 inputs: 2 ok, 0 empty, 1 failed" in stderr
    monkeypatch.setenv("THREADS_ERRORS", "strict")
    with pytest.raises(ValueError, match="a renderer bug"):
        invoke(*map(str, pages[:3]), "-d", str(tmp_path / "out2"), "-j", "1")


# ---------------------------------------------------------------- said clearly


def test_an_empty_folder_or_a_pattern_matching_nothing_is_a_failed_input(tmp_path: Path) -> None:
    pages = write_site(tmp_path / "site")
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "style.css").write_text("body{}", encoding="utf-8")
    pattern = str(tmp_path / "nothing-*.html")
    code, _, stderr = invoke(str(empty), pattern, str(pages[0]), "-d", str(tmp_path / "out"), "-j", "1")
    assert code == 1
    looked = ".htm, .html, .shtml, .txt, .xhtml files and web archives, symbolic links left out"
    assert f"threads: error: {empty}: no page in this folder (looked for {looked})\n" in stderr
    assert f"threads: error: {pattern}: no file matches this pattern\n" in stderr
    assert "3 inputs: 1 ok, 0 empty, 2 failed" in stderr
    code, _, stderr = invoke(str(empty), "-d", str(tmp_path / "out"))
    assert code == 1 and "1 input: 0 ok, 0 empty, 1 failed" in stderr


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda root: str(root), "a folder holds several pages"),
        (lambda root: str(root / "*" / "*.html"), "a pattern names several files"),
    ],
    ids=["folder", "pattern"],
)
def test_one_input_naming_several_pages_says_what_to_give(tmp_path: Path, make: Any, said: str) -> None:
    write_site(tmp_path / "site")
    code, stdout, stderr = invoke(make(tmp_path / "site"))
    assert code == 2 and stdout == ""
    assert stderr.endswith(f"Error: {said}: give --output-dir DIR, or --format jsonl for one line each\n")
    code, _, stderr = invoke(make(tmp_path / "site"), "-o", str(tmp_path / "x.md"))
    assert code == 2 and stderr.endswith(f"Error: -o/--output takes one page; {said}: use --output-dir DIR\n")


@pytest.mark.parametrize("output_dir", [True, False], ids=["output-dir", "jsonl"])
def test_ctrl_c_says_how_far_the_batch_got(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_dir: bool
) -> None:
    import threads.batch

    real = threads.batch.process

    def interrupted_at_the_third(task: Task, item: Item) -> object:
        if item.index == 2:
            raise KeyboardInterrupt
        return real(task, item)

    monkeypatch.setattr(threads.batch, "process", interrupted_at_the_third)
    pages = write_site(tmp_path / "site")
    where = ["-d", str(tmp_path / "out")] if output_dir else ["-f", "jsonl"]
    code, _, stderr = invoke(*map(str, pages), *where, "-j", "1")
    assert code == 130
    said = "Aborted: 2 of 4 inputs done (2 inputs: 2 ok, 0 empty, 0 failed; 2 posts)"
    if output_dir:
        said += "; run the same command with --skip-existing to go on"
    assert stderr.splitlines()[-1] == said


def test_walked_folders_leave_links_out_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link in a walked folder reached files elsewhere (a link to /dev/zero was read until memory
    ran out)."""
    import threads.load

    pages = write_site(tmp_path / "elsewhere")
    site = tmp_path / "site"
    site.mkdir()
    (site / "own.html").write_text(TWEETED.format(title="own"), encoding="utf-8")
    (site / "linked.html").symlink_to(pages[0])
    (site / "linked-folder").symlink_to(tmp_path / "elsewhere" / "b")
    (site / "loop").symlink_to(site)  # a loop, for --follow-links
    if Path("/dev/zero").exists():
        (site / "zero.html").symlink_to("/dev/zero")
    items = [i.name for i in expand([str(site)], read_stdin=False)]
    assert items == ["own"]
    followed = [i.name for i in expand([str(site)], read_stdin=False, follow_links=True)]
    assert sorted(followed) == sorted(
        ["linked", "own", "linked-folder/story", "linked-folder/deep/other"]
        + (["zero"] if Path("/dev/zero").exists() else [])
    )
    monkeypatch.setattr(threads.load, "MAX_BYTES", 1 << 20)
    code, _, stderr = invoke(str(site), "--follow-links", "-d", str(tmp_path / "out"), "-j", "1")
    assert code == (1 if Path("/dev/zero").exists() else 0)
    if Path("/dev/zero").exists():
        assert f"{site / 'zero.html'}: larger than the 1048576-byte limit" in stderr
    assert "4 ok" in stderr


# ---------------------------------------------------------------- output files


def test_inputs_never_meet_as_a_file_and_a_folder(tmp_path: Path) -> None:
    """``a.txt`` gives ``a.md``; the folder ``a.md/`` gives ``a.md/x.md``: they collided."""
    site = tmp_path / "site"
    (site / "a.md").mkdir(parents=True)
    (site / "a.txt").write_text("Nothing quoted.\n", encoding="utf-8")
    (site / "a.md" / "x.html").write_text(TWEETED.format(title="x"), encoding="utf-8")
    (site / "a.md" / "y.html").write_text(TWEETED.format(title="y"), encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = invoke(str(site), "-d", str(out), "-j", "1")
    assert code == 0, stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["a.md", "a.md-2/x.md", "a.md-2/y.md"]
    namer = Namer(".md")  # the other way round: the folder first
    assert [namer.unique(n) for n in ["a.md/x", "a", "a.md/y", "A"]] == ["a.md/x", "a-2", "a.md/y", "A-3"]


def test_output_never_goes_through_a_link_in_the_output_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "sub" / "page.html").write_text(TWEETED.format(title="sub"), encoding="utf-8")
    (site / "top.html").write_text(TWEETED.format(title="top"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "victim.md"
    victim.write_text("untouched", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(elsewhere, target_is_directory=True)  # planted in the output folder
    (out / "top.md").symlink_to(victim)
    code, _, stderr = invoke(str(site), "-d", str(out), "-j", "1")
    assert code == 1
    assert f"{out / 'sub'} is a symbolic link; nothing is written through one" in stderr
    assert "2 inputs: 1 ok, 0 empty, 1 failed" in stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == ["victim.md"]
    assert victim.read_text(encoding="utf-8") == "untouched"
    assert not (out / "top.md").is_symlink() and "Jane Doe" in (out / "top.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_files_take_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path, umask: int) -> None:
    """Output files were 0600 whatever the umask, and -o over a 0644 file left it 0600."""
    import os
    import stat

    pages = write_site(tmp_path / "site")
    before = os.umask(umask)
    try:
        out = tmp_path / "out"
        assert invoke(str(tmp_path / "site"), "-d", str(out), "-j", "1")[0] == 0
        modes = {stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*.md")}
        assert modes == {0o666 & ~umask}
        single = tmp_path / "one.md"
        assert run_cli(["render", str(pages[0]), "-o", str(single)]).exit_code == 0
        assert stat.S_IMODE(single.stat().st_mode) == 0o666 & ~umask
        single.chmod(0o640)
        assert run_cli(["render", str(pages[0]), "-o", str(single), "-f", "html"]).exit_code == 0
        assert stat.S_IMODE(single.stat().st_mode) == 0o640
        (out / "notes.md").chmod(0o604)
        assert invoke(str(tmp_path / "site"), "-d", str(out), "-j", "1")[0] == 0
        assert stat.S_IMODE((out / "notes.md").stat().st_mode) == 0o604
        assert not list(tmp_path.rglob("*.part"))
    finally:
        os.umask(before)


def test_workers_end_when_the_command_line_is_killed_outright(tmp_path: Path) -> None:
    """SIGKILL gives the command line no chance to end its worker processes: they see their
    parent gone and end themselves, instead of waiting for work forever."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from .archive_pages import write_batch

    pages = tmp_path / "pages"
    write_batch(pages, 400)
    proc = subprocess.Popen(
        [sys.executable, "-m", "threads", "render", str(pages), "--format", "jsonl", "-j", "2", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    deadline = time.monotonic() + 60
    while len(children) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        task = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        children = [int(c) for c in task.read_text().split()] if task.exists() else []
    if len(children) < 2:
        proc.kill()
        pytest.skip("the workers did not start in time, or this system has no /proc")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    alive = children
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [c for c in alive if Path(f"/proc/{c}").exists() and "Z" not in _state(c)]
    for c in alive:
        os.kill(c, signal.SIGKILL)
    assert not alive, "workers outlived the command line"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"
