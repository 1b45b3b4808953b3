"""The account pages in Chromium: contrast and structure, and an invitation made by keyboard."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from tests.browser.conftest import Pages
from tests.browser.test_accessibility import audit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_account_pages_meet_aa_contrast_and_structure(
    pages: Pages, admin_member: User, moderator: User, screenshots: Path
) -> None:
    signed_in = [
        ("users", reverse("users")),
        ("invite", reverse("user_invite")),
        ("user", reverse("user_detail", args=[moderator.pk])),
        ("audit", reverse("audit:entries")),
        ("password-change", reverse("password_change")),
    ]
    for name, path in signed_in:
        page = pages.open(path, admin_member)
        assert audit(page) == ([], []), path
        page.screenshot(path=str(screenshots / f"accounts-{name}.png"), full_page=True)
    page = pages.open(reverse("password_reset"))
    assert audit(page) == ([], [])
    assert pages.errors == []


def test_an_admin_invites_a_user_with_the_keyboard_only(
    pages: Pages, admin_member: User, screenshots: Path
) -> None:
    page = pages.open(reverse("user_invite"), admin_member)
    page.focus("#id_username")
    page.keyboard.type("nina")
    page.keyboard.press("Tab")
    page.keyboard.type("nina@example.org")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # from "No role" to "Admin"
    page.keyboard.press("ArrowDown")  # "Moderator"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/accounts/users/\d+/$"))  # the new user's page
    assert "Invited nina" in page.inner_text("main")
    assert (
        "Moderator" in page.input_value("#id_role") or page.input_value("#id_role") == "moderators"
    )
    assert mail.outbox and mail.outbox[0].to == ["nina@example.org"]
    page.screenshot(path=str(screenshots / "accounts-invited.png"), full_page=True)


def test_the_lockout_page_says_so_in_words(
    pages: Pages, moderator: User, screenshots: Path
) -> None:
    page: Any = pages.open(reverse("login"))
    for n in range(10):
        page.fill("#id_username", "mo")
        page.fill("#id_password", f"wrong-{n}")
        # Each refusal must come back before the next try: on a slower database the
        # load state can be read before the form's navigation has even begun.
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert "locked for 15 minutes" in page.inner_text("main")
    assert audit(page)[1] == []
    page.screenshot(path=str(screenshots / "accounts-locked-out.png"), full_page=True)
