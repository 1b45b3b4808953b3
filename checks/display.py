"""What a check's page shows: its sources as the viewer may see them, and the best comparison."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checks.models import Check
from checks.workflow import SAME_TEXT_SHARE
from comparisons import render as diff
from comparisons.analysis import analysis_for
from documents.models import Document, DocumentVersion
from provenance.engine import ENGINE_VERSION, AnalysedText, analyse, compare
from provenance.engine import Comparison as EngineComparison

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


def current_result(check: Check, source: AnalysedText, article: AnalysedText) -> EngineComparison:
    """The check's comparison as today's engine makes it.

    A comparison page works its result out again when the engine changes version;
    a check keeps what the engine said the day it ran. Shown as kept, an old result
    could list findings (a passage moved) that the comparison page of the same two
    texts no longer shows, so an old one is compared again here, in memory: a GET
    never writes.
    """
    assert check.result is not None
    kept = EngineComparison.from_dict(check.result)
    return kept if kept.engine_version == ENGINE_VERSION else compare(source, article)


def check_context(check: Check, viewer: AnyUser) -> dict[str, Any]:
    """The page context: sources, and the best source's comparison rendered side by side."""
    rows = source_rows(check, viewer)
    context: dict[str, Any] = {"check": check, "rows": rows, "result": None}
    best = check.best_version
    if check.result is None or best is None or not any(r.best for r in rows):
        return context
    source, article = analysis_for(best), analyse(check.text, name="article")
    result = current_result(check, source, article)
    # The names the comparison page's parts (summary, key, findings, texts) read.
    context.update(
        result=result,
        best=best,
        source_analysis=source,
        derivative_analysis=article,
        derivative_text=check.text,
        derivative_role="Article",
        options=diff.Options(),
        findings=diff.finding_groups(result),
        counts=diff.kind_counts(result),
    )
    return context
