"""The compare() entry point: tie tokens, alignment, findings and stats together."""

from __future__ import annotations

from typing import Any

from provenance.engine.align import align
from provenance.engine.analysis import AnalysedText, analyse, make_side
from provenance.engine.claim_findings import claim_findings
from provenance.engine.diff import to_ops
from provenance.engine.findings import find_all, ranked
from provenance.engine.result import (
    PASSAGE_KINDS,
    WORDING_KINDS,
    Comparison,
    Finding,
    Passage,
    Replacement,
    Stats,
)
from provenance.engine.types import Match, Side


def compare(
    source: str | AnalysedText, derivative: str | AnalysedText, **options: Any
) -> Comparison:
    """Compare a source text with a text that may derive from it.

    Either side may be a text already analysed (`analyse()`): the result is the
    same as for the plain string, without tokenising it again. Raises ValueError
    for input that is not text (wrong type, binary data) or for unknown options.
    Spans index the strings exactly as passed in.
    """
    # claims=False leaves out the claim findings (bench/claims.py times what they cost).
    claims_on = options.pop("claims", True)
    if options:
        raise ValueError(f"Unknown option(s): {', '.join(sorted(options))}.")
    src = _side(source, "source")
    der = _side(derivative, "derivative")
    matches, tiles = align(src, der)
    passages = tuple(_passage(m, src, der) for m in matches)
    stats = _stats(matches, src, der)
    found = find_all(src, der, matches, tiles, stats)
    claims = claim_findings(src, der, matches) if claims_on else []
    findings: tuple[Finding, ...] = tuple(ranked(found + claims) if claims else found)
    return Comparison(
        passages=passages,
        findings=findings,
        stats=stats,
        replacements=_replacements(passages, findings),
    )


def _replacements(
    passages: tuple[Passage, ...], findings: tuple[Finding, ...]
) -> tuple[Replacement, ...]:
    """Pair the omitted and added passages that each "quotation replaced" finding joins."""

    def holding(kind: str, span: tuple[int, int] | None, side: str) -> int | None:
        for i, p in enumerate(passages):
            outer = p.source_span if side == "s" else p.derivative_span
            if p.kind == kind and span and outer and outer[0] <= span[0] and span[1] <= outer[1]:
                return i
        return None

    out = []
    for fi, f in enumerate(findings):
        if f.type != "quote_replaced":
            continue
        omitted = holding("omitted", f.source_span, "s")
        added = holding("added", f.derivative_span, "d")
        if omitted is not None and added is not None:
            out.append(Replacement("quote_replaced", omitted, added, fi))
    return tuple(out)


def _side(value: str | AnalysedText, name: str) -> Side:
    if not isinstance(value, AnalysedText):
        value = analyse(value, name=name)
        return make_side(value.text, value.tokens, value.units)
    return value.side()


def _passage(m: Match, src: Side, der: Side) -> Passage:
    return Passage(
        kind=m.kind,
        source_span=m.s_span,
        derivative_span=m.d_span,
        similarity=m.similarity,
        ops=to_ops(m.ops, src.tokens, der.tokens),
        moved=m.moved,
    )


def _stats(matches: list[Match], src: Side, der: Side) -> Stats:
    n_src = len(src.tokens)
    n_der = len(der.tokens)
    worded = paraphrased = source_used = 0
    counts: dict[str, int] = dict.fromkeys(PASSAGE_KINDS, 0)
    for m in matches:
        counts[m.kind] += 1
        if m.kind in WORDING_KINDS:
            worded += m.d_hi - m.d_lo
            source_used += (m.s_hi - m.s_lo) - sum(
                op.s_hi - op.s_lo for op in m.ops if op.kind == "delete"
            )
        elif m.kind == "paraphrased":
            paraphrased += m.d_hi - m.d_lo
            source_used += m.s_hi - m.s_lo
    return Stats(
        derivative_share=round(worded / n_der, 4) if n_der else 0.0,
        paraphrased_share=round(paraphrased / n_der, 4) if n_der else 0.0,
        source_share=round(source_used / n_src, 4) if n_src else 0.0,
        counts=counts,
        source_words=n_src,
        derivative_words=n_der,
    )
