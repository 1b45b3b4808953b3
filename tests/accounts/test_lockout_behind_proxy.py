"""Lockouts count the client's real address behind the configured proxy, and only then."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = reverse("login")
PROXY = "10.0.0.2"  # the proxy's own address: every request reaches us from it


def through_proxy(username: str, password: str, forwarded: str) -> Any:
    """Sign in as a proxy that appends the client's address to X-Forwarded-For would send it."""
    return Client().post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_a_guesser_behind_the_proxy_locks_only_their_own_address(
    moderator: User, settings: Any
) -> None:
    settings.CLIENT_PROXY_COUNT = 1
    for n in range(10):
        through_proxy("mo", f"wrong-{n}", "203.0.113.5")
    assert through_proxy("mo", PASSWORD, "203.0.113.5").status_code == 429
    # The account's owner, elsewhere, still signs in through the same proxy.
    assert through_proxy("mo", PASSWORD, "198.51.100.7").status_code == 302


def test_a_forged_entry_before_the_proxys_own_does_not_escape_the_lock(
    moderator: User, settings: Any
) -> None:
    settings.CLIENT_PROXY_COUNT = 1
    for n in range(10):
        through_proxy("mo", f"wrong-{n}", f"192.0.2.{n}, 203.0.113.5")
    # The guesser writes a new address each time, but the proxy's entry is the same.
    assert through_proxy("mo", PASSWORD, "192.0.2.99, 203.0.113.5").status_code == 429


def test_without_the_proxy_setting_a_forwarded_header_changes_nothing(
    moderator: User, settings: Any
) -> None:
    settings.CLIENT_PROXY_COUNT = None
    for n in range(10):
        through_proxy("mo", f"wrong-{n}", f"192.0.2.{n}")
    assert through_proxy("mo", PASSWORD, "198.51.100.7").status_code == 429
