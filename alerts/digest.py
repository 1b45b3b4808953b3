"""The alert email digest: unread, not yet emailed alerts, to users who asked for them.

`send_due_digests(now)` is meant to be called every few minutes by the worker's schedule
(or the `send_digests` command from cron); it sends to each user whose chosen period has
passed since their last digest, so calling it often sends nothing twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from alerts.actions import do_mark_digest_sent
from alerts.models import Alert, DigestSettings
from provenance.site import absolute

PERIODS = {
    DigestSettings.Frequency.HOURLY: timedelta(hours=1),
    DigestSettings.Frequency.DAILY: timedelta(days=1),
}
# A digest lists this many alerts and says how many more are waiting.
DIGEST_LIMIT = 50


def is_due(row: DigestSettings, now: datetime) -> bool:
    period = PERIODS.get(DigestSettings.Frequency(row.frequency))
    if period is None:
        return False
    return row.last_sent_at is None or now - row.last_sent_at >= period


def send_due_digests(now: datetime) -> int:
    """Email every user whose digest is due and who has new alerts; return how many were sent."""
    sent = 0
    rows = DigestSettings.objects.exclude(frequency=DigestSettings.Frequency.NONE)
    users = get_user_model().objects.filter(is_active=True)
    for row in rows.filter(user__in=users).select_related("user"):
        if not is_due(row, now) or not row.user.email:
            continue
        unread = Alert.objects.for_user(row.user).unread()
        waiting = unread.not_emailed().filter(created_at__lte=now)
        alerts = list(waiting.order_by("created_at", "id")[:DIGEST_LIMIT])
        if not alerts:
            continue
        context = {
            "user": row.user,
            "alerts": [(a, absolute(a.target_url())) for a in alerts],
            "more": waiting.count() - len(alerts),
            "inbox": absolute(reverse("alerts:inbox")),
        }
        subject = f"Provenance: {len(alerts)} new alert{'s' if len(alerts) != 1 else ''}"
        body = render_to_string("alerts/digest_email.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [row.user.email])
        do_mark_digest_sent(row.user_id, [a.pk for a in alerts], now)
        sent += 1
    return sent
