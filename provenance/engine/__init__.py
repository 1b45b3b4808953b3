"""Text-reuse alignment engine: compare a source text with a derivative text.

This package's names are the engine's public face: the apps import from
`provenance.engine` only, never from its modules (a test enforces it).
"""

from __future__ import annotations

from provenance.engine.analysis import AnalysedText, analyse
from provenance.engine.claims import ClaimLevel, ClaimReading, claim_features, claim_strength
from provenance.engine.compare import compare
from provenance.engine.figures import Figure, figure_spans, read_figures
from provenance.engine.fingerprint import fingerprints, hash_gram, kgram_hashes, winnow
from provenance.engine.paraphrase import paraphrase_thresholds
from provenance.engine.result import (
    ENGINE_VERSION,
    PASSAGE_KINDS,
    SCHEMA_VERSION,
    WORDING_KINDS,
    Comparison,
    Finding,
    Op,
    Passage,
    Replacement,
    Stats,
)
from provenance.engine.segment import Unit, segment
from provenance.engine.terms import distinctive_terms, is_term, term_frequencies, term_hash
from provenance.engine.tokens import (
    STOP_WORDS,
    WEAK_WORDS,
    Tokens,
    is_content,
    is_evidence,
    is_number,
    key_sequence,
    stem,
    tokenize,
)

__all__ = [
    "ENGINE_VERSION",
    "PASSAGE_KINDS",
    "SCHEMA_VERSION",
    "STOP_WORDS",
    "WEAK_WORDS",
    "WORDING_KINDS",
    "AnalysedText",
    "ClaimLevel",
    "ClaimReading",
    "Comparison",
    "Figure",
    "Finding",
    "Op",
    "Passage",
    "Replacement",
    "Stats",
    "Tokens",
    "Unit",
    "analyse",
    "claim_features",
    "claim_strength",
    "compare",
    "distinctive_terms",
    "figure_spans",
    "fingerprints",
    "hash_gram",
    "is_content",
    "is_evidence",
    "is_number",
    "is_term",
    "key_sequence",
    "kgram_hashes",
    "paraphrase_thresholds",
    "read_figures",
    "segment",
    "stem",
    "term_frequencies",
    "term_hash",
    "tokenize",
    "winnow",
]
