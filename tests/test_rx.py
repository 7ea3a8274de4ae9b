"""The store of compiled regular expressions (threads.rx): same patterns as re.compile, kept
between runs, and never in the way when the store is missing, damaged or turned off."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from threads import rx

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<name>[A-Z][a-z]+)\s+(?P<verb>tweeted|posted)", 0),
    (r"pic\.twitter\.com/\w+", re.IGNORECASE),
    (r"^\s*(?:—|--)\s*(?P<who>.+?)\s*\(@(\w{1,15})\)$", re.MULTILINE),
    (r"(?x) a+  # verbose\n b?", 0),
    (rb"data-tweet-id|data-oembed", 0),
    (r"[\w’'\-]*+\.?+", re.UNICODE),
]
SAMPLES = ["Dillon tweeted", "see pic.twitter.com/AbC1 now", "— Ryan Dillon (@OIRSpox)", "aab", "x"]


def run(code: str, cache: Path, **env: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter whose cache folder is ``cache``; it prints JSON."""
    environ = {k: v for k, v in os.environ.items() if k != "THREADS_NO_CACHE"}
    environ.update(XDG_CACHE_HOME=str(cache), **env)
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


COMPILE_ALL = f"""
import json, re
from threads import rx
same = all(rx.compile(p, f) == re.compile(p, f) for p, f in {PATTERNS!r})
print(json.dumps({{"same": same, "hits": rx.hits}}))
"""


def test_compiled_patterns_are_the_ones_re_makes() -> None:
    for pattern, flags in PATTERNS:
        ours, theirs = rx.compile(pattern, flags), re.compile(pattern, flags)
        assert ours == theirs
        assert (ours.groupindex, ours.groups, ours.flags) == (theirs.groupindex, theirs.groups, theirs.flags)
        for sample in SAMPLES:
            text: str | bytes = sample.encode() if isinstance(pattern, bytes) else sample
            assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]  # type: ignore[arg-type]


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="the store is CPython's opcodes")
def test_a_second_run_takes_its_patterns_from_the_store(tmp_path: Path) -> None:
    first = run(COMPILE_ALL, tmp_path)
    assert first == {"same": True, "hits": 0}
    stores = list((tmp_path / "threads" / "regex").glob("*.marshal"))
    assert len(stores) == 1
    assert oct(stores[0].parent.stat().st_mode & 0o777) == "0o700"
    second = run(COMPILE_ALL, tmp_path)
    assert second == {"same": True, "hits": len(PATTERNS)}


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="the store is CPython's opcodes")
@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong shape", "bad opcodes"])
def test_a_damaged_store_is_ignored_and_rewritten(tmp_path: Path, damage: str) -> None:
    run(COMPILE_ALL, tmp_path)
    (store,) = (tmp_path / "threads" / "regex").glob("*.marshal")
    data = store.read_bytes()
    if damage == "garbage":
        store.write_bytes(b"\x00\xffnot marshal at all" * 10)
    elif damage == "truncated":
        store.write_bytes(data[: len(data) // 2])
    elif damage == "wrong shape":
        import marshal

        store.write_bytes(marshal.dumps(["a", "list", "not", "a", "dict"]))
    else:
        import array
        import marshal

        kept = marshal.loads(data)
        bad = array.array("I", [999999, 1, 2]).tobytes()  # no such opcode
        store.write_bytes(marshal.dumps({k: (v[0], bad, *v[2:]) for k, v in kept.items()}))
    result = run(COMPILE_ALL, tmp_path)
    assert result["same"] is True
    assert result["hits"] == 0
    assert run(COMPILE_ALL, tmp_path) == {"same": True, "hits": len(PATTERNS)}  # mended


def test_threads_no_cache_keeps_nothing(tmp_path: Path) -> None:
    assert run(COMPILE_ALL, tmp_path, THREADS_NO_CACHE="1") == {"same": True, "hits": 0}
    assert not (tmp_path / "threads").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "threads").mkdir()
    (tmp_path / "threads").chmod(0o500)
    try:
        assert run(COMPILE_ALL, tmp_path) == {"same": True, "hits": 0}
    finally:
        (tmp_path / "threads").chmod(0o700)


def test_a_cache_folder_that_is_a_file_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "threads").write_text("not a folder")
    assert run(COMPILE_ALL, tmp_path) == {"same": True, "hits": 0}
    assert (tmp_path / "threads").read_text() == "not a folder"


