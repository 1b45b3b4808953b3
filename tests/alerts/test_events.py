"""Each event is sent once its change is committed, from the place that commits it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User

from provenance import events

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent() -> Iterator[list[tuple[str, dict[str, Any]]]]:
    got: list[tuple[str, dict[str, Any]]] = []

    def listen(sender: object, event: str, payload: dict[str, Any], **_: Any) -> None:
        got.append((event, payload))

    for signal in events.NAMES:
        signal.connect(listen, dispatch_uid="test-listen")
    yield got
    for signal in events.NAMES:
        signal.disconnect(dispatch_uid="test-listen")


def test_an_upload_sends_document_added_then_comparison_and_discovery_done(
    sent: list[tuple[str, dict[str, Any]]],
    admin_member: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from documents.actions import do_add_document
    from documents.ingest import NearDuplicates, Submission
    from documents.metadata import Metadata
    from tests.alerts.conftest import ALTERED, RELEASE

    with django_capture_on_commit_callbacks(execute=True):
        first = do_add_document(
            admin_member, None, Submission(text=RELEASE), Metadata(kind="press_release")
        )
    with django_capture_on_commit_callbacks(execute=True):
        second = do_add_document(
            admin_member,
            None,
            Submission(text=ALTERED),
            Metadata(),
            near_duplicates=NearDuplicates.SEPARATE,  # a new document, not a version
        )
    names = [name for name, _ in sent]
    assert names.count("document.added") == 2
    added = [p for n, p in sent if n == "document.added"]
    assert added[1]["document_id"] == second.document.pk and added[1]["version"] == 1
    done = [p for n, p in sent if n == "comparison.done"]
    assert done and done[0]["source_document_id"] == first.document.pk
    assert done[0]["derivative_document_id"] == second.document.pk
    discovered = [p["document_id"] for n, p in sent if n == "discovery.done"]
    assert second.document.pk in discovered


def test_nothing_is_sent_for_a_change_rolled_back(
    sent: list[tuple[str, dict[str, Any]]], django_capture_on_commit_callbacks: Any
) -> None:
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        events.emit(events.import_finished, {"job_id": 1, "status": "done"})
        transaction.set_rollback(True)
    assert sent == []


def test_a_review_sends_annotation_reviewed(
    sent: list[tuple[str, dict[str, Any]]],
    demo_comparison: Any,
    moderator: User,
    moderator2: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from annotations.models import Label
    from annotations.workflow import do_create_annotation, do_set_status, target_from_span

    version = demo_comparison.derivative_version
    target = target_from_span(version, 0, 20)
    annotation = do_create_annotation(moderator, target, Label.objects.first(), "a note")
    with django_capture_on_commit_callbacks(execute=True):
        do_set_status(annotation, moderator2, "confirmed")
    [(_name, payload)] = [(n, p) for n, p in sent if n == "annotation.reviewed"]
    assert payload == {
        "annotation_id": annotation.pk,
        "status": "confirmed",
        "reviewed_by": "max",
    }
