"""The migration that adds the claim flag computes it for comparisons stored before it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.claim_pair import fibre_comparison

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("comparisons", "0004_comparison_status_the_one_job_status")]
AFTER = [("comparisons", "0005_comparison_overstates_claim")]


def test_existing_results_are_flagged_by_the_migration(transactional_db: None) -> None:
    comparison = fibre_comparison()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    old = executor.loader.project_state(AFTER).apps.get_model("comparisons", "Comparison")
    assert old.objects.get(pk=comparison.pk).overstates_claim
