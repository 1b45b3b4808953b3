"""Pages for annotations: the moderation queue, the annotate form, detail, review, labels."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from annotations import actions, anchoring, permissions, workflow
from annotations.access import get_annotation_for
from annotations.forms import (
    CreateForm,
    EditForm,
    LabelForm,
    QueueFilterForm,
    ReattachForm,
    ReplyForm,
    StatusForm,
)
from annotations.models import Annotation, Label, Reply
from comparisons.access import get_comparison_for
from comparisons.models import Comparison
from documents.access import get_version_for
from provenance.access import (
    AuthenticatedHttpRequest,
    require_annotate,
    require_capability,
    require_role,
)
from provenance.safety import safe_next

PAGE_SIZE = 25
require_label_admin = require_capability(
    permissions.can_manage_labels, "Only admins can add or retire labels."
)


@require_GET
@require_role
def queue(request: HttpRequest) -> HttpResponse:
    """The moderation queue: filter by status, label, document, outlet and author, with counts."""
    form = QueueFilterForm(request.GET or None, user=request.user)
    visible = Annotation.objects.visible_to(request.user)
    filtered = form.filter(visible)
    by_status = dict(filtered.values_list("status").annotate(n=Count("pk")).order_by())
    status = form.chosen_status
    shown = filtered if status == "all" else filtered.filter(status=status)
    by_label = shown.values("label__name").annotate(n=Count("pk")).order_by("-n", "label__name")
    page = Paginator(shown.with_related(), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    filters = query.copy()
    filters.pop("status", None)
    context = {
        "form": form,
        "status": status,
        "status_counts": [(v, n, by_status.get(v, 0)) for v, n in Annotation.Status.choices],
        "total": sum(by_status.values()),
        "label_counts": by_label,
        "orphan_count": visible.orphaned().count(),
        "page": page,
        "query": query.urlencode(),
        "filters": filters.urlencode(),
    }
    return render(request, "annotations/queue.html", context)


def _create_target(user: Any, data: dict[str, Any]) -> workflow.Target:
    """Read what to annotate from the form: a passage or finding, or a span of a version."""
    comparison = None
    if data.get("comparison"):
        comparison = get_comparison_for(user, data["comparison"])
    if comparison is not None and (
        data.get("passage") is not None or data.get("finding") is not None
    ):
        return workflow.target_from_comparison(
            comparison,
            passage=data.get("passage"),
            finding=data.get("finding"),
            side=data.get("side"),
        )
    if data.get("version") is None or data.get("start") is None or data.get("end") is None:
        raise ValidationError("Select some text in a comparison to annotate it.")
    version = get_version_for(user, data["version"])
    return workflow.target_from_span(version, data["start"], data["end"], comparison)


def _wants_json(request: HttpRequest) -> bool:
    """The comparison page's in-place panel asks for JSON; a plain form post gets a page."""
    return "application/json" in request.headers.get("Accept", "")


def _form_problem(form: CreateForm) -> str:
    if "label" in form.errors:
        return "Choose a label for the annotation."
    problems = [str(m) for errors in form.errors.values() for m in errors]
    return problems[0] if problems else "The annotation was not saved."


def _created(request: HttpRequest, annotation: Annotation) -> dict[str, Any]:
    """What the in-place panel needs to show a new annotation: where it is, and its list item."""
    comparison = annotation.comparison
    side = (
        "s"
        if comparison and annotation.document_version_id == comparison.source_version_id
        else "d"
    )
    item = render_to_string(
        "annotations/_panel_item.html", {"a": annotation, "side": side}, request=request
    )
    return {
        "id": annotation.pk,
        "side": side,
        "start": annotation.start,
        "end": annotation.end,
        "label": annotation.label.name,
        "status": annotation.status,
        "item": item,
        "message": f"Annotation added: {annotation.label}. It is open for review.",
    }


@require_http_methods(["GET", "POST"])
@require_annotate
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Annotate a span: the form arrives pre-filled from the selection (or a no-JS link)."""
    data = request.POST if request.method == "POST" else request.GET
    form = CreateForm(data)
    form.is_valid()  # the target fields are read even while the label is still to choose
    target, error = None, None
    try:
        if any(name in form.errors for name in CreateForm.TARGET_FIELDS):
            raise ValidationError("The selection could not be read. Select some words again.")
        target = _create_target(request.user, form.cleaned_data)
    except ValidationError as exc:
        error = exc.messages[0]
    if request.method == "POST" and target is not None and form.is_valid():
        clean = form.cleaned_data
        annotation = actions.do_annotate(
            request.user, request, target, clean["label"], clean["note"], clean["public"]
        )
        if _wants_json(request):
            return JsonResponse(_created(request, annotation))
        messages.success(request, f"Annotation added: {annotation.label}. It is open for review.")
        return redirect(safe_next(request, clean["next"]) or annotation.get_absolute_url())
    if request.method == "POST" and _wants_json(request):
        return JsonResponse({"error": error or _form_problem(form)}, status=400)
    if request.method == "GET":
        form = CreateForm(initial=data.dict())  # a fresh form: no errors before the first try
    quote = anchoring.quote_for(target.version.text, target.start, target.end) if target else None
    context = {"form": form, "target": target, "quote": quote, "error": error}
    return render(request, "annotations/create.html", context, status=400 if error else 200)


def _detail_context(request: HttpRequest, annotation: Annotation, **extra: Any) -> dict[str, Any]:
    user = request.user
    replies = list(annotation.replies.select_related("author"))
    context = {
        "annotation": annotation,
        "text": annotation.document_version.text,
        "events": annotation.events.select_related("actor"),
        "threads": _threads(replies),
        "can_edit": permissions.can_edit(user, annotation),
        "status_choices": [
            (v, label)
            for v, label in Annotation.Status.choices
            if v != annotation.status and permissions.can_set_status(user, annotation, v)
        ],
        "can_reply": permissions.can_reply(user),
        "can_reattach": annotation.is_orphaned and permissions.can_reattach(user, annotation),
        "edit_form": EditForm.for_annotation(annotation),
        "reply_form": ReplyForm(),
        "reattach_form": ReattachForm(initial={"revision": annotation.revision}),
        "comparisons": Comparison.objects.visible_to(user)
        .done()
        .with_documents()
        .filter(
            Q(source_version=annotation.document_version_id)
            | Q(derivative_version=annotation.document_version_id)
        )[:10],
    }
    context.update(extra)
    return context


def _threads(replies: list[Reply]) -> list[tuple[Reply, int]]:
    """Replies in reading order, each with its depth (children under their parent)."""
    children: dict[int | None, list[Reply]] = {}
    for reply in replies:
        children.setdefault(reply.parent_id, []).append(reply)
    out: list[tuple[Reply, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for reply in children.get(parent, []):
            out.append((reply, min(depth, 4)))
            walk(reply.pk, depth + 1)

    walk(None, 0)
    return out


@require_GET
@require_role
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One annotation: the quote in context, its note, review, replies and history."""
    annotation = get_annotation_for(request.user, pk)
    return render(request, "annotations/detail.html", _detail_context(request, annotation))


