"""The worker's writes for URL uploads, imports and article checks run inside actions.

Every row saved or deleted while the task runs is watched (pre_save / pre_delete) and
must be written with the action mark set, as the write guard will demand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db.models.signals import pre_delete, pre_save

from checks.models import Check
from checks.workflow import run_url_check
from documents.bulk import create_job, create_url_job, run_import_job
from documents.metadata import Metadata
from documents.models import Document, ImportJob
from provenance.actions import in_action
from tests.conftest import make_user
from tests.documents.held_server import HeldServer, held_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def server(settings: Any) -> Iterator[HeldServer]:
    settings.FETCH_ALLOW_PRIVATE = True
    with held_server() as state:
        state.released.set()
        yield state


@pytest.fixture
def marks() -> Iterator[list[tuple[str, bool]]]:
    seen: list[tuple[str, bool]] = []

    def watch(sender: type, **_: Any) -> None:
        seen.append((sender.__name__, in_action()))

    pre_save.connect(watch, dispatch_uid="test-marks-save")
    pre_delete.connect(watch, dispatch_uid="test-marks-delete")
    yield seen
    pre_save.disconnect(dispatch_uid="test-marks-save")
    pre_delete.disconnect(dispatch_uid="test-marks-delete")


def _queued(capture: Callable[..., Any], make: Callable[[], ImportJob]) -> ImportJob:
    with capture(execute=False):
        return make()


def test_a_url_job_writes_only_inside_actions(
    server: HeldServer, marks: list[tuple[str, bool]], django_capture_on_commit_callbacks: Any
) -> None:
    job = _queued(
        django_capture_on_commit_callbacks,
        lambda: create_url_job(f"{server.url}/story", Metadata(kind="article")),
    )
    marks.clear()
    run_import_job.call(job.pk)
    assert Document.objects.count() == 1
    assert {name for name, _ in marks} >= {"Document", "DocumentVersion", "ImportItem"}
    assert [m for m in marks if not m[1]] == []


def test_a_bulk_import_writes_only_inside_actions(
    marks: list[tuple[str, bool]], django_capture_on_commit_callbacks: Any
) -> None:
    manifest = b'{"title": "One", "text": "The harbour reopens in May after repairs."}\n'
    job = _queued(
        django_capture_on_commit_callbacks,
        lambda: create_job("m.jsonl", manifest, "jsonl", Metadata(kind="article")),
    )
    marks.clear()
    run_import_job.call(job.pk)
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.DONE
    assert marks and [m for m in marks if not m[1]] == []


def test_an_address_check_writes_only_inside_actions(
    server: HeldServer, marks: list[tuple[str, bool]], seeds: Any
) -> None:
    owner = make_user("edna", "educators")
    check = Check.objects.create(owner=owner, url=f"{server.url}/story", text="")
    marks.clear()
    run_url_check(check.pk)
    check.refresh_from_db()
    assert check.status == Check.Status.DONE, check.error
    assert ("Check", True) in marks
    assert [m for m in marks if not m[1]] == []
