"""The writes made to discovery's state, each one action (`provenance.actions`).

Index postings, candidate comparisons and provenance roles are derived data: the
worker recomputes them, so they carry no audit entry. An admin asking for discovery
again is a person's write and is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import F, QuerySet

from audit.log import Action, record
from discovery import work
from discovery.index import bulk_index, cap_common, clear_index, count_terms
from discovery.models import IndexState, Status
from discovery.search import Report, find_sources
from documents.models import DocumentVersion
from provenance.actions import action, working

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest

    from documents.models import Document


@action
def do_request_discovery(actor: User, request: HttpRequest | None, document: Document) -> bool:
    """Index the document's current version again and look for its sources, in the worker.

    False (and nothing queued) for a document without text.
    """
    version = document.current_version
    if version is None:
        return False
    work.requeue(version)
    details = {"version": version.number}
    record(request, Action.DISCOVERY_REQUESTED, document, actor=actor, details=details)
    return True


@action
def do_retry_failed_discovery(actor: User | None, request: HttpRequest | None) -> int:
    """Queue every failed indexing or discovery step again; return how many."""
    count = work.retry_failed()
    if count and actor is not None:
        record(request, Action.DISCOVERY_REQUESTED, None, actor=actor, details={"failed": count})
    return count


@action
def do_resume_discovery() -> dict[str, int]:
    """The start-up sweep (no actor): queue every step left pending or stale."""
    return work.resume()


@action
def do_find_sources(document: Document) -> Report:
    """Index (if needed) and search for one document's sources now, for the operator's command.

    Raises ValueError for a document without text. Derived data only: no audit entry.
    """
    return find_sources(document)


def current_versions() -> QuerySet[DocumentVersion]:
    return DocumentVersion.objects.filter(
        document__current_version=F("pk"), document__archived_at__isnull=True
    ).order_by("pk")


def _plain(rows: Iterable[Any], total: int, desc: str) -> Iterable[Any]:
    return rows


def do_rebuild_index(
    *,
    discover_too: bool = True,
    enqueue: bool = False,
    bar: Callable[[Iterable[Any], int, str], Iterable[Any]] = _plain,
) -> list[str]:
    """Rebuild every current version's postings, then find sources again; say what was done.

    A maintenance run over derived data (`reindex`): a worker step made of the index's own
    short transactions, not one transaction around the whole corpus.
    """
    lines: list[str] = []
    with working():
        versions = current_versions()
        total = versions.count()
        clear_index()
        # Two passes: count every version's terms first, so each version chooses its
        # distinctive terms against the whole corpus, not only the versions before it.
        count_terms(
            bar(versions.only("pk", "text").iterator(chunk_size=500), total, "Counting terms")
        )
        postings = 0
        rows = versions.only("pk", "text").iterator(chunk_size=500)
        for count in bar(bulk_index(rows, counted=True), total, "Indexing"):
            postings += count
        capped = cap_common()
        lines.append(
            f"Indexed {total} version(s), {postings} fingerprints; "
            f"{capped} fingerprint(s) held by too many documents are skipped."
        )
        if not discover_too:
            return lines
        IndexState.objects.filter(version__in=versions).update(discovery_status=Status.PENDING)
        if enqueue:
            for pk in versions.values_list("pk", flat=True).iterator():
                work.enqueue(work.DISCOVERY, pk)
            lines.append(f"Queued source discovery for {total} version(s).")
            return lines
        for version in bar(versions.iterator(chunk_size=200), total, "Finding sources"):
            work.run_step(work.DISCOVERY, version.pk)
        failed = IndexState.objects.filter(discovery_status=Status.FAILED).count()
        lines.append(f"Searched for sources of {total} version(s); {failed} failed.")
    return lines
