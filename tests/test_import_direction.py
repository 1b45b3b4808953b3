"""Imports run one way: the project package below every app, then documents, comparisons,
and discovery and annotations on top. Only `provenance/urls.py` names every app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What each package may import from the project's own packages.
# `audit` (the audit log) sits just above the project package: every app may write to it;
# `accounts` (sign-in, passwords, user management) sits beside the content apps.
ALLOWED = {
    "provenance": {"provenance"},
    "audit": {"provenance", "audit"},
    "accounts": {"provenance", "audit", "accounts"},
    "documents": {"provenance", "audit", "documents"},
    "comparisons": {"provenance", "audit", "documents", "comparisons"},
    "discovery": {"provenance", "audit", "documents", "comparisons", "discovery"},
    "annotations": {"provenance", "audit", "documents", "comparisons", "annotations"},
    "checks": {"provenance", "audit", "documents", "comparisons", "discovery", "checks"},
    # Feeds ingest through documents, like an upload; discovery hears of new versions.
    "feeds": {"provenance", "audit", "documents", "feeds"},
    # Watches, alerts and webhooks listen to every app's events (provenance.events).
    "alerts": {"provenance", "audit", "documents", "comparisons", "discovery", "alerts"},
    # The JSON API sits over every app, like the pages; no app imports it.
    "api": {
        "provenance",
        "audit",
        "documents",
        "comparisons",
        "discovery",
        "annotations",
        "checks",
        "feeds",
        "alerts",
        "api",
    },
}
EXEMPT = {ROOT / "provenance" / "urls.py"}


def _imported_packages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(ALLOWED)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_run_one_way(package: str) -> None:
    wrong = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if path in EXEMPT or "migrations" in path.parts:
            continue
        for name in sorted(_imported_packages(path) - ALLOWED[package]):
            wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_the_project_package_holds_no_app_models() -> None:
    # Settings, URLs, roles and access: an app's models belong to the app. The models
    # here are the workers' heartbeat and the periodic jobs' due times, infrastructure
    # that every app's tasks share.
    from django.apps import apps

    models = apps.get_app_config("provenance").get_models()
    assert sorted(model.__name__ for model in models) == ["ScheduledJob", "WorkerHeartbeat"]


# ------------------------------------------------------------------ no import circles

PACKAGES = sorted(ALLOWED)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _runtime_imports(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports when it runs: at the top or inside a function.

    A function-level import hides a circle from Python, not from the design, so it
    counts; an import only for type checkers (`if TYPE_CHECKING:`) never runs.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from discovery import work` imports the module `discovery.work`.
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py")]
    known = {_module_name(p) for p in paths}
    graph = {}
    for path in paths:
        name = _module_name(path)
        # A package's __init__ is imported with each of its modules: no edge for that.
        graph[name] = {m for m in _runtime_imports(path, known) if m != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_cycle_finder_finds_a_circle() -> None:
    graph = {"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}, "a.w": {"a.x"}}
    assert _cycles(graph) == [["a.x", "a.y", "a.z"]]
    assert _cycles({"a.x": {"a.y"}, "a.y": set()}) == []


def test_no_module_imports_itself_through_others() -> None:
    # Migrations and template tags included: every module of every package.
    graph = import_graph()
    assert "provenance.migrations.0002_comparison_sharelink" in graph
    assert "discovery.templatetags.discovery" in graph
    cycles = _cycles(graph)
    assert not cycles, "\n".join(" ↔ ".join(group) for group in cycles)


def test_migrations_import_no_other_app() -> None:
    # A migration describes the schema as it was then and reads models through `apps`;
    # its own app's field classes and default callables are all Django writes into it.
    # Another app's module would tie it to that app's code as it is now.
    wrong = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("migrations/*.py")):
            for name in sorted(_imported_packages(path) - {package}):
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, "\n".join(wrong)
