"""The sources-and-derivatives panel of a document page, and small formatting filters."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

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
    # Without a request nobody is signed in, and a page for nobody lists no relations.
    user = getattr(request, "user", None) or AnonymousUser()
    state = IndexState.objects.filter(version_id=document.current_version_id).first()
    derivatives = derivatives_of(document, user)
    return {
        "document": document,
        "state": state,
        "sources": source_roles(document, viewer=user),
        "derivatives": derivatives[:PANEL_LIMIT],
        "more_derivatives": max(0, len(derivatives) - PANEL_LIMIT),
        "chain": chain(document, user),
        "can_upload": roles.can_upload(user),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key)
