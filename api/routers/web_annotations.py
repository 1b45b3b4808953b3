"""Annotations in W3C Web Annotation JSON-LD: read, create, import; review and reply."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import json
import re
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Body, Query, Router, Schema
from ninja import Status as Answer
from pydantic import Field, StrictBool

from annotations import actions, interchange, permissions, workflow
from annotations.access import get_annotation_for
from annotations.jsonld_input import UnreadableExport
from annotations.models import Annotation, AnnotationQuerySet, Label, Reply
from api.auth import reader
from api.problems import ApiProblem, Problem
from api.routers.common import responses
from api.types import MAX_ID, Id, Revision
from comparisons.access import get_comparison_for
from documents.access import get_document_for

router = Router(tags=["annotations"])
document_router = Router(tags=["annotations"])

# Marks the operations whose body is JSON-LD (see api.main.Api.get_openapi_schema).
JSONLD = {"x-media-type": interchange.MEDIA_TYPE}


class StatusIn(Schema):
    status: Literal["open", "confirmed", "dismissed"]
    revision: Revision | None = Field(
        None, description="The revision you reviewed; a newer one answers 409."
    )


class ReplyIn(Schema):
    body: str = Field(min_length=1, max_length=10_000)
    parent: Id | None = Field(None, description="The reply this one answers.")


class ReviewOut(Schema):
    id: int
    status: str
    revision: int
    changed: bool


class ReplyOut(Schema):
    id: int
    annotation: int
    parent: int | None
    body: str


class ImportOut(Schema):
    created: int
    replies: int
    skipped: list[str]
    message: str


def _jsonld(data: dict[str, Any], status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type=interchange.MEDIA_TYPE)


def _one(annotation: Annotation) -> dict[str, Any]:
    return {
        "@context": interchange.CONTEXT,
        **interchange.annotation_to_jsonld(annotation),
        "pvn:revision": annotation.revision,
    }


def _with_revisions(collection: dict[str, Any], annotations: list[Annotation]) -> dict[str, Any]:
    """Add each annotation's revision (what an edit or delete must name) to a collection."""
    revisions = {interchange.absolute(a.get_absolute_url()): a.revision for a in annotations}
    for item in collection["first"]["items"]:
        if item.get("motivation") != "replying" and item["id"] in revisions:
            item["pvn:revision"] = revisions[item["id"]]
    return collection


def _detail(annotation: Annotation, status: int = 200) -> HttpResponse:
    """One annotation, its ETag naming its revision (what If-Match sends back)."""
    response = _jsonld(_one(annotation), status=status)
    digest = hashlib.sha256(response.content).hexdigest()[:16]
    response["ETag"] = f'"{annotation.revision}-{digest}"'
    return response


@document_router.get(
    "/{id:pk}/annotations",
    response=responses({200: dict[str, Any]}),
    url_name="document_annotations",
    openapi_extra=JSONLD,
)
def document_annotations(request: HttpRequest, pk: int) -> HttpResponse:
    """Every annotation on any version of the document, as an AnnotationCollection."""
    viewer = reader(request)
    document = get_document_for(viewer, pk)
    annotations = (
        Annotation.objects.visible_to(viewer)
        .on_document(document)
        .with_related()
        .prefetch_related("replies__author")
        .order_by("pk")
    )
    found = list(annotations)
    collection = interchange.to_jsonld(
        found, request.build_absolute_uri(), f"Annotations on {document}"
    )
    return _jsonld(_with_revisions(collection, found))


@router.get(
    "/{id:pk}",
    response=responses({200: dict[str, Any]}),
    url_name="annotation_detail",
    openapi_extra=JSONLD,
)
def annotation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(get_annotation_for(reader(request), pk))


@router.post(
    "",
    response=responses({201: dict[str, Any]}),
    url_name="annotation_create",
    openapi_extra=JSONLD,
)
def annotation_create(request: HttpRequest, payload: Body[dict[str, Any]]) -> HttpResponse:
    """Annotate a span from one W3C Annotation (label as a "tagging" body, note "commenting")."""
    user = reader(request)
    if not permissions.can_create(user):
        raise ApiProblem(403, "Only moderators and admins can annotate.")
    for key in ("pvn:document", "pvn:version"):
        _whole(payload, key)  # a number past a 64-bit column is refused, not a 500
    new = interchange.parse_annotation(payload, user)
    target = _on_comparison(new.target, payload, user)
    annotation = actions.do_annotate(user, request, target, new.label, new.note, new.public)
    response = _detail(get_annotation_for(user, annotation.pk), status=201)
    response["Location"] = request.build_absolute_uri(f"{request.path.rstrip('/')}/{annotation.pk}")
    return response


