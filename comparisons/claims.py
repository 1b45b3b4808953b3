"""Claim findings as every page, export and API reads them: the deciding words on each side.

The engine reports a claim finding on whole sentences and quotes the words that decided
it ("linked to" / "cuts") in its detail and reason. Pages mark those words inside the
sentences, handouts quote them, the documents list flags stories that overstate their
source: all of them read the words here, so each shows the same phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from provenance.engine import Comparison as EngineComparison
from provenance.engine import Finding

Side = Literal["source", "derivative"]
Span = tuple[int, int]

CLAIM_KINDS: tuple[str, ...] = (
    "claim_strengthened",
    "claim_weakened",
    "subjects_generalised",
    "advice_added",
)
# Findings that make a story say more than its source: the documents list flags these.
OVERSTATING: frozenset[str] = frozenset({"claim_strengthened", "subjects_generalised"})

# What each claim kind means, for the page's key (its label is render.FINDING_LABELS').
CLAIM_HELP: dict[str, str] = {
    "claim_strengthened": "the article states a finding more strongly than the release, "
    "e.g. a link told as a cause",
    "claim_weakened": "the article states a finding more cautiously than the release",
    "subjects_generalised": "the release reports a study in animals or cells; the article "
    "tells it as if about people",
    "advice_added": "the article tells readers what to do; the release gives no such advice",
}

_QUOTED = re.compile(r"“([^”]+)”")
# The engine joins a claim's separate deciding words ("may … cut") with an ellipsis,
# and several subject words ("mice, rats") with commas.
_PIECES = re.compile(r"\s*(?:…|,)\s*")


def is_claim(finding: Finding) -> bool:
    return finding.type in CLAIM_KINDS


def overstates(result: EngineComparison) -> bool:
    """Tell whether the derivative states a finding more strongly than its source does."""
    return any(f.type in OVERSTATING for f in result.findings)


def phrases(finding: Finding) -> tuple[str, str]:
    """The deciding words quoted for (source, derivative); "" where a side has none."""
    if not is_claim(finding):
        return "", ""
    detail = finding.detail
    quoted = _QUOTED.findall(finding.reason)
    if finding.type == "advice_added":
        # The release gives no advice: the one quotation is the article's.
        return "", detail.get("derivative_words") or (quoted[-1] if quoted else "")
    source = detail.get("source_words") or (quoted[0] if quoted else "")
    derivative = detail.get("derivative_words") or (quoted[1] if len(quoted) > 1 else "")
    return source, derivative


def levels(finding: Finding) -> tuple[str | None, str | None]:
    """How strongly each side states the claim (the engine's ClaimLevel values), if read."""
    return finding.detail.get("source_level"), finding.detail.get("derivative_level")


def phrase_spans(finding: Finding, side: Side, text: str) -> list[Span]:
    """Where the deciding words stand in `text`, looked for inside the finding's span.

    Each piece of the quotation is found after the previous one, case and spacing
    aside; a piece that cannot be found (text edited since) is left unmarked.
    """
    span = finding.source_span if side == "source" else finding.derivative_span
    words = phrases(finding)[0 if side == "source" else 1]
    if span is None or not words:
        return []
    out: list[Span] = []
    pos, end = span
    for piece in (p for p in _PIECES.split(words) if p):
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, piece.split())) + r"(?!\w)"
        found = re.compile(pattern, re.IGNORECASE).search(text, pos, end)
        if found is None:
            continue
        out.append((found.start(), found.end()))
        pos = found.end()
    return out


def all_phrase_spans(findings: Sequence[Finding], side: Side, text: str) -> list[Span]:
    """The deciding words of every claim finding on one side, in text order."""
    spans: Iterable[Span] = (
        s for f in findings if is_claim(f) for s in phrase_spans(f, side, text)
    )
    return sorted(set(spans))
