"""What a check's page shows: its sources as the viewer may see them, and the best comparison."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.models import Check
from checks.workflow import SAME_TEXT_SHARE
from comparisons import render as diff
from comparisons.analysis import analysis_for
from documents.models import Document, DocumentVersion
from provenance.engine import Comparison as EngineComparison
from provenance.engine import analyse

if TYPE_CHECKING:
    from provenance.roles import AnyUser


@dataclass(frozen=True)
class SourceRow:
    document: Document
    derivative_share: float
    paraphrased_share: float
    source_share: float
    best: bool

    @property
    def same_text(self) -> bool:
        """The corpus already holds this article, or nearly (another copy of it)."""
        return self.derivative_share >= SAME_TEXT_SHARE


def source_rows(check: Check, viewer: AnyUser) -> list[SourceRow]:
    """The check's sources still there and visible to the viewer, in the order found."""
    ids = [s["version"] for s in check.sources]
    versions = DocumentVersion.objects.filter(
        pk__in=ids, document__in=Document.objects.visible_to(viewer)
    ).select_related("document__outlet")
    by_id = {v.pk: v for v in versions}
    return [
        SourceRow(
            by_id[s["version"]].document,
            s["derivative_share"],
            s["paraphrased_share"],
            s["source_share"],
            s["version"] == check.best_version_id,
        )
        for s in check.sources
        if s["version"] in by_id
    ]


def check_context(check: Check, viewer: AnyUser) -> dict[str, Any]:
    """The page context: sources, and the best source's comparison rendered side by side."""
    rows = source_rows(check, viewer)
    context: dict[str, Any] = {"check": check, "rows": rows, "result": None}
    best = check.best_version
    if check.result is None or best is None or not any(r.best for r in rows):
        return context
    result = EngineComparison.from_dict(check.result)
    context.update(
        result=result,
        best=best,
        source_analysis=analysis_for(best),
        article_analysis=analyse(check.text, name="article"),
        options=diff.Options(),
        findings=list(result.findings),
    )
    return context
