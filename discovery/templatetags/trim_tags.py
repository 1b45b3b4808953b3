"""Template helpers for the trim map."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template

register = template.Library()


@register.filter
def column_title(columns: Sequence[Any], index: int) -> str:
    """The full title of the derivative in column `index`, to label a cell on a phone."""
    try:
        return str(columns[index].document.title)
    except (IndexError, AttributeError, TypeError):
        return ""
