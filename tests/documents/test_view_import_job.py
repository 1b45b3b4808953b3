from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from documents.bulk import create_job
from documents.metadata import Metadata
from documents.models import ImportJob
from tests.documents.factories import zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(admin_member: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(admin_member)


def test_a_pending_job_polls_its_status(client: Client) -> None:
    job = ImportJob.objects.create(name="pending.zip")
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'data-finished="false"' in page
    assert reverse("documents:import_job_status", args=[job.pk]) in page
    status = client.get(reverse("documents:import_job_status", args=[job.pk])).json()
    assert status == {
        "id": job.pk, "status": "pending", "status_display": "Waiting to start",
        "stalled": False, "finished": False, "total": 0, "processed": 0, "percent": 0, "added": 0,
        "new_versions": 0, "duplicates": 0, "rejected": 0, "error": "",
    }  # fmt: skip


def test_a_finished_job_lists_every_item(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    archive = zip_bytes({"good.txt": b"A good story.", "empty.txt": b""})
    with django_capture_on_commit_callbacks(execute=True):
        job = create_job("batch.zip", archive, "zip", Metadata())
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'data-finished="true"' in page
    assert "good.txt" in page and "Added" in page
    assert "empty.txt" in page and "is empty" in page
    status = client.get(reverse("documents:import_job_status", args=[job.pk])).json()
    assert (status["finished"], status["percent"], status["rejected"]) == (True, 100, 1)


def test_an_unknown_job_is_404(client: Client) -> None:
    assert client.get(reverse("documents:import_job", args=[999])).status_code == 404
