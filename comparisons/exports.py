"""A comparison's findings as a spreadsheet (CSV) or as JSON, with the claim kinds' phrases.

Each row is one finding in the findings panel's order, with both sentences it sits on, the
deciding words on each side and, for the claim kinds, how strongly each side states the
claim, so a teacher's spreadsheet holds what the page shows.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from comparisons import claims
from comparisons.models import Comparison
from comparisons.render.writer import FINDING_LABELS, Side, span_of
from provenance.engine import Finding

FORMATS = ("csv", "json")
COLUMNS = [
    "number", "type", "label", "severity", "message", "reason",
    "source_start", "source_end", "source_text", "source_words", "source_level",
    "derivative_start", "derivative_end", "derivative_text", "derived_words", "derived_level",
]  # fmt: skip


def _side(finding: Finding, side: Side, text: str) -> tuple[int | None, int | None, str]:
    span = span_of(finding, side)
    if span is None:
        return None, None, ""
    return span[0], span[1], " ".join(text[span[0] : span[1]].split())


def finding_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One dict per finding, keyed by COLUMNS (None where a side or a level is absent)."""
    source = comparison.source_version.text
    derivative = comparison.derivative_version.text
    rows = []
    for n, f in enumerate(comparison.engine_result.findings, start=1):
        s_start, s_end, s_text = _side(f, "source", source)
        d_start, d_end, d_text = _side(f, "derivative", derivative)
        s_words, d_words = claims.phrases(f)
        s_level, d_level = claims.levels(f)
        values = [
            n, f.type, FINDING_LABELS.get(f.type, f.type.replace("_", " ")), f.severity,
            f.message, f.reason, s_start, s_end, s_text, s_words or None, s_level,
            d_start, d_end, d_text, d_words or None, d_level,
        ]  # fmt: skip
        rows.append(dict(zip(COLUMNS, values, strict=True)))
    return rows


def _cell(value: Any) -> Any:
    """Keep a spreadsheet from running a quoted sentence as a formula (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return out.getvalue()
