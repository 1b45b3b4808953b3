"""The writes the API makes, each one action: actor in, audit entry inside its transaction.

Each `do_…` takes the actor, runs in `transaction.atomic(durable=True)` (it is the
outermost transaction: nothing half-done can be committed by a caller), writes its audit
entry inside, and leaves background work to the `on_commit` hooks of the workflow it
calls (indexing a new version, running an import). Slow reading (fetching a URL,
extracting a PDF) is done before the transaction opens, so no write lock waits on it.
They are written to move as they are into the apps' `actions.py` modules.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from django.db import transaction

from api import tokens
from api.models import ApiToken
from audit.log import Action, record
from documents import curation, duplicates
from documents.ingest import NearDuplicates, Outcome, Submission, check_submission, ingest_document
from documents.uploads import job_for_file

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest

    from documents.metadata import Metadata
    from documents.models import Document, ImportJob


def do_add_document(
    actor: User,
    request: HttpRequest | None,
    submission: Submission,
    meta: Metadata,
    *,
    version_of: Document | None = None,
    near_duplicates: NearDuplicates = NearDuplicates.ASK,
) -> Outcome:
    """Read, check and store a document or a new version; audit what was stored.

    Raises RejectedInput for what cannot be read. The submission is read (a URL fetched,
    a file extracted) and the index asked for near-duplicates before the transaction
    opens, so the write lock waits on neither.
    """
    if version_of is not None and version_of.outlet is not None:
        # A new version belongs to its document's outlet, whose boilerplate we know.
        meta = replace(meta, outlet=meta.outlet or version_of.outlet.name)
    prepared = check_submission(submission, meta)
    policy = near_duplicates
    # Look for a near-duplicate here, before the write lock is taken (it reads the
    # index). With none found, ingest need not look again inside the transaction; with
    # one found (rarely) it decides, by the client's policy, as always.
    if (
        version_of is None
        and policy != NearDuplicates.SEPARATE
        and duplicates.find_near_duplicate(prepared.text) is None
    ):
        policy = NearDuplicates.SEPARATE
    with transaction.atomic(durable=True):
        outcome = ingest_document(
            prepared, user=actor, version_of=version_of, near_duplicates=policy
        )
        if outcome.stored and outcome.document is not None:
            details: dict[str, Any] = {"via": "api"}
            if outcome.version is not None:
                details["version"] = outcome.version.number
            record(request, Action.DOCUMENT_ADDED, outcome.document, actor=actor, details=details)
    return outcome


def do_start_import(
    actor: User, request: HttpRequest | None, name: str, data: bytes, defaults: Metadata
) -> ImportJob | None:
    """Start a bulk import if the file is a zip or a manifest (None if it is one document)."""
    with transaction.atomic(durable=True):
        job = job_for_file(name, data, defaults, user=actor)
        if job is not None:
            record(
                request,
                Action.DOCUMENTS_IMPORT,
                job,
                actor=actor,
                details={"job": job.pk, "via": "api"},
            )
    return job


def do_archive_document(actor: User, request: HttpRequest, document: Document) -> bool:
    """Hide a document from lists; audited with `actor` (the request's user)."""
    request.user = actor
    with transaction.atomic(durable=True):
        return curation.archive_document(document, request)


def do_unarchive_document(actor: User, request: HttpRequest, document: Document) -> bool:
    request.user = actor
    with transaction.atomic(durable=True):
        return curation.unarchive_document(document, request)


def do_create_token(
    actor: User,
    request: HttpRequest | None,
    name: str,
    *,
    days: int = tokens.DEFAULT_DAYS,
    scope: str = ApiToken.Scope.WRITE,
) -> tuple[ApiToken, str]:
    """Make a token for `actor`; return it and its secret (shown once)."""
    with transaction.atomic(durable=True):
        token, raw = tokens.create_token(actor, name, days=days, scope=scope)
        details = {"scope": token.scope, "expires_at": str(token.expires_at)}
        record(request, Action.API_TOKEN_CREATED, token, actor=actor, details=details)
    return token, raw


def do_revoke_token(actor: User, request: HttpRequest | None, token: ApiToken) -> bool:
    """Revoke one of `actor`'s tokens; False (and no entry) if it already was."""
    with transaction.atomic(durable=True):
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if not tokens.revoke(token):
            return False
        record(request, Action.API_TOKEN_REVOKED, token, actor=actor)
    return True
