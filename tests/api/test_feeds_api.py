"""Feeds in /api/v1/: admins only, in the schema, every write audited."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from audit.models import AuditEntry
from feeds.actions import do_skip_entry
from feeds.models import Feed
from feeds.parse import Entry
from tests.api.conftest import ApiClient, problem

pytestmark = pytest.mark.django_db

BODY = {"url": "https://wire.example/rss", "kind": "press_release", "outlet": "Wire", "every": 30}


def test_an_admin_adds_reads_and_pauses_a_feed(
    api_for: Callable[[User], ApiClient], admin_member: User
) -> None:
    api = api_for(admin_member)
    created = api.post("/api/v1/feeds", BODY)
    assert created.status_code == 201, created.content
    feed = created.json()
    assert (feed["url"], feed["kind"], feed["every"], feed["status"]) == (
        "https://wire.example/rss",
        "press_release",
        30,
        "active",
    )
    assert api.post("/api/v1/feeds", BODY).status_code == 200  # already registered
    assert [f["id"] for f in api.get("/api/v1/feeds").json()] == [feed["id"]]
    paused = api.post(f"/api/v1/feeds/{feed['id']}/pause").json()
    assert paused["status"] == "paused" and paused["next_poll_at"] is None
    assert api.post(f"/api/v1/feeds/{feed['id']}/resume").json()["status"] == "active"
    assert api.post(f"/api/v1/feeds/{feed['id']}/poll").status_code == 200
    audited = AuditEntry.objects.filter(object_type="feeds.feed").values_list("action", flat=True)
    assert sorted(audited) == ["feed_added", "feed_paused", "feed_poll_now", "feed_resumed"]


def test_items_come_with_their_reasons(
    api_for: Callable[[User], ApiClient], admin_member: User
) -> None:
    api = api_for(admin_member)
    feed_id = api.post("/api/v1/feeds", BODY).json()["id"]
    feed = Feed.objects.get(pk=feed_id)
    do_skip_entry(feed, Entry(id="a", link="https://wire.example/a", title="A"), "skipped", "Why.")
    items = api.get(f"/api/v1/feeds/{feed_id}/items").json()
    assert items == [
        {
            "url": "https://wire.example/a",
            "title": "A",
            "published_at": None,
            "seen_at": items[0]["seen_at"],
            "outcome": "skipped",
            "reason": "Why.",
            "document_id": None,
        }
    ]


def test_others_are_refused(
    api_for: Callable[[User], ApiClient], educator: User, anonymous_api: ApiClient
) -> None:
    problem(api_for(educator).get("/api/v1/feeds"), 403)
    problem(api_for(educator).post("/api/v1/feeds", BODY), 403)
    problem(anonymous_api.get("/api/v1/feeds"), 401)
    assert not Feed.objects.exists()


def test_bad_input_is_a_problem_in_words(
    api_for: Callable[[User], ApiClient], admin_member: User
) -> None:
    api = api_for(admin_member)
    body = problem(api.post("/api/v1/feeds", {**BODY, "url": "file:///etc/passwd"}), 400)
    assert "not a web address" in body["detail"]
    problem(api.post("/api/v1/feeds", {**BODY, "every": 0}), 422)
    problem(api.get("/api/v1/feeds/999"), 404)


def test_feeds_are_in_the_schema(client: object) -> None:
    from django.test import Client

    schema = Client().get("/api/v1/openapi.json").json()
    assert {"/api/v1/feeds", "/api/v1/feeds/{pk}", "/api/v1/feeds/{pk}/items"} <= set(
        schema["paths"]
    )
    assert "post" in schema["paths"]["/api/v1/feeds/{pk}/pause"]
