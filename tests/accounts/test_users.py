"""The admins role manages users: invite with a set-password link, give a role, deactivate."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from provenance import roles
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
Action = AuditEntry.Action
NEW = "a-new-and-long-enough-passphrase"


@pytest.fixture
def admin(admin_member: User, client_for: ClientFor) -> Client:
    return client_for(admin_member)


def role_names(user: User) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_an_invited_user_sets_a_password_from_the_mailed_link_and_signs_in(
    admin: Client, admin_member: User, django_capture_on_commit_callbacks: Callable
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("user_invite"),
            {"username": "nina", "email": "nina@example.org", "role": roles.MODERATORS},
        )
    nina = User.objects.get(username="nina")
    assert response["Location"] == reverse("user_detail", args=[nina.pk])
    assert not nina.has_usable_password() and role_names(nina) == {roles.MODERATORS}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nina@example.org"]
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    client = Client()
    form_page = client.get(link.group(1), follow=True)
    assert b"new_password1" in form_page.content
    client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert Client().post(reverse("login"), {"username": "nina", "password": NEW}).status_code == 302
    entry = AuditEntry.objects.get(action=Action.USER_INVITED)
    assert (entry.actor, entry.object_id, entry.details["role"]) == (
        admin_member, str(nina.pk), roles.MODERATORS,
    )  # fmt: skip


def test_an_admin_sends_a_new_link_to_an_invited_user_who_lost_theirs(
    admin: Client, django_capture_on_commit_callbacks: Callable
) -> None:
    nina = User.objects.create_user("nina", "nina@example.org", password=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse("user_reinvite", args=[nina.pk]))
    assert response.status_code == 302
    assert mail.outbox[0].to == ["nina@example.org"] and "/accounts/password/reset/" in (
        mail.outbox[0].body
    )


def test_no_new_link_for_a_user_who_has_a_password(admin: Client, moderator: User) -> None:
    moderator.email = "mo@example.org"
    moderator.save()
    assert admin.post(reverse("user_reinvite", args=[moderator.pk])).status_code == 400
    assert mail.outbox == []


def test_an_invitation_for_a_taken_name_or_address_is_refused(
    admin: Client, moderator: User
) -> None:
    moderator.email = "mo@example.org"
    moderator.save()
    for data in ({"username": "MO", "email": "x@example.org"},
                 {"username": "new", "email": "mo@example.org"}):  # fmt: skip
        response = admin.post(reverse("user_invite"), {**data, "role": ""})
        assert response.status_code == 400
    assert User.objects.count() == 2 and mail.outbox == []


def test_an_admin_gives_and_takes_roles(admin: Client, educator: User) -> None:
    url = reverse("user_role", args=[educator.pk])
    assert admin.post(url, {"role": roles.ADMINS}).status_code == 302
    educator.refresh_from_db()
    assert role_names(educator) == {roles.ADMINS} and educator.is_staff
    admin.post(url, {"role": ""})
    educator.refresh_from_db()
    assert role_names(educator) == set() and not educator.is_staff
    changes = AuditEntry.objects.filter(action=Action.USER_ROLE).order_by("at", "id")
    assert [e.details for e in changes] == [
        {"from": roles.EDUCATORS, "to": roles.ADMINS},
        {"from": roles.ADMINS, "to": ""},
    ]


def test_a_deactivated_user_is_signed_out_and_cannot_sign_in_until_reactivated(
    admin: Client, moderator: User, client_for: ClientFor
) -> None:
    theirs = client_for(moderator)
    assert theirs.get(reverse("annotations:queue")).status_code == 200
    url = reverse("user_active", args=[moderator.pk])
    assert admin.post(url, {"active": "0"}).status_code == 302
    assert theirs.get(reverse("annotations:queue")).status_code == 302  # to the login page
    login = {"username": "mo", "password": PASSWORD}
    assert Client().post(reverse("login"), login).status_code == 200
    admin.post(url, {"active": "1"})
    assert Client().post(reverse("login"), login).status_code == 302
    actions = AuditEntry.objects.filter(object_id=str(moderator.pk)).values_list(
        "action", flat=True
    )
    assert {Action.USER_DEACTIVATED, Action.USER_REACTIVATED} <= set(actions)


def test_an_admin_cannot_lock_themselves_out(admin: Client, admin_member: User) -> None:
    assert (
        admin.post(reverse("user_active", args=[admin_member.pk]), {"active": "0"}).status_code
        == 400
    )
    assert admin.post(reverse("user_role", args=[admin_member.pk]), {"role": ""}).status_code == 400
    admin_member.refresh_from_db()
    assert admin_member.is_active and role_names(admin_member) == {roles.ADMINS}


def test_only_a_superuser_changes_a_superuser(admin: Client) -> None:
    root = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    assert admin.post(reverse("user_active", args=[root.pk]), {"active": "0"}).status_code == 403
    root.refresh_from_db()
    assert root.is_active


@pytest.mark.parametrize("persona", ["moderator", "educator", "outsider"])
def test_other_roles_get_403_and_change_nothing(
    persona: str, request: pytest.FixtureRequest, client_for: ClientFor, moderator2: User
) -> None:
    client = client_for(request.getfixturevalue(persona))
    for name in ("users", "user_invite"):
        assert client.get(reverse(name)).status_code == 403
    assert client.get(reverse("user_detail", args=[moderator2.pk])).status_code == 403
    assert (
        client.post(reverse("user_invite"), {"username": "x", "email": "x@example.org"}).status_code
        == 403
    )
    assert (
        client.post(reverse("user_role", args=[moderator2.pk]), {"role": "admins"}).status_code
        == 403
    )
    assert (
        client.post(reverse("user_active", args=[moderator2.pk]), {"active": "0"}).status_code
        == 403
    )
    moderator2.refresh_from_db()
    assert moderator2.is_active and role_names(moderator2) == {roles.MODERATORS}
    assert not User.objects.filter(username="x").exists()
    assert not AuditEntry.objects.filter(action__startswith="user_").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("users"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_pages_list_users_and_offer_csrf_protected_forms(
    admin: Client, moderator: User
) -> None:
    listing = admin.get(reverse("users")).content.decode()
    assert reverse("user_detail", args=[moderator.pk]) in listing and "Moderator" in listing
    page = admin.get(reverse("user_detail", args=[moderator.pk])).content.decode()
    assert page.count("csrfmiddlewaretoken") == 3  # sign out, role, deactivate
    assert "style=" not in page
    assert reverse("users") in admin.get(reverse("home")).content.decode()  # in the main nav


def test_the_user_list_reads_roles_without_a_query_per_user(
    admin: Client, django_assert_max_num_queries: Callable
) -> None:
    for n in range(30):
        User.objects.create_user(f"user{n}")
    with django_assert_max_num_queries(12):
        assert admin.get(reverse("users")).status_code == 200
