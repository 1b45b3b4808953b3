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
    # The JSON API sits over every app, like the pages; no app imports it.
    "api": {
        "provenance",
        "audit",
        "documents",
        "comparisons",
        "discovery",
        "annotations",
        "checks",
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
    # Settings, URLs, roles and access: an app's models belong to the app. The one model
    # here is the workers' heartbeat, infrastructure that every app's tasks share.
    from django.apps import apps

    models = apps.get_app_config("provenance").get_models()
    assert [model.__name__ for model in models] == ["WorkerHeartbeat"]
