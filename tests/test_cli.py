"""The command line, driven as a user would: exit codes, stdout, files, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from threads import __version__

from .clirun import invoke
from .golden import ROOT

SEED = str(ROOT / "seeds" / "amn-raqqa-2017-10-17.txt")


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = invoke(list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_render_markdown_to_stdout_by_default() -> None:
    code, out, _ = run("render", SEED)
    assert code == 0
    assert out.startswith("---\n") and "## Ryan Dillon" in out and "**1/11**" in out


def test_render_json_and_html_to_files(tmp_path: Path) -> None:
    out_json, out_html = tmp_path / "t.json", tmp_path / "t.html"
    assert run("render", SEED, "--format", "json", "-o", str(out_json))[0] == 0
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert doc["schema"] == "threads/1" and len(doc["threads"]) == 1
    assert run("render", SEED, "-f", "html", "--output", str(out_html))[0] == 0
    html = out_html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "Ryan Dillon" in html
    assert not list(tmp_path.glob(".*.part"))


def test_render_stdin() -> None:
    text = "Storm update\n\nMay 2, 2022\n\n“Roads are closed,” Mayor Ann Lee tweeted.\n"
    code, out, _ = run("render", "-", "--format", "json", input=text.encode())
    assert code == 0
    doc = json.loads(out)
    assert doc["threads"][0]["author"]["name"] == "Ann Lee"
    assert doc["source"]["location"] == "-"


def test_all_quotes_flag() -> None:
    text = "“We will hire 300 people,” chief executive Harold Simmons said at a news conference.\n"
    assert json.loads(run("render", "-", "-f", "json", input=text)[1])["threads"] == []
    doc = json.loads(run("render", "-", "-f", "json", "--all-quotes", input=text)[1])
    assert doc["threads"][0]["platform"] == "unknown"


def test_no_posts_is_success() -> None:
    code, out, _ = run("render", "-", "-f", "json", input="Nothing quoted here.\n")
    assert code == 0 and json.loads(out)["threads"] == []


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    code, out, err = run("render", str(tmp_path / "nope.html"))
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0 and "nope.html" in err and "no such file" in err


def test_directory_and_binary_inputs_are_errors(tmp_path: Path) -> None:
    code, _, err = run("render", str(tmp_path))  # a folder without -d: said what to give
    assert code == 2 and err.endswith(
        "Error: a folder holds several pages: give --output-dir DIR, or --format jsonl for one line each\n"
    )
    blob = tmp_path / "x.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    code, _, err = run("render", str(blob))
    assert code == 1 and "binary" in err


def test_wrong_arguments_give_usage() -> None:
    code, _, err = run("render", SEED, "--format", "xml")
    assert code == 2 and "xml" in err
    code, _, err = run("render")
    assert code == 2 and "INPUT" in err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["render", SEED, "--bogus"], "unrecognized arguments: --bogus"),
        (["render", SEED, "-j", "0"], "argument -j/--jobs: 0 is not in the range x>=1"),
        (["render", SEED, "-j", "many"], "argument -j/--jobs: 'many' is not a valid int"),
        (["render", SEED, "--timeout", "-1"], "argument --timeout: -1.0 is not in the range x>=0"),
        (["render", SEED, "--timeout", "nan"], "argument --timeout: 'nan' is not a finite number"),
        (["render", SEED, "--timeout", "inf"], "argument --timeout: 'inf' is not a finite number"),
        (["render", SEED, "--templates", "/no/such/folder"], "folder '/no/such/folder' does not exist"),
        (["render", SEED, "-o", "."], "'.' is a folder, not a file"),
        (["render", SEED, "-d", SEED], "is a file, not a folder"),
        (["render", SEED, SEED], "several inputs: give --output-dir DIR"),
        (["render", SEED, "--outp", "x.md"], "unrecognized arguments: --outp"),  # no abbreviations
        (["digest", SEED, "--format", "json"], "unrecognized arguments: --format json"),
    ],
)
def test_usage_errors_name_the_command_and_the_fault(args: list[str], said: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == f"usage: threads {args[0]} [OPTIONS] INPUT..."
    assert lines[1] == f"Try 'threads {args[0]} --help' for help."
    assert lines[-1].startswith("Error: ") and said in lines[-1]


def test_no_command_or_an_unknown_one() -> None:
    code, out, err = run()
    assert code == 2 and out == "" and "render" in err and "digest" in err
    code, out, err = run("rendr", SEED)
    assert code == 2 and "Error: argument COMMAND: invalid choice: 'rendr'" in err


def test_help_has_examples() -> None:
    code, out, _ = run("render", "--help")
    assert code == 0 and "Examples:" in out and "--all-quotes" in out


def test_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "threads", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0 and __version__ in proc.stdout


def _command(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "threads", *args], capture_output=True, text=True, check=False, cwd=cwd
    )


def test_log_lines_on_stderr_by_verbosity(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 3000 + "<p>deep</p>" + "</div>" * 3000 + "</body></html>")
    quiet = _command("render", str(deep))
    assert quiet.returncode == 0
    assert (
        quiet.stderr
        == f"threads: WARNING: {deep}: elements nested deeper than 1000; flattening the nesting\n"
    )
    assert _command("render", SEED).stderr == ""
    verbose = _command("-v", "render", SEED).stderr.splitlines()
    assert verbose == [f"threads: INFO: {SEED}: 11 posts in 1 threads"]
    debug = _command("-vv", "render", SEED).stderr.splitlines()
    assert f"threads: DEBUG: {SEED}: 11 posts" in debug and len(debug) >= 2


def test_a_program_that_configured_logging_gets_the_debug_lines(caplog: pytest.LogCaptureFixture) -> None:
    import threads

    with caplog.at_level("DEBUG", logger="threads"):
        threads.reconstruct(SEED)
    assert any(r.name == "threads.scrape" and "11 posts" in r.getMessage() for r in caplog.records)


def test_a_time_limit_beyond_the_system_timer_is_no_limit(tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    assert run("render", SEED, "--timeout", "1e300", "-o", str(out))[0] == 0
    assert "Ryan Dillon" in out.read_text(encoding="utf-8")
