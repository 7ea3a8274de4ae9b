"""The public API as the README documents it: what `threads` and its modules export."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import threads

from .golden import ROOT

SEED = str(ROOT / "seeds" / "amn-raqqa-2017-10-17.txt")


@pytest.mark.parametrize(
    "module",
    [
        "threads",
        "threads.model",
        "threads.errors",
        "threads.render",
        "threads.digest",
        "threads.vocab",
        "threads.cluster",
        "threads.parquet",
        "threads.storage",
    ],
)
def test_every_name_in_all_exists(module: str) -> None:
    mod = importlib.import_module(module)
    assert mod.__all__, module
    for name in mod.__all__:
        assert getattr(mod, name) is not None, f"{module}.{name}"


def test_render_and_digest_are_reachable_from_the_package_alone() -> None:
    """In a fresh interpreter, `import threads` is all it takes (the submodules load on use)."""
    code = (
        "import threads\n"
        f"rec = threads.reconstruct({SEED!r})\n"
        "md = threads.render.render(rec, 'md')\n"
        f"dig = threads.digest.render_digest(threads.digest.digest([{SEED!r}]))\n"
        "print('Ryan Dillon' in md, 'Ryan Dillon' in dig)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "True True\n"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        threads.nothing_here  # noqa: B018


def test_the_command_line_offers_exactly_the_renderers_formats_jsonl_and_parquet() -> None:
    from threads import cli, render

    assert set(cli.FORMATS) == {*render.RENDERERS, "jsonl", "parquet"}
