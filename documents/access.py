"""The one way any page, export or API path fetches a document or a version for a user.

Both getters go through `Document.objects.visible_to` (the rule lives in
`documents.models.visible_filter`): an archived document and its versions answer
404 to everyone but admins, so readers do not learn that they exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.shortcuts import get_object_or_404

from documents.models import Document, DocumentVersion, ImportJob
from provenance import roles

if TYPE_CHECKING:
    from provenance.roles import AnyUser


def get_document_for(user: AnyUser, pk: int) -> Document:
    """Return the document if this user may see it, else raise Http404."""
    documents = Document.objects.visible_to(user).select_related("outlet", "current_version")
    return get_object_or_404(documents, pk=pk)


def get_version_for(user: AnyUser, pk: int) -> DocumentVersion:
    """Return the version (with its document) if this user may see it, else raise Http404."""
    versions = DocumentVersion.objects.visible_to(user).select_related("document")
    return get_object_or_404(versions, pk=pk)


def get_numbered_version_for(user: AnyUser, document_pk: int, number: int) -> DocumentVersion:
    """Return version `number` of a document this user may see, else raise Http404."""
    versions = DocumentVersion.objects.visible_to(user).select_related("document")
    return get_object_or_404(versions, document_id=document_pk, number=number)


def get_import_job_for(user: AnyUser, pk: int) -> ImportJob:
    """Return the bulk import if this user may see it (an uploader), else raise Http404.

    The job page, its progress poll and the API's import status all come through here.
    """
    if not roles.can_upload(user):
        raise Http404("No such import.")  # the uploaders' business: others learn nothing
    return get_object_or_404(ImportJob, pk=pk)
