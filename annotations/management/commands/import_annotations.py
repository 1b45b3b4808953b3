"""Recreate annotations from a W3C JSON-LD export (for example into a fresh database)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations import interchange


class Command(BaseCommand):
    help = "Import annotations from a W3C Web Annotation JSON-LD export."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            data = json.loads(options["file"].read_text(encoding="utf-8"))
            report = interchange.do_import_jsonld(data)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc}") from exc
        except interchange.UnreadableExport as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(report.message)
        for reason in report.skipped:
            self.stderr.write(f"skipped: {reason}")
