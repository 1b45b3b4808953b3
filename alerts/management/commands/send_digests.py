from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.digest import send_due_digests


class Command(BaseCommand):
    help = "Email the alert digests that are due (hourly or daily, as each user chose)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_due_digests(timezone.now())
        self.stdout.write(f"Sent {sent} digest{'s' if sent != 1 else ''}.")
