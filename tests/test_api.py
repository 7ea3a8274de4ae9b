"""The public API as the README documents it: what `threads` and its modules export."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

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


def _imports(path: Path, package: str) -> set[str]:
    """The package modules ``path`` imports anywhere (in functions too), but for type checking."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for stmt in node.body
        for n in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only or not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
        target = f"{base}.{node.module}" if node.module else base
        names = [f"{target}.{a.name}" for a in node.names] if not node.module else [target]
        found.update(names)
    return found


def test_the_modules_import_one_another_without_a_circle() -> None:
    """The layers go one way (dom below load and model, those below the readers): no module
    imports, even inside a function, a module that imports it back."""
    root = ROOT / "threads"
    modules = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        modules[name] = _imports(path, package)
    graph = {m: {t for t in deps if t in modules and t != m} for m, deps in modules.items()}
    graph = {m: {t for t in deps if t != "threads"} for m, deps in graph.items()}  # __version__ only

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            m = todo.pop()
            if m == goal:
                return True
            if m not in seen:
                seen.add(m)
                todo.extend(graph.get(m, ()))
        return False

    for pair in (("threads.dom", "threads.load"), ("threads.dom", "threads.model")):
        assert not reaches(*pair), pair
    circles = sorted((m, t) for m, deps in graph.items() for t in deps if reaches(t, m))
    assert circles == []


def test_no_tracker_numbers_in_what_ships_or_tests() -> None:
    """The README, pyproject, code, templates and tests say why, not which ticket: an issue's number
    means nothing to a reader of a clone (the history keeps them in commit messages)."""
    import re

    ticket = re.compile(r"\bissues?[ #-]+\d+", re.IGNORECASE)
    files = [ROOT / "README.md", ROOT / "pyproject.toml"]
    for folder, pattern in (
        ("threads", "*.py"),
        ("tests", "*.py"),
        ("benchmarks", "*.py"),
        ("templates", "*"),
    ):
        files += sorted((ROOT / folder).rglob(pattern))
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in files
        if path.is_file() and "node_modules" not in path.parts
        for n, text in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if ticket.search(text)
    ]
    assert found == []
