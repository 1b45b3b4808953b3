"""A URL given on the upload page is fetched by the worker, never inside the request."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from documents.models import Document, DocumentVersion, ImportJob
from tests.conftest import make_document
from tests.documents.held_server import HeldServer, held_server

pytestmark = pytest.mark.django_db
UPLOAD = reverse("documents:upload")


@pytest.fixture
def client(admin_member: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(admin_member)


@pytest.fixture
def server(settings: Any) -> Iterator[HeldServer]:
    settings.FETCH_ALLOW_PRIVATE = True  # loopback, for these tests only
    with held_server() as state:
        yield state


def test_the_post_answers_before_any_connection_and_the_worker_stores_the_page(
    client: Client, server: HeldServer, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(
            UPLOAD, {"kind": "article", "url": f"{server.url}/story", "title": "By URL"}
        )
    # The request is over and the server never saw it: the fetch is the worker's.
    assert server.connections == 0
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert job.status == ImportJob.Status.PENDING
    assert not Document.objects.exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert f"{server.url}/story" in page
    assert 'data-finished="false"' in page
    entry = AuditEntry.objects.get(action="documents_import")
    assert entry.details == {"job": job.pk, "url": f"{server.url}/story"}

    server.released.set()
    for task in queued:  # the worker picks the job up
        task()
    assert server.connections == 1
    job.refresh_from_db()
    assert (job.status, job.added) == (ImportJob.Status.DONE, 1)
    document = Document.objects.get()
    assert document.title == "By URL"
    assert document.current_version.source == DocumentVersion.Source.URL
    assert document.current_version.source_url == f"{server.url}/story"
    assert document.get_absolute_url() in client.get(job.get_absolute_url()).content.decode()


def test_a_page_that_cannot_be_read_fails_the_job_in_words(
    client: Client, server: HeldServer, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    server.released.set()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(UPLOAD, {"kind": "article", "url": f"{server.url}/missing"})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert "404" in job.error
    assert not Document.objects.exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert job.error in page.replace("&#x27;", "'")


def test_a_url_can_be_a_new_version_of_a_document(
    client: Client, server: HeldServer, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    document = make_document("The story", "An earlier text of the story, quite different.")
    server.released.set()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{UPLOAD}?version_of={document.pk}",
            {"kind": "article", "url": f"{server.url}/story", "version_of": document.pk},
        )
    assert Document.objects.count() == 1
    document.refresh_from_db()
    assert document.versions.count() == 2
    assert document.current_version.source_url == f"{server.url}/story"


def test_an_address_refused_on_its_face_is_refused_in_the_form(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(UPLOAD, {"kind": "article", "url": "http://10.0.0.8/story"})
    assert response.status_code == 200
    assert "not allowed" in response.content.decode()
    assert not ImportJob.objects.exists()
