"""/api/v1/documents: create from text, file or URL; list and filter; detail; archive."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from documents.models import Document, DocumentVersion, ImportJob
from tests.api.conftest import discover, problem
from tests.conftest import make_document
from tests.documents.factories import ARTICLE, zip_bytes

DOCUMENTS = "/api/v1/documents"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def test_an_admin_adds_a_document_from_text(api_for, admin_member):
    response = api_for(admin_member).post(
        DOCUMENTS,
        {"text": ARTICLE, "title": "Coast plan", "kind": "press_release", "outlet": "GOV.UK",
         "published": "2024-01-31"},
    )  # fmt: skip
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "added"
    document = Document.objects.get()
    assert body["document"]["id"] == document.pk
    assert response["Location"] == body["document"]["url"]
    assert body["document"]["text"] == document.text
    assert body["document"]["outlet"] == "GOV.UK"
    assert body["document"]["published_on"] == "2024-01-31"
    assert [v["number"] for v in body["document"]["versions"]] == [1]
    assert document.current_version.source == DocumentVersion.Source.PASTE


def test_the_same_text_twice_is_a_duplicate_not_a_second_document(api_for, admin_member):
    client = api_for(admin_member)
    first = client.post(DOCUMENTS, {"text": ARTICLE})
    again = client.post(DOCUMENTS, {"text": ARTICLE})
    assert again.status_code == 200
    assert again.json()["status"] == "duplicate"
    assert again.json()["document"]["id"] == first.json()["document"]["id"]
    assert Document.objects.count() == 1


def test_a_new_version_of_a_document(api_for, admin_member):
    client = api_for(admin_member)
    pk = client.post(DOCUMENTS, {"text": ARTICLE}).json()["document"]["id"]
    response = client.post(DOCUMENTS, {"text": ARTICLE + "\n\nUpdated.", "version_of": pk})
    assert response.status_code == 201
    assert response.json()["status"] == "new_version"
    assert [v["number"] for v in response.json()["document"]["versions"]] == [1, 2]
    version = client.get(f"{DOCUMENTS}/{pk}/versions/1").json()
    assert version["text"] == Document.objects.get().versions.get(number=1).text
    assert version["is_current"] is False


@pytest.mark.parametrize("role", ["moderator", "educator"])
def test_only_admins_add_documents(api_for, role, request):
    response = api_for(request.getfixturevalue(role)).post(DOCUMENTS, {"text": ARTICLE})
    problem(response, 403)
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": 42}, "text"),
        ({"text": ARTICLE, "kind": "poem"}, "kind"),
        ({"text": ARTICLE, "title": "x" * 501}, "title"),
        ({"text": ARTICLE, "version_of": "first"}, "version_of"),
        ({"text": ARTICLE, "near_duplicates": "maybe"}, "near_duplicates"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(api_for, admin_member, payload, field):
    body = problem(api_for(admin_member).post(DOCUMENTS, payload), 422)
    assert field in [error["field"] for error in body["errors"]]
    assert not Document.objects.exists()


def test_neither_text_nor_url_is_a_400_naming_the_field(api_for, admin_member):
    # Valid by the schema (both are optional): refused for what it lacks, as content is.
    body = problem(api_for(admin_member).post(DOCUMENTS, {}), 400)
    assert [error["field"] for error in body["errors"]] == ["text"]
    assert not Document.objects.exists()


def test_a_body_that_is_not_json_is_a_clear_4xx(api_for, admin_member):
    response = api_for(admin_member).post(DOCUMENTS, "{not json")
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"
    assert not Document.objects.exists()


def test_a_rejected_text_says_why(api_for, admin_member):
    body = problem(api_for(admin_member).post(DOCUMENTS, {"text": "   "}), 400)
    assert "empty" in body["detail"]
    assert not Document.objects.exists()


def test_a_bad_date_is_rejected_with_its_reason(api_for, admin_member):
    body = problem(
        api_for(admin_member).post(DOCUMENTS, {"text": ARTICLE, "published": "31st Smarch"}), 400
    )
    assert "not a date we understand" in body["detail"]


@override_settings(UPLOAD_MAX_BYTES=100)
def test_an_oversize_text_answers_413(api_for, admin_member):
    problem(api_for(admin_member).post(DOCUMENTS, {"text": "word " * 50}), 413)
    assert not Document.objects.exists()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_an_oversize_body_answers_413(api_for, admin_member):
    problem(api_for(admin_member).post(DOCUMENTS, {"text": "word " * 500}), 413)
    assert not Document.objects.exists()


def test_a_near_duplicate_asks_first_then_follows_the_answer(api_for, admin_member, monkeypatch):
    from documents import duplicates
    from documents.duplicates import NearDuplicate

    client = api_for(admin_member)
    original = client.post(DOCUMENTS, {"text": ARTICLE}).json()["document"]
    near = NearDuplicate(Document.objects.get(pk=original["id"]), 0.9)
    monkeypatch.setattr(duplicates, "find_near_duplicate", lambda text: near)
    changed = ARTICLE + "\n\nOne more line."
    body = problem(client.post(DOCUMENTS, {"text": changed}), 409)
    assert body["near_duplicate_of"] == original["url"]
    assert Document.objects.count() == 1
    response = client.post(DOCUMENTS, {"text": changed, "near_duplicates": "version"})
    assert response.status_code == 201
    assert response.json()["status"] == "new_version"


def test_a_url_fetch_is_rate_limited(
    api_for, admin_member, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from documents import fetch

    settings.API_RATE_LIMITS = {"fetch": (1, 3600)}
    calls = []

    def fake_fetch(url: str) -> fetch.Fetched:
        calls.append(url)
        return fetch.Fetched(
            data=ARTICLE.encode(), url=url, content_type="text/plain", filename="a.txt"
        )

    monkeypatch.setattr(fetch, "fetch", fake_fetch)
    client = api_for(admin_member)
    with django_capture_on_commit_callbacks(execute=True):  # the worker fetches it
        first = client.post(DOCUMENTS, {"url": "https://example.org/story"})
    assert first.status_code == 202
    assert Document.objects.get().current_version.source_url == "https://example.org/story"
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(DOCUMENTS, {"url": "https://example.org/other"})
    problem(second, 429)
    assert int(second["Retry-After"]) > 0
    assert calls == ["https://example.org/story"]  # the refused call fetched nothing
    assert Document.objects.count() == 1


def test_a_file_upload_becomes_a_document(api_for, admin_member):
    upload = SimpleUploadedFile("coast.txt", ARTICLE.encode(), content_type="text/plain")
    response = api_for(admin_member).post(
        f"{DOCUMENTS}/upload", {"file": upload, "kind": "article", "outlet": "The Paper"},
        multipart=True,
    )  # fmt: skip
    assert response.status_code == 201, response.content
    document = Document.objects.get()
    assert document.outlet.name == "The Paper"
    assert document.current_version.original_name == "coast.txt"


def test_a_zip_upload_becomes_an_import_job(api_for, admin_member):
    data = zip_bytes({"a.txt": ARTICLE.encode(), "b.txt": b"Another story entirely, here."})
    upload = SimpleUploadedFile("batch.zip", data, content_type="application/zip")
    response = api_for(admin_member).post(f"{DOCUMENTS}/upload", {"file": upload}, multipart=True)
    assert response.status_code == 202
    job = ImportJob.objects.get()
    assert response["Location"].endswith(f"/api/v1/imports/{job.pk}")


def test_an_upload_without_a_file_names_the_field(api_for, admin_member):
    body = problem(api_for(admin_member).post(f"{DOCUMENTS}/upload", {}, multipart=True), 400)
    assert "file" in [error["field"] for error in body["errors"]]


@override_settings(UPLOAD_MAX_BYTES=100)
def test_an_oversize_file_answers_413(api_for, admin_member):
    upload = SimpleUploadedFile("big.txt", b"word " * 50, content_type="text/plain")
    problem(
        api_for(admin_member).post(f"{DOCUMENTS}/upload", {"file": upload}, multipart=True), 413
    )
    assert not Document.objects.exists()


# Reading ------------------------------------------------------------------------------


def _corpus() -> dict[str, Document]:
    from documents.models import Outlet

    paper = Outlet.objects.create(name="The Paper")
    release = make_document("Coast release", ARTICLE, kind="press_release")
    story = make_document("Coast story", ARTICLE + "\n\nThe paper adds a line.")
    other = make_document("Budget story", "The council set its budget for the year today.")
    Document.objects.filter(pk=release.pk).update(published_on=dt.date(2024, 1, 1))
    Document.objects.filter(pk=story.pk).update(published_on=dt.date(2024, 1, 2), outlet=paper)
    Document.objects.filter(pk=other.pk).update(published_on=dt.date(2024, 3, 1), outlet=paper)
    return {"release": release, "story": story, "other": other}


def _titles(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_the_list_filters_by_kind_outlet_dates_and_words(api_for, educator):
    _corpus()
    client = api_for(educator)
    assert _titles(client.get(DOCUMENTS, kind="press_release")) == ["Coast release"]
    assert _titles(client.get(DOCUMENTS, outlet="the paper")) == ["Budget story", "Coast story"]
    assert _titles(
        client.get(DOCUMENTS, published_from="2024-01-02", published_to="2024-02-01")
    ) == ["Coast story"]
    assert _titles(client.get(DOCUMENTS, q="council budget")) == ["Budget story"]


def test_the_list_filters_by_origin_and_shows_each_origin(api_for, educator):
    corpus = _corpus()
    discover(corpus["release"], corpus["story"])
    client = api_for(educator)
    response = client.get(DOCUMENTS, origin=corpus["release"].pk)
    assert _titles(response) == ["Coast story"]
    assert response.json()["results"][0]["origin"]["id"] == corpus["release"].pk


def test_the_list_pages_with_links(api_for, educator):
    _corpus()
    client = api_for(educator)
    body = client.get(DOCUMENTS, per_page=1, kind="article").json()
    assert (body["count"], body["pages"], body["previous"]) == (2, 2, None)
    assert body["next"].startswith("http")
    assert "page=2" in body["next"] and "kind=article" in body["next"]  # filters kept
    second = client.get(DOCUMENTS, per_page=1, kind="article", page=2).json()
    assert second["next"] is None and "page=1" in second["previous"]
    assert _titles_of(body) + _titles_of(second) == ["Budget story", "Coast story"]


def _titles_of(body):  # type: ignore[no-untyped-def]
    return [item["title"] for item in body["results"]]


@pytest.mark.parametrize(
    "query", [{"page": 0}, {"per_page": 1000}, {"published_from": "soon"}, {"kind": "poem"}]
)
def test_bad_list_parameters_answer_422(api_for, educator, query):
    problem(api_for(educator).get(DOCUMENTS, **query), 422)


def test_the_detail_has_versions_and_links(api_for, educator):
    story = _corpus()["story"]
    body = api_for(educator).get(f"{DOCUMENTS}/{story.pk}").json()
    assert body["title"] == "Coast story"
    assert body["versions"][0]["is_current"] is True
    assert body["sources"].endswith(f"/api/v1/documents/{story.pk}/sources")


def test_results_carry_an_etag_and_answer_304_when_unchanged(api_for, educator):
    story = _corpus()["story"]
    client = api_for(educator)
    first = client.get(f"{DOCUMENTS}/{story.pk}")
    etag = first["ETag"]
    again = client.client.get(
        f"{DOCUMENTS}/{story.pk}", headers={**client.headers, "If-None-Match": etag}
    )
    assert again.status_code == 304


def test_unknown_ids_answer_404(api_for, educator):
    problem(api_for(educator).get(f"{DOCUMENTS}/999999"), 404)
    problem(api_for(educator).get(f"{DOCUMENTS}/999999/versions/1"), 404)


def test_an_admin_archives_and_then_readers_get_404(api_for, admin_member, educator):
    story = _corpus()["story"]
    response = api_for(admin_member).post(f"{DOCUMENTS}/{story.pk}/archive")
    assert response.status_code == 200
    assert response.json()["archived"] is True
    reader = api_for(educator)
    missing = problem(reader.get(f"{DOCUMENTS}/{story.pk}"), 404)
    unknown = problem(reader.get(f"{DOCUMENTS}/999999"), 404)
    assert missing == unknown  # archived and never-existed answer alike
    assert "Coast story" not in _titles(reader.get(DOCUMENTS))
    assert _titles(api_for(admin_member).get(DOCUMENTS, archived=True)) == ["Coast story"]
    unarchived = api_for(admin_member).post(f"{DOCUMENTS}/{story.pk}/unarchive")
    assert unarchived.json()["archived"] is False


@pytest.mark.parametrize("role", ["moderator", "educator"])
def test_only_admins_archive(api_for, role, request):
    story = _corpus()["story"]
    problem(api_for(request.getfixturevalue(role)).post(f"{DOCUMENTS}/{story.pk}/archive"), 403)
    assert not Document.objects.get(pk=story.pk).is_archived


def test_a_file_of_uncertain_encoding_is_offered_back_and_stored_once_picked(api_for, admin_member):
    data = "東京都の新しい計画".encode("shift_jis")
    client = api_for(admin_member)

    def send(**extra):
        upload = SimpleUploadedFile("tokyo.txt", data, content_type="text/plain")
        return client.post(f"{DOCUMENTS}/upload", {"file": upload, **extra}, multipart=True)

    body = problem(send(), 422)
    offered = [choice["encoding"] for choice in body["encodings"]]
    assert "encoding" in [error["field"] for error in body["errors"]]
    assert not Document.objects.exists()  # nothing stored until the client picks
    picked = next(e for e in offered if "shift" in e.lower() or "932" in e)
    assert send(encoding=picked).status_code == 201
    assert "東京都" in Document.objects.get().current_version.text
