"""No integer makes a 500, booleans are not numbers, every error under /api/ is a problem."""

from __future__ import annotations

import base64

import pytest

from tests.api.conftest import ApiClient, problem

HUGE = "99999999999999999999"  # 20 digits: past a 64-bit integer


def basic(username: str, password: str) -> dict[str, str]:
    pair = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {pair}"}


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/documents/{HUGE}",
        f"/api/v1/documents/1/versions/{HUGE}",
        f"/api/v1/comparisons/{HUGE}",
        f"/api/v1/annotations/{HUGE}",
        f"/api/v1/imports/{HUGE}",
        f"/api/v1/tokens/{HUGE}",
    ],
)
def test_a_huge_id_in_a_path_is_a_404_problem(api_for, admin_member, path):
    problem(api_for(admin_member).get(path), 404)


@pytest.mark.parametrize(
    "query",
    [{"origin": HUGE}, {"origin": "-1"}, {"published_to": "0"}, {"published_from": "1700000000"}],
)
def test_bad_numbers_and_dates_in_a_query_are_422_problems(api_for, educator, query):
    body = problem(api_for(educator).get("/api/v1/documents", **query), 422)
    assert body["errors"][0]["field"] == next(iter(query))


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        ("/api/v1/comparisons", {"source": True, "derivative": 1}, "source"),
        ("/api/v1/documents", {"text": "Some words.", "version_of": True}, "version_of"),
        ("/api/v1/comparisons", {"source": int(HUGE), "derivative": 1}, "source"),
    ],
)
def test_a_boolean_or_a_huge_number_in_a_body_is_a_422_problem(
    api_for, admin_member, path, payload, field
):
    body = problem(api_for(admin_member).post(path, payload), 422)
    assert body["errors"][0]["field"] == field


def test_a_share_link_lifetime_of_true_is_refused(api_for, educator, demo_comparison):
    path = f"/api/v1/comparisons/{demo_comparison.pk}/share-links"
    body = problem(api_for(educator).post(path, {"expires_in_days": True}), 422)
    assert body["errors"][0]["field"] == "expires_in_days"


def test_a_token_lifetime_of_true_is_refused(db, educator):
    educator.set_password("pw-for-tests-1")
    educator.save()
    response = ApiClient().client.post(
        "/api/v1/tokens",
        {"name": "x", "expires_in_days": True},
        content_type="application/json",
        headers=basic(educator.username, "pw-for-tests-1"),
    )
    assert problem(response, 422)["errors"][0]["field"] == "expires_in_days"


def test_the_catch_all_answers_a_path_with_a_newline(client):
    problem(client.get("/api/v1/imports/6%0Ap"), 404)
    problem(client.get("/api/%0A"), 404)


def test_post_tokens_challenges_with_the_basic_scheme_it_takes(db):
    response = ApiClient().post("/api/v1/tokens", {"name": "x"})
    problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Basic ")
    # Every other operation takes a bearer token and says so.
    other = ApiClient().get("/api/v1/documents")
    assert problem(other, 401) and other["WWW-Authenticate"].startswith("Bearer ")


def test_a_sign_in_lockout_under_the_api_is_a_problem_with_retry_after(db, educator, settings):
    settings.AXES_FAILURE_LIMIT = 2
    educator.set_password("pw-for-tests-1")
    educator.save()
    client = ApiClient().client
    for _ in range(2):
        response = client.post(
            "/api/v1/tokens",
            {"name": "x"},
            content_type="application/json",
            headers=basic(educator.username, "wrong"),
        )
    # The right password too is refused while the lockout lasts.
    locked = client.post(
        "/api/v1/tokens",
        {"name": "x"},
        content_type="application/json",
        headers=basic(educator.username, "pw-for-tests-1"),
    )
    body = problem(locked, 429)
    assert int(locked["Retry-After"]) > 0
    assert "sign-ins" in body["detail"]
    assert response.status_code in {401, 429}


def test_a_locked_database_is_a_503_problem_with_retry_after(
    api_for, educator, monkeypatch, settings
):
    from django.db import OperationalError

    from api.routers import documents

    def locked(*args: object, **kwargs: object) -> None:
        raise OperationalError("database is locked")

    settings.LOCKED_RETRY_AFTER_SECONDS = 7
    monkeypatch.setattr(documents, "get_document_for", locked)
    response = api_for(educator).get("/api/v1/documents/1")
    problem(response, 503)
    assert response["Retry-After"] == "7"


def test_operation_ids_are_the_operations_names(client):
    schema = client.get("/api/v1/openapi.json").json()
    ids = [op["operationId"] for path in schema["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert {"document_list", "annotation_list", "annotation_edit", "token_revoke"} <= set(ids)
