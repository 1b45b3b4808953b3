"""Personal API tokens: made on the account page, shown once, stored hashed, revocable."""

from __future__ import annotations

import hashlib
import re

from api.models import ApiToken
from documents.models import Document
from tests.api.conftest import ApiClient, problem

DOCUMENTS = "/api/v1/documents"


def _make_token(client, name="my script"):  # type: ignore[no-untyped-def]
    response = client.post("/account/tokens/", {"name": name})
    assert response.status_code == 200
    match = re.search(rb'value="(pvn_[^"]+)"', response.content)
    assert match, "the new token is shown on the page"
    return match.group(1).decode()


def test_the_account_page_makes_a_token_shown_once_and_kept_hashed(client_for, educator):
    client = client_for(educator)
    raw = _make_token(client)
    row = ApiToken.objects.get(user=educator)
    assert row.name == "my script"
    assert row.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {row.digest, row.prefix}
    # Shown once: the list page afterwards names the token but never shows it.
    page = client.get("/account/tokens/")
    assert b"my script" in page.content
    assert raw.encode() not in page.content


def test_a_token_needs_a_name(client_for, educator):
    response = client_for(educator).post("/account/tokens/", {"name": "  "})
    assert response.status_code == 400
    assert b"Give the token a name" in response.content
    assert not ApiToken.objects.exists()


def test_the_account_page_needs_a_sign_in(client):
    response = client.get("/account/tokens/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_account_page_is_linked_from_the_site_header(client_for, educator):
    assert b'href="/account/tokens/"' in client_for(educator).get("/").content


def test_a_token_signs_a_script_in(client_for, educator):
    raw = _make_token(client_for(educator))
    response = ApiClient(raw).get(DOCUMENTS)
    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_token_is_refused(client_for, educator):
    client = client_for(educator)
    raw = _make_token(client)
    token = ApiToken.objects.get()
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 302
    body = problem(ApiClient(raw).get(DOCUMENTS), 401)
    assert "Bearer" in body["detail"]


def test_nobody_revokes_another_users_token(client_for, educator, moderator):
    raw = _make_token(client_for(educator))
    token = ApiToken.objects.get()
    assert client_for(moderator).post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiClient(raw).get(DOCUMENTS).status_code == 200


def test_no_token_or_a_wrong_one_answers_401_with_a_challenge(db):
    for client in (ApiClient(), ApiClient("pvn_not-a-real-token")):
        response = client.get(DOCUMENTS)
        problem(response, 401)
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_of_a_user_without_a_role_sees_nothing(api_for, outsider):
    problem(api_for(outsider).get(DOCUMENTS), 403)


def test_a_token_of_a_deactivated_user_is_refused(api_for, educator):
    client = api_for(educator)
    educator.is_active = False
    educator.save()
    problem(client.get(DOCUMENTS), 401)


def test_the_browser_session_works_and_writes_need_csrf(csrf_client, admin_member):
    client = csrf_client(admin_member)
    assert client.get(DOCUMENTS).status_code == 200
    body = {"text": "A short article about the council.", "title": "Council"}
    refused = client.post(DOCUMENTS, body, content_type="application/json")
    problem(refused, 403)
    assert not Document.objects.exists()
    client.get("/account/tokens/")  # sets the CSRF cookie, as any page does
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        DOCUMENTS, body, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 201
