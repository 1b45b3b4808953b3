"""Pages, API routers, commands and tasks never write to models themselves: actions do.

A static reading of the source (no import, no database): in every module named
views.py, routers/*.py, management/commands/*.py or tasks.py, no call of `.save(`,
`.create(` on a manager, `.update(`, `.delete(`, `bulk_create`, `bulk_update`,
`get_or_create` or `update_or_create`. The write guard catches the same at run time,
but only on the paths the tests happen to walk; this reads every line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", "tests", "migrations", "node_modules", "bench", ".git"}
WRITES = {
    "save",
    "delete",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}

# Calls with a write's name that are not model writes: (path, the receiver's name, why).
NOT_MODEL_WRITES = {
    ("comparisons/views.py", "context"): "a template context (a dict)",
    ("annotations/views.py", "context"): "a template context (a dict)",
    ("checks/views.py", "context"): "a template context (a dict)",
    ("documents/management/commands/import_documents.py", "progress"): "a progress bar",
    # The worker's liveness row is bookkeeping the guard exempts (write_guard.EXEMPT_MODELS).
    ("provenance/management/commands/run_worker.py", "WorkerHeartbeat"): "the worker's beat",
}


def _watched(path: Path) -> bool:
    rel = path.relative_to(ROOT)
    if SKIP_DIRS & set(rel.parts):
        return False
    parts = rel.parts
    return (
        path.name in {"views.py", "tasks.py"}
        or (len(parts) >= 2 and parts[-2] == "routers")
        or (len(parts) >= 3 and parts[-3:-1] == ("management", "commands"))
    )


def _receiver(node: ast.expr) -> str:
    """The leftmost name of `a.b(…).c`: what a call chain starts from."""
    while True:
        if isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            return node.id if isinstance(node, ast.Name) else ""


def writes_in(source: str, rel: str) -> list[str]:
    """`path:line .name(` for each model write call in one module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        on_manager = name == "create" and "objects" in ast.unparse(node.func.value)
        if name not in WRITES and not on_manager:
            continue
        receiver = _receiver(node.func.value)
        if receiver.endswith("router") or (rel, receiver) in NOT_MODEL_WRITES:
            continue  # a ninja router's @router.delete(…) declares a route
        found.append(f"{rel}:{node.lineno} .{name}(")
    return found


def _modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if _watched(p))


def test_it_reads_the_pages_routers_commands_and_tasks() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in _modules()}
    assert {"accounts/views.py", "api/routers/tokens.py", "comparisons/tasks.py"} <= names
    assert "annotations/management/commands/import_annotations.py" in names


@pytest.mark.parametrize(
    "source",
    [
        "def v(r):\n    Label.objects.create(name='x')\n",
        "def v(r):\n    label.save(update_fields=['name'])\n",
        "def v(r):\n    Label.objects.filter(pk=1).update(name='x')\n",
        "def v(r):\n    get_label(r).delete()\n",
        "def v(r):\n    Label.objects.get_or_create(name='x')\n",
        "def v(r):\n    Label.objects.bulk_create([])\n",
    ],
)
def test_it_finds_each_kind_of_write(source: str) -> None:
    assert writes_in(source, "x/views.py")


def test_no_page_router_command_or_task_writes_outside_an_action() -> None:
    found = []
    for path in _modules():
        rel = path.relative_to(ROOT).as_posix()
        found += writes_in(path.read_text(encoding="utf-8"), rel)
    assert found == [], "call an action (a do_… function with @action) instead: " + ", ".join(found)
