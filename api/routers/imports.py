"""Bulk imports: start one from a zip or a CSV / JSONL manifest, follow its progress."""

from __future__ import annotations

from typing import Annotated

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema
from ninja import Status as Answer
from ninja.files import UploadedFile
from pydantic import Field

from api.auth import uploader
from api.problems import ApiProblem
from api.routers.common import required_file, responses
from api.schemas import ImportJobOut, Kind, import_job_out
from documents import actions
from documents.access import get_import_job_for
from documents.metadata import Metadata

router = Router(tags=["imports"])


class Defaults(Schema):
    """Metadata for every item that does not give its own."""

    kind: Kind = "article"
    outlet: str = Field("", max_length=200)
    author: str = Field("", max_length=300)
    language: str = Field("en", max_length=20)


@router.post("", response=responses({202: ImportJobOut}), url_name="import_create")
def import_create(
    request: HttpRequest,
    response: HttpResponse,
    defaults: Form[Defaults],
    file: Annotated[UploadedFile | None, File()] = None,
) -> Answer[ImportJobOut]:
    """Queue a bulk import; poll the Location for its progress."""
    user = uploader(request)
    file = required_file(file)
    if file.size is not None and file.size > settings.UPLOAD_MAX_BYTES:
        raise ApiProblem(413, "The file is over the size limit.", slug="too-large")
    meta = Metadata(
        kind=defaults.kind,
        outlet=defaults.outlet,
        author=defaults.author,
        language=defaults.language,
    )
    job = actions.do_start_import(user, request, file.name or "", file.read(), meta)
    if job is None:
        raise ApiProblem(
            400,
            "Send a .zip archive or a .csv / .jsonl manifest; one document goes to "
            "/api/v1/documents/upload.",
            slug="rejected",
            errors=[("file", "Not a zip archive or a manifest.")],
        )
    body = import_job_out(request, job)
    response["Location"] = body.url
    return Answer(202, body)


@router.get("/{id:pk}", response=responses({200: ImportJobOut}), url_name="import_detail")
def import_detail(request: HttpRequest, pk: int) -> ImportJobOut:
    """Progress of an import. Reads only: `status` is "stalled" if its worker stopped."""
    user = uploader(request)
    return import_job_out(request, get_import_job_for(user, pk))


@router.post("/{id:pk}/resume", response=responses({200: ImportJobOut}), url_name="import_resume")
def import_resume(request: HttpRequest, pk: int) -> ImportJobOut:
    """Restart a stalled import (items already imported are kept); a no-op for any other."""
    user = uploader(request)
    job = get_import_job_for(user, pk)
    actions.do_resume_import(user, request, job)
    return import_job_out(request, get_import_job_for(user, pk))
