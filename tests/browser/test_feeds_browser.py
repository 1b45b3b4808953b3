"""An admin adds a feed in the browser (CSRF on) and sees its items arrive after a poll."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from tests.browser.conftest import Pages
from tests.feeds.conftest import HTML, RSS, FeedServer, article_html, rss
from tests.feeds.conftest import feed_server as feed_server

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def feed_with_a_twin(feed_server: FeedServer) -> Iterator[FeedServer]:
    items = [("/story/1", "Harbour patrols doubled"), ("/story/2", "Harbour patrols doubled again")]
    feed_server.routes["/feed"] = (200, RSS, rss(feed_server, items))
    feed_server.routes["/story/1"] = (200, HTML, article_html("Harbour patrols doubled", 1))
    feed_server.routes["/story/2"] = (200, HTML, article_html("Harbour patrols doubled", 1))
    yield feed_server


def font_px(locator: Any) -> float:
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


def in_viewport(page: Any, locator: Any) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"]


def test_an_admin_adds_a_feed_and_sees_items_arrive(
    pages: Pages, screenshots: Path, admin_member: User, feed_with_a_twin: FeedServer
) -> None:
    page = pages.open("/feeds/add/", admin_member)
    page.fill("#id_url", feed_with_a_twin.url("/feed"))
    page.select_option("#id_kind", "article")
    page.fill("#id_outlet", "Harbour Herald")
    page.fill("#id_every", "15")
    page.click(".feed-form button[type=submit]")
    page.wait_for_url(re.compile(r"/feeds/\d+/$"))
    assert "Feed added" in page.inner_text(".messages")
    assert "No items yet" in page.inner_text("main")

    call_command("poll_feeds", "--now")
    page.reload()
    rows = page.locator(".feed-items tbody tr")
    assert rows.count() == 2
    added = page.locator(".feed-items tr.outcome-added")
    skipped = page.locator(".feed-items tr.outcome-skipped")
    assert "Harbour patrols doubled" in added.inner_text()
    why = skipped.locator("td[data-label=Why]")
    assert why.inner_text() == "The same text as “Harbour patrols doubled”, which we already hold."
    assert font_px(why) >= 14 and in_viewport(page, why)
    assert "2 found, 1 added, 1 skipped" in page.inner_text(".feed-counts")
    page.screenshot(path=screenshots / "feed-items.png", full_page=True)

    phone = pages.open(page.url, admin_member, viewport={"width": 390, "height": 844})
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone_why = phone.locator(".feed-items tr.outcome-skipped td[data-label=Why]")
    assert font_px(phone_why) >= 14 and in_viewport(phone, phone_why)
    phone.screenshot(path=screenshots / "feed-items-phone.png", full_page=True)

    page.click("text=Pause")
    assert "Paused" in page.inner_text(".messages")
    assert page.locator("button", has_text="Resume").is_visible()
    page.screenshot(path=screenshots / "feed-paused.png", full_page=False)
    assert pages.errors == []


def test_a_failing_feed_shows_its_error_in_words(
    pages: Pages,
    screenshots: Path,
    admin_member: User,
    feed_server: FeedServer,
) -> None:
    feed_server.routes["/feed"] = (200, HTML, b"<!doctype html><html><body>Moved</body></html>")
    call_command("add_feed", feed_server.url("/feed"), "--kind", "press_release")
    call_command("poll_feeds", "--now")
    page = pages.open("/feeds/", admin_member)
    assert "last poll failed" in page.inner_text(".feed-table")
    page.click(".feed-table a")
    error = page.locator(".feed-error")
    assert error.inner_text() == "The feed address answered a web page (HTML), not a feed."
    assert font_px(error) >= 14 and in_viewport(page, error)
    page.screenshot(path=screenshots / "feed-error.png", full_page=False)
