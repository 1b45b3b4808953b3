"""Watches, alerts and webhooks through the API, each behind the caller's role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from alerts.actions import do_raise_alerts, do_register_webhook, do_watch
from alerts.models import Alert, Delivery, Watch, Webhook
from alerts.rules import Draft
from documents.models import Document
from tests.alerts.receiver import receiver
from tests.api.conftest import ApiClient, problem
from tests.conftest import make_document

pytestmark = pytest.mark.django_db
Api = Callable[[User], ApiClient]


@pytest.fixture
def release(db: None) -> Document:
    return make_document("River clean-up fund", "The council announced a fund.", "press_release")


def test_watch_list_and_unwatch(api_for: Api, educator: User, release: Document) -> None:
    api = api_for(educator)
    made = api.post("/api/v1/watches", {"kind": "release", "document_id": release.pk})
    assert made.status_code == 201
    body = made.json()
    assert body["kind"] == "release" and body["name"] == "River clean-up fund"
    again = api.post("/api/v1/watches", {"kind": "release", "document_id": release.pk})
    assert again.json()["id"] == body["id"]
    assert [w["id"] for w in api.get("/api/v1/watches").json()] == [body["id"]]
    deleted = api.client.delete(f"/api/v1/watches/{body['id']}", headers=api.headers)
    assert deleted.status_code == 204
    assert not Watch.objects.exists()


def test_a_bad_watch_is_a_problem_not_a_500(api_for: Api, educator: User) -> None:
    api = api_for(educator)
    body = problem(api.post("/api/v1/watches", {"kind": "person", "person": "x"}), 400)
    assert "name" in body["detail"]
    problem(api.post("/api/v1/watches", {"kind": "release", "document_id": 999}), 404)
    problem(api.post("/api/v1/watches", {"kind": "planet"}), 422)


def test_alerts_list_and_mark_read(
    api_for: Api, educator: User, moderator: User, release: Document
) -> None:
    watch = do_watch(educator, Watch.Kind.RELEASE, document=release)
    drafts = [Draft(watch, "reused", f"reused:d{i}", f"Story {i}") for i in range(3)]
    first, *_ = do_raise_alerts(drafts)
    api = api_for(educator)
    listed = api.get("/api/v1/alerts").json()
    assert listed["count"] == 3 and listed["unread"] == 3
    assert listed["results"][0]["url"].startswith("http://testserver/")
    read = api.post(f"/api/v1/alerts/{first.pk}/read").json()
    assert read["read_at"] is not None
    assert api.get("/api/v1/alerts", unread="true").json()["count"] == 2
    # Someone else's alert is not found, and "read all" leaves it alone.
    other = api_for(moderator)
    problem(other.post(f"/api/v1/alerts/{first.pk}/read"), 404)
    assert other.post("/api/v1/alerts/read-all").json() == {"marked": 0}
    assert api.post("/api/v1/alerts/read-all").json() == {"marked": 2}
    assert not Alert.objects.unread().exists()


def test_webhooks_are_for_admins(api_for: Api, educator: User) -> None:
    api = api_for(educator)
    problem(api.get("/api/v1/webhooks"), 403)
    problem(
        api.post("/api/v1/webhooks", {"url": "https://example.org/", "events": ["alert.raised"]}),
        403,
    )


def test_a_webhook_to_a_private_address_is_refused(api_for: Api, admin_member: User) -> None:
    payload = {"url": "http://127.0.0.1:9/hook", "events": ["document.added"]}
    body = problem(api_for(admin_member).post("/api/v1/webhooks", payload), 400)
    assert "private, local or reserved" in body["detail"]
    assert not Webhook.objects.exists()


@override_settings(FETCH_ALLOW_PRIVATE=True)
def test_register_change_list_deliveries_and_redeliver(
    api_for: Api, admin_member: User, django_capture_on_commit_callbacks: Any
) -> None:
    api = api_for(admin_member)
    with receiver("", answers=[]) as got:
        made = api.post("/api/v1/webhooks", {"url": got.url, "events": ["import.finished"]})
        assert made.status_code == 201
        hook = made.json()
        got.secret = hook["secret"]
        assert "secret" not in api.get(f"/api/v1/webhooks/{hook['id']}").json()
        changed = api.client.patch(
            f"/api/v1/webhooks/{hook['id']}",
            {"events": ["import.finished", "document.added"]},
            content_type="application/json",
            headers=api.headers,
        )
        assert changed.json()["events"] == ["document.added", "import.finished"]

        from alerts.actions import do_queue_deliveries
        from alerts.delivery import queue

        with django_capture_on_commit_callbacks(execute=True):
            do_queue_deliveries("import.finished", {"job_id": 7, "status": "done"}, queue)
        deliveries = api.get(f"/api/v1/webhooks/{hook['id']}/deliveries").json()
        [first] = deliveries["results"]
        assert first["status"] == "delivered" and first["response_code"] == 200
        with django_capture_on_commit_callbacks(execute=True):
            again = api.post(f"/api/v1/webhooks/{hook['id']}/deliveries/{first['id']}/redeliver")
    assert again.status_code == 202
    assert Delivery.objects.count() == 2
    assert [c["valid"] for c in got.calls] == [True, True]
    assert got.calls[0]["body"]["data"] == {"job_id": 7, "status": "done"}


def test_a_webhook_registered_without_a_secret_gets_one(admin_member: User) -> None:
    # Registering through the action (as a command would) makes a long random secret.
    with override_settings(FETCH_ALLOW_PRIVATE=True):
        hook = do_register_webhook(admin_member, "http://127.0.0.1:9/", ["alert.raised"])
    assert hook.secret.startswith("whsec_") and len(hook.secret) > 30
