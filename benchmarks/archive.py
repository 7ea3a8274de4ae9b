"""Benchmark: the archive. Adding pages against rendering them, search and author over a million
posts, and the database's size against the same posts as JSON Lines.

Usage:
  python benchmarks/archive.py [--pages N] [--posts M] [--repeats R] [--jobs J] [--keep DIR [--reuse]]
                               [--stages S]

add       N generated pages (default 10,000; each with two tweet embeds and three quotes in its
          prose, one page in five also quoting part of an earlier page's tweet, which the archive
          links), run through the installed command line, alternating, R times each (default 2):
          `threads render DIR --format jsonl -j J -q > FILE` and `threads archive add DIR -j J -q`
          into a new database. Prints wall and CPU time (process and workers) of each run, the
          ratio add / render of each round and of the best runs (target: at most 1.3), and the
          database's size against the JSON Lines render wrote for the same pages.
stages    S generated pages (default: none), each stage of render and of add timed apart in one
          process (CPU per 1,000 pages): reading and finding (both), the JSON line (render),
          prepare, the pickling a worker's record goes through, and the writer's apply, with the
          statements it runs (each timed by itself, which adds some cost of its own).
million   M posts (default 1,000,000) put into a new archive through the library in bulk:
          `Archive.add` of generated reconstructions, ten posts per source (one transaction per
          source, as `archive add` does: every post goes through the same identity and linking
          work), six in ten tweets with IDs and four in ten prose quotes; the same records are
          written as the JSON Lines `render --format jsonl` writes. Then, over that archive:
          - search: queries of rare, middling and common words, two words, a phrase, a prefix and
            an author filter, each timed through the library (`threads.archive.query.search`, 20
            results with snippets), median and 90th percentile in ms (target: median < 50 ms);
            and the median wall time of the command line for the same (with Python's start-up);
          - author: the threads of 20 authors drawn at random from the archive's, across every
            article, library (`author_ids` + `author_reconstruction` + the Markdown view) and
            command line (target: median < 100 ms); apart, the three authors with the most posts
            (two in three generated posts go to a few prolific accounts, a Pareto draw);
          - size: the database (after a checkpoint) against the JSON Lines (target: under 2x).

Text is drawn from a Zipf-distributed vocabulary of 30,000 invented words whose length grows
with their rarity, as in natural language (the archive asks its full-text index for a quote's
longest words first). The load average is printed with each figure: other work on a shared
machine skews them.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from batch import command, load  # benchmarks/batch.py: the installed command line, the load average

TARGET_ADD = 1.3
TARGET_SEARCH_MS = 50
TARGET_AUTHOR_MS = 100
TARGET_SIZE = 2.0
VOCABULARY = 30_000

_SYLLABLES = "ka ri to mel an su ve lo dra ne pi ur os ta ko mi se fa lu bre gan dor vi el".split()


def vocabulary(rnd: random.Random) -> list[str]:
    """Invented words, the frequent ones short (rank 0 is the most frequent)."""
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < VOCABULARY:
        rank = len(words)
        n = 1 + min(4, int(rank**0.22))  # 1 syllable for the top few, up to 5 for the rarest
        w = "".join(rnd.choice(_SYLLABLES) for _ in range(n))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


class Text:
    """Sentences of words drawn by Zipf's law from :func:`vocabulary`."""

    def __init__(self, seed: int = 7) -> None:
        self.rnd = random.Random(seed)
        self.words = vocabulary(self.rnd)
        self.cum = list(itertools.accumulate(1 / (r + 1) for r in range(VOCABULARY)))

    def sentence(self, rnd: random.Random, n: int) -> str:
        return " ".join(rnd.choices(self.words, cum_weights=self.cum, k=n))


FIRST = "Ana Ben Carla Dev Elif Femi Grace Hugo Ines Jon Kemal Lena Mateo Nadia Omar Priya".split()
LAST = "Reyes Okafor Lindqvist Moreau Haddad Tanaka Kowalski Ibarra Novak Mensah Castillo Weber".split()
VERBS = ["tweeted", "wrote on Twitter", "said in a tweet", "posted on X"]


