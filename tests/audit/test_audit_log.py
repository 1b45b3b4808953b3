"""Document edits, archiving, imports and user actions write audit entries; admins read them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from documents.models import Document
from tests.documents.factories import ARTICLE

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
Action = AuditEntry.Action


@pytest.fixture
def admin(admin_member: User, client_for: ClientFor) -> Client:
    return client_for(admin_member)


def only(action: str) -> AuditEntry:
    return AuditEntry.objects.get(action=action)


def test_editing_a_document_records_what_changed(
    admin: Client, admin_member: User, demo_corpus: dict[str, Document]
) -> None:
    document = demo_corpus["002"]
    old_title = document.title
    form = {
        "kind": document.kind,
        "title": "Renamed",
        "author": document.author,
        "url": document.url,
        "published_on": document.published_on or "",
        "published_at": "",
        "language": document.language,
        "outlet_name": document.outlet.name if document.outlet else "",
    }
    admin.post(reverse("documents:edit", args=[document.pk]), form)
    entry = only(Action.DOCUMENT_EDITED)
    assert (entry.actor, entry.object_type, entry.object_id) == (
        admin_member, "documents.document", str(document.pk),
    )  # fmt: skip
    assert entry.details["title"] == [old_title, "Renamed"]
    assert entry.object_repr  # still readable if the document goes


def test_a_no_op_edit_records_nothing(admin: Client, demo_corpus: dict[str, Document]) -> None:
    document = demo_corpus["004"]
    admin.post(reverse("documents:archive", args=[document.pk]))
    admin.post(reverse("documents:archive", args=[document.pk]))
    assert AuditEntry.objects.filter(action=Action.DOCUMENT_ARCHIVED).count() == 1


def test_archiving_and_unarchiving_are_recorded(
    admin: Client, admin_member: User, demo_corpus: dict[str, Document]
) -> None:
    document = demo_corpus["004"]
    admin.post(reverse("documents:archive", args=[document.pk]))
    admin.post(reverse("documents:unarchive", args=[document.pk]))
    assert only(Action.DOCUMENT_ARCHIVED).object_id == str(document.pk)
    assert only(Action.DOCUMENT_UNARCHIVED).actor == admin_member


def test_an_upload_is_recorded(admin: Client, admin_member: User) -> None:
    admin.post(reverse("documents:upload"), {"kind": "article", "text": ARTICLE, "title": "T"})
    entry = only(Action.DOCUMENT_ADDED)
    assert entry.object_id == str(Document.objects.get().pk)
    assert entry.actor == admin_member and entry.details == {"version": 1}


def test_the_audit_page_lists_and_filters_for_admins(
    admin: Client, demo_corpus: dict[str, Document]
) -> None:
    document = demo_corpus["004"]
    admin.post(reverse("documents:archive", args=[document.pk]))
    admin.post(reverse("documents:unarchive", args=[document.pk]))
    page = admin.get(reverse("audit:entries"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<td>Archived a document</td>" in html and "<td>Brought back a document</td>" in html
    filtered = admin.get(reverse("audit:entries"), {"action": Action.DOCUMENT_ARCHIVED}).content
    assert b"<td>Archived a document</td>" in filtered
    assert b"<td>Brought back a document</td>" not in filtered
    # An unknown action filters nothing rather than failing.
    assert admin.get(reverse("audit:entries"), {"action": "<x>"}).status_code == 200


def test_the_audit_page_is_paginated(admin: Client, admin_member: User) -> None:
    AuditEntry.objects.bulk_create(
        AuditEntry(action=Action.LOGIN, actor_name=f"user{n}") for n in range(60)
    )
    first = admin.get(reverse("audit:entries")).content.decode()
    assert "Page 1 of 2" in first
    assert "user59" in first and "user0<" not in first
    assert "user0<" in admin.get(reverse("audit:entries"), {"page": 2}).content.decode()


@pytest.mark.parametrize("persona", ["moderator", "educator", "outsider"])
def test_non_admins_get_403(
    persona: str, request: pytest.FixtureRequest, client_for: ClientFor
) -> None:
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("audit:entries")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    assert client.get(reverse("audit:entries")).status_code == 302


def test_the_django_admin_shows_the_log_read_only(admin: Client, moderator: User) -> None:
    AuditEntry.objects.create(action=Action.LOGIN, actor_name="mo")
    listing = admin.get(reverse("admin:audit_auditentry_changelist"))
    assert listing.status_code == 200 and b"mo" in listing.content
    assert admin.get(reverse("admin:audit_auditentry_add")).status_code == 403
