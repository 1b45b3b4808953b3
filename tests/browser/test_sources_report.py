"""The sources report on a document page, in Chromium at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from documents.models import Document
from tests.browser.conftest import Pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_report_sits_above_the_text_and_colours_it(
    pages: Pages,
    seeds: dict[str, Document],
    educator: User,
    screenshots: Path,
    width: int,
) -> None:
    page = pages.open(
        seeds["000"].get_absolute_url(), educator, viewport={"width": width, "height": 900}
    )
    report = page.locator("section.disc-panel")
    text = page.locator("section[aria-labelledby=text-heading]")
    assert report.bounding_box()["y"] < text.bounding_box()["y"]
    rows = report.locator("table.disc-sources tbody tr")
    first = rows.nth(0)
    assert "origin" in first.inner_text()
    assert seeds["001"].title in first.inner_text()
    sibling = report.locator("tr.role-sibling")
    assert seeds["002"].title in sibling.inner_text()
    # Passages from the release are underlined in the text; the legend names it.
    assert page.locator(".doc-text .src-0").count() > 3
    assert "unexplained" in report.locator(".src-legend").inner_text()
    report.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / f"sources-report-000-{width}.png"), full_page=True)
    assert not pages.errors
