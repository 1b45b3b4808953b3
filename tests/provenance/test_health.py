from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from provenance.heartbeats import WorkerHeartbeat


@pytest.mark.django_db
def test_it_reports_database_ok(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_it_returns_503_when_database_fails(client: Client) -> None:
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": "unavailable",
        "detail": "OperationalError",
    }


def test_it_refuses_post(client: Client) -> None:
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_it_reports_no_workers_before_any_beat(client: Client) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "no-workers"
    assert body["workers"]["status"] == "none"
    assert body["workers"]["last_beat_age_seconds"] is None


@pytest.mark.django_db
def test_it_reports_the_age_of_a_fresh_heartbeat(client: Client) -> None:
    WorkerHeartbeat.objects.beat("web1-1", timezone.now() - timedelta(seconds=12))
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["workers"]["status"] == "ok"
    assert 12 <= body["workers"]["workers"]["web1-1"] < 60
    assert body["workers"]["last_beat_age_seconds"] == body["workers"]["workers"]["web1-1"]


@pytest.mark.django_db
def test_it_reports_a_stale_heartbeat(client: Client, settings: Any) -> None:
    settings.WORKER_STALE_AFTER_SECONDS = 300
    now = timezone.now()
    WorkerHeartbeat.objects.beat("web1-1", now - timedelta(seconds=5))
    WorkerHeartbeat.objects.beat("web2-1", now - timedelta(seconds=301))
    response = client.get("/healthz")
    assert response.status_code == 200  # the web side still serves
    body = response.json()
    assert body["status"] == "stale"
    assert body["workers"]["status"] == "stale"
    assert body["workers"]["workers"]["web2-1"] >= 301
    assert body["workers"]["last_beat_age_seconds"] < 60


@pytest.mark.django_db
def test_it_answers_when_the_heartbeat_table_is_missing(client: Client) -> None:
    with mock.patch(
        "provenance.views.workers_health", side_effect=OperationalError("no such table")
    ):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["workers"] == {"status": "unknown", "detail": "OperationalError"}