@router.post("/import", response=responses({200: ImportOut}), url_name="annotation_import")
def annotation_import(request: HttpRequest, payload: Body[dict[str, Any]]) -> ImportOut:
    """Recreate annotations from a JSON-LD export (admins); what cannot be placed is listed."""
    user = reader(request)
    if not permissions.can_import(user):
        raise ApiProblem(403, "Only admins can import annotations.")
    try:
        report = actions.do_import_annotations(user, request, payload)
    except UnreadableExport as exc:
        raise ApiProblem(400, str(exc), slug="rejected") from exc
    return ImportOut(
        created=len(report.created),
        replies=report.replies,
        skipped=report.skipped,
        message=report.message,
    )


@router.post("/{id:pk}/status", response=responses({200: ReviewOut}), url_name="annotation_status")
def annotation_status(request: HttpRequest, pk: int, payload: StatusIn) -> ReviewOut:
    """Confirm, dismiss or reopen (moderators review others' annotations)."""
    user = reader(request)
    annotation = get_annotation_for(user, pk)
    try:
        changed = actions.do_review(
            user, request, annotation, payload.status, base_revision=payload.revision
        )
    except workflow.EditConflict as conflict:
        raise ApiProblem(409, str(conflict), slug="edit-conflict") from conflict
    return ReviewOut(
        id=annotation.pk, status=annotation.status, revision=annotation.revision, changed=changed
    )


@router.post("/{id:pk}/replies", response=responses({201: ReplyOut}), url_name="annotation_reply")
def annotation_reply(request: HttpRequest, pk: int, payload: ReplyIn) -> Answer[ReplyOut]:
    user = reader(request)
    annotation = get_annotation_for(user, pk)
    parent = None
    if payload.parent is not None:
        parent = get_object_or_404(Reply, pk=payload.parent, annotation=annotation)
    reply = actions.do_reply(user, request, annotation, payload.body, parent)
    return Answer(
        201, ReplyOut(id=reply.pk, annotation=pk, parent=reply.parent_id, body=reply.body)
    )


def _whole(payload: dict[str, Any], key: str) -> int | None:
    value = payload.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ID:
        raise ValidationError({key: "Give a whole number."})
    return value


def _on_comparison(target: workflow.Target, payload: dict[str, Any], user: Any) -> workflow.Target:
    """The target, tied to `pvn:comparison` and its `pvn:finding` when the client names them."""
    comparison_pk, finding = _whole(payload, "pvn:comparison"), _whole(payload, "pvn:finding")
    if comparison_pk is None:
        if finding is not None:
            raise ValidationError({"pvn:finding": "Name the comparison (pvn:comparison) too."})
        return target
    comparison = get_comparison_for(user, comparison_pk)
    tied = workflow.target_from_span(target.version, target.start, target.end, comparison)
    if finding is not None:
        if not comparison.is_done or not finding < len(comparison.engine_result.findings):
            raise ValidationError({"pvn:finding": "That finding is not in this comparison."})
        tied = dataclasses.replace(tied, finding_index=finding)
    return tied


# Listing and searching ----------------------------------------------------------------


class AnnotationFilters(Schema):
    document: Id | None = Field(None, description="On any version of this document.")
    comparison: Id | None = Field(None, description="On either text of this comparison.")
    label: str = Field("", max_length=80, description="A label's name or slug.")
    status: Literal["open", "confirmed", "dismissed"] | None = None
    user: str = Field("", max_length=150, description="Made by this user name.")
    text: str = Field("", max_length=200, description="Words in the note.")
    quote: str = Field("", max_length=200, description="Words in the annotated passage.")
    cursor: str = Field(
        "", max_length=40, pattern=r"^[A-Za-z0-9_-]*$", description="The `next` link's cursor."
    )
    limit: int = Field(25, ge=1, le=100)


def _cursor(value: str) -> int:
    """The last id of the page before; a cursor is opaque to clients and checked here."""
    if not value:
        return 0
    try:
        decoded = base64.urlsafe_b64decode(value.encode("ascii") + b"==").decode("ascii")
    except (binascii.Error, UnicodeError, ValueError):
        decoded = ""
    match = re.fullmatch(r"after:(\d{1,18})", decoded)
    if match is None:
        raise ApiProblem(
            400,
            "That cursor is not one of ours: use the `next` link as it is.",
            slug="rejected",
            errors=[("cursor", "Use the cursor of a `next` link as it is.")],
        )
    return int(match.group(1))


def _filtered(viewer: Any, filters: AnnotationFilters) -> AnnotationQuerySet:
    annotations = Annotation.objects.visible_to(viewer)
    if filters.document is not None:
        annotations = annotations.on_document(get_document_for(viewer, filters.document))
    if filters.comparison is not None:
        annotations = annotations.for_comparison(get_comparison_for(viewer, filters.comparison))
    if filters.label:
        annotations = annotations.filter(
            Q(label__slug=filters.label) | Q(label__name__iexact=filters.label)
        )
    if filters.status:
        annotations = annotations.filter(status=filters.status)
    if filters.user:
        annotations = annotations.filter(created_by__username=filters.user)
    if filters.text:
        annotations = annotations.filter(note__icontains=filters.text)
    if filters.quote:
        annotations = annotations.filter(exact__icontains=filters.quote)
    return annotations


