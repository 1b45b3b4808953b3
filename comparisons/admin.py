from __future__ import annotations

from django.contrib import admin

from comparisons.models import Comparison, ShareLink


@admin.register(Comparison)
class ComparisonAdmin(admin.ModelAdmin[Comparison]):
    list_display = (
        "id",
        "source_version",
        "derivative_version",
        "status",
        "engine_version",
        "derivative_share",
        "source_share",
        "origin",
        "computed_at",
    )
    list_filter = ("status", "origin", "engine_version")
    list_select_related = ("source_version__document", "derivative_version__document")
    raw_id_fields = ("source_version", "derivative_version", "created_by")
    # The result is the engine's output: look, don't edit.
    readonly_fields = (
        "result",
        "engine_version",
        "computed_at",
        "started_at",
        "derivative_share",
        "source_share",
        "paraphrased_share",
        "progress",
    )


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin[ShareLink]):
    list_display = ("id", "comparison", "created_by", "created_at", "expires_at", "revoked_at")
    list_select_related = (
        "comparison__source_version__document",
        "comparison__derivative_version__document",
        "created_by",
    )
    raw_id_fields = ("comparison", "created_by")
    readonly_fields = ("token",)
