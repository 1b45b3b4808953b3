"""/api/v1/imports: a zip or manifest becomes a background import; its progress."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document, ImportJob
from tests.api.conftest import problem
from tests.documents.factories import ARTICLE, zip_bytes

IMPORTS = "/api/v1/imports"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def test_an_admin_imports_a_zip_and_follows_its_progress(
    api_for, admin_member, django_capture_on_commit_callbacks
):
    data = zip_bytes({"a.txt": ARTICLE.encode(), "b.txt": b"The council met on Tuesday night."})
    upload = SimpleUploadedFile("batch.zip", data, content_type="application/zip")
    client = api_for(admin_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(IMPORTS, {"file": upload, "outlet": "The Paper"}, multipart=True)
    assert response.status_code == 202
    job = ImportJob.objects.get()
    assert response["Location"].endswith(f"{IMPORTS}/{job.pk}")
    progress = client.get(f"{IMPORTS}/{job.pk}").json()
    assert progress["finished"] is True and progress["added"] == 2
    assert set(Document.objects.values_list("outlet__name", flat=True)) == {"The Paper"}


def test_a_manifest_is_an_import_too(api_for, admin_member):
    manifest = b"title,text\nOne,The first pasted story text.\n"
    upload = SimpleUploadedFile("list.csv", manifest, content_type="text/csv")
    assert api_for(admin_member).post(IMPORTS, {"file": upload}, multipart=True).status_code == 202


def test_a_single_document_is_not_an_import(api_for, admin_member):
    upload = SimpleUploadedFile("story.txt", ARTICLE.encode(), content_type="text/plain")
    body = problem(api_for(admin_member).post(IMPORTS, {"file": upload}, multipart=True), 400)
    assert body["errors"][0]["field"] == "file"
    assert not ImportJob.objects.exists() and not Document.objects.exists()


def test_only_admins_import(api_for, moderator, admin_member):
    upload = SimpleUploadedFile("batch.zip", zip_bytes({"a.txt": b"x y z"}))
    problem(api_for(moderator).post(IMPORTS, {"file": upload}, multipart=True), 403)
    assert not ImportJob.objects.exists()
    problem(api_for(moderator).get(f"{IMPORTS}/1"), 403)
    problem(api_for(admin_member).get(f"{IMPORTS}/999999"), 404)


def test_a_bad_kind_names_the_field(api_for, admin_member):
    upload = SimpleUploadedFile("batch.zip", zip_bytes({"a.txt": b"x y z"}))
    body = problem(
        api_for(admin_member).post(IMPORTS, {"file": upload, "kind": "poem"}, multipart=True), 422
    )
    assert body["errors"][0]["field"] == "kind"
    assert not ImportJob.objects.exists()


def _stalled_job(capture):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    from documents.bulk import create_job
    from documents.metadata import Metadata

    data = zip_bytes({"a.txt": ARTICLE.encode(), "b.txt": b"The council met on Tuesday night."})
    with capture(execute=False):  # queued; its worker died before running it
        job = create_job("batch.zip", data, "zip", Metadata())
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING, heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    return job


def test_a_stalled_import_is_said_stalled_and_a_get_restarts_nothing(
    api_for, admin_member, django_capture_on_commit_callbacks
):
    job = _stalled_job(django_capture_on_commit_callbacks)
    client = api_for(admin_member)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        body = client.get(f"{IMPORTS}/{job.pk}").json()
    assert (body["status"], body["finished"]) == ("stalled", False)
    assert queued == []
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING
    assert not Document.objects.exists()


def test_resume_restarts_a_stalled_import_and_is_audited(
    api_for, admin_member, django_capture_on_commit_callbacks
):
    from audit.models import AuditEntry

    job = _stalled_job(django_capture_on_commit_callbacks)
    client = api_for(admin_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{IMPORTS}/{job.pk}/resume")
    assert response.status_code == 200, response.content
    assert response.json()["status"] in {"pending", "done"}
    job.refresh_from_db()
    assert (job.status, job.added) == (ImportJob.Status.DONE, 2)
    entry = AuditEntry.objects.get(action="import_resumed")
    assert (entry.actor, entry.details) == (admin_member, {"job": job.pk})
    # Done now: a second resume is a no-op.
    assert client.post(f"{IMPORTS}/{job.pk}/resume").json()["status"] == "done"
    assert AuditEntry.objects.filter(action="import_resumed").count() == 1


def test_only_uploaders_resume(api_for, moderator, django_capture_on_commit_callbacks):
    job = _stalled_job(django_capture_on_commit_callbacks)
    response = api_for(moderator).post(f"{IMPORTS}/{job.pk}/resume")
    assert response.status_code in (403, 404)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING
