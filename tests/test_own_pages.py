"""Our own pages in place of Django's: the CSRF failure page and the admin's sign-in."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from checks.models import ClassToken

pytestmark = pytest.mark.django_db


def test_a_post_without_a_csrf_cookie_gets_our_page_in_plain_words() -> None:
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"})
    body = response.content.decode()
    assert response.status_code == 403
    assert response.templates[0].name == "403_csrf.html"
    assert "reload the page" in body and "allows cookies" in body
    assert "CSRF" not in body and "csrf_token" not in body
    assert "didn't send the cookie" in body  # the reason, in words a person knows


def test_a_post_with_a_stale_token_gets_our_page(educator: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(educator)
    client.get(reverse("checks:list"))  # sets the cookie
    response = client.post(reverse("checks:list"), {"csrfmiddlewaretoken": "y" * 32, "text": "a"})
    body = response.content.decode()
    assert response.status_code == 403
    assert "We couldn't accept that form" in body and "was out of date" in body


def test_class_pages_keep_their_origin_for_our_forms_only(educator: User) -> None:
    token = ClassToken.objects.create(label="Year 9", created_by=educator)
    response = Client().get(token.get_absolute_url())
    # Not `no-referrer` (Chromium then posts "Origin: null"); nothing leaves for other sites.
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="referrer" content="same-origin">' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected_next"),
    [
        ("", "/admin/"),
        ("?next=/admin/auth/user/", "/admin/auth/user/"),
        ("?next=https://evil.example/", "/admin/"),
        ("?next=//evil.example/", "/admin/"),
    ],
)
def test_the_admin_login_sends_people_to_our_sign_in_with_a_safe_next(
    client: Client, query: str, expected_next: str
) -> None:
    response = client.get(f"/admin/login/{query}")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("login")
    assert parse_qs(location.query)["next"] == [expected_next]


def test_the_admin_index_signed_out_ends_on_our_sign_in(client: Client) -> None:
    response = client.get("/admin/", follow=True)
    assert response.templates[0].name == "registration/login.html"
    assert "Django administration" not in response.content.decode()


def test_a_signed_in_non_staff_user_is_told_no_rather_than_asked_to_sign_in(
    client_for: Callable[[User], Client], educator: User
) -> None:
    response = client_for(educator).get("/admin/", follow=True)
    assert response.status_code == 403
    assert "cannot use the admin pages" in response.content.decode()


def test_staff_still_reach_the_admin(
    client_for: Callable[[User], Client], admin_member: User
) -> None:
    assert client_for(admin_member).get("/admin/").status_code == 200
