"""Webhooks: signed deliveries, retried after a failure, logged, redelivered on request."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import override_settings

from alerts.actions import do_register_webhook, do_watch
from alerts.models import Alert, Delivery, Watch, Webhook
from audit.models import AuditEntry
from documents.models import Document
from tests.alerts.conftest import ALTERED
from tests.alerts.receiver import receiver
from tests.alerts.test_rules import arrive

pytestmark = pytest.mark.django_db
SECRET = "whsec_receiver-test-secret-42"


@override_settings(FETCH_ALLOW_PRIVATE=True)
def test_a_delivery_answered_500_is_retried_then_delivered(
    release: Document, admin_member: User, educator: User, django_capture_on_commit_callbacks: Any
) -> None:
    with receiver(SECRET, answers=[500]) as got:
        hook = do_register_webhook(
            admin_member, got.url, ["comparison.done", "alert.raised"], secret=SECRET
        )
        do_watch(educator, Watch.Kind.RELEASE, document=release)
        comparison = arrive(release, ALTERED, django_capture_on_commit_callbacks)

    # Every request carried a valid signature; the first comparison.done got a 500.
    assert all(call["valid"] for call in got.calls)
    done = [c for c in got.calls if c["event"] == "comparison.done"]
    assert [c["code"] for c in done] == [500, 200]
    assert done[0]["body"] == done[1]["body"]
    assert done[0]["body"]["data"]["comparison_id"] == comparison.pk
    raised = [c for c in got.calls if c["event"] == "alert.raised"]
    assert [c["body"]["data"]["alert_id"] for c in raised] == [Alert.objects.get().pk]

    delivery = Delivery.objects.get(webhook=hook, event="comparison.done")
    assert delivery.status == Delivery.Status.DELIVERED
    assert delivery.attempts == 2
    assert delivery.response_code == 200
    assert [entry["code"] for entry in delivery.log] == [500, 200]


@override_settings(FETCH_ALLOW_PRIVATE=True, WEBHOOK_MAX_ATTEMPTS=3)
def test_a_delivery_that_keeps_failing_is_marked_failed(
    release: Document, admin_member: User, django_capture_on_commit_callbacks: Any
) -> None:
    with receiver(SECRET, answers=[503, 503, 503, 503]) as got:
        do_register_webhook(admin_member, got.url, ["comparison.done"], secret=SECRET)
        arrive(release, ALTERED, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED
    assert [entry["code"] for entry in delivery.log] == [503, 503, 503]
    assert len(got.calls) == 3


@override_settings(FETCH_ALLOW_PRIVATE=True)
def test_an_admin_redelivers_from_the_deliveries_page(
    release: Document, admin_member: User, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with receiver(SECRET, answers=[]) as got:
        hook = do_register_webhook(admin_member, got.url, ["comparison.done"], secret=SECRET)
        arrive(release, ALTERED, django_capture_on_commit_callbacks)
        first = Delivery.objects.get()
        client = client_for(admin_member)
        page = client.get(f"/alerts/webhooks/{hook.pk}/").content.decode()
        assert "Redeliver" in page and "Delivered" in page
        url = f"/alerts/webhooks/{hook.pk}/deliveries/{first.pk}/redeliver/"
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
    assert response.status_code == 302
    again = Delivery.objects.exclude(pk=first.pk).get()
    assert again.body == first.body
    assert again.status == Delivery.Status.DELIVERED
    assert len(got.calls) == 2 and got.calls[0]["body"] == got.calls[1]["body"]
    assert AuditEntry.objects.filter(action="webhook_redelivered").count() == 1


def test_a_webhook_to_a_private_address_is_refused(admin_member: User) -> None:
    with pytest.raises(ValidationError, match="private, local or reserved"):
        do_register_webhook(admin_member, "http://127.0.0.1:9/hook", ["document.added"])
    assert not Webhook.objects.exists()


def test_the_register_page_refuses_a_bad_address_in_plain_words(
    admin_member: User, client_for: Any
) -> None:
    client = client_for(admin_member)
    response = client.post(
        "/alerts/webhooks/", {"url": "ftp://example.org/x", "events": ["document.added"]}
    )
    assert response.status_code == 400
    assert "Only http and https addresses" in response.content.decode()
    assert not Webhook.objects.exists()


@override_settings(FETCH_ALLOW_PRIVATE=True)
def test_the_secret_is_shown_once_when_made_for_the_admin(
    admin_member: User, client_for: Any
) -> None:
    client = client_for(admin_member)
    data = {"url": "http://127.0.0.1:9/hook", "events": ["alert.raised"]}
    made = client.post("/alerts/webhooks/", data).content.decode()
    hook = Webhook.objects.get()
    assert hook.secret.startswith("whsec_") and hook.secret in made
    assert hook.secret not in client.get("/alerts/webhooks/").content.decode()
    assert hook.secret not in client.get(f"/alerts/webhooks/{hook.pk}/").content.decode()


@pytest.mark.parametrize("persona", ["educator", "moderator"])
def test_only_admins_reach_the_webhook_pages(
    persona: str, request: pytest.FixtureRequest, client_for: Any
) -> None:
    user = request.getfixturevalue(persona)
    assert client_for(user).get("/alerts/webhooks/").status_code == 403
