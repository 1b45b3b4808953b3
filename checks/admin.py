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

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> CheckSettings | None:
        # Reading the settings never writes, so the row exists only once edited: until
        # then the one row's page shows the defaults, and saving it makes the row.
        found = super().get_object(request, object_id, from_field)
        if found is None and str(object_id) == "1" and from_field is None:
            return CheckSettings.load()
        return found

    def has_delete_permission(self, request: HttpRequest, obj: CheckSettings | None = None) -> bool:
        return False
