"""Lineage for lists: each listed document's origin or main source, fetched once per page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from discovery.reports import SourceEntry, origins_for
from documents.models import Document

register = template.Library()


@register.simple_tag(takes_context=True)
def document_origins(context: template.Context, documents: Sequence[Document]) -> dict[int, Any]:
    """{% document_origins documents as origins %}: document id → its origin entry.

    One batch for the whole list (the documents app cannot import discovery, so its
    list asks here, in the template), as the signed-in viewer may see the sources.
    """
    request = context.get("request")
    viewer = getattr(request, "user", None) or AnonymousUser()
    return origins_for(list(documents), viewer)


@register.filter
def origin_of(origins: dict[int, SourceEntry], document: Document) -> SourceEntry | None:
    return origins.get(document.pk)
