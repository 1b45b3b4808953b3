"""Prepare a local demo: users per role, the five seeds, and the demo comparisons."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from comparisons.actions import do_setup_demo_comparisons


class Command(BaseCommand):
    help = "Create the demo users, load the seed documents and compare 001 → 000 and 001 → 002."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("create_demo_users", stdout=self.stdout)
        call_command("load_demo", stdout=self.stdout)
        for comparison in do_setup_demo_comparisons():
            self.stdout.write(
                f"Demo comparison ready: {comparison} ({comparison.get_absolute_url()})"
            )
        # By name: the alerts app sits above this one.
        call_command("watch_demo", stdout=self.stdout)
