"""The provenance graph as Graphviz lays it out: layered by date, nothing on top of anything.

Positions come from the sanitised SVG the page shows: node boxes from their shapes'
points, text boxes from each <text>'s anchor point, font size and an estimated width.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations, pairwise

import pytest
from django.core.cache import cache
from lxml import etree

from discovery.graph import WRAP, build_graph, to_dot
from discovery.lineage import GraphEdge
from documents.models import Document

pytestmark = pytest.mark.django_db

if shutil.which("dot") is None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("Graphviz is not installed (apt-get install graphviz).")
    pytestmark = [pytestmark, pytest.mark.skip("Graphviz's dot is not installed")]

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# Glyph widths of Helvetica (and Liberation Sans, which the browser uses for it) as a
# fraction of the font size, by rough class, rounded up so the estimate errs wide.
NARROW, SEMI, WIDE = frozenset("ijl|.,:;'!·"), frozenset("ftrI -()/"), frozenset("mwMW%")


def char_width(ch: str) -> float:
    if ch in NARROW:
        return 0.26
    if ch in SEMI:
        return 0.34
    if ch in WIDE:
        return 0.86
    return 0.68 if ch.isupper() else 0.56 if ch.isdigit() else 0.54


@dataclass(frozen=True)
class Box:
    what: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def contains(self, x: float, y: float) -> bool:
        return self.left < x < self.right and self.top < y < self.bottom

    def inside(self, other: Box, slack: float = 1.0) -> bool:
        return (
            self.left >= other.left - slack
            and self.right <= other.right + slack
            and self.top >= other.top - slack
            and self.bottom <= other.bottom + slack
        )


def text_box(text: etree._Element, what: str) -> Box:
    size = float(text.get("font-size", "14"))
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    width = sum(char_width(ch) for ch in text.text or "") * size
    anchor = text.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return Box(what, left, y - 0.72 * size, left + width, y + 0.22 * size)


def shape_box(group: etree._Element, what: str) -> Box:
    """The box around every polygon and path of a node (its outermost border)."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in group.iter(f"{SVG}polygon", f"{SVG}path"):
        numbers = [float(n) for n in NUMBER.findall(shape.get("points") or shape.get("d") or "")]
        xs += numbers[0::2]
        ys += numbers[1::2]
    return Box(what, min(xs), min(ys), max(xs), max(ys))


@dataclass
class Layout:
    nodes: dict[str, Box]  # by node id ("doc-12")
    node_texts: dict[str, list[Box]]
    edge_labels: list[Box]
    date_labels: list[Box]
    svg: etree._Element
    edge_points: dict[str, list[tuple[float, float]]] = field(default_factory=dict)


def path_points(d: str) -> list[tuple[float, float]]:
    """Points along a path, sampled on the straight runs between its coordinates.

    dot's polyline edges keep their control points on the segments, so this follows them.
    """
    numbers = [float(n) for n in NUMBER.findall(d)]
    corners = list(zip(numbers[0::2], numbers[1::2], strict=False))
    return [
        (x1 + (x2 - x1) * k / 8, y1 + (y2 - y1) * k / 8)
        for (x1, y1), (x2, y2) in pairwise(corners)
        for k in range(9)
    ]


def layout(svg: str) -> Layout:
    root = etree.fromstring(svg.encode())
    found = Layout({}, {}, [], [], root)
    for group in root.iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        texts = list(group.iter(f"{SVG}text"))
        if "doc" in classes:
            node_id = group.get("id", "")
            found.nodes[node_id] = shape_box(group, node_id)
            found.node_texts[node_id] = [text_box(t, node_id) for t in texts]
        elif "date" in classes:
            found.date_labels += [text_box(t, f"date {t.text}") for t in texts if t.text]
        elif "edge" in classes:
            found.edge_labels += [text_box(t, f"{group.get('id')} {t.text}") for t in texts]
            path = group.find(f"{SVG}path")
            if path is not None:
                found.edge_points[group.get("id", "")] = path_points(path.get("d", ""))
    return found


def assert_nothing_overlaps(found: Layout) -> None:
    boxes = list(found.nodes.values()) + found.edge_labels + found.date_labels
    clashes = [(a.what, b.what) for a, b in combinations(boxes, 2) if a.overlaps(b)]
    assert clashes == []
    for node_id, texts in found.node_texts.items():
        # A node's own lines sit inside its box, so no label spills over another thing.
        assert all(t.inside(found.nodes[node_id], slack=2.0) for t in texts), node_id
        for other, box in found.nodes.items():
            if other != node_id:
                assert not any(t.overlaps(box) for t in texts), (node_id, other)
    labels = [t for texts in found.node_texts.values() for t in texts] + found.edge_labels
    # No edge runs through another edge's label or a node it does not join.
    for edge_id, points in found.edge_points.items():
        _, source, article = edge_id.split("-")
        ends = {f"doc-{source}", f"doc-{article}"}
        others = [b for b in found.edge_labels if not b.what.startswith(edge_id + " ")]
        others += [b for node_id, b in found.nodes.items() if node_id not in ends]
        crossed = {b.what for b in others for x, y in points if b.contains(x, y)}
        assert crossed == set(), edge_id
    # Each node label against every edge label and every other node's label.
    assert [
        (a.what, b.what) for a, b in combinations(labels, 2) if a.what != b.what and a.overlaps(b)
    ] == []


