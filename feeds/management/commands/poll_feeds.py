"""`manage.py poll_feeds [--now]`: poll due feeds (or, with --now, every active feed).

With --now the new entries are carried through indexing and discovery before the
command returns: when tasks go to the database queue, the queued work is run here
(`db_worker --batch`), as a worker would run it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from feeds import polling


class Command(BaseCommand):
    help = "Poll due feeds; --now polls every active feed and finishes indexing and discovery"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="poll every active feed at once, due or not"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        results = polling.poll_all() if options["now"] else polling.poll_due(budget=3600)
        for result in results:
            if result.ok:
                state = "not modified" if result.not_modified else "read"
                self.stdout.write(
                    f"feed {result.feed_id}: {state}, {result.found} new, "
                    f"{result.added} added, {result.skipped} skipped"
                )
            else:
                self.stdout.write(f"feed {result.feed_id}: failed: {result.error}")
        if options["now"] and any(r.version_ids for r in results):
            backend = str(settings.TASKS["default"]["BACKEND"])
            if not backend.endswith("ImmediateBackend"):
                call_command(
                    "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*"
                )
