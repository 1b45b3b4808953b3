from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from documents.ingest import Submission, ingest
from documents.metadata import Metadata
from documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(educator: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(educator)


def test_it_shows_metadata_and_paragraphs(client: Client, demo_corpus: dict) -> None:
    document = demo_corpus["004"]
    response = client.get(document.get_absolute_url())
    page = response.content.decode()
    assert "Cleverly says French efforts on illegal migration exemplary" in page
    assert "The Independent" in page
    assert "Dominic McGrath" in page
    assert "31 January 2024" in page
    paragraphs = response.context["paragraphs"]
    assert len(paragraphs) > 10
    text = document.current_version.text
    for paragraph in paragraphs:
        assert text[paragraph.start : paragraph.end].startswith(paragraph.text[:20])


def test_hard_wrapped_release_is_reflowed_for_reading(client: Client, demo_corpus: dict) -> None:
    response = client.get(demo_corpus["001"].get_absolute_url())
    shown = [p.text for p in response.context["paragraphs"]]
    assert (
        "The arrangement means, for the first time, specialist UK officers will also be "
        "embedded with their French counterparts, which will increase information sharing"
    ) in shown[4]
    assert len(shown) == 18
    # The stored text stays as published: line breaks and indents intact.
    assert "\n  will also be embedded" in demo_corpus["001"].text


def test_it_lists_versions_and_shows_an_older_one(client: Client, demo_corpus: dict) -> None:
    document = demo_corpus["002"]
    ingest(
        Submission(text="A corrected report, wholly rewritten."), Metadata(), version_of=document
    )
    page = client.get(document.get_absolute_url()).content.decode()
    assert "v1" in page and "v2" in page
    old = client.get(reverse("documents:version", args=[document.pk, 1]))
    assert "not the current version" in old.content.decode()
    assert "Refugee Council" in old.content.decode()


def test_a_missing_version_is_404(client: Client, demo_corpus: dict) -> None:
    response = client.get(reverse("documents:version", args=[demo_corpus["001"].pk, 9]))
    assert response.status_code == 404


def test_it_shows_the_stripped_furniture(client: Client, demo_corpus: dict) -> None:
    page = client.get(demo_corpus["004"].get_absolute_url()).content.decode()
    assert "Site furniture removed (8 lines)" in page
    assert "Thank you for registering" in page


def test_the_original_downloads_as_an_attachment(client: Client, demo_corpus: dict) -> None:
    document = demo_corpus["004"]
    response = client.get(reverse("documents:original", args=[document.pk, 1]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"Your support helps us to tell the story" in response.content


def test_archived_documents_are_404_for_readers_but_not_admins(
    client: Client, admin_member: User, client_for: Callable[[User], Client], demo_corpus: dict
) -> None:
    document = demo_corpus["003"]
    Document.objects.filter(pk=document.pk).update(archived_at=timezone.now())
    assert client.get(document.get_absolute_url()).status_code == 404
    page = client_for(admin_member).get(document.get_absolute_url()).content.decode()
    assert "Archived" in page and "Unarchive" in page


def test_admin_actions_are_offered_to_admins_only(
    client: Client, admin_member: User, client_for: Callable[[User], Client], demo_corpus: dict
) -> None:
    url = demo_corpus["001"].get_absolute_url()
    assert "Add a new version" not in client.get(url).content.decode()
    assert "Add a new version" in client_for(admin_member).get(url).content.decode()
