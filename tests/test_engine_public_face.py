"""The engine's public face: apps import `provenance.engine`, and its modules form no cycle."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import provenance.engine

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "provenance" / "engine"
# Tests may reach into the engine's modules to test one step; nothing else may.
PUBLIC = frozenset(provenance.engine.__all__)
SKIPPED = {".venv", "var", "node_modules", "tests", ".git"}


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (TYPE_CHECKING blocks and functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            # `from provenance.engine import tokens` names a submodule too (`compare`
            # is both a module and the exported function: the export wins).
            if node.module == "provenance.engine":
                found.update(
                    f"provenance.engine.{a.name}"
                    for a in node.names
                    if (ENGINE / f"{a.name}.py").exists()
                    and a.name not in provenance.engine.__all__
                )
    return found


def _project_files() -> list[Path]:
    return [
        p
        for p in ROOT.rglob("*.py")
        if not SKIPPED & set(p.relative_to(ROOT).parts) and ENGINE not in p.parents
    ]


def test_no_module_outside_the_engine_imports_an_engine_submodule() -> None:
    files = _project_files()
    assert any(p.parent.name == "discovery" for p in files)  # the walk found the apps
    offenders = sorted(
        f"{p.relative_to(ROOT)}: {name}"
        for p in files
        for name in _imports(p)
        if name.startswith("provenance.engine.")
    )
    assert offenders == []


def test_every_public_name_is_exported() -> None:
    for name in provenance.engine.__all__:
        assert hasattr(provenance.engine, name), name


def test_the_engine_modules_import_each_other_without_a_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for path in ENGINE.glob("*.py"):
        if path.stem in {"__init__", "__main__"}:
            continue
        graph[path.stem] = {
            name.removeprefix("provenance.engine.")
            for name in _imports(path)
            if name.startswith("provenance.engine.")
        }
    assert "types" in graph["align"]
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise AssertionError(f"engine import cycle: {error.args[1]}") from None
    assert set(graph) <= set(order)
