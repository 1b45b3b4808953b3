from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from documents.sanitize import sanitize_html

register = template.Library()


@register.filter
def sanitized(html: str) -> SafeString:
    """Sanitise again at render time, so stored HTML is safe under today's allow-list."""
    return mark_safe(sanitize_html(html))  # noqa: S308 - sanitize_html is the sanitiser
