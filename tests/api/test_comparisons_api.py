"""/api/v1/comparisons and share links: create, read, long pairs in the background, links."""

from __future__ import annotations

import pytest
from django.test import override_settings

from comparisons.models import Comparison, ShareLink
from documents.models import Document
from tests.api.conftest import problem

COMPARISONS = "/api/v1/comparisons"
DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def pair(seeds: dict[str, Document]) -> dict[str, int]:
    return {"source": seeds["001"].pk, "derivative": seeds["000"].pk}


def test_a_comparison_gives_the_engines_versioned_result(api_for, educator, pair):
    response = api_for(educator).post(COMPARISONS, pair)
    assert response.status_code == 200
    body = response.json()
    comparison = Comparison.objects.get()
    assert body["id"] == comparison.pk and body["status"] == "done"
    assert body["result"] == comparison.result
    assert "schema" in body["result"]  # the engine's own versioned JSON
    assert body["source"]["id"] == pair["source"]
    assert response["Last-Modified"]


def test_reading_a_comparison_and_its_status(api_for, moderator, pair):
    client = api_for(moderator)
    pk = client.post(COMPARISONS, pair).json()["id"]
    detail = client.get(f"{COMPARISONS}/{pk}")
    assert detail.status_code == 200 and detail["ETag"]
    status = client.get(f"{COMPARISONS}/{pk}/status").json()
    assert status["status"] == "done" and status["url"].endswith(f"/comparisons/{pk}")


@override_settings(COMPARE_INLINE_MAX_WORDS=10, TASKS=DUMMY_TASKS)
def test_a_long_pair_answers_202_with_a_status_url(api_for, educator, pair):
    response = api_for(educator).post(COMPARISONS, pair)
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "pending" and body["result"] is None
    assert response["Location"] == body["status_url"]
    status = api_for(educator).get(body["status_url"].removeprefix("http://testserver"))
    assert status.json()["status"] == "pending"


def test_long_comparisons_are_rate_limited(api_for, educator, seeds, settings):
    # All through the settings fixture: mixed with @override_settings, its teardown would
    # put back the decorator's TASKS and leave later tests on the dummy backend.
    settings.COMPARE_INLINE_MAX_WORDS = 10
    settings.TASKS = DUMMY_TASKS
    settings.API_RATE_LIMITS = {"long_comparison": (1, 3600)}
    client = api_for(educator)
    first = client.post(COMPARISONS, {"source": seeds["001"].pk, "derivative": seeds["000"].pk})
    assert first.status_code == 202
    second = client.post(COMPARISONS, {"source": seeds["001"].pk, "derivative": seeds["002"].pk})
    problem(second, 429)
    assert second["Retry-After"].isdigit()
    assert Comparison.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"source": "one", "derivative": 2}, 422),
        ({"source": 1}, 422),
        ({"source": 999999, "derivative": 999998}, 404),
    ],
)
def test_bad_pairs_are_refused_and_nothing_stored(api_for, educator, seeds, payload, status):
    problem(api_for(educator).post(COMPARISONS, payload), status)
    assert not Comparison.objects.exists()


def test_a_document_compared_with_itself_is_refused(api_for, educator, seeds):
    pk = seeds["000"].pk
    body = problem(api_for(educator).post(COMPARISONS, {"source": pk, "derivative": pk}), 400)
    assert "two different documents" in body["detail"]
    assert not Comparison.objects.exists()


def test_an_archived_documents_comparison_is_404_for_readers(
    api_for, admin_member, educator, demo_comparison
):
    Document.objects.filter(pk=demo_comparison.source_version.document_id).update(
        archived_at="2025-01-01T00:00Z"
    )
    problem(api_for(educator).get(f"{COMPARISONS}/{demo_comparison.pk}"), 404)
    problem(api_for(educator).get(f"{COMPARISONS}/999999"), 404)
    assert api_for(admin_member).get(f"{COMPARISONS}/{demo_comparison.pk}").status_code == 200


def test_a_users_without_a_role_gets_403(api_for, outsider, demo_comparison):
    problem(api_for(outsider).get(f"{COMPARISONS}/{demo_comparison.pk}"), 403)


def test_the_comparisons_of_a_document(api_for, educator, demo_comparison, seeds):
    response = api_for(educator).get(f"/api/v1/documents/{seeds['000'].pk}/comparisons")
    body = response.json()
    assert body["count"] == 1 and body["results"][0]["id"] == demo_comparison.pk
    empty = api_for(educator).get(f"/api/v1/documents/{seeds['004'].pk}/comparisons").json()
    assert empty["count"] == 0


# Share links --------------------------------------------------------------------------


def _links(pk: int) -> str:
    return f"{COMPARISONS}/{pk}/share-links"


def test_an_educator_makes_and_revokes_a_share_link(api_for, educator, demo_comparison, client):
    api = api_for(educator)
    response = api.post(_links(demo_comparison.pk), {"expires_in_days": 7})
    assert response.status_code == 201
    body = response.json()
    assert body["state"] == "active" and body["expires_at"]
    shared_path = body["url"].removeprefix("http://testserver")
    assert client.get(shared_path).status_code == 200
    assert [link["id"] for link in api.get(_links(demo_comparison.pk)).json()] == [body["id"]]
    revoked = api.post(f"/api/v1/share-links/{body['id']}/revoke")
    assert revoked.status_code == 200 and revoked.json()["state"] == "revoked"
    assert client.get(shared_path).status_code == 410
    assert api.post(f"/api/v1/share-links/{body['id']}/revoke").status_code == 200  # no-op


def test_a_moderator_cannot_share(api_for, moderator, demo_comparison):
    problem(api_for(moderator).post(_links(demo_comparison.pk), {}), 403)
    assert not ShareLink.objects.exists()


def test_a_bad_expiry_is_refused(api_for, educator, demo_comparison):
    body = problem(api_for(educator).post(_links(demo_comparison.pk), {"expires_in_days": 3}), 422)
    assert body["errors"][0]["field"] == "expires_in_days"
    assert not ShareLink.objects.exists()


def test_another_educators_link_is_404_to_revoke_but_an_admin_may(
    api_for, educator, admin_member, demo_comparison
):
    from tests.conftest import make_user

    link = api_for(educator).post(_links(demo_comparison.pk), {}).json()
    other = make_user("erin", "educators")
    problem(api_for(other).post(f"/api/v1/share-links/{link['id']}/revoke"), 404)
    problem(api_for(other).post("/api/v1/share-links/999999/revoke"), 404)
    assert ShareLink.objects.get().revoked_at is None
    admin = api_for(admin_member).post(f"/api/v1/share-links/{link['id']}/revoke")
    assert admin.json()["state"] == "revoked"


def test_an_archived_comparison_cannot_be_shared(api_for, admin_member, demo_comparison):
    Document.objects.filter(pk=demo_comparison.source_version.document_id).update(
        archived_at="2025-01-01T00:00Z"
    )
    problem(api_for(admin_member).post(_links(demo_comparison.pk), {}), 409)
    assert not ShareLink.objects.exists()


def test_page_and_api_both_answer_404_for_another_educators_share_link(
    api_for, client_for, educator, demo_comparison
):
    from django.contrib.auth.models import User

    from comparisons import sharing

    link = sharing.create_link(demo_comparison, educator, None)
    other = User.objects.create_user("erin")
    other.groups.add(*educator.groups.all())
    problem(api_for(other).post(f"/api/v1/share-links/{link.pk}/revoke"), 404)
    assert client_for(other).post(f"/share-links/{link.pk}/revoke/").status_code == 404
    link.refresh_from_db()
    assert link.state == "active"
