"""The import poll reads only the status row; a job whose worker died is stalled until a POST."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from documents.bulk import create_job
from documents.metadata import Metadata
from documents.models import Document, ImportJob
from tests.documents.factories import zip_bytes

pytestmark = pytest.mark.django_db

ARCHIVE = zip_bytes(
    {"one.txt": b"The harbour will reopen in May.", "two.txt": b"The old library closes."}
)


@pytest.fixture
def client(admin_member: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(admin_member)


def queued_job(capture: Callable[..., Any]) -> ImportJob:
    with capture(execute=False):  # queued; its worker never ran it
        return create_job("stories.zip", ARCHIVE, "zip", Metadata())


def poll(client: Client, job: ImportJob) -> dict[str, Any]:
    response = client.get(reverse("documents:import_job_status", args=[job.pk]))
    assert response.status_code == 200
    return dict(response.json())


def test_the_poll_never_reads_the_archive(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    job = queued_job(django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as queries:
        status = poll(client, job)
    assert status["status"] == "pending"
    job_queries = [q["sql"] for q in queries.captured_queries if "importjob" in q["sql"]]
    assert job_queries  # the status row was read...
    assert not [sql for sql in queries.captured_queries if "payload" in sql["sql"]]  # ...not this


def _stall(job: ImportJob) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING, heartbeat_at=timezone.now() - timedelta(hours=1)
    )


def test_the_poll_says_stalled_and_restarts_nothing(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    job = queued_job(django_capture_on_commit_callbacks)
    _stall(job)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        status = poll(client, job)
    assert (status["status"], status["stalled"]) == ("stalled", True)
    assert status["status_display"] == "Stalled: its worker stopped"
    assert callbacks == []
    job.refresh_from_db()
    assert (job.status, job.processed) == (ImportJob.Status.RUNNING, 0)
    assert Document.objects.count() == 0


def test_the_job_page_offers_resume_and_the_post_restarts_it(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    job = queued_job(django_capture_on_commit_callbacks)
    _stall(job)
    page = client.get(job.get_absolute_url()).content.decode()
    resume = reverse("documents:import_job_resume", args=[job.pk])
    assert f'action="{resume}"' in page
    assert "Stalled: its worker stopped" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resume)
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.processed, job.added) == (ImportJob.Status.DONE, 2, 2)
    assert Document.objects.count() == 2
    entry = AuditEntry.objects.get(action="import_resumed")
    assert entry.details == {"job": job.pk}


def test_resume_is_a_post_and_leaves_a_live_job_alone(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    job = queued_job(django_capture_on_commit_callbacks)
    resume = reverse("documents:import_job_resume", args=[job.pk])
    assert client.get(resume).status_code == 405
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(resume)
    assert callbacks == []
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PENDING
    assert not AuditEntry.objects.filter(action="import_resumed").exists()


def test_the_poll_leaves_a_live_job_to_its_worker(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    job = queued_job(django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING, heartbeat_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert poll(client, job)["status"] == "running"
    assert callbacks == []
    assert Document.objects.count() == 0
