"""The sources-and-derivatives panel of a document page, and small formatting filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from discovery.models import IndexState
from discovery.reports import SourcesReport, sources_report
from documents.models import Document
from provenance import roles

register = template.Library()

PANEL_LIMIT = 20


def _report(context: template.Context, document: Document) -> SourcesReport:
    """The document's sources report, made once per request (the panel and the text share it)."""
    request = context.get("request")
    # Without a request nobody is signed in, and a page for nobody lists no relations.
    user = getattr(request, "user", None) or AnonymousUser()
    render_context: Any = context.render_context  # typed in the stubs for the loader's own use
    cache: dict[int, SourcesReport] = render_context.setdefault("provenance_reports", {})
    if document.pk not in cache:
        cache[document.pk] = sources_report(document, user)
    return cache[document.pk]


@register.inclusion_tag("discovery/_panel.html", takes_context=True)
def document_provenance(context: template.Context, document: Document) -> dict[str, Any]:
    """The sources report: background state, typed sources with reasons, what took from it."""
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    report = _report(context, document)
    unexplained = sum(s.end - s.start for s in report.segments if s.source is None)
    return {
        "document": document,
        "state": IndexState.objects.filter(version_id=document.current_version_id).first(),
        "report": report,
        "colour_keys": report.colour_keys,
        "unexplained": unexplained / max(len(document.text), 1),
        "derivatives": report.derivatives[:PANEL_LIMIT],
        "more_derivatives": max(0, len(report.derivatives) - PANEL_LIMIT),
        "can_upload": roles.can_upload(user),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@dataclass(frozen=True)
class Piece:
    text: str
    key: int | None  # colour number of the source it came from
    title: str


@dataclass(frozen=True)
class SourcedParagraph:
    start: int
    end: int
    pieces: list[Piece]


@register.inclusion_tag("discovery/_sourced_text.html", takes_context=True)
def sourced_text(
    context: template.Context, document: Document, paragraphs: list[Any]
) -> dict[str, Any]:
    """The current text's paragraphs, each cut where the source it came from changes."""
    report = _report(context, document)
    keys = report.colour_keys
    out = []
    for p in paragraphs:
        pieces = []
        for seg in report.segments:
            start, end = max(seg.start, p.start), min(seg.end, p.end)
            if start >= end:
                continue
            key = keys.get(seg.source.pk) if seg.source else None
            title = seg.source.title if seg.source else ""
            pieces.append(Piece(document.text[start:end], key, title))
        if not pieces:
            pieces = [Piece(p.text, None, "")]
        out.append(SourcedParagraph(p.start, p.end, pieces))
    return {"paragraphs": out}


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key)
