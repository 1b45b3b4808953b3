"""The comparison models moved from the project package to their own app without losing rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("provenance", "0003_comparison_started_at"), ("documents", "0001_initial")]


def _migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


@pytest.mark.django_db(transaction=True)
def test_rows_and_permissions_survive_the_move() -> None:
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old_apps = _migrate([("comparisons", None), *BEFORE]).loader.project_state(BEFORE).apps
        user = old_apps.get_model("auth", "User").objects.create(username="keeper")
        document = old_apps.get_model("documents", "Document").objects.create(title="A release")
        version_model = old_apps.get_model("documents", "DocumentVersion")
        fields = {
            "original": b"x",
            "size": 1,
            "sha256": "0",
            "text_sha256": "0",
            "content_type": "text/plain",
        }
        v1 = version_model.objects.create(document=document, number=1, text="one", **fields)
        v2 = version_model.objects.create(document=document, number=2, text="two", **fields)
        old = old_apps.get_model("provenance", "Comparison").objects.create(
            source_version=v1, derivative_version=v2, result={"schema": 1}, created_by=user
        )
        old_apps.get_model("provenance", "ShareLink").objects.create(comparison=old, token="tok")
        content_type = old_apps.get_model("contenttypes", "ContentType")
        content_type.objects.get_or_create(app_label="provenance", model="comparison")

        new_apps = _migrate(leaves).loader.project_state(leaves).apps
        moved = new_apps.get_model("comparisons", "Comparison").objects.get(pk=old.pk)
        assert moved.result == {"schema": 1}
        assert moved.created_by_id == user.pk
        link = new_apps.get_model("comparisons", "ShareLink").objects.get(token="tok")
        assert link.comparison_id == old.pk
        assert "comparisons_comparison" in connection.introspection.table_names()
        assert "provenance_comparison" not in connection.introspection.table_names()
        assert content_type.objects.filter(app_label="comparisons", model="comparison").exists()
        assert not content_type.objects.filter(app_label="provenance", model="comparison").exists()
    finally:
        _migrate(leaves)
