"""The home page's uploads for admins: the corpus size and the latest bulk imports."""

from __future__ import annotations

from typing import Any

from django import template

from documents.models import Document, ImportJob

register = template.Library()


@register.inclusion_tag("documents/_uploads_summary.html")
def uploads_summary(limit: int = 5) -> dict[str, Any]:
    return {
        "active": Document.objects.active().count(),
        "archived": Document.objects.archived().count(),
        "imports": list(ImportJob.objects.all()[:limit]),
    }
