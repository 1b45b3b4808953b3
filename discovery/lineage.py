"""Provenance roles, the face other apps and commands use: decided, kept and read.

The work is split by concern, each in its own module (docs/architecture.md,
"Provenance roles"):

- `discovery.role_rule`: the rule, pure functions over candidates (`decide`), and the
  one origin rule the article checks use too (`origin_among`);
- `discovery.role_reasons`: the words that say why each document has its role;
- `discovery.role_store`: candidates from stored comparisons, roles kept as
  `SourceRelation` rows (`redecide`);
- `discovery.reports`: what pages, exports and the API read (`sources_report`,
  `origins_for`), filtered by the viewer's visibility;
- `discovery.edges`: the provenance graph's typed edges (`graph_edges`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from discovery.edges import GraphEdge, graph_edges
from discovery.reports import (
    Segment,
    SourceEntry,
    SourcesReport,
    discovery_progress,
    discovery_status,
    origins_for,
)
from discovery.reports import sources_report as _read_report
from discovery.role_rule import Candidate, Decision, decide, origin_among
from discovery.role_store import redecide, redecide_one
from discovery.search import ensure_discovered

if TYPE_CHECKING:
    from documents.models import Document
    from provenance.roles import AnyUser

__all__ = [
    "Candidate",
    "Decision",
    "GraphEdge",
    "Segment",
    "SourceEntry",
    "SourcesReport",
    "decide",
    "discovery_progress",
    "discovery_status",
    "ensure_discovered",
    "graph_edges",
    "origin_among",
    "origins_for",
    "redecide",
    "redecide_one",
    "sources_report",
]


def sources_report(
    document: Document, viewer: AnyUser | None, *, on_demand: bool = False
) -> SourcesReport:
    """The article's typed sources as the viewer may see them (`discovery.reports`).

    `on_demand` first runs a discovery that is pending or failed: a write, for a
    command or a POST; a page never asks for it.
    """
    if on_demand:
        ensure_discovered(document)
    return _read_report(document, viewer)
