"""A document's stored sources and derivatives, read from the Comparison table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce

from comparisons.models import Comparison, ComparisonQuerySet
from documents.models import Document

if TYPE_CHECKING:
    from provenance.roles import AnyUser


@dataclass(frozen=True)
class Relation:
    """One reuse edge as seen from a document: the other document and the comparison."""

    document: Document
    comparison: Comparison

    @property
    def reuse_share(self) -> float:
        c = self.comparison
        return (c.derivative_share or 0.0) + (c.paraphrased_share or 0.0)

    @property
    def derivative_share(self) -> float:
        return self.comparison.derivative_share or 0.0

    @property
    def source_share(self) -> float:
        return self.comparison.source_share or 0.0


def reuse_edges(viewer: AnyUser | None = None) -> ComparisonQuerySet:
    """Done comparisons that show reuse: picked by a user, or stored by discovery.

    Discovery stores pairs above the threshold, and a text's best candidate source from
    the lower best-source threshold (see `discovery.search.store_best_source`).
    Pages pass the `viewer` so that only comparisons visible to them count (an archived
    document is no one's source or derivative but an admin's); without one, every
    stored edge counts, as discovery's own workflow needs.
    """
    threshold = min(settings.DISCOVERY_THRESHOLD, settings.DISCOVERY_BEST_THRESHOLD)
    comparisons = (
        Comparison.objects.all() if viewer is None else Comparison.objects.visible_to(viewer)
    )
    return (
        comparisons.done()
        .alias(reuse=Coalesce("derivative_share", 0.0) + Coalesce("paraphrased_share", 0.0))
        .filter(Q(origin=Comparison.Origin.MANUAL) | Q(reuse__gte=threshold))
        .with_documents()
    )


def sources_of(document: Document, viewer: AnyUser | None = None) -> list[Relation]:
    """Stored sources of the document's current text seen by `viewer`, most reused first."""
    if document.current_version_id is None:
        return []
    rows = reuse_edges(viewer).filter(derivative_version_id=document.current_version_id)
    relations = [Relation(c.source_version.document, c) for c in rows]
    return sorted(relations, key=lambda r: (-r.reuse_share, r.document.pk))


def derivatives_of(document: Document, viewer: AnyUser | None = None) -> list[Relation]:
    """Stored derivatives of the document's current text seen by `viewer`, most reused first."""
    if document.current_version_id is None:
        return []
    rows = reuse_edges(viewer).filter(source_version_id=document.current_version_id)
    relations = [Relation(c.derivative_version.document, c) for c in rows]
    return sorted(relations, key=lambda r: (-r.reuse_share, r.document.pk))
