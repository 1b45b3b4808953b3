from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ProvenanceConfig(AppConfig):
    name = "provenance"
    verbose_name = "Provenance"

    def ready(self) -> None:
        from provenance import write_guard
        from provenance.roles import sync_role_permissions

        write_guard.install()

        # After every migrate, so permissions of models added later reach the groups.
        post_migrate.connect(sync_role_permissions, dispatch_uid="provenance-role-permissions")
