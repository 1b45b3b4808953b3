"""The provenance graph of a topic, an outlet or one document's family.

Documents are placed by date (left to right, one column per distinct date, so a
burst of coverage on one day stays readable beside a release years later) in
one lane per kind; reuse edges
carry both shares, and edges from a direct source are marked so the chains stand
out. The layout is computed here; the template draws it as SVG (escaping every
label) and as a table for readers who cannot use the picture.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q

from discovery.chains import source_roles
from discovery.relations import Relation, reuse_edges
from documents.models import Document, Outlet

if TYPE_CHECKING:
    from provenance.roles import AnyUser

MAX_NODES = 60
WIDTH = 960
MARGIN = 70
LABEL_ROOM = 190  # right of the last column, for its labels
MAX_COLUMN = 240
CHAR_WIDTH = 6.2  # of the node labels' font, to cut them to their column
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
    label_chars: int = 28

    @property
    def label(self) -> str:
        title = self.document.title
        limit = max(self.label_chars, 6)
        return title if len(title) <= limit else title[: limit - 1] + "…"


@dataclass
class Edge:
    source: Node
    derivative: Node
    relation: Relation
    direct: bool

    @property
    def bend(self) -> float:
        """How far a same-row edge dips below its row, so it passes under the labels."""
        return 34.0 if abs(self.source.y - self.derivative.y) < 1 else 0.0

    @property
    def path(self) -> str:
        x1, y1, x2, y2 = self.source.x, self.source.y, self.derivative.x, self.derivative.y
        cx, cy = (x1 + x2) / 2, (y1 + y2) / 2 + 2 * self.bend
        return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"

    @property
    def mid_x(self) -> float:
        # A vertical edge (same day) would hide its label under the line: set it aside.
        beside = 16 if abs(self.source.x - self.derivative.x) < 1 else 0
        return (self.source.x + self.derivative.x) / 2 + beside

    @property
    def mid_y(self) -> float:
        # The curve's midpoint lies half its control offset below the chord.
        return (self.source.y + self.derivative.y) / 2 + self.bend - 4


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


def _neighbours(version_ids: set[int], viewer: AnyUser) -> set[int]:
    """Documents that share a reuse edge (visible to the viewer) with any of the versions."""
    edges = reuse_edges(viewer).filter(
        Q(source_version_id__in=version_ids) | Q(derivative_version_id__in=version_ids)
    )
    ids = set()
    for e in edges:
        ids.update({e.source_version.document_id, e.derivative_version.document_id})
    return ids


def select_documents(
    viewer: AnyUser, outlet: Outlet | None = None, q: str = "", document: Document | None = None
) -> tuple[list[Document], bool, str]:
    """The documents to draw (with their direct neighbours), whether cut short, a title."""
    # The graph draws the live corpus: archived documents stay out even for admins.
    base = Document.objects.visible_to(viewer).active().filter(current_version__isnull=False)
    if document is not None:
        version_id = document.current_version_id
        frontier = {version_id} if version_id is not None else set()
        ids, title = {document.pk}, document.title
        while frontier and len(ids) < MAX_NODES:
            found = _neighbours(frontier, viewer) - ids
            ids |= found
            frontier = set(base.filter(pk__in=found).values_list("current_version_id", flat=True))
    else:
        chosen = base.from_outlet(outlet) if outlet else base
        chosen = chosen.search(q) if q else chosen
        title = " · ".join(filter(None, [str(outlet) if outlet else "", q])) or "All documents"
        ids = set(chosen.order_by("-published_on", "-pk").values_list("pk", flat=True)[:MAX_NODES])
        versions = set(base.filter(pk__in=ids).values_list("current_version_id", flat=True))
        ids |= _neighbours(versions, viewer)
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
    days = sorted({n.document.published_on for n in nodes if n.document.published_on})
    columns: list[date | None] = [*days]
    if any(n.document.published_on is None for n in nodes):
        columns.append(None)
    step = min((WIDTH - MARGIN - LABEL_ROOM) / max(len(columns) - 1, 1), MAX_COLUMN)
    x_of = {day: MARGIN + i * step for i, day in enumerate(columns)}
    label_chars = int(min(step, LABEL_ROOM) / CHAR_WIDTH) - 3

    stacks: dict[tuple[int, date | None], int] = defaultdict(int)
    lane_of: dict[str, int] = {kind: i for i, (kind, _) in enumerate(LANES)}
    lane_rows: dict[int, int] = defaultdict(int)
    for node in nodes:
        lane = lane_of.get(node.document.kind, 2)
        day = node.document.published_on
        node.x = x_of[day]
        node.y = stacks[(lane, day)]
        node.label_chars = label_chars
        stacks[(lane, day)] += 1
        lane_rows[lane] = max(lane_rows[lane], stacks[(lane, day)])
    tops = []
    top = 40.0
    for i, (_, name) in enumerate(LANES):
        tops.append(top)
        if lane_rows[i]:
            graph.lanes.append((name, top))
            top += lane_rows[i] * ROW + 40
    for node in nodes:
        lane = lane_of.get(node.document.kind, 2)
        node.y = tops[lane] + 20 + node.y * ROW
    graph.height = int(top + 40)
    # A tick per column, thinned so their labels (about 80 px) never touch.
    every = max(1, round(90 / step)) if step else 1
    graph.ticks = [
        (day.strftime("%-d %b %Y") if day else "undated", x_of[day])
        for i, day in enumerate(columns)
        if i % every == 0 or i == len(columns) - 1
    ]
