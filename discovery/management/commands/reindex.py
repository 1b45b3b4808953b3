from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from discovery import actions, work


class Command(BaseCommand):
    help = (
        "Rebuild the fingerprint index of every current document version, then find "
        "sources again. --failed and --resume only queue work for the background worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--failed", action="store_true", help="Queue every failed step again.")
        mode.add_argument(
            "--resume",
            action="store_true",
            help="Queue pending work and work left 'running' by a worker that stopped.",
        )
        parser.add_argument("--no-discover", action="store_true", help="Rebuild the index only.")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Leave discovery to the background worker instead of running it here.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["failed"]:
            count = actions.do_retry_failed_discovery(None, None)
            self.stdout.write(f"Queued {count} failed step(s) again.")
            return
        if options["resume"]:
            counts = actions.do_resume_discovery()
            self.stdout.write(
                f"Queued {counts[work.INDEX]} version(s) to index and "
                f"{counts[work.DISCOVERY]} to search for sources."
            )
            return
        self.rebuild(discover_too=not options["no_discover"], enqueue=options["enqueue"])

    def rebuild(self, *, discover_too: bool, enqueue: bool) -> None:
        def bar(rows: Iterable[Any], total: int, desc: str) -> Iterable[Any]:
            return tqdm(rows, total=total, desc=desc, unit="doc", file=self.stderr)

        for line in actions.do_rebuild_index(discover_too=discover_too, enqueue=enqueue, bar=bar):
            self.stdout.write(line)
