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
