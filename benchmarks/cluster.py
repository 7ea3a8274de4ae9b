"""Benchmark: web archives through the command line on Dask, against the local pool.

Usage:
  python benchmarks/cluster.py [--archives A] [--pages P] [--repeats R] [--wait-idle S] [--keep DIR]

It writes A web archives (default 20) of P generated article pages each (default 500; the pages of
benchmarks/batch.py, about 8 KB each, every one different), each page a gzip-compressed response
record beside a request record, as crawlers write them. Then, each as a subprocess of the installed
command line, ``threads render DIR --format jsonl --quiet`` to /dev/null:

  dask-2   --scheduler local --jobs 2   a LocalCluster of two worker processes
  dask-1   --scheduler local --jobs 1   one worker process
  jobs-2   --jobs 2                     the local pool of two processes

taking turns, --repeats rounds; wall and CPU times per run, then the best run of each (the least
disturbed: the machine is shared) and the ratios: dask-2 over dask-1 (target: at least 1.7x) and
dask-2 against jobs-2 (target: within 15%). Each run includes starting its workers (and for Dask,
the cluster), as a user's run does. The load average is printed with every run.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from batch import article, busy_fraction, command, load  # benchmarks/batch.py: the same pages

TARGET_SPEEDUP = 1.7
TARGET_AGAINST_LOCAL = 0.15


def record(kind: str, url: str, payload: bytes, date: str) -> bytes:
    """One WARC record, gzip-compressed on its own (a member per record: the archive splits)."""
    headers = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: {date}\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype={kind}\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode("ascii")
    return gzip.compress(headers + payload + b"\r\n\r\n", compresslevel=6)


def write_archive(path: Path, first: int, pages: int) -> int:
    with path.open("wb") as fh:
        for i in range(first, first + pages):
            url = f"https://news.example.org/2024/03/story-{i}"
            date = f"2024-03-{1 + i % 28:02d}T10:00:00Z"
            fh.write(record("request", url, b"GET / HTTP/1.1\r\nHost: news.example.org\r\n\r\n", date))
            body = article(i).encode("utf-8")
            http = (
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode("ascii")
            fh.write(record("response", url, http + body, date))
        return fh.tell()


def timed(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (this process's children: the command, its workers, its cluster)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def wait_until_idle(limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        busy = busy_fraction()
        if busy < 0.10:
            return
        print(f"  (waiting: {busy:.0%} of the CPUs busy with other work)", flush=True)
    print("  (gave up waiting for an idle machine)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--archives", type=int, default=20, help="web archives to write (default 20)")
    parser.add_argument("--pages", type=int, default=500, help="pages in each (default 500)")
    parser.add_argument("--repeats", type=int, default=2, help="rounds of the three runs (default 2)")
    parser.add_argument(
        "--wait-idle", type=float, default=0, metavar="S", help="wait up to S s for idle CPUs"
    )
    parser.add_argument("--keep", type=Path, help="write the archives here and keep them")
    args = parser.parse_args()
    if args.repeats < 1 or args.archives < 1 or args.pages < 1:
        parser.error("--repeats, --archives and --pages take 1 or more")

    print(f"{os.cpu_count()} CPUs, {load()}, Python {sys.version.split()[0]}")
    tmp = None
    if args.keep:
        folder = args.keep
        folder.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="threads-cluster-")
        folder = Path(tmp.name)
    try:
        start = time.perf_counter()
        size = sum(
            write_archive(folder / f"crawl-{a:02d}.warc.gz", a * args.pages, args.pages)
            for a in range(args.archives)
        )
        pages = args.archives * args.pages
        took = time.perf_counter() - start
        print(f"wrote {args.archives} archives of {args.pages} pages ({size / 1e6:.1f} MB) in {took:.1f} s")
        base = [*command(), "render", str(folder), "--format", "jsonl", "--quiet"]
        runs = {
            "dask-2": [*base, "--scheduler", "local", "--jobs", "2"],
            "dask-1": [*base, "--scheduler", "local", "--jobs", "1"],
            "jobs-2": [*base, "--jobs", "2"],
        }
        print(f"runs: {' '.join(base[-5:])} ... to /dev/null, {args.repeats} round(s), taking turns")
        walls: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeats):
            for name, argv in runs.items():
                if args.wait_idle:
                    wait_until_idle(args.wait_idle)
                before = load()
                wall, cpu = timed(argv)
                walls[name].append(wall)
                print(
                    f"  {name}: {wall:7.2f} s wall, {cpu:7.2f} s CPU, {pages / wall:6.0f} pages/s"
                    f"   ({before}; after: {load()})",
                    flush=True,
                )
        best = {name: min(times) for name, times in walls.items()}
        median = {name: statistics.median(times) for name, times in walls.items()}
        speedup = best["dask-1"] / best["dask-2"]
        against = best["dask-2"] / best["jobs-2"] - 1
        verdict = "meets" if speedup >= TARGET_SPEEDUP else "below"
        print(
            f"  dask, 2 workers / 1 (best runs): {speedup:.2f}x ({verdict} the {TARGET_SPEEDUP}x target); "
            f"medians {median['dask-1'] / median['dask-2']:.2f}x"
        )
        verdict = "within" if against <= TARGET_AGAINST_LOCAL else "outside"
        print(
            f"  dask-2 against jobs-2 (best runs): {against:+.1%} wall ({verdict} the "
            f"{TARGET_AGAINST_LOCAL:.0%} target); medians {median['dask-2'] / median['jobs-2'] - 1:+.1%}"
        )
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
