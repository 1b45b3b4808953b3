"""A class link in Chromium, CSRF enforced: a phone posts a check; a stale form gets our page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from checks.models import Check, ClassToken
from documents.models import Document
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def seeds(transactional_db: None) -> dict[str, Document]:
    return load_seeds()  # committed at once, so the immediate backend indexes each seed


@pytest.fixture
def class_token(educator: User) -> ClassToken:
    return ClassToken.objects.create(label="Year 10", created_by=educator)


def test_a_class_link_on_a_phone_posts_a_check_and_finds_the_release(
    pages: Pages, screenshots: Path, class_token: ClassToken, seeds: dict[str, Document]
) -> None:
    # The seeds README: 000 (the MP's post) was made from 001 (the press release).
    article = seeds["000"].current_version.text.replace("Richard Fuller", "Jane Marlowe")
    page = pages.open(class_token.get_absolute_url(), **PHONE)
    page.get_by_label("Paste the article's text").fill(article)
    button = page.get_by_role("button", name="Find its sources")
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        button.click()
    # Chromium sends our origin (with `no-referrer` it sent "null", and Django said 403).
    assert posted.value.request.header_value("origin") == pages.base_url
    assert posted.value.status == 302
    page.wait_for_url(f"**/checks/class/{class_token.token}/*/")
    check = Check.objects.get()
    assert check.class_token == class_token
    assert seeds["001"].title in page.locator("main").inner_text()
    assert "Forbidden" not in page.content()
    page.screenshot(path=screenshots / "class-link-phone.png", full_page=False)
    assert pages.errors == []


def test_a_stale_form_shows_our_page_saying_to_reload(
    pages: Pages, screenshots: Path, class_token: ClassToken
) -> None:
    page = pages.open(class_token.get_absolute_url(), **PHONE)
    # Another tab signs in or out meanwhile: the cookie's secret no longer matches the form's.
    page.context.add_cookies([{"name": "csrftoken", "value": "x" * 32, "url": pages.base_url}])
    page.get_by_label("Paste the article's text").fill("Some words of an article.")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Find its sources").click()
    assert posted.value.status == 403
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "We couldn't accept that form"
    text = page.locator("main").inner_text()
    assert "reload the page" in text and "allows cookies" in text
    assert "CSRF" not in page.content() and "Origin checking" not in page.content()
    # In the site's look: our stylesheet's font, and a heading sized as ours are.
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "system-ui" in font
    assert page.locator(".site-header .brand").is_visible()
    page.screenshot(path=screenshots / "csrf-failure.png", full_page=False)
    assert Check.objects.count() == 0
