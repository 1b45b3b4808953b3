"""Restore a backup folder made by `backup` (stop the web server and workers first)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from provenance.backups import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and uploaded files with a backup folder's."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", help="A folder made by `manage.py backup`.")
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args: Any, folder: str, interactive: bool, **options: Any) -> None:
        if interactive:
            answer = input("This replaces every row of the database. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore(Path(folder))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {folder}")
