"""The writes made to documents and imports, each one action: actor in, audit entry inside.

Pages, the API, commands and the worker call these and nothing below them to write.
Each runs in its own durable transaction (`provenance.actions.action`), writes its
audit entry inside it when a person caused it, and leaves background work (indexing a
new version, running an import, fetching a URL) to `on_commit` hooks of the workflow
it calls. Slow reading (extracting a file, asking the index for near-duplicates) is
done before the transaction opens, so no write lock waits on it; fetching a URL is
not done in the caller at all but in the worker, as a one-item import job.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from audit.log import Action, record
from documents import bulk, curation, demo, duplicates, staging
from documents.errors import RejectedInput
from documents.fetch import check_url_form
from documents.ingest import (
    NearDuplicates,
    Outcome,
    Status,
    Submission,
    check_submission,
    ingest_document,
)
from documents.models import ImportJob
from documents.uploads import UploadResult, job_for_file, read_upload
from provenance.actions import acting, action

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.contrib.auth.models import User
    from django.http import HttpRequest

    from documents.metadata import Metadata
    from documents.models import Document, ImportItem


def _via(via: str) -> dict[str, str]:
    # Entries from the pages say nothing of where they came from, as they always have;
    # the API's say "via": "api".
    return {} if via == "page" else {"via": via}


def _for_version_of(meta: Metadata, version_of: Document | None) -> Metadata:
    # A new version belongs to its document's outlet, whose boilerplate we know.
    if version_of is not None and version_of.outlet is not None:
        return replace(meta, outlet=meta.outlet or version_of.outlet.name)
    return meta


def do_add_document(
    actor: User | None,
    request: HttpRequest | None,
    submission: Submission,
    meta: Metadata,
    *,
    version_of: Document | None = None,
    near_duplicates: NearDuplicates = NearDuplicates.ASK,
    via: str = "api",
) -> Outcome:
    """Read, check and store a document or a new version; audit what was stored.

    Raises RejectedInput for what cannot be read. Not for a URL: `do_fetch_url` leaves
    that to the worker. The submission is extracted and the index asked for
    near-duplicates before the transaction opens, so the write lock waits on neither.
    """
    if submission.fetch_url:
        raise ValueError("A URL is fetched by the worker: call do_fetch_url.")
    prepared = check_submission(submission, _for_version_of(meta, version_of))
    policy = near_duplicates
    # With no near-duplicate found here, ingest need not look again inside the
    # transaction; with one found (rarely) it decides, by the caller's policy, as always.
    if (
        version_of is None
        and policy != NearDuplicates.SEPARATE
        and duplicates.find_near_duplicate(prepared.text) is None
    ):
        policy = NearDuplicates.SEPARATE
    with acting():
        outcome = ingest_document(
            prepared, user=actor, version_of=version_of, near_duplicates=policy
        )
        if outcome.stored and outcome.document is not None:
            details: dict[str, Any] = _via(via)
            if outcome.version is not None:
                details["version"] = outcome.version.number
            record(request, Action.DOCUMENT_ADDED, outcome.document, actor=actor, details=details)
    return outcome


@action
def do_fetch_url(
    actor: User | None,
    request: HttpRequest | None,
    url: str,
    meta: Metadata,
    *,
    version_of: Document | None = None,
    near_duplicates: NearDuplicates = NearDuplicates.ASK,
    via: str = "api",
) -> ImportJob:
    """Queue a one-item job that fetches `url` in the worker and stores what it finds.

    The caller answers at once with the job; its page (or API resource) says when the
    document is there, or why the page could not be read. Raises RejectedInput for an
    address that cannot be fetched whatever the network says (a private IP, ftp://).
    """
    check_url_form(url)
    job = bulk.create_url_job(
        url,
        _for_version_of(meta, version_of),
        user=actor,
        version_of=version_of.pk if version_of is not None else None,
        near_duplicates=near_duplicates,
    )
    details = {"job": job.pk, **_via(via), "url": url[:500]}
    record(request, Action.DOCUMENTS_IMPORT, job, actor=actor, details=details)
    return job


@action
def do_start_import(
    actor: User | None,
    request: HttpRequest | None,
    name: str,
    data: bytes,
    defaults: Metadata,
    *,
    via: str = "api",
) -> ImportJob | None:
    """Start a bulk import if the file is a zip or a manifest (None if it is one document)."""
    job = job_for_file(name, data, defaults, user=actor)
    if job is not None:
        record(
            request, Action.DOCUMENTS_IMPORT, job, actor=actor, details={"job": job.pk, **_via(via)}
        )
    return job


@action
def do_import_files(
    actor: User | None,
    request: HttpRequest | None,
    files: list[tuple[str, bytes]],
    defaults: Metadata,
) -> ImportJob:
    """Import several uploaded files as one job."""
    name = f"{len(files)} files"
    job = bulk.create_job(name, bulk.bundle_files(files), bulk.ZIP, defaults, user=actor)
    record(request, Action.DOCUMENTS_IMPORT, job, actor=actor, details={"job": job.pk})
    return job


def do_upload(
    actor: User,
    request: HttpRequest | None,
    cleaned: dict[str, Any],
    *,
    version_of: Document | None = None,
) -> UploadResult:
    """What the upload page does with its form: one document, a bulk job, or a URL job.

    Nothing is stored while the admin still has a question to answer (which encoding,
    whether a near-duplicate is a version); the file waits in staging meanwhile.
    """
    upload = read_upload(cleaned)
    if version_of is None and len(upload.files) > 1:
        return UploadResult(job=do_import_files(actor, request, upload.files, upload.defaults))
    if version_of is None and len(upload.files) == 1:
        name, data = upload.files[0]
        if job := do_start_import(actor, request, name, data, upload.defaults, via="page"):
            return UploadResult(job=job)
    policy = NearDuplicates(cleaned.get("near_duplicate") or NearDuplicates.ASK)
    try:
        if upload.fetch_url and not upload.has_content:
            job = do_fetch_url(
                actor,
                request,
                upload.fetch_url,
                upload.meta,
                version_of=version_of,
                near_duplicates=policy,
                via="page",
            )
            return UploadResult(job=job)
        submission, staged, choices = upload.submission()
        if choices:
            return UploadResult(staged=staged, encodings=choices)
        outcome = do_add_document(
            actor,
            request,
            submission,
            upload.meta,
            version_of=version_of,
            near_duplicates=policy,
            via="page",
        )
    except RejectedInput as exc:
        return UploadResult(outcome=Outcome(Status.REJECTED, reason=exc.message))
    if outcome.status == Status.NEAR_DUPLICATE and submission.data is not None and not staged:
        staged = staging.stage(submission.data, submission.filename)
    return UploadResult(outcome=outcome, staged=staged)


@action
def do_edit_document(
    actor: User, request: HttpRequest | None, document: Document, cleaned: dict[str, Any]
) -> list[str]:
    """Apply edited metadata, audited with the changed fields; return their names."""
    return curation.edit_document(document, cleaned, request, actor=actor)


@action
def do_archive_document(actor: User, request: HttpRequest | None, document: Document) -> bool:
    """Hide a document from lists; False (and no entry) if it already was."""
    return curation.archive_document(document, request, actor=actor)


@action
def do_unarchive_document(actor: User, request: HttpRequest | None, document: Document) -> bool:
    """Bring an archived document back to the lists; False if it was not archived."""
    return curation.unarchive_document(document, request, actor=actor)


@action
def do_resume_import(actor: User, request: HttpRequest | None, job: ImportJob) -> bool:
    """Queue again an import whose worker stopped; False if it was not stalled (a no-op)."""
    if not bulk.resume(type(job).objects.filter(pk=job.pk))["imports"]:
        return False
    record(request, Action.IMPORT_RESUMED, job, actor=actor, details={"job": job.pk})
    return True


@action
def do_resume_stopped_imports() -> dict[str, int]:
    """The worker's start-up sweep: queue again every import whose worker died (no actor)."""
    return bulk.resume()


@action
def do_start_command_import(name: str) -> ImportJob:
    """Record an import the import_documents command runs itself (its items are on disk)."""
    return ImportJob.objects.create(name=name[:255], options={"command": True})


def do_import_items(
    job: ImportJob,
    items: list[bulk.Item],
    *,
    on_item: Callable[[ImportItem], None] | None = None,
    near_duplicates: NearDuplicates = NearDuplicates.VERSION,
) -> ImportJob:
    """Import the command's items, each in its own action, so a stopped run resumes.

    Not one transaction on purpose: an item is ingested and marked done together, and
    the items before a failure stay imported (`bulk.run_items`).
    """
    return bulk.run_items(job, items, on_item=on_item, near_duplicates=near_duplicates)


@action
def do_load_demo() -> dict[str, Outcome]:
    """Bring in the five seed documents (the load_demo command); those held add nothing."""
    return demo.load_demo()
