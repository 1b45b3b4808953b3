"""/api/v1/annotations: W3C Web Annotation JSON-LD in and out, review, replies, import."""

from __future__ import annotations

import re
from typing import Any

import pytest

from annotations import interchange, workflow
from annotations.models import Annotation, Label, Reply
from documents.models import Document, DocumentVersion
from tests.api.conftest import problem

ANNOTATIONS = "/api/v1/annotations"
WORDS = "France"


@pytest.fixture
def release(seeds: dict[str, Document]) -> DocumentVersion:
    version = seeds["001"].current_version
    assert version is not None
    return version


def w3c(
    version: DocumentVersion, words: str = WORDS, label: str = "Changed figure"
) -> dict[str, Any]:
    start = version.text.index(words)
    return {
        "@context": interchange.CONTEXT,
        "type": "Annotation",
        "body": [
            {"type": "TextualBody", "purpose": "commenting", "value": "Check this."},
            {"type": "TextualBody", "purpose": "tagging", "value": label},
        ],
        "target": {
            "source": interchange.document_source(version.document),
            "selector": [
                {"type": "TextQuoteSelector", "exact": words},
                {"type": "TextPositionSelector", "start": start, "end": start + len(words)},
            ],
        },
    }


def _create(client, version, **kwargs):  # type: ignore[no-untyped-def]
    return client.post(ANNOTATIONS, w3c(version, **kwargs))


def test_a_moderator_annotates_with_w3c_json_ld_and_gets_it_back(api_for, moderator, release):
    response = _create(api_for(moderator), release)
    assert response.status_code == 201, response.content
    assert response["Content-Type"].startswith("application/ld+json")
    body = response.json()
    annotation = Annotation.objects.get()
    assert body["type"] == "Annotation" and body["@context"] == interchange.CONTEXT
    assert (annotation.exact, annotation.note, annotation.label.slug) == (
        WORDS, "Check this.", "changed-figure"
    )  # fmt: skip
    assert annotation.created_by == moderator and annotation.status == "open"
    assert response["Location"].endswith(f"{ANNOTATIONS}/{annotation.pk}")
    again = api_for(moderator).get(f"{ANNOTATIONS}/{annotation.pk}")
    assert again.json()["target"]["selector"][0]["exact"] == WORDS


def test_the_quote_alone_places_an_annotation(api_for, moderator, release):
    item = w3c(release)
    item["target"]["selector"] = [{"type": "TextQuoteSelector", "exact": WORDS}]
    assert api_for(moderator).post(ANNOTATIONS, item).status_code == 201


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda item: item.update(type="Note"), "type"),
        (lambda item: item.update(body=[]), "body"),
        (lambda item: item["body"][1].update(value="No such label"), "body"),
        (lambda item: item["target"].update(source=""), "target.source"),
        (lambda item: item["target"].update(source="https://elsewhere.example/x"), "target.source"),
        (lambda item: item["target"]["selector"][1].update(start=0, end=3), "target.selector"),
        (lambda item: item["target"].update(selector=[]), "target.selector"),
    ],
)
def test_bad_annotations_name_the_field_and_store_nothing(
    api_for, moderator, release, change, field
):
    item = w3c(release)
    change(item)
    body = problem(api_for(moderator).post(ANNOTATIONS, item), 400)
    assert field in [error["field"] for error in body["errors"]]
    assert not Annotation.objects.exists()


def test_a_retired_label_is_refused(api_for, moderator, release):
    Label.objects.filter(slug="changed-figure").update(retired_at="2025-01-01T00:00Z")
    problem(_create(api_for(moderator), release), 400)
    assert not Annotation.objects.exists()


def test_an_educator_cannot_annotate(api_for, educator, release):
    problem(_create(api_for(educator), release), 403)
    assert not Annotation.objects.exists()


def test_an_archived_document_cannot_be_annotated_by_a_moderator(api_for, moderator, release):
    Document.objects.filter(pk=release.document_id).update(archived_at="2025-01-01T00:00Z")
    item = w3c(release)
    item.update({"pvn:document": release.document_id, "pvn:version": release.number})
    problem(api_for(moderator).post(ANNOTATIONS, item), 404)
    assert not Annotation.objects.exists()


def _annotation(user, version) -> Annotation:  # type: ignore[no-untyped-def]
    start = version.text.index(WORDS)
    target = workflow.target_from_span(version, start, start + len(WORDS))
    return workflow.do_create_annotation(user, target, Label.objects.get(slug="changed-figure"))


def test_the_document_collection_is_json_ld(api_for, educator, moderator, release):
    annotation = _annotation(moderator, release)
    response = api_for(educator).get(f"/api/v1/documents/{release.document_id}/annotations")
    assert response["Content-Type"] == interchange.MEDIA_TYPE
    body = response.json()
    assert body["type"] == "AnnotationCollection" and body["total"] == 1
    assert body["first"]["items"][0]["id"].endswith(f"/annotations/{annotation.pk}/")


def test_review_follows_the_rules_of_the_pages(api_for, moderator, moderator2, release):
    annotation = _annotation(moderator, release)
    url = f"{ANNOTATIONS}/{annotation.pk}/status"
    mine = problem(api_for(moderator).post(url, {"status": "confirmed"}), 403)
    assert "another moderator" in mine["detail"]
    confirmed = api_for(moderator2).post(url, {"status": "confirmed", "revision": 1})
    assert confirmed.status_code == 200
    assert confirmed.json() == {
        "id": annotation.pk, "status": "confirmed", "revision": 2, "changed": True
    }  # fmt: skip
    stale = problem(api_for(moderator2).post(url, {"status": "dismissed", "revision": 1}), 409)
    assert "Someone else changed" in stale["detail"]
    problem(api_for(moderator2).post(url, {"status": "approved"}), 422)
    assert Annotation.objects.get().status == "confirmed"


def test_replies(api_for, moderator, moderator2, educator, release):
    annotation = _annotation(moderator, release)
    url = f"{ANNOTATIONS}/{annotation.pk}/replies"
    first = api_for(moderator2).post(url, {"body": "Agreed."})
    assert first.status_code == 201
    answer = api_for(moderator).post(url, {"body": "Thanks.", "parent": first.json()["id"]})
    assert answer.json()["parent"] == first.json()["id"]
    problem(api_for(moderator).post(url, {"body": ""}), 422)
    problem(api_for(moderator).post(url, {"body": "x", "parent": 999999}), 404)
    problem(api_for(educator).post(url, {"body": "Me too."}), 403)
    assert Reply.objects.count() == 2


def test_unknown_annotations_are_404(api_for, educator):
    problem(api_for(educator).get(f"{ANNOTATIONS}/999999"), 404)


def test_an_admin_imports_an_export(api_for, admin_member, moderator, release):
    annotation = _annotation(moderator, release)
    export = interchange.to_jsonld([annotation], "urn:test", "test")
    # As if from another database: other ids, so nothing is recognised as already here.
    for item in export["first"]["items"]:
        item["id"] = re.sub(r"^https?://[^/]+", "https://other.example", item["id"])
    response = api_for(admin_member).post(f"{ANNOTATIONS}/import", export)
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 1
    assert Annotation.objects.count() == 2


def test_only_admins_import_and_junk_is_refused(api_for, admin_member, moderator):
    problem(api_for(moderator).post(f"{ANNOTATIONS}/import", {"type": "AnnotationCollection"}), 403)
    problem(api_for(admin_member).post(f"{ANNOTATIONS}/import", {"type": "Nonsense"}), 400)
