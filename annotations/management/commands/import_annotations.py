"""Recreate annotations from a W3C JSON-LD export (for example into a fresh database)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations import actions, jsonld_input


class Command(BaseCommand):
    help = (
        "Import annotations from a W3C Web Annotation JSON-LD export, credited to the "
        "user given with --as (the file's authors and reviewers are kept as attribution)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--as", dest="username", required=True, help="The user the import is credited to."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        model = get_user_model()
        actor = model.objects.filter(**{model.USERNAME_FIELD: options["username"]}).first()
        if actor is None:
            raise CommandError(f"No user {options['username']!r}.")
        try:
            data = jsonld_input.load(options["file"].read_bytes())
            report = actions.do_import_annotations(actor, None, data)
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc}") from exc
        except jsonld_input.UnreadableExport as exc:
            raise CommandError(f"Cannot import {options['file']}: {exc}") from exc
        self.stdout.write(report.message)
        for reason in report.skipped:
            self.stderr.write(f"skipped: {reason}")
