"""/admin/ in Chromium, signed out: our sign-in page, never Django's admin form, then the admin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from tests.browser.conftest import Pages
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_admin_signed_out_lands_on_our_sign_in_and_back(
    pages: Pages, admin_member: User, screenshots: Path
) -> None:
    page = pages.open("/admin/")
    assert re.search(r"/accounts/login/\?next=%2Fadmin%2F$", page.url)
    assert page.get_by_role("heading", name="Sign in", exact=True).is_visible()
    assert "Django administration" not in page.content()
    assert page.locator(".site-header .brand").is_visible()
    page.screenshot(path=screenshots / "admin-sign-in.png")
    page.get_by_label("Username").fill(admin_member.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.get_by_role("heading", name="Site administration").is_visible()
