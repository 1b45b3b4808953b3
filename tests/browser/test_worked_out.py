"""Pages that only read say what is still being worked out, and a POST works it out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from discovery.models import IndexState, SourceRelation, Status
from documents.models import Document
from tests.browser.conftest import Pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _readable_in_view(page: Any, locator: Any) -> None:
    box = locator.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    size = locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 14


def test_a_document_not_yet_discovered_says_so_and_an_admin_works_it_out(
    pages: Pages, seeds: dict[str, Document], admin_member: User, screenshots: Path
) -> None:
    post = seeds["000"]
    IndexState.objects.filter(version=post.current_version).update(discovery_status=Status.PENDING)
    SourceRelation.objects.filter(article=post).delete()
    page = pages.open(post.get_absolute_url(), admin_member)
    note = page.locator(".disc-working")
    assert "being worked out" in note.inner_text()
    # Not "no source found": nobody has looked yet.
    assert "No source found" not in page.locator("section.disc-panel").inner_text()
    button = page.get_by_role("button", name="Work it out now")
    _readable_in_view(page, button)
    page.screenshot(path=str(screenshots / "worked-out-document-pending.png"))
    assert not SourceRelation.objects.filter(article=post).exists()  # the GET did nothing
    button.click()  # a real POST with the CSRF token: the worker (immediate here) runs
    page.wait_for_load_state()
    first = page.locator("table.disc-sources tbody tr").nth(0)
    assert "origin" in first.inner_text() and seeds["001"].title in first.inner_text()
    page.screenshot(path=str(screenshots / "worked-out-document-done.png"))
    assert not pages.errors


def test_an_outdated_comparison_shows_its_state_and_a_person_works_it_out(
    pages: Pages, seeds: dict[str, Document], educator: User, screenshots: Path
) -> None:
    release, post = seeds["001"].current_version, seeds["000"].current_version
    assert release is not None and post is not None
    comparison = get_or_compute(release, post)
    Comparison.objects.filter(pk=comparison.pk).update(engine_version="0.0-old")
    page = pages.open(comparison.get_absolute_url(), educator)
    assert page.locator("h1").inner_text() == "Being worked out"
    button = page.get_by_role("button", name="Work it out now")
    _readable_in_view(page, button)
    page.screenshot(path=str(screenshots / "worked-out-comparison-outdated.png"))
    button.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() != "Being worked out"
    comparison.refresh_from_db()
    assert comparison.is_current
    page.screenshot(path=str(screenshots / "worked-out-comparison-done.png"))
    assert not pages.errors
