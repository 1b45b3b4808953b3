"""Polling feeds against a local server: formats, 304, robots, deadlines, duplicates, errors."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from documents.models import Document
from feeds.actions import NewFeed, do_add_feed
from feeds.models import Feed, FeedItem
from feeds.polling import poll, poll_due
from tests.feeds.conftest import HTML, RSS, FeedServer, article_html, rss, serve_articles, slow_drip

pytestmark = pytest.mark.django_db


def add(server: FeedServer, path: str = "/feed", **extra: Any) -> Feed:
    feed, _ = do_add_feed(
        None, None, NewFeed(url=server.url(path), kind="article", outlet="Local Paper", **extra)
    )
    return feed


def fresh(feed: Feed) -> Feed:
    return Feed.objects.get(pk=feed.pk)


def test_new_entries_become_documents_with_furniture_stripped(feed_server: FeedServer) -> None:
    serve_articles(feed_server, 3)
    feed = add(feed_server)
    result = poll(feed)
    assert (result.found, result.added, result.skipped) == (3, 3, 0)
    documents = Document.objects.filter(url__startswith=feed_server.origin).order_by("url")
    assert [d.title for d in documents] == [f"Story number {n}" for n in range(3)]
    assert {d.kind for d in documents} == {"article"}
    assert {d.outlet.name for d in documents if d.outlet} == {"Local Paper"}
    text = documents[0].current_version.text
    assert "Home | News | Sport" not in text and "Copyright The Local Paper" not in text
    feed = fresh(feed)
    assert feed.title == "Local Paper"  # the feed's own name, as none was given
    assert (feed.items_found, feed.items_added, feed.items_skipped) == (3, 3, 0)
    assert feed.last_success_at is not None and feed.failures == 0
    entry = AuditEntry.objects.filter(action="document_added", object_id=str(documents[0].pk))
    assert entry.get().details == {"via": "feed", "feed": feed.pk}
    assert entry.get().actor is None


def test_a_second_poll_adds_only_what_is_new(feed_server: FeedServer) -> None:
    serve_articles(feed_server, 2)
    feed = add(feed_server)
    poll(feed)
    serve_articles(feed_server, 3)
    result = poll(fresh(feed))
    assert (result.found, result.added) == (1, 1)
    assert feed_server.hits("/story/0") == 1  # an entry seen once is never fetched again


def test_a_304_reads_nothing_and_keeps_the_validators(feed_server: FeedServer) -> None:
    body = rss(feed_server, [("/story/0", "Only story")])
    feed_server.routes["/story/0"] = (200, HTML, article_html("Only story", 0))

    def conditional(handler: Any) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("ETag", '"v1"')
        handler.send_header("Last-Modified", "Tue, 08 Dec 2026 09:00:00 GMT")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    feed_server.routes["/feed"] = conditional
    feed = add(feed_server)
    assert poll(feed).added == 1
    feed = fresh(feed)
    assert feed.etag == '"v1"' and feed.last_modified.startswith("Tue, 08 Dec 2026")
    result = poll(feed)
    assert result.ok and result.not_modified and result.found == 0
    sent = [headers for path, headers in feed_server.requests if path == "/feed"][-1]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Tue, 08 Dec 2026 09:00:00 GMT"
    assert fresh(feed).etag == '"v1"' and fresh(feed).failures == 0


def test_robots_txt_that_disallows_the_feed_stops_the_poll(feed_server: FeedServer) -> None:
    serve_articles(feed_server, 1)
    feed_server.routes["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nDisallow: /feed\n",
    )
    feed = add(feed_server)
    result = poll(feed)
    assert not result.ok and "robots.txt" in result.error
    assert feed_server.hits("/feed") == 0
    assert "robots.txt" in fresh(feed).last_error


def test_robots_txt_that_disallows_an_entry_skips_it(feed_server: FeedServer) -> None:
    serve_articles(feed_server, 2)
    feed_server.routes["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nDisallow: /story/1\n",
    )
    feed = add(feed_server)
    assert poll(feed).added == 1
    item = FeedItem.objects.get(url=feed_server.url("/story/1"))
    assert item.outcome == "skipped" and "robots.txt" in item.reason
    assert feed_server.hits("/story/1") == 0


def test_a_slow_drip_feed_is_cut_at_the_deadline(feed_server: FeedServer, settings: Any) -> None:
    settings.FETCH_DEADLINE_SECONDS = 1
    feed_server.routes["/feed"] = slow_drip(8)
    feed = add(feed_server)
    result = poll(feed)
    assert not result.ok
    assert "took longer than 1 seconds" in result.error
    assert fresh(feed).failures == 1


def test_a_feed_that_starts_answering_html_fails_in_words(feed_server: FeedServer) -> None:
    serve_articles(feed_server, 1)
    feed = add(feed_server)
    assert poll(feed).ok
    feed_server.routes["/feed"] = (200, HTML, b"<!doctype html><html><body>Moved</body></html>")
    result = poll(fresh(feed))
    assert not result.ok
    assert fresh(feed).last_error == "The feed address answered a web page (HTML), not a feed."


def test_an_entry_pointing_at_another_local_port_is_refused(feed_server: FeedServer) -> None:
    # The feed's own origin is allowed; 127.0.0.1 on any other port is not.
    other = "http://127.0.0.1:9/story"
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>Sneaky</title><link>{other}</link></item></channel></rss>"
    ).encode()
    feed_server.routes["/feed"] = (200, RSS, body)
    feed = add(feed_server)
    result = poll(feed)
    assert result.ok and result.added == 0 and result.skipped == 1
    item = FeedItem.objects.get(feed=feed)
    assert item.outcome == "failed"
    assert "private, local or reserved address" in item.reason
    assert not Document.objects.filter(url=other).exists()


def test_duplicate_entries_are_skipped_with_the_reason(feed_server: FeedServer) -> None:
    twin = article_html("Twin story", 7)
    body = rss(
        feed_server,
        [("/story/a", "Twin story"), ("/story/a", "Twin story"), ("/story/b", "Twin story")],
    )
    feed_server.routes["/feed"] = (200, RSS, body)
    feed_server.routes["/story/a"] = (200, HTML, twin)
    feed_server.routes["/story/b"] = (200, HTML, twin)  # the same text at another address
    feed = add(feed_server)
    result = poll(feed)
    assert (result.found, result.added, result.skipped) == (2, 1, 1)
    skipped = FeedItem.objects.get(url=feed_server.url("/story/b"))
    assert skipped.outcome == "skipped"
    assert skipped.reason == "The same text as “Twin story”, which we already hold."
    assert Document.objects.filter(url__startswith=feed_server.origin).count() == 1


def test_an_entry_already_in_the_corpus_by_address_is_not_fetched(
    feed_server: FeedServer,
) -> None:
    serve_articles(feed_server, 1)
    first = add(feed_server)
    poll(first)
    serve_articles(feed_server, 1, path="/other-feed")
    second = add(feed_server, "/other-feed")
    result = poll(second)
    assert result.skipped == 1
    assert "the same address" in FeedItem.objects.get(feed=second).reason
    assert feed_server.hits("/story/0") == 1


def test_a_near_duplicate_is_skipped(feed_server: FeedServer, monkeypatch: Any) -> None:
    from documents import duplicates

    serve_articles(feed_server, 1)
    feed = add(feed_server)
    held = Document.objects.create(title="Held story", kind="article")
    near = duplicates.NearDuplicate(document=held, similarity=0.93)  # type: ignore[arg-type]
    monkeypatch.setattr(duplicates, "find_near_duplicate", lambda text: near)
    result = poll(feed)
    assert result.skipped == 1
    item = FeedItem.objects.get(feed=feed)
    assert item.reason == "Very like “Held story” (93% the same), which we already hold."


def test_a_500_backs_off_then_recovers(feed_server: FeedServer) -> None:
    feed_server.routes["/feed"] = (500, {"Content-Type": "text/plain"}, b"oops")
    feed = add(feed_server, every=15)
    before = timezone.now()
    result = poll(feed)
    assert not result.ok
    feed = fresh(feed)
    assert feed.failures == 1 and "500" in feed.last_error
    assert before + timedelta(minutes=15) <= feed.next_poll_at < before + timedelta(minutes=16)
    poll(feed)
    feed = fresh(feed)
    # Backed off: the second failure in a row waits twice the interval.
    assert feed.failures == 2 and feed.next_poll_at >= before + timedelta(minutes=30)
    serve_articles(feed_server, 1)
    assert poll(feed).added == 1
    feed = fresh(feed)
    assert feed.failures == 0 and feed.last_error == "" and feed.status == "active"


def test_repeated_failures_pause_the_feed_with_the_reason(
    feed_server: FeedServer, settings: Any
) -> None:
    settings.FEED_MAX_FAILURES = 3
    feed_server.routes["/feed"] = (503, {"Content-Type": "text/plain"}, b"down")
    feed = add(feed_server)
    for _ in range(3):
        poll(fresh(feed))
    feed = fresh(feed)
    assert feed.status == "paused"
    assert feed.paused_reason.startswith("Paused after 3 failed polls in a row.")
    assert "503" in feed.paused_reason
    assert not Feed.objects.due(timezone.now() + timedelta(days=30)).exists()


def test_poll_due_claims_each_due_feed_once(feed_server: FeedServer) -> None:
    serve_articles(feed_server, 1)
    feed = add(feed_server)
    assert [r.feed_id for r in poll_due(budget=60)] == [feed.pk]
    assert poll_due(budget=60) == []  # moved on by its interval
    assert fresh(feed).polls == 1
    assert feed_server.hits("/feed") == 1


def test_control_characters_in_entries_never_reach_the_database(feed_server: FeedServer) -> None:
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": '
        b'[{"id": "1", "url": "http://127.0.0.1:9/x\\u0000y", "title": "Bad\\u0000title"}]}'
    )
    feed_server.routes["/feed"] = (200, {"Content-Type": "application/feed+json"}, body)
    feed = add(feed_server)
    assert poll(feed).skipped == 1
    item = FeedItem.objects.get(feed=feed)
    assert item.title == "Bad title"
    assert "\x00" not in item.url and "\x00" not in item.reason


def test_a_host_another_worker_is_fetching_from_waits_its_turn(
    feed_server: FeedServer, settings: Any
) -> None:
    from feeds.models import HostTurn

    settings.FEED_HOST_DELAY_SECONDS = 0
    serve_articles(feed_server, 1)
    feed = add(feed_server)
    times: list[Any] = []
    route = feed_server.routes["/feed"]

    def stamped(handler: Any) -> None:
        times.append(timezone.now())
        status, headers, body = route  # type: ignore[misc]
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    feed_server.routes["/feed"] = stamped
    # Another worker (another process: only the shared row says so) holds 127.0.0.1.
    busy_until = timezone.now() + timedelta(seconds=0.6)
    HostTurn.objects.update_or_create(host="127.0.0.1", defaults={"free_at": busy_until})
    assert poll(fresh(feed)).added == 1
    assert times and times[0] >= busy_until  # no request before the other worker's turn ended
    # Its own turn over, the host is free again (after the delay, 0 here).
    assert HostTurn.objects.get(host="127.0.0.1").free_at <= timezone.now()
