from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from discovery.search import Checked, find_sources
from documents.models import Document


class Command(BaseCommand):
    help = "Find one document's sources and derivatives now; store those above the threshold."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("document_id", type=int)
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        document = Document.objects.filter(pk=options["document_id"]).first()
        if document is None:
            raise CommandError(f"No document {options['document_id']}.")
        try:
            report = find_sources(document)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(report.to_dict(), indent=2))
            return
        self.stdout.write(f"{document.pk}: {document.title}")
        self._table("Sources", report.sources, lambda c: c.source)
        self._table("Derivatives", report.derivatives, lambda c: c.derivative)

    def _table(self, heading: str, rows: list[Checked], other: Any) -> None:
        self.stdout.write(f"\n{heading} (reuse share = wording + paraphrase of the derivative)")
        if not rows:
            self.stdout.write("  none sharing enough fingerprints")
        for row in rows:
            mark = "stored" if row.accepted else "below threshold"
            doc = other(row).document
            self.stdout.write(
                f"  {doc.pk:>6}  reuse {row.reuse_share:5.1%}  source used {row.source_share:5.1%}"
                f"  shared {row.shared:>4}  {mark:<15}  {doc.title[:60]}"
            )
