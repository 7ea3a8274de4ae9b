"""Benchmark: threads.reconstruct against the parse floor (lxml) and trafilatura, in one process.

Usage:
  python benchmarks/bench.py [CORPUS_DIR] [--repeats N] [--profile] [--no-cli] [--stages]

CORPUS_DIR defaults to ../shared/corpus/html (beside the repository) when present, else fixtures/.
Every *.html, *.htm, *.xhtml and *.txt file under it (recursively) is one page.

Measured over every page in --repeats rounds, the contenders taking turns (medians reported; the
ratios are the medians of each round's ratio):
  floor        lxml.html.document_fromstring on the decoded text (no extractor can beat one read)
  threads      threads.reconstruct on the same bytes (decode + parse + scrape + sequence)
  trafilatura  trafilatura.extract on the decoded text, when trafilatura is installed
and, as subprocesses (median of --cli-runs wall times, taking turns): `python -c pass` for
scale, `threads --version` and a one-page render.
--profile adds a cProfile of reconstruct over the corpus: the top functions by own time.
--stages times reconstruct's stages page by page (load and parse, the paragraph walk, embeds,
remnants and listings, prose, sequence), each as a ratio of the parse floor, in rounds taking turns
with the floor (medians).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPORA = (REPO.parent / "shared" / "corpus" / "html", REPO / "fixtures")
SUFFIXES = {".html", ".htm", ".xhtml", ".txt"}
XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
TARGET_RATIO = 3.5  # reconstruct at most 3.5x the parse of the same pages
TARGET_TRAFILATURA = 4.0  # trafilatura.extract at least 4x the time of reconstruct
TARGET_VERSION_MS = 150.0  # `threads --version` as a whole process, median
TARGET_RENDER_MS = 300.0  # a one-page `threads render` as a whole process, median


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def timed_run(fn: Callable[[bytes, str], object], pages: list[tuple[bytes, str]]) -> float:
    start = time.perf_counter()
    for data, text in pages:
        fn(data, text)
    return time.perf_counter() - start


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("threads")
    if script.is_file():
        return [str(script)]
    found = shutil.which("threads")
    return [found] if found else [sys.executable, "-m", "threads"]


def wall_ms(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command over ``runs`` runs, after one untimed run of each; the
    commands take turns, so that a machine that speeds up or slows down during the measure affects
    them alike. Python may keep compiled bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped for these
    runs): an installed package has its bytecode compiled at install time, and a user's second run
    finds it, as it finds the compiled templates and patterns of the first in its cache folder."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(argv: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        return (time.perf_counter() - start) * 1000

    for argv in commands.values():
        run(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(run(argv))
    return {name: statistics.median(t) for name, t in times.items()}


def line(name: str, seconds: float, n: int, megabytes: float, extra: str = "") -> str:
    return (
        f"  {name:<12} {seconds:8.3f} s  {n / seconds:8.1f} pages/s  {megabytes / seconds:7.2f} MB/s" + extra
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="folder of pages (default: see above)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per measure; the median is kept")
    parser.add_argument("--profile", action="store_true", help="cProfile reconstruct over the corpus")
    parser.add_argument("--top", type=int, default=25, help="functions to list with --profile")
    parser.add_argument("--no-cli", action="store_true", help="skip the subprocess wall-time measures")
    parser.add_argument("--cli-runs", type=int, default=11, help="runs of each command line measured")
    parser.add_argument("--stages", action="store_true", help="time reconstruct stage by stage")
    args = parser.parse_args(argv)

    folder = args.corpus or next((c for c in DEFAULT_CORPORA if c.is_dir()), DEFAULT_CORPORA[-1])
    files = corpus_files(folder)
    if not files:
        print(f"bench: no pages under {folder}", file=sys.stderr)
        return 2

    sys.path.insert(0, str(REPO))
    import threads
    from threads.errors import ThreadsError
    from threads.load import decode

    pages: list[tuple[bytes, str]] = []
    for path in files:
        data = path.read_bytes()
        try:
            text, _ = decode(data, location=str(path))
        except ThreadsError:
            text = data.decode("utf-8", "replace")
        # lxml refuses a str that carries an XML declaration; threads strips it the same way.
        pages.append((data, XML_DECL.sub("", text, count=1)))
    n = len(pages)
    megabytes = sum(len(d) for d, _ in pages) / 1e6
    print(f"corpus: {folder} — {n} pages, {megabytes:.1f} MB; median of {args.repeats} runs")
    print(f"python {sys.version.split()[0]}, threads {threads.__version__}, pid {os.getpid()}")

    failures: list[str] = []

    def floor(_data: bytes, text: str) -> object:
        return lxml_html.document_fromstring(text)

    def ours(data: bytes, _text: str) -> object:
        try:
            return threads.reconstruct(data)
        except ThreadsError as e:
            failures.append(str(e))
            return None

    trafilatura: Any = None
    with contextlib.suppress(ImportError):
        import trafilatura

    def theirs(_data: bytes, text: str) -> object:
        return trafilatura.extract(text)

    contenders: dict[str, Callable[[bytes, str], object]] = {"floor": floor, "ours": ours}
    if trafilatura is not None:
        contenders["trafilatura"] = theirs
    # One warm-up pass each (imports, compiled patterns, caches) before the timed runs.
    timed_run(floor, pages)
    timed_run(ours, pages)
    failed = list(failures)
    if trafilatura is not None:
        timed_run(theirs, pages[: min(n, 5)])
    # The contenders take turns, round after round: a machine whose speed drifts during the
    # benchmark then slows them alike, and each round's ratios compare runs made minutes apart.
    rounds: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.repeats):
        for name, fn in contenders.items():
            rounds[name].append(timed_run(fn, pages))
    t_floor, t_ours = statistics.median(rounds["floor"]), statistics.median(rounds["ours"])
    per_round = [o / f for o, f in zip(rounds["ours"], rounds["floor"], strict=True)]
    ratio = statistics.median(per_round)
    posts = sum(len(r.posts) for d, _ in pages if (r := _safe(threads.reconstruct, d)) is not None)
    print(line("lxml parse", t_floor, n, megabytes, "  (floor)"))
    verdict = "ok" if ratio <= TARGET_RATIO else f"over the {TARGET_RATIO} target"
    print(line("threads", t_ours, n, megabytes, f"  ours/floor {ratio:.2f} ({verdict}); {posts} posts"))
    if failed:
        print(f"  threads raised UnreadableInput on {len(failed)} page(s), e.g. {failed[0]}")
    if trafilatura is None:
        print("  trafilatura  not installed (pip install trafilatura) — skipped")
    else:
        t_traf = statistics.median(rounds["trafilatura"])
        theirs_ours = statistics.median(
            t / o for t, o in zip(rounds["trafilatura"], rounds["ours"], strict=True)
        )
        theirs_floor = statistics.median(
            t / f for t, f in zip(rounds["trafilatura"], rounds["floor"], strict=True)
        )
        print(
            line(
                "trafilatura",
                t_traf,
                n,
                megabytes,
                f"  trafilatura/ours {theirs_ours:.2f} (target at least {TARGET_TRAFILATURA:.0f}),"
                f" trafilatura/floor {theirs_floor:.2f}",
            )
        )
    spread = ", ".join(f"{r:.2f}" for r in per_round)
    print(f"  ours/floor by round: {spread} (the ratios above are the medians of each round's ratio)")

    if not args.no_cli:
        cmd = cli_command()
        sample = sorted(files, key=lambda p: p.stat().st_size)[len(files) // 2]
        ms = wall_ms(
            {
                "pass": [sys.executable, "-c", "pass"],
                "version": [*cmd, "--version"],
                "render": [*cmd, "render", str(sample)],
            },
            args.cli_runs,
        )
        print(f"cli: {' '.join(cmd)} (median of {args.cli_runs} runs each, taking turns, after one warm-up)")
        print(f"  python -c pass         {ms['pass']:7.1f} ms (the interpreter's own start, for scale)")
        print(f"  threads --version      {ms['version']:7.1f} ms (target {TARGET_VERSION_MS:.0f})")
        size_kb = sample.stat().st_size / 1000
        target = f"target {TARGET_RENDER_MS:.0f}; {sample.name}, {size_kb:.0f} kB"
        print(f"  threads render 1 page  {ms['render']:7.1f} ms ({target})")

    if args.stages:
        stage_rounds: list[dict[str, float]] = []
        floors: list[float] = []
        for _ in range(args.repeats):
            floors.append(timed_run(floor, pages))
            stage_rounds.append(by_stage([d for d, _ in pages]))
        print(f"stages (median of {args.repeats} rounds, taking turns with the floor; ratio to the parse):")
        t_floor = statistics.median(floors)
        print(f"  {'lxml parse':<20} {t_floor:7.3f} s   1.00x")
        for stage in STAGES:
            t = statistics.median(r[stage] for r in stage_rounds)
            print(f"  {stage:<20} {t:7.3f} s  {t / t_floor:5.2f}x")
        total = statistics.median(sum(r.values()) for r in stage_rounds)
        print(f"  {'all stages':<20} {total:7.3f} s  {total / t_floor:5.2f}x")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for data, _ in pages:
            _safe(threads.reconstruct, data)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(args.top)
        print(f"\nprofile: top {args.top} functions by own time (one pass over the corpus)")
        print(out.getvalue())
    return 0


STAGES = ("load (no walk)", "paragraph walk", "embeds", "remnants, listings", "prose", "sequence")


def by_stage(pages: list[bytes]) -> dict[str, float]:
    """Seconds per stage of ``reconstruct`` over ``pages`` (the walk, which load runs, timed again
    on its own and taken off load)."""
    from threads import dates, listings, prose, remnants
    from threads.embeds import extract_all
    from threads.errors import ThreadsError
    from threads.load import from_bytes, html_paragraphs
    from threads.sequence import sequence

    spent = dict.fromkeys(STAGES, 0.0)

    def clock(stage: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = fn()
        spent[stage] += time.perf_counter() - start
        return result

    for data in pages:
        try:
            src = clock("load (no walk)", lambda data=data: from_bytes(data, location="<bench>"))
        except ThreadsError:
            continue
        day = dates.as_day(src.published)
        posts = []
        if src.page is not None:
            before = spent["paragraph walk"]
            clock("paragraph walk", lambda src=src: tuple(html_paragraphs(src.page)))
            spent["load (no walk)"] -= spent["paragraph walk"] - before
            posts += clock("embeds", lambda src=src: extract_all(src.page))
        posts += clock(
            "remnants, listings",
            lambda src=src, day=day: [
                *remnants.extract(src.paragraphs, article_date=day),
                *listings.extract(src.paragraphs, article_date=day, title=src.title),
            ],
        )
        posts += clock(
            "prose", lambda src=src, day=day: prose.extract(src.paragraphs, article_date=day, title=src.title)
        )
        posts.sort(key=lambda p: p.position)
        clock("sequence", lambda src=src, posts=posts: sequence(src, posts))
    return spent


def _safe(fn: Callable[[bytes], Any], data: bytes) -> Any:
    from threads.errors import ThreadsError

    try:
        return fn(data)
    except ThreadsError:
        return None


if __name__ == "__main__":
    sys.exit(main())
