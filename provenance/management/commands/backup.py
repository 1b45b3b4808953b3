"""Back up the database (and MEDIA_ROOT's files) into a new folder (see provenance/backups.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from provenance.backups import BackupError, back_up


class Command(BaseCommand):
    help = "Back up the database and uploaded files into a new folder under DESTINATION."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "destination",
            nargs="?",
            default=str(Path(settings.VAR_DIR) / "backups"),
            help="Folder to hold the backup (default: var/backups).",
        )

    def handle(self, *args: Any, destination: str, **options: Any) -> None:
        try:
            folder = back_up(Path(destination))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(folder))
