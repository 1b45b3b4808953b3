"""The people side's writes are actions: each its own durable transaction, each audited.

Pages reach them with the ordinary test client (the forms' CSRF and what a person sees
are tested in tests/browser); here the point is what is stored, and by whom.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.urls import reverse

from accounts import actions as account_actions
from annotations import actions as annotation_actions
from annotations import workflow
from annotations.models import Annotation, Label
from api import token_actions
from audit.models import AuditEntry
from comparisons import share_actions
from comparisons.models import Comparison, ShareLink
from documents.models import Document

Action = AuditEntry.Action
ClientFor = Callable[[User], Client]
MODULES = [account_actions, annotation_actions, share_actions, token_actions]


def _do_functions() -> list[Any]:
    return [
        pytest.param(fn, id=f"{module.__name__}.{name}")
        for module in MODULES
        for name, fn in vars(module).items()
        if name.startswith("do_") and inspect.isfunction(fn) and fn.__module__ == module.__name__
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fn", _do_functions())
def test_every_do_function_is_an_action_that_refuses_to_be_folded_into_a_caller(fn: Any) -> None:
    # `durable=True` is what makes a do_… function an action: inside another
    # transaction it refuses to start, before touching anything.
    params = inspect.signature(inspect.unwrap(fn)).parameters.values()
    args = [None for p in params if p.kind == p.POSITIONAL_OR_KEYWORD and p.default is p.empty]
    kwargs = {p.name: None for p in params if p.kind == p.KEYWORD_ONLY and p.default is p.empty}
    with transaction.atomic(), pytest.raises(RuntimeError, match="durable"):
        fn(*args, **kwargs)


def test_sharing_revoking_and_restoring_on_the_page_are_audited_with_their_actor(
    client_for: ClientFor, educator: User, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    assert (
        c.post(f"/comparisons/{demo_comparison.pk}/share/", {"expires_in": "7"}).status_code == 302
    )
    link = ShareLink.objects.get()
    made = AuditEntry.objects.get(action=Action.SHARE_LINK_CREATED)
    assert made.actor == educator and made.object_id == str(link.pk)
    assert made.details["comparison"] == demo_comparison.pk
    c.post(f"/share-links/{link.pk}/revoke/", {"confirm": "yes"})
    c.post(f"/share-links/{link.pk}/revoke/", {"confirm": "yes"})  # a no-op: no second entry
    c.post(f"/share-links/{link.pk}/restore/")
    assert AuditEntry.objects.filter(action=Action.SHARE_LINK_REVOKED, actor=educator).count() == 1
    assert AuditEntry.objects.get(action=Action.SHARE_LINK_RESTORED).actor == educator
    link.refresh_from_db()
    assert link.revoked_at is None


@pytest.fixture
def release(seeds: dict[str, Document]) -> Any:
    return seeds["001"].current_version


def test_annotating_reviewing_and_replying_on_the_pages_are_audited(
    client_for: ClientFor, moderator: User, moderator2: User, release: Any
) -> None:
    start = release.text.index("France")
    label = Label.objects.get(slug="changed-figure")
    data = {"version": release.pk, "start": start, "end": start + 6, "label": label.pk}
    assert client_for(moderator).post(reverse("annotations:create"), data).status_code == 302
    annotation = Annotation.objects.get()
    created = AuditEntry.objects.get(action=Action.ANNOTATION_CREATED)
    assert created.actor == moderator and created.object_id == str(annotation.pk)
    reviewer = client_for(moderator2)
    status = {"status": "confirmed", "revision": 1}
    reviewer.post(reverse("annotations:status", args=[annotation.pk]), status)
    reviewer.post(reverse("annotations:reply", args=[annotation.pk]), {"body": "Agreed."})
    reviewed = AuditEntry.objects.get(action=Action.ANNOTATION_REVIEWED)
    assert reviewed.actor == moderator2 and reviewed.details["status"] == "confirmed"
    assert AuditEntry.objects.get(action=Action.ANNOTATION_REPLIED).actor == moderator2


def test_an_edit_is_audited_but_a_no_op_edit_is_not(
    client_for: ClientFor, moderator: User, release: Any
) -> None:
    start = release.text.index("France")
    target = workflow.target_from_span(release, start, start + 6)
    label = Label.objects.get(slug="changed-figure")
    annotation = workflow.do_create_annotation(moderator, target, label, "First words.")
    url = reverse("annotations:edit", args=[annotation.pk])
    same = {"label": label.pk, "note": "First words.", "revision": 1}
    client_for(moderator).post(url, same)
    assert not AuditEntry.objects.filter(action=Action.ANNOTATION_EDITED).exists()
    client_for(moderator).post(url, {**same, "note": "Second words."})
    assert AuditEntry.objects.get(action=Action.ANNOTATION_EDITED).actor == moderator


def test_adding_and_retiring_a_label_are_audited(client_for: ClientFor, admin_member: User) -> None:
    c = client_for(admin_member)
    c.post(reverse("annotations:labels"), {"name": "Recycled photo"})
    label = Label.objects.get(slug="recycled-photo")
    c.post(reverse("annotations:label_retire", args=[label.pk]), {"retire": "1"})
    c.post(reverse("annotations:label_retire", args=[label.pk]), {"retire": "1"})  # no-op
    assert AuditEntry.objects.get(action=Action.LABEL_ADDED).actor == admin_member
    assert AuditEntry.objects.filter(action=Action.LABEL_RETIRED).count() == 1


def test_deactivating_through_the_page_revokes_tokens_inside_the_action(
    client_for: ClientFor, admin_member: User, educator: User
) -> None:
    from api.models import ApiToken
    from api.tokens import create_token

    create_token(educator, "script")
    url = reverse("user_active", args=[educator.pk])
    assert client_for(admin_member).post(url, {"active": "0"}).status_code == 302
    assert not ApiToken.objects.of(educator).active().exists()
    entry = AuditEntry.objects.get(action=Action.USER_DEACTIVATED)
    assert entry.actor == admin_member and entry.object_id == str(educator.pk)


def test_signing_in_and_out_on_the_pages_writes_through_actions(educator: User) -> None:
    from tests.conftest import PASSWORD

    c = Client()
    signed_in = c.post(reverse("login"), {"username": educator.username, "password": PASSWORD})
    assert signed_in.status_code == 302
    educator.refresh_from_db()
    assert educator.last_login is not None  # Django's own write, inside do_sign_in
    assert c.post(reverse("logout")).status_code == 302
    actions = list(AuditEntry.objects.filter(actor=educator).values_list("action", flat=True))
    assert sorted(actions) == [Action.LOGIN, Action.LOGOUT]
