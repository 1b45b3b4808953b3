from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from discovery.models import Candidate, IndexState, SourceRelation


@admin.register(IndexState)
class IndexStateAdmin(admin.ModelAdmin[IndexState]):
    list_display = ("version", "index_status", "discovery_status", "attempts", "updated_at")
    list_filter = ("index_status", "discovery_status")
    search_fields = ("version__document__title", "error")
    raw_id_fields = ("version",)
    readonly_fields = ("fingerprints", "params", "indexed_at", "discovered_at", "updated_at")


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin[Candidate]):
    list_display = ("source_version", "derivative_version", "shared", "reuse_share", "comparison")
    raw_id_fields = ("source_version", "derivative_version", "comparison")


@admin.register(SourceRelation)
class SourceRelationAdmin(admin.ModelAdmin[SourceRelation]):
    """Read-only: roles are decided by discovery (`discovery.lineage`), not edited by hand."""

    list_display = ("article", "other", "role", "direct", "weak", "decided_at", "changed_at")
    list_filter = ("role", "weak", "direct")
    search_fields = ("article__title", "other__title", "reason")
    raw_id_fields = ("article", "other", "comparison", "via")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: SourceRelation | None = None
    ) -> bool:
        return False
