"""The sources-and-derivatives panel of a document page, and small formatting filters."""

from __future__ import annotations

from typing import Any

from django import template

from discovery.chains import chain, source_roles
from discovery.models import IndexState
from discovery.relations import derivatives_of
from documents.models import Document
from provenance import roles

register = template.Library()

PANEL_LIMIT = 20


@register.inclusion_tag("discovery/_panel.html", takes_context=True)
def document_provenance(context: template.Context, document: Document) -> dict[str, Any]:
    """Render the panel: background state, sources (direct first), derivatives, chain."""
    request = context.get("request")
    user = getattr(request, "user", None)
    state = IndexState.objects.filter(version_id=document.current_version_id).first()
    derivatives = derivatives_of(document)
    return {
        "document": document,
        "state": state,
        "sources": source_roles(document),
        "derivatives": derivatives[:PANEL_LIMIT],
        "more_derivatives": max(0, len(derivatives) - PANEL_LIMIT),
        "chain": chain(document),
        "can_upload": roles.can_upload(user) if user is not None else False,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key)
