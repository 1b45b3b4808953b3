from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_renders_with_csrf(client: Client) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content


def test_it_signs_in_and_out(admin_member: User) -> None:
    client = Client(enforce_csrf_checks=False)
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"].is_authenticated
    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated


def test_it_rejects_a_wrong_password(admin_member: User, client: Client) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_anonymous_nav_offers_sign_in_only(client: Client) -> None:
    html = client.get("/").content.decode()
    assert 'href="/accounts/login/"' in html
    assert 'href="/documents/"' not in html


def test_admin_nav_shows_documents_and_admin_site(
    admin_member: User, client_for: Callable[[User], Client]
) -> None:
    html = client_for(admin_member).get("/").content.decode()
    assert 'href="/documents/"' in html
    assert 'href="/admin/"' in html
    assert "(admins)" in html


@pytest.mark.parametrize("persona", ["moderator", "educator"])
def test_reader_roles_see_documents_but_not_admin_site(
    persona: str, request: pytest.FixtureRequest, client_for: Callable[[User], Client]
) -> None:
    user = request.getfixturevalue(persona)
    html = client_for(user).get("/").content.decode()
    assert 'href="/documents/"' in html
    assert 'href="/admin/"' not in html


def test_user_without_role_is_told_and_refused(
    outsider: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(outsider)
    assert "has no role yet" in client.get("/").content.decode()
    assert client.get("/documents/").status_code == 403


def test_anonymous_is_sent_to_login_from_documents(client: Client) -> None:
    response = client.get("/documents/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/documents/")
