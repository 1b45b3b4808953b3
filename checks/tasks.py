"""Background tasks of the checks app (run by `manage.py db_worker`)."""

from __future__ import annotations

from django.tasks import task


@task()
def run_check(check_id: int) -> None:
    """Fetch and check an article's address, away from the web request that asked."""
    from checks.workflow import run_url_check

    run_url_check(check_id)
