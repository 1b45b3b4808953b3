"""The home page's comparisons for educators (see comparisons.front_door)."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from comparisons.front_door import front_door

register = template.Library()


@register.inclusion_tag("comparisons/_front_door.html", takes_context=True)
def home_comparisons(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    return {"door": front_door(user)}
