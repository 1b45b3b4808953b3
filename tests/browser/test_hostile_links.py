"""A hostile `next` in a link a moderator is sent runs nothing in a real browser."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User

from comparisons.models import Comparison
from tests.browser.conftest import Pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_javascript_next_runs_no_script(
    pages: Pages, moderator: User, demo_comparison: Comparison
) -> None:
    version = demo_comparison.derivative_version
    start = version.text.index("Suella Braverman")
    query = urlencode(
        {
            "version": version.pk,
            "start": start,
            "end": start + len("Suella Braverman"),
            "next": "javascript:void(document.title='pwned')",
        }
    )
    page = pages.open(f"/annotations/new/?{query}", moderator)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    links = page.locator("a", has_text="Cancel")
    offered = links.count()
    if offered:
        links.first.click()
    assert page.title() != "pwned"
    assert dialogs == []
    assert offered == 0
    # Every link on the page leads somewhere real, none runs script.
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
