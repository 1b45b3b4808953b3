"""The real press releases and stories in ../shared/real-dev, read in place (never copied)."""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = Path(os.environ.get("REAL_DEV_DIR", ROOT.parent / "shared" / "real-dev"))


def load(name: str) -> list[dict[str, object]]:
    with (REAL / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def is_clean(article: dict[str, object]) -> bool:
    """A story the corpus pairs with its release without doubt, long enough to judge."""
    return (
        not article.get("broadcast_by_filename")
        and article.get("pr_is_best_tfidf_match") is not False
        and not article.get("filename_note")
        and int(str(article.get("words") or 0)) >= 150
    )
