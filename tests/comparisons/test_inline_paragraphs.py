"""The inline (redline) view keeps the derivative's paragraphs."""

from __future__ import annotations

from comparisons import render
from comparisons.render import writer
from provenance.engine import compare
from tests.engine.seeds import seed


def test_the_inline_view_keeps_the_derivatives_paragraphs() -> None:
    source, derivative = seed("001"), seed("000")
    html = str(render.inline_html(source, derivative, compare(source, derivative)))
    paragraphs = [p for p in derivative.split("\n") if p.strip()]
    # One visible break between each pair of the MP's paragraphs (at least one per gap).
    assert html.count(writer._PB) >= len(paragraphs) - 1
