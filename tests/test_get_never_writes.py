"""A GET never writes: every page a person opens reads what is stored and says what is missing.

The corpus here is the state right after an upload, before any worker ran: discovery
pending for every seed, no analysis kept for any version, a comparison whose stored
result came from an older engine and one whose background run went stale. Each page
is opened as an admin (who sees everything) and every query it makes is captured; an
INSERT, UPDATE or DELETE outside the session table fails the test.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from annotations import workflow
from annotations.models import Label
from checks.models import Check
from comparisons import sharing
from comparisons.analysis import clear_cache
from comparisons.compare import get_or_compute
from comparisons.models import Comparison, TextAnalysis
from discovery.models import IndexState, SourceRelation, Status
from documents.models import Document, ImportJob, ImportPayload
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def _writes(sql: list[dict[str, Any]]) -> list[str]:
    # Sessions aside: the idle-session middleware's timestamp is a session save.
    return [
        q["sql"][:160]
        for q in sql
        if WRITE.match(q["sql"]) and "django_session" not in q["sql"].split(" WHERE ")[0]
    ]


@pytest.fixture
def corpus(seeds: dict[str, Document]) -> dict[str, Any]:
    """The seeds as uploaded (nothing discovered), with comparisons that need work."""
    # Analyses kept in memory by earlier tests would spare the comparisons below from
    # storing theirs, as a fresh process could not.
    clear_cache()
    v = {number: document.current_version for number, document in seeds.items()}
    done = get_or_compute(v["001"], v["000"])
    outdated = get_or_compute(v["001"], v["002"])
    # The engine was upgraded since `outdated` was stored; `stale`'s worker died.
    Comparison.objects.filter(pk=outdated.pk).update(engine_version="0.0-old")
    stale = Comparison.objects.create(
        source_version=v["003"],
        derivative_version=v["004"],
        status=Comparison.Status.RUNNING,
        started_at=timezone.now() - timedelta(days=1),
    )
    admin = make_user("ada", "admins", is_staff=True)
    links = [sharing.create_link(c, admin, None) for c in (done, outdated)]
    label = Label.objects.get(slug="changed-figure")
    version = v["001"]
    start = version.text.index("France")
    target = workflow.target_from_span(version, start, start + len("France"), done)
    annotation = workflow.do_create_annotation(admin, target, label)
    check = Check.objects.create(owner=admin, title="A pasted article", text="Some article text.")
    # Nothing discovered, and the texts no comparison read not analysed: as if no worker
    # had run yet.
    TextAnalysis.objects.filter(version__in=[v["003"], v["004"]]).delete()
    clear_cache()
    IndexState.objects.update(index_status=Status.PENDING, discovery_status=Status.PENDING)
    assert not SourceRelation.objects.exists()
    # One import whose worker died mid-way, one URL still waiting for the worker.
    stalled = ImportJob.objects.create(
        name="stories.zip",
        status=ImportJob.Status.RUNNING,
        heartbeat_at=timezone.now() - timedelta(days=1),
    )
    ImportPayload.objects.create(job=stalled, data=b"PK")
    waiting = ImportJob.objects.create(
        name="https://example.org/story",
        options={"payload_type": "url", "fetch_url": "https://example.org/story"},
    )
    return {
        "seeds": seeds,
        "admin": admin,
        "comparisons": (done, outdated, stale),
        "outdated": outdated,
        "links": links,
        "annotation": annotation,
        "check": check,
        "imports": (stalled, waiting),
    }


def _pages(c: dict[str, Any]) -> list[str]:
    seeds = c["seeds"]
    release = seeds["001"]
    pages = [
        reverse("documents:list"),
        reverse("comparisons:pick"),
        reverse("discovery:graph"),
        reverse("discovery:graph") + f"?document={release.pk}",
        reverse("discovery:status"),
        reverse("annotations:queue"),
        reverse("annotations:detail", args=[c["annotation"].pk]),
        reverse("checks:list"),
        reverse("checks:detail", args=[c["check"].pk]),
        reverse("alerts:inbox"),
        reverse("alerts:watches"),
        reverse("alerts:webhooks"),
    ]
    for job in c["imports"]:
        pages += [
            job.get_absolute_url(),
            reverse("documents:import_job_status", args=[job.pk]),
        ]
    for link in c["links"]:
        for name in ("shared", "shared_present", "shared_handout"):
            pages.append(reverse(f"comparisons:{name}", args=[link.token]))
    for document in seeds.values():
        pages += [
            document.get_absolute_url(),
            reverse("discovery:fan_out", args=[document.pk]),
            reverse("discovery:trim_map", args=[document.pk]),
        ]
    for comparison in c["comparisons"]:
        pages += [
            comparison.get_absolute_url(),
            reverse("comparisons:present", args=[comparison.pk]),
            reverse("comparisons:handout", args=[comparison.pk]),
            reverse("comparisons:status", args=[comparison.pk]),
        ]
    return pages


def test_no_page_a_person_opens_writes_a_row(corpus: dict[str, Any], client_for: Any) -> None:
    client = client_for(corpus["admin"])
    client.get(reverse("documents:list"))  # the session's first save is not the page's
    found = {}
    for url in _pages(corpus):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code in (200, 302, 503), (url, response.status_code)
        if writes := _writes(queries.captured_queries):
            found[url] = writes
    assert not found, "\n".join(f"{url}: {w}" for url, ws in found.items() for w in sorted(set(ws)))


def _api_reads(c: dict[str, Any]) -> list[str]:
    reads = [f"/api/v1/imports/{job.pk}" for job in c["imports"]]
    reads += [f"/api/v1/comparisons/{comparison.pk}" for comparison in c["comparisons"]]
    for document in c["seeds"].values():
        reads += [f"/api/v1/documents/{document.pk}", f"/api/v1/documents/{document.pk}/sources"]
    return reads


def test_no_api_read_writes_a_row_or_queues_work(
    corpus: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    from api.tokens import create_token

    _token, raw = create_token(corpus["admin"], "reader")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    client.get("/api/v1/documents")  # the token's first use is stamped, once a minute at most
    found = {}
    with django_capture_on_commit_callbacks(execute=False) as queued:
        for url in _api_reads(corpus):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code in (200, 202), (url, response.status_code)
            if writes := _writes(queries.captured_queries):
                found[url] = writes
    assert not found, "\n".join(f"{url}: {w}" for url, ws in found.items() for w in sorted(set(ws)))
    assert queued == []
    stalled, waiting = corpus["imports"]
    assert client.get(f"/api/v1/imports/{stalled.pk}").json()["status"] == "stalled"
    assert client.get(f"/api/v1/imports/{waiting.pk}").json()["status"] == "pending"
    sources = client.get(f"/api/v1/documents/{corpus['seeds']['000'].pk}/sources").json()
    assert (sources["status"], sources["sources"]) == ("pending", [])
    assert ImportJob.objects.get(pk=stalled.pk).status == ImportJob.Status.RUNNING


def test_a_document_nobody_discovered_says_it_is_being_worked_out(
    corpus: dict[str, Any], client_for: Any
) -> None:
    client = client_for(corpus["admin"])
    response = client.get(corpus["seeds"]["000"].get_absolute_url())
    page = response.content.decode()
    assert "being worked out" in page
    assert reverse("discovery:discover", args=[corpus["seeds"]["000"].pk]) in page
    assert not SourceRelation.objects.exists()


def test_an_outdated_comparison_shows_the_computing_state_and_offers_to_work_it_out(
    corpus: dict[str, Any], client_for: Any
) -> None:
    client = client_for(corpus["admin"])
    outdated = corpus["outdated"]
    page = client.get(outdated.get_absolute_url()).content.decode()
    assert "being worked out" in page
    assert reverse("comparisons:retry", args=[outdated.pk]) in page
    # The POST does the work; the next GET shows the result.
    client.post(reverse("comparisons:retry", args=[outdated.pk]))
    outdated.refresh_from_db()
    assert outdated.is_current


def test_the_start_up_sweep_queues_outdated_comparisons(corpus: dict[str, Any]) -> None:
    from comparisons.compare import resume

    resume()
    assert Comparison.objects.get(pk=corpus["outdated"].pk).is_current
    _done, _outdated, stale = corpus["comparisons"]
    assert Comparison.objects.get(pk=stale.pk).is_current
