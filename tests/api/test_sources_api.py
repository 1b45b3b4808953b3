"""/api/v1/documents/{id}/sources and …/discover."""

from __future__ import annotations

import pytest

from tests.api.conftest import discover, problem


@pytest.fixture
def discovered(seeds):  # type: ignore[no-untyped-def]
    discover(*seeds.values())
    return seeds


def test_the_sources_report_of_a_document(api_for, educator, discovered):
    seeds = discovered
    derivative = seeds["000"]
    body = api_for(educator).get(f"/api/v1/documents/{derivative.pk}/sources").json()
    assert body["document"] == derivative.pk and body["status"] == "done"
    release = next(entry for entry in body["sources"] if entry["document"] == seeds["001"].pk)
    assert release["role"] == "origin" and release["direct"] is True
    assert release["comparison"] and release["reason"]
    assert 0 < release["derivative_share"] <= 1


def test_a_release_lists_what_took_from_it(api_for, educator, discovered):
    seeds = discovered
    body = api_for(educator).get(f"/api/v1/documents/{seeds['001'].pk}/sources").json()
    assert seeds["000"].pk in [entry["document"] for entry in body["derivatives"]]


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


def test_a_text_not_yet_looked_at_is_answered_pending_and_nothing_runs(
    api_for, educator, seeds, settings, django_capture_on_commit_callbacks
):
    from discovery.models import IndexState, SourceRelation, Status

    settings.API_RATE_LIMITS = {"discovery": (1, 3600)}
    version = seeds["000"].current_version
    IndexState.objects.update_or_create(
        version=version,
        defaults={"index_status": Status.PENDING, "discovery_status": Status.PENDING},
    )
    client = api_for(educator)
    url = f"/api/v1/documents/{seeds['000'].pk}/sources"
    with django_capture_on_commit_callbacks(execute=False) as queued:
        bodies = [client.get(url).json() for _ in range(3)]  # reading spends no budget
    assert [body["status"] for body in bodies] == ["pending"] * 3
    assert bodies[0]["sources"] == [] and queued == []
    assert not SourceRelation.objects.exists()
    state = IndexState.objects.get(version=version)
    assert (state.index_status, state.discovery_status) == (Status.PENDING, Status.PENDING)


@pytest.mark.parametrize(
    ("index", "discovery", "shown"),
    [
        ("running", "pending", "running"),
        ("done", "running", "running"),
        ("done", "failed", "failed"),
    ],
)
def test_the_status_says_where_the_worker_is(api_for, educator, seeds, index, discovery, shown):
    from discovery.models import IndexState

    version = seeds["000"].current_version
    IndexState.objects.update_or_create(
        version=version, defaults={"index_status": index, "discovery_status": discovery}
    )
    body = api_for(educator).get(f"/api/v1/documents/{seeds['000'].pk}/sources").json()
    assert body["status"] == shown


def test_a_story_that_reports_its_release_lists_it_with_that_role(api_for, educator, settings):
    # A story in its own words (tests/discovery/test_reports_role.py); the three-text
    # corpus needs the test's own rarity floor.
    from datetime import date

    from discovery.search import find_sources
    from documents.models import Document
    from tests.conftest import make_document
    from tests.discovery.reports_texts import RELEASE, STORY

    settings.DISCOVERY_REPORTS_MIN_WEIGHT = 0.0
    settings.DISCOVERY_REPORTS_MIN_SCORE = 1.0
    docs = []
    for n, (text, kind) in enumerate(((RELEASE, "press_release"), (STORY, "article"))):
        doc = make_document(f"doc {n}", text, kind)
        Document.objects.filter(pk=doc.pk).update(published_on=date(2026, 3, 1 + n))
        doc.refresh_from_db()
        find_sources(doc)
        docs.append(doc)
    body = api_for(educator).get(f"/api/v1/documents/{docs[1].pk}/sources").json()
    [entry] = body["sources"]
    assert entry["document"] == docs[0].pk and entry["role"] == "reports"
    assert entry["comparison"] and "BMJ" in entry["reason"]
