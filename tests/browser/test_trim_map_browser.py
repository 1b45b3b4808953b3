"""The trim map's derivative columns: the start of the title on screen, the whole title on
hover and on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from comparisons.compare import get_or_compute
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_column_headers_are_whole_on_hover_and_in_print(
    pages: Pages, educator: User, screenshots: Path
) -> None:
    seeds = load_seeds()
    for article in ("000", "002"):
        get_or_compute(seeds["001"].current_version, seeds[article].current_version)
    page = pages.open(reverse("discovery:trim_map", args=[seeds["001"].pk]), educator)
    titles = {seeds["000"].title, seeds["002"].title}
    headers = page.locator("th.trim-col a")
    assert headers.count() == 2
    full = page.locator("th.trim-col .trim-full")
    short = page.locator("th.trim-col .trim-short")
    for k in range(2):
        assert headers.nth(k).get_attribute("title") in titles  # the tooltip
        # On screen: the title's first words; the whole title is there for screen readers.
        assert short.nth(k).is_visible() and full.nth(k).bounding_box()["width"] <= 1
        assert full.nth(k).inner_text().strip() in titles
    page.emulate_media(media="print")
    for k in range(2):
        assert not short.nth(k).is_visible()
        assert full.nth(k).bounding_box()["width"] > 50
    page.screenshot(path=str(screenshots / "trim-map-print.png"), full_page=True)
    rows = page.locator("table.disc-trim tbody th[scope=row]").all_inner_texts()
    assert not [row for row in rows if row.split()[-1] in {"small", "possible", "14", "7"}]
    assert pages.errors == []
