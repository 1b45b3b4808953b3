"""Write a document's or a comparison's annotations as W3C JSON-LD (or CSV) to stdout or a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from annotations import interchange
from annotations.models import DOCUMENT, Annotation
from comparisons.models import DERIVATIVE, SOURCE, Comparison
from documents.models import Document, not_archived


class Command(BaseCommand):
    help = "Export annotations as W3C Web Annotation JSON-LD (default) or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--document", type=int, help="A document id: all its annotations.")
        which.add_argument("--comparison", type=int, help="A comparison id: those on its texts.")
        which.add_argument("--all", action="store_true", help="Every annotation.")
        parser.add_argument("--format", choices=["jsonld", "csv"], default="jsonld")
        parser.add_argument("--output", "-o", type=Path, help="A file to write (default stdout).")
        parser.add_argument(
            "--include-archived",
            action="store_true",
            help="Also export annotations on archived documents (which only admins see).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        fmt = options["format"]
        # An export file leaves the app, so by default it holds only what every reader sees.
        documents = (
            Document.objects.all() if options["include_archived"] else Document.objects.active()
        )
        comparisons = Comparison.objects.all()
        annotations = Annotation.objects.all()
        if not options["include_archived"]:
            comparisons = comparisons.filter(not_archived(SOURCE), not_archived(DERIVATIVE))
            annotations = annotations.filter(not_archived(DOCUMENT))
        if options["document"]:
            document = documents.filter(pk=options["document"]).first()
            if document is None:
                raise CommandError(
                    f"No document {options['document']} (archived ones need --include-archived)."
                )
            annotations = annotations.on_document(document)
            path, label = (
                reverse("annotations:export_document", args=[document.pk, fmt]),
                str(document),
            )
        elif options["comparison"]:
            comparison = comparisons.filter(pk=options["comparison"]).first()
            if comparison is None:
                raise CommandError(
                    f"No comparison {options['comparison']} "
                    "(one on an archived document needs --include-archived)."
                )
            annotations = annotations.for_comparison(comparison)
            path = reverse("annotations:export_comparison", args=[comparison.pk, fmt])
            label = str(comparison)
        else:
            path, label = reverse("annotations:queue"), "All"
        annotations = annotations.with_related().prefetch_related("replies__author").order_by("pk")
        if fmt == "csv":
            out = interchange.to_csv(annotations)
        else:
            data = interchange.to_jsonld(annotations, interchange.absolute(path), label)
            out = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if options["output"]:
            options["output"].write_text(out, encoding="utf-8")
        else:
            self.stdout.write(out, ending="")
