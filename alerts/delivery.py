"""Send one webhook delivery: a signed POST, retried with back-off until it is answered 2xx.

django.tasks has no automatic retry, so a failed attempt queues the task again with
`run_after` (30 s, 2 min, 8 min… see `actions.retry_delay`) until `WEBHOOK_MAX_ATTEMPTS`
attempts have failed. A backend that cannot defer (the immediate one tests use) runs the
retry at once. Posting goes through `documents.fetch.guarded_opener`, so a webhook's
address obeys the same rules as a fetch on every attempt, not only when registered.
"""

from __future__ import annotations

import http.client
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.tasks import default_task_backend, task
from django.utils import timezone

from alerts import signing
from alerts.actions import do_log_attempt, retry_delay
from alerts.models import Delivery
from documents.errors import RejectedInput
from documents.fetch import check_url, guarded_opener

logger = logging.getLogger(__name__)

USER_AGENT = "Provenance-Webhooks/1"


def post(delivery: Delivery) -> tuple[int | None, str]:
    """POST the delivery's body once; return the response code (None if none) and an error."""
    url = delivery.webhook.url
    body = delivery.body.encode()
    try:
        check_url(url)
    except RejectedInput as exc:
        return None, str(exc)
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked by check_url
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Provenance-Event": delivery.event,
            "X-Provenance-Delivery": str(delivery.pk),
            signing.HEADER: signing.sign(delivery.webhook.secret, body),
        },
    )
    try:
        with guarded_opener().open(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:
            return int(response.status), ""
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code, f"The receiver answered {exc.code}."
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", exc)
        return None, f"Could not reach {url}: {reason}."


def attempt(delivery_id: int) -> Delivery | None:
    """Make one attempt at a pending delivery and record it; queue the next if it failed."""
    delivery = Delivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != Delivery.Status.PENDING:
        return delivery  # delivered or given up on since it was queued
    code, error = post(delivery)
    ok = code is not None and 200 <= code < 300
    tries = delivery.attempts + 1
    retry_at = None
    if not ok and tries < settings.WEBHOOK_MAX_ATTEMPTS:
        retry_at = timezone.now() + retry_delay(tries)
    logged = do_log_attempt(delivery_id, code, error, retry_at=retry_at)
    if retry_at is not None:
        chosen = send_delivery
        if default_task_backend.supports_defer:
            chosen = chosen.using(run_after=retry_at)
        chosen.enqueue(delivery_id)
    return logged


@task()
def send_delivery(delivery_id: int) -> None:
    attempt(delivery_id)


def queue(delivery_id: int) -> None:
    """Hand a new delivery to the worker (what the actions call on commit)."""
    send_delivery.enqueue(delivery_id)
