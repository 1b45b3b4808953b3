from __future__ import annotations

from datetime import timedelta

from django.apps import AppConfig
from django.utils import timezone


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alerts and webhooks"

    def ready(self) -> None:
        from alerts import digest, receivers
        from provenance import schedule

        receivers.connect()
        # The worker's schedule looks every few minutes; each user's own frequency
        # (hourly, daily) decides whether a digest is due, so a look sends nothing twice.
        schedule.register(
            "alerts.digest",
            lambda: timedelta(minutes=5),
            lambda: digest.send_due_digests(timezone.now()),
        )
