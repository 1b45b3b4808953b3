"""The person-caused writes moved into actions leave an audit entry with their actor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from checks.models import Check, ClassToken
from documents.models import Document

pytestmark = pytest.mark.django_db


def test_asking_for_discovery_again_is_audited(
    seeds: dict[str, Document],
    admin_member: User,
    client_for: Callable[[User], Client],
    django_capture_on_commit_callbacks: Any,
) -> None:
    document = seeds["000"]
    with django_capture_on_commit_callbacks(execute=False):
        client_for(admin_member).post(reverse("discovery:discover", args=[document.pk]))
    entry = AuditEntry.objects.get(action="discovery_requested")
    assert (entry.actor, entry.object_id) == (admin_member, str(document.pk))
    assert entry.details == {"version": document.current_version.number}


def test_asking_for_discovery_by_the_api_is_audited_too(
    seeds: dict[str, Document], admin_member: User, django_capture_on_commit_callbacks: Any
) -> None:
    from api.tokens import create_token

    _row, raw = create_token(admin_member, "t")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(f"/api/v1/documents/{seeds['000'].pk}/discover")
    assert response.status_code == 202
    assert AuditEntry.objects.get(action="discovery_requested").actor == admin_member


def test_class_links_and_deleted_checks_are_audited(
    educator: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(educator)
    client.post(reverse("checks:token_create"), {"label": "Year 10"})
    token = ClassToken.objects.get()
    client.post(reverse("checks:token_revoke", args=[token.pk]))
    client.post(reverse("checks:token_revoke", args=[token.pk]))  # already withdrawn: no entry
    check = Check.objects.create(owner=educator, title="Mine", text="Some text.")
    client.post(reverse("checks:delete", args=[check.pk]))
    assert not Check.objects.exists()
    entries = AuditEntry.objects.exclude(action="login").order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [
        ("class_link_created", educator),
        ("class_link_revoked", educator),
        ("check_deleted", educator),
    ]
