"""The one way a view fetches a document for the signed-in user."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from documents.models import Document
from provenance import roles


def get_document_for(request: HttpRequest, pk: int) -> Document:
    """Return the document if this user may see it: archived ones only for admins.

    Readers get 404 for an archived document, so they do not learn that it exists.
    """
    document = get_object_or_404(
        Document.objects.select_related("outlet", "current_version"), pk=pk
    )
    if document.is_archived and not roles.can_upload(request.user):
        raise Http404("No such document.")
    return document
