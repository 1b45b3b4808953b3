from __future__ import annotations

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Documents"

    def ready(self) -> None:
        from documents import bulk
        from provenance.jobs import register_resumer

        register_resumer("imports", bulk.resume)
