"""Annotations on document versions: labels, the annotations, their replies and history.

An annotation is anchored to one DocumentVersion's `text` with W3C Web
Annotation selectors stored as fields (start/end for the TextPositionSelector,
exact/prefix/suffix for the TextQuoteSelector). The comparison it was made on
is kept for context only: an annotation shows on every comparison that uses its
version, and moves to a document's new version (see `workflow.reanchor_annotations`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from documents.models import visible_filter

if TYPE_CHECKING:
    from comparisons.models import Comparison
    from documents.models import Document, DocumentVersion
    from provenance.roles import AnyUser

DOCUMENT = "document_version__document__"
# How many characters of an annotation's words a list or a title quotes before "…".
SHORT_EXACT_MAX = 80


class LabelQuerySet(models.QuerySet["Label"]):
    def active(self) -> LabelQuerySet:
        """Labels moderators may pick for a new annotation (retired ones stay on old ones)."""
        return self.filter(retired_at__isnull=True)


class Label(models.Model):
    """One term of the annotation taxonomy ("altered quotation", "changed figure" …)."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = LabelQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class AnnotationQuerySet(models.QuerySet["Annotation"]):
    def visible_to(self, user: AnyUser) -> AnnotationQuerySet:
        """Annotations this user may see: those on documents visible to them."""
        return self.filter(visible_filter(user, DOCUMENT))

    def anchored(self) -> AnnotationQuerySet:
        return self.filter(anchor_state=Annotation.Anchor.ANCHORED)

    def orphaned(self) -> AnnotationQuerySet:
        """Annotations that lost their place in a new version and still need a moderator."""
        return self.filter(anchor_state=Annotation.Anchor.ORPHANED).exclude(
            status=Annotation.Status.DISMISSED
        )

    def confirmed(self) -> AnnotationQuerySet:
        return self.filter(status=Annotation.Status.CONFIRMED)

    def public(self) -> AnnotationQuerySet:
        return self.filter(public=True)

    def on_version(self, version: DocumentVersion) -> AnnotationQuerySet:
        return self.filter(document_version=version)

    def on_document(self, document: Document) -> AnnotationQuerySet:
        return self.filter(document_version__document=document)

    def for_comparison(self, comparison: Comparison) -> AnnotationQuerySet:
        """Anchored annotations on either text of a comparison, source first."""
        return (
            self.anchored()
            .filter(
                document_version__in=[
                    comparison.source_version_id,
                    comparison.derivative_version_id,
                ]
            )
            .order_by("document_version_id", "start", "pk")
        )

    def public_for(self, comparison: Comparison) -> AnnotationQuerySet:
        """What a share link shows: confirmed, public annotations on the comparison's texts."""
        return self.for_comparison(comparison).confirmed().public()

    def with_related(self) -> AnnotationQuerySet:
        return self.select_related(
            "label",
            "created_by",
            "reviewed_by",
            "document_version__document__outlet",
        )


class Annotation(models.Model):
    """A moderator's label and note on a span of one document version's text."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CONFIRMED = "confirmed", "Confirmed"
        DISMISSED = "dismissed", "Dismissed"

    class Anchor(models.TextChoices):
        ANCHORED = "anchored", "Anchored"
        ORPHANED = "orphaned", "Orphaned"

    # The anchor target. While orphaned it stays on the last version it was placed in.
    document_version = models.ForeignKey(
        "documents.DocumentVersion", on_delete=models.PROTECT, related_name="annotations"
    )
    comparison = models.ForeignKey(
        "comparisons.Comparison",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="annotations",
        help_text="The comparison it was made on, for context.",
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    exact = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    passage_index = models.PositiveIntegerField(null=True, blank=True)
    finding_index = models.PositiveIntegerField(null=True, blank=True)
    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="annotations")
    note = models.TextField(blank=True, help_text="Markdown.")
    public = models.BooleanField(default=False, help_text="Shown on share links once confirmed.")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    anchor_state = models.CharField(
        max_length=10, choices=Anchor.choices, default=Anchor.ANCHORED, db_index=True
    )
    # The version the annotation could not be placed in, so a moderator can re-attach it there.
    orphaned_on = models.ForeignKey(
        "documents.DocumentVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orphaned_annotations",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="annotations",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Optimistic concurrency: every edit is based on a revision and bumps it.
    revision = models.PositiveIntegerField(default=1)
    # The JSON-LD id it was imported from, so importing the same file twice adds nothing.
    external_id = models.CharField(max_length=500, blank=True, db_index=True)
    # Who wrote and reviewed an imported annotation elsewhere: credit as text, never as the
    # author or reviewer here (an import file can name anyone).
    attribution = models.TextField(blank=True)

    objects = AnnotationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="annotation_span_not_empty"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: “{self.short_exact}”"

    def get_absolute_url(self) -> str:
        return reverse("annotations:detail", args=[self.pk])

    @property
    def short_exact(self) -> str:
        """The quoted words, cut at a word boundary when long (a single long word is cut)."""
        words = " ".join(self.exact.split())
        if len(words) <= SHORT_EXACT_MAX:
            return words
        cut = words[: SHORT_EXACT_MAX - 1]
        space = cut.rfind(" ")
        if space >= SHORT_EXACT_MAX // 2:
            cut = cut[:space]
        return cut.rstrip(" ,;:.—–-") + "…"

    @property
    def is_orphaned(self) -> bool:
        return self.anchor_state == self.Anchor.ORPHANED

    def snapshot(self) -> dict[str, Any]:
        """The fields history records changes of, as JSON-safe values."""
        return {
            "label": self.label.name if self.label_id else None,
            "note": self.note,
            "public": self.public,
            "status": self.status,
            "version": self.document_version_id,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "anchor_state": self.anchor_state,
        }


class Reply(models.Model):
    """A message in an annotation's discussion; `parent` makes threads."""

    annotation = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="replies")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(help_text="Markdown.")
    created_at = models.DateTimeField(default=timezone.now)
    # For an imported reply: who wrote it elsewhere (see Annotation.attribution).
    attribution = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply {self.pk} on annotation {self.annotation_id}"


class AnnotationEvent(models.Model):
    """One entry of an annotation's history: who did what, when, and what changed."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        EDITED = "edited", "Edited"
        STATUS = "status", "Changed status"
        REANCHORED = "reanchored", "Moved to a new version"
        ORPHANED = "orphaned", "Could not be placed in a new version"
        REATTACHED = "reattached", "Re-attached"
        IMPORTED = "imported", "Imported"

    annotation = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=12, choices=Action.choices)
    # {"field": [old, new], …}, plus notes such as {"method": "fuzzy"} for re-anchoring.
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.annotation_id})"
