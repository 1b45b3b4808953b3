"""Delete article checks older than the retention period (run it daily, e.g. from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from checks.actions import do_purge_expired_checks


class Command(BaseCommand):
    help = "Delete article checks whose retention period has passed."

    def handle(self, *args: Any, **options: Any) -> None:
        n = do_purge_expired_checks()
        self.stdout.write(f"Deleted {n} expired check{'' if n == 1 else 's'}.")
