"""Reading what the upload form was given: one document, a URL, or a bulk job's files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from documents import bulk, staging
from documents.errors import RejectedInput
from documents.extract import ZIP, EncodingChoice, encoding_choices, sniff
from documents.ingest import Outcome, Submission
from documents.metadata import Metadata
from documents.models import DocumentVersion, ImportJob

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


@dataclass(frozen=True)
class Upload:
    """The upload form's contents, read but not yet acted on (`documents.actions.do_upload`)."""

    cleaned: dict[str, Any]
    meta: Metadata
    files: list[tuple[str, bytes]]

    @property
    def defaults(self) -> Metadata:
        # Bulk items take their own titles and URLs; only kind, outlet and the like apply to all.
        meta = self.meta
        return Metadata(
            kind=meta.kind, outlet=meta.outlet, author=meta.author, language=meta.language
        )

    @property
    def fetch_url(self) -> str:
        return str(self.cleaned.get("url", "") or "")

    @property
    def has_content(self) -> bool:
        """Text, a file or a staged file was given: the URL, if any, is only metadata."""
        return bool(
            self.cleaned.get("text", "").strip() or self.files or self.cleaned.get("staged")
        )

    def submission(self) -> tuple[Submission, str, list[EncodingChoice]]:
        """The one document to store, its staging token, and encodings still to pick.

        Raises RejectedInput for an encoding picked that was not offered. An unsure
        file is staged so the admin's answer need not upload it again.
        """
        staged = self.cleaned.get("staged", "")
        submission = _submission(self.cleaned, self.files, staged)
        if submission.data is not None and (choices := _unsure(submission, self.cleaned)):
            staged = staged or staging.stage(submission.data, submission.filename)
            return submission, staged, choices
        return submission, staged, []


def read_upload(cleaned: dict[str, Any]) -> Upload:
    """Read the upload form's files and metadata; nothing is stored."""
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
    return Upload(cleaned, meta, files)


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


def job_for_file(
    name: str, data: bytes, defaults: Metadata, *, user: User | None
) -> ImportJob | None:
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
