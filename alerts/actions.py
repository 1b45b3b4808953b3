"""Every write of watches, alerts, digests, webhooks and deliveries: one action each.

People's changes (watching, marking read, registering a webhook, redelivering) are
audited; what the worker derives (alerts raised by the rules, delivery attempts) is not,
as with comparison results. Each runs in its own durable transaction (`@action`) and
queues what follows (webhook deliveries, the `alert.raised` event) on commit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from alerts import signing
from alerts.models import Alert, Delivery, DigestSettings, Watch, Webhook
from audit.log import Action, record
from documents.errors import RejectedInput
from documents.fetch import check_url
from provenance import events
from provenance.actions import action

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest

    from alerts.rules import Draft
    from documents.models import Document, Outlet

# How a delivery is handed to the worker (`alerts.delivery.queue`): passed in by the
# caller, since the delivery task records its attempts through the actions here.
Send = Callable[[int], object]

# Watches -------------------------------------------------------------------------------


def check_watch(kind: str, document: Document | None, outlet: Outlet | None, person: str) -> str:
    """Validate what is to be watched; return the person's name tidied. Raise ValidationError."""
    person = " ".join(person.split())
    if kind == Watch.Kind.RELEASE:
        if document is None:
            raise ValidationError("Choose the release to watch.")
    elif kind == Watch.Kind.OUTLET:
        if outlet is None:
            raise ValidationError("Choose the outlet to watch.")
    elif kind == Watch.Kind.PERSON:
        if len(person) < 2:
            raise ValidationError("Give the person's name, as it appears in the texts.")
        if len(person) > 200:
            raise ValidationError("That name is too long (200 characters at most).")
    else:
        raise ValidationError("Watch a release, an outlet or a person.")
    return person


@action
def do_watch(
    actor: User,
    kind: str,
    *,
    document: Document | None = None,
    outlet: Outlet | None = None,
    person: str = "",
    request: HttpRequest | None = None,
) -> Watch:
    """Start watching (or return the watch already there)."""
    person = check_watch(kind, document, outlet, person)
    target: dict[str, Any]
    if kind == Watch.Kind.RELEASE:
        target = {"document": document}
    elif kind == Watch.Kind.OUTLET:
        target = {"outlet": outlet}
    else:
        target = {"person": person}
    existing = Watch.objects.filter(user=actor, kind=kind, **target).first()
    if existing is not None:
        return existing
    watch = Watch.objects.create(user=actor, kind=kind, **target)
    record(request, Action.WATCH_ADDED, watch, actor=actor, details={"kind": kind})
    return watch


@action
def do_unwatch(actor: User, watch: Watch, request: HttpRequest | None = None) -> None:
    record(request, Action.WATCH_REMOVED, watch, actor=actor, details={"kind": watch.kind})
    Watch.objects.filter(pk=watch.pk, user=actor).delete()


# Alerts --------------------------------------------------------------------------------


@action
def do_raise_alerts(drafts: Sequence[Draft]) -> list[Alert]:
    """Store the rules' drafts the watches have not raised before; announce each new one."""
    raised = []
    for draft in drafts:
        if Alert.objects.filter(watch=draft.watch, key=draft.key).exists():
            continue
        try:
            with transaction.atomic():  # a racing worker may have stored the same one
                alert = Alert.objects.create(
                    user_id=draft.watch.user_id,
                    watch=draft.watch,
                    kind=draft.kind,
                    key=draft.key,
                    comparison_id=draft.comparison_id,
                    document_id=draft.document_id,
                    anchor=draft.anchor,
                    message=draft.message,
                )
        except IntegrityError:
            continue
        raised.append(alert)
        payload: events.AlertRaised = {
            "alert_id": alert.pk,
            "user_id": alert.user_id,
            "kind": alert.kind,
            "comparison_id": alert.comparison_id,
            "document_id": alert.document_id,
            "message": alert.message,
        }
        events.emit(events.alert_raised, payload)
    return raised


@action
def do_mark_read(
    actor: User, alert_ids: Sequence[int] | None = None, request: HttpRequest | None = None
) -> int:
    """Mark the actor's alerts read (all unread ones when no ids are given); return how many."""
    unread = Alert.objects.for_user(actor).unread()
    if alert_ids is not None:
        unread = unread.filter(pk__in=list(alert_ids))
    count = unread.update(read_at=timezone.now())
    if count:
        record(request, Action.ALERTS_READ, None, actor=actor, details={"count": count})
    return count


@action
def do_set_digest(
    actor: User, frequency: str, request: HttpRequest | None = None
) -> DigestSettings:
    if frequency not in DigestSettings.Frequency.values:
        raise ValidationError("Choose never, every hour or once a day.")
    settings_row, _ = DigestSettings.objects.get_or_create(user=actor)
    if settings_row.frequency != frequency:
        settings_row.frequency = frequency
        settings_row.save(update_fields=["frequency"])
        record(request, Action.DIGEST_CHANGED, None, actor=actor, details={"frequency": frequency})
    return settings_row


