"""Plain-text report of a comparison, for the command line."""

from __future__ import annotations

from provenance.engine.result import Comparison

_WIDTH = 70


def _snippet(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    words = " ".join(text[span[0] : span[1]].split())
    return words if len(words) <= _WIDTH else words[: _WIDTH - 1] + "…"


def render(result: Comparison, source: str, derivative: str) -> str:
    """Return a readable multi-line report of passages, findings and stats."""
    st = result.stats
    lines = [
        f"Derivative words from the source's wording: {st.derivative_share:.0%}"
        f" (paraphrased: {st.paraphrased_share:.0%});"
        f" source words reused: {st.source_share:.0%}.",
        f"Source {st.source_words} words, derivative {st.derivative_words} words.",
        "",
        "Passages:",
    ]
    for p in result.passages:
        moved = ", moved" if p.moved else ""
        lines.append(f"  {p.kind.upper()} (similarity {p.similarity:.2f}{moved})")
        if p.source_span is not None:
            lines.append(f"    source     {p.source_span}: {_snippet(source, p.source_span)}")
        if p.derivative_span is not None:
            lines.append(
                f"    derivative {p.derivative_span}: {_snippet(derivative, p.derivative_span)}"
            )
    lines.append("")
    lines.append("Findings:" if result.findings else "Findings: none.")
    for f in result.findings:
        lines.append(f"  [{f.severity}] {f.type}: {f.message}")
    return "\n".join(lines)
