"""Tokens through the API: made with a password, listed, revoked; expiry, scope, revocation."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken
from audit.models import AuditEntry
from tests.api.conftest import ApiClient, problem

TOKENS = "/api/v1/tokens"
PASSWORD = "pw-for-tests-1"


@pytest.fixture
def with_password(educator):  # type: ignore[no-untyped-def]
    educator.set_password(PASSWORD)
    educator.save()
    return educator


def make(user, **payload):  # type: ignore[no-untyped-def]
    pair = base64.b64encode(f"{user.username}:{PASSWORD}".encode()).decode()
    response = ApiClient().client.post(
        TOKENS,
        {"name": "script", **payload},
        content_type="application/json",
        headers={"Authorization": f"Basic {pair}"},
    )
    assert response.status_code == 201, response.content
    return response


def test_a_token_is_made_with_an_expiry_a_scope_and_an_audit_entry(with_password):
    response = make(with_password, expires_in_days=7, scope="read")
    body = response.json()
    row = ApiToken.objects.get(pk=body["id"])
    assert body["scope"] == "read" and body["state"] == "active"
    assert timedelta(days=6) < row.expires_at - timezone.now() <= timedelta(days=7)
    assert response["Location"].endswith(f"{TOKENS}/{row.pk}")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.API_TOKEN_CREATED)
    assert entry.actor == with_password and entry.object_id == str(row.pk)


def test_a_token_without_a_lifetime_expires_in_ninety_days(with_password):
    row = ApiToken.objects.get(pk=make(with_password).json()["id"])
    assert timedelta(days=89) < row.expires_at - timezone.now() <= timedelta(days=90)


def test_a_token_lists_and_revokes_its_users_tokens_only(with_password, moderator, api_for):
    first = make(with_password).json()
    client = ApiClient(first["token"])
    other = api_for(moderator)  # another user's token is not listed
    listed = client.get(TOKENS).json()
    assert [t["id"] for t in listed] == [first["id"]]
    assert "token" not in listed[0]
    theirs = ApiToken.objects.get(user=moderator)
    problem(client.post(f"{TOKENS}/{theirs.pk}/revoke"), 404)
    revoked = client.post(f"{TOKENS}/{first['id']}/revoke")
    assert revoked.status_code == 200 and revoked.json()["state"] == "revoked"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.API_TOKEN_REVOKED)
    assert entry.actor == with_password
    problem(client.get(TOKENS), 401)  # it revoked itself
    assert other.get(TOKENS).status_code == 200


def test_a_read_only_token_reads_but_does_not_write(with_password):
    raw = make(with_password, scope="read").json()["token"]
    client = ApiClient(raw)
    assert client.get("/api/v1/documents").status_code == 200
    body = problem(client.post(f"{TOKENS}/1/revoke"), 403)
    assert "read-only" in body["detail"]


def test_an_expired_token_is_refused(with_password):
    body = make(with_password).json()
    ApiToken.objects.filter(pk=body["id"]).update(expires_at=timezone.now() - timedelta(seconds=1))
    problem(ApiClient(body["token"]).get("/api/v1/documents"), 401)
    assert ApiToken.objects.get(pk=body["id"]).state == "expired"


def test_a_new_password_revokes_every_token(with_password, api_for):
    client = api_for(with_password)
    with_password.set_password("another-pw-for-tests-2")
    with_password.save()
    problem(client.get("/api/v1/documents"), 401)
    assert not ApiToken.objects.active().exists()


def test_the_same_password_stored_again_or_a_sign_in_keeps_tokens(with_password, api_for):
    client = api_for(with_password)
    with_password.set_password(PASSWORD)  # e.g. a stronger hash on sign-in
    with_password.save(update_fields=["password"])
    with_password.last_login = timezone.now()
    with_password.save(update_fields=["last_login"])
    assert client.get("/api/v1/documents").status_code == 200


def test_deactivating_an_account_revokes_its_tokens_for_good(with_password, api_for):
    client = api_for(with_password)
    with_password.is_active = False
    with_password.save()
    with_password.is_active = True
    with_password.save()
    problem(client.get("/api/v1/documents"), 401)
    assert ApiToken.objects.get().revoked_at is not None


@pytest.mark.parametrize(
    "payload", [{"expires_in_days": 0}, {"expires_in_days": 366}, {"scope": "admin"}]
)
def test_bad_token_options_are_422_problems(with_password, payload):
    pair = base64.b64encode(f"{with_password.username}:{PASSWORD}".encode()).decode()
    response = ApiClient().client.post(
        TOKENS,
        {"name": "script", **payload},
        content_type="application/json",
        headers={"Authorization": f"Basic {pair}"},
    )
    assert problem(response, 422)["errors"][0]["field"] == next(iter(payload))
    assert not ApiToken.objects.exists()


def test_rate_limited_calls_report_where_the_caller_stands(with_password, settings):
    settings.API_RATE_LIMITS = {"password": (2, 3600)}
    first = make(with_password)
    assert first["RateLimit-Limit"] == "2"
    assert first["RateLimit-Remaining"] == "1"
    assert 0 < int(first["RateLimit-Reset"]) <= 3600
    make(with_password)
    pair = base64.b64encode(f"{with_password.username}:{PASSWORD}".encode()).decode()
    third = ApiClient().client.post(
        TOKENS,
        {"name": "x"},
        content_type="application/json",
        headers={"Authorization": f"Basic {pair}"},
    )
    problem(third, 429)
    assert third["RateLimit-Remaining"] == "0"
    assert third["Retry-After"] == third["RateLimit-Reset"]


def test_the_password_page_and_the_people_page_revoke_tokens(
    with_password, admin_member, api_for, client_for
):
    client = api_for(with_password)
    page = client_for(with_password).post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-pw-for-tests-3",
            "new_password2": "a-new-long-pw-for-tests-3",
        },
    )
    assert page.status_code == 302, page.content[:300]
    assert page["Location"] == reverse("password_change_done")
    problem(client.get("/api/v1/documents"), 401)
    # An admin deactivating the account through the people page's workflow revokes too.
    second = api_for(admin_member)
    from django.test import RequestFactory

    from accounts.actions import do_set_active

    other = api_for(with_password)
    request = RequestFactory().post("/")
    request.user = admin_member
    assert do_set_active(admin_member, request, with_password, False)
    problem(other.get("/api/v1/documents"), 401)
    assert second.get("/api/v1/documents").status_code == 200
