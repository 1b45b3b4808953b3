"""The provenance graph of a topic, an outlet or one document's family.

Documents are placed by date (left to right) in one lane per kind; reuse edges
carry both shares, and edges from a direct source are marked so the chains stand
out. The layout is computed here; the template draws it as SVG (escaping every
label) and as a table for readers who cannot use the picture.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from discovery.chains import source_roles
from discovery.relations import Relation, reuse_edges
from documents.models import Document, Outlet

MAX_NODES = 60
WIDTH = 960
MARGIN = 70
LANE_HEIGHT = 150
ROW = 30
LANES = (
    (Document.Kind.PRESS_RELEASE, "Press releases"),
    (Document.Kind.STATEMENT, "Statements"),
    (Document.Kind.OTHER, "Other"),
    (Document.Kind.ARTICLE, "Articles"),
)


@dataclass
class Node:
    document: Document
    x: float = 0
    y: float = 0

    @property
    def label(self) -> str:
        title = self.document.title
        return title if len(title) <= 28 else title[:27] + "…"


@dataclass
class Edge:
    source: Node
    derivative: Node
    relation: Relation
    direct: bool

    @property
    def mid_x(self) -> float:
        return (self.source.x + self.derivative.x) / 2

    @property
    def mid_y(self) -> float:
        return (self.source.y + self.derivative.y) / 2 - 4


@dataclass
class Graph:
    title: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False
    height: int = 0
    width: int = WIDTH
    lanes: list[tuple[str, float]] = field(default_factory=list)
    ticks: list[tuple[str, float]] = field(default_factory=list)


def _neighbours(version_ids: set[int]) -> set[int]:
    """Documents that share a reuse edge with any of the given current versions."""
    edges = reuse_edges().filter(
        Q(source_version_id__in=version_ids) | Q(derivative_version_id__in=version_ids)
    )
    ids = set()
    for e in edges:
        ids.update({e.source_version.document_id, e.derivative_version.document_id})
    return ids


def select_documents(
    outlet: Outlet | None = None, q: str = "", document: Document | None = None
) -> tuple[list[Document], bool, str]:
    """The documents to draw (with their direct neighbours), whether cut short, a title."""
    base = Document.objects.active().filter(current_version__isnull=False)
    if document is not None:
        ids, frontier, title = {document.pk}, {document.current_version_id}, document.title
        while frontier and len(ids) < MAX_NODES:
            found = _neighbours(frontier) - ids
            ids |= found
            frontier = set(base.filter(pk__in=found).values_list("current_version_id", flat=True))
    else:
        chosen = base.from_outlet(outlet) if outlet else base
        chosen = chosen.search(q) if q else chosen
        title = " · ".join(filter(None, [str(outlet) if outlet else "", q])) or "All documents"
        ids = set(chosen.order_by("-published_on", "-pk").values_list("pk", flat=True)[:MAX_NODES])
        versions = set(base.filter(pk__in=ids).values_list("current_version_id", flat=True))
        ids |= _neighbours(versions)
    documents = list(base.filter(pk__in=ids).select_related("outlet", "current_version"))
    documents.sort(key=lambda d: (d.published_on or date.max, d.pk))
    return documents[:MAX_NODES], len(documents) > MAX_NODES, title


def build_graph(documents: list[Document], title: str, truncated: bool = False) -> Graph:
    """Lay the documents out by date and kind and attach the reuse edges between them."""
    graph = Graph(title=title, truncated=truncated)
    if not documents:
        return graph
    nodes = {d.current_version_id: Node(d) for d in documents}
    _place(graph, list(nodes.values()))
    rows = reuse_edges().filter(
        source_version_id__in=nodes.keys(), derivative_version_id__in=nodes.keys()
    )
    by_derivative: dict[int, list[Relation]] = defaultdict(list)
    for c in rows:
        by_derivative[c.derivative_version_id].append(Relation(c.source_version.document, c))
    for version_id, relations in by_derivative.items():
        derivative = nodes[version_id]
        for role in source_roles(derivative.document, relations):
            source = nodes[role.relation.comparison.source_version_id]
            graph.edges.append(Edge(source, derivative, role.relation, role.direct))
    graph.nodes = list(nodes.values())
    return graph


def _place(graph: Graph, nodes: list[Node]) -> None:
    dates = [n.document.published_on for n in nodes if n.document.published_on]
    first, last = (min(dates), max(dates)) if dates else (None, None)
    span = max((last - first).days, 1) if first and last else 1
    usable = WIDTH - 2 * MARGIN - 60  # the last 60 px hold undated documents

    def x_of(day: date | None) -> float:
        if day is None or first is None:
            return WIDTH - MARGIN
        return MARGIN + usable * (day - first).days / span

    stacks: dict[tuple[int, int], int] = defaultdict(int)
    lane_of = {kind: i for i, (kind, _) in enumerate(LANES)}
    tops = []
    top = 40.0
    lane_rows: dict[int, int] = defaultdict(int)
    for node in nodes:
        lane = lane_of.get(node.document.kind, 2)
        node.x = x_of(node.document.published_on)
        slot = (lane, round(node.x / 40))
        node.y = stacks[slot]
        stacks[slot] += 1
        lane_rows[lane] = max(lane_rows[lane], stacks[slot])
    for i, (_, name) in enumerate(LANES):
        tops.append(top)
        if lane_rows[i]:
            graph.lanes.append((name, top))
        top += max(lane_rows[i], 1) * ROW + 40 if lane_rows[i] else 0
    for node in nodes:
        lane = lane_of.get(node.document.kind, 2)
        node.y = tops[lane] + 20 + node.y * ROW
    graph.height = int(top + 40)
    if first and last:
        graph.ticks = [(first.isoformat(), x_of(first)), (last.isoformat(), x_of(last))]
    if any(n.document.published_on is None for n in nodes):
        graph.ticks.append(("undated", WIDTH - MARGIN))
