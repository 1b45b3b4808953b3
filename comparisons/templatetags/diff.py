"""Template tags that put the rendered comparison texts into pages (see comparisons.render)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from comparisons import claims, render
from provenance.engine import AnalysedText
from provenance.engine import Comparison as EngineComparison

register = template.Library()


@register.simple_tag
def diff_side(
    result: EngineComparison,
    text: str | AnalysedText,
    side: render.Side,
    options: render.Options,
) -> SafeString:
    """Render one column of the side-by-side view."""
    return render.side_html(text, result, side, options)


@register.simple_tag
def diff_rows(
    result: EngineComparison,
    source: str | AnalysedText,
    derivative: str | AnalysedText,
    options: render.Options,
) -> list[render.Row]:
    """Render both columns of the side-by-side view, cut into aligned rows."""
    return render.aligned_rows(source, derivative, result, options)


@register.simple_tag
def diff_inline(
    result: EngineComparison,
    source: str | AnalysedText,
    derivative: str | AnalysedText,
    options: render.Options,
) -> SafeString:
    """Render the one-column redline."""
    return render.inline_html(source, derivative, result, options)


@register.simple_tag
def diff_minimap(result: EngineComparison, derivative: str) -> SafeString:
    return render.minimap_html(derivative, result)


@register.simple_tag
def diff_step(
    result: EngineComparison, step: render.Step, text: str | AnalysedText, side: render.Side
) -> SafeString:
    """Render one side's excerpt of a step-through stop."""
    return render.step_side_html(result, step, text, side)


@register.filter
def percent(value: float | None) -> str:
    """0.8205 → "82%"; nothing known → "–"."""
    if value is None:
        return "–"
    return f"{round(value * 100)}%"


@register.simple_tag
def claim_key(result: EngineComparison) -> list[tuple[str, str, bool]]:
    """The claim kinds for the key: label, meaning, and whether this comparison has one."""
    found = {f.type for f in result.findings}
    return [
        (render.FINDING_LABELS[kind], claims.CLAIM_HELP[kind], kind in found)
        for kind in claims.CLAIM_KINDS
    ]


@register.filter
def finding_label(finding_type: str) -> str:
    return render.FINDING_LABELS.get(finding_type, finding_type.replace("_", " "))
