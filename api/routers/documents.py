"""Documents: create (text, URL or file), list with filters, detail with versions, archive."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Schema
from ninja import Status as Answer
from ninja.files import UploadedFile
from pydantic import Field, field_validator

from api import throttle
from api.auth import reader, uploader
from api.pagination import MAX_PER_PAGE, PER_PAGE, paginate
from api.problems import ApiProblem
from api.routers.common import required_file, responses
from api.schemas import (
    CreateOut,
    DocumentListItem,
    DocumentOut,
    DocumentPage,
    ImportJobOut,
    Kind,
    VersionText,
    api_url,
    document_out,
    document_ref,
    import_job_out,
    version_out,
)
from api.types import Id, IsoDate
from discovery.lineage import origins_for
from discovery.models import Role, SourceRelation
from documents import actions
from documents.access import get_document_for, get_numbered_version_for
from documents.errors import RejectedInput
from documents.extract import encoding_choices
from documents.ingest import NearDuplicates, Outcome, Status, Submission
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion, ImportJob

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.db.models import QuerySet

router = Router(tags=["documents"])

NearDuplicatePolicy = Literal["ask", "version", "separate"]


class Filters(Schema):
    q: str = Field("", max_length=200, description="Words in the title, author, outlet or text.")
    kind: Kind | None = None
    outlet: str = Field("", max_length=200, description="Outlet name (case-insensitive).")
    published_from: IsoDate | None = None
    published_to: IsoDate | None = None
    origin: Id | None = Field(None, description="Only documents whose origin is this one.")
    archived: bool = Field(False, description="Archived documents only (admins).")
    claim: Literal["strengthened"] | None = Field(
        None,
        description="`strengthened`: only stories stating a claim more strongly than their "
        "source (or a study in animals or cells as about people), as the documents page flags.",
    )
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE)


class Meta(Schema):
    kind: Kind = "article"
    title: str = Field("", max_length=500)
    outlet: str = Field("", max_length=200)
    author: str = Field("", max_length=300)
    published: str = Field("", max_length=60, description="2024-01-31 or 2024-01-31 09:30")
    language: str = Field("en", max_length=20)
    url: str = Field("", max_length=2000, description="Where it was published.")
    near_duplicates: NearDuplicatePolicy = Field(
        "ask", description="A text very like one held: ask (409), add as a version, or separate."
    )
    version_of: Id | None = Field(None, description="Add as a new version of this document.")
    encoding: str = Field(
        "",
        max_length=40,
        description="For a file whose encoding detection is unsure: one of the encodings "
        "the 422 answer offers.",
    )

    @field_validator("version_of", mode="before")
    @classmethod
    def _form_null(cls, value: object) -> object:
        # A multipart form has no null: clients send an empty field or the word "null".
        return None if value in ("", "null") else value

    def metadata(self) -> Metadata:
        return Metadata(
            kind=self.kind,
            title=self.title,
            outlet=self.outlet,
            author=self.author,
            url=self.url,
            published=self.published,
            language=self.language,
        )

    def bulk_defaults(self) -> Metadata:
        # Bulk items take their own titles and URLs; only kind, outlet and the like apply to all.
        return Metadata(
            kind=self.kind, outlet=self.outlet, author=self.author, language=self.language
        )


class DocumentIn(Meta):
    text: str | None = Field(None, description="The text; leave out to fetch `url`.")


@router.get("", response=responses({200: DocumentPage}), url_name="document_list")
def document_list(request: HttpRequest, filters: Query[Filters]) -> DocumentPage:
    viewer = reader(request)
    documents = (
        Document.objects.visible_to(viewer)
        .select_related("outlet", "current_version")
        .with_claim_flag(viewer)
    )
    documents = documents.archived() if filters.archived else documents.active()
    if filters.q:
        documents = documents.search(filters.q)
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.outlet:
        documents = documents.filter(outlet__name__iexact=filters.outlet)
    if filters.claim:
        documents = documents.overstating_claims(viewer)
    if filters.origin is not None:
        documents = documents.filter(pk__in=_derived_from(filters.origin, viewer))
    documents = documents.published_between(filters.published_from, filters.published_to)
    page, links = paginate(request, documents, filters.page, filters.per_page)
    origins = origins_for(page, viewer)
    results = [
        DocumentListItem(
            **document_ref(request, d).dict(),
            origin=document_ref(request, origins[d.pk].document) if d.pk in origins else None,
            overstates_claim=d.overstates_claim,
        )
        for d in page
    ]
    return DocumentPage(**links.dict(), results=results)


def _derived_from(origin: int, viewer: User) -> QuerySet[SourceRelation, int]:
    """Articles whose origin (as discovery decided it) is this document, seen by `viewer`."""
    relations = SourceRelation.objects.visible_to(viewer).filter(other_id=origin, role=Role.ORIGIN)
    return relations.values_list("article_id", flat=True)


def _created(request: HttpRequest, response: HttpResponse, outcome: Outcome) -> Answer[CreateOut]:
    """Answer an ingest outcome: 201 stored, 200 duplicate, 409 near-duplicate, 400 rejected."""
    if outcome.status == Status.REJECTED:
        raise ApiProblem(400, outcome.reason, slug="rejected")
    assert outcome.document is not None  # every other outcome names its document
    if outcome.status == Status.NEAR_DUPLICATE:
        raise ApiProblem(
            409,
            outcome.message + " Send it again with near_duplicates=version or separate.",
            slug="near-duplicate",
            extra={
                "near_duplicate_of": api_url(request, "document_detail", outcome.document.pk),
                "similarity": outcome.similarity,
            },
        )
    document = get_document_for(reader(request), outcome.document.pk)
    body = CreateOut(
        status=outcome.status.value,  # type: ignore[arg-type]
        message=outcome.message,
        document=document_out(request, document),
    )
    response["Location"] = body.document.url
    return Answer(201 if outcome.stored else 200, body)


def _accepted(request: HttpRequest, response: HttpResponse, job: ImportJob) -> Answer[ImportJobOut]:
    """Answer work left to the worker: 202, with the job to poll as Location."""
    body = import_job_out(request, job)
    response["Location"] = body.url
    return Answer(202, body)


def _version_of(request: HttpRequest, meta: Meta) -> Document | None:
    if meta.version_of is None:
        return None
    return get_document_for(reader(request), meta.version_of)


@router.post(
    "",
    response=responses({200: CreateOut, 201: CreateOut, 202: ImportJobOut}),
    url_name="document_create",
)
def document_create(
    request: HttpRequest, response: HttpResponse, payload: DocumentIn
) -> Answer[CreateOut] | Answer[ImportJobOut]:
    """Add a document from pasted text, or from `url` when no text is given (rate-limited).

    A URL is fetched by the worker, not while you wait: 202 with the Location of a
    one-item import, whose `document` is set once the page is stored.
    """
    user = uploader(request)
    version_of = _version_of(request, payload)
    if payload.text is not None:
        if len(payload.text.encode("utf-8")) > settings.UPLOAD_MAX_BYTES:
            raise ApiProblem(413, "The text is over the size limit.", slug="too-large")
        submission = Submission(text=payload.text, source=DocumentVersion.Source.PASTE)
    elif payload.url:
        throttle.spend(request, user, "fetch")
        job = actions.do_fetch_url(
            user,
            request,
            payload.url,
            payload.metadata(),
            version_of=version_of,
            near_duplicates=NearDuplicates(payload.near_duplicates),
        )
        return _accepted(request, response, job)
    else:
        # Valid by the schema (both are optional), so a 400 as for any unusable content.
        raise ApiProblem(
            400,
            "Send the text, or a url to fetch.",
            slug="rejected",
            errors=[("text", "Give the text or a url.")],
        )
    outcome = actions.do_add_document(
        user,
        request,
        submission,
        payload.metadata(),
        version_of=version_of,
        near_duplicates=NearDuplicates(payload.near_duplicates),
    )
    return _created(request, response, outcome)


@router.post(
    "/upload",
    response=responses({200: CreateOut, 201: CreateOut, 202: ImportJobOut}),
    url_name="document_upload",
)
def document_upload(
    request: HttpRequest,
    response: HttpResponse,
    meta: Form[Meta],
    file: Annotated[UploadedFile | None, File()] = None,
) -> Answer[CreateOut] | Answer[ImportJobOut]:
    """Add a document from a file (text, HTML, Markdown, Word, PDF).

    A zip or a CSV / JSONL manifest becomes a bulk import, as on the upload page: 202
    with the import's status URL.
    """
    user = uploader(request)
    file = required_file(file)
    if file.size is not None and file.size > settings.UPLOAD_MAX_BYTES:
        raise ApiProblem(413, "The file is over the size limit.", slug="too-large")
    version_of = _version_of(request, meta)
    name, data = file.name or "", file.read()
    if version_of is None:
        defaults = meta.bulk_defaults()
        if job := actions.do_start_import(user, request, name, data, defaults):
            return _accepted(request, response, job)
    _check_encoding(data, name, meta.encoding)
    submission = Submission(
        data=data, filename=name, source=DocumentVersion.Source.FILE, encoding=meta.encoding
    )
    outcome = actions.do_add_document(
        user,
        request,
        submission,
        meta.metadata(),
        version_of=version_of,
        near_duplicates=NearDuplicates(meta.near_duplicates),
    )
    return _created(request, response, outcome)


def _check_encoding(data: bytes, name: str, picked: str) -> None:
    """Refuse a text file whose encoding detection is unsure until the client picks one."""
    choices = encoding_choices(data, name)
    if not choices or picked in {c.encoding for c in choices}:
        return
    if picked:
        raise RejectedInput("Pick one of the encodings offered for this file.")
    # The page shows previews; here the client picks and sends again.
    raise ApiProblem(
        422,
        "The file's encoding is uncertain. Nothing was stored: send it again with "
        "`encoding` set to the reading that looks right.",
        slug="encoding-uncertain",
        errors=[("encoding", "Pick one of: " + ", ".join(c.encoding for c in choices))],
        extra={"encodings": [{"encoding": c.encoding, "preview": c.preview} for c in choices]},
    )


@router.get("/{id:pk}", response=responses({200: DocumentOut}), url_name="document_detail")
def document_detail(request: HttpRequest, pk: int) -> DocumentOut:
    document = get_document_for(reader(request), pk)
    return document_out(request, document)


@router.get(
    "/{id:pk}/versions/{id:number}",
    response=responses({200: VersionText}),
    url_name="document_version",
)
def document_version(request: HttpRequest, pk: int, number: int) -> VersionText:
    version = get_numbered_version_for(reader(request), pk, number)
    data = version_out(version, version.document.current_version_id)
    return VersionText(**data, text=version.text)


@router.post(
    "/{id:pk}/archive", response=responses({200: DocumentOut}), url_name="document_archive"
)
def document_archive(request: HttpRequest, pk: int) -> DocumentOut:
    """Hide a document from lists (admins still see it); its versions are kept."""
    user = uploader(request)
    document = get_document_for(user, pk)
    actions.do_archive_document(user, request, document)
    return document_out(request, document)


@router.post(
    "/{id:pk}/unarchive", response=responses({200: DocumentOut}), url_name="document_unarchive"
)
def document_unarchive(request: HttpRequest, pk: int) -> DocumentOut:
    user = uploader(request)
    document = get_document_for(user, pk)
    actions.do_unarchive_document(user, request, document)
    return document_out(request, document)
