"""Template filters for the lesson views: the step-through, slides and the handout."""

from __future__ import annotations

from django import template

from comparisons import steps

register = template.Library()


@register.filter
def whole_words(message: str) -> str:
    """A finding's message with no word cut short before an ellipsis."""
    return steps.whole_words(message)
