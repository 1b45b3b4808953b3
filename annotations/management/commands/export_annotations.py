"""Write a document's or a comparison's annotations as W3C JSON-LD (or CSV) to stdout or a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from annotations import interchange
from annotations.models import Annotation
from comparisons.models import Comparison
from documents.models import Document


class Command(BaseCommand):
    help = "Export annotations as W3C Web Annotation JSON-LD (default) or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--document", type=int, help="A document id: all its annotations.")
        which.add_argument("--comparison", type=int, help="A comparison id: those on its texts.")
        which.add_argument("--all", action="store_true", help="Every annotation.")
        parser.add_argument("--format", choices=["jsonld", "csv"], default="jsonld")
        parser.add_argument("--output", "-o", type=Path, help="A file to write (default stdout).")

    def handle(self, *args: Any, **options: Any) -> None:
        fmt = options["format"]
        if options["document"]:
            document = Document.objects.filter(pk=options["document"]).first()
            if document is None:
                raise CommandError(f"No document {options['document']}.")
            annotations = Annotation.objects.on_document(document)
            path, label = (
                reverse("annotations:export_document", args=[document.pk, fmt]),
                str(document),
            )
        elif options["comparison"]:
            comparison = Comparison.objects.filter(pk=options["comparison"]).first()
            if comparison is None:
                raise CommandError(f"No comparison {options['comparison']}.")
            annotations = Annotation.objects.for_comparison(comparison)
            path = reverse("annotations:export_comparison", args=[comparison.pk, fmt])
            label = str(comparison)
        else:
            annotations, path, label = Annotation.objects.all(), reverse("annotations:queue"), "All"
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
