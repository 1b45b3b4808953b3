from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from annotations.models import Annotation, AnnotationEvent, Label, Reply


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin[Label]):
    list_display = ["name", "slug", "retired_at"]
    prepopulated_fields = {"slug": ["name"]}


class ReplyInline(admin.TabularInline[Reply, Annotation]):
    model = Reply
    extra = 0
    raw_id_fields = ["parent", "author"]


class EventInline(admin.TabularInline[AnnotationEvent, Annotation]):
    model = AnnotationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "actor", "action", "changes"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # history is written by the workflow only


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin[Annotation]):
    list_display = [
        "pk",
        "label",
        "short_exact",
        "status",
        "anchor_state",
        "created_by",
        "created_at",
    ]
    list_filter = ["status", "anchor_state", "label", "public"]
    search_fields = ["exact", "note"]
    raw_id_fields = ["document_version", "comparison", "orphaned_on"]
    # Edits here bypass the revision check and history, so the admin site is read-mostly.
    readonly_fields = [
        "document_version", "start", "end", "exact", "prefix", "suffix", "status",
        "reviewed_by", "reviewed_at", "anchor_state", "orphaned_on", "created_by",
        "created_at", "updated_at", "revision", "external_id",
    ]  # fmt: skip
    inlines = [ReplyInline, EventInline]
