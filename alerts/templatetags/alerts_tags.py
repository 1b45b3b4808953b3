"""The header's inbox link with its unread count, and a document page's watch buttons."""

from __future__ import annotations

from typing import Any

from django import template

from alerts.models import Alert, Watch
from provenance import roles

register = template.Library()


@register.inclusion_tag("alerts/_inbox_link.html", takes_context=True)
def inbox_link(context: dict[str, Any]) -> dict[str, Any]:
    """One indexed count per page (user, read_at); nothing for users who cannot have alerts."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not roles.has_any_role(user):
        return {"show": False}
    unread = Alert.objects.for_user(user).unread().count()
    return {"show": True, "unread": unread, "request": request}


@register.inclusion_tag("alerts/_watch_buttons.html", takes_context=True)
def watch_buttons(context: dict[str, Any], document: Any) -> dict[str, Any]:
    request = context["request"]
    user = request.user
    mine = Watch.objects.filter(user_id=user.pk)
    is_release = document.kind == "press_release"
    return {
        "document": document,
        "is_release": is_release,
        "release_watch": mine.filter(kind=Watch.Kind.RELEASE, document=document).first()
        if is_release
        else None,
        "outlet_watch": mine.filter(kind=Watch.Kind.OUTLET, outlet_id=document.outlet_id).first()
        if document.outlet_id
        else None,
        "here": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
