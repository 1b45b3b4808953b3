from __future__ import annotations

from django import template
from django.template.loader import select_template
from django.utils.safestring import SafeString, mark_safe

from documents.sanitize import sanitize_html

register = template.Library()

# Apps that add to the document page (discovery's sources and derivatives) provide one of
# these templates; the page renders the first that exists, so they need not edit ours.
RELATION_TEMPLATES = ("provenance/document_relations.html", "documents/_relations_pending.html")


@register.filter
def sanitized(html: str) -> SafeString:
    """Sanitise again at render time, so stored HTML is safe under today's allow-list."""
    return mark_safe(sanitize_html(html))  # noqa: S308 - sanitize_html is the sanitiser


@register.simple_tag(takes_context=True)
def document_relations(context: template.Context, document: object) -> str:
    chosen = select_template(list(RELATION_TEMPLATES))
    return chosen.render(
        {"document": document, "request": context.get("request")}, context.get("request")
    )