def tweet(text: Text, i: int, k: int) -> tuple[str, str, str, str]:
    """(name, handle, status ID, text) of the k-th tweet page i embeds."""
    rnd = random.Random(i * 10 + k)
    first, last = FIRST[(i * 7 + k) % len(FIRST)], LAST[(i * 5 + k * 3) % len(LAST)]
    handle = f"{first}{last}{(i + k) % 53}".lower()
    status = str(1_500_000_000_000_000_000 + i * 10 + k)
    return f"{first} {last}", handle, status, text.sentence(rnd, rnd.randint(10, 30)).capitalize() + "."


def page(text: Text, i: int) -> str:
    """One generated article: two tweet embeds, three prose quotes; every fifth page also quotes
    part of the first tweet of page i - 3 (the archive links it to that tweet)."""
    rnd = random.Random(i)
    paras = [f"<p>{text.sentence(rnd, 30).capitalize()}.</p>"]
    for _ in range(3):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        quote = text.sentence(rnd, rnd.randint(8, 20)).capitalize()
        paras.append(f"<p>“{quote},” Councillor {first} {last} {rnd.choice(VERBS)} on Tuesday.</p>")
        paras.append(f"<p>{text.sentence(rnd, 25).capitalize()}.</p>")
    for k in range(2):
        name, handle, status, words = tweet(text, i, k)
        paras.insert(
            2 + 2 * k,
            '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">'
            f"{words}</p>&mdash; {name} (@{handle}) "
            f'<a href="https://twitter.com/{handle}/status/{status}">March 4, 2024</a></blockquote>',
        )
    if i % 5 == 0 and i >= 3:
        name, _, _, words = tweet(text, i - 3, 0)
        part = " ".join(words.rstrip(".").split()[2:9])
        paras.append(f"<p>“{part},” {name} tweeted last week.</p>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>Story {i}</title><link rel='canonical' href='https://news.example.org/story/{i}'>"
        f"<meta property='article:published_time' content='2024-03-{1 + i % 28:02d}T08:00:00Z'>"
        f"</head><body><article><h1>Story {i}</h1>{''.join(paras)}</article></body></html>\n"
    )


def write_pages(folder: Path, n: int) -> int:
    text = Text()
    total = 0
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = page(text, i).encode("utf-8")
        (sub / f"page-{i:05d}.html").write_bytes(data)
        total += len(data)
    return total


