"""Every API write leaves an audit entry naming its actor, written in the same transaction."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEntry
from documents.models import Document
from tests.conftest import make_document

Action = AuditEntry.Action


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def test_adding_a_document_through_the_api_is_audited_with_its_actor(api_for, admin_member):
    response = api_for(admin_member).post(
        "/api/v1/documents", {"text": "The council met on Tuesday to agree a budget.", "title": "T"}
    )
    assert response.status_code == 201
    entry = AuditEntry.objects.get(action=Action.DOCUMENT_ADDED)
    assert entry.actor == admin_member
    assert entry.object_id == str(response.json()["document"]["id"])
    assert entry.details == {"version": 1, "via": "api"}


def test_a_duplicate_writes_no_entry(api_for, admin_member):
    client = api_for(admin_member)
    text = {"text": "The council met on Tuesday to agree a budget."}
    client.post("/api/v1/documents", text)
    assert client.post("/api/v1/documents", text).status_code == 200
    assert AuditEntry.objects.filter(action=Action.DOCUMENT_ADDED).count() == 1


def test_uploading_a_file_is_audited_with_its_actor(api_for, admin_member):
    upload = SimpleUploadedFile("note.txt", b"The harbour will reopen in May, officials said.")
    response = api_for(admin_member).post(
        "/api/v1/documents/upload", {"file": upload, "kind": "article"}, multipart=True
    )
    assert response.status_code == 201, response.content
    entry = AuditEntry.objects.get(action=Action.DOCUMENT_ADDED)
    assert entry.actor == admin_member


def test_archiving_through_the_api_is_audited_with_its_actor(api_for, admin_member):
    document = make_document("Story", "A story about the harbour reopening in May.")
    client = api_for(admin_member)
    assert client.post(f"/api/v1/documents/{document.pk}/archive").status_code == 200
    assert client.post(f"/api/v1/documents/{document.pk}/unarchive").status_code == 200
    archived = AuditEntry.objects.get(action=Action.DOCUMENT_ARCHIVED)
    assert archived.actor == admin_member and archived.object_id == str(document.pk)
    assert AuditEntry.objects.get(action=Action.DOCUMENT_UNARCHIVED).actor == admin_member
    assert Document.objects.get(pk=document.pk).archived_at is None


def test_a_refused_upload_stores_no_document_and_no_entry(api_for, admin_member):
    response = api_for(admin_member).post("/api/v1/documents", {"text": "   "})
    assert response.status_code == 400
    assert not AuditEntry.objects.exists()
    assert not Document.objects.exists()


def test_starting_an_import_through_the_api_is_audited_with_its_actor(api_for, admin_member):
    manifest = SimpleUploadedFile("batch.csv", b"title,text\nOne,The harbour will reopen in May.\n")
    response = api_for(admin_member).post("/api/v1/imports", {"file": manifest}, multipart=True)
    assert response.status_code == 202, response.content
    entry = AuditEntry.objects.get(action=Action.DOCUMENTS_IMPORT)
    assert entry.actor == admin_member and entry.details["via"] == "api"
