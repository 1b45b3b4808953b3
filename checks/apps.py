from __future__ import annotations

from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "checks"
    verbose_name = "Article checks"

    def ready(self) -> None:
        from checks.actions import do_resume_checks
        from provenance.jobs import register_resumer

        register_resumer("checks", do_resume_checks)
