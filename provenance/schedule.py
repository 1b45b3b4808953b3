"""Periodic jobs run inside the worker: no cron outside the app.

An app registers a named job (`register("feeds.poll", every, run)`) in its `ready()`;
each worker loop calls `run_due()`, which runs every job whose time has come. Due
times are rows (`ScheduledJob`), so the schedule survives restarts, and a job is
claimed by a conditional UPDATE (`… WHERE next_at <= now`, moving `next_at` on): of
several workers on one database exactly one wins each turn, on SQLite and PostgreSQL
alike, with no lock held while the job runs.

A job that must do many small things at their own times (feeds, each with its own
interval) claims those itself the same way; the schedule only wakes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone

from provenance.actions import acting

logger = logging.getLogger(__name__)


class ScheduledJob(models.Model):
    """When a registered periodic job next runs, and how its last run went."""

    name = models.CharField(max_length=100, unique=True)
    next_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} next at {self.next_at:%Y-%m-%d %H:%M:%S}"


@dataclass(frozen=True)
class Periodic:
    name: str
    every: Callable[[], timedelta]  # read each turn, so settings overridden in tests apply
    run: Callable[[], object]


_registry: dict[str, Periodic] = {}


def register(name: str, every: Callable[[], timedelta], run: Callable[[], object]) -> None:
    """Add (or replace) a periodic job; call it from an app's `ready()`."""
    _registry[name] = Periodic(name, every, run)


def registered() -> list[str]:
    return sorted(_registry)


def claim(name: str, every: timedelta, now: datetime | None = None) -> bool:
    """Take this turn of job `name` if it is due; True for the one caller that won it."""
    now = now or timezone.now()
    with acting():
        ScheduledJob.objects.get_or_create(name=name, defaults={"next_at": now})
        won = ScheduledJob.objects.filter(name=name, next_at__lte=now).update(
            next_at=now + every, last_started_at=now
        )
    return won == 1


def run_due(now: datetime | None = None) -> list[str]:
    """Run every registered job that is due; return the names of those this process ran.

    A job that raises is logged and its error kept on its row; the others still run, and
    the failed one runs again at its next turn.
    """
    ran = []
    for name in registered():
        job = _registry[name]
        if not claim(name, job.every(), now):
            continue
        error = ""
        try:
            job.run()
        except Exception as exc:  # one broken job must not stop the worker or the others
            logger.exception("Scheduled job %s failed", name)
            error = f"{type(exc).__name__}: {exc}"[:2000]
        with acting():
            ScheduledJob.objects.filter(name=name).update(
                last_finished_at=timezone.now(), last_error=error
            )
        ran.append(name)
    return ran
