"""Admins' changes to a document's record: edit its metadata, archive it, bring it back."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from documents.models import Document, Outlet


def edit_document(document: Document, cleaned: dict[str, Any]) -> list[str]:
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
        for name in changed:
            setattr(document, name, cleaned[name])
        outlet_name = cleaned.get("outlet_name", "").strip()
        outlet = None
        if outlet_name:
            outlet = Outlet.objects.filter(name__iexact=outlet_name).first() or (
                Outlet.objects.create(name=outlet_name)
            )
        if outlet != document.outlet:
            document.outlet = outlet
            changed.append("outlet")
        if changed:
            document.save(update_fields=changed)
        return changed


def archive_document(document: Document) -> bool:
    """Hide a document from lists; its versions stay. Return False if it already was."""
    if document.archived_at is not None:
        return False
    document.archived_at = timezone.now()
    document.save(update_fields=["archived_at"])
    return True


def unarchive_document(document: Document) -> bool:
    if document.archived_at is None:
        return False
    document.archived_at = None
    document.save(update_fields=["archived_at"])
    return True