@require_POST
@require_annotate
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Save an edit, or refuse it (409) when someone else saved first."""
    annotation = get_annotation_for(request.user, pk)
    if not permissions.can_edit(request.user, annotation):
        raise PermissionDenied("Moderators can edit only their own annotations.")
    form = EditForm(request.POST, annotation=annotation)
    if not form.is_valid():
        context = _detail_context(request, annotation, edit_form=form, editing=True)
        return render(request, "annotations/detail.html", context, status=400)
    data = form.cleaned_data
    try:
        changed = actions.do_edit(
            request.user, request, annotation, base_revision=data["revision"],
            label=data["label"], note=data["note"], public=data["public"],
        )  # fmt: skip
    except workflow.EditConflict as conflict:
        context = _detail_context(
            request, conflict.current, conflict=str(conflict), attempted=data, editing=True
        )
        return render(request, "annotations/detail.html", context, status=409)
    messages.success(request, "Annotation saved." if changed else "Nothing to save: no changes.")
    return redirect(annotation)


@require_POST
@require_annotate
def set_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, dismiss or reopen an annotation."""
    annotation = get_annotation_for(request.user, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pick open, confirmed or dismissed.")
        return redirect(annotation)
    status, revision = form.cleaned_data["status"], form.cleaned_data["revision"]
    try:
        if actions.do_review(request.user, request, annotation, status, base_revision=revision):
            messages.success(
                request, f"Annotation marked {annotation.get_status_display().lower()}."
            )
    except workflow.EditConflict as conflict:
        context = _detail_context(request, conflict.current, conflict=str(conflict))
        return render(request, "annotations/detail.html", context, status=409)
    return redirect(safe_next(request, request.POST.get("next")) or annotation.get_absolute_url())


@require_POST
@require_annotate
def reply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    annotation = get_annotation_for(request.user, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, annotation, reply_form=form)
        return render(request, "annotations/detail.html", context, status=400)
    parent_pk = form.cleaned_data["parent"]
    parent = get_object_or_404(Reply, pk=parent_pk, annotation=annotation) if parent_pk else None
    new = actions.do_reply(request.user, request, annotation, form.cleaned_data["body"], parent)
    return redirect(f"{annotation.get_absolute_url()}#reply-{new.pk}")


@require_POST
@require_annotate
def reattach(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach an orphan to words a moderator found in the document's current version."""
    annotation = get_annotation_for(request.user, pk)
    form = ReattachForm(request.POST)
    version = annotation.document_version.document.current_version
    try:
        if not form.is_valid() or version is None:
            raise ValidationError("Copy the words from the current version of the text.")
        start, end = workflow.find_in_version(version, form.cleaned_data["words"], annotation.start)
        actions.do_reattach(
            request.user,
            request,
            annotation,
            version,
            start,
            end,
            base_revision=form.cleaned_data["revision"],
        )
    except ValidationError as exc:
        if not annotation.is_orphaned:
            # The page has no re-attach form for a placed annotation to show the error by.
            messages.error(request, exc.messages[0])
        context = _detail_context(
            request, annotation, reattach_form=form, reattach_error=exc.messages[0]
        )
        return render(request, "annotations/detail.html", context, status=400)
    except workflow.EditConflict as conflict:
        context = _detail_context(request, conflict.current, conflict=str(conflict))
        return render(request, "annotations/detail.html", context, status=409)
    messages.success(request, f"Re-attached to version {version.number}.")
    return redirect(annotation)


@require_http_methods(["GET", "POST"])
@require_label_admin
def labels(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The label taxonomy: every label with its use count; admins add new ones here."""
    form = LabelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        label = actions.do_add_label(request.user, request, form)
        messages.success(request, f"Label “{label}” added.")
        return redirect("annotations:labels")
    all_labels = Label.objects.annotate(uses=Count("annotations")).order_by("retired_at", "name")
    return render(request, "annotations/labels.html", {"form": form, "labels": all_labels})


@require_POST
@require_label_admin
def label_retire(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Retire a label (or bring it back); annotations that carry it keep it."""
    label = get_object_or_404(Label, pk=pk)
    retire = request.POST.get("retire") == "1"
    if actions.do_retire_label(request.user, request, label, retire):
        messages.success(request, f"Label “{label}” {'retired' if retire else 'restored'}.")
    return redirect("annotations:labels")
