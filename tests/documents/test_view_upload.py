from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from documents.models import Document, DocumentVersion, ImportJob
from tests.documents.factories import ARTICLE, ARTICLE_HTML, pdf_bytes, scanned_pdf_bytes, zip_bytes

pytestmark = pytest.mark.django_db
URL = reverse("documents:upload")


@pytest.fixture
def client(admin_member: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(admin_member)


def post(client: Client, to: str = URL, **data: object) -> object:
    return client.post(to, {"kind": "article", **data})


def test_the_form_renders(client: Client) -> None:
    page = client.get(URL).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "upload.js" in page


def test_pasted_text_is_added_and_opens_the_document(client: Client) -> None:
    response = post(client, text=ARTICLE, title="Coast plan", outlet="The Paper")
    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == document.current_version.get_absolute_url()
    assert document.title == "Coast plan"
    assert document.current_version.created_by.username == "alice"


def test_an_html_file_fills_in_its_metadata(client: Client) -> None:
    upload = SimpleUploadedFile("page.html", ARTICLE_HTML.encode(), "text/html")
    post(client, files=upload)
    document = Document.objects.get()
    assert document.title == "Coast plan announced"
    assert document.author == "Jane Doe"
    assert document.outlet.name == "The Paper"
    assert document.published_at.isoformat() == "2024-01-31T09:30:00+00:00"


def test_typed_metadata_wins_over_the_files(client: Client) -> None:
    upload = SimpleUploadedFile("page.html", ARTICLE_HTML.encode(), "text/html")
    post(client, files=upload, title="My title", published="2024-02-01")
    document = Document.objects.get()
    assert document.title == "My title"
    assert str(document.published_on) == "2024-02-01"


def test_a_pdf_is_added(client: Client) -> None:
    post(client, files=SimpleUploadedFile("r.pdf", pdf_bytes(["Release text here."])))
    assert Document.objects.get().text == "Release text here."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Paste some text, choose a file or give a URL."),
        ({"text": "   "}, "The pasted text is empty."),
        ({"files": SimpleUploadedFile("scan.pdf", scanned_pdf_bytes())}, "no text layer"),
        ({"files": SimpleUploadedFile("e.txt", b"")}, "The submitted file is empty."),
        ({"files": SimpleUploadedFile("x.txt", b"MZ\x90\x00" + b"\x00" * 99)}, "Windows program"),
        ({"text": ARTICLE, "published": "yesterday-ish"}, "not a date we understand"),
        ({"text": ARTICLE, "files": SimpleUploadedFile("a.txt", b"hi")}, "not both"),
        ({"url": "file:///etc/passwd"}, "Enter a valid URL."),
        ({"url": "http://127.0.0.1:9/"}, "not allowed"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(
    client: Client, data: dict, message: str
) -> None:
    response = post(client, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_a_file_over_the_limit_is_refused_in_the_form(client: Client, settings: object) -> None:
    settings.UPLOAD_MAX_BYTES = 100
    response = post(client, files=SimpleUploadedFile("big.txt", b"word " * 100))
    assert "the limit is" in response.content.decode()
    assert not Document.objects.exists()


def test_a_duplicate_goes_to_the_existing_document(client: Client) -> None:
    post(client, text=ARTICLE)
    response = post(client, text=ARTICLE)
    document = Document.objects.get()
    assert response["Location"] == document.current_version.get_absolute_url()
    assert DocumentVersion.objects.count() == 1


def test_a_near_duplicate_asks_then_adds_a_version(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # indexed, as the worker would
        post(client, files=SimpleUploadedFile("a.txt", ARTICLE.encode()))
    edited = ARTICLE.replace("every night", "every single night").encode()
    response = post(client, files=SimpleUploadedFile("b.txt", edited))
    page = response.content.decode()
    assert "Is this a new version of" in page
    assert DocumentVersion.objects.count() == 1
    staged = response.context["result"].staged
    document = Document.objects.get()
    answer = post(
        client, f"{URL}?version_of={document.pk}", staged=staged, near_duplicate="version"
    )
    assert answer.status_code == 302
    assert document.versions.count() == 2
    assert b"every single night" in bytes(document.versions.get(number=2).original)


def test_a_near_duplicate_can_be_kept_separate(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # indexed, as the worker would
        post(client, text=ARTICLE)
    edited = ARTICLE.replace("every night", "every single night")
    asked = post(client, text=edited)
    assert "Is this a new version of" in asked.content.decode()
    post(client, text=edited, near_duplicate="separate")
    assert Document.objects.count() == 2


def test_a_new_version_page_adds_to_that_document(client: Client) -> None:
    post(client, text=ARTICLE)
    document = Document.objects.get()
    page = client.get(URL, {"version_of": document.pk}).content.decode()
    assert "New version of" in page
    post(client, f"{URL}?version_of={document.pk}", text="An entirely rewritten text.")
    assert document.versions.count() == 2


def test_a_zip_starts_a_bulk_job(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    archive = zip_bytes({"a.txt": b"The first story.", "b.txt": b"The second story."})
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, files=SimpleUploadedFile("batch.zip", archive))
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert (job.status, job.added) == ("done", 2)


def test_several_files_start_a_bulk_job(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    files = [SimpleUploadedFile(f"{n}.txt", f"Story number {n}.".encode()) for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        post(client, files=files, outlet="The Paper")
    job = ImportJob.objects.get()
    assert job.added == 3
    assert Document.objects.filter(outlet__name="The Paper").count() == 3


def test_a_csv_manifest_starts_a_bulk_job(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    manifest = b"title,text\nOne,The first story.\nTwo,The second story.\n"
    with django_capture_on_commit_callbacks(execute=True):
        post(client, files=SimpleUploadedFile("list.csv", manifest))
    assert ImportJob.objects.get().added == 2
