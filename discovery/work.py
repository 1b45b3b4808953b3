"""Background work for discovery: index a new version, then look for its sources.

Each step records its state on the version's `IndexState` before and after it
runs, so the page can say pending / running / done / failed, and a restarted
worker loses nothing (`resume` enqueues whatever is still pending or stale).
django.tasks has no automatic retry, so a failed step re-enqueues itself until
`DISCOVERY_MAX_ATTEMPTS` runs have failed; admins see the last error.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.tasks import default_task_backend
from django.utils import timezone

from discovery.index import index_version
from discovery.models import IndexState, Status
from discovery.search import discover
from documents.models import DocumentVersion

logger = logging.getLogger(__name__)

INDEX = "index"
DISCOVERY = "discovery"


def on_version_created(sender: object, version: DocumentVersion | None = None, **_: Any) -> None:
    """Mark the new version pending and queue its indexing once the version is committed."""
    if version is None:
        return
    IndexState.objects.update_or_create(
        version=version,
        defaults={
            "index_status": Status.PENDING,
            "discovery_status": Status.PENDING,
            "attempts": 0,
            "error": "",
            "updated_at": timezone.now(),
        },
    )
    version_id = version.pk
    transaction.on_commit(lambda: enqueue(INDEX, version_id))


def enqueue(step: str, version_id: int, delay: timedelta | None = None) -> None:
    from discovery import tasks

    task = tasks.index_version_task if step == INDEX else tasks.discover_task
    if delay and default_task_backend.supports_defer:
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue(version_id)


def _mark(version_id: int, step: str, status: str, **extra: Any) -> None:
    IndexState.objects.filter(version_id=version_id).update(
        **{f"{step}_status": status, "updated_at": timezone.now()}, **extra
    )


def run_step(step: str, version_id: int) -> None:
    """Run one step for a version, recording its state; retry or fail on an error."""
    version = DocumentVersion.objects.select_related("document").filter(pk=version_id).first()
    if version is None:
        return  # deleted since it was queued
    IndexState.objects.get_or_create(version=version)
    _mark(version_id, step, Status.RUNNING)
    try:
        if step == INDEX:
            index_version(version)
        else:
            discover(version)
    except Exception as exc:  # any failure must reach the state row, or the page says "running"
        logger.exception("Discovery %s of version %s failed", step, version_id)
        _failed(step, version_id, f"{type(exc).__name__}: {exc}")
        return
    if step == INDEX:
        _mark(version_id, INDEX, Status.DONE, attempts=0, error="")
        _mark(version_id, DISCOVERY, Status.PENDING)
        enqueue(DISCOVERY, version_id)
    else:
        now = timezone.now()
        _mark(version_id, DISCOVERY, Status.DONE, attempts=0, error="", discovered_at=now)


def _failed(step: str, version_id: int, error: str) -> None:
    IndexState.objects.filter(version_id=version_id).update(attempts=F("attempts") + 1)
    state = IndexState.objects.get(version_id=version_id)
    if state.attempts < settings.DISCOVERY_MAX_ATTEMPTS:
        _mark(version_id, step, Status.PENDING, error=error)
        # Back off 30 s, 60 s, … so a passing problem (a locked database) can clear.
        enqueue(step, version_id, delay=timedelta(seconds=30 * state.attempts))
    else:
        _mark(version_id, step, Status.FAILED, error=error)


def resume() -> dict[str, int]:
    """Queue every step left pending or stale (after a restart) and index unseen versions."""
    unseen = DocumentVersion.objects.filter(
        document__current_version=F("pk"), index_state__isnull=True
    ).values_list("pk", flat=True)
    IndexState.objects.bulk_create([IndexState(version_id=pk) for pk in unseen])
    counts = {INDEX: 0, DISCOVERY: 0}
    for version_id in IndexState.objects.needing_index().values_list("version_id", flat=True):
        enqueue(INDEX, version_id)
        counts[INDEX] += 1
    for version_id in IndexState.objects.needing_discovery().values_list("version_id", flat=True):
        enqueue(DISCOVERY, version_id)
        counts[DISCOVERY] += 1
    return counts


def retry_failed() -> int:
    """Give every failed step a fresh set of attempts and queue it again."""
    failed = list(IndexState.objects.failed())
    for state in failed:
        step = INDEX if state.index_status == Status.FAILED else DISCOVERY
        _mark(state.version_id, step, Status.PENDING, attempts=0)
        enqueue(step, state.version_id)
    return len(failed)


def on_version_deleted(sender: object, instance: DocumentVersion | None = None, **_: Any) -> None:
    """Drop a deleted version's postings (the table has no foreign-key cascade)."""
    from discovery.index import remove_postings

    if instance is not None:
        state = IndexState.objects.filter(version=instance).first()
        remove_postings(instance, counted=bool(state and state.terms))


def requeue(version: DocumentVersion) -> None:
    """Index and search again for one version now (an admin asked for it)."""
    on_version_created(None, version=version)
