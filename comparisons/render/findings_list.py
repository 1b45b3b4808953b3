"""Which findings a page shows first and which it folds away: one rule for every page.

The engine ranks findings (attribution and altered quotations, names, figures,
unsourced quotations, moves). A page leads with the top ones so the texts still
fit on the first screen; the rest, and every minor finding (a quotation the
source cannot confirm, a passage moved) wait under "More findings". The
comparison page and a check's result both call `finding_groups`, so the same
pair of texts never shows a finding on one page that the other keeps folded.
"""

from __future__ import annotations

from dataclasses import dataclass

from provenance.engine import Comparison as EngineComparison
from provenance.engine import Finding

# Two findings and the texts still fit on a laptop's first screen beside the header.
LEAD_LIMIT = 2


@dataclass(frozen=True)
class FindingGroups:
    """The findings, numbered as the engine ranks them: those shown first and the folded rest."""

    lead: list[tuple[int, Finding]]
    more: list[tuple[int, Finding]]

    @property
    def total(self) -> int:
        return len(self.lead) + len(self.more)


def finding_groups(result: EngineComparison) -> FindingGroups:
    """Lead with the top finding and the next major one; fold the rest.

    A minor finding leads only when nothing major was found, and then alone.
    """
    numbered = list(enumerate(result.findings))
    major = [(i, f) for i, f in numbered if f.severity != "low"]
    lead = major[:LEAD_LIMIT] if major else numbered[:1]
    shown = {i for i, _f in lead}
    return FindingGroups(lead=lead, more=[(i, f) for i, f in numbered if i not in shown])
