from __future__ import annotations

from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = "Comparisons"

    def ready(self) -> None:
        from comparisons.actions import do_resume_comparisons
        from provenance.jobs import register_resumer

        register_resumer("comparisons", do_resume_comparisons)
