"""Sign-in throttling (django-axes): a guesser is locked out, and every try is recorded."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = reverse("login")
Action = AuditEntry.Action


def sign_in(client: Client, username: str, password: str, ip: str = "203.0.113.5") -> object:
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.slow  # 201 sign-in requests: about 5 s on an idle machine
def test_the_201st_guess_is_refused_even_with_the_right_password(
    client: Client, moderator: User
) -> None:
    for n in range(200):
        response = sign_in(client, "mo", f"wrong-{n}")
        assert response.status_code in (200, 429)
    response = sign_in(client, "mo", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    text = response.content.decode()
    assert "Account locked for a while" in text
    assert "locked for 15 minutes" in text and "Even the right password is refused" in text


def test_lockout_comes_after_the_configured_number_of_failures(
    client: Client, moderator: User, settings: object
) -> None:
    for n in range(9):
        assert sign_in(client, "mo", f"wrong-{n}").status_code == 200
    # The tenth failure locks the account: that answer is already the lockout page.
    assert sign_in(client, "mo", "wrong-9").status_code == 429
    assert sign_in(client, "mo", PASSWORD).status_code == 429
    # Per user and address: the same user from another address, and another user, still sign in.
    assert sign_in(Client(), "mo", PASSWORD, ip="198.51.100.7").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client: Client, moderator: User) -> None:
    for n in range(10):
        sign_in(client, "mo", f"wrong-{n}")
    assert sign_in(client, "mo", PASSWORD).status_code == 429
    # Age the recorded failures past the 15-minute cool-off instead of waiting for it.
    attempt = AccessAttempt.objects.get(username="mo")
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=attempt.attempt_time - timedelta(minutes=16)
    )
    assert sign_in(client, "mo", PASSWORD).status_code == 302


def test_failures_lockouts_and_sign_ins_are_logged_and_audited(
    client: Client, moderator: User, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="provenance.signins"):
        sign_in(client, "mo", "wrong")
        sign_in(client, "nobody", "wrong")
        sign_in(Client(), "mo", PASSWORD)
        for n in range(10):
            sign_in(client, "mo", f"again-{n}")
    failed = AuditEntry.objects.filter(action=Action.LOGIN_FAILED)
    assert set(failed.values_list("actor_name", flat=True)) == {"mo", "nobody"}
    assert failed.first().ip_address == "203.0.113.5"
    login = AuditEntry.objects.get(action=Action.LOGIN)
    assert login.actor == moderator
    assert AuditEntry.objects.filter(action=Action.LOCKED_OUT, actor_name="mo").exists()
    messages = [r.getMessage() for r in caplog.records if r.name == "provenance.signins"]
    assert any(m.startswith("failed sign-in: 'nobody'") for m in messages)
    assert any(m.startswith("sign-in: mo") for m in messages)
    assert any(m.startswith("locked out: 'mo'") for m in messages)


def test_the_login_page_offers_a_password_reset(client: Client) -> None:
    assert reverse("password_reset") in client.get(LOGIN).content.decode()
