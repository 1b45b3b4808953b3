"""One way to run background work and notice when its worker died.

Every kind of background work (a long comparison, indexing and discovery of a
version, a bulk import) is a row with a status: pending → running → done or
failed. A running row's *heartbeat* is refreshed as the work goes on; a row in
flight whose heartbeat is older than `JOB_STALE_AFTER_SECONDS` has lost its
worker (the process was killed, the machine restarted) and is *stale*. Stale
rows are restarted by whoever notices first: the next poll of the work's page,
or `manage.py resume_work` at start-up.

Two rules keep a restart safe:
- a claim is a conditional UPDATE (`claim`, `claim_stale`), so of two processes
  that see the same row only one wins, whatever the database;
- the work itself is idempotent per unit (an import item is marked done in the
  same transaction that ingests it), so a restart redoes only what never committed.

`Job` is the abstract model for new kinds; older kinds whose columns predate it
(`Comparison`, `IndexState`) subclass `JobQuerySet` and name their columns
through `status_field` and `beat_field`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Self, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Status(models.TextChoices):
    PENDING = "pending", "Waiting to start"
    RUNNING = "running", "Running"
    DONE = "done", "Finished"
    FAILED = "failed", "Failed"


IN_FLIGHT = (Status.PENDING, Status.RUNNING)


def stale_after() -> timedelta:
    """How long work in flight may go without a heartbeat before its worker counts as dead."""
    return timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS)


def stale_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - stale_after()


def beat_is_older_than(
    beat: datetime | None, limit: timedelta, now: datetime | None = None
) -> bool:
    """Tell whether a heartbeat is older than `limit`; a missing one counts as old.

    Rows from before heartbeats were recorded have none, and nothing else would
    ever finish them.
    """
    return beat is None or (now or timezone.now()) - beat > limit


_M = TypeVar("_M", bound=models.Model)


class JobQuerySet(models.QuerySet[_M]):
    """Queries and claims shared by every kind of background work."""

    status_field = "status"
    beat_field = "heartbeat_at"

    def _status(self, status_field: str | None) -> str:
        return status_field or self.status_field

    def in_flight_q(self, status_field: str | None = None) -> Q:
        """Rows handed to a worker: queued (their task may be lost with it) or running."""
        return Q(**{f"{self._status(status_field)}__in": IN_FLIGHT})

    def stale_q(self, now: datetime | None = None, status_field: str | None = None) -> Q:
        beat = self.beat_field
        old = Q(**{f"{beat}__isnull": True}) | Q(**{f"{beat}__lt": stale_cutoff(now)})
        return self.in_flight_q(status_field) & old

    def stale(self, now: datetime | None = None, *, status_field: str | None = None) -> Self:
        """Work in flight whose heartbeat stopped longer ago than the stale limit."""
        return self.filter(self.stale_q(now, status_field))

    def claimable(self, *, status_field: str | None = None) -> Self:
        """Work a worker may take: pending, or stale."""
        status = self._status(status_field)
        return self.filter(Q(**{status: Status.PENDING}) | self.stale_q(None, status_field))

    def claim(self, pk: Any, *, status_field: str | None = None, **extra: Any) -> bool:
        """Mark one pending (or stale) row running for this worker; False if another has it.

        One conditional UPDATE: the database decides, so two workers never both win.
        """
        now = timezone.now()
        fields = {self._status(status_field): Status.RUNNING, self.beat_field: now, **extra}
        return bool(self.claimable(status_field=status_field).filter(pk=pk).update(**fields))

    def claim_stale(self, pk: Any, seen_beat: datetime | None, **extra: Any) -> bool:
        """Take over one stale row, as the caller saw it; False if anyone changed it since.

        Matching the heartbeat the caller read means a worker that has just beaten
        (or another request that restarted the row first) is left alone.
        """
        return bool(
            self.stale()
            .filter(pk=pk, **{self.beat_field: seen_beat})
            .update(**{self.beat_field: timezone.now()}, **extra)
        )

    def restart_stale(self, *, status_field: str | None = None) -> list[Any]:
        """Put every stale row back to pending (fresh heartbeat); return their keys to requeue."""
        keys = list(self.stale(status_field=status_field).values_list("pk", flat=True))
        restarted = []
        for pk in keys:
            fields = {self._status(status_field): Status.PENDING}
            if (
                self.stale(status_field=status_field)
                .filter(pk=pk)
                .update(**fields, **{self.beat_field: timezone.now()})
            ):
                restarted.append(pk)
        return restarted


class Job(models.Model):
    """The columns of one piece of background work (abstract: each kind has its own table)."""

    Status = Status

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    # The last sign of life: queued, claimed, or a unit of work done. A job in flight whose
    # heartbeat stops is stale (a queued one too: its task may have died with a worker).
    heartbeat_at = models.DateTimeField(default=timezone.now, null=True, blank=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Runs started so far.")
    error = models.TextField(blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in {Status.DONE, Status.FAILED}

    def is_stale(self, now: datetime | None = None) -> bool:
        return self.status in IN_FLIGHT and beat_is_older_than(
            self.heartbeat_at, stale_after(), now
        )


# Each app registers how to requeue its stale and left-over work; `resume_work` runs them all,
# so the project package never imports the apps.
Resumer = Callable[[], dict[str, int]]
_resumers: dict[str, Resumer] = {}


def register_resumer(name: str, resumer: Resumer) -> None:
    _resumers[name] = resumer


def resume_all() -> dict[str, dict[str, int]]:
    """Requeue what stopped workers left behind, for every kind of work."""
    return {name: resumer() for name, resumer in sorted(_resumers.items())}
