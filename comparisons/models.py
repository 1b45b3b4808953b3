"""Stored comparisons of two document versions, and read-only share links to them."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from comparisons import claims
from documents.models import not_archived, visible_filter
from provenance.engine import ENGINE_VERSION
from provenance.engine import Comparison as EngineComparison
from provenance.jobs import JobQuerySet, beat_is_older_than, stale_after
from provenance.jobs import Status as JobStatus

if TYPE_CHECKING:
    from documents.models import Document
    from provenance.roles import AnyUser

SOURCE = "source_version__document__"
DERIVATIVE = "derivative_version__document__"


class ComparisonQuerySet(JobQuerySet["Comparison"]):
    """Comparisons as background work: `started_at` is the heartbeat (set on queueing and start)."""

    beat_field = "started_at"

    def in_flight_q(self, status_field: str | None = None) -> Q:
        # A queued comparison (pending with progress 1) is in flight too: its task may be lost.
        return Q(status=Comparison.Status.RUNNING) | Q(
            status=Comparison.Status.PENDING, progress__gt=0
        )

    def visible_to(self, user: AnyUser) -> ComparisonQuerySet:
        """Comparisons this user may see: both documents visible to them."""
        return self.filter(visible_filter(user, SOURCE), visible_filter(user, DERIVATIVE))

    def for_document(self, document: Document) -> ComparisonQuerySet:
        """Comparisons in which any version of the document is the source or the derivative."""
        return self.filter(
            Q(source_version__document=document) | Q(derivative_version__document=document)
        )

    def done(self) -> ComparisonQuerySet:
        return self.filter(status=Comparison.Status.DONE)

    def outdated(self) -> ComparisonQuerySet:
        """Comparisons computed by another engine version than the running one."""
        return self.exclude(engine_version=ENGINE_VERSION)

    def current(self) -> ComparisonQuerySet:
        return self.filter(engine_version=ENGINE_VERSION)

    def with_documents(self) -> ComparisonQuerySet:
        """Fetch both versions and their documents and outlets in the same query."""
        return self.select_related(
            "source_version__document__outlet", "derivative_version__document__outlet"
        )


class Comparison(models.Model):
    """The engine's result for one source version and one derivative version."""

    # The one status every kind of background work shares (`provenance.jobs`).
    Status = JobStatus

    class Origin(models.TextChoices):
        MANUAL = "manual", "Picked by a user"
        DISCOVERY = "discovery", "Found by source discovery"

    source_version = models.ForeignKey(
        "documents.DocumentVersion", on_delete=models.PROTECT, related_name="comparisons_as_source"
    )
    derivative_version = models.ForeignKey(
        "documents.DocumentVersion",
        on_delete=models.PROTECT,
        related_name="comparisons_as_derivative",
    )
    # Empty until the first run finishes; a result is only trusted with a matching version.
    engine_version = models.CharField(max_length=40, blank=True)
    result = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    error = models.TextField(blank=True)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    derivative_share = models.FloatField(null=True, blank=True, db_index=True)
    source_share = models.FloatField(null=True, blank=True, db_index=True)
    paraphrased_share = models.FloatField(null=True, blank=True, db_index=True)
    # Kept beside the result so the documents list can flag and filter stories whose
    # claims outrun their source without reading every stored result.
    overstates_claim = models.BooleanField(default=False, db_index=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MANUAL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    computed_at = models.DateTimeField(null=True, blank=True)
    # When the current run was queued or began, so a run whose worker died can be noticed.
    started_at = models.DateTimeField(null=True, blank=True)

    objects = ComparisonQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_version", "derivative_version"], name="unique_comparison_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_version.document} → {self.derivative_version.document}"

    def get_absolute_url(self) -> str:
        return reverse("comparisons:detail", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_working(self) -> bool:
        return self.status in {self.Status.PENDING, self.Status.RUNNING}

    @property
    def is_queued(self) -> bool:
        """Tell whether a background run is queued (a fresh pending row has progress 0)."""
        return self.status == self.Status.PENDING and self.progress > 0

    @property
    def is_in_flight(self) -> bool:
        """Tell whether a run has been handed to a worker (queued) or is computing now."""
        return self.status == self.Status.RUNNING or self.is_queued

    def _in_flight_longer_than(self, limit: timedelta, now: datetime | None) -> bool:
        """Tell whether a queued or running comparison began more than `limit` ago.

        Rows queued before `started_at` existed have no start time; they count as
        overdue because nothing else would ever finish them.
        """
        return self.is_in_flight and beat_is_older_than(self.started_at, limit, now)

    def is_stale_run(self, now: datetime | None = None) -> bool:
        """Tell whether a queued or running run has gone on so long its worker must be dead."""
        return self._in_flight_longer_than(stale_after(), now)

    @property
    def is_slow(self) -> bool:
        """Past half the stale limit (for the progress page's "taking longer" note)."""
        return self._in_flight_longer_than(stale_after() / 2, None)

    @property
    def is_current(self) -> bool:
        """Tell whether the stored result came from the engine version now running."""
        return self.is_done and self.engine_version == ENGINE_VERSION

    @cached_property
    def engine_result(self) -> EngineComparison:
        """The stored result as the engine's dataclasses (only for done comparisons)."""
        return EngineComparison.from_dict(self.result)

    def store(self, result: EngineComparison) -> list[str]:
        """Copy an engine result onto the row; return the fields to save."""
        stats = result.stats
        self.result = result.to_dict()
        self.engine_version = result.engine_version
        self.derivative_share = stats.derivative_share
        self.source_share = stats.source_share
        self.paraphrased_share = stats.paraphrased_share
        self.overstates_claim = claims.overstates(result)
        self.status = self.Status.DONE
        self.progress = 100
        self.error = ""
        self.computed_at = timezone.now()
        self.__dict__.pop("engine_result", None)
        return [
            "result",
            "engine_version",
            "derivative_share",
            "source_share",
            "paraphrased_share",
            "overstates_claim",
            "status",
            "progress",
            "error",
            "computed_at",
        ]


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _active_q() -> Q:
    return Q(revoked_at__isnull=True) & (
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )


def _opens_q() -> Q:
    """Active, and neither document archived: a link never shows what readers cannot see."""
    return (
        _active_q()
        & not_archived(f"comparison__{SOURCE}")
        & not_archived(f"comparison__{DERIVATIVE}")
    )


class ShareLinkQuerySet(models.QuerySet["ShareLink"]):
    def active(self) -> ShareLinkQuerySet:
        """Links not revoked and not expired (`with_opens` also applies the archive rule)."""
        return self.filter(_active_q())

    def visible_to(self, user: AnyUser) -> ShareLinkQuerySet:
        """Links on comparisons this user may see (whether or not the links still work)."""
        return self.filter(
            visible_filter(user, f"comparison__{SOURCE}"),
            visible_filter(user, f"comparison__{DERIVATIVE}"),
        )

    def with_opens(self) -> ShareLinkQuerySet:
        """Mark each link with `opens`: whether it shows its comparison to anyone right now."""
        # The plugin redeclares the annotated `opens` over the model's own declaration.
        opens = ExpressionWrapper(_opens_q(), output_field=BooleanField())
        return self.annotate(opens=opens)  # type: ignore[no-redef]


class ShareLink(models.Model):
    """An unguessable, read-only link that opens one comparison to anyone who holds it."""

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    if TYPE_CHECKING:
        # Set only on rows from `ShareLink.objects.with_opens()`: django-stubs loses an
        # annotation's type once it passes through a custom QuerySet method.
        opens: bool

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Share link {self.pk} for comparison {self.comparison_id}"

    def get_absolute_url(self) -> str:
        return reverse("comparisons:shared", args=[self.token])

    @property
    def is_active(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "active" if self.is_active else "expired"

    def can_revoke(self, user: Any) -> bool:
        from provenance import roles

        return roles.can_upload(user) or (user.is_authenticated and user.pk == self.created_by_id)


class TextAnalysis(models.Model):
    """The engine's analysis of one document version (words, keys, units), kept so the
    index, each comparison and each page read it instead of tokenising the text again.

    Derived data: `comparisons.analysis.analysis_for` remakes it when the engine
    version changes or the row is missing.
    """

    version = models.OneToOneField(
        "documents.DocumentVersion", on_delete=models.CASCADE, related_name="text_analysis"
    )
    engine_version = models.CharField(max_length=32)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Analysis of version {self.version_id} (engine {self.engine_version})"
