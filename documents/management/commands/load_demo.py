from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from documents.actions import do_load_demo
from documents.ingest import Status


class Command(BaseCommand):
    help = "Load the five seed documents (demo/seeds). Running it again adds nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        outcomes = do_load_demo()
        for number, outcome in outcomes.items():
            self.stdout.write(f"{number}: {outcome.status.value:<12} {outcome.message}")
        rejected = [n for n, o in outcomes.items() if o.status == Status.REJECTED]
        if rejected:
            raise CommandError(f"Seeds not loaded: {', '.join(rejected)}")
