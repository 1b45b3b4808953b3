"""The home page's view of the review queue, for moderators and admins."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count

from annotations.models import Annotation

register = template.Library()


@register.inclusion_tag("annotations/_review_summary.html", takes_context=True)
def review_summary(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    visible = Annotation.objects.visible_to(user)
    counts = dict(visible.values_list("status").annotate(n=Count("pk")).order_by())
    return {
        "open": counts.get(Annotation.Status.OPEN, 0),
        "confirmed": counts.get(Annotation.Status.CONFIRMED, 0),
        "dismissed": counts.get(Annotation.Status.DISMISSED, 0),
        "orphaned": visible.orphaned().count(),
    }
