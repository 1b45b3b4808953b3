"""Documents, their outlets and their immutable versions; bulk import jobs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from provenance import roles
from provenance.engine import ENGINE_VERSION
from provenance.jobs import Job, beat_is_older_than, stale_after

if TYPE_CHECKING:
    from provenance.roles import AnyUser


class Outlet(models.Model):
    """Who published a document: a newsroom, an MP's office, a government site."""

    name = models.CharField(max_length=200, unique=True)
    url = models.URLField(blank=True, max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def visible_filter(user: AnyUser, through: str = "") -> Q:
    """The visibility rule, as a filter on documents reached through `through`.

    `through` is the lookup path from the queried model to its document, ending in
    "__" ("document_version__document__"), so comparisons, annotations and share
    links apply this same rule. Users without a role see nothing; archived documents,
    and everything that hangs off them, only admins see.
    """
    if not roles.has_any_role(user):
        return Q(pk__in=[])
    if roles.can_see_archived(user):
        return Q()
    return not_archived(through)


def not_archived(through: str = "") -> Q:
    """Documents (reached through `through`) that are not archived."""
    return Q(**{f"{through}archived_at__isnull": True})


# Bounds on a search (see DocumentQuerySet.search).
SEARCH_MAX_WORDS = 12
SEARCH_MAX_WORD = 100


def _overstating_versions(user: AnyUser) -> models.QuerySet[DocumentVersion]:
    """Versions that a current, finished comparison with a source this user may see flags
    as stating a claim more strongly than that source (or a study in animals as about people).

    Reads the flag each comparison stores with its result (by the reverse relation, so
    this app need not import comparisons); an outdated result does not count until the
    worker recomputes it. One filter() call, so every condition holds for the same comparison.
    """
    return DocumentVersion.objects.filter(
        visible_filter(user, "comparisons_as_derivative__source_version__document__"),
        comparisons_as_derivative__overstates_claim=True,
        comparisons_as_derivative__engine_version=ENGINE_VERSION,
        comparisons_as_derivative__status="done",
    )


class DocumentQuerySet(models.QuerySet["Document"]):
    def visible_to(self, user: AnyUser) -> DocumentQuerySet:
        """Documents this user may see (see `visible_filter`)."""
        return self.filter(visible_filter(user))

    def active(self) -> DocumentQuerySet:
        """Documents that are not archived."""
        return self.filter(not_archived())

    def archived(self) -> DocumentQuerySet:
        return self.filter(archived_at__isnull=False)

    def press_releases(self) -> DocumentQuerySet:
        return self.filter(kind=Document.Kind.PRESS_RELEASE)

    def articles(self) -> DocumentQuerySet:
        return self.filter(kind=Document.Kind.ARTICLE)

    def statements(self) -> DocumentQuerySet:
        return self.filter(kind=Document.Kind.STATEMENT)

    def from_outlet(self, outlet: Outlet) -> DocumentQuerySet:
        return self.filter(outlet=outlet)

    def published_between(self, start: object = None, end: object = None) -> DocumentQuerySet:
        qs = self
        if start:
            qs = qs.filter(published_on__gte=start)
        if end:
            qs = qs.filter(published_on__lte=end)
        return qs

    def overstating_claims(self, user: AnyUser) -> DocumentQuerySet:
        """Stories whose current text a current comparison finds overstating its source's claim."""
        return self.filter(current_version__in=_overstating_versions(user))

    def with_claim_flag(self, user: AnyUser) -> DocumentQuerySet:
        """Annotate `overstates_claim` (what `overstating_claims` filters on), one subquery."""
        versions = _overstating_versions(user).filter(pk=OuterRef("current_version"))
        return self.annotate(overstates_claim=Exists(versions))

    def search(self, q: str) -> DocumentQuerySet:
        """Documents whose title, author, outlet or current text contain every word of `q`.

        Only the first SEARCH_MAX_WORDS distinct words count, each cut to SEARCH_MAX_WORD
        characters: every word adds four conditions, and a thousand of them make a query
        the database refuses ("Expression tree is too large"). A search that long finds
        nothing more than its first words do.
        """
        qs = self
        words = dict.fromkeys(word[:SEARCH_MAX_WORD] for word in q.split())
        for word in list(words)[:SEARCH_MAX_WORDS]:
            qs = qs.filter(
                Q(title__icontains=word)
                | Q(author__icontains=word)
                | Q(outlet__name__icontains=word)
                | Q(current_version__text__icontains=word)
            )
        return qs


class Document(models.Model):
    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", "Press release"
        ARTICLE = "article", "Article"
        STATEMENT = "statement", "Statement"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    title = models.CharField(max_length=500)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    author = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=2000, blank=True, db_index=True)
    # Many sources give only a date; the time is kept when known.
    published_on = models.DateField(null=True, blank=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=20, blank=True, default="en")
    # Kept in step by ingest: the newest version, which is what pages and the engine read.
    current_version = models.ForeignKey(
        "DocumentVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def text(self) -> str:
        """The current version's text (what the engine reads), or "" before any version."""
        return self.current_version.text if self.current_version else ""


class DocumentVersionQuerySet(models.QuerySet["DocumentVersion"]):
    def visible_to(self, user: AnyUser) -> DocumentVersionQuerySet:
        """Versions of documents this user may see."""
        return self.filter(visible_filter(user, "document__"))


class DocumentVersion(models.Model):
    """One immutable state of a document: the bytes as received and what we read from them."""

    class Source(models.TextChoices):
        PASTE = "paste", "Pasted text"
        FILE = "file", "Uploaded file"
        URL = "url", "Fetched URL"
        BULK = "bulk", "Bulk import"
        COMMAND = "command", "Command line"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # Originals live in the database so a version and its bytes commit or roll back together.
    original = models.BinaryField()
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.PASTE)
    source_url = models.URLField(max_length=2000, blank=True)
    text = models.TextField(help_text="What the engine reads; spans point into this string.")
    text_sha256 = models.CharField(max_length=64, db_index=True)
    display_html = models.TextField(blank=True, help_text="Sanitised HTML, for HTML inputs only.")
    stripped = models.JSONField(
        default=list,
        blank=True,
        help_text="Furniture lines removed from the text: [{text, reason}].",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # An earlier document whose text this first version nearly repeats. Written by whoever
    # answers `signals.near_duplicate_lookup` once the text is indexed (discovery), so
    # near-duplicates the upload could not yet see are still shown on the document's page.
    near_duplicate_of = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    near_duplicate_similarity = models.FloatField(
        null=True, blank=True, help_text="Share of word triples the two texts have in common."
    )

    objects = DocumentVersionQuerySet.as_manager()

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document.title} (v{self.number})"

    def get_absolute_url(self) -> str:
        return reverse("documents:version", args=[self.document_id, self.number])

    @property
    def is_current(self) -> bool:
        return self.document.current_version_id == self.pk


