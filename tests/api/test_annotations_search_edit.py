"""Annotations listed, searched and paged; edited and deleted against the revision seen."""

from __future__ import annotations

import json
from typing import Any

import pytest

from annotations import workflow
from annotations.models import Annotation, Label
from audit.models import AuditEntry
from documents.models import Document, DocumentVersion
from tests.api.conftest import problem
from tests.api.test_annotations_api import w3c

ANNOTATIONS = "/api/v1/annotations"


@pytest.fixture
def release(seeds: dict[str, Document]) -> DocumentVersion:
    version = seeds["001"].current_version
    assert version is not None
    return version


def annotate(user, version, words, label="Changed figure", note=""):  # type: ignore[no-untyped-def]
    start = version.text.index(words)
    target = workflow.target_from_span(version, start, start + len(words))
    return workflow.do_create_annotation(user, target, Label.objects.get(name=label), note)


def items(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.content
    return [i for i in response.json()["first"]["items"] if i.get("motivation") != "replying"]


def patch(client, path, data, **headers):  # type: ignore[no-untyped-def]
    return client.client.patch(
        path,
        json.dumps(data),
        content_type="application/json",
        headers={**client.headers, **headers},
    )


def delete(client, path, **headers):  # type: ignore[no-untyped-def]
    return client.client.delete(path, headers={**client.headers, **headers})


def test_the_list_filters_by_label_status_user_note_and_quote(
    api_for, moderator, moderator2, educator, release
):
    first = annotate(moderator, release, "France", note="A country named")
    second = annotate(moderator2, release, "officers", label="Altered quotation", note="who?")
    client = api_for(educator)

    def ids(**query: str) -> list[str]:
        return [
            i["id"].rstrip("/").rsplit("/", 1)[-1] for i in items(client.get(ANNOTATIONS, **query))
        ]

    assert ids() == [str(first.pk), str(second.pk)]
    assert ids(label="altered-quotation") == [str(second.pk)]
    assert ids(label="Changed figure") == [str(first.pk)]
    assert ids(user=moderator2.username) == [str(second.pk)]
    assert ids(text="country") == [str(first.pk)]
    assert ids(quote="offic") == [str(second.pk)]
    assert ids(status="confirmed") == []
    assert ids(document=str(release.document_id)) == [str(first.pk), str(second.pk)]
    assert items(client.get(ANNOTATIONS))[0]["pvn:revision"] == 1


def test_the_list_pages_by_cursor_with_a_link_header(api_for, moderator, educator, release):
    made = [annotate(moderator, release, w) for w in ("France", "officers", "French")]
    client = api_for(educator)
    first = client.get(ANNOTATIONS, limit="2")
    assert len(items(first)) == 2
    link = first["Link"]
    assert link.endswith('>; rel="next"')
    url = link[1 : link.index(">")]
    assert first.json()["first"]["next"] == url
    second = client.get(url.split("testserver", 1)[1])
    assert [i["pvn:revision"] for i in items(second)] == [1]
    assert items(second)[0]["id"].rstrip("/").endswith(str(made[2].pk))
    assert not second.has_header("Link")


@pytest.mark.parametrize(
    ("cursor", "status"), [("nonsense", 400), ("YWZ0ZXI6eA", 400), ("!!", 422)]
)
def test_a_made_up_cursor_is_a_problem(api_for, educator, db, cursor, status):
    problem(api_for(educator).get(ANNOTATIONS, cursor=cursor), status)


def test_the_list_by_comparison_needs_a_comparison_you_may_see(api_for, educator, demo_comparison):
    client = api_for(educator)
    assert client.get(ANNOTATIONS, comparison=str(demo_comparison.pk)).status_code == 200
    problem(client.get(ANNOTATIONS, comparison="999999"), 404)


def test_an_edit_with_the_revision_seen_is_saved(api_for, moderator, release):
    annotation = annotate(moderator, release, "France")
    client = api_for(moderator)
    read = client.get(f"{ANNOTATIONS}/{annotation.pk}")
    etag = read["ETag"]
    assert etag.startswith('"1-')
    edited = patch(
        client, f"{ANNOTATIONS}/{annotation.pk}", {"note": "Better note"}, **{"If-Match": etag}
    )
    assert edited.status_code == 200, edited.content
    assert edited.json()["pvn:revision"] == 2
    assert Annotation.objects.get().note == "Better note"
    again = patch(client, f"{ANNOTATIONS}/{annotation.pk}", {"public": True, "revision": 2})
    assert again.status_code == 200 and Annotation.objects.get().public


def test_an_edit_of_an_older_revision_is_a_409_carrying_the_current_one(
    api_for, moderator, release
):
    annotation = annotate(moderator, release, "France")
    client = api_for(moderator)
    patch(client, f"{ANNOTATIONS}/{annotation.pk}", {"note": "first", "revision": 1})
    late = patch(client, f"{ANNOTATIONS}/{annotation.pk}", {"note": "second", "revision": 1})
    body = problem(late, 409)
    assert body["current"]["pvn:revision"] == 2
    assert body["current"]["body"][0]["value"] == "first"
    assert Annotation.objects.get().note == "first"


def test_an_edit_without_a_revision_is_a_428_problem(api_for, moderator, release):
    annotation = annotate(moderator, release, "France")
    problem(patch(api_for(moderator), f"{ANNOTATIONS}/{annotation.pk}", {"note": "x"}), 428)
    assert Annotation.objects.get().note == ""


def test_a_public_flag_of_one_is_not_true(api_for, moderator, release):
    annotation = annotate(moderator, release, "France")
    body = problem(
        patch(api_for(moderator), f"{ANNOTATIONS}/{annotation.pk}", {"public": 1, "revision": 1}),
        422,
    )
    assert body["errors"][0]["field"] == "public"


def test_only_the_author_or_an_admin_edits_or_deletes(api_for, moderator, moderator2, release):
    annotation = annotate(moderator, release, "France")
    other = api_for(moderator2)
    problem(patch(other, f"{ANNOTATIONS}/{annotation.pk}", {"note": "x", "revision": 1}), 403)
    problem(delete(other, f"{ANNOTATIONS}/{annotation.pk}?revision=1"), 403)
    assert Annotation.objects.filter(pk=annotation.pk).exists()


def test_a_delete_of_the_revision_seen_removes_it_and_is_audited(api_for, moderator, release):
    annotation = annotate(moderator, release, "France")
    client = api_for(moderator)
    stale = delete(client, f"{ANNOTATIONS}/{annotation.pk}", **{"If-Match": '"7-abc"'})
    assert problem(stale, 409)["current"]["pvn:revision"] == 1
    done = delete(client, f"{ANNOTATIONS}/{annotation.pk}?revision=1")
    assert done.status_code == 204
    assert not Annotation.objects.exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ANNOTATION_DELETED)
    assert entry.actor == moderator and entry.details["exact"] == "France"


