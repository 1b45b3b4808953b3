"""Create one demo user per role and print their sign-in details."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.actions import do_create_demo_user
from provenance import roles

# (username, password, role, is_staff). Passwords are public on purpose: these
# accounts exist only on local demo instances (the command refuses without DEBUG).
DEMO_USERS = (
    ("admin", "demo-admin-pass", roles.ADMINS, True),
    ("moderator", "demo-moderator-pass", roles.MODERATORS, False),
    ("moderator2", "demo-moderator2-pass", roles.MODERATORS, False),
    ("educator", "demo-educator-pass", roles.EDUCATORS, False),
)


class Command(BaseCommand):
    help = "Create one demo user per role (admin, moderator, moderator2, educator)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Run even when DEBUG is off (never in production)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo users have public passwords; refusing because DEBUG is off.")
        self.stdout.write("Demo users (user name / password / role):")
        for username, password, role, is_staff in DEMO_USERS:
            do_create_demo_user(username, password, role, is_staff=is_staff)
            self.stdout.write(f"  {username:<11} {password:<22} {role}")
