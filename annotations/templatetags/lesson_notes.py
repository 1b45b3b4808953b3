"""The reviewed annotations a class sees on slides and on the printed handout.

Read only: the annotations' own queryset picks what a share link would show (confirmed
and public), whoever is presenting, since slides and handouts are shown to a class.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template

from annotations.models import Annotation

register = template.Library()


def _overlaps(a: tuple[int, int] | None, start: int, end: int) -> bool:
    return a is not None and a[0] < end and start < a[1]


def _on_slide(note: Annotation, slide: Any, comparison: Any) -> bool:
    step = slide.step
    if note.finding_index is not None and any(i == note.finding_index for i, _ in step.findings):
        return True
    if note.document_version_id == comparison.source_version_id:
        return _overlaps(step.source_span, note.start, note.end)
    if note.document_version_id == comparison.derivative_version_id:
        return _overlaps(step.derivative_span, note.start, note.end)
    return False


@register.simple_tag
def class_notes(comparison: Any) -> list[Annotation]:
    """Confirmed, public annotations on the comparison's two texts, source first."""
    return list(Annotation.objects.public_for(comparison).with_related())


@register.simple_tag
def notes_by_slide(
    comparison: Any, slides: Sequence[Any], notes: Sequence[Annotation]
) -> list[tuple[Any, list[Annotation]]]:
    """Pair each slide with the class notes on its passages or findings."""
    return [(s, [n for n in notes if _on_slide(n, s, comparison)]) for s in slides]


@register.filter
def note_side(note: Annotation, comparison: Any) -> str:
    return "Source" if note.document_version_id == comparison.source_version_id else "Derivative"
