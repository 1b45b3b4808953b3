"""Queue again the background work that stopped workers left behind (run at start-up)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from provenance.jobs import resume_all


class Command(BaseCommand):
    help = (
        "Queue stale comparisons, imports whose worker died (they resume where they stopped), "
        "and pending or stale indexing and discovery."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for kind, counts in resume_all().items():
            summary = ", ".join(f"{n} {what}" for what, n in counts.items())
            self.stdout.write(f"{kind}: {summary} queued")
