from __future__ import annotations

from datetime import timedelta

from django.apps import AppConfig
from django.conf import settings


class FeedsConfig(AppConfig):
    name = "feeds"
    verbose_name = "Feeds"

    def ready(self) -> None:
        from feeds import polling
        from provenance import schedule

        schedule.register(
            "feeds.poll",
            lambda: timedelta(seconds=settings.FEED_CHECK_SECONDS),
            polling.poll_due,
        )
