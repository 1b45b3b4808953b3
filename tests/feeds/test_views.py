"""Feed pages: admins only, POST-only buttons, errors in words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from feeds.actions import NewFeed, do_add_feed
from feeds.models import Feed, FeedItem
from feeds.parse import Entry

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.fixture
def feed() -> Feed:
    return do_add_feed(None, None, NewFeed(url="https://news.example/feed", kind="article"))[0]


@pytest.mark.parametrize("name", ["feeds:list", "feeds:add"])
def test_only_admins_see_the_feed_pages(
    name: str, client_for: ClientFor, educator: User, admin_member: User
) -> None:
    assert client_for(educator).get(reverse(name)).status_code == 403
    assert Client().get(reverse(name)).status_code == 302  # to sign in
    assert client_for(admin_member).get(reverse(name)).status_code == 200


def test_a_feed_page_is_refused_to_others(
    feed: Feed, client_for: ClientFor, moderator: User
) -> None:
    assert client_for(moderator).get(feed.get_absolute_url()).status_code == 403
    for action in ["poll", "pause", "resume"]:
        response = client_for(moderator).post(reverse(f"feeds:{action}", args=[feed.pk]))
        assert response.status_code == 403
    assert Feed.objects.get(pk=feed.pk).status == "active"


def test_adding_a_feed_is_audited(client_for: ClientFor, admin_member: User) -> None:
    response = client_for(admin_member).post(
        reverse("feeds:add"),
        {"url": "https://wire.example/rss", "kind": "press_release", "outlet": "Wire", "every": 30},
    )
    feed = Feed.objects.get(url="https://wire.example/rss")
    assert response.status_code == 302 and response["Location"] == feed.get_absolute_url()
    entry = AuditEntry.objects.get(action="feed_added")
    assert entry.actor == admin_member and entry.object_id == str(feed.pk)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"url": "javascript:alert(1)", "kind": "article", "every": 60}, "not a web address"),
        ({"url": "https://ok.example/", "kind": "poem", "every": 60}, "Select a valid choice"),
        ({"url": "https://ok.example/", "kind": "article", "every": 0}, "greater than or equal"),
    ],
)
def test_bad_input_is_said_in_words(
    data: dict[str, object], message: str, client_for: ClientFor, admin_member: User
) -> None:
    response = client_for(admin_member).post(reverse("feeds:add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Feed.objects.exists()


def test_the_buttons_are_post_only_and_do_what_they_say(
    feed: Feed, client_for: ClientFor, admin_member: User
) -> None:
    client = client_for(admin_member)
    assert client.get(reverse("feeds:pause", args=[feed.pk])).status_code == 405
    client.post(reverse("feeds:pause", args=[feed.pk]))
    feed.refresh_from_db()
    assert feed.status == "paused" and feed.paused_reason == "Paused by an admin."
    page = client.post(reverse("feeds:poll", args=[feed.pk]), follow=True).content.decode()
    assert "Resume it first" in page
    client.post(reverse("feeds:resume", args=[feed.pk]))
    feed.refresh_from_db()
    assert feed.status == "active" and feed.failures == 0
    client.post(reverse("feeds:poll", args=[feed.pk]))
    actions = list(
        AuditEntry.objects.filter(object_id=str(feed.pk)).values_list("action", flat=True)
    )
    assert set(actions) >= {"feed_paused", "feed_resumed", "feed_poll_now"}


def test_the_feed_page_shows_status_counts_items_and_why(
    feed: Feed, client_for: ClientFor, admin_member: User
) -> None:
    Feed.objects.filter(pk=feed.pk).update(
        last_error="The site answered 500 (Internal Server Error) for https://news.example/feed.",
        failures=2,
        items_found=3,
        items_added=2,
        items_skipped=1,
    )
    FeedItem.objects.create(
        feed=feed,
        key=FeedItem.key_for("x"),
        url="https://news.example/x",
        title="A twin",
        outcome="skipped",
        reason="The same text as “Original”, which we already hold.",
    )
    page = client_for(admin_member).get(feed.get_absolute_url()).content.decode()
    assert "3 found, 2 added, 1 skipped" in page
    assert "The site answered 500" in page and "2 failed polls in a row" in page
    assert "The same text as “Original”, which we already hold." in page
    assert "Poll now" in page and "Pause" in page


def test_item_links_from_feeds_are_never_hrefs(
    feed: Feed, client_for: ClientFor, admin_member: User
) -> None:
    from feeds.actions import do_skip_entry

    do_skip_entry(feed, Entry(id="j", link="https://evil.example/x", title=""), "failed", "No.")
    page = client_for(admin_member).get(feed.get_absolute_url()).content.decode()
    assert 'href="https://evil.example' not in page


def test_the_demo_feed_is_served_only_when_on(client: Client, settings: Any) -> None:
    url = reverse("feeds:demo_feed")
    settings.DEMO_FEED = False
    assert client.get(url).status_code == 404
    settings.DEMO_FEED = True
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert b"/feeds/demo/items/01-coastal-courier/" in response.content


def test_the_demo_feed_releases_one_more_item_each_step(settings: Any) -> None:
    from feeds import demo

    settings.DEMO_FEED_STEP_SECONDS = 20
    assert len(demo.released(demo.STARTED)) == 1
    assert len(demo.released(demo.STARTED + 41)) == 3
    assert len(demo.released(demo.STARTED + 10_000)) == len(demo.items()) == 4


def test_feed_pages_never_write_on_get(
    feed: Feed, client_for: ClientFor, admin_member: User, settings: Any
) -> None:
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.DEMO_FEED = True
    client = client_for(admin_member)
    client.get(reverse("feeds:list"))  # the session's first save happens here
    write = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b(?!.*django_session)", re.I | re.S)
    urls = [
        reverse("feeds:list"),
        reverse("feeds:add"),
        feed.get_absolute_url(),
        reverse("feeds:demo_feed"),
        reverse("feeds:demo_item", args=["01-coastal-courier"]),
        reverse("api-1:feed_list"),
    ]
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        writes = [q["sql"] for q in captured.captured_queries if write.match(q["sql"])]
        assert writes == [], url
