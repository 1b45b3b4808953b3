"""Listen to the app's events: alert rules and webhook deliveries run in the worker.

Each event (sent on commit by the app that made the change) queues one `handle_event`
task when anyone could care, so the page or task that sent it does not wait on rules or
on outside servers.
"""

from __future__ import annotations

from typing import Any

from django.tasks import task

from alerts.models import Watch, Webhook
from provenance import events

# Events the rules read; every event may go to webhooks.
RULE_EVENTS = frozenset({"comparison.done", "discovery.done", "document.added"})


def on_event(
    sender: object, event: str = "", payload: dict[str, Any] | None = None, **_: Any
) -> None:
    if not event or payload is None:
        return
    wanted = event in RULE_EVENTS and Watch.objects.exists()
    if wanted or Webhook.objects.filter(active=True).exists():
        handle_event.enqueue(event, payload)


@task()
def handle_event(event: str, payload: dict[str, Any]) -> None:
    """Raise the alerts the event calls for, then queue its webhook deliveries."""
    from alerts.actions import do_queue_deliveries, do_raise_alerts
    from alerts.delivery import queue
    from alerts.rules import drafts_for

    if event in RULE_EVENTS:
        drafts = drafts_for(event, payload)
        if drafts:
            do_raise_alerts(drafts)
    do_queue_deliveries(event, payload, queue)


def connect() -> None:
    for signal, name in events.NAMES.items():
        signal.connect(on_event, dispatch_uid=f"alerts.{name}")
