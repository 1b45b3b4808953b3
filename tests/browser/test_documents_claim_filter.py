"""The documents list in a browser: the stronger-claim badge and the filter that lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from tests.browser.conftest import Pages
from tests.claim_pair import fibre_comparison
from tests.conftest import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_educator_filters_the_list_to_stronger_claims(
    pages: Pages, educator: User, transactional_db: None, screenshots: Path
) -> None:
    fibre_comparison()
    make_document("Plain story", "The council met on Tuesday to discuss the bins.")
    page = pages.open("/documents/", educator)
    badge = page.get_by_role("img", name="Claim stated more strongly than its source")
    assert badge.count() == 1
    assert badge.is_visible()
    row = page.locator("tr", has=badge)
    assert "Fibre story" in row.inner_text()
    size = float(badge.evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
    assert size >= 12
    page.get_by_label("Claims").select_option("strengthened")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**claim=strengthened**")
    titles = page.locator(".doc-table tbody tr td[data-label='Title'] a").all_inner_texts()
    assert titles == ["Fibre story"]
    page.screenshot(path=str(screenshots / "documents-claim-filter.png"), full_page=True)
    assert pages.errors == []