@action
def do_mark_digest_sent(user_id: int, alert_ids: Sequence[int], now: datetime) -> None:
    Alert.objects.filter(pk__in=list(alert_ids)).update(emailed_at=now)
    DigestSettings.objects.filter(user_id=user_id).update(last_sent_at=now)


# Webhooks ------------------------------------------------------------------------------


def check_webhook(url: str, chosen: Sequence[str]) -> tuple[str, list[str]]:
    """Validate a webhook's address and events; raise ValidationError in plain words."""
    url = url.strip()
    if len(url) > 500:
        raise ValidationError("That address is too long (500 characters at most).")
    try:
        check_url(url)
    except RejectedInput as exc:
        raise ValidationError(str(exc)) from exc
    unknown = [e for e in chosen if e not in events.EVENTS]
    if unknown:
        raise ValidationError(f"Unknown event: {', '.join(unknown)}.")
    if not chosen:
        raise ValidationError("Choose at least one event to send.")
    return url, [e for e in events.EVENTS if e in chosen]


@action
def do_register_webhook(
    actor: User,
    url: str,
    chosen: Sequence[str],
    *,
    secret: str = "",
    request: HttpRequest | None = None,
) -> Webhook:
    """Register a webhook; a secret is made when none is given (shown to the admin once)."""
    url, chosen_events = check_webhook(url, chosen)
    secret = secret.strip() or signing.new_secret()
    if len(secret) < 16:
        raise ValidationError("A secret needs at least 16 characters.")
    webhook = Webhook.objects.create(url=url, secret=secret, events=chosen_events, created_by=actor)
    details = {"url": url, "events": chosen_events}
    record(request, Action.WEBHOOK_REGISTERED, webhook, actor=actor, details=details)
    return webhook


@action
def do_change_webhook(
    actor: User,
    webhook: Webhook,
    *,
    chosen: Sequence[str] | None = None,
    active: bool | None = None,
    request: HttpRequest | None = None,
) -> Webhook:
    fields = []
    if chosen is not None:
        _url, webhook.events = check_webhook(webhook.url, chosen)
        fields.append("events")
    if active is not None:
        webhook.active = active
        fields.append("active")
    if fields:
        webhook.save(update_fields=fields)
        details = {"events": webhook.events, "active": webhook.active}
        record(request, Action.WEBHOOK_CHANGED, webhook, actor=actor, details=details)
    return webhook


@action
def do_delete_webhook(actor: User, webhook: Webhook, request: HttpRequest | None = None) -> None:
    record(request, Action.WEBHOOK_DELETED, webhook, actor=actor, details={"url": webhook.url})
    webhook.delete()


def event_body(event: str, payload: dict[str, Any], at: datetime) -> str:
    """The JSON a webhook receives: the event's name, when it happened, and its payload."""
    return json.dumps({"event": event, "created": at.isoformat(), "data": payload}, sort_keys=True)


@action
def do_queue_deliveries(event: str, payload: dict[str, Any], send: Send) -> list[Delivery]:
    """Make one delivery per active webhook that wants the event; `send` each after commit."""
    wanting = [hook for hook in Webhook.objects.filter(active=True) if hook.wants(event)]
    if not wanting:
        return []
    body = event_body(event, payload, timezone.now())
    made = [Delivery.objects.create(webhook=hook, event=event, body=body) for hook in wanting]
    _send_on_commit(send, [d.pk for d in made])
    return made


@action
def do_redeliver(
    actor: User, delivery: Delivery, send: Send, request: HttpRequest | None = None
) -> Delivery:
    """Send a delivery's body again as a new delivery (the old one keeps its log)."""
    again = Delivery.objects.create(
        webhook=delivery.webhook, event=delivery.event, body=delivery.body
    )
    details = {"delivery": delivery.pk, "new_delivery": again.pk}
    record(request, Action.WEBHOOK_REDELIVERED, delivery.webhook, actor=actor, details=details)
    _send_on_commit(send, [again.pk])
    return again


@action
def do_log_attempt(
    delivery_id: int, code: int | None, error: str, *, retry_at: datetime | None
) -> Delivery | None:
    """Record one attempt's outcome: delivered on a 2xx, else pending a retry, or failed."""
    delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
    if delivery is None:
        return None
    now = timezone.now()
    delivery.attempts += 1
    delivery.response_code = code
    delivery.error = error[:1000]
    delivery.last_attempt_at = now
    delivery.log = [*delivery.log, {"at": now.isoformat(), "code": code, "error": error[:300]}]
    if code is not None and 200 <= code < 300:
        delivery.status = Delivery.Status.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif retry_at is not None:
        delivery.status = Delivery.Status.PENDING
        delivery.next_attempt_at = retry_at
    else:
        delivery.status = Delivery.Status.FAILED
        delivery.next_attempt_at = None
    delivery.save()
    return delivery


def _send_on_commit(send: Send, delivery_ids: list[int]) -> None:
    for pk in delivery_ids:
        transaction.on_commit(partial(send, pk))


def retry_delay(attempts: int) -> timedelta:
    """Back off 30 s, 2 min, 8 min, 32 min… after each failed attempt."""
    return timedelta(seconds=30 * 4 ** max(attempts - 1, 0))
