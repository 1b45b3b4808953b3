from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from documents.models import Document, ImportJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(demo_corpus: dict[str, Document]) -> Document:
    return demo_corpus["001"]


def read_urls(document: Document) -> list[str]:
    return [
        reverse("documents:list"),
        reverse("documents:detail", args=[document.pk]),
        reverse("documents:version", args=[document.pk, 1]),
        reverse("documents:original", args=[document.pk, 1]),
    ]


def write_urls(document: Document, job: ImportJob) -> list[str]:
    return [
        reverse("documents:upload"),
        reverse("documents:edit", args=[document.pk]),
        reverse("documents:import_job", args=[job.pk]),
        reverse("documents:import_job_status", args=[job.pk]),
    ]


@pytest.fixture
def job() -> ImportJob:
    return ImportJob.objects.create(name="test")


def test_anonymous_visitors_are_sent_to_sign_in(document: Document, job: ImportJob) -> None:
    client = Client()
    for url in read_urls(document) + write_urls(document, job):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_users_without_a_role_are_refused(
    document: Document, job: ImportJob, outsider: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(outsider)
    for url in read_urls(document) + write_urls(document, job):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("persona", ["educator", "moderator"])
def test_readers_can_read_but_not_add_or_change(
    persona: str,
    request: pytest.FixtureRequest,
    document: Document,
    job: ImportJob,
    client_for: Callable[[User], Client],
) -> None:
    client = client_for(request.getfixturevalue(persona))
    for url in read_urls(document):
        assert client.get(url).status_code == 200, url
    for url in write_urls(document, job):
        assert client.get(url).status_code == 403, url
    for name in ("archive", "unarchive"):
        assert client.post(reverse(f"documents:{name}", args=[document.pk])).status_code == 403
    response = client.post(reverse("documents:upload"), {"text": "Hello", "kind": "article"})
    assert response.status_code == 403
    assert Document.objects.count() == 5


def test_admins_can_read_and_write(
    document: Document, job: ImportJob, admin_member: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(admin_member)
    for url in read_urls(document) + write_urls(document, job):
        assert client.get(url).status_code == 200, url


def test_superusers_can_upload(client_for: Callable[[User], Client]) -> None:
    root = User.objects.create_superuser("root", "root@example.org", "pw")
    assert client_for(root).get(reverse("documents:upload")).status_code == 200


def test_upload_link_is_shown_to_admins_only(
    admin_member: User, educator: User, client_for: Callable[[User], Client]
) -> None:
    upload = reverse("documents:upload")
    assert upload in client_for(admin_member).get(reverse("documents:list")).content.decode()
    assert upload not in client_for(educator).get(reverse("documents:list")).content.decode()
