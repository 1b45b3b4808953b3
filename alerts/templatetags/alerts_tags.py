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


# The finding details that name who is quoted (see the engine's quotation findings).
SPEAKER_KEYS = ("speaker", "speaker_derivative", "speaker_source")


@register.inclusion_tag("alerts/_speaker_watch.html", takes_context=True)
def speaker_watch(context: Any, finding: Any) -> dict[str, Any]:
    """A "Watch <speaker>" button beside a quotation finding, for signed-in users with a role.

    The viewer's person watches are read once per request (kept on the request), not once
    per finding: each finding is its own include.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    detail = getattr(finding, "detail", None) or {}
    names = []
    for key in SPEAKER_KEYS:
        name = " ".join(str(detail.get(key, "")).split())
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    if not names or user is None or not roles.has_any_role(user):
        return {"names": []}
    seen: set[str] | None = getattr(request, "_alerts_person_watches", None)
    if seen is None:
        watched = Watch.objects.filter(user_id=user.pk, kind=Watch.Kind.PERSON)
        seen = {p.casefold() for p in watched.values_list("person", flat=True)}
        request._alerts_person_watches = seen  # type: ignore[union-attr]
    return {
        "names": [(name, name.casefold() in seen) for name in names],
        "here": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
