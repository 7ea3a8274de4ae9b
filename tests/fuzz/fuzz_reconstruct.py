"""Coverage-guided fuzzing (atheris) of ``reconstruct`` over bytes, then every output format.

Seeds are the inputs under ``fixtures/`` and ``seeds/`` plus a few embed fragments, copied into a
temporary corpus folder at run time (nothing is committed). Only :class:`threads.ThreadsError` is an
expected outcome; anything else is a crash. Usage::

    .venv/bin/pip install atheris
    timeout 1900 .venv/bin/python tests/fuzz/fuzz_reconstruct.py -max_total_time=1800 -timeout=60

By default a crash stops the run (libFuzzer writes ``crash-*`` beside it). With
``THREADS_FUZZ_KEEP_GOING=1`` each distinct crash (exception type and innermost package frame) is
saved under ``THREADS_FUZZ_CRASHES`` (default ``fuzz-crashes/``) and the run goes on, so one long
run reports every kind of crash. Each crash found becomes a fixture in ``fixtures/hostile/``.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import pkgutil
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["threads"]):
    import threads

    # reconstruct imports its stages lazily: import every module now, so all are instrumented
    for _mod in pkgutil.walk_packages(threads.__path__, "threads."):
        if _mod.name == "threads.__main__":
            continue
        importlib.import_module(_mod.name)
    from threads.digest import build, render_digest
    from threads.render import FORMATS, render

logging.disable(logging.CRITICAL)  # bs4 and the package log on bad input; keep the fuzzer's output readable

SEED_SUFFIXES = {".html", ".htm", ".xhtml", ".txt", ".md"}
EXTRA_SEEDS = [
    b'<blockquote class="twitter-tweet"><p lang="en">Hello <a href="https://t.co/x">#tag</a></p>'
    b'&mdash; Ann Lee (@annlee) <a href="https://twitter.com/annlee/status/1234567890123456789">'
    b"May 1, 2020</a></blockquote>",
    b"<p>\xe2\x80\x9cWe are open late tonight,\xe2\x80\x9d librarian Ana Ruiz tweeted.</p>",
    b'<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/abc/">'
    b'<a href="https://www.instagram.com/p/abc/">A post shared by Bo (@bo)</a></blockquote>',
    b'<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:x/app.bsky.feed.post/3k">'
    b'<p>text</p>&mdash; Cy (<a href="https://bsky.app/profile/cy">@cy</a>)</blockquote>',
    b"Some text pic.twitter.com/abc \xe2\x80\x94 Dee Ex (@dee) October 17, 2017\n",
]
KEEP_GOING = os.environ.get("THREADS_FUZZ_KEEP_GOING") == "1"
CRASHES = Path(os.environ.get("THREADS_FUZZ_CRASHES", "fuzz-crashes"))
_seen: set[str] = set()


def one_input(data: bytes) -> None:
    try:
        rec = threads.reconstruct(data)
        for fmt in FORMATS:
            render(rec, fmt)
        render_digest(build([rec]))
    except threads.ThreadsError:
        pass
    except Exception as e:
        if not KEEP_GOING:
            raise
        frames = [f for f in traceback.extract_tb(e.__traceback__) if "/threads/" in f.filename]
        where = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else "?"
        key = f"{type(e).__name__}@{where}"
        if key not in _seen:
            _seen.add(key)
            CRASHES.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha1(data).hexdigest()[:12]
            (CRASHES / f"{key.replace(':', '_')}-{digest}.bin").write_bytes(data)
            (CRASHES / f"{key.replace(':', '_')}-{digest}.txt").write_text(traceback.format_exc())
            print(f"CRASH {key} ({len(data)} bytes)", file=sys.stderr, flush=True)


def seed_corpus(into: Path) -> int:
    n = 0
    for folder in (ROOT / "fixtures", ROOT / "seeds"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SEED_SUFFIXES:
                shutil.copy(path, into / f"{n:04d}{path.suffix}")
                n += 1
    for data in EXTRA_SEEDS:
        (into / f"{n:04d}.bin").write_bytes(data)
        n += 1
    return n


def main() -> None:
    corpus = Path(tempfile.mkdtemp(prefix="threads-fuzz-corpus-"))
    n = seed_corpus(corpus)
    print(f"seeded {n} inputs into {corpus}", file=sys.stderr)
    args = [sys.argv[0], *sys.argv[1:]]
    if not any(a.startswith("-max_len") for a in args):
        args.append("-max_len=65536")
    atheris.Setup([*args, str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
