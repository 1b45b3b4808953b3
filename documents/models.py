"""Documents, their outlets and their immutable versions; bulk import jobs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Outlet(models.Model):
    """Who published a document: a newsroom, an MP's office, a government site."""

    name = models.CharField(max_length=200, unique=True)
    url = models.URLField(blank=True, max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DocumentQuerySet(models.QuerySet["Document"]):
    def active(self) -> DocumentQuerySet:
        """Documents that are not archived."""
        return self.filter(archived_at__isnull=True)

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

    def search(self, q: str) -> DocumentQuerySet:
        """Documents whose title, author, outlet or current text contain every word of `q`."""
        qs = self
        for word in q.split():
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


class ImportJob(models.Model):
    """A bulk import (zip, folder, several files or a manifest), run in the background."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    name = models.CharField(max_length=255)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # The uploaded archive or manifest; kept until the job has run so a worker can read it.
    payload = models.BinaryField(blank=True, default=b"")
    options = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    new_versions = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Import {self.pk}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("documents:import_job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.is_finished else 0
        return round(100 * self.processed / self.total)


class ImportItem(models.Model):
    """What happened to one item of a bulk import."""

    class Outcome(models.TextChoices):
        ADDED = "added", "Added"
        NEW_VERSION = "new_version", "Added as a new version"
        DUPLICATE = "duplicate", "Duplicate"
        REJECTED = "rejected", "Rejected"

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.ForeignKey(
        DocumentVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["job", "position"]

    def __str__(self) -> str:
        return f"{self.name}: {self.get_outcome_display()}"