def db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def timed(args: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """(wall, CPU of the process and its workers) of one run of the command line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(stdout or os.devnull, "wb") as out:
        subprocess.run(args, stdout=out, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_add(folder: Path, work: Path, n: int, jobs: int, repeats: int) -> None:
    print(f"add: {n:,} pages, -j {jobs}, {repeats} run(s) of each, alternating")
    renders: list[tuple[float, float]] = []
    adds: list[tuple[float, float]] = []
    jsonl = work / "render.jsonl"
    db = work / "add.db"
    for _ in range(repeats):
        wall, cpu = timed(
            [*command(), "render", str(folder), "--format", "jsonl", "-j", str(jobs), "-q"], jsonl
        )
        renders.append((wall, cpu))
        print(f"  render --format jsonl: {wall:7.2f} s wall {cpu:7.2f} s CPU   ({load()})", flush=True)
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            p.unlink(missing_ok=True)
        wall, cpu = timed([*command(), "archive", "add", str(folder), "--db", str(db), "-j", str(jobs), "-q"])
        adds.append((wall, cpu))
        print(f"  archive add:           {wall:7.2f} s wall {cpu:7.2f} s CPU   ({load()})", flush=True)
        (r_wall, r_cpu), (a_wall, a_cpu) = renders[-1], adds[-1]
        print(f"  round {len(adds)}: add / render {a_wall / r_wall:.2f}x wall, {a_cpu / r_cpu:.2f}x CPU")
    best_r, best_a = min(renders), min(adds)
    ratio = best_a[0] / best_r[0]
    cpu_ratio = min(c for _, c in adds) / min(c for _, c in renders)
    verdict = "meets" if ratio <= TARGET_ADD else "misses"
    print(
        f"  add / render, best runs: {ratio:.2f}x wall ({verdict} the {TARGET_ADD}x target), "
        f"{cpu_ratio:.2f}x CPU; {n / best_a[0]:.0f} vs {n / best_r[0]:.0f} pages/s"
    )
    stats = json.loads(
        subprocess.run(
            [*command(), "archive", "stats", "--format", "json", "--db", str(db)],
            capture_output=True,
            check=True,
        ).stdout
    )
    size = db_bytes(db)
    print(
        f"  archive: {stats['posts']:,} posts, {stats['sightings']:,} sightings,"
        f" {stats['posts_quoted_by_several_sources']:,} quoted by two articles; {size / 1e6:.1f} MB,"
        f" {size / jsonl.stat().st_size:.2f}x the {jsonl.stat().st_size / 1e6:.1f} MB of JSON Lines"
    )


def bench_stages(folder: Path, work: Path, n: int) -> None:
    """Where adding spends its time beyond rendering: each stage of both over the same pages, in
    this one process (as ``-j 1``), CPU seconds per 1,000 pages; the writer's statements apart."""
    import hashlib
    import pickle
    from collections import defaultdict

    from threads.archive import Archive
    from threads.archive.prepare import prepare
    from threads.batch import expand, json_line, read_item, reconstruct_bytes
    from threads.model import Options

    options, cpu = Options(), time.process_time
    took: dict[str, float] = defaultdict(float)
    pages = []
    for item in expand([str(folder)], read_stdin=False):
        start = cpu()
        data, url, kind = read_item(item, options)
        rec = reconstruct_bytes(item, data, url, kind, options)
        took["both: read the page, find its posts"] += cpu() - start
        pages.append((item, data, rec))
    prepared = []
    for item, data, rec in pages:
        start = cpu()
        json_line(item.location, rec.to_dict())
        took["render: the JSON line"] += cpu() - start
        start = cpu()
        p = prepare(rec, sha256=hashlib.sha256(data).hexdigest(), location=item.location)
        took["add: prepare (digest, identities, rows)"] += cpu() - start
        start = cpu()
        prepared.append(pickle.loads(pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL)))
        took["add: pickle to and from a worker (-j 2)"] += cpu() - start
    statements: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for timed_apart in (False, True):  # the writer alone, then again with its statements timed
        db = work / f"stages-{timed_apart}.db"
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            p.unlink(missing_ok=True)
        with Archive(str(db)) as archive:
            real = archive.db

            if timed_apart:
                archive.db = _Timed(real, statements)  # type: ignore[assignment]
            start = cpu()
            for p in prepared:
                archive.apply(p)
            if not timed_apart:
                took["add: apply (the one writer)"] = cpu() - start
            archive.db = real
    per = 1000 / n
    print(f"stages: {n:,} pages in one process, CPU s per 1,000 pages ({load()})")
    render = took["both: read the page, find its posts"] + took["render: the JSON line"]
    for name, seconds in took.items():
        print(f"  {name:48} {seconds * per:7.3f}")
    add = render - took["render: the JSON line"] + sum(v for k, v in took.items() if k.startswith("add"))
    print(f"  render {render * per:.3f}, add {add * per:.3f}: {add / render:.2f}x")
    print("  the writer's statements (timed one by one, which adds its own cost):")
    for sql, (seconds, count) in sorted(statements.items(), key=lambda kv: -kv[1][0])[:10]:
        print(f"    {seconds * per:7.3f}  {count * per:8,.0f}x  {sql}")


class _Timed:
    """A connection whose statements' CPU time is summed by their first words."""

    def __init__(self, db: sqlite3.Connection, statements: dict[str, list[float]]) -> None:
        self.db = db
        self.statements = statements

    @property
    def in_transaction(self) -> bool:
        return self.db.in_transaction

    def execute(self, sql: str, params: object = ()) -> _Rows:
        start = time.process_time()
        cursor = self.db.execute(sql, params)  # type: ignore[arg-type]
        rows = cursor.fetchall()  # a SELECT's rows are read here, inside the timing
        entry = self.statements[" ".join(sql.split()[:4])[:48]]
        entry[0] += time.process_time() - start
        entry[1] += 1
        return _Rows(rows, cursor.lastrowid)


class _Rows:
    """A statement's rows, read already (what the timed connection hands back)."""

    def __init__(self, rows: list[tuple[object, ...]], lastrowid: int | None) -> None:
        self.rows = rows
        self.lastrowid = lastrowid

    def fetchone(self) -> tuple[object, ...] | None:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[tuple[object, ...]]:
        return self.rows

    def __iter__(self) -> object:
        return iter(self.rows)


