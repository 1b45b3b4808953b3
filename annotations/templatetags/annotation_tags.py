"""Template helpers: Markdown notes, history lines, and the panel on comparison pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.safestring import SafeString

from annotations import markup, permissions
from annotations.forms import CreateForm
from annotations.models import Annotation, AnnotationEvent

register = template.Library()

FIELD_NAMES = {
    "label": "label",
    "note": "note",
    "public": "public on share links",
    "status": "status",
    "version": "version",
    "start": "start",
    "end": "end",
    "exact": "quoted words",
    "anchor_state": "anchoring",
}


FIRST_ACTIONS = {AnnotationEvent.Action.CREATED, AnnotationEvent.Action.IMPORTED}


@register.filter
def markdown(source: str) -> SafeString:
    return markup.render_markdown(source or "")


def _short(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


@register.filter
def event_lines(event: AnnotationEvent) -> list[str]:
    """Say what an event changed: "label: Changed figure → Trimmed context"."""
    lines = []
    for name, value in event.changes.items():
        label = FIELD_NAMES.get(name)
        if label is None:
            continue
        if isinstance(value, list) and len(value) == 2:
            lines.append(f"{label}: {_short(value[0])} → {_short(value[1])}")
        elif event.action in FIRST_ACTIONS and name in {"label", "public", "status"}:
            lines.append(f"{label}: {_short(value)}")
    if "method" in event.changes:
        lines.append(f"found by {event.changes['method']} match")
    if event.changes.get("creator"):
        lines.append(f"originally by {event.changes['creator']}")
    return lines


def _side(annotation: Annotation, comparison: Any) -> str:
    return "s" if annotation.document_version_id == comparison.source_version_id else "d"


@register.inclusion_tag("annotations/_panel.html", takes_context=True)
def annotation_panel(context: template.Context) -> dict[str, Any]:
    """The annotations of the comparison on the page; a share link shows confirmed, public ones."""
    comparison = context.get("comparison")
    request = context.get("request")
    # A request built without the auth middleware has no user: treat it as anonymous.
    user = getattr(request, "user", None) or AnonymousUser()
    shared = bool(context.get("shared"))
    if comparison is None or request is None:
        return {"show": False}
    # A share link's getter has checked the comparison; what its readers see is the
    # queryset's rule (`public_for`), the same for every route to a shared comparison.
    if shared:
        annotations = Annotation.objects.public_for(comparison)
    else:
        annotations = Annotation.objects.for_comparison(comparison).visible_to(user)
    items = list(annotations.with_related())
    can_create = not shared and permissions.can_create(user)
    marks = [
        {
            "id": a.pk,
            "side": _side(a, comparison),
            "start": a.start,
            "end": a.end,
            "label": a.label.name,
            "status": a.status,
        }
        for a in items
    ]
    result = comparison.engine_result
    # The step-through shows each change's passage span; JS maps selections there by these.
    steps = context.get("steps") or []
    # A quotation replaced shows two passages, one a side: each side's own span.
    step_spans = {s.number: {"s": s.source_span, "d": s.derivative_span} for s in steps}
    return {
        "show": True,
        "shared": shared,
        "comparison": comparison,
        "annotations": [(a, _side(a, comparison)) for a in items],
        "can_create": can_create,
        "findings": list(enumerate(result.findings)) if can_create else [],
        "create_url": reverse("annotations:create"),
        "config": {
            "createUrl": reverse("annotations:create") if can_create else "",
            "comparison": comparison.pk,
            "versions": {"s": comparison.source_version_id, "d": comparison.derivative_version_id},
            "stepSpans": step_spans,
            "stepPassages": {s.number: s.index for s in steps},
            "marks": marks,
            "next": request.get_full_path(),
        },
        "request": request,
        # The in-place panel's form: the annotations app's own, posted to its create view.
        "form": CreateForm(
            auto_id="inplace_%s",
            initial={"comparison": comparison.pk, "next": request.get_full_path()},
        )
        if can_create
        else None,
        "csrf_token": context.get("csrf_token"),
    }
