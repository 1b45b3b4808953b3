from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from documents import actions, bulk
from documents.ingest import NearDuplicates, Submission
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion, ImportItem

COMMAND = DocumentVersion.Source.COMMAND


class Command(BaseCommand):
    help = (
        "Import documents from files, folders, zip archives, CSV/JSONL manifests or URLs. "
        "Each item is reported as added, new version, duplicate or rejected (with the reason)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="file, folder, .zip, .csv, .jsonl or URL"
        )
        parser.add_argument(
            "--kind", choices=Document.Kind.values, default="", help="kind for every item"
        )
        parser.add_argument("--outlet", default="", help="outlet name for every item")
        parser.add_argument("--url", default="", help="the page a single file came from")
        parser.add_argument("--title", default="", help="title for a single file")
        parser.add_argument("--published", default="", help="publication date for a single file")
        parser.add_argument(
            "--near-duplicates",
            choices=[NearDuplicates.VERSION, NearDuplicates.SEPARATE],
            default=NearDuplicates.VERSION,
            help="what to do with a text very like one already held (default: add as a version)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[str] = options["paths"]
        single = len(paths) == 1 and not Path(paths[0]).is_dir() and not bulk.payload_type(paths[0])
        if (options["url"] or options["title"] or options["published"]) and not single:
            raise CommandError("--url, --title and --published apply to a single file or URL only.")
        defaults = Metadata(
            kind=options["kind"],
            outlet=options["outlet"],
            url=options["url"],
            title=options["title"],
            published=options["published"],
        )
        items: list[bulk.Item] = []
        for raw in paths:
            if raw.startswith(("http://", "https://")):
                url_meta = defaults.merged_over(Metadata(url=raw))
                items.append(
                    bulk.Item(raw, partial(Submission, fetch_url=raw, source=COMMAND), url_meta)
                )
                continue
            path = Path(raw)
            if not path.exists():
                raise CommandError(f"{raw}: no such file or folder.")
            items.extend(bulk.items_from_path(path, defaults))
        job = actions.do_start_command_import(" ".join(paths))
        policy = NearDuplicates(options["near_duplicates"])
        progress = tqdm(total=len(items), unit="doc", file=sys.stderr, disable=len(items) < 2)

        def report(record: ImportItem) -> None:
            progress.update(1)
            line = f"{record.get_outcome_display():<22} {record.name}: {record.reason}"
            if record.outcome == ImportItem.Outcome.REJECTED:
                progress.write(self.style.ERROR(line), file=sys.stderr)
            else:
                progress.write(line, file=self.stdout)

        actions.do_import_items(job, items, on_item=report, near_duplicates=policy)
        progress.close()
        summary = (
            f"{job.added} added, {job.new_versions} new versions, "
            f"{job.duplicates} duplicates, {job.rejected} rejected."
        )
        if job.rejected:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
