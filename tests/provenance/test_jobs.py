"""One abstraction for background work: claims, staleness and restarts of all three kinds."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from comparisons.models import Comparison
from discovery.models import IndexState, Status
from documents.bulk import create_job, items_from_payload, run_items
from documents.metadata import Metadata
from documents.models import Document, ImportItem, ImportJob
from tests.conftest import make_document
from tests.documents.factories import zip_bytes

pytestmark = pytest.mark.django_db

LONG_AGO = timedelta(hours=2)
STORIES = {
    f"story-{n}.txt": f"Story {n}: the {word} council met on day {n} to discuss {word}.".encode()
    for n, word in enumerate(["harbour", "library", "bridge", "school"], start=1)
}


class WorkerKilled(Exception):
    """Stands in for a worker killed between two items."""


@pytest.fixture(autouse=True)
def stale_limit(settings: Any) -> None:
    settings.JOB_STALE_AFTER_SECONDS = 900


def resume_work() -> str:
    out = io.StringIO()
    call_command("resume_work", stdout=out)
    return out.getvalue()


def half_run_import(capture: Callable[..., Any]) -> ImportJob:
    """An import whose worker died after two of its four items, its heartbeat long gone."""
    with capture(execute=False):  # queued, never run: this test plays the first worker
        job = create_job("stories.zip", zip_bytes(STORIES), "zip", Metadata())
    assert ImportJob.objects.claim(job.pk)
    items = items_from_payload(zip_bytes(STORIES), "zip", Metadata())

    def die_after_two(record: ImportItem) -> None:
        if record.position == 2:
            raise WorkerKilled

    with pytest.raises(WorkerKilled):
        run_items(job, items, on_item=die_after_two)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - LONG_AGO)
    return ImportJob.objects.get(pk=job.pk)


def test_only_one_of_two_claims_wins() -> None:
    job = ImportJob.objects.create(name="claimed.zip")
    assert ImportJob.objects.claim(job.pk)
    assert not ImportJob.objects.claim(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING
    assert job.heartbeat_at is not None


def test_a_stale_job_can_be_claimed_again_and_a_live_one_cannot() -> None:
    job = ImportJob.objects.create(name="beating.zip", status=ImportJob.Status.RUNNING)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    assert not ImportJob.objects.claim(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - LONG_AGO)
    assert list(ImportJob.objects.stale()) == [job]
    job.refresh_from_db()
    assert job.is_stale()
    assert ImportJob.objects.claim(job.pk)


def test_a_dead_import_command_is_failed_not_retried(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    job = ImportJob.objects.create(
        name="corpus/",
        options={"command": True},
        status=ImportJob.Status.RUNNING,
        heartbeat_at=timezone.now() - LONG_AGO,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert "imports: 1 imports queued" in resume_work()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "import command stopped" in job.error


def test_a_queued_import_whose_task_was_lost_is_queued_again(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=False):  # the task never reaches a worker
        job = create_job("stories.zip", zip_bytes(STORIES), "zip", Metadata())
    with django_capture_on_commit_callbacks(execute=True):
        assert "imports: 0 imports queued" in resume_work()  # queued just now: left alone
        ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - LONG_AGO)
        assert "imports: 1 imports queued" in resume_work()
    job.refresh_from_db()
    assert (job.status, job.added) == (ImportJob.Status.DONE, 4)


def test_the_one_limit_governs_every_kind(settings: Any) -> None:
    job = ImportJob.objects.create(name="slow.zip", status=ImportJob.Status.RUNNING)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=5))
    assert not ImportJob.objects.stale().exists()
    settings.JOB_STALE_AFTER_SECONDS = 60
    assert ImportJob.objects.stale().exists()


def test_a_stale_comparison_is_restarted_at_start_up() -> None:
    source = make_document("Release", "The council will open three libraries next spring.")
    article = make_document(
        "Article", "The council will open three libraries next spring, it said."
    )
    comparison = Comparison.objects.create(
        source_version=source.current_version, derivative_version=article.current_version
    )
    Comparison.objects.filter(pk=comparison.pk).update(
        status=Comparison.Status.RUNNING, progress=5, started_at=timezone.now() - LONG_AGO
    )
    assert list(Comparison.objects.stale()) == [comparison]

    assert "comparisons: 1 comparisons queued" in resume_work()
    comparison.refresh_from_db()
    assert comparison.status == Comparison.Status.DONE
    assert not Comparison.objects.stale().exists()


def test_a_stale_indexing_step_is_restarted_at_start_up() -> None:
    document = make_document("Release", "The council will open three libraries next spring.")
    IndexState.objects.create(version=document.current_version, index_status=Status.RUNNING)
    IndexState.objects.update(updated_at=timezone.now() - LONG_AGO)
    assert IndexState.objects.stale(status_field="index_status").count() == 1

    assert "discovery: 1 index" in resume_work()
    state = IndexState.objects.get()
    assert (state.index_status, state.discovery_status) == (Status.DONE, Status.DONE)


def test_a_stale_import_resumes_where_it_stopped(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    job = half_run_import(django_capture_on_commit_callbacks)
    assert (job.status, job.processed, Document.objects.count()) == (ImportJob.Status.RUNNING, 2, 2)

    with django_capture_on_commit_callbacks(execute=True):
        assert "imports: 1 imports queued" in resume_work()

    job.refresh_from_db()
    assert (job.status, job.processed, job.added) == (ImportJob.Status.DONE, 4, 4)
    items = ImportItem.objects.filter(job=job)
    assert sorted(items.values_list("position", "outcome")) == [
        (n, ImportItem.Outcome.ADDED) for n in range(1, 5)
    ]
    assert Document.objects.count() == 4
    assert sorted(Document.objects.values_list("versions__number", flat=True)) == [1, 1, 1, 1]


def test_a_second_discovery_task_leaves_a_running_one_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from discovery import work

    runs: list[int] = []
    monkeypatch.setattr(work, "discover", lambda version: runs.append(version.pk))
    document = make_document("Release", "The council will open three libraries next spring.")
    version_id = document.current_version_id
    IndexState.objects.create(
        version_id=version_id, index_status=Status.DONE, discovery_status=Status.RUNNING
    )
    work.run_step(work.DISCOVERY, version_id)
    assert runs == []
    IndexState.objects.update(updated_at=timezone.now() - LONG_AGO)  # its worker died
    work.run_step(work.DISCOVERY, version_id)
    assert runs == [version_id]
    assert IndexState.objects.get().discovery_status == Status.DONE
