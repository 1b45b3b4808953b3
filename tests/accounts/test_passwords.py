"""Every user can change their password, and reset a forgotten one through an emailed link."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
NEW = "a-new-and-long-enough-passphrase"


def can_sign_in(username: str, password: str) -> bool:
    response = Client().post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


@pytest.mark.parametrize("persona", ["admin_member", "moderator", "educator", "outsider"])
def test_every_user_changes_their_own_password(
    persona: str, request: pytest.FixtureRequest, client_for: ClientFor
) -> None:
    user = request.getfixturevalue(persona)
    client = client_for(user)
    page = client.get(reverse("password_change"))
    assert page.status_code == 200 and b"csrfmiddlewaretoken" in page.content
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    assert can_sign_in(user.username, NEW) and not can_sign_in(user.username, PASSWORD)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PASSWORD_CHANGED, actor=user).exists()


def test_a_wrong_old_password_changes_nothing(client_for: ClientFor, moderator: User) -> None:
    response = client_for(moderator).post(
        reverse("password_change"),
        {"old_password": "nope", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    assert "incorrectly" in response.content.decode()
    assert can_sign_in("mo", PASSWORD)


def test_the_whole_reset_flow_through_the_mail_outbox(client: Client, moderator: User) -> None:
    moderator.email = "mo@example.org"
    moderator.save()
    response = client.post(reverse("password_reset"), {"email": "MO@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mo@example.org"] and "Provenance" in message.subject
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body)
    assert link is not None
    # Django swaps the token for a session marker and redirects to the set-password form.
    form_page = client.get(link.group(1), follow=True)
    assert b"Set a new password" in form_page.content and b"new_password1" in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}
    )
    assert done["Location"] == reverse("password_reset_complete")
    assert can_sign_in("mo", NEW)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PASSWORD_RESET, actor=moderator)
    # The link works once.
    again = client.get(link.group(1), follow=True)
    assert b"does not work any more" in again.content


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client: Client) -> None:
    response = client.post(reverse("password_reset"), {"email": "who@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_the_pages_are_in_the_site_layout_with_no_inline_script_or_style(
    client: Client, client_for: ClientFor, moderator: User
) -> None:
    pages = [
        client.get(reverse("password_reset")),
        client.get(reverse("password_reset_done")),
        client_for(moderator).get(reverse("password_change")),
        client_for(moderator).get(reverse("password_change_done")),
    ]
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert 'class="site-header"' in html and 'id="main"' in html
        assert "style=" not in html and not re.search(r"<script(?![^>]*\bsrc=)", html)
