"""Check an article: the corpus texts it took from, for a pasted text; nothing is stored.

The same in-memory ranking as the check page (checks.workflow): the article is
analysed, ranked against the discovery index and compared with its likely sources by
the engine. Unlike the page, the API keeps no Check row: a script that wants to keep
the article uploads it as a document.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from api import throttle
from api.auth import sharer
from api.routers.common import responses
from api.schemas import DocumentRef, document_ref
from checks import workflow
from provenance.engine import analyse

router = Router(tags=["checks"])


class CheckIn(Schema):
    text: str = Field(
        min_length=1,
        max_length=settings.CHECK_MAX_CHARS,
        description="The article's text, pasted (it is not stored).",
    )


class FoundSource(Schema):
    document: DocumentRef
    version: int
    derivative_share: float = Field(description="Share of the article's words taken from it.")
    paraphrased_share: float
    source_share: float = Field(description="Share of the source's words the article reused.")


class CheckOut(Schema):
    title: str
    sources: list[FoundSource] = Field(description="Strongest first.")
    best: FoundSource | None = Field(description="The source the comparison is with.")
    # The engine's versioned JSON comparing the best source with the article; null if none.
    result: dict[str, Any] | None


def _found(request: HttpRequest, found: workflow.Found) -> FoundSource:
    return FoundSource(
        document=document_ref(request, found.version.document),
        version=found.version.number,
        derivative_share=round(found.derivative_share, 4),
        paraphrased_share=round(found.paraphrased_share, 4),
        source_share=round(found.source_share, 4),
    )


@router.post("", response=responses({200: CheckOut}), url_name="check_article")
def check_article(request: HttpRequest, payload: CheckIn) -> CheckOut:
    """Find the sources of a pasted article among the texts you may see (rate-limited)."""
    user = sharer(request)
    article = workflow.read_article(payload.text, "")
    throttle.spend(request, user, "discovery")
    found = workflow.find_sources(analyse(article.text, name="article"), user)
    best = workflow.best_source(found)
    return CheckOut(
        title=article.title,
        sources=[_found(request, f) for f in found],
        best=_found(request, best) if best else None,
        result=best.result.to_dict() if best else None,
    )
