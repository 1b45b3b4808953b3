"""The provenance graph's edges: from each source to the article that took from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from comparisons.models import Comparison
from discovery.models import Role
from discovery.reports import visible_rows
from documents.models import Document

if TYPE_CHECKING:
    from provenance.roles import AnyUser


@dataclass(frozen=True)
class GraphEdge:
    source: Document
    article: Document
    role: str
    direct: bool
    derivative_share: float
    source_share: float
    weak: bool
    comparison: Comparison | None


def graph_edges(
    documents: Sequence[Document], viewer: AnyUser | None, include_siblings: bool = False
) -> list[GraphEdge]:
    """Typed edges among the documents: from each source to the article that took from it."""
    ids = [d.pk for d in documents]
    rows = visible_rows(viewer).filter(article__in=ids, other__in=ids)
    if not include_siblings:
        rows = rows.exclude(role=Role.SIBLING)
    return [
        GraphEdge(
            r.other,
            r.article,
            r.role,
            r.direct,
            r.derivative_share + r.paraphrased_share,
            r.source_share,
            r.weak,
            r.comparison,
        )
        for r in rows.order_by("article_id", "other_id")
    ]
