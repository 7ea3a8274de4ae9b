"""Benchmark: a batch of many pages through the command line, memory over time and 1 vs 2 workers.

Usage:
  python benchmarks/batch.py [--pages N] [--timing-pages M] [--jobs J] [--keep DIR]

It writes N synthetic article pages (default 10,000: a headline, a byline, running prose with
quoted tweets, two tweet blockquotes, navigation and a footer; about 8 KB each, every page
different) into a temporary folder, then, each as a subprocess of the installed command line:

memory   `threads render DIR --format jsonl --jobs J` (J default 2), its stdout read here line by
         line; the RSS of the process and all its children (/proc/PID/status, VmRSS summed over
         the tree) is sampled every 50 ms and at every 1,000 inputs done. It prints the samples,
         the peak, and the ratio of the peak over the whole batch to the peak over its first 10%:
         about 1 when memory is steady, growing with N when something is held per input.
workers  the same command over the first M pages (default: all N) with --jobs 1 and --jobs 2, to
         /dev/null, --repeats times each, alternating; wall and CPU times, and the speed-up of
         the best runs (target: at least 1.8 on two cores).

The load average (os.getloadavg) is printed before and after each run: on a shared machine
other work skews both figures. --wait-idle S waits (up to S seconds) before each timed run until
under 10% of the CPUs are busy; a run can still be disturbed once started, hence --repeats.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE_EVERY = 1000
TARGET_SPEEDUP = 1.8

FIRST = "Ana Ben Carla Dev Elif Femi Grace Hugo Ines Jon Kemal Lena Mateo Nadia Omar Priya".split()
LAST = "Reyes Okafor Lindqvist Moreau Haddad Tanaka Kowalski Ibarra Novak Mensah Castillo Weber".split()
ROLES = ["Mayor", "Police Chief", "Senator", "Councillor", "Spokeswoman", "Fire Chief", "Professor"]
TOPICS = ["bridge", "school", "storm", "budget", "hospital", "harbour", "railway", "library", "park"]
WORDS = (
    "the city council said on Tuesday that work would resume after weeks of delay while residents "
    "waited for answers about funding and the timetable for the repairs that engineers had proposed "
    "last spring according to documents seen by reporters and officials who asked not to be named"
).split()
VERBS = ["tweeted", "wrote on Twitter", "said in a tweet", "posted on X", "wrote on Facebook"]


def sentence(rnd: random.Random, n: int) -> str:
    words = [rnd.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def article(i: int) -> str:
    """One synthetic news page: every name, number and sentence drawn from a generator seeded by i."""
    rnd = random.Random(i)
    people = [(rnd.choice(FIRST), rnd.choice(LAST), rnd.choice(ROLES)) for _ in range(3)]
    topic = rnd.choice(TOPICS)
    day = 1 + i % 28
    nav = "".join(f'<li><a href="/section/{t}">{t.title()}</a></li>' for t in TOPICS)
    paras = []
    for k, (first, last, role) in enumerate(people):
        paras.append(f"<p>{sentence(rnd, 25)} {sentence(rnd, 18)}</p>")
        quote = f"{sentence(rnd, 12)[:-1]} the {topic} by {rnd.choice(['spring', 'June', 'the weekend'])}"
        verb = rnd.choice(VERBS)
        if k == 0:
            paras.append(f"<p>“{quote},” {role} {first} {last} {verb} on Tuesday.</p>")
        else:
            paras.append(f"<p>“{quote},” {last} {verb}.</p>")
    tweets = []
    for k in range(2):
        first, last, _ = people[k]
        handle = f"{first}{last}{i % 97}".lower()
        status = 1_200_000_000_000_000_000 + i * 1000 + k
        tweets.append(
            '<blockquote class="twitter-tweet" data-lang="en">'
            f'<p lang="en" dir="ltr">{sentence(rnd, 14)} <a href="https://t.co/x{i}{k}">#{topic}</a></p>'
            f"&mdash; {first} {last} (@{handle}) "
            f'<a href="https://twitter.com/{handle}/status/{status}">March {day}, 2024</a></blockquote>'
        )
    body = [*paras[:2], tweets[0], *paras[2:4], tweets[1], *paras[4:]]
    body += [f"<p>{sentence(rnd, 30)} {sentence(rnd, 20)}</p>" for _ in range(6)]
    related = "".join(
        f'<li><a href="/2024/03/{rnd.choice(TOPICS)}-{rnd.randrange(10**5)}">{sentence(rnd, 8)}</a></li>'
        for _ in range(8)
    )
    body.append(f'<aside class="related"><h2>Related</h2><ul>{related}</ul></aside>')
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{topic.title()} work to resume, officials say ({i})</title>"
        f'<link rel="canonical" href="https://news.example.org/2024/03/{topic}-{i}">'
        f'<meta property="article:published_time" content="2024-03-{day:02d}T08:00:00Z">'
        "<style>body{font-family:serif;max-width:40em;margin:auto}</style></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{topic.title()} work to resume</h1>"
        f'<p class="byline">By {people[2][0]} {people[2][1]} · March {day}, 2024</p>'
        + "".join(body)
        + '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
        "</article></main><footer><p>© 2024 Example News</p>"
        f"<ul>{nav}</ul></footer></body></html>\n"
    )


def write_pages(folder: Path, n: int) -> int:
    """N pages in folders of 1,000 (as a crawl would leave them); returns the bytes written."""
    total = 0
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = article(i).encode("utf-8")
        (sub / f"page-{i:05d}.html").write_bytes(data)
        total += len(data)
    return total


# ---------------------------------------------------------------- memory of a process tree


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the thread or process is gone
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def tree_rss_kib(pid: int) -> int:
    """VmRSS of ``pid`` and all its descendants, in KiB (0 for processes that are gone)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
        todo += children(p)
    return total


