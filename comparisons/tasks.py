"""Background tasks of the comparison app (run by `manage.py db_worker`)."""

from __future__ import annotations

from django.tasks import task


@task()
def compute_comparison(comparison_id: int) -> None:
    """Compute a stored comparison that was too long to compute during the request."""
    from comparisons.compare import run_comparison_by_id

    run_comparison_by_id(comparison_id)