def build_million(db: Path, jsonl: Path, m: int) -> None:
    """M posts into a new archive through Archive.add, ten per source."""
    from threads.archive import Archive
    from threads.batch import json_line
    from threads.model import Author, Post, Reconstruction, Source, Thread

    text = Text(seed=11)
    rnd = random.Random(3)
    names = [w.capitalize() for w in text.words[100:5_000]]
    people = [
        Author(name=f"{rnd.choice(names)} {rnd.choice(names)}", handle=f"user{n}", platform="twitter")
        for n in range(50_000)
    ]
    start = time.perf_counter()
    day0 = datetime(2020, 1, 1, tzinfo=UTC)
    status = 1_400_000_000_000_000_000
    with Archive(str(db)) as archive, open(jsonl, "w", encoding="utf-8") as out:
        for s in range(m // 10):
            posts = []
            for k in range(10):
                who = people[
                    min(int(rnd.paretovariate(1.2)) - 1, len(people) - 1)
                    if k % 3
                    else rnd.randrange(len(people))
                ]
                when = day0 + timedelta(minutes=rnd.randrange(3_000_000))
                if rnd.random() < 0.6:
                    status += 1 + rnd.randrange(1000)
                    posts.append(
                        Post(platform="twitter", text=text.sentence(rnd, rnd.randint(8, 40)).capitalize(),
                             author=who, kind="embed", id=str(status),
                             url=f"https://twitter.com/{who.handle}/status/{status}", published=when,
                             position=k, evidence=("markup blockquote.twitter-tweet",))
                    )  # fmt: skip
                else:
                    posts.append(
                        Post(platform="twitter", text=text.sentence(rnd, rnd.randint(6, 25)).capitalize(),
                             author=Author(name=who.name), kind="quote", published=when.date(), position=k,
                             evidence=("verb 'tweeted'",), confidence=0.8)
                    )  # fmt: skip
            src = Source(location=f"story-{s}.html", kind="html", text="", url=f"https://news.example.org/{s}",
                         title=f"Story {s}", published=(day0 + timedelta(days=s % 2000)).date())  # fmt: skip
            rec = Reconstruction(src, tuple(Thread(p.author, p.platform, (p,)) for p in posts))
            archive.add(rec, sha256=f"{s:064x}")
            out.write(json_line(src.location, rec.to_dict()))
            if (s + 1) % 10_000 == 0:
                took = time.perf_counter() - start
                print(
                    f"  {10 * (s + 1):>9,} posts in {took:6.0f} s ({10 * (s + 1) / took:,.0f}/s; {load()})",
                    flush=True,
                )
        archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))]


