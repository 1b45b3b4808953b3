from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from discovery.actions import do_find_sources
from discovery.reports import SourceEntry, sources_report
from documents.models import Document


class Command(BaseCommand):
    help = (
        "Find one document's sources now (indexing it first if needed) and print its "
        "provenance: origin first, then direct sources, siblings and weak relations."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("document_id", type=int)
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        document = Document.objects.filter(pk=options["document_id"]).first()
        if document is None:
            raise CommandError(f"No document {options['document_id']}.")
        try:
            checked = do_find_sources(document)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        # The operator sees every stored relation; pages filter by their viewer.
        report = sources_report(document, None)
        if options["json"]:
            data = report.to_dict()
            data["checked"] = checked.to_dict()
            self.stdout.write(json.dumps(data, indent=2))
            return
        self.stdout.write(f"{document.pk}: {document.title}  [discovery {report.status}]")
        self._rows("Sources", report.entries())
        self._rows("Took text from this one", report.derivatives)
        self.stdout.write(
            f"\n{len(checked.sources)} earlier and {len(checked.derivatives)} later candidates "
            "checked with the engine."
        )

    def _rows(self, heading: str, entries: list[SourceEntry]) -> None:
        self.stdout.write(f"\n{heading} (share of this text taken / of the other reused)")
        if not entries:
            self.stdout.write("  none found")
        for e in entries:
            role = e.role_label + (" (weak)" if e.weak else "")
            self.stdout.write(
                f"  {e.document.pk:>6}  {role:<22} {e.reuse_share:5.1%} / {e.source_share:5.1%}"
                f"  {e.document.title[:50]}\n          {e.reason}"
            )
