"""Property at growing sizes: the prose reader's time grows linearly with the input.

Usage:
  python benchmarks/growth.py [--sizes 1000,2000,4000] [--repeats 3]

Each case is a page built from n copies of one pattern that once cost quadratic time (a
paragraph of n "“x,” he tweeted." made each pronoun sort every person seen; each quote was looked
up in a list of the sentence's quotes), read at each size. The figure printed is the time's growth
per doubling of n: about 2 for linear work, about 4 for quadratic. CPU time (``process_time``), the
least of the repeats; a case growing by 3 or more per doubling is flagged and the exit status is 1.
This is a measurement, printed for people; the tests only check that it runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CASES: dict[str, Callable[[int], str]] = {
    "“x,” he tweeted. (one paragraph)": lambda n: (
        "<p>" + " ".join("“x,” he tweeted." for _ in range(n)) + "</p>"
    ),
    "“x,” Ann Lee tweeted. (one sentence)": lambda n: "<p>" + "“x,” Ann Lee tweeted. " * n + "</p>",
    "n people, each tweeting": lambda n: (
        "<p>" + " ".join(f"Senator Ann Reyes{i} tweeted: “x{i}.”" for i in range(n)) + "</p>"
    ),
    "“x,” the senator tweeted (descriptions)": lambda n: (
        "<p>"
        + " ".join(f"Senator Ann Reyes{i} met Tom Ortiz{i}. “x{i},” the senator tweeted." for i in range(n))
        + "</p>"
    ),
    "she tweeted, n paragraphs": lambda n: "".join(
        f"<p>Mayor Ann Reyes{i} spoke. “We won,” she tweeted.</p>" for i in range(n)
    ),
    "“x,” one fan wrote on X (anonymous)": lambda n: (
        "<p>" + " ".join("“x,” one fan wrote on X." for _ in range(n)) + "</p>"
    ),
}
QUADRATIC = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,2000,4000", help="n for each read, comma-separated")
    parser.add_argument("--repeats", type=int, default=3, help="reads of each size; the least time is kept")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    sys.path.insert(0, str(REPO))
    import threads

    threads.reconstruct(CASES[next(iter(CASES))](10))  # warm-up: imports, compiled patterns
    flagged = 0
    print(f"sizes {sizes}; least of {args.repeats} reads, CPU time")
    for name, make in CASES.items():
        times = []
        for n in sizes:
            page = make(n)
            best = float("inf")
            for _ in range(args.repeats):
                start = time.process_time()
                threads.reconstruct(page)
                best = min(best, time.process_time() - start)
            times.append(best)
        growth = [b / a if a > 0 else 0.0 for a, b in pairwise(times)]
        worst = max(growth, default=0.0)
        mark = "" if worst < QUADRATIC else "   <- grows faster than linear"
        flagged += worst >= QUADRATIC
        cells = "  ".join(f"{t:6.2f}s" for t in times)
        per = ", ".join(f"x{g:.1f}" for g in growth)
        print(f"  {name:<42} {cells}   per doubling: {per}{mark}")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