STORE_KEYS = """
import json, glob, marshal, importlib, pkgutil
import threads, threads.embeds
for m in pkgutil.walk_packages(threads.__path__, "threads."):
    if not m.name.endswith("__main__"):
        importlib.import_module(m.name)
from threads import rx, prose
prose._attribution()
rx.save()
(path,) = glob.glob(rx._path)
print(json.dumps(sorted(repr(k) for k in marshal.load(open(path, "rb")))))
"""


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="the store is CPython's opcodes")
def test_the_package_s_patterns_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """A pattern built from a set in its iteration order would differ from run to run: the store
    would grow at every start (and alternatives could be tried in another order)."""
    one = run(STORE_KEYS, tmp_path / "one", PYTHONHASHSEED="1")
    two = run(STORE_KEYS, tmp_path / "two", PYTHONHASHSEED="2")
    assert one == two
    assert len(one) > 100  # type: ignore[arg-type]


PRIME = """
import json, re
from threads import rx
rx.prime()
found = (str, "foreign-(a|b)+x", 0) in re._cache
class Smart(str):  # lxml hands re its own str type (EXSLT patterns in XPath)
    pass
KEPT = re.compile("foreign-(a|b)+x")
SMART = re.compile(Smart("smart-[0-9]+"))
BYTES = re.compile(b"foreign-bytes\\\\d", re.IGNORECASE)
re.match("one-off-[0-9]+", "one-off-1")  # compiled for one call: re's cache alone holds it
rx.compile(r"own-pattern-\\w+")
print(json.dumps({"primed": rx.primed, "found": found}))
"""


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="the store is CPython's opcodes")
def test_prime_gives_re_the_patterns_other_modules_compiled_in_the_last_run(tmp_path: Path) -> None:
    assert run(PRIME, tmp_path) == {"primed": 0, "found": False}
    assert run(PRIME, tmp_path) == {"primed": 2, "found": True}  # the str and the bytes pattern
    import marshal

    (store,) = (tmp_path / "threads" / "regex").glob("*.marshal")
    foreign = set(marshal.loads(store.read_bytes())[("", -1)])
    assert ("foreign-(a|b)+x", 0) in foreign
    assert (b"foreign-bytes\\d", int(re.IGNORECASE)) in foreign
    assert ("own-pattern-\\w+", 0) not in foreign  # threads' own patterns load through rx.compile
    assert not any(isinstance(p, str) and p.startswith(("smart", "one-off")) for p, _ in foreign)
    assert run(PRIME, tmp_path, THREADS_NO_CACHE="1") == {"primed": 0, "found": False}


COMMAND = """
import atexit, json, sys
from threads import rx
from threads.__main__ import main
atexit.register(lambda: print(json.dumps({"primed": rx.primed})))
sys.argv = ["threads", *sys.argv[1:]]
main()
"""


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="the store is CPython's opcodes")
def test_the_command_primes_re(tmp_path: Path) -> None:
    """The ``threads`` entry point primes re, so its second run compiles fewer patterns."""
    environ = {k: v for k, v in os.environ.items() if k != "THREADS_NO_CACHE"}
    environ["XDG_CACHE_HOME"] = str(tmp_path)

    page = Path(__file__).parent.parent / "seeds" / "amn-raqqa-2017-10-17.txt"

    def primed(*args: str) -> int:
        out = subprocess.run(
            [sys.executable, "-c", COMMAND, *args], env=environ, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        return int(json.loads(out.stdout.splitlines()[-1])["primed"])

    assert primed("render", str(page)) == 0
    assert primed("render", str(page)) > 0
    assert primed("--version") == 0  # ends before a command runs: nothing to prime for
