from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from comparisons.actions import do_compare, do_finish_comparison
from documents.models import Document


class Command(BaseCommand):
    help = (
        "Compare two stored documents (by id): store the comparison of their current "
        "versions and print a report, or the engine's JSON with --json."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=int, help="id of the source document")
        parser.add_argument("derivative", type=int, help="id of the derivative document")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        versions = []
        for role in ("source", "derivative"):
            document = (
                Document.objects.select_related("current_version").filter(pk=options[role]).first()
            )
            if document is None or document.current_version is None:
                raise CommandError(f"No document with id {options[role]} and a text ({role}).")
            versions.append(document.current_version)
        try:
            comparison = do_compare(None, *versions)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if not comparison.is_done:
            # A command has no page to poll: finish long pairs here.
            comparison = do_finish_comparison(None, comparison)
        if not comparison.is_done:
            raise CommandError(comparison.error or "The comparison did not finish.")
        if options["json"]:
            self.stdout.write(json.dumps(comparison.result, indent=2, ensure_ascii=False))
            return
        self.stdout.write(report(comparison))


def report(comparison: Any) -> str:
    result = comparison.engine_result
    stats = result.stats
    lines = [
        f"Comparison {comparison.pk}: {comparison}",
        f"Engine {comparison.engine_version}",
        f"Derivative from the source's wording: {stats.derivative_share:.0%}"
        f" (paraphrased {stats.paraphrased_share:.0%}); source reused: {stats.source_share:.0%}",
        "Passages: " + ", ".join(f"{k} {n}" for k, n in stats.counts.items() if n),
    ]
    if result.findings:
        lines.append("Findings:")
        lines.extend(f"- {f.message}" for f in result.findings)
    return "\n".join(lines)
