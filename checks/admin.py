"""Only the settings are in the admin: a check holds an article its owner alone may read."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from checks.models import CheckSettings


@admin.register(CheckSettings)
class CheckSettingsAdmin(admin.ModelAdmin[CheckSettings]):
    list_display = ("__str__", "retention_days", "token_hourly_limit")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not CheckSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: CheckSettings | None = None) -> bool:
        return False
