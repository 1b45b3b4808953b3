"""/api/v1/documents/{id}/sources and …/discover."""

from __future__ import annotations

from tests.api.conftest import problem


def test_the_sources_report_of_a_document(api_for, educator, seeds, demo_comparison):
    derivative = seeds["000"]
    body = api_for(educator).get(f"/api/v1/documents/{derivative.pk}/sources").json()
    assert body["status"] in {"done", "queued", "failed", "no-text"}
    for key in ("origin", "direct", "siblings", "related", "derivatives", "segments"):
        assert key in body
    entries = body["direct"] + body["related"]
    assert seeds["001"].pk in [entry["document"]["id"] for entry in entries]


def test_sources_of_an_unknown_or_hidden_document_are_404(api_for, educator, seeds):
    from documents.models import Document

    Document.objects.filter(pk=seeds["000"].pk).update(archived_at="2025-01-01T00:00Z")
    problem(api_for(educator).get(f"/api/v1/documents/{seeds['000'].pk}/sources"), 404)
    problem(api_for(educator).get("/api/v1/documents/999999/sources"), 404)


def test_an_admin_queues_discovery_and_gets_202(api_for, admin_member, seeds, settings):
    settings.API_RATE_LIMITS = {"discovery": (1, 3600)}
    client = api_for(admin_member)
    pk = seeds["000"].pk
    response = client.post(f"/api/v1/documents/{pk}/discover")
    assert response.status_code == 202
    assert response["Location"].endswith(f"/api/v1/documents/{pk}/sources")
    again = client.post(f"/api/v1/documents/{pk}/discover")
    problem(again, 429)
    assert again["Retry-After"].isdigit()


def test_only_admins_run_discovery(api_for, educator, seeds):
    problem(api_for(educator).post(f"/api/v1/documents/{seeds['000'].pk}/discover"), 403)
