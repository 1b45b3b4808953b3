"""Pages, API routers and commands of documents, discovery, comparisons and checks write
only through actions: no model write and no writing workflow helper is called from them.

Read from the source (an AST walk), so a new view that saves a row, or calls `ingest`
instead of `documents.actions.do_add_document`, fails here before any guard sees it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

ENTRY_POINTS = [
    "documents/views.py",
    "discovery/views.py",
    "comparisons/views.py",
    "checks/views.py",
    "api/routers/documents.py",
    "api/routers/imports.py",
    "api/routers/sources.py",
    "api/routers/comparisons.py",
    "api/routers/checks.py",
    *sorted(
        str(path.relative_to(ROOT))
        for app in ("documents", "discovery", "comparisons", "checks")
        for path in (ROOT / app / "management" / "commands").glob("*.py")
        if path.name != "__init__.py"
    ),
]

# Model writes, whatever they are called on.
ALWAYS = {"save", "delete", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
# Queryset writes: only when called on a manager or queryset (`context.update` is a dict's).
ON_QUERYSETS = {"create", "update"}
# The workflow helpers that write; the apps' actions call them, entry points do not.
HELPERS = {
    "ingest",
    "ingest_document",
    "receive_upload",
    "create_job",
    "create_url_job",
    "run_items",
    "resume",
    "edit_document",
    "archive_document",
    "unarchive_document",
    "requeue",
    "retry_failed",
    "find_sources_now",
    "get_or_compute",
    "ensure_current",
    "run_comparison",
    "retry",
    "ensure_demo_comparisons",
    "load_demo",
    "keep_check",
    "take_use",
    "purge_expired",
}
# Known and left as they are, each for its reason (see the merger's notes).
ALLOWED = {
    # The full index rebuild is many batched transactions over the whole corpus (scale's
    # area); its one bulk status reset is below.
}


def _called_name(node: ast.Call) -> tuple[str, str]:
    """The called attribute or name, and the source of what it is called on."""
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr, ast.unparse(func.value)
    if isinstance(func, ast.Name):
        return func.id, ""
    return "", ""


def writes_in(relative: str) -> list[str]:
    tree = ast.parse((ROOT / relative).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name, receiver = _called_name(node)
        if (relative, name) in ALLOWED:
            continue
        queryset = "objects" in receiver or ".filter(" in receiver or ".exclude(" in receiver
        if (
            name in ALWAYS
            or (name in ON_QUERYSETS and queryset)
            or (name in HELPERS and not receiver.startswith("actions"))
        ):
            found.append(f"{relative}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


@pytest.mark.parametrize("relative", ENTRY_POINTS)
def test_the_entry_point_writes_only_through_actions(relative: str) -> None:
    assert writes_in(relative) == []


def test_the_scan_sees_a_write(tmp_path: Path) -> None:
    # The scan itself must catch what it is meant to catch.
    sample = ROOT / "documents" / "_scan_sample.py"
    sample.write_text(
        "def view(request, document):\n"
        "    document.save()\n"
        "    Document.objects.filter(pk=1).update(title='x')\n"
        "    ingest(submission, meta)\n"
        "    actions.do_archive_document(request.user, request, document)\n"
        "    context.update(a=1)\n",
        encoding="utf-8",
    )
    try:
        found = writes_in("documents/_scan_sample.py")
    finally:
        sample.unlink()
    assert [line.split(": ", 1)[1] for line in found] == [
        "document.save()",
        "Document.objects.filter(pk=1).update(title='x')",
        "ingest(submission, meta)",
    ]


def test_every_action_runs_in_its_own_marked_transaction() -> None:
    """Each `do_…` of these apps is an @action, or opens `acting()` itself where it must
    read slowly first (or is a sequence of actions, as an import of many items is), or is a
    worker step over derived data (`working()`: short transactions of its own, no audit)."""
    sequences = {"do_import_items", "do_upload"}
    for app in ("documents", "discovery", "comparisons", "checks"):
        tree = ast.parse((ROOT / app / "actions.py").read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("do_"):
                continue
            decorated = any(ast.unparse(d) == "action" for d in node.decorator_list)
            acts = "acting()" in ast.unparse(node) or "working()" in ast.unparse(node)
            assert decorated or acts or node.name in sequences, f"{app}.actions.{node.name}"
