"""The benchmark scripts run from a fresh clone (their figures are read by people, not asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .golden import ROOT

pytestmark = pytest.mark.slow


def run(*args: str) -> str:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_bench_runs_on_the_fixtures() -> None:
    out = run("benchmarks/bench.py", "fixtures", "--repeats", "2", "--cli-runs", "1", "--stages")
    assert "lxml parse" in out and "ours/floor" in out and "by round:" in out
    assert "paragraph walk" in out and "all stages" in out
    assert "python -c pass" in out and "threads render 1 page" in out


def test_batch_benchmark_runs_on_a_small_batch() -> None:
    out = run("benchmarks/batch.py", "--pages", "40", "--repeats", "1")
    assert "peak" in out and "--jobs 2" in out


def test_attribute_benchmark_runs_on_the_fixtures() -> None:
    out = run("benchmarks/attributes.py", "fixtures", "--sizes", "1000,2000", "--repeats", "1")
    assert "N=  2000" in out and "scan/parse" in out


def test_cluster_benchmark_runs_on_small_archives() -> None:
    pytest.importorskip("distributed")
    out = run("benchmarks/cluster.py", "--archives", "2", "--pages", "20", "--repeats", "1")
    assert "dask-2" in out and "jobs-2" in out and "2 workers / 1" in out and "against jobs-2" in out


def test_stage_benchmark_runs_on_the_fixtures() -> None:
    out = run("benchmarks/stages.py", "fixtures", "--repeats", "1", "--cpu")
    stages = ("lxml parse", "load/parse", "paragraphs", "embeds", "prose", "remnants", "sequence", "render")
    assert all(stage in out for stage in stages)
    assert "all stages" in out and "CPU time" in out


def test_archive_benchmark_runs_small() -> None:
    out = run("benchmarks/archive.py", "--pages", "20", "--posts", "2000", "--repeats", "1")
    assert "add / render, best runs:" in out and "median of the medians:" in out
    assert "author (" in out and "size: database" in out


def test_growth_benchmark_runs_at_small_sizes() -> None:
    out = run("benchmarks/growth.py", "--sizes", "50,100", "--repeats", "1")
    assert "per doubling" in out
