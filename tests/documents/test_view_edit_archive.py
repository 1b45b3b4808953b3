from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(admin_member: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(admin_member)


def test_archiving_hides_the_document_and_keeps_its_versions(
    client: Client, demo_corpus: dict[str, Document]
) -> None:
    document = demo_corpus["004"]
    response = client.post(reverse("documents:archive", args=[document.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.is_archived
    assert document.versions.count() == 1
    assert Document.objects.active().count() == 4


def test_archive_is_post_only(client: Client, demo_corpus: dict[str, Document]) -> None:
    assert client.get(reverse("documents:archive", args=[demo_corpus["004"].pk])).status_code == 405


def test_unarchiving_brings_it_back(client: Client, demo_corpus: dict[str, Document]) -> None:
    document = demo_corpus["004"]
    client.post(reverse("documents:archive", args=[document.pk]))
    client.post(reverse("documents:unarchive", args=[document.pk]))
    document.refresh_from_db()
    assert not document.is_archived


def test_editing_changes_metadata_and_outlet(
    client: Client, demo_corpus: dict[str, Document]
) -> None:
    document = demo_corpus["002"]
    response = client.post(
        reverse("documents:edit", args=[document.pk]),
        {"kind": "article", "title": "Renamed", "author": "A. Writer", "url": "",
         "published_on": "2022-11-14", "published_at": "", "language": "en",
         "outlet_name": "The Mirror"},
    )  # fmt: skip
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.author, document.outlet.name) == (
        "Renamed", "A. Writer", "The Mirror",
    )  # fmt: skip


def test_editing_with_an_invalid_date_shows_the_error(
    client: Client, demo_corpus: dict[str, Document]
) -> None:
    document = demo_corpus["002"]
    response = client.post(
        reverse("documents:edit", args=[document.pk]),
        {"kind": "article", "title": "X", "published_on": "2022-13-45", "language": "en"},
    )
    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()
    document.refresh_from_db()
    assert document.title != "X"
