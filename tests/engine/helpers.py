"""Checks shared by engine tests."""

from __future__ import annotations

from provenance.engine import Comparison


def assert_spans_valid(c: Comparison, source: str, derivative: str) -> None:
    """Every span lies inside its text, is non-empty and tight (no outer whitespace)."""

    def check(span: tuple[int, int] | None, text: str, tight: bool = True) -> None:
        if span is None:
            return
        s, e = span
        assert 0 <= s < e <= len(text), (span, len(text))
        if tight:
            assert not text[s].isspace() and not text[e - 1].isspace(), repr(text[s:e])

    for p in c.passages:
        assert p.source_span is not None or p.derivative_span is not None
        check(p.source_span, source)
        check(p.derivative_span, derivative)
        for op in p.ops:
            check(op.source_span, source)
            check(op.derivative_span, derivative)
    for f in c.findings:
        check(f.source_span, source, tight=False)
        check(f.derivative_span, derivative, tight=False)
    assert 0.0 <= c.stats.derivative_share <= 1.0
    assert 0.0 <= c.stats.source_share <= 1.0
    assert c.stats.derivative_share + c.stats.paraphrased_share <= 1.0 + 1e-9