class Sampler:
    """Samples the tree's RSS every ``interval`` seconds in a thread; keeps the running peak."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, tree_rss_kib(self.pid))
            time.sleep(self.interval)

    def sample(self) -> int:
        now = tree_rss_kib(self.pid)
        self.peak = max(self.peak, now)
        return now

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


def busy_fraction(seconds: float = 2.0) -> float:
    """The share of all CPUs busy over ``seconds`` (/proc/stat)."""

    def ticks() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle and iowait
        return idle, sum(fields)

    idle0, total0 = ticks()
    time.sleep(seconds)
    idle1, total1 = ticks()
    return 1 - (idle1 - idle0) / max(total1 - total0, 1)


def wait_until_idle(limit: float) -> None:
    """Wait (at most ``limit`` seconds) until under 10% of the CPUs are busy with other work."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        busy = busy_fraction()
        if busy < 0.10:
            return
        print(f"  (waiting: {busy:.0%} of the CPUs busy with other work)", flush=True)
    print("  (gave up waiting for an idle machine)")


def command() -> list[str]:
    exe = shutil.which("threads", path=str(Path(sys.executable).parent)) or shutil.which("threads")
    return [exe] if exe else [sys.executable, "-m", "threads"]


def measure_memory(folder: Path, n: int, jobs: int) -> tuple[float, int, int]:
    """Run the batch, sampling RSS; returns (seconds, peak KiB over the first 10%, peak KiB overall)."""
    args = [*command(), "render", str(folder), "--format", "jsonl", "--jobs", str(jobs), "--quiet"]
    print(f"memory: {' '.join(args[-6:])} over {n:,} pages ({load()})")
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid)
    done = posts = failed = 0
    peak_at_10 = 0
    tenth = max(1, n // 10)
    assert proc.stdout is not None
    for line in proc.stdout:
        done += 1
        posts += line.count(b'"evidence": [')  # one per post (and per quoted post)
        failed += b'"error": null' not in line[:2000]
        if done == tenth:
            sampler.sample()
            peak_at_10 = sampler.peak
        if done % SAMPLE_EVERY == 0:
            rss = sampler.sample()
            peak = sampler.peak / 1024
            print(f"  {done:>7,} inputs  RSS {rss / 1024:7.1f} MiB  (peak so far {peak:.1f} MiB)")
    proc.wait()
    sampler.close()
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0 or failed:
        print(f"  exit status {proc.returncode}, {failed} failed inputs\n{stderr[-2000:]}")
    print(f"  {done:,} inputs in {seconds:.1f} s ({done / seconds:.0f} pages/s), {posts:,} post records")
    return seconds, peak_at_10, sampler.peak


def time_jobs(folder: Path, jobs: int) -> float:
    """Wall time of one run; the CPU time it used (process and workers) is printed beside it,
    which other load on the machine does not change much."""
    args = [*command(), "render", str(folder), "--format", "jsonl", "--jobs", str(jobs), "--quiet"]
    before = load()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    print(f"  --jobs {jobs}: {seconds:7.2f} s wall, {cpu:7.2f} s CPU   ({before}; after: {load()})")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=10_000, help="pages to generate (default 10,000)")
    parser.add_argument("--timing-pages", type=int, help="pages for the 1 vs 2 workers timing (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the memory run (default 2)")
    parser.add_argument("--repeats", type=int, default=1, help="timed runs of each (the best is kept)")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0,
        metavar="S",
        help="before each timed run, wait up to S s for idle CPUs",
    )
    parser.add_argument("--keep", type=Path, help="write the pages here and keep them (default: a temp dir)")
    parser.add_argument("--no-memory", action="store_true", help="only time 1 vs 2 workers")
    parser.add_argument("--no-timing", action="store_true", help="only the memory run")
    args = parser.parse_args()

    print(f"{os.cpu_count()} CPUs, {load()}, Python {sys.version.split()[0]}")
    tmp = None
    if args.keep:
        folder = args.keep
        folder.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="threads-batch-")
        folder = Path(tmp.name) / "pages"
    try:
        start = time.perf_counter()
        size = write_pages(folder, args.pages)
        took = time.perf_counter() - start
        print(f"wrote {args.pages:,} pages, {size / 1e6:.1f} MB, in {took:.1f} s to {folder}")
        if not args.no_memory:
            _, at_10, peak = measure_memory(folder, args.pages, args.jobs)
            ratio = peak / at_10 if at_10 else float("nan")
            verdict = "steady" if ratio <= 1.2 else "GROWING"
            print(
                f"  peak RSS (process and workers): {at_10 / 1024:.1f} MiB over the first 10%, "
                f"{peak / 1024:.1f} MiB over all; ratio {ratio:.2f} ({verdict})"
            )
        if not args.no_timing:
            timing = folder
            m = args.timing_pages
            if m and m < args.pages:
                timing = folder.parent / "timing"
                for i in range(m):
                    src = folder / f"{i // 1000:03d}" / f"page-{i:05d}.html"
                    dst = timing / src.relative_to(folder)
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, dst)
            pages = min(m or args.pages, args.pages)
            print(
                f"workers: {pages:,} pages, --format jsonl to /dev/null, "
                f"{args.repeats} run(s) each, alternating"
            )
            ones, twos = [], []
            for _ in range(args.repeats):
                for jobs, times in ((1, ones), (2, twos)):
                    if args.wait_idle:
                        wait_until_idle(args.wait_idle)
                    times.append(time_jobs(timing, jobs))
            one, two = min(ones), min(twos)  # the least disturbed run of each
            verdict = "meets" if one / two >= TARGET_SPEEDUP else "below"
            print(
                f"  speed-up 2 workers / 1 (best runs): {one / two:.2f}x "
                f"({verdict} the {TARGET_SPEEDUP}x target); "
                f"{pages / one:.0f} vs {pages / two:.0f} pages/s"
            )
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
