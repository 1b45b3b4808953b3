"""A signed-in session ends after SESSION_IDLE_TIMEOUT seconds without a request."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from accounts.idle import LAST_SEEN
from audit.models import AuditEntry

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def last_seen_ago(client: Client, seconds: float) -> None:
    """Pretend the last request was `seconds` ago (no test sleeps)."""
    session = client.session
    session[LAST_SEEN] = time.time() - seconds
    session.save()


def test_a_user_idle_past_the_limit_is_signed_out_with_a_word(
    client_for: ClientFor, moderator: User, settings: object
) -> None:
    settings.SESSION_IDLE_TIMEOUT = 600  # type: ignore[attr-defined]
    client = client_for(moderator)
    assert client.get(reverse("annotations:queue")).status_code == 200
    last_seen_ago(client, 601)
    response = client.get(reverse("annotations:queue"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "signed out after 10 minutes without activity" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action=AuditEntry.Action.IDLE_LOGOUT, actor=moderator)


def test_a_user_active_within_the_limit_stays_signed_in(
    client_for: ClientFor, moderator: User, settings: object
) -> None:
    settings.SESSION_IDLE_TIMEOUT = 600  # type: ignore[attr-defined]
    client = client_for(moderator)
    client.get(reverse("home"))
    last_seen_ago(client, 599)
    assert client.get(reverse("annotations:queue")).status_code == 200
    # That request counted as activity: the clock starts again.
    assert time.time() - client.session[LAST_SEEN] < 60


def test_zero_turns_the_limit_off(client_for: ClientFor, moderator: User, settings: object) -> None:
    settings.SESSION_IDLE_TIMEOUT = 0  # type: ignore[attr-defined]
    client = client_for(moderator)
    last_seen_ago(client, 10**7)
    assert client.get(reverse("annotations:queue")).status_code == 200
