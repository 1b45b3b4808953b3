from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import F
from tqdm import tqdm

from discovery import actions, work
from discovery.index import bulk_index, cap_common, clear_index, count_terms
from discovery.models import IndexState, Status
from documents.models import DocumentVersion


def current_versions() -> Any:
    return DocumentVersion.objects.filter(
        document__current_version=F("pk"), document__archived_at__isnull=True
    ).order_by("pk")


class Command(BaseCommand):
    help = (
        "Rebuild the fingerprint index of every current document version, then find "
        "sources again. --failed and --resume only queue work for the background worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--failed", action="store_true", help="Queue every failed step again.")
        mode.add_argument(
            "--resume",
            action="store_true",
            help="Queue pending work and work left 'running' by a worker that stopped.",
        )
        parser.add_argument("--no-discover", action="store_true", help="Rebuild the index only.")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Leave discovery to the background worker instead of running it here.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["failed"]:
            count = actions.do_retry_failed_discovery(None, None)
            self.stdout.write(f"Queued {count} failed step(s) again.")
            return
        if options["resume"]:
            counts = actions.do_resume_discovery()
            self.stdout.write(
                f"Queued {counts[work.INDEX]} version(s) to index and "
                f"{counts[work.DISCOVERY]} to search for sources."
            )
            return
        self.rebuild(discover_too=not options["no_discover"], enqueue=options["enqueue"])

    def rebuild(self, *, discover_too: bool, enqueue: bool) -> None:
        versions = current_versions()
        total = versions.count()
        clear_index()
        # Two passes: count every version's terms first, so each version chooses its
        # distinctive terms against the whole corpus, not only the versions before it.
        rows = versions.only("pk", "text").iterator(chunk_size=500)
        count_terms(tqdm(rows, total=total, desc="Counting terms", unit="doc", file=self.stderr))
        postings = 0
        rows = versions.only("pk", "text").iterator(chunk_size=500)
        bar = tqdm(total=total, desc="Indexing", unit="doc", file=self.stderr)
        for count in bulk_index(rows, counted=True):
            postings += count
            bar.update()
        bar.close()
        capped = cap_common()
        self.stdout.write(
            f"Indexed {total} version(s), {postings} fingerprints; "
            f"{capped} fingerprint(s) held by too many documents are skipped."
        )
        if not discover_too:
            return
        IndexState.objects.filter(version__in=versions).update(discovery_status=Status.PENDING)
        if enqueue:
            for pk in versions.values_list("pk", flat=True).iterator():
                work.enqueue(work.DISCOVERY, pk)
            self.stdout.write(f"Queued source discovery for {total} version(s).")
            return
        for version in tqdm(
            versions.select_related("document").iterator(chunk_size=200),
            total=total,
            desc="Finding sources",
            unit="doc",
            file=self.stderr,
        ):
            work.run_step(work.DISCOVERY, version.pk)
        failed = IndexState.objects.filter(discovery_status=Status.FAILED).count()
        self.stdout.write(f"Searched for sources of {total} version(s); {failed} failed.")
