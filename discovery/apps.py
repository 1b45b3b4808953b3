from __future__ import annotations

from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "discovery"
    verbose_name = "Source discovery"

    def ready(self) -> None:
        from django.db.models.signals import pre_delete

        from discovery.actions import do_resume_discovery
        from discovery.near_duplicates import answer_lookup
        from discovery.work import on_version_created, on_version_deleted
        from documents.models import DocumentVersion
        from documents.signals import near_duplicate_lookup, version_created
        from provenance.jobs import register_resumer

        register_resumer("discovery", do_resume_discovery)

        version_created.connect(on_version_created, dispatch_uid="discovery.index_new_version")
        near_duplicate_lookup.connect(answer_lookup, dispatch_uid="discovery.near_duplicates")
        pre_delete.connect(
            on_version_deleted, sender=DocumentVersion, dispatch_uid="discovery.drop_postings"
        )
