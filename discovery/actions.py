"""The writes made to discovery's state, each one action (`provenance.actions`).

Index postings, candidate comparisons and provenance roles are derived data: the
worker recomputes them, so they carry no audit entry. An admin asking for discovery
again is a person's write and is audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit.log import Action, record
from discovery import work
from discovery.search import Report, find_sources
from provenance.actions import action

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
