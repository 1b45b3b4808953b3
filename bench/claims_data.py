"""The labelled claim sentences in ../shared/claims, read in place (never copied), and their split.

The split is by a hash of each sentence, so it never changes between runs and the
held-out fifth is never seen by training or by tuning the rules.
"""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The shared folder sits beside the main checkout, or two levels up from a worktree.
_NEAR = [p / "shared" / "claims" for p in (ROOT.parent, ROOT.parent.parent)]
CLAIMS = Path(os.environ.get("CLAIMS_DIR", next((p for p in _NEAR if p.exists()), _NEAR[0])))
CSV = CLAIMS / "pubmed_causal_language_use.csv"
# The file's labels, by strength: 0 none < 3 correlational < 2 conditional < 1 causal.
LABELS = {"0": "none", "1": "causal", "2": "conditional", "3": "correlational"}
LEVELS = ("none", "correlational", "conditional", "causal")


def held_out(sentence: str) -> bool:
    return int(hashlib.sha256(sentence.encode("utf-8")).hexdigest(), 16) % 5 == 0


def load(split: str) -> list[tuple[str, str]]:
    """(sentence, level) pairs of the "train" or "test" split."""
    with CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        (r["sentence"], LABELS[r["label"]])
        for r in rows
        if held_out(r["sentence"]) == (split == "test")
    ]
