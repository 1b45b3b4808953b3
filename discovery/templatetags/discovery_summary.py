"""The home page's discovery status for admins: what waits, what failed, whether work moves."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Q
from django_tasks_db.models import DBTaskResult

from discovery.models import IndexState, Status

register = template.Library()


@register.inclusion_tag("discovery/_summary.html")
def discovery_summary() -> dict[str, Any]:
    states = IndexState.objects.all()
    waiting = Q(index_status__in=[Status.PENDING, Status.RUNNING]) | Q(
        discovery_status__in=[Status.PENDING, Status.RUNNING]
    )
    # The task queue tells whether a worker is taking work: tasks waiting for one, and
    # when one last finished a task. Under the immediate backend (tests) it stays empty.
    tasks = DBTaskResult.objects.all()
    last = tasks.filter(finished_at__isnull=False).order_by("-finished_at").first()
    return {
        "pending": states.filter(waiting).count(),
        "failed": states.failed().count(),
        "stale": states.stale().count(),
        "queued_tasks": tasks.filter(status="READY").count(),
        "last_finished": last.finished_at if last else None,
    }
