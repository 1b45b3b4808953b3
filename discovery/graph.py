"""The provenance graph of a topic, an outlet or one document's family, drawn by Graphviz.

We write DOT text (every label escaped) and let `dot` lay it out: one layer per date,
releases above the articles of their day, full titles wrapped, edges styled by
role (origin and direct sources solid and dark, related dashed and light, siblings
dotted, only when asked for) and labelled with both shares. The SVG is sanitised
before it is shown (`discovery.svg_clean`); without `dot` the page says so and
keeps the table of nodes and edges that readers of the picture can also use.
"""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

from discovery.dot import DotError, cached_svg
from discovery.edges import GraphEdge, graph_edges
from discovery.models import Role, SourceRelation
from discovery.relations import reuse_edges
from discovery.svg_clean import SvgError, Target, clean_svg
from documents.models import Document, Outlet

if TYPE_CHECKING:
    from provenance.roles import AnyUser

MAX_NODES = 60
WRAP = 28  # characters per line of a node's title
MAX_LINES = 5  # longer titles end in "…"; the tooltip and the table keep them whole
ROW_WIDTH = 6  # documents side by side in one layer before it wraps to another row
MAX_STEPS = 8  # chains within one day deeper than this share a row
# Layers within one day, top to bottom: releases first, articles last.
KIND_ORDER: dict[str, int] = {
    Document.Kind.PRESS_RELEASE: 0,
    Document.Kind.STATEMENT: 1,
    Document.Kind.OTHER: 2,
    Document.Kind.ARTICLE: 3,
}
# Role → DOT edge attributes. Style, not colour alone, tells them apart.
EDGE_STYLE = {
    "origin": 'style=solid, color="#7a3306", fontcolor="#5c2604", penwidth=2.4',
    "direct": 'style=solid, color="#1d1d1d", fontcolor="#1d1d1d", penwidth=2.4',
    "related": 'style=dashed, color="#8c8c8c", fontcolor="#555555", penwidth=1.2',
    "sibling": 'style=dotted, color="#6e6e6e", fontcolor="#555555", penwidth=1.8, dir=none',
    # A story that reports a release without copying it: blue and dashed but heavy,
    # apart from the solid "copies from" edges and the light dashed related ones.
    "reports": 'style="dashed,bold", color="#1f4e79", fontcolor="#1f4e79", penwidth=2.0',
}
ROLE_WORDS = {
    "origin": "origin",
    "direct": "direct source",
    "related": "related (weak)",
    "sibling": "sibling",
    "reports": "reports the release (no text copied)",
}
NODE_STYLE: dict[str, str] = {
    Document.Kind.PRESS_RELEASE: 'fillcolor="#fbe3cf", color="#7a3306", peripheries=2',
    Document.Kind.STATEMENT: 'fillcolor="#ece3f6", color="#4b2b73"',
}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Graph:
    title: str
    documents: list[Document] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    truncated: bool = False
    siblings: bool = False
    svg: SafeString | None = None
    problem: str = ""  # why there is no picture, in words


def _neighbours(version_ids: set[int], viewer: AnyUser) -> set[int]:
    """Documents that share a reuse edge (visible to the viewer) with any of the versions."""
    edges = reuse_edges(viewer).filter(
        Q(source_version_id__in=version_ids) | Q(derivative_version_id__in=version_ids)
    )
    ids = set()
    for e in edges:
        ids.update({e.source_version.document_id, e.derivative_version.document_id})
    # A release a story reports shares too little text to be a reuse edge: add the pair.
    reported = SourceRelation.objects.visible_to(viewer).filter(
        Q(article__current_version_id__in=version_ids)
        | Q(other__current_version_id__in=version_ids),
        role=Role.REPORTS,
    )
    for article_id, other_id in reported.values_list("article_id", "other_id"):
        ids.update({article_id, other_id})
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


def build_graph(
    documents: list[Document],
    title: str,
    viewer: AnyUser | None,
    truncated: bool = False,
    include_siblings: bool = False,
) -> Graph:
    """The documents, the typed edges among them and, when `dot` can draw it, the SVG."""
    edges = _one_line_per_sibling_pair(graph_edges(documents, viewer, include_siblings))
    graph = Graph(title, documents, edges, truncated, include_siblings)
    if not documents:
        return graph
    text = to_dot(documents, edges)
    targets = _targets(documents, edges)
    label = f"Provenance graph: {title}"
    try:
        # The titles and links come from `targets`, not from the DOT text: key on them too.
        also = repr((label, sorted((k, t.title, t.url) for k, t in targets.items())))
        svg = cached_svg(text, lambda raw: clean_svg(raw, targets, label), also)
    except (DotError, SvgError) as error:
        graph.problem = str(error)
    else:
        graph.svg = mark_safe(svg)  # noqa: S308 - rebuilt from a whitelist by clean_svg
    return graph


def _one_line_per_sibling_pair(edges: list[GraphEdge]) -> list[GraphEdge]:
    """Siblings are stored from each side; draw (and list) each pair once."""
    seen: set[frozenset[int]] = set()
    kept = []
    for e in edges:
        if e.role == "sibling":
            pair = frozenset((e.source.pk, e.article.pk))
            if pair in seen:
                continue
            seen.add(pair)
        kept.append(e)
    return kept


def _targets(documents: Sequence[Document], edges: Sequence[GraphEdge]) -> dict[str, Target]:
    targets = {
        _node_id(d): Target(f"{d.title} ({_kind_line(d)})", d.get_absolute_url()) for d in documents
    }
    for e in edges:
        targets[_edge_id(e)] = Target(
            f"{e.source.title} → {e.article.title}: {ROLE_WORDS.get(e.role, e.role)}; "
            f"{_pct(e.derivative_share)} of the later text taken from the earlier, "
            f"{_pct(e.source_share)} of the earlier text reused"
        )
    return targets