def bench_million(work: Path, m: int, repeats: int, reuse: bool = False) -> None:
    from threads.archive import Archive
    from threads.archive.query import author_ids, author_reconstruction, search
    from threads.render import render

    db = work / "million.db"
    jsonl = work / "million.jsonl"
    if reuse and db.exists() and jsonl.exists():
        print(f"million: the archive in {db} made by an earlier run ({load()})")
    else:
        print(f"million: {m:,} posts through Archive.add, ten per source ({load()})", flush=True)
        start = time.perf_counter()
        build_million(db, jsonl, m)
        print(f"  built in {time.perf_counter() - start:.0f} s")
    text = Text(seed=11)
    w = text.words
    queries = [
        w[20_000], w[5_000], w[500], w[50], w[3],  # rare to common
        f"{w[800]} {w[90]}", f"{w[2_000]} OR {w[3_000]}", f'"{w[1]} {w[2]}"', w[1_000][:4] + "*",
        "author_handle: user7",
    ]  # fmt: skip
    with Archive(str(db), create=False) as archive:
        print(f"search ({load()}): library, 20 results with snippets, {repeats * 10} runs each")
        medians = []
        for q in queries:
            med, p90 = median_ms(lambda q=q: search(archive, q, limit=20), repeats * 10)
            medians.append(med)
            hits = archive.db.execute(
                "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ?", (q,)
            ).fetchone()[0]
            print(f"  {q!r:32} {hits:>8,} matches  median {med:7.2f} ms  p90 {p90:7.2f} ms")
        overall = statistics.median(medians)
        verdict = "meets" if overall < TARGET_SEARCH_MS else "misses"
        print(f"  median of the medians: {overall:.2f} ms ({verdict} the {TARGET_SEARCH_MS} ms target)")
        rnd = random.Random(5)

        def one_author(h: str) -> tuple[float, int]:
            start = time.perf_counter()
            ids = author_ids(archive, h)
            rec = author_reconstruction(archive, ids, title=h)
            render(rec, "md")
            return (time.perf_counter() - start) * 1000, sum(len(t.posts) for t in rec.threads)

        # authors drawn at random from those the archive holds (as a user would look one up), and
        # apart from them the three with the most posts (the build gives a few accounts most posts)
        rows = archive.db.execute("SELECT handle FROM authors WHERE handle IS NOT NULL").fetchall()
        chosen = [h for (h,) in rnd.sample(rows, min(20, len(rows)))]
        print(f"author ({load()}): library, Markdown view, {len(chosen)} random authors x {repeats} runs")
        times, sizes = [], []
        for h in chosen:
            for _ in range(repeats):
                ms, n = one_author(h)
                times.append(ms)
            sizes.append(n)
        med = statistics.median(times)
        verdict = "meets" if med < TARGET_AUTHOR_MS else "misses"
        print(
            f"  median {med:.2f} ms, slowest {max(times):.2f} ms"
            f" ({verdict} the {TARGET_AUTHOR_MS} ms target); {min(sizes)}-{max(sizes)} posts each"
            f" (median {statistics.median(sizes):.0f})"
        )
        top = archive.db.execute(
            "SELECT a.handle, count(*) FROM posts p JOIN authors a ON a.id = p.author"
            " WHERE a.handle IS NOT NULL GROUP BY a.id ORDER BY 2 DESC LIMIT 3"
        ).fetchall()
        for h, _ in top:
            ms, n = one_author(h)
            per = 1000 * ms / max(n, 1)
            print(f"  the prolific @{h}: {n:,} posts in {ms:,.0f} ms ({per:.2f} ms per 1,000 posts)")
    cli = [*command(), "archive"]
    for args in (["search", w[5_000]], ["author", f"@{chosen[0]}"]):
        walls = [timed([*cli, *args, "--db", str(db)])[0] * 1000 for _ in range(max(3, repeats))]
        print(f"command line: threads archive {' '.join(args)}: median {statistics.median(walls):.0f} ms wall"
              " (Python's start-up included)")  # fmt: skip
    size, lines = db_bytes(db), jsonl.stat().st_size
    verdict = "meets" if size / lines < TARGET_SIZE else "misses"
    print(
        f"size: database {size / 1e6:.0f} MB, the same posts as JSON Lines {lines / 1e6:.0f} MB:"
        f" {size / lines:.2f}x ({verdict} the {TARGET_SIZE}x target)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=10_000, help="pages for add vs render (0: skip)")
    parser.add_argument("--posts", type=int, default=1_000_000, help="posts for search and author (0: skip)")
    parser.add_argument(
        "--stages", type=int, default=0, help="pages for the stages of add and render, timed apart (0: skip)"
    )
    parser.add_argument("--repeats", type=int, default=2, help="runs of each timing")
    parser.add_argument("--jobs", type=int, default=2, help="workers for add and render")
    parser.add_argument("--keep", type=Path, help="work here and keep what is made (default: a temp dir)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: time search and author over the archive made before",
    )
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} CPUs, {load()}, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}"
    )
    tmp = None
    if args.keep:
        work = args.keep
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="threads-archive-bench-")
        work = Path(tmp.name)
    try:
        if args.pages:
            folder = work / "pages"
            size = write_pages(folder, args.pages)
            print(f"wrote {args.pages:,} pages, {size / 1e6:.1f} MB")
            bench_add(folder, work, args.pages, args.jobs, args.repeats)
        if args.stages:
            folder = work / "stage-pages"
            write_pages(folder, args.stages)
            bench_stages(folder, work, args.stages)
        if args.posts:
            bench_million(work, args.posts, args.repeats, reuse=args.reuse)
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
