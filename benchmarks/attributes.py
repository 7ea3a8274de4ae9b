"""Benchmark: elements with thousands of attributes, and what capping them before the parse costs.

Usage:
  python benchmarks/attributes.py [CORPUS_DIR] [--sizes 6000,12000,24000,48000] [--repeats N]

libxml2 compares each attribute of an element with every one before it, so the parse of one
element grows with the square of its attributes, inside one C call that no time limit can stop.
``threads.load.parse_html`` keeps the first ``MAX_ATTRIBUTES`` of each element
(:func:`threads.load.cap_attributes`, one regular-expression pass over the markup). Printed:

  flood      for each size N, one element with N distinct attributes: lxml's parse alone, then
             parse_html (cap and parse), and each time's ratio to the previous size (4x for
             each doubling is quadratic, 2x linear)
  corpus     over every page of CORPUS_DIR (default ../shared/corpus/html, else fixtures/):
             lxml's parse, the cap's scan alone, and the scan as a share of the parse
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import html as lxml_html

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from threads.load import MAX_ATTRIBUTES, cap_attributes, parse_html  # noqa: E402

DEFAULT_CORPORA = (REPO.parent / "shared" / "corpus" / "html", REPO / "fixtures")


def best(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def flood(n: int) -> str:
    return "<html><body><p " + " ".join(f"data-a{i}" for i in range(n)) + ">x</p></body></html>"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="folder of pages (default: see above)")
    parser.add_argument("--sizes", default="6000,12000,24000,48000", help="attributes on the one element")
    parser.add_argument("--repeats", type=int, default=3, help="runs per measure; the best is kept")
    args = parser.parse_args(argv)
    logging.getLogger("threads").setLevel(logging.ERROR)  # the cap's warning, once per flood

    print(f"flood: one element with N attributes (MAX_ATTRIBUTES = {MAX_ATTRIBUTES}); best of {args.repeats}")
    previous: tuple[float, float] | None = None
    for n in (int(s) for s in args.sizes.split(",")):
        page = flood(n)
        raw = best(lambda page=page: lxml_html.document_fromstring(page), args.repeats)
        ours = best(lambda page=page: parse_html(page), args.repeats)
        growth = f"   x{raw / previous[0]:.1f} / x{ours / previous[1]:.1f}" if previous else ""
        print(f"  N={n:>6}: lxml parse {raw:8.3f} s   parse_html {ours:8.4f} s{growth}")
        previous = (raw, ours)

    corpus = args.corpus or next((p for p in DEFAULT_CORPORA if p.is_dir()), REPO / "fixtures")
    files = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in {".html", ".htm", ".xhtml"})
    texts = [p.read_bytes().decode("utf-8", "replace") for p in files]
    megabytes = sum(map(len, texts)) / 1e6
    parses, scans = [], []
    for _ in range(args.repeats):  # taking turns: this machine's speed drifts
        start = time.perf_counter()
        for text in texts:
            with contextlib.suppress(Exception):  # an empty page: lxml refuses it; the time counts
                lxml_html.document_fromstring(text)
        parses.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            cap_attributes(text)
        scans.append(time.perf_counter() - start)
    parse, scan = statistics.median(parses), statistics.median(scans)
    print(f"corpus: {len(texts)} pages, {megabytes:.1f} M characters, in {corpus}; medians of {args.repeats}")
    print(f"  lxml parse {parse:.3f} s   cap scan {scan:.3f} s   scan/parse {scan / parse:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