@router.get(
    "",
    response=responses({200: dict[str, Any]}),
    url_name="annotation_list",
    openapi_extra=JSONLD,
)
def annotation_list(request: HttpRequest, filters: Query[AnnotationFilters]) -> HttpResponse:
    """Annotations you may see, oldest first, filtered; the `next` page by cursor (Link)."""
    viewer = reader(request)
    after = _cursor(filters.cursor)
    annotations = (
        _filtered(viewer, filters)
        .filter(pk__gt=after)
        .with_related()
        .prefetch_related("replies__author")
        .order_by("pk")
    )
    found = list(annotations[: filters.limit + 1])
    page, more = found[: filters.limit], len(found) > filters.limit
    collection = _with_revisions(
        interchange.to_jsonld(page, request.build_absolute_uri(), "Annotations"), page
    )
    response = _jsonld(collection)
    if more:
        query = request.GET.copy()
        cursor = base64.urlsafe_b64encode(f"after:{page[-1].pk}".encode()).decode()
        query["cursor"] = cursor.rstrip("=")
        link = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
        collection["first"]["next"] = link
        response = _jsonld(collection)
        response["Link"] = f'<{link}>; rel="next"'
    return response


# Edit and delete ----------------------------------------------------------------------

IF_MATCH = re.compile(r'\s*(?:W/)?"(\d{1,18})(?:-[0-9a-f]*)?"\s*')


def _revision(request: HttpRequest, sent: int | None) -> int:
    """The revision the client saw: If-Match (the ETag of its GET) or `revision`."""
    header = request.headers.get("If-Match")
    if header is not None:
        match = IF_MATCH.fullmatch(header)
        if match is None:
            raise ApiProblem(
                428,
                "Send If-Match with the ETag this annotation was read with.",
                slug="precondition",
            )
        return int(match.group(1))
    if sent is None:
        raise ApiProblem(
            428,
            "Say which revision you saw: If-Match with the annotation's ETag, or `revision`.",
            slug="precondition",
        )
    return sent


def _conflict(conflict: workflow.EditConflict) -> ApiProblem:
    return ApiProblem(
        409, str(conflict), slug="edit-conflict", extra={"current": _one(conflict.current)}
    )


class AnnotationEdit(Schema):
    label: str | None = Field(None, min_length=1, max_length=80, description="Name or slug.")
    note: str | None = Field(None, max_length=10_000)
    public: StrictBool | None = None
    revision: Revision | None = Field(
        None, description="The revision you edited (or send If-Match)."
    )


@router.patch(
    "/{id:pk}",
    response=responses({200: dict[str, Any]}) | {428: Problem},
    url_name="annotation_edit",
    openapi_extra=JSONLD,
)
def annotation_edit(request: HttpRequest, pk: int, payload: AnnotationEdit) -> HttpResponse:
    """Change the label, note or public flag of the revision you saw (409 if it changed)."""
    user = reader(request)
    annotation = get_annotation_for(user, pk)
    revision = _revision(request, payload.revision)
    label = annotation.label
    if payload.label is not None:
        name = payload.label.strip()
        found = Label.objects.filter(Q(name__iexact=name) | Q(slug=name)).first()
        if found is None:
            raise ValidationError({"label": f"“{name[:80]}” is not a label. Pick another."})
        label = found
    try:
        actions.do_edit(
            user,
            request,
            annotation,
            base_revision=revision,
            label=label,
            note=annotation.note if payload.note is None else payload.note,
            public=annotation.public if payload.public is None else payload.public,
        )
    except workflow.EditConflict as conflict:
        raise _conflict(conflict) from conflict
    return _detail(get_annotation_for(user, pk))


class Seen(Schema):
    revision: Revision | None = Field(None, description="The revision you saw (or send If-Match).")


@router.delete(
    "/{id:pk}",
    response=responses({204: None}) | {428: Problem},
    url_name="annotation_delete",
)
def annotation_delete(
    request: HttpRequest,
    pk: int,
    query: Query[Seen],
) -> HttpResponse:
    """Delete the revision you saw (its author or an admin); 409 if it changed since."""
    user = reader(request)
    annotation = get_annotation_for(user, pk)
    try:
        actions.do_delete(
            user, request, annotation, base_revision=_revision(request, query.revision)
        )
    except workflow.EditConflict as conflict:
        raise _conflict(conflict) from conflict
    return HttpResponse(status=204)
