from __future__ import annotations

from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alerts and webhooks"

    def ready(self) -> None:
        from alerts import receivers

        receivers.connect()
