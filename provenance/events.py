"""The app's events, as Django signals sent once the change they tell of is committed.

Each signal is sent with `event=<name>` (the webhook event name, e.g. "document.added")
and `payload=<dict>`: JSON-safe ids and a few words, never model instances, so a
receiver (alert rules, webhooks) reads fresh rows itself and a webhook body is the
payload as it was sent. Senders call `emit(...)` with a payload built here, inside the
transaction that makes the change: `transaction.on_commit` holds the event back until
the change is stored, and drops it if the change is rolled back.

This module sits in the project package so every app can send without importing the
apps that listen (alerts connects to these signals in its `ready()`).
"""

from __future__ import annotations

import logging
from typing import Any, TypedDict

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

document_added = Signal()
comparison_done = Signal()
discovery_done = Signal()
annotation_reviewed = Signal()
import_finished = Signal()
alert_raised = Signal()

# The webhook name of each event; `EVENTS` is the list an admin picks from.
NAMES: dict[Signal, str] = {
    document_added: "document.added",
    comparison_done: "comparison.done",
    discovery_done: "discovery.done",
    alert_raised: "alert.raised",
    annotation_reviewed: "annotation.reviewed",
    import_finished: "import.finished",
}
EVENTS: tuple[str, ...] = tuple(NAMES.values())


class DocumentAdded(TypedDict):
    document_id: int
    version_id: int
    version: int
    title: str
    kind: str
    outlet_id: int | None


class ComparisonDone(TypedDict):
    comparison_id: int
    source_document_id: int
    derivative_document_id: int
    derivative_share: float
    findings: int


class DiscoveryDone(TypedDict):
    document_id: int
    version_id: int


class AnnotationReviewed(TypedDict):
    annotation_id: int
    status: str
    reviewed_by: str


class ImportFinished(TypedDict):
    job_id: int
    status: str


class AlertRaised(TypedDict):
    alert_id: int
    user_id: int
    kind: str
    comparison_id: int | None
    document_id: int | None
    message: str


def emit(signal: Signal, payload: Any) -> None:
    """Send `signal` with `payload` once the current transaction commits (at once outside one)."""
    name = NAMES[signal]
    data = dict(payload)

    def send() -> None:
        for receiver, result in signal.send_robust(sender=None, event=name, payload=data):
            if isinstance(result, Exception):
                # One failing listener must not stop the others, nor the write that sent it.
                logger.error("Receiver %s of %s failed: %r", receiver, name, result)

    transaction.on_commit(send)


def document_added_payload(version: Any) -> DocumentAdded:
    document = version.document
    return {
        "document_id": document.pk,
        "version_id": version.pk,
        "version": version.number,
        "title": document.title,
        "kind": document.kind,
        "outlet_id": document.outlet_id,
    }


def comparison_done_payload(comparison: Any) -> ComparisonDone:
    return {
        "comparison_id": comparison.pk,
        "source_document_id": comparison.source_version.document_id,
        "derivative_document_id": comparison.derivative_version.document_id,
        "derivative_share": float(comparison.derivative_share or 0.0),
        "findings": len((comparison.result or {}).get("findings", [])),
    }


def discovery_done_payload(version_id: int, document_id: int) -> DiscoveryDone:
    return {"document_id": document_id, "version_id": version_id}


def annotation_reviewed_payload(annotation: Any) -> AnnotationReviewed:
    reviewer = annotation.reviewed_by
    return {
        "annotation_id": annotation.pk,
        "status": annotation.status,
        "reviewed_by": reviewer.get_username() if reviewer is not None else "",
    }


def import_finished_payload(job: Any) -> ImportFinished:
    return {"job_id": job.pk, "status": job.status}
