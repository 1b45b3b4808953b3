"""The API's two pages in a real browser: the account page's tokens, and the API docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from api.models import ApiToken
from tests.browser.conftest import Pages
from tests.browser.test_accessibility import audit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WAIT = 15_000  # ms


def test_a_token_is_made_by_keyboard_shown_once_and_revoked(
    pages: Pages, educator: User, screenshots: Path
) -> None:
    page = pages.open("/account/tokens/", educator)
    page.get_by_label("Name").focus()
    page.keyboard.type("classroom script")
    page.keyboard.press("Enter")
    token_box = page.get_by_role("textbox", name="Token")
    token_box.wait_for(timeout=WAIT)
    raw = token_box.input_value()
    assert raw.startswith("pvn_")
    page.screenshot(path=str(screenshots / "api-token-made.png"), full_page=True)
    # Every token expires: the list says when, in words a person reads.
    expires = page.get_by_role("columnheader", name="Expires")
    assert expires.is_visible()
    row = ApiToken.objects.get()
    assert row.expires_at is not None
    shown = timezone.localtime(row.expires_at)  # the page shows the site's time zone
    assert page.get_by_role("cell", name=f"{shown:%-d %b %Y}").is_visible()
    low_contrast, structure = audit(page)  # the site's AA contrast and structure checks
    assert low_contrast == [] and structure == []
    page.goto("/account/tokens/")
    assert raw not in page.content()  # shown once
    page.get_by_role("button", name="Revoke classroom script").click()
    page.get_by_text("Revoked “classroom script”").wait_for(timeout=WAIT)
    assert ApiToken.objects.get().revoked_at is not None
    assert not pages.errors


def test_the_api_docs_load_from_this_site_only(
    pages: Pages, educator: User, screenshots: Path, live_server: Any
) -> None:
    requested: list[str] = []
    context = pages.browser.new_context(base_url=live_server.url)
    pages.contexts.append(context)
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/api/v1/docs")
    page.get_by_text("Provenance API").first.wait_for(timeout=WAIT)
    page.get_by_text("/api/v1/documents/{pk}/sources").first.wait_for(timeout=WAIT)
    page.screenshot(path=str(screenshots / "api-docs.png"))
    outside = [url for url in requested if not url.startswith(live_server.url)]
    assert not outside, outside
    assert not errors, errors  # the Content-Security-Policy lets the local files run
