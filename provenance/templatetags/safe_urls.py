"""`{% safe_next value as name %}`: a `next` address made safe for an href, or ""."""

from __future__ import annotations

from typing import Any

from django import template

from provenance.safety import safe_next as check

register = template.Library()


@register.simple_tag(takes_context=True)
def safe_next(context: dict[str, Any], url: str | None) -> str:
    return check(context["request"], url) or ""