def to_dot(documents: Sequence[Document], edges: Sequence[GraphEdge]) -> str:
    """DOT text for the graph: a date column on the left, one layer per date and kind.

    The date labels form one straight column (`group`, a heavy invisible chain).
    Polyline edges keep clear of other labels, and a short x-placement search
    (`nslimit`) keeps a busy graph about half as wide as the full search would,
    at no cost to the demo corpus's drawing.
    """
    layers = _layers(documents, edges)
    lines = [
        "digraph provenance {",
        '  graph [rankdir=TB, ranksep=0.3, nodesep=0.3, pad=0.15, bgcolor="transparent",'
        ' fontname="Helvetica", outputorder=edgesfirst, splines=polyline, nslimit=4];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#555555",'
        ' fontname="Helvetica", fontsize=11, margin="0.10,0.05"];',
        '  edge [fontname="Helvetica", fontsize=10, arrowsize=0.7];',
    ]
    keys = sorted(layers)
    layer_of = {d.pk: i for i, key in enumerate(keys) for d in layers[key]}
    for i, (day, *_) in enumerate(keys):
        lines.append(
            f'  layer{i} [shape=plaintext, style="", class="date", group=dates, fontsize=10,'
            f' fontcolor="#555555", label={_quote(_day(day))}];'
        )
    if len(keys) > 1:
        chain = " -> ".join(f"layer{i}" for i in range(len(keys)))
        lines.append(f"  {chain} [style=invis, weight=100];")
    for i, key in enumerate(keys):
        lines.append(f"  {{ rank=same; layer{i};")
        for d in layers[key]:
            extra = NODE_STYLE.get(d.kind, "")
            lines.append(
                f"    {_quote(_node_id(d))} [id={_quote(_node_id(d))},"
                f' class="doc kind-{d.kind}", label={_label(d)}{", " + extra if extra else ""}];'
            )
        lines.append("  }")
    for e in edges:
        shares = f"{_pct(e.derivative_share)} taken\n{_pct(e.source_share)} reused"
        if e.role == "reports":
            shares = "reports\n(no text copied)"
        # An edge against the date order (a release dated after its article, or one
        # day's layer) must not pull the layers about: it is drawn, not ranked by.
        forward = layer_of[e.source.pk] < layer_of[e.article.pk]
        lines.append(
            f"  {_quote(_node_id(e.source))} -> {_quote(_node_id(e.article))}"
            f" [id={_quote(_edge_id(e))}, class={_quote('role-' + e.role)},"
            f" label={_quote(shares)}, {EDGE_STYLE.get(e.role, EDGE_STYLE['related'])}"
            f"{'' if forward else ', constraint=false'}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


Layer = tuple[date, int, int, int]  # day, kind order, step within the day, row


def _layers(
    documents: Sequence[Document], edges: Sequence[GraphEdge]
) -> dict[Layer, list[Document]]:
    """Documents by layer: day, then kind (releases first), then step, then row.

    Within one day and kind, a document that took from another of the same layer goes
    one step below it, so no edge runs sideways along a row (its label would sit on
    the arrows coming down to that row); a layer wider than `ROW_WIDTH` wraps.
    """
    groups: dict[tuple[date, int], list[Document]] = defaultdict(list)
    for d in documents:
        groups[(d.published_on or date.max, KIND_ORDER.get(d.kind, 2))].append(d)
    group_of = {d.pk: key for key, members in groups.items() for d in members}
    step = {d.pk: 0 for d in documents}
    inside = [
        (e.source.pk, e.article.pk)
        for e in edges
        if e.source.pk != e.article.pk and group_of.get(e.source.pk) == group_of.get(e.article.pk)
    ]
    for _ in range(min(len(documents), MAX_STEPS)):  # longest path, cut short on a cycle
        changed = False
        for source, article in inside:
            if step[article] < step[source] + 1 <= MAX_STEPS:
                step[article] = step[source] + 1
                changed = True
        if not changed:
            break
    layers: dict[Layer, list[Document]] = defaultdict(list)
    for (day, kind), members in groups.items():
        by_step: dict[int, list[Document]] = defaultdict(list)
        for d in members:
            by_step[step[d.pk]].append(d)
        for n, row_members in by_step.items():
            for i, d in enumerate(row_members):
                layers[(day, kind, n, i // ROW_WIDTH)].append(d)
    return layers


def _node_id(document: Document) -> str:
    return f"doc-{document.pk}"


def _edge_id(edge: GraphEdge) -> str:
    return f"edge-{edge.source.pk}-{edge.article.pk}"


def _pct(share: float) -> str:
    return f"{round(100 * share)}%"


def _day(day: date) -> str:
    return "undated" if day == date.max else day.strftime("%-d %b %Y")


def _kind_line(document: Document) -> str:
    outlet = document.outlet.name if document.outlet_id and document.outlet else ""
    return " · ".join(filter(None, [document.get_kind_display(), outlet]))


def _quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, lines as \\n."""
    text = CONTROL.sub("", text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r", "").replace("\n", "\\n") + '"'


def _label(document: Document) -> str:
    """The title wrapped to `WRAP` characters a line, then the kind and outlet.

    A plain label, not an HTML-like one: dot centres each of its lines on the node
    (text-anchor="middle"), so they stay centred whatever font the browser measures
    with, where an HTML-like label's lines start at dot's own estimate.
    """
    lines = textwrap.wrap(" ".join(document.title.split()), WRAP) or ["(untitled)"]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: WRAP - 1].rstrip() + "…"
    return _quote("\n".join([*lines, _kind_line(document)]))
