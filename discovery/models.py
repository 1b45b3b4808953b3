"""The fingerprint index, the background state of each version, and checked candidates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils import timezone

from documents.models import visible_filter
from provenance.jobs import JobQuerySet
from provenance.jobs import Status as JobStatus

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper

    from provenance.roles import AnyUser


class Fingerprint(models.Model):
    """One posting: a winnowed k-gram hash found in a document version.

    Rows are kept as small as the databases allow: no surrogate id, and the primary
    key (hash, version) is the only index, which is the one the search reads. A
    version's postings are removed by recomputing its hashes (versions are immutable),
    so no index on `version` alone is needed. There is no foreign-key constraint
    either (it would cost a lookup per inserted row): a pre_delete hook removes the
    postings of a deleted version, and a search only trusts current versions.
    """

    pk = models.CompositePrimaryKey("hash", "version")
    hash = models.BigIntegerField()
    version = models.ForeignKey(
        "documents.DocumentVersion",
        on_delete=models.DO_NOTHING,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )

    def __str__(self) -> str:
        return f"{self.hash:x} in version {self.version_id}"


class HashKey(models.BigIntegerField[int, int]):
    """A 64-bit key that SQLite stores as the rowid (`integer primary key`): one B-tree, not two."""

    def db_type(self, connection: BaseDatabaseWrapper) -> str | None:
        if connection.vendor == "sqlite" and self.primary_key:
            return "integer"
        return super().db_type(connection)


class Term(models.Model):
    """How many indexed documents hold a key: the rarity behind terms and the posting cap.

    Two kinds of key share the table (both are 63-bit blake2b hashes, so they do not
    collide): every content-word stem of every current indexed version, counted
    exactly (up on index, down on removal); and word k-gram hashes whose posting
    list outgrew `DISCOVERY_MAX_DF` (boilerplate), recorded once found and never
    lowered. A search skips every key above the cap. The table grows with the
    vocabulary and the boilerplate, not with the number of documents.
    """

    hash = HashKey(primary_key=True)
    df = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.hash:x}: {self.df}"


class TermPosting(models.Model):
    """One of the ~32 most distinctive terms of a document version.

    The second candidate source: rare content-word stems (names, figures, subject
    words) that an article paraphrasing the version still repeats, when it shares
    too few exact k-grams. Laid out like `Fingerprint`: primary key only.
    """

    pk = models.CompositePrimaryKey("hash", "version")
    hash = models.BigIntegerField()
    version = models.ForeignKey(
        "documents.DocumentVersion",
        on_delete=models.DO_NOTHING,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )

    def __str__(self) -> str:
        return f"term {self.hash:x} in version {self.version_id}"


# Indexing and discovery share the one job status (`provenance.jobs`); the name stays
# importable from here for the callers that know it by this module.
Status = JobStatus


class IndexStateQuerySet(JobQuerySet["IndexState"]):
    """Two steps per row (index, then discovery), each its own status; `updated_at` is the beat."""

    status_field = "index_status"
    beat_field = "updated_at"

    def needing_index(self) -> IndexStateQuerySet:
        """Pending, or "running" for so long that the worker must have died."""
        return self.claimable(status_field="index_status")

    def needing_discovery(self) -> IndexStateQuerySet:
        return self.filter(index_status=Status.DONE).claimable(status_field="discovery_status")

    def failed(self) -> IndexStateQuerySet:
        return self.filter(Q(index_status=Status.FAILED) | Q(discovery_status=Status.FAILED))


class IndexState(models.Model):
    """Where indexing and discovery of one version stand; the page shows it.

    Rows say pending until the work is done, so a worker that restarts (or never
    ran) loses nothing: `reindex --resume` enqueues every pending or stale row.
    """

    version = models.OneToOneField(
        "documents.DocumentVersion",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="index_state",
    )
    index_status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    discovery_status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Failed runs so far.")
    error = models.TextField(blank=True)
    # The index parameters the postings were made with ("k4w10"); others need a reindex.
    params = models.CharField(max_length=20, blank=True)
    fingerprints = models.PositiveIntegerField(default=0)
    # Distinct term stems this version added to `Term.df` (0: it counts for nothing).
    terms = models.PositiveIntegerField(default=0)
    indexed_at = models.DateTimeField(null=True, blank=True)
    discovered_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = IndexStateQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Version {self.version_id}: {self.index_status}/{self.discovery_status}"

    @property
    def is_failed(self) -> bool:
        return Status.FAILED in (self.index_status, self.discovery_status)

    @property
    def is_working(self) -> bool:
        busy = {Status.PENDING, Status.RUNNING}
        return self.index_status in busy or self.discovery_status in busy


class CandidateQuerySet(models.QuerySet["Candidate"]):
    def accepted(self) -> CandidateQuerySet:
        return self.filter(comparison__isnull=False)


class Candidate(models.Model):
    """A candidate source that discovery checked with the engine, kept or not.

    Keeps the evidence (shared fingerprints, both shares) so "no source found" can
    be explained and a later run skips pairs it already decided.
    """

    source_version = models.ForeignKey(
        "documents.DocumentVersion", on_delete=models.CASCADE, related_name="+"
    )
    derivative_version = models.ForeignKey(
        "documents.DocumentVersion", on_delete=models.CASCADE, related_name="+"
    )
    shared = models.PositiveIntegerField(help_text="Fingerprints the two versions share.")
    reuse_share = models.FloatField(help_text="Derivative share plus paraphrased share.")
    derivative_share = models.FloatField()
    source_share = models.FloatField()
    engine_version = models.CharField(max_length=40)
    comparison = models.ForeignKey(
        "comparisons.Comparison",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Set when the candidate passed the threshold and was stored.",
    )
    checked_at = models.DateTimeField(default=timezone.now)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["-reuse_share", "-shared"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_version", "derivative_version"], name="unique_candidate_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_version_id} → {self.derivative_version_id}: {self.reuse_share:.2f}"


class Role(models.TextChoices):
    """What another document is to an article (see docs/architecture.md, "Provenance roles")."""

    ORIGIN = "origin", "origin"
    DIRECT = "direct", "direct source"
    # The release a story reports in its own words, copying none of them: named from
    # the rare names and figures they share (`discovery.shared_content`).
    REPORTS = "reports", "reports the release"
    SIBLING = "sibling", "sibling"
    RELATED = "related", "related"


class SourceRelationQuerySet(models.QuerySet["SourceRelation"]):
    def visible_to(self, user: AnyUser) -> SourceRelationQuerySet:
        """Relations whose two documents this user may both see."""
        return self.filter(visible_filter(user, "article__"), visible_filter(user, "other__"))

    def takes_from(self) -> SourceRelationQuerySet:
        """Relations in which the article took text from the other document."""
        return self.filter(Q(role__in=[Role.ORIGIN, Role.DIRECT]) | Q(direct=True))


class SourceRelation(models.Model):
    """One typed relation of an article to another document, as discovery last decided it.

    Decided per article from its stored comparisons (`discovery.lineage.redecide`) each
    time discovery runs on it or on one of its sources, so roles change as the corpus
    grows; a source that loses its role stays as `related`, with when and why.
    """

    article = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="source_relations"
    )
    other = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="relations_as_other"
    )
    role = models.CharField(max_length=10, choices=Role.choices, db_index=True)
    # An origin the article also took text from itself (not only through another source).
    direct = models.BooleanField(default=False)
    comparison = models.ForeignKey(
        "comparisons.Comparison", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For an origin reached through a direct source: that source.",
    )
    derivative_share = models.FloatField(default=0.0)
    paraphrased_share = models.FloatField(default=0.0)
    source_share = models.FloatField(default=0.0)
    unique_share = models.FloatField(default=0.0)
    weak = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(default=timezone.now)
    previous_role = models.CharField(max_length=10, choices=Role.choices, blank=True)
    changed_at = models.DateTimeField(null=True, blank=True)
    change_reason = models.TextField(blank=True)

    objects = SourceRelationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "other"], name="unique_source_relation")
        ]

    def __str__(self) -> str:
        return f"{self.other_id} is {self.role} of {self.article_id}"
