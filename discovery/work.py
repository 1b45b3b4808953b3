"""Background work for discovery: index a new version, then look for its sources.

Each step records its state on the version's `IndexState` before and after it
runs, so the page can say pending / running / done / failed, and a restarted
worker loses nothing (`resume` enqueues whatever is still pending or stale).
django.tasks has no automatic retry, so a failed step re-enqueues itself until
`DISCOVERY_MAX_ATTEMPTS` runs have failed; admins see the last error.

Indexing is batched: every upload still queues an index task, but the task claims
its own version and up to `DISCOVERY_INDEX_BATCH` - 1 other fresh pending ones
(marking them running) and indexes them together in one transaction; the tasks of
the others then find their version taken and return at once. A batch that fails is
indexed again one version at a time, so a bad version fails (and retries) alone.
A version being retried is never taken by another batch: its own delayed task
runs it, so the back-off holds.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.tasks import default_task_backend, task
from django.utils import timezone

from discovery.index import index_version, index_versions
from discovery.models import IndexState, Status
from discovery.near_duplicates import record as record_near_duplicate
from discovery.search import discover
from documents.models import DocumentVersion
from provenance import events
from provenance.actions import worker_step
from provenance.jobs import stale_cutoff

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


@task()
@worker_step
def index_version_task(version_id: int) -> None:
    """Store a new version's fingerprints, then queue the search for its sources."""
    run_step(INDEX, version_id)


@task()
@worker_step
def discover_task(version_id: int) -> None:
    """Find an indexed version's sources and derivatives and store the comparisons."""
    run_step(DISCOVERY, version_id)


def enqueue(step: str, version_id: int, delay: timedelta | None = None) -> None:
    # The tasks live here, beside the steps they run, so queueing one imports nothing
    # that imports this module back.
    chosen = index_version_task if step == INDEX else discover_task
    if delay and default_task_backend.supports_defer:
        chosen = chosen.using(run_after=timezone.now() + delay)
    chosen.enqueue(version_id)


def _mark(version_id: int, step: str, status: str, **extra: Any) -> None:
    IndexState.objects.filter(version_id=version_id).update(
        **{f"{step}_status": status, "updated_at": timezone.now()}, **extra
    )


def claim(version_id: int, limit: int) -> list[int]:
    """Take a version and up to `limit` - 1 other fresh pending ones for this worker.

    Returns their ids, the given one first; none if the version is gone, already
    indexed, or being indexed by another worker. Rows go from pending (or stale
    running) to running by a conditional UPDATE, in a short transaction of its own:
    on PostgreSQL the others are chosen with `FOR UPDATE SKIP LOCKED`, so concurrent
    workers take disjoint sets; SQLite has one writer (transactions begin IMMEDIATE),
    so the choice and the update cannot interleave with another worker's.
    """
    state = IndexState.objects.filter(version_id=version_id).values("index_status", "updated_at")
    row = state.first()
    if row and not (
        row["index_status"] == Status.PENDING
        or (row["index_status"] == Status.RUNNING and row["updated_at"] < stale_cutoff())
    ):
        return []  # indexed by an earlier batch, or being indexed: one read, no transaction
    now = timezone.now()
    with transaction.atomic():
        if not DocumentVersion.objects.filter(pk=version_id).exists():
            return []  # deleted since it was queued
        IndexState.objects.get_or_create(version_id=version_id)
        if not IndexState.objects.claim(version_id, status_field="index_status"):
            return []
        wanted = IndexState.objects.needing_index()
        others = list(
            wanted.filter(attempts=0)  # a version under retry waits for its own task
            .exclude(version_id=version_id)
            .order_by("version_id")
            .select_for_update(skip_locked=True)
            .values_list("version_id", flat=True)[: max(limit - 1, 0)]
        )
        if others:
            IndexState.objects.filter(version_id__in=others).update(
                index_status=Status.RUNNING, updated_at=now
            )
    return [version_id, *others]


def index_batch(version_id: int) -> list[int]:
    """Index a version and the pending versions claimed with it; return those done.

    Each is marked done and queued for discovery, or failed with its own error.
    """
    ids = claim(version_id, settings.DISCOVERY_INDEX_BATCH)
    if not ids:
        return []
    versions = list(DocumentVersion.objects.select_related("document").filter(pk__in=ids))
    versions.sort(key=lambda v: v.pk)
    done: list[int] = []
    if len(versions) > 1:
        try:
            index_versions(versions)
            done = [v.pk for v in versions]
        except Exception:
            logger.warning(
                "Indexing a batch of %d versions failed; indexing them one by one",
                len(versions),
                exc_info=True,
            )
    if not done:
        for version in versions:
            try:
                index_version(version)
            except Exception as exc:  # the state row must say so, or the page says "running"
                logger.exception("Discovery %s of version %s failed", INDEX, version.pk)
                _failed(INDEX, version.pk, f"{type(exc).__name__}: {exc}")
            else:
                done.append(version.pk)
    if done:
        IndexState.objects.filter(version_id__in=done).update(
            attempts=0, error="", discovery_status=Status.PENDING, updated_at=timezone.now()
        )
        with transaction.atomic():  # one commit for the batch's queue rows
            for pk in done:
                enqueue(DISCOVERY, pk)
    return done


def run_step(step: str, version_id: int) -> None:
    """Run one step for a version, recording its state; retry or fail on an error."""
    if step == INDEX:
        index_batch(version_id)
        return
    version = DocumentVersion.objects.select_related("document").filter(pk=version_id).first()
    if version is None:
        return  # deleted since it was queued
    IndexState.objects.get_or_create(version=version)
    # The same claim as every job's: a second task for this version (a resume racing a
    # retry) finds it running and leaves it.
    indexed = IndexState.objects.filter(index_status=Status.DONE)
    if not indexed.claim(version_id, status_field="discovery_status"):
        return
    try:
        record_near_duplicate(version)
        discover(version)
    except Exception as exc:  # any failure must reach the state row, or the page says "running"
        logger.exception("Discovery %s of version %s failed", step, version_id)
        _failed(step, version_id, f"{type(exc).__name__}: {exc}")
        return
    now = timezone.now()
    _mark(version_id, DISCOVERY, Status.DONE, attempts=0, error="", discovered_at=now)
    done = events.discovery_done_payload(version_id, version.document_id)
    events.emit(events.discovery_done, done)


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