def demo_graph(demo_corpus: dict[str, Document], viewer: object) -> Layout:
    graph = build_graph(list(demo_corpus.values()), "All documents", viewer)  # type: ignore[arg-type]
    assert graph.problem == "" and graph.svg is not None
    return layout(str(graph.svg))


def test_demo_graph_has_no_overlapping_labels(
    demo_corpus: dict[str, Document], admin_member: object
) -> None:
    found = demo_graph(demo_corpus, admin_member)
    assert len(found.nodes) == 5 and len(found.edge_labels) >= 4  # two lines per edge label
    assert_nothing_overlaps(found)


def test_layers_run_by_date_with_the_release_above_its_days_articles(
    demo_corpus: dict[str, Document], admin_member: object
) -> None:
    found = demo_graph(demo_corpus, admin_member)
    top = {n: found.nodes[f"doc-{demo_corpus[n].pk}"].top for n in demo_corpus}
    # 001 (release) and 002 (article) appeared on 14 November 2022: the release on top;
    # then 000 (18 Nov 2022), 004 (2024) and the release 003 (2025) below, in date order.
    assert top["001"] < top["002"] < top["000"] < top["004"] < top["003"]
    dates = [b.what for b in sorted(found.date_labels, key=lambda b: b.top)]
    assert dates == [f"date {d}" for d in ("14 Nov 2022", "14 Nov 2022", "18 Nov 2022")] + [
        "date 31 Jan 2024",
        "date 27 Feb 2025",
    ]


def test_nodes_show_whole_titles_wrapped_and_link_to_their_pages(
    demo_corpus: dict[str, Document], admin_member: object
) -> None:
    found = demo_graph(demo_corpus, admin_member)
    for document in demo_corpus.values():
        group = found.svg.find(f".//{SVG}g[@id='doc-{document.pk}']")
        assert group is not None
        title = group.find(f"{SVG}title")
        assert title is not None and (title.text or "").startswith(document.title)
        link = group.find(f"{SVG}a")
        assert link is not None and link.get("href") == document.get_absolute_url()
        lines = [t.text or "" for t in group.iter(f"{SVG}text")][:-1]  # last: kind · outlet
        assert " ".join(lines) == " ".join(document.title.split())
        assert max(len(line) for line in lines) <= WRAP


def test_edges_carry_both_shares_and_a_style_per_role(
    demo_corpus: dict[str, Document], admin_member: object
) -> None:
    found = demo_graph(demo_corpus, admin_member)
    release, post = demo_corpus["001"], demo_corpus["000"]
    edge = found.svg.find(f".//{SVG}g[@id='edge-{release.pk}-{post.pk}']")
    assert edge is not None and "role-origin" in (edge.get("class") or "")
    texts = [t.text or "" for t in edge.iter(f"{SVG}text")]
    assert re.fullmatch(r"\d+% taken", texts[0]) and re.fullmatch(r"\d+% reused", texts[1])
    path = edge.find(f"{SVG}path")
    assert path is not None and path.get("stroke-dasharray") is None
    assert float(path.get("stroke-width", "1")) >= 2


def _doc(pk: int, title: str, kind: str, day: date) -> Document:
    return Document(pk=pk, title=title, kind=kind, published_on=day)


def _edge(source: Document, article: Document, role: str, share: float) -> GraphEdge:
    return GraphEdge(
        source=source,
        article=article,
        role=role,
        direct=role in {"origin", "direct"},
        derivative_share=share,
        source_share=share / 2,
        weak=role == "related",
        comparison=None,
    )


