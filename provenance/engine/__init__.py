"""Text-reuse alignment engine: compare a source text with a derivative text."""

from __future__ import annotations

from provenance.engine.compare import compare
from provenance.engine.result import (
    ENGINE_VERSION,
    SCHEMA_VERSION,
    Comparison,
    Finding,
    Op,
    Passage,
    Stats,
)

__all__ = [
    "ENGINE_VERSION",
    "SCHEMA_VERSION",
    "Comparison",
    "Finding",
    "Op",
    "Passage",
    "Stats",
    "compare",
]
