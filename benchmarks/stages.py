"""Benchmark: where `reconstruct` spends its time, stage by stage, as ratios of the lxml parse.

Usage:
  python benchmarks/stages.py [CORPUS_DIR] [--repeats N]

CORPUS_DIR defaults to ../shared/corpus/html (beside the repository) when present, else fixtures/.
Every *.html, *.htm and *.xhtml file under it (recursively) is one page.

Each round loads every page afresh and times, page by page, the stages `reconstruct` runs:
  load/parse   decode the bytes, parse them, read title, date and canonical URL (paragraphs excluded)
  paragraphs   the walk that cuts the page's running prose into paragraphs
  embeds       the structured embeds (threads.embeds.extract_all)
  prose        quotes in running prose (threads.prose)
  remnants     flattened embeds and wire listings in the paragraphs (threads.remnants, threads.listings)
  sequence     authors resolved, duplicates merged, threads ordered
  render       Markdown and HTML views
Each stage is printed as seconds and as a ratio of `lxml.html.document_fromstring` on the same
decoded pages (the parse floor); the figures are the medians over the rounds. --cpu measures the
process's CPU time instead of the wall clock (steadier on a machine that other work shares).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPORA = (REPO.parent / "shared" / "corpus" / "html", REPO / "fixtures")
SUFFIXES = {".html", ".htm", ".xhtml"}
STAGES = ("load/parse", "paragraphs", "embeds", "prose", "remnants", "sequence", "render")


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


TIMER: Callable[[], float] = time.perf_counter


class Clock:
    """Seconds spent per stage, summed over the pages of one round."""

    def __init__(self) -> None:
        self.spent = dict.fromkeys(STAGES, 0.0)

    def run(self, stage: str, fn: Callable[[], Any]) -> Any:
        start = TIMER()
        result = fn()
        self.spent[stage] += TIMER() - start
        return result


def one_round(pages: list[bytes]) -> dict[str, float]:
    from threads import dates, listings, prose, remnants
    from threads.embeds import extract_all
    from threads.load import from_bytes, html_paragraphs
    from threads.render import render
    from threads.sequence import sequence

    clock = Clock()
    for data in pages:
        src = clock.run("load/parse", lambda data=data: from_bytes(data, location="<bench>"))
        if src.page is None:
            continue
        # load() walks the paragraphs too: the walk is timed again on its own and taken off load
        before = clock.spent["paragraphs"]
        clock.run("paragraphs", lambda src=src: tuple(html_paragraphs(src.page)))
        clock.spent["load/parse"] -= clock.spent["paragraphs"] - before
        day = dates.as_day(src.published)
        posts = list(clock.run("embeds", lambda src=src: extract_all(src.page)))
        posts += clock.run(
            "remnants",
            lambda src=src, day=day: [
                *remnants.extract(src.paragraphs, article_date=day),
                *listings.extract(src.paragraphs, article_date=day, title=src.title),
            ],
        )
        posts += clock.run(
            "prose",
            lambda src=src, day=day: prose.extract(src.paragraphs, article_date=day, title=src.title),
        )
        posts.sort(key=lambda p: p.position)
        rec = clock.run("sequence", lambda src=src, posts=posts: sequence(src, posts))
        clock.run("render", lambda rec=rec: (render(rec, "md"), render(rec, "html")))
    return clock.spent


def floor_round(texts: list[str]) -> float:
    start = TIMER()
    for text in texts:
        lxml_html.document_fromstring(text)
    return TIMER() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="folder of pages (default: see above)")
    parser.add_argument("--repeats", type=int, default=3, help="rounds; the median is kept")
    parser.add_argument("--cpu", action="store_true", help="time CPU use, not the wall clock")
    args = parser.parse_args(argv)
    global TIMER
    TIMER = time.process_time if args.cpu else time.perf_counter

    folder = args.corpus or next((c for c in DEFAULT_CORPORA if c.is_dir()), DEFAULT_CORPORA[-1])
    files = corpus_files(folder)
    if not files:
        print(f"stages: no pages under {folder}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    from threads.errors import ThreadsError
    from threads.load import _XML_DECL, decode

    pages: list[bytes] = []
    texts: list[str] = []
    for path in files:
        data = path.read_bytes()
        try:
            text, _ = decode(data, location=str(path))
        except ThreadsError:
            continue  # not a page threads reads: left out of both sides
        pages.append(data)
        texts.append(_XML_DECL.sub("", text, count=1))
    megabytes = sum(len(d) for d in pages) / 1e6
    clock = "CPU time" if args.cpu else "wall clock"
    print(
        f"corpus: {folder} — {len(pages)} pages, {megabytes:.1f} MB; {clock}, median of {args.repeats} rounds"
    )

    one_round(pages)  # warm-up: imports, compiled patterns, template caches
    floor_round(texts)
    floors: list[float] = []
    rounds: list[dict[str, float]] = []
    for _ in range(args.repeats):  # the two take turns, so a drifting machine slows both alike
        floors.append(floor_round(texts))
        rounds.append(one_round(pages))
    floor = statistics.median(floors)
    print(f"  {'lxml parse':<12} {floor:8.3f} s   1.00x  (the floor)")
    total = 0.0
    for stage in STAGES:
        spent = statistics.median(r[stage] for r in rounds)
        ratio = statistics.median(r[stage] / f for r, f in zip(rounds, floors, strict=True))
        total += spent
        print(f"  {stage:<12} {spent:8.3f} s  {ratio:5.2f}x")
    print(f"  {'all stages':<12} {total:8.3f} s  {total / floor:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