def test_a_busy_day_of_coverage_stays_readable(
    admin_member: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One release, fourteen same-day articles, chains and weak links: still nothing overlaps."""
    day = date(2024, 3, 1)
    release = _doc(
        1, "Government announces a new plan for coastal flood defences", "press_release", day
    )
    articles = [
        _doc(
            10 + i,
            f"Flood defences story number {i} with a long headline about the plan",
            "article",
            day,
        )
        for i in range(14)
    ]
    later = _doc(
        50, "A week later: what the flood plan means for homeowners", "article", date(2024, 3, 8)
    )
    edges = [_edge(release, a, "origin", 0.3 + i / 40) for i, a in enumerate(articles)]
    edges += [
        _edge(articles[0], articles[1], "direct", 0.4),
        _edge(articles[2], later, "related", 0.1),
    ]
    edges += [_edge(release, later, "origin", 0.5), _edge(articles[3], articles[4], "sibling", 0.2)]
    monkeypatch.setattr("discovery.graph.graph_edges", lambda *args, **kwargs: edges)
    graph = build_graph([release, *articles, later], "Floods", admin_member)  # type: ignore[arg-type]
    assert graph.svg is not None
    found = layout(str(graph.svg))
    assert len(found.nodes) == 16
    assert_nothing_overlaps(found)
    # Story 1 took from story 0 on the same day: it sits a step below, not beside it.
    assert found.nodes["doc-11"].top > found.nodes["doc-10"].bottom
    # A busy day wraps into rows rather than one very long line.
    rows: dict[float, int] = {}
    for box in found.nodes.values():
        middle = round((box.top + box.bottom) / 2)
        rows[middle] = rows.get(middle, 0) + 1
    assert max(rows.values()) <= 6 and len(rows) >= 4


def test_siblings_are_dotted_and_related_edges_dashed() -> None:
    day = date(2024, 3, 1)
    a, b, c = (_doc(i, f"Doc {i}", "article", day) for i in (1, 2, 3))
    text = to_dot([a, b, c], [_edge(a, b, "sibling", 0.2), _edge(a, c, "related", 0.1)])
    assert re.search(r'"doc-1" -> "doc-2" \[[^]]*style=dotted', text)
    assert re.search(r'"doc-1" -> "doc-3" \[[^]]*style=dashed', text)


def test_without_dot_the_page_says_so_and_keeps_the_table(
    demo_corpus: dict[str, Document],
    client_for: object,
    educator: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache.clear()  # a picture drawn by an earlier test would otherwise be shown
    monkeypatch.setattr("discovery.dot.shutil.which", lambda name: None)
    page = client_for(educator).get("/discovery/graph/")  # type: ignore[operator]
    text = page.content.decode()
    assert page.status_code == 200
    assert "Graphviz (the dot command) is not installed" in text
    assert "<svg" not in text.split("<main", 1)[1]
    assert demo_corpus["000"].title in text and "Reuse edges" in text


def test_the_overlap_check_itself_catches_a_clash() -> None:
    """Two labels drawn on the same spot must be reported, or the tests above prove nothing."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g class="edge" id="edge-1-2">'
        '<text x="10" y="10" font-size="10">40% taken</text></g><g class="edge" id="edge-1-3">'
        '<text x="30" y="12" font-size="10">12% taken</text></g></svg>'
    )
    with pytest.raises(AssertionError):
        assert_nothing_overlaps(layout(svg))
    through = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g class="edge" id="edge-1-2">'
        '<text x="10" y="10" font-size="10">40% taken</text></g><g class="edge" id="edge-3-4">'
        '<path d="M0,-100 C0,-50 10,0 20,40"/></g></svg>'
    )
    with pytest.raises(AssertionError, match="edge-3-4"):
        assert_nothing_overlaps(layout(through))


def test_siblings_are_drawn_once_and_only_when_asked_for(
    demo_corpus: dict[str, Document], client_for: object, educator: object
) -> None:
    post, paper = demo_corpus["000"], demo_corpus["002"]
    client = client_for(educator)  # type: ignore[operator]
    hidden = client.get("/discovery/graph/")
    assert not [e for e in hidden.context["graph"].edges if e.role == "sibling"]
    assert "role-sibling" not in hidden.content.decode()
    shown = client.get("/discovery/graph/", {"siblings": "1"})
    siblings = [e for e in shown.context["graph"].edges if e.role == "sibling"]
    assert [{e.source.pk, e.article.pk} for e in siblings] == [{post.pk, paper.pk}]
    found = layout(str(shown.context["graph"].svg))
    assert_nothing_overlaps(found)
    edge = found.svg.find(f".//{SVG}g[@class='edge role-sibling']/{SVG}path")
    assert edge is not None and edge.get("stroke-dasharray")
    assert 'name="siblings" value="1" type="checkbox" checked' in shown.content.decode()


def test_the_drawing_is_kept_per_input(
    demo_corpus: dict[str, Document], admin_member: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import discovery.dot

    cache.clear()
    calls: list[str] = []
    real = discovery.dot.run_dot

    def counting(text: str) -> bytes:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(discovery.dot, "run_dot", counting)
    documents = list(demo_corpus.values())
    first = build_graph(documents, "All documents", admin_member)  # type: ignore[arg-type]
    again = build_graph(documents, "All documents", admin_member)  # type: ignore[arg-type]
    assert len(calls) == 1 and first.svg == again.svg
    # Another title for the same documents: same layout input, but not the same picture.
    other = build_graph(documents, "Officers", admin_member)  # type: ignore[arg-type]
    assert 'aria-label="Provenance graph: Officers"' in str(other.svg)
