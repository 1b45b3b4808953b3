"""`{% safe_next value as name %}`: a `next` address made safe for an href, or ""."""

from __future__ import annotations

from typing import Any

from django import template

from provenance.safety import safe_next as check
from provenance.safety import web_url as check_web_url

register = template.Library()


@register.simple_tag(takes_context=True)
def safe_next(context: dict[str, Any], url: str | None) -> str:
    return check(context["request"], url) or ""


@register.filter
def web_url(url: str | None) -> str:
    """An outside address for an href: http(s) only, else ""."""
    return check_web_url(url) or ""
