from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    # The database cache (the default, see settings.CACHES) needs its table; making it
    # here means every `migrate` (scripts/serve, run-demo, restore, the test database)
    # leaves one behind, and it is a no-op once the table exists or for other caches.
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "JSON API"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save, pre_save

        from api import signals

        post_migrate.connect(_create_cache_table, sender=self)
        user_model = get_user_model()
        pre_save.connect(signals.note_credential_change, sender=user_model)
        post_save.connect(signals.revoke_after_change, sender=user_model)
