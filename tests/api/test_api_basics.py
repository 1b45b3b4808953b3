"""The API's frame: its schema and docs (no CDN), the token endpoint, errors as problems."""

from __future__ import annotations

import re
from base64 import b64encode

import pytest
from django.contrib.staticfiles import finders

from api.models import ApiToken
from tests.api.conftest import ApiClient, problem
from tests.conftest import PASSWORD


def _basic(username: str, password: str) -> dict[str, str]:
    pair = b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {pair}"}


def test_the_schema_is_openapi_3_with_every_resource(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    for path in (
        "/api/v1/documents", "/api/v1/documents/upload", "/api/v1/documents/{pk}",
        "/api/v1/documents/{pk}/sources", "/api/v1/documents/{pk}/comparisons",
        "/api/v1/comparisons", "/api/v1/comparisons/{pk}/status",
        "/api/v1/comparisons/{pk}/share-links", "/api/v1/share-links/{pk}/revoke",
        "/api/v1/annotations", "/api/v1/annotations/{pk}/status", "/api/v1/imports",
        "/api/v1/imports/{pk}", "/api/v1/tokens",
    ):  # fmt: skip
        assert path in paths
    errors = schema["paths"]["/api/v1/documents"]["post"]["responses"]["422"]["content"]
    assert list(errors) == ["application/problem+json"]
    annotation = schema["paths"]["/api/v1/annotations/{pk}"]["get"]["responses"]["200"]
    assert list(annotation["content"]) == [
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    ]


def test_the_docs_page_loads_its_assets_from_this_site(client):
    page = client.get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources, "the page loads Swagger UI"
    assert all(src.startswith("/static/") for src in sources), sources
    for src in sources:
        assert finders.find(src.removeprefix("/static/")), f"{src} is served from static"


def test_a_script_makes_a_token_with_a_password(db, admin_member):
    client = ApiClient()
    response = client.client.post(
        "/api/v1/tokens", {"name": "cron"}, content_type="application/json",
        headers=_basic("alice", PASSWORD),
    )  # fmt: skip
    assert response.status_code == 201
    raw = response.json()["token"]
    assert ApiToken.objects.get().name == "cron"
    assert ApiClient(raw).get("/api/v1/documents").status_code == 200


def test_a_token_cannot_make_tokens(api_for, admin_member):
    problem(api_for(admin_member).post("/api/v1/tokens", {"name": "more"}), 401)
    assert ApiToken.objects.count() == 1


def test_a_wrong_password_makes_no_token_and_guessing_is_rate_limited(db, admin_member, settings):
    settings.API_RATE_LIMITS = {"password": (2, 3600)}
    client = ApiClient().client

    def attempt(password: str):  # type: ignore[no-untyped-def]
        return client.post(
            "/api/v1/tokens", {"name": "x"}, content_type="application/json",
            headers=_basic("alice", password),
        )  # fmt: skip

    problem(attempt("wrong"), 401)
    problem(attempt("wrong again"), 401)
    limited = attempt(PASSWORD)  # even the right password waits out the window
    problem(limited, 429)
    assert limited["Retry-After"].isdigit()
    assert not ApiToken.objects.exists()


def test_an_unknown_api_path_is_a_problem_not_a_page(api_for, educator):
    problem(api_for(educator).get("/api/v1/nothing-here"), 404)
    problem(api_for(educator).get("/api/v1/documents/not-a-number"), 404)


def test_an_unexpected_error_is_a_500_problem_without_a_traceback(api_for, educator, monkeypatch):
    from api.routers import documents

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internals")

    monkeypatch.setattr(documents, "paginate", broken)
    body = problem(api_for(educator).get("/api/v1/documents"), 500)
    assert "secret" not in body["detail"]


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_methods_an_operation_does_not_have_are_refused(api_for, educator, method):
    client = api_for(educator)
    response = getattr(client.client, method)("/api/v1/documents", headers=client.headers)
    assert response.status_code == 405


def test_a_method_an_address_does_not_take_is_a_405_problem(api_for, educator):
    client = api_for(educator)
    response = client.client.delete("/api/v1/documents", headers=client.headers)
    body = problem(response, 405)
    assert "DELETE" in body["detail"]
    assert "GET" in response["Allow"]
