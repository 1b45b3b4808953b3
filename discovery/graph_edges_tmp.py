"""TEMPORARY until lineage lands: `graph_edges` of the lineage interface, from chains.py.

Delete this module after merging main's "Lineage:" commit and import
`GraphEdge`/`graph_edges` from `discovery.lineage` instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from comparisons.models import Comparison
from discovery.chains import source_roles
from discovery.relations import Relation, reuse_edges
from documents.models import Document

if TYPE_CHECKING:
    from provenance.roles import AnyUser


@dataclass(frozen=True)
class GraphEdge:  # TEMPORARY until lineage lands
    source: Document
    article: Document
    role: str
    direct: bool
    derivative_share: float
    source_share: float
    weak: bool
    comparison: Comparison | None


def graph_edges(  # TEMPORARY until lineage lands
    documents: Sequence[Document], viewer: AnyUser | None, include_siblings: bool = False
) -> list[GraphEdge]:
    by_version = {d.current_version_id: d for d in documents if d.current_version_id}
    rows = reuse_edges(viewer).filter(
        source_version_id__in=by_version.keys(), derivative_version_id__in=by_version.keys()
    )
    relations: dict[int, list[Relation]] = {}
    for c in rows:
        relations.setdefault(c.derivative_version_id, []).append(
            Relation(by_version[c.source_version_id], c)
        )
    edges = []
    for version_id, found in relations.items():
        article = by_version[version_id]
        for role in source_roles(article, found):
            c = role.relation.comparison
            kind = role.document.kind
            name = ("origin" if kind == "press_release" else "direct") if role.direct else "related"
            edges.append(
                GraphEdge(
                    role.document,
                    article,
                    name,
                    role.direct,
                    c.derivative_share or 0.0,
                    c.source_share or 0.0,
                    not role.direct,
                    c,
                )
            )
    return edges
