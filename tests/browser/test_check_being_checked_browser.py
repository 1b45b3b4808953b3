"""An educator checks an article by its address in Chromium: the page answers at once with
"Being checked…", refreshes itself (or by its link, without JavaScript) and then shows
where the article came from, or why it could not be checked.

(The class link's page is the same view and template; its POST from a browser is the
lesson-links engineer's CSRF and referrer work, so it is not driven here.)"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from checks.models import Check
from checks.workflow import run_url_check
from documents.models import Document
from tests.browser.conftest import Pages
from tests.checks.test_url_checks_in_worker import DUMMY_TASKS, Site
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeds(transactional_db: None) -> dict[str, Document]:
    return load_seeds()  # committed at once, so the immediate backend indexes each seed


@pytest.fixture
def site(seeds: dict[str, Document], settings: Any) -> Iterator[Site]:
    settings.FETCH_ALLOW_PRIVATE = True  # loopback, for this test only
    settings.FETCH_DEADLINE_SECONDS = 0.5
    settings.TASKS = DUMMY_TASKS  # the check waits until the test runs it as the worker would
    served = Site()
    served.article = seeds["000"].current_version.text.replace("Richard Fuller", "Jane Marlowe")
    threading.Thread(target=served.httpd.serve_forever, daemon=True).start()
    yield served
    served.httpd.shutdown()
    served.httpd.server_close()


def submit(pages: Pages, user: User, url: str, **options: Any) -> Any:
    page = pages.open("/checks/", user, **options)
    page.get_by_label("…or give its address").fill(url)
    page.get_by_role("button", name="Find its sources").click()
    page.wait_for_url("**/checks/*/")
    return page


def test_the_page_says_it_is_being_checked_and_then_shows_the_result(
    pages: Pages, screenshots: Path, educator: User, site: Site, seeds: dict[str, Document]
) -> None:
    page = submit(pages, educator, site.base + "/article")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Being checked…"
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 1000  # in the first screen
    size = float(heading.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert size >= 24
    assert page.get_by_role("link", name="Reload this page").is_visible()
    page.screenshot(path=screenshots / "check-being-checked.png", full_page=False)

    run_url_check(Check.objects.get().pk)  # the worker's turn
    # The page's script reloads it; the result replaces the waiting note.
    page.get_by_role("heading", name="Where it came from").wait_for(timeout=15_000)
    assert seeds["001"].title in page.locator("tr.best").inner_text()
    page.screenshot(path=screenshots / "check-being-checked-done.png", full_page=False)
    assert pages.errors == []


def test_without_javascript_the_reload_link_brings_the_result(
    pages: Pages, screenshots: Path, educator: User, site: Site, seeds: dict[str, Document]
) -> None:
    page = submit(pages, educator, site.base + "/drip", java_script_enabled=False)
    assert page.get_by_role("heading", level=1).inner_text() == "Being checked…"
    run_url_check(Check.objects.get().pk)
    page.get_by_role("link", name="Reload this page").click()
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "This article could not be checked"
    alert = page.get_by_role("alert")
    assert "took longer than 0.5 seconds" in alert.inner_text() and alert.is_visible()
    page.screenshot(path=screenshots / "check-failed.png", full_page=False)
