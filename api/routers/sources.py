"""A document's sources (origin, direct sources, siblings, with roles, shares and reasons)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja import Status as Answer

from api import throttle
from api.auth import reader, uploader
from api.problems import ApiProblem
from api.routers.common import responses
from api.schemas import api_url
from discovery import work
from discovery.lineage import sources_report
from documents.access import get_document_for

router = Router(tags=["sources"])


class Queued(Schema):
    status: str
    sources: str


@router.get(
    "/{int:pk}/sources", response=responses({200: dict[str, Any]}), url_name="document_sources"
)
def document_sources(request: HttpRequest, pk: int) -> dict[str, Any]:
    """What the document page shows: the same report as `find_sources ID --json`.

    `status` says whether discovery is done, queued (poll this URL), failed or had no
    text. Discovery is never run inside this request: ask for it with POST …/discover.
    """
    viewer = reader(request)
    document = get_document_for(viewer, pk)
    return sources_report(document, viewer, on_demand=False).to_dict()


@router.post("/{int:pk}/discover", response=responses({202: Queued}), url_name="document_discover")
def document_discover(request: HttpRequest, response: HttpResponse, pk: int) -> Answer[Queued]:
    """Index the document again and look for its sources in the background (rate-limited)."""
    user = uploader(request)
    document = get_document_for(user, pk)
    if document.current_version is None:
        raise ApiProblem(400, "This document has no text to search with.", slug="rejected")
    throttle.spend(user, "discovery")
    work.requeue(document.current_version)
    url = api_url(request, "document_sources", document.pk)
    response["Location"] = url
    return Answer(202, Queued(status="queued", sources=url))
