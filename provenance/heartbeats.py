"""Workers' sign of life, for /healthz: one row per worker, its last beat.

A worker (`manage.py run_worker`) beats when its loop wakes and after each task,
at most every WORKER_BEAT_SECONDS, so a worker that is alive but stuck (in one
very long task, or on a database it cannot reach) stops beating and shows as
stale. The worker names its row; `scripts/serve` names them host-slot, so a
restarted worker takes over its predecessor's row instead of leaving a dead one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class WorkerHeartbeatQuerySet(models.QuerySet["WorkerHeartbeat"]):
    def beat(self, worker: str, now: datetime | None = None) -> None:
        """Record that `worker` is alive now."""
        self.update_or_create(worker=worker, defaults={"beat_at": now or timezone.now()})


class WorkerHeartbeat(models.Model):
    worker = models.CharField(max_length=64, unique=True)
    beat_at = models.DateTimeField()

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        ordering = ["worker"]

    def __str__(self) -> str:
        return f"{self.worker} at {self.beat_at:%Y-%m-%d %H:%M:%S}"


@dataclass(frozen=True)
class WorkersHealth:
    status: str  # "ok": every worker beat lately; "stale": one has not; "none": no worker yet
    last_beat_age_seconds: float | None
    workers: dict[str, float]  # each worker's beat age in seconds

    def as_dict(self) -> dict[str, object]:
        return {
            "status": self.status,
            "last_beat_age_seconds": self.last_beat_age_seconds,
            "stale_after_seconds": settings.WORKER_STALE_AFTER_SECONDS,
            "workers": self.workers,
        }


def workers_health(now: datetime | None = None) -> WorkersHealth:
    """Tell how long ago each worker beat, and whether any has gone quiet too long."""
    now = now or timezone.now()
    ages = {
        beat.worker: round((now - beat.beat_at).total_seconds(), 1)
        for beat in WorkerHeartbeat.objects.all()
    }
    if not ages:
        return WorkersHealth("none", None, {})
    limit = timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS).total_seconds()
    status = "stale" if max(ages.values()) > limit else "ok"
    return WorkersHealth(status, min(ages.values()), ages)
