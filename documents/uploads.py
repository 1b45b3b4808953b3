"""What the upload form does with what it was given: one document, or a bulk job."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from documents import bulk, staging
from documents.errors import RejectedInput
from documents.extract import ZIP, EncodingChoice, encoding_choices, sniff
from documents.ingest import NearDuplicates, Outcome, Status, Submission, ingest
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion, ImportJob

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@dataclass(frozen=True)
class UploadResult:
    outcome: Outcome | None = None
    job: ImportJob | None = None
    staged: str = ""  # token for the file, when the admin must answer a question first
    # The readings of a text file whose encoding detection could not tell: nothing is
    # stored until the admin picks one.
    encodings: list[EncodingChoice] = field(default_factory=list)


def receive_upload(
    cleaned: dict[str, Any], *, user: User, version_of: Document | None = None
) -> UploadResult:
    """Ingest the upload form's contents: text, one file, a URL, or a bulk import."""
    meta = Metadata(
        kind=cleaned.get("kind", ""),
        title=cleaned.get("title", ""),
        outlet=cleaned.get("outlet", ""),
        author=cleaned.get("author", ""),
        url=cleaned.get("url", ""),
        published=cleaned.get("published", ""),
        language=cleaned.get("language", ""),
    )
    files = [(upload.name or "", upload.read()) for upload in cleaned.get("files", [])]
    if version_of is None and (job := _bulk_job(files, meta, user)):
        return UploadResult(job=job)
    policy = NearDuplicates(cleaned.get("near_duplicate") or NearDuplicates.ASK)
    staged = cleaned.get("staged", "")
    try:
        submission = _submission(cleaned, files, staged)
        if submission.data is not None and (choices := _unsure(submission, cleaned)):
            staged = staged or staging.stage(submission.data, submission.filename)
            return UploadResult(staged=staged, encodings=choices)
    except RejectedInput as exc:
        return UploadResult(outcome=Outcome(Status.REJECTED, reason=exc.message))
    outcome = ingest(submission, meta, user=user, version_of=version_of, near_duplicates=policy)
    if outcome.status == Status.NEAR_DUPLICATE and submission.data is not None and not staged:
        staged = staging.stage(submission.data, submission.filename)
    return UploadResult(outcome=outcome, staged=staged)


def _unsure(submission: Submission, cleaned: dict[str, Any]) -> list[EncodingChoice]:
    """The encodings to offer for an unsure text file not yet decided; a bad pick is refused."""
    assert submission.data is not None
    choices = encoding_choices(submission.data, submission.filename)
    if not choices:
        return []
    picked = cleaned.get("encoding", "")
    if not picked:
        return choices
    if picked not in {choice.encoding for choice in choices}:
        raise RejectedInput("Pick one of the encodings offered for this file.")
    return []


def _submission(cleaned: dict[str, Any], files: list[tuple[str, bytes]], staged: str) -> Submission:
    if cleaned.get("text", "").strip():
        return Submission(text=cleaned["text"], source=DocumentVersion.Source.PASTE)
    encoding = cleaned.get("encoding", "")
    if staged:
        data, name = staging.unstage(staged)
        return Submission(
            data=data, filename=name, source=DocumentVersion.Source.FILE, encoding=encoding
        )
    if files:
        name, data = files[0]
        return Submission(
            data=data, filename=name, source=DocumentVersion.Source.FILE, encoding=encoding
        )
    return Submission(fetch_url=cleaned["url"], source=DocumentVersion.Source.URL)


def _bulk_job(files: list[tuple[str, bytes]], meta: Metadata, user: User) -> ImportJob | None:
    """Several files, an archive or a manifest become a job; a single document does not."""
    # Bulk items take their own titles and URLs; only kind, outlet and the like apply to all.
    defaults = Metadata(
        kind=meta.kind, outlet=meta.outlet, author=meta.author, language=meta.language
    )
    if len(files) > 1:
        name = f"{len(files)} files"
        return bulk.create_job(name, bulk.bundle_files(files), bulk.ZIP, defaults, user=user)
    if len(files) == 1:
        name, data = files[0]
        return job_for_file(name, data, defaults, user=user)
    return None


def job_for_file(name: str, data: bytes, defaults: Metadata, *, user: User) -> ImportJob | None:
    """Start a bulk import if the file is a manifest or a zip; None for a single document."""
    kind = bulk.payload_type(name)
    if kind in {bulk.CSV, bulk.JSONL}:
        return bulk.create_job(name, data, kind, defaults, user=user)
    try:
        is_zip = sniff(data, name) == ZIP
    except RejectedInput:
        is_zip = False
    if is_zip:
        return bulk.create_job(name, data, bulk.ZIP, defaults, user=user)
    return None
