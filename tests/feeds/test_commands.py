"""`add_feed` and `poll_feeds --now`, and two worker processes sharing one database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from discovery.models import IndexState, Status
from documents.models import Document
from feeds.models import Feed
from tests.discovery.test_worker import DB_TASKS, worker_database_url
from tests.feeds.conftest import RSS, FeedServer, rss, serve_articles


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_add_feed_registers_it_once(feed_server: FeedServer) -> None:
    url = feed_server.url("/feed")
    out = run("add_feed", url, "--kind", "press_release", "--outlet", "Wire", "--every", "15")
    feed = Feed.objects.get(url=url)
    assert (feed.kind, feed.outlet, feed.interval_minutes) == ("press_release", "Wire", 15)
    assert f"Added feed {feed.pk}" in out
    assert "Already registered" in run("add_feed", url, "--kind", "article")
    assert Feed.objects.count() == 1


@pytest.mark.django_db
def test_add_feed_says_what_is_wrong() -> None:
    with pytest.raises(CommandError, match="not a web address"):
        run("add_feed", "ftp://example.org/feed", "--kind", "article")
    with pytest.raises(CommandError, match="Poll every 1 to"):
        run("add_feed", "https://example.org/feed", "--kind", "article", "--every", "0")


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_poll_feeds_now_carries_new_entries_through_indexing_and_discovery(
    feed_server: FeedServer,
) -> None:
    serve_articles(feed_server, 2)
    run("add_feed", feed_server.url("/feed"), "--kind", "article", "--every", "60")
    out = run("poll_feeds", "--now")
    assert "2 added" in out
    versions = [d.current_version_id for d in Document.objects.filter(url__contains="/story/")]
    states = IndexState.objects.filter(version_id__in=versions)
    assert len(versions) == 2
    assert {(s.index_status, s.discovery_status) for s in states} == {(Status.DONE, Status.DONE)}


@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_poll_each_feed_once(feed_server: FeedServer) -> None:
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.fail("The workers need a file-backed test database (see the settings).")
    feeds = 24
    body = rss(feed_server, [])

    def slow_feed(handler: BaseHTTPRequestHandler) -> None:
        # Slow enough that both processes are polling while feeds are still due.
        time.sleep(0.3)
        handler.send_response(200)
        handler.send_header("Content-Type", RSS["Content-Type"])
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    for n in range(feeds):
        feed_server.routes[f"/feed/{n}"] = slow_feed
        run("add_feed", feed_server.url(f"/feed/{n}"), "--kind", "article")
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "TESTING": "false",
        "DEBUG": "true",
        "FETCH_ALLOW_ORIGINS": feed_server.origin,
        "FEED_HOST_DELAY_SECONDS": "0",
    }
    procs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "poll_feeds"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), outputs
    assert [feed_server.hits(f"/feed/{n}") for n in range(feeds)] == [1] * feeds
    assert sorted(Feed.objects.values_list("polls", flat=True)) == [1] * feeds
    polled = [out.count(": read") for out, _ in outputs]
    assert sum(polled) == feeds
    print("feeds polled by each process:", polled)
