"""POST /documents with a url answers 202 at once; the worker fetches and stores the page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from audit.models import AuditEntry
from documents.models import Document, ImportJob
from tests.api.conftest import problem
from tests.documents.held_server import HeldServer, held_server

pytestmark = pytest.mark.django_db
DOCUMENTS = "/api/v1/documents"


@pytest.fixture
def server(settings: Any) -> Iterator[HeldServer]:
    settings.FETCH_ALLOW_PRIVATE = True  # loopback, for these tests only
    with held_server() as state:
        yield state


def test_a_url_is_accepted_at_once_and_stored_by_the_worker(
    api_for: Any,
    admin_member: Any,
    server: HeldServer,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    client = api_for(admin_member)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(
            DOCUMENTS, {"url": f"{server.url}/story", "title": "Fetched", "kind": "article"}
        )
    assert server.connections == 0  # answered while the page was still held back
    assert response.status_code == 202, response.content
    body = response.json()
    job = ImportJob.objects.get()
    assert response["Location"] == body["url"]
    assert body["url"].endswith(f"/api/v1/imports/{job.pk}")
    assert (body["status"], body["document"]) == ("pending", None)
    entry = AuditEntry.objects.get(action="documents_import")
    assert (entry.actor, entry.details["via"]) == (admin_member, "api")

    server.released.set()
    for task in queued:
        task()
    polled = client.get(body["url"]).json()
    document = Document.objects.get()
    assert (polled["status"], polled["finished"], polled["added"]) == ("done", True, 1)
    assert polled["document"]["id"] == document.pk
    assert document.title == "Fetched"


def test_a_url_that_fails_ends_the_job_failed_with_the_reason(
    api_for: Any,
    admin_member: Any,
    server: HeldServer,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    client = api_for(admin_member)
    server.released.set()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DOCUMENTS, {"url": f"{server.url}/missing"})
    polled = client.get(response["Location"]).json()
    assert polled["status"] == "failed"
    assert "404" in polled["error"]
    assert polled["document"] is None
    assert not Document.objects.exists()


def test_a_private_address_is_refused_before_anything_is_queued(
    api_for: Any, admin_member: Any
) -> None:
    response = api_for(admin_member).post(DOCUMENTS, {"url": "http://192.168.1.4/x"})
    assert "not allowed" in problem(response, 400)["detail"]
    assert not ImportJob.objects.exists()