class ImportJob(Job):
    """A bulk import (zip, folder, several files or a manifest), run in the background.

    The row is the small status the job page polls; the uploaded archive lives in
    `ImportPayload`, read only by the worker.
    """

    name = models.CharField(max_length=255)
    options = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    new_versions = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Import {self.pk}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("documents:import_job", args=[self.pk])

    @property
    def is_stalled(self) -> bool:
        """In flight, but no sign of life for longer than the stale limit: its worker stopped.

        Only said, never acted on here: a GET shows it, a POST (or the worker's start-up
        sweep) resumes it.
        """
        return not self.is_finished and beat_is_older_than(self.heartbeat_at, stale_after())

    @property
    def fetches_url(self) -> str:
        """The address a one-item URL job fetches ("" for a bulk import)."""
        return str(self.options.get("fetch_url", ""))

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.is_finished else 0
        return round(100 * self.processed / self.total)


class ImportPayload(models.Model):
    """The uploaded archive or manifest of an import, kept until the job has run.

    Its own table so the one-second progress poll never reads up to 20 MB.
    """

    job = models.OneToOneField(
        ImportJob, on_delete=models.CASCADE, primary_key=True, related_name="payload"
    )
    data = models.BinaryField()

    def __str__(self) -> str:
        return f"Payload of import {self.job_id}"


class ImportItem(models.Model):
    """One item of a bulk import: waiting, or what happened to it.

    Rows are made for every item when the job starts; an item is ingested and
    given its outcome in one transaction, so a resumed job skips exactly those done.
    """

    class Outcome(models.TextChoices):
        PENDING = "pending", "Waiting"
        ADDED = "added", "Added"
        NEW_VERSION = "new_version", "Added as a new version"
        DUPLICATE = "duplicate", "Duplicate"
        REJECTED = "rejected", "Rejected"

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.PENDING)
    reason = models.TextField(blank=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.ForeignKey(
        DocumentVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="unique_import_item_position")
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.get_outcome_display()}"
