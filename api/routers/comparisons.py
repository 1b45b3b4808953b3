"""Comparisons: create one for a pair (long texts answer 202), read it, its status, its links."""

from __future__ import annotations

from typing import Annotated, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date
from ninja import Query, Router, Schema
from ninja import Status as Answer
from pydantic import BeforeValidator, Field

from api import throttle
from api.auth import reader, sharer
from api.pagination import MAX_PER_PAGE, PER_PAGE, paginate
from api.problems import ApiProblem
from api.routers.common import responses
from api.schemas import (
    ComparisonOut,
    ComparisonPage,
    ComparisonStatus,
    ShareLinkOut,
    api_url,
    comparison_out,
    share_link_out,
)
from api.types import Id, not_boolean
from comparisons import actions, compare, share_actions, sharing
from comparisons.access import get_comparison_for, links_withdrawn
from comparisons.models import Comparison
from documents.access import get_document_for

router = Router(tags=["comparisons"])


class PairIn(Schema):
    source: Id = Field(description="The source document (e.g. the press release).")
    derivative: Id = Field(description="The derivative document (e.g. the article).")


class ShareIn(Schema):
    expires_in_days: Annotated[Literal[1, 7, 30, 365], BeforeValidator(not_boolean)] | None = Field(
        None, description="Leave out for a link that works until revoked."
    )


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE)


def _with_status(
    request: HttpRequest, response: HttpResponse, comparison: Comparison
) -> Answer[ComparisonOut]:
    """200 with the result when done (or failed); 202 with the status URL while it runs."""
    body = comparison_out(request, comparison)
    if comparison.is_working:
        response["Location"] = body.status_url
        return Answer(202, body)
    if comparison.computed_at is not None:
        response["Last-Modified"] = http_date(comparison.computed_at.timestamp())
    return Answer(200, body)


@router.post(
    "", response=responses({200: ComparisonOut, 202: ComparisonOut}), url_name="comparison_create"
)
def comparison_create(
    request: HttpRequest, response: HttpResponse, payload: PairIn
) -> Answer[ComparisonOut]:
    """Compare the current texts of two documents; long pairs run in the background."""
    user = reader(request)
    source = get_document_for(user, payload.source)
    derivative = get_document_for(user, payload.derivative)
    if source.current_version is None or derivative.current_version is None:
        raise ApiProblem(400, "Both documents need a text to compare.", slug="rejected")
    words = compare.pair_words(source.current_version, derivative.current_version)
    if words > compare.inline_max_words():
        throttle.spend(request, user, "long_comparison")
    comparison = actions.do_compare(user, source.current_version, derivative.current_version)
    return _with_status(request, response, comparison)


@router.get(
    "/{id:pk}",
    response=responses({200: ComparisonOut, 202: ComparisonOut}),
    url_name="comparison_detail",
)
def comparison_detail(
    request: HttpRequest, response: HttpResponse, pk: int
) -> Answer[ComparisonOut]:
    """The comparison with the engine's result (its own versioned JSON) once done.

    Reads only: a comparison still being worked out answers 202 with its status URL.
    The worker recomputes results of an older engine; POST /comparisons with the same
    pair asks for it now.
    """
    comparison = get_comparison_for(reader(request), pk)
    return _with_status(request, response, comparison)


@router.get(
    "/{id:pk}/status", response=responses({200: ComparisonStatus}), url_name="comparison_status"
)
def comparison_status(request: HttpRequest, pk: int) -> ComparisonStatus:
    """Progress while a comparison is computed; poll until status is done or failed."""
    comparison = get_comparison_for(reader(request), pk)
    return ComparisonStatus(
        id=comparison.pk,
        status=comparison.status,  # type: ignore[arg-type]
        progress=comparison.progress,
        error=comparison.error,
        url=api_url(request, "comparison_detail", comparison.pk),
    )


@router.get(
    "/{id:pk}/share-links",
    response=responses({200: list[ShareLinkOut]}),
    url_name="share_link_list",
)
def share_link_list(request: HttpRequest, pk: int) -> list[ShareLinkOut]:
    """The comparison's links this user manages: admins all, educators their own."""
    user = sharer(request)
    comparison = get_comparison_for(user, pk)
    return [share_link_out(request, link) for link in sharing.links_for(comparison, user)]


@router.post(
    "/{id:pk}/share-links",
    response=responses({201: ShareLinkOut}),
    url_name="share_link_create",
)
def share_link_create(
    request: HttpRequest, response: HttpResponse, pk: int, payload: ShareIn
) -> Answer[ShareLinkOut]:
    """Make a read-only link anyone may open, until it expires or is revoked."""
    user = sharer(request)
    comparison = get_comparison_for(user, pk)
    if links_withdrawn(comparison):
        raise ApiProblem(409, "A document of this comparison is archived: it cannot be shared.")
    link = share_actions.do_share(user, request, comparison, payload.expires_in_days)
    body = share_link_out(request, link)
    response["Location"] = body.url
    return Answer(201, body)


document_router = Router(tags=["comparisons"])


@document_router.get(
    "/{id:pk}/comparisons",
    response=responses({200: ComparisonPage}),
    url_name="document_comparisons",
)
def document_comparisons(request: HttpRequest, pk: int, query: Query[PageQuery]) -> ComparisonPage:
    """Comparisons in which any version of the document is the source or the derivative."""
    viewer = reader(request)
    document = get_document_for(viewer, pk)
    comparisons = Comparison.objects.visible_to(viewer).for_document(document).with_documents()
    page, links = paginate(request, comparisons, query.page, query.per_page)
    return ComparisonPage(**links.dict(), results=[comparison_out(request, c) for c in page])
