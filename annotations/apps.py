from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

# The taxonomy a fresh install starts with (also created by migration 0002).
DEFAULT_LABELS = [
    ("verbatim-reuse", "Verbatim reuse", "Copied word for word from the source."),
    ("altered-quotation", "Altered quotation", "A quotation whose words were changed."),
    ("misattributed-quotation", "Misattributed quotation", "Words put in someone else's mouth."),
    ("trimmed-context", "Trimmed context", "A caveat or context left out of a copied passage."),
    ("changed-figure", "Changed figure", "A number or figure that differs from the source."),
    ("added-material", "Added material", "Text the derivative adds to the source."),
    ("missing-attribution", "Missing attribution", "Reused material with no credit to the source."),
    ("other", "Other", "Anything else worth a note."),
]


def ensure_default_labels(**_kwargs: Any) -> None:
    """Put the default labels back into an emptied table (a flush, as in transactional tests).

    Only when there are no labels at all, so a label an admin deleted stays deleted.
    """
    from annotations.models import Label

    if not Label.objects.exists():
        Label.objects.bulk_create(
            Label(slug=slug, name=name, description=description)
            for slug, name, description in DEFAULT_LABELS
        )


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = "Annotations"

    def ready(self) -> None:
        from annotations.actions import on_version_created
        from documents.signals import version_created

        # Documents sends this after the new version commits; annotations follow the text.
        version_created.connect(on_version_created, dispatch_uid="annotations.reanchor")
        post_migrate.connect(ensure_default_labels, sender=self, dispatch_uid="annotations.labels")
