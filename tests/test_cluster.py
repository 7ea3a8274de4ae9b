"""The batch on Dask: a LocalCluster of two worker processes on 127.0.0.1 gives what ``--jobs 1``
gives, byte for byte (jsonl, output folders, Parquet rows, digests, the archive ``archive add``
writes), on the project's fixtures, generated pages and generated web archives; a worker killed
mid-run loses and duplicates nothing; fsspec's ``memory://`` and ``file://`` file systems in and out.

Nothing here times anything: the machine may be slow and shared, so waits are generous.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pytest.importorskip("fsspec")
pytest.importorskip("fastwarc")
pytest.importorskip("warcio")

import dask  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from threads import cluster  # noqa: E402
from threads.batch import Item, Task, expand, run  # noqa: E402
from threads.parquet import COLUMNS, rows, schema  # noqa: E402

from .archive_pages import BRIDGE_PART, quote_page, write_batch  # noqa: E402
from .clirun import invoke  # noqa: E402
from .generated import write_archive, write_pages  # noqa: E402
from .golden import ROOT  # noqa: E402
from .test_archive import dump  # noqa: E402

pytestmark = pytest.mark.slow  # a cluster of worker processes: .ci/run runs these, `-m "not slow"` not

FIXTURES = ROOT / "fixtures"
BINARY = b"\x00\x01\x02\x00\x03binary\x00"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """Two worker processes (one thread each) on 127.0.0.1; a task whose worker dies twice is given
    up (Dask's KilledWorker) sooner than Dask's default of four tries, to keep the poison test short."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster_ = cluster.local_cluster(2)
        with distributed.Client(cluster_) as c:
            c.wait_for_workers(2, timeout=600)
            yield c
        cluster_.close()


@pytest.fixture
def own_client() -> Iterator[Any]:
    """A cluster of two worker processes for one test that kills workers and whose nannies' restarts
    the next tests must not wait on (under load a restart was seen to take past 600 s)."""
    cluster_ = cluster.local_cluster(2)
    with distributed.Client(cluster_) as c:
        c.wait_for_workers(2, timeout=600)
        yield c
    cluster_.close()


def address(client: Any) -> str:
    return str(client.scheduler.address)


def render(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = invoke(["render", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated pages, two web archives (one .warc.gz, one .warc), and inputs that fail."""
    root = tmp_path_factory.mktemp("corpus")
    write_pages(root / "pages", 30)
    (root / "pages" / "bad.html").write_bytes(BINARY)
    write_archive(root / "crawl-1.warc.gz", 100, 23)
    write_archive(root / "crawl-2.warc", 200, 17, gz=False)
    return root


def test_fixtures_and_pages_same_as_one_job(client: Any, corpus: Path) -> None:
    inputs = [str(FIXTURES / "embeds"), str(FIXTURES / "prose"), str(corpus / "pages"), "-"]
    inputs += [str(corpus / "missing.html"), str(FIXTURES / "remnants")]
    stdin = "“We open at nine,” librarian Ana Ruiz tweeted.\n"
    one = render(*inputs, "-f", "jsonl", "-j", "1", stdin=stdin)
    on_dask = render(*inputs, "-f", "jsonl", "--scheduler", address(client), stdin=stdin)
    assert one == on_dask
    code, stdout, stderr = one
    assert code == 1  # the binary page and the missing one failed, as locally
    assert "2 failed" in stderr and len(stdout.splitlines()) > 100
    assert stderr.count("threads: error:") == 2


def test_output_folder_same_as_one_job(client: Any, corpus: Path, tmp_path: Path) -> None:
    inputs = [str(FIXTURES / "embeds"), str(corpus / "pages"), str(corpus / "crawl-1.warc.gz")]
    one, two = tmp_path / "one", tmp_path / "two"
    a = render(*inputs, "-d", str(one), "-f", "json", "-j", "1")
    b = render(*inputs, "-d", str(two), "-f", "json", "--scheduler", address(client))
    assert a == b and a[0] == 1
    files1 = {p.relative_to(one): p.read_bytes() for p in one.rglob("*") if p.is_file()}
    files2 = {p.relative_to(two): p.read_bytes() for p in two.rglob("*") if p.is_file()}
    assert files1 == files2 and len(files1) > 50
    # the page captured twice in the archive is two inputs, under two names
    assert {
        "crawl-1/news.example.org_2024_05_story-100.json",
        "crawl-1/news.example.org_2024_05_story-100-2.json",
    } <= {str(p) for p in files1}
    # resumed: every output exists, nothing is run again
    code, _, stderr = render(
        *inputs, "-d", str(two), "-f", "json", "--scheduler", address(client), "--skip-existing"
    )
    assert code == 1 and f"{len(files1)} skipped (output exists)" in stderr


def test_web_archives_split_into_record_ranges(client: Any, corpus: Path) -> None:
    archives = [str(corpus / "crawl-1.warc.gz"), str(corpus / "crawl-2.warc")]
    parts = list(cluster.plan(client, archives, records_per_task=5))
    by_archive = {a: [p for p in parts if p.archive == a] for a in archives}
    assert [len(by_archive[a]) for a in archives] == [5, 4]  # 23 and 17 pages, 5 a task
    assert all(p.stop is not None for a in archives for p in by_archive[a][:-1])
    assert [i.index for p in parts for i in p.items] == list(range(40))

    task = Task(fmt="jsonl")
    local = [r.text for r in run(expand(archives), task, jobs=1)]
    skipped: list[str] = []
    on_dask = [
        r.text
        for r in cluster.run(
            client, archives, task, records_per_task=5, on_skip=lambda loc, why: skipped.append(why)
        )
    ]
    assert on_dask == local and len(local) == 40
    assert len(skipped) == 4 + 2 + 3 + 2  # images and redirects: counted, not run


def test_a_cut_archive_fails_as_one_input_after_its_pages(client: Any, corpus: Path, tmp_path: Path) -> None:
    whole = (corpus / "crawl-1.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    inputs = [str(cut), str(corpus / "pages" / "a")]
    one = render(*inputs, "-f", "jsonl", "-j", "1")
    on_dask = render(*inputs, "-f", "jsonl", "--scheduler", address(client))
    assert one == on_dask
    failed = [json.loads(line) for line in one[1].splitlines() if '"error": null' not in line]
    assert [f["input"] for f in failed] == [str(cut)]


def parquet_rows(folder: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted(folder.glob("part-*.parquet")):
        out += pq.read_table(path).to_pylist()
    return out


def jsonl_rows(text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for line in text.splitlines():
        record = json.loads(line)
        if record["error"] is None:
            out += rows(record, record["input"])
    return out


def test_parquet_one_file_per_task_rows_as_jsonl(client: Any, corpus: Path, tmp_path: Path) -> None:
    inputs = [str(corpus / "pages"), str(corpus / "crawl-1.warc.gz"), str(FIXTURES / "remnants")]
    code, stdout, _ = render(*inputs, "-f", "jsonl", "-j", "1")
    out = tmp_path / "posts"
    code2, _, stderr = render(*inputs, "-f", "parquet", "-d", str(out), "--scheduler", address(client))
    assert code == code2 == 1 and "1 failed" in stderr
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [f"part-{n:06d}.parquet" for n in range(len(files))]
    table = pq.read_table(files[0])
    assert table.schema.equals(schema()) and table.schema.metadata[b"threads.schema"] == b"threads-parquet/1"
    assert [name for name, _, _ in COLUMNS] == table.schema.names
    expected = jsonl_rows(stdout)
    assert parquet_rows(out) == expected and len(expected) > 100
    # the dataset reads as one (what Spark, DuckDB and pandas do with the folder)
    import pyarrow.dataset as ds

    assert ds.dataset(out).count_rows() == len(expected)
    # --skip-existing leaves every part alone
    code3, _, stderr = render(
        *inputs, "-f", "parquet", "-d", str(out), "--scheduler", address(client), "--skip-existing"
    )
    assert code3 == 0 and "0 failed" in stderr and "skipped (output exists)" in stderr


def _busy_worker(client: Any, timeout: float = 600) -> str:
    """The address of a worker running a task now (waits for one)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for worker, keys in client.processing().items():
            if keys:
                return str(worker)
        time.sleep(0.05)
    raise AssertionError("no worker took a task")


def test_a_killed_worker_loses_and_duplicates_nothing(client: Any, corpus: Path, tmp_path: Path) -> None:
    inputs = [str(corpus / "pages"), str(corpus / "crawl-1.warc.gz"), str(corpus / "crawl-2.warc")]
    local = list(run(expand(inputs), Task(fmt="jsonl"), jobs=1))
    out = tmp_path / "posts"
    task = Task(fmt="parquet", output_dir=str(out))
    results = cluster.run(client, inputs, task, inputs_per_task=2, records_per_task=3)
    got = [next(results)]
    worker = _busy_worker(client)
    pid = client.run(os.getpid, workers=[worker])[worker]
    os.kill(pid, signal.SIGKILL)  # the nanny starts another; its tasks run again elsewhere
    got += list(results)
    assert [(r.index, r.location, r.status, r.posts, r.threads) for r in got] == [
        (r.index, r.location, r.status, r.posts, r.threads) for r in local
    ]
    assert parquet_rows(out) == jsonl_rows("".join(r.text or "" for r in local))
    assert not [p for p in out.iterdir() if not p.name.startswith("part-")] or all(
        p.name.startswith(".") for p in out.iterdir() if not p.name.startswith("part-")
    )
    client.wait_for_workers(2, timeout=600)


class Poison(distributed.WorkerPlugin):  # type: ignore[misc]
    """Makes every worker (and every worker started again) die on inputs named ``poison``, in
    ``threads.batch``'s function ``name`` (whose first argument is the item)."""

    def __init__(self, name: str = "reconstruct_item") -> None:
        self.name = name

    def setup(self, worker: Any) -> None:
        import threads.batch

        real = getattr(threads.batch, self.name)
        if getattr(real, "poisoned", False):
            return

        def dies_on_poison(item: Item, *args: Any) -> Any:
            if "poison" in item.location:
                os._exit(1)
            return real(item, *args)

        dies_on_poison.poisoned = True  # type: ignore[attr-defined]
        dies_on_poison.real = real  # type: ignore[attr-defined]
        setattr(threads.batch, self.name, dies_on_poison)

    def teardown(self, worker: Any) -> None:
        import threads.batch

        now = getattr(threads.batch, self.name)
        setattr(threads.batch, self.name, getattr(now, "real", now))


def test_an_input_that_kills_every_worker_fails_alone(client: Any, corpus: Path, tmp_path: Path) -> None:
    pages = sorted((corpus / "pages" / "a").glob("*.html"))[:6]
    poison = tmp_path / "poison.html"
    poison.write_bytes(pages[0].read_bytes())
    inputs = [str(p) for p in pages[:3]] + [str(poison)] + [str(p) for p in pages[3:]]
    local = [r.text for r in run(expand(inputs), Task(fmt="jsonl"), jobs=1)]
    client.register_plugin(Poison(), name="poison")
    try:
        results = list(cluster.run(client, inputs, Task(fmt="jsonl"), inputs_per_task=4))
    finally:
        client.unregister_worker_plugin("poison")  # the workers' own function back (teardown)
        client.wait_for_workers(2, timeout=600)
    assert [r.index for r in results] == list(range(7))
    assert results[3].status == "failed" and results[3].error == f"{poison}: the worker process died"
    assert [r.text for k, r in enumerate(results) if k != 3] == [t for k, t in enumerate(local) if k != 3]
    # the plugin gone, the same input is a page like any other
    (again,) = cluster.run(client, [str(poison)], Task(fmt="jsonl"))
    assert again.status == "ok" and again.text == local[0].replace(str(pages[0]), str(poison))


def test_digest_same_as_local(client: Any, corpus: Path, tmp_path: Path) -> None:
    inputs = [str(corpus / "pages" / "a"), str(corpus / "crawl-2.warc"), str(corpus / "pages" / "bad.html")]
    one = invoke(["digest", *inputs, "-o", str(tmp_path / "one.md")])
    two = invoke(["digest", *inputs, "-o", str(tmp_path / "two.md"), "--scheduler", address(client)])
    assert one == two and one.exit_code == 0
    assert "skipped" in one.stderr
    assert (tmp_path / "one.md").read_bytes() == (tmp_path / "two.md").read_bytes()


# ---------------------------------------------------------------- fsspec


def test_file_urls_in_and_out(client: Any, corpus: Path, tmp_path: Path) -> None:
    base = corpus.as_uri()
    inputs = [f"{base}/pages/", f"{base}/*.warc.gz"]
    one = render(*inputs, "-f", "jsonl", "-j", "1")
    on_dask = render(*inputs, "-f", "jsonl", "--scheduler", address(client))
    assert one == on_dask and '"input": "file://' in one[1]
    out = tmp_path / "out"
    code, _, _ = render(*inputs, "-d", out.as_uri(), "--scheduler", address(client))
    assert code == 1  # bad.html
    assert len(list(out.rglob("*.md"))) == 30 + 23 and not list(out.rglob("*.part"))


@pytest.fixture()
def memory_fs() -> Iterator[Any]:
    import fsspec

    fs = fsspec.filesystem("memory")
    if fs.exists("/threads-test"):
        fs.rm("/threads-test", recursive=True)
    yield fs
    if fs.exists("/threads-test"):
        fs.rm("/threads-test", recursive=True)


def test_memory_urls_locally_and_on_threads(memory_fs: Any, corpus: Path) -> None:
    """memory:// lives in one process: the local run (-j 1) and a cluster of threads in this process."""
    for path in sorted((corpus / "pages").rglob("*"))[:12]:
        if path.is_file():
            memory_fs.pipe_file(f"/threads-test/in/{path.relative_to(corpus / 'pages')}", path.read_bytes())
    memory_fs.pipe_file("/threads-test/in/crawl.warc.gz", (corpus / "crawl-1.warc.gz").read_bytes())
    inputs = ["memory://threads-test/in/"]
    one = render(*inputs, "-f", "jsonl", "-j", "1")
    assert one[0] == 0 and len(one[1].splitlines()) == 11 + 23
    assert render(*inputs, "-d", "memory://threads-test/md", "-j", "1")[0] == 0
    local_md = {p: memory_fs.cat_file(p) for p in memory_fs.find("/threads-test/md")}
    with (
        cluster.local_cluster(2, processes=False) as threads_only,
        distributed.Client(threads_only) as in_process,
    ):
        task = Task(fmt="jsonl")
        on_dask = "".join(r.text or "" for r in cluster.run(in_process, inputs, task, records_per_task=6))
        assert on_dask == one[1]
        md = Task(output_dir="memory://threads-test/md2")
        assert all(r.status == "ok" for r in cluster.run(in_process, inputs, md))
        pq_task = Task(fmt="parquet", output_dir="memory://threads-test/pq")
        assert all(r.output for r in cluster.run(in_process, inputs, pq_task, records_per_task=6))
    dask_md = {p.replace("/md2/", "/md/"): memory_fs.cat_file(p) for p in memory_fs.find("/threads-test/md2")}
    assert dask_md == local_md and len(local_md) == 34
    parts = sorted(memory_fs.find("/threads-test/pq"))
    assert len(parts) > 4
    got: list[dict[str, Any]] = []
    for part in parts:
        with memory_fs.open(part, "rb") as fh:
            got += pq.read_table(fh).to_pylist()
    assert got == jsonl_rows(one[1])


def test_no_scheduler_at_the_address(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<p>hi</p>", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code, stdout, stderr = render(str(page), "-f", "jsonl", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 1 and stdout == ""
    assert stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(stderr.splitlines()) == 1


# ---------------------------------------------------------------- archive add


def archive_add(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = invoke(["archive", "add", *args], input=stdin)
    return result.exit_code, result.stderr


def kept_pages(db: Path) -> dict[str, bytes]:
    c = sqlite3.connect(db)
    try:
        return dict(c.execute("SELECT s.key, p.bytes FROM pages p JOIN sources s ON s.id = p.source"))
    finally:
        c.close()


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pages that each embed a tweet and quote the tweet of the page before in their prose."""
    folder = tmp_path_factory.mktemp("linked")
    write_batch(folder, 120)
    return folder


def test_archive_add_same_as_one_job(client: Any, corpus: Path, linked: Path, tmp_path: Path) -> None:
    inputs = [str(linked), str(corpus / "pages"), str(corpus / "crawl-1.warc.gz"), "-"]
    inputs += [str(corpus / "missing.html")]
    stdin = "“We open at nine tomorrow, as every day,” librarian Ana Ruiz tweeted.\n"
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    code1, err1 = archive_add(*inputs, "--db", str(one), "-j", "1", "--keep-pages", stdin=stdin)
    code2, err2 = archive_add(
        *inputs, "--db", str(two), "--scheduler", address(client), "--keep-pages", stdin=stdin
    )
    assert code1 == code2 == 1  # the binary page and the missing one failed, as locally
    assert err1.replace(str(one), "DB") == err2.replace(str(two), "DB")
    assert err1.count("threads: error:") == 2 and "2 failed" in err1
    assert "119 posts found quoted by another article" in err1  # the 120 linked pages
    archive = dump(one)
    # the archive's 23 pages hold one URL captured twice: one source, added twice
    assert dump(two) == archive and len(archive["sources"]) == 120 + 30 + 22 + 1
    assert kept_pages(two) == kept_pages(one) and len(kept_pages(one)) == len(archive["sources"])
    assert invoke(["archive", "check", "--db", str(two)]).exit_code == 0


def test_archive_add_with_a_killed_worker_gives_the_local_archive(
    own_client: Any, corpus: Path, linked: Path, tmp_path: Path
) -> None:
    inputs = [str(linked), str(corpus / "crawl-2.warc"), str(corpus / "pages")]
    local = tmp_path / "local.db"
    code, expected = archive_add(*inputs, "--db", str(local), "-j", "1")
    assert code == 1 and expected.count("threads: error:") == 1  # bad.html
    db = tmp_path / "killed.db"
    add = [sys.executable, "-m", "threads", "archive", "add", *inputs, "--db", str(db)]
    proc = subprocess.Popen(
        [*add, "--scheduler", address(own_client)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        worker = _busy_worker(own_client)
        pid = own_client.run(os.getpid, workers=[worker])[worker]
        os.kill(pid, signal.SIGKILL)  # the nanny starts another; its tasks run again elsewhere
        killed_mid_run = proc.poll() is None
        _, stderr = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert killed_mid_run
    assert proc.returncode == 1  # the same errors and summary: every input once
    assert stderr.replace(str(db), "DB") == expected.replace(str(local), "DB")
    assert dump(db) == dump(local)  # nothing lost, nothing twice
    assert invoke(["archive", "check", "--db", str(db)]).exit_code == 0


def test_archive_add_an_input_that_kills_every_worker_fails_alone(
    own_client: Any, linked: Path, tmp_path: Path
) -> None:
    """Through the library: cluster.run with the archive's work, applied by add_results."""
    from threads.archive import Archive
    from threads.archive.command import add_results, archive_work

    pages = sorted(linked.glob("*.html"))[:6]
    poison = tmp_path / "poison.html"
    poison.write_text(quote_page("Poison", "https://news.example/poison", BRIDGE_PART, "Ana Reyes"))
    inputs = [str(p) for p in pages[:3]] + [str(poison)] + [str(p) for p in pages[3:]]
    task = Task(fmt="jsonl")
    own_client.register_plugin(Poison("reconstruct_bytes"), name="poison")  # what archive_work calls
    try:
        with Archive(str(tmp_path / "dask.db")) as archive:
            results = cluster.run(own_client, inputs, task, inputs_per_task=4, work=archive_work)
            got = list(add_results(archive, results))
    finally:
        own_client.unregister_worker_plugin("poison")
    assert [r.index for r, _ in got] == list(range(7))
    assert got[3][0].error == f"{poison}: the worker process died" and got[3][1] is None
    assert [a.status if a else None for _, a in got] == ["new"] * 3 + [None] + ["new"] * 3
    with Archive(str(tmp_path / "local.db")) as archive:
        healthy = [p for p in inputs if p != str(poison)]
        list(add_results(archive, run(expand(healthy), task, work=archive_work)))
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "local.db")


class SmallPages(distributed.WorkerPlugin):  # type: ignore[misc]
    """Sets the workers' largest page body to 1,700 bytes (and back on teardown)."""

    def setup(self, worker: Any) -> None:
        import threads.warc

        self.before = threads.warc.MAX_BYTES
        threads.warc.MAX_BYTES = 1700

    def teardown(self, worker: Any) -> None:
        import threads.warc

        threads.warc.MAX_BYTES = getattr(self, "before", threads.warc.MAX_BYTES)


def test_a_page_too_large_to_read_fails_as_locally(
    client: Any, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threads.warc

    archive = [str(corpus / "crawl-2.warc")]  # generated pages of 1,450 to 1,960 bytes
    monkeypatch.setattr(threads.warc, "MAX_BYTES", 1700)
    local = [
        (r.index, r.location, r.status, r.error, r.text)
        for r in run(expand(archive), Task(fmt="jsonl"), jobs=1)
    ]
    assert any(status == "failed" for _, _, status, _, _ in local) and any(
        s == "ok" for _, _, s, _, _ in local
    )
    client.register_plugin(SmallPages(), name="small-pages")
    try:
        on_dask = cluster.run(client, archive, Task(fmt="jsonl"), records_per_task=4)
        assert [(r.index, r.location, r.status, r.error, r.text) for r in on_dask] == local
    finally:
        client.unregister_worker_plugin("small-pages")
