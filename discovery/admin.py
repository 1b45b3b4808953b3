from __future__ import annotations

from django.contrib import admin

from discovery.models import Candidate, IndexState


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
