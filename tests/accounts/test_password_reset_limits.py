"""Password-reset mail is limited per address and per client, and links name SITE_URL."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
RESET = reverse("password_reset")


@pytest.fixture
def mo(moderator: User) -> User:
    moderator.email = "mo@example.org"
    moderator.save()
    return moderator


def ask(email: str, ip: str = "203.0.113.5") -> Any:
    return Client().post(RESET, {"email": email}, REMOTE_ADDR=ip)


def test_one_address_gets_at_most_three_mails_an_hour(mo: User) -> None:
    answers = [ask("mo@example.org", ip=f"198.51.100.{n}").status_code for n in range(15)]
    assert answers[:3] == [302, 302, 302]
    assert set(answers[3:]) == {429}
    assert len(mail.outbox) == 3


def test_the_refusal_says_when_to_try_again_and_keeps_quiet_about_accounts(
    mo: User,
) -> None:
    for _ in range(3):
        ask("nobody@example.org")
    refused = ask("nobody@example.org")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many password-reset requests" in refused.content.decode()
    # The limit counts unknown addresses alike, so a refusal reveals nothing.
    for _ in range(3):
        ask("mo@example.org", ip="198.51.100.9")
    assert ask("mo@example.org", ip="198.51.100.9").status_code == 429


def test_one_client_asking_for_many_addresses_is_limited(mo: User) -> None:
    answers = [ask(f"someone{n}@example.org").status_code for n in range(12)]
    assert answers[:10] == [302] * 10
    assert answers[10:] == [429, 429]


def test_the_link_uses_site_url_not_the_requests_host(mo: User, settings: Any) -> None:
    settings.SITE_URL = "https://provenance.example.org"
    settings.ALLOWED_HOSTS = ["*"]
    Client().post(RESET, {"email": "mo@example.org"}, HTTP_HOST="evil.example.com")
    (message,) = mail.outbox
    assert "https://provenance.example.org/accounts/password/reset/" in message.body
    assert "evil.example.com" not in message.body
