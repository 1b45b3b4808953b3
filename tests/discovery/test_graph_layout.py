"""The provenance graph's layout: one column per date, same-day documents stacked."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from discovery.graph import WIDTH, build_graph
from documents.models import Document

pytestmark = pytest.mark.django_db


def test_same_day_documents_share_a_column_and_dates_keep_their_order(
    demo_corpus: dict[str, Document],
) -> None:
    docs = sorted(demo_corpus.values(), key=lambda d: (d.published_on or date.max, d.pk))
    graph = build_graph(docs, "All documents")
    x = {n.document.pk: n.x for n in graph.nodes}
    y = {n.document.pk: n.y for n in graph.nodes}
    # 001 (release) and 002 (article) appeared on 14 November 2022: one column.
    assert x[demo_corpus["001"].pk] == x[demo_corpus["002"].pk]
    # Later dates sit further right, even when years apart, without crowding.
    order = ["001", "000", "004", "003"]
    xs = [x[demo_corpus[n].pk] for n in order]
    assert xs == sorted(xs) and len(set(xs)) == 4
    assert min(b - a for a, b in pairwise(xs)) >= 80
    assert max(xs) < WIDTH
    # Nodes never sit on top of one another.
    assert len({(x[pk], y[pk]) for pk in x}) == len(x)
    # Every column has a readable date tick.
    assert [label for label, _ in graph.ticks][:2] == ["14 Nov 2022", "18 Nov 2022"]


def test_labels_are_cut_to_fit_their_column(demo_corpus: dict[str, Document]) -> None:
    graph = build_graph(list(demo_corpus.values()), "All documents")
    long = next(n for n in graph.nodes if len(n.document.title) > n.label_chars)
    assert long.label.endswith("…") and len(long.label) == long.label_chars
