"""Admins' changes to a document's record: edit its metadata, archive it, bring it back.

Each change writes its audit entry in the same transaction; `request` (when the
change comes from a page) names who made it and from where.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.log import Action, record
from documents.models import Document, Outlet


def _shown(value: Any) -> Any:
    return value if value is None or isinstance(value, bool | int | float | str) else str(value)


def edit_document(
    document: Document,
    cleaned: dict[str, Any],
    request: HttpRequest | None = None,
    *,
    actor: Any = None,
) -> list[str]:
    """Apply edited metadata; return the names of the fields that changed.

    `document` may already carry the form's values (ModelForm validation sets them),
    so the comparison is with the stored row.
    """
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        changed = [
            name
            for name in (
                "kind",
                "title",
                "author",
                "url",
                "published_on",
                "published_at",
                "language",
            )
            if getattr(document, name) != cleaned[name]
        ]
        before = {name: _shown(getattr(document, name)) for name in changed}
        for name in changed:
            setattr(document, name, cleaned[name])
        outlet_name = cleaned.get("outlet_name", "").strip()
        outlet = None
        if outlet_name:
            outlet = Outlet.objects.filter(name__iexact=outlet_name).first() or (
                Outlet.objects.create(name=outlet_name)
            )
        if outlet != document.outlet:
            before["outlet"] = _shown(document.outlet)
            document.outlet = outlet
            changed.append("outlet")
        if changed:
            document.save(update_fields=changed)
            diff = {name: [before[name], _shown(getattr(document, name))] for name in changed}
            record(request, Action.DOCUMENT_EDITED, document, actor=actor, details=diff)
        return changed


def archive_document(
    document: Document, request: HttpRequest | None = None, *, actor: Any = None
) -> bool:
    """Hide a document from lists; its versions stay. Return False if it already was."""
    if document.archived_at is not None:
        return False
    with transaction.atomic():
        document.archived_at = timezone.now()
        document.save(update_fields=["archived_at"])
        record(request, Action.DOCUMENT_ARCHIVED, document, actor=actor)
    return True


def unarchive_document(
    document: Document, request: HttpRequest | None = None, *, actor: Any = None
) -> bool:
    if document.archived_at is None:
        return False
    with transaction.atomic():
        document.archived_at = None
        document.save(update_fields=["archived_at"])
        record(request, Action.DOCUMENT_UNARCHIVED, document, actor=actor)
    return True
