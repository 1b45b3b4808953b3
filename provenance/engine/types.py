"""Types the pipeline's steps share, in a module of their own: no two steps import each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.engine.diff import RawOp
    from provenance.engine.result import PassageKind
    from provenance.engine.segment import Unit
    from provenance.engine.tokens import Tokens


@dataclass(frozen=True, slots=True)
class Side:
    """One text with its tokens and units, and a token→unit map."""

    text: str
    tokens: Tokens
    units: list[Unit]
    unit_of: list[int]
    unit_lo: list[int]  # first token index of each unit
    unit_hi: list[int]  # one past the last token index of each unit
    # What steps read off the side's units once and reuse (a unit's stems, say): kept
    # with the side, so a text compared with many others is read once.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(slots=True)
class Match:
    """A passage under construction, over token ranges (lo == hi == -1 when absent)."""

    kind: PassageKind
    s_lo: int
    s_hi: int
    d_lo: int
    d_hi: int
    similarity: float
    ops: list[RawOp] = field(default_factory=list)
    moved: bool = False
    s_span: tuple[int, int] | None = None
    d_span: tuple[int, int] | None = None
    # Cut inside a unit at an edge: a copy that starts or ends mid-sentence.
    partial: bool = False
    # The ops of the linked units left outside the passage at its head and tail: the
    # findings still read the whole sentences, so an edit at the cut is not lost.
    cut_head: list[RawOp] = field(default_factory=list)
    cut_tail: list[RawOp] = field(default_factory=list)
