"""The alerts inbox in Chromium: the header's unread count, opening an alert, marking read."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from alerts.models import Alert, Watch
from comparisons.compare import get_or_compute
from tests.alerts.conftest import ALTERED, FAITHFUL, RELEASE
from tests.browser.conftest import Pages
from tests.browser.test_accessibility import audit
from tests.conftest import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_watch_a_release_see_the_count_open_an_alert_and_mark_read(
    pages: Pages, educator: User, screenshots: Path
) -> None:
    release = make_document("River clean-up fund", RELEASE, kind="press_release")

    # Watch the release from its page (a real POST, CSRF enforced by the live server).
    page = pages.open(f"/documents/{release.pk}/", educator)
    page.get_by_role("button", name="Watch this release").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Stop watching this release").is_visible()
    assert Watch.objects.filter(user=educator, document=release).exists()

    # Two articles arrive; each commit runs its events, and the rules raise the alerts.
    for title, text in (("Clean-up cash story", ALTERED), ("Clean-up brief", FAITHFUL)):
        article = make_document(title, text)
        get_or_compute(release.current_version, article.current_version)
    second = make_document("Another altered story", ALTERED.replace("River Alder", "Alder"))
    get_or_compute(release.current_version, second.current_version)
    assert Alert.objects.filter(user=educator).count() == 2

    page.goto("/documents/")
    count = page.locator("#unread-count")
    assert count.inner_text().startswith("2")
    box = count.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 1000
    size = float(count.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
    assert size >= 12
    page.locator(".site-header").screenshot(path=screenshots / "alerts-header-count.png")

    page.get_by_role("link", name="Alerts").click()
    page.wait_for_load_state()
    items = page.locator(".alert-item")
    assert items.count() == 2
    assert page.locator(".alert-item.is-unread").count() == 2
    message = items.first.locator(".alert-message")
    assert "quotation" in message.inner_text()
    assert float(message.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) >= 16
    page.screenshot(path=screenshots / "alerts-inbox-unread.png", full_page=True)
    low_contrast, structure = audit(page)
    assert low_contrast == [] and structure == []

    # Open the newest: it is marked read and the comparison opens at the finding.
    newest = Alert.objects.filter(user=educator).order_by("-created_at", "-id").first()
    assert newest is not None
    items.first.get_by_role("button", name="Open the comparison").click()
    page.wait_for_load_state()
    assert page.url.endswith(newest.target_url())
    mark = page.locator(f"#{newest.anchor}")
    assert mark.count() == 1
    mark_box = mark.bounding_box()
    assert mark_box is not None and 0 <= mark_box["y"] <= 1000  # scrolled to the finding
    page.screenshot(path=screenshots / "alerts-opened-at-finding.png")
    newest.refresh_from_db()
    assert newest.read_at is not None
    assert page.locator("#unread-count").inner_text().startswith("1")

    # Mark the other read from the inbox: the count leaves the header.
    page.goto("/alerts/")
    page.locator(".alert-item.is-unread").get_by_role("button", name="Mark read").click()
    page.wait_for_load_state()
    assert page.locator(".alert-item.is-unread").count() == 0
    assert page.locator("#unread-count").count() == 0
    assert page.get_by_text("All read").is_visible()
    page.screenshot(path=screenshots / "alerts-inbox-read.png", full_page=True)
    assert not Alert.objects.filter(user=educator, read_at__isnull=True).exists()
    assert pages.errors == []


def test_the_empty_inbox_says_what_to_do(pages: Pages, educator: User, screenshots: Path) -> None:
    page = pages.open("/alerts/", educator)
    empty = page.locator(".empty")
    assert "No alerts yet" in empty.inner_text()
    assert page.locator("#unread-count").count() == 0
    page.screenshot(path=screenshots / "alerts-inbox-empty.png")


def test_watch_a_speaker_from_a_finding(pages: Pages, educator: User, screenshots: Path) -> None:
    from tests.conftest import load_seeds

    seeds = load_seeds()
    comparison = get_or_compute(seeds["001"].current_version, seeds["000"].current_version)
    page = pages.open(comparison.get_absolute_url(), educator)
    button = page.get_by_role("button", name="Watch Richard Fuller MP")
    assert button.is_visible()
    size = float(button.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
    assert size >= 12
    page.locator(".findings").screenshot(path=screenshots / "alerts-speaker-watch.png")
    button.click()
    page.wait_for_load_state()
    assert page.get_by_text("You are watching Richard Fuller MP.").is_visible()
    assert page.locator(".speaker-watching", has_text="Richard Fuller MP").is_visible()
    assert Watch.objects.filter(user=educator, person="Richard Fuller MP").exists()
    assert pages.errors == []
