"""What the API sends back: typed shapes (for the OpenAPI schema) and the code that fills them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from django.urls import reverse
from ninja import Schema
from pydantic import Field

from api.pagination import PageLinks
from comparisons import claims

if TYPE_CHECKING:
    from django.http import HttpRequest

    from comparisons.models import Comparison, ShareLink
    from documents.models import Document, DocumentVersion, ImportJob

Kind = Literal["press_release", "article", "statement", "other"]
# The engine's finding types (a test keeps this list equal to the engine's).
FindingKind = Literal[
    "name_added",
    "name_removed",
    "number_changed",
    "quote_altered",
    "quote_unsourced",
    "quote_replaced",
    "attribution_changed",
    "passage_moved",
    "claim_strengthened",
    "claim_weakened",
    "subjects_generalised",
    "advice_added",
    "group_relabelled",
]
# The engine's ClaimLevel values, weakest first.
ClaimLevelValue = Literal["none", "correlational", "conditional", "causal"]
Span = Annotated[
    list[int],
    Field(min_length=2, max_length=2, description="[start, end) character offsets into the text."),
]


class FindingOut(Schema):
    type: FindingKind = Field(
        description="What was found. The claim kinds: `claim_strengthened` (the article "
        "states a finding more strongly), `claim_weakened` (more cautiously), "
        "`subjects_generalised` (a study in animals or cells told about people), "
        "`advice_added` (the article tells readers what to do; the release did not)."
    )
    severity: Literal["high", "medium", "low"]
    message: str = Field(description="The finding in one plain sentence.")
    reason: str = Field(description="Why, naming the words on each side.")
    source_span: Span | None = Field(description="The source's sentence or words, if any.")
    derivative_span: Span | None = Field(description="The derivative's, if any.")
    source_words: str | None = Field(
        description="Claim kinds: the deciding words in the source (e.g. “is linked to”)."
    )
    derived_words: str | None = Field(
        description="Claim kinds: the deciding words in the derivative (e.g. “cuts”)."
    )
    source_level: ClaimLevelValue | None = Field(
        description="Claim kinds: how strongly the source states the claim."
    )
    derived_level: ClaimLevelValue | None = Field(
        description="Claim kinds: how strongly the derivative states it."
    )


def api_url(request: HttpRequest, name: str, *args: Any) -> str:
    return request.build_absolute_uri(reverse(f"api-1:{name}", args=args))


class DocumentRef(Schema):
    id: int
    title: str
    kind: str
    outlet: str | None
    published_on: dt.date | None
    url: str  # this document in the API
    page: str  # this document's page on the site


class VersionOut(Schema):
    number: int
    created_at: dt.datetime
    source: str
    source_url: str
    content_type: str
    original_name: str
    size: int
    text_sha256: str
    is_current: bool


class VersionText(VersionOut):
    text: str


class DocumentOut(DocumentRef):
    author: str
    source_url: str  # where it was published
    published_at: dt.datetime | None
    language: str
    archived: bool
    created_at: dt.datetime
    text: str
    versions: list[VersionOut]
    sources: str
    comparisons: str
    annotations: str


class DocumentListItem(DocumentRef):
    origin: DocumentRef | None
    overstates_claim: bool = Field(
        description="A current comparison with a source finds this story stating a claim "
        "more strongly than the source (the documents page's badge)."
    )


class DocumentPage(PageLinks):
    results: list[DocumentListItem]


class CreateOut(Schema):
    status: Literal["added", "new_version", "duplicate"]
    message: str
    document: DocumentOut


class ComparisonOut(Schema):
    id: int
    status: Literal["pending", "running", "done", "failed"]
    progress: int
    error: str
    source: DocumentRef
    derivative: DocumentRef
    source_version: int
    derivative_version: int
    engine_version: str
    computed_at: dt.datetime | None
    derivative_share: float | None
    source_share: float | None
    paraphrased_share: float | None
    url: str
    status_url: str
    page: str
    # The engine's own versioned JSON (its `schema` field names the version); null until done.
    result: dict[str, Any] | None
    findings: list[FindingOut] | None = Field(
        description="The engine's findings, most important first; null until done."
    )


class ComparisonStatus(Schema):
    id: int
    status: Literal["pending", "running", "done", "failed"]
    progress: int
    error: str
    url: str


class ComparisonPage(PageLinks):
    results: list[ComparisonOut]


class ShareLinkOut(Schema):
    id: int
    comparison: int
    state: Literal["active", "expired", "revoked"]
    url: str  # the read-only page anyone holding it may open
    created_at: dt.datetime
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None


JobStatus = Literal["pending", "running", "done", "failed", "stalled"]


class ImportJobOut(Schema):
    id: int
    name: str
    status: JobStatus = Field(description="stalled: its worker stopped; POST …/resume restarts it.")
    finished: bool
    total: int
    processed: int
    percent: int
    added: int
    new_versions: int
    duplicates: int
    rejected: int
    error: str
    url: str
    document: DocumentRef | None = Field(
        None, description="For a URL fetched by the worker: the document, once stored."
    )


def document_ref(request: HttpRequest, document: Document) -> DocumentRef:
    return DocumentRef(
        id=document.pk,
        title=document.title,
        kind=document.kind,
        outlet=document.outlet.name if document.outlet else None,
        published_on=document.published_on,
        url=api_url(request, "document_detail", document.pk),
        page=request.build_absolute_uri(document.get_absolute_url()),
    )


def version_out(version: DocumentVersion, current_id: int | None) -> dict[str, Any]:
    return {
        "number": version.number,
        "created_at": version.created_at,
        "source": version.source,
        "source_url": version.source_url,
        "content_type": version.content_type,
        "original_name": version.original_name,
        "size": version.size,
        "text_sha256": version.text_sha256,
        "is_current": version.pk == current_id,
    }


def document_out(request: HttpRequest, document: Document) -> DocumentOut:
    versions = document.versions.defer("original", "text", "display_html")
    return DocumentOut(
        **document_ref(request, document).dict(),
        author=document.author,
        source_url=document.url,
        published_at=document.published_at,
        language=document.language,
        archived=document.is_archived,
        created_at=document.created_at,
        text=document.text,
        versions=[VersionOut(**version_out(v, document.current_version_id)) for v in versions],
        sources=api_url(request, "document_sources", document.pk),
        comparisons=api_url(request, "document_comparisons", document.pk),
        annotations=api_url(request, "document_annotations", document.pk),
    )


def comparison_out(request: HttpRequest, comparison: Comparison) -> ComparisonOut:
    source, derivative = comparison.source_version, comparison.derivative_version
    return ComparisonOut(
        id=comparison.pk,
        status=comparison.status,  # type: ignore[arg-type]
        progress=comparison.progress,
        error=comparison.error,
        source=document_ref(request, source.document),
        derivative=document_ref(request, derivative.document),
        source_version=source.number,
        derivative_version=derivative.number,
        engine_version=comparison.engine_version,
        computed_at=comparison.computed_at,
        derivative_share=comparison.derivative_share,
        source_share=comparison.source_share,
        paraphrased_share=comparison.paraphrased_share,
        url=api_url(request, "comparison_detail", comparison.pk),
        status_url=api_url(request, "comparison_status", comparison.pk),
        page=request.build_absolute_uri(comparison.get_absolute_url()),
        result=comparison.result if comparison.is_done else None,
        findings=findings_out(comparison) if comparison.is_done else None,
    )


def findings_out(comparison: Comparison) -> list[FindingOut]:
    out = []
    for f in comparison.engine_result.findings:
        source_words, derived_words = claims.phrases(f)
        source_level, derived_level = claims.levels(f)
        out.append(
            FindingOut(
                type=f.type,
                severity=f.severity,
                message=f.message,
                reason=f.reason,
                source_span=list(f.source_span) if f.source_span else None,
                derivative_span=list(f.derivative_span) if f.derivative_span else None,
                source_words=source_words or None,
                derived_words=derived_words or None,
                source_level=source_level,  # type: ignore[arg-type]
                derived_level=derived_level,  # type: ignore[arg-type]
            )
        )
    return out


def share_link_out(request: HttpRequest, link: ShareLink) -> ShareLinkOut:
    return ShareLinkOut(
        id=link.pk,
        comparison=link.comparison_id,
        state=link.state,  # type: ignore[arg-type]
        url=request.build_absolute_uri(link.get_absolute_url()),
        created_at=link.created_at,
        expires_at=link.expires_at,
        revoked_at=link.revoked_at,
    )


def import_job_out(request: HttpRequest, job: ImportJob) -> ImportJobOut:
    return ImportJobOut(
        id=job.pk,
        name=job.name,
        status="stalled" if job.is_stalled else cast("JobStatus", job.status),
        finished=job.is_finished,
        total=job.total,
        processed=job.processed,
        percent=job.percent,
        added=job.added,
        new_versions=job.new_versions,
        duplicates=job.duplicates,
        rejected=job.rejected,
        error=job.error,
        url=api_url(request, "import_detail", job.pk),
        document=_fetched(request, job),
    )


def _fetched(request: HttpRequest, job: ImportJob) -> DocumentRef | None:
    """The document a one-item URL job stored (or found already held), if any yet."""
    if not job.fetches_url:
        return None
    item = job.items.select_related("document__outlet").filter(document__isnull=False).first()
    return document_ref(request, item.document) if item and item.document else None
