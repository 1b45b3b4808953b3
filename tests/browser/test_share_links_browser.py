"""Share links in Chromium: copy to the clipboard, QR code on screen, revoke asks, undo restores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison, ShareLink
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None) -> Comparison:
    seeds = load_seeds()
    return get_or_compute(seeds["001"].current_version, seeds["000"].current_version)


def test_copy_qr_revoke_with_confirmation_and_undo(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(
        demo.get_absolute_url(),
        educator,
        viewport={"width": 390, "height": 844},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page.get_by_role("button", name="Make a share link").click()
    page.wait_for_load_state()
    link = ShareLink.objects.get()
    url = f"{pages.base_url}{link.get_absolute_url()}"

    # The whole address is on screen, wrapped inside the viewport, not cut off.
    shown = page.locator(f"#share-url-{link.pk}")
    assert shown.inner_text() == url
    shown.scroll_into_view_if_needed()
    box = shown.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert shown.evaluate("e => e.scrollWidth <= e.clientWidth")

    # The QR code is drawn and visible at a scannable size.
    qr = page.locator(f"#share-{link.pk} .share-qr svg")
    qr.scroll_into_view_if_needed()
    qr_box = qr.bounding_box()
    assert qr.is_visible() and qr_box is not None and qr_box["width"] >= 100

    copy = page.locator(f"#share-{link.pk} button.share-copy")
    assert copy.inner_text().startswith("Copy link")
    copy.click()
    page.get_by_text("Link copied to the clipboard.").wait_for()
    assert copy.inner_text().startswith("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == url
    page.locator(f"#share-{link.pk}").screenshot(path=screenshots / "share-link-copied.png")

    # Revoke asks first; "Keep it" leaves the link alone.
    page.get_by_role("button", name=re.compile("^Revoke")).click()
    yes = page.get_by_role("button", name="Yes, revoke")
    assert yes.is_visible()
    page.locator(f"#share-{link.pk}").screenshot(path=screenshots / "share-revoke-asks.png")
    page.get_by_role("button", name="Keep it").click()
    assert not yes.is_visible()
    link.refresh_from_db()
    assert link.revoked_at is None

    page.get_by_role("button", name=re.compile("^Revoke")).click()
    yes.click()
    page.wait_for_load_state()
    anonymous = pages.open(link.get_absolute_url())
    assert anonymous.get_by_role("heading", name="This link was revoked").is_visible()
    anonymous.screenshot(path=screenshots / "share-withdrawn-revoked.png")

    # Undo, within the minute, brings the link back.
    undo = page.get_by_role("button", name=re.compile("^Undo"))
    page.locator(f"#share-{link.pk}").screenshot(path=screenshots / "share-undo.png")
    undo.click()
    page.wait_for_load_state()
    link.refresh_from_db()
    assert link.revoked_at is None
    assert anonymous.goto(link.get_absolute_url()).status == 200
    assert pages.errors == [] or all("410" in e for e in pages.errors)


def test_without_javascript_revoke_goes_through_a_confirmation_page(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    link = ShareLink.objects.create(comparison=demo, created_by=educator)
    page = pages.open(demo.get_absolute_url(), educator, java_script_enabled=False)
    # The copy button needs the script; without it the link is there to select by hand.
    assert page.locator("button.share-copy").count() == 1
    assert not page.locator("button.share-copy").is_visible()
    assert page.locator(f"#share-url-{link.pk}").is_visible()
    page.get_by_role("button", name=re.compile("^Revoke")).click()
    page.get_by_role("heading", name="Revoke this share link?").wait_for()
    page.screenshot(path=screenshots / "share-revoke-confirm-page.png")
    link.refresh_from_db()
    assert link.revoked_at is None
    page.get_by_role("button", name="Yes, revoke the link").click()
    page.wait_for_load_state()
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_without_the_clipboard_api_copy_selects_the_link_to_copy_by_hand(
    pages: Pages, educator: User, demo: Comparison
) -> None:
    link = ShareLink.objects.create(comparison=demo, created_by=educator)
    page = pages.open("/", educator)
    # As on a plain-http address, where browsers offer no clipboard API.
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(demo.get_absolute_url())
    page.locator(f"#share-{link.pk} button.share-copy").click()
    page.get_by_text("Link selected: press Ctrl+C").wait_for()
    selected = page.evaluate("window.getSelection().toString()")
    assert selected.strip() == f"{pages.base_url}{link.get_absolute_url()}"