def test_a_new_annotation_keeps_its_comparison_and_finding(api_for, moderator, demo_comparison):
    version = demo_comparison.derivative_version
    findings = demo_comparison.engine_result.findings
    assert findings, "the demo comparison has findings"
    finding = next(f for f in findings if f.derivative_span is not None)
    start, end = finding.derivative_span
    words = version.text[start:end]
    payload = {**w3c(version, words), "pvn:comparison": demo_comparison.pk, "pvn:finding": 0}
    payload["pvn:finding"] = findings.index(finding)
    response = api_for(moderator).post(ANNOTATIONS, payload)
    assert response.status_code == 201, response.content
    annotation = Annotation.objects.get()
    assert annotation.comparison_id == demo_comparison.pk
    assert annotation.finding_index == findings.index(finding)
    assert response.json()["pvn:finding"] == findings.index(finding)


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"pvn:finding": 0}, "pvn:finding"),
        ({"pvn:comparison": True}, "pvn:comparison"),
        ({"pvn:comparison": 10**20}, "pvn:comparison"),
        ({"pvn:document": 10**20, "pvn:version": 1}, "pvn:document"),
        ({"pvn:document": 1, "pvn:version": 10**20}, "pvn:version"),
    ],
)
def test_a_finding_needs_its_comparison_and_ids_are_not_booleans(
    api_for, moderator, release, extra, field
):
    body = problem(api_for(moderator).post(ANNOTATIONS, {**w3c(release), **extra}), 400)
    assert body["errors"][0]["field"] == field
    assert not Annotation.objects.exists()
