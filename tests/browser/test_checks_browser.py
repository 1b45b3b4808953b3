"""An educator checks a pasted article in Chromium; another educator cannot open it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from checks.models import Check
from documents.models import Document
from tests.browser.conftest import Pages
from tests.conftest import load_seeds, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeds(transactional_db: None) -> dict[str, Document]:
    return load_seeds()  # committed at once, so the immediate backend indexes each seed


def test_an_educator_checks_a_pasted_article_and_finds_001(
    pages: Pages, screenshots: Path, educator: User, seeds: dict[str, Document]
) -> None:
    article = seeds["000"].current_version.text.replace("Richard Fuller", "Jane Marlowe")
    page = pages.open("/", educator)
    page.get_by_role("link", name="Check an article").click()
    page.get_by_label("Paste the article's text").fill(article)
    page.get_by_role("button", name="Find its sources").click()
    page.wait_for_url("**/checks/*/")
    best = page.locator("tr.best")
    assert seeds["001"].title in best.inner_text() and "best source" in best.inner_text()
    assert page.get_by_role("heading", name="Findings").count() == 1
    page.screenshot(path=screenshots / "check-article.png", full_page=False)
    assert pages.errors == []

    other = pages.open(Check.objects.get().get_absolute_url(), make_user("erin", "educators"))
    assert other.get_by_role("heading", name="Page not found").count() == 1
    assert "Jane Marlowe" not in other.content()
