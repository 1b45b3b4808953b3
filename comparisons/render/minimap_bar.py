"""The minimap: the derivative's passages as one bar of cells above the texts."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from comparisons.render.passages import side_passages
from comparisons.render.writer import word_count
from provenance.engine import Comparison as EngineComparison


@dataclass(frozen=True)
class MinimapCell:
    kind: str
    index: int
    width: float  # percent of the derivative
    words: int
    moved: bool


def minimap(derivative: str, result: EngineComparison) -> list[MinimapCell]:
    """Return the derivative's passages as bar cells, neighbours of one kind merged."""
    total = len(derivative) or 1
    cells: list[MinimapCell] = []
    for _index, passage, (start, end) in side_passages(result, "derivative"):
        width = 100 * (end - start) / total
        words = word_count(derivative[start:end])
        last = cells[-1] if cells else None
        if last and last.kind == passage.kind and not last.moved and not passage.moved:
            cells[-1] = MinimapCell(
                last.kind, last.index, last.width + width, last.words + words, False
            )
        else:
            cells.append(MinimapCell(passage.kind, _index, width, words, passage.moved))
    return cells


def whole_percents(widths: list[float]) -> list[int]:
    """Round widths (percent) to whole ones that still add up to the rounded total.

    Each boundary is rounded rather than each width, so rounding errors never pile
    up along the bar.
    """
    rounded, start = [], 0.0
    for width in widths:
        end = start + width
        rounded.append(round(end) - round(start))
        start = end
    return rounded


def minimap_html(derivative: str, result: EngineComparison) -> SafeString:
    """Render the minimap as one row of links, one per run of a kind.

    Widths are classes (`w-0`…`w-100` in site.css), never style attributes: the
    Content Security Policy allows no inline style.
    """
    cells = minimap(derivative, result)
    parts = []
    for cell, percent in zip(cells, whole_percents([c.width for c in cells]), strict=True):
        label = f"{cell.kind}, moved" if cell.moved else cell.kind
        parts.append(
            f'<a class="cell k-{cell.kind} w-{percent}" href="#d-p{cell.index}" tabindex="-1"'
            f' data-p="{cell.index}" title="{label}: {cell.words} words"></a>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - built from numbers and fixed words
