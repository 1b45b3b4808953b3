from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from documents.models import Document, DocumentVersion, ImportItem, ImportJob, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin[Outlet]):
    list_display = ["name", "url", "created_at"]
    search_fields = ["name"]


class VersionInline(admin.TabularInline[DocumentVersion, Document]):
    model = DocumentVersion
    fk_name = "document"
    # Tuples, not lists: a list[str] is not the list of field groups `fields` is typed as.
    readonly_fields = (
        "number",
        "content_type",
        "size",
        "sha256",
        "source",
        "created_by",
        "created_at",
    )
    fields = readonly_fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin[Document]):
    list_display = ["title", "kind", "outlet", "published_on", "archived_at"]
    list_filter = ["kind", "outlet", ("archived_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "author", "url"]
    date_hierarchy = "published_on"
    raw_id_fields = ["current_version"]
    readonly_fields = ["created_by", "created_at"]
    inlines = [VersionInline]


@admin.register(DocumentVersion)
class DocumentVersionAdmin(admin.ModelAdmin[DocumentVersion]):
    """Versions are immutable: viewable here, never edited (the upload page adds them)."""

    list_display = ["document", "number", "content_type", "size", "source", "created_at"]
    list_filter = ["source", "content_type"]
    search_fields = ["document__title", "sha256"]
    exclude = ["original"]

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [f.name for f in DocumentVersion._meta.fields if f.name != "original"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class ImportItemInline(admin.TabularInline[ImportItem, ImportJob]):
    model = ImportItem
    readonly_fields = ("position", "name", "outcome", "reason", "document")
    fields = readonly_fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin[ImportJob]):
    list_display = ["name", "status", "total", "processed", "added", "rejected", "created_at"]
    list_filter = ["status"]
    readonly_fields = [
        "name", "status", "options", "total", "processed", "added", "new_versions",
        "duplicates", "rejected", "error", "created_by", "created_at", "queued_at", "started_at",
        "heartbeat_at", "finished_at", "attempts",
    ]  # fmt: skip
    inlines = [ImportItemInline]


@admin.register(ImportItem)
class ImportItemAdmin(admin.ModelAdmin[ImportItem]):
    list_display = ["job", "position", "name", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["name", "reason"]
    readonly_fields = ["job", "position", "name", "outcome", "reason", "document", "version"]
