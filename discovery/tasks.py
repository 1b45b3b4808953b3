"""Background tasks of source discovery (run by `manage.py db_worker`)."""

from __future__ import annotations

from django.tasks import task


@task()
def index_version_task(version_id: int) -> None:
    """Store a new version's fingerprints, then queue the search for its sources."""
    from discovery.work import INDEX, run_step

    run_step(INDEX, version_id)


@task()
def discover_task(version_id: int) -> None:
    """Find an indexed version's sources and derivatives and store the comparisons."""
    from discovery.work import DISCOVERY, run_step

    run_step(DISCOVERY, version_id)
