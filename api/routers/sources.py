"""A document's sources (origin, direct sources, siblings, with roles, shares and reasons)."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja import Status as Answer

from api import throttle
from api.auth import reader, uploader
from api.problems import ApiProblem
from api.routers.common import responses
from api.schemas import api_url
from discovery import actions
from discovery.lineage import discovery_progress, sources_report
from documents.access import get_document_for

router = Router(tags=["sources"])


class SourceOut(Schema):
    """One typed relation, as `SourceEntry.to_dict()` gives it."""

    document: int
    title: str
    kind: str
    outlet: str | None
    published_on: str | None
    role: Literal["origin", "reports", "direct", "sibling", "related"]
    direct: bool
    derivative_share: float
    paraphrased_share: float
    source_share: float
    unique_share: float
    reason: str
    weak: bool
    comparison: int | None
    via: int | None
    changed_at: str | None
    change_reason: str


class SourcesOut(Schema):
    """`sources_report(...).to_dict()`: what `find_sources ID --json` prints."""

    document: int
    title: str
    status: Literal["pending", "running", "done", "failed", "no-text"]
    threshold: float
    sources: list[SourceOut]
    derivatives: list[SourceOut]
    unexplained_share: float | None


class Queued(Schema):
    status: str
    sources: str


@router.get("/{id:pk}/sources", response=responses({200: SourcesOut}), url_name="document_sources")
def document_sources(request: HttpRequest, pk: int) -> dict[str, Any]:
    """What the document page shows: origin first, then direct sources, siblings, related.

    Reads only what discovery stored. Discovery runs in the worker once a document is
    added: until `status` is "done" the lists may be incomplete, so poll this until it
    is. POST …/discover asks for it again.
    """
    viewer = reader(request)
    document = get_document_for(viewer, pk)
    report = sources_report(document, viewer).to_dict()
    return {**report, "status": discovery_progress(document)}


@router.post("/{id:pk}/discover", response=responses({202: Queued}), url_name="document_discover")
def document_discover(request: HttpRequest, response: HttpResponse, pk: int) -> Answer[Queued]:
    """Index the document again and look for its sources in the background (rate-limited)."""
    user = uploader(request)
    document = get_document_for(user, pk)
    if document.current_version is None:
        raise ApiProblem(400, "This document has no text to search with.", slug="rejected")
    throttle.spend(request, user, "discovery")
    actions.do_request_discovery(user, request, document)
    url = api_url(request, "document_sources", document.pk)
    response["Location"] = url
    return Answer(202, Queued(status="queued", sources=url))
