from __future__ import annotations

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Documents"

    def ready(self) -> None:
        from documents.actions import do_resume_stopped_imports
        from provenance.jobs import register_resumer

        register_resumer("imports", do_resume_stopped_imports)
