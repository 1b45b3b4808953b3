"""Annotations in W3C Web Annotation JSON-LD: read, create, import; review and reply."""

from __future__ import annotations

import json
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Body, Router, Schema
from ninja import Status as Answer
from pydantic import Field

from annotations import interchange, permissions, workflow
from annotations.access import get_annotation_for
from annotations.jsonld_input import UnreadableExport
from annotations.models import Annotation, Reply
from api.auth import reader
from api.problems import ApiProblem
from api.routers.common import responses
from api.types import MAX_ID, Id, WholeNumber
from documents.access import get_document_for

router = Router(tags=["annotations"])
document_router = Router(tags=["annotations"])

# Marks the operations whose body is JSON-LD (see api.main.Api.get_openapi_schema).
JSONLD = {"x-media-type": interchange.MEDIA_TYPE}


class StatusIn(Schema):
    status: Literal["open", "confirmed", "dismissed"]
    revision: WholeNumber | None = Field(
        None, ge=0, le=MAX_ID, description="The revision you reviewed; a newer one answers 409."
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
    return {"@context": interchange.CONTEXT, **interchange.annotation_to_jsonld(annotation)}


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
    collection = interchange.to_jsonld(
        annotations, request.build_absolute_uri(), f"Annotations on {document}"
    )
    return _jsonld(collection)


@router.get(
    "/{id:pk}",
    response=responses({200: dict[str, Any]}),
    url_name="annotation_detail",
    openapi_extra=JSONLD,
)
def annotation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _jsonld(_one(get_annotation_for(reader(request), pk)))


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
    new = interchange.parse_annotation(payload, user)
    annotation = workflow.do_create_annotation(user, new.target, new.label, new.note, new.public)
    response = _jsonld(_one(get_annotation_for(user, annotation.pk)), status=201)
    response["Location"] = request.build_absolute_uri(f"{request.path.rstrip('/')}/{annotation.pk}")
    return response


@router.post("/import", response=responses({200: ImportOut}), url_name="annotation_import")
def annotation_import(request: HttpRequest, payload: Body[dict[str, Any]]) -> ImportOut:
    """Recreate annotations from a JSON-LD export (admins); what cannot be placed is listed."""
    user = reader(request)
    if not permissions.can_import(user):
        raise ApiProblem(403, "Only admins can import annotations.")
    try:
        report = interchange.do_import_jsonld(payload, user)
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
        changed = workflow.do_set_status(
            annotation, user, payload.status, base_revision=payload.revision
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
    reply = workflow.do_add_reply(annotation, user, payload.body, parent)
    return Answer(
        201, ReplyOut(id=reply.pk, annotation=pk, parent=reply.parent_id, body=reply.body)
    )
