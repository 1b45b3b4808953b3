"""The comparisons the home page offers an educator: featured and recent, each pair once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from comparisons.models import Comparison

if TYPE_CHECKING:
    from provenance.roles import AnyUser

# How many stored comparisons to read to fill the lists after dropping repeats.
SCAN = 60


@dataclass
class FrontDoor:
    featured: list[Comparison] = field(default_factory=list)
    recent: list[Comparison] = field(default_factory=list)


def _distinct(comparisons: Iterable[Comparison], seen: set[int], limit: int) -> list[Comparison]:
    """Keep at most one comparison per derivative document, so no title repeats down a list."""
    kept: list[Comparison] = []
    for comparison in comparisons:
        derivative = comparison.derivative_version.document_id
        if derivative in seen:
            continue
        seen.add(derivative)
        kept.append(comparison)
        if len(kept) == limit:
            break
    return kept


def front_door(user: AnyUser, featured: int = 3, recent: int = 6) -> FrontDoor:
    """The clearest reuse first (highest share of the article taken), then the latest others."""
    done = Comparison.objects.visible_to(user).done().with_documents()
    seen: set[int] = set()
    best = done.order_by("-derivative_share", "-computed_at", "-pk")[:SCAN]
    door = FrontDoor(featured=_distinct(best, seen, featured))
    latest = done.order_by("-computed_at", "-pk")[:SCAN]
    door.recent = _distinct(latest, seen, recent)
    return door
