"""Reading the kept roles: a document's sources report, a list's origins.

Every reader filters by the viewer's visibility (`SourceRelation.objects.visible_to`)
and only reads: a page opened before discovery ran says it is being worked out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings

from comparisons.models import Comparison
from discovery.chains import Intervals, merge, subtract
from discovery.models import IndexState, Role, SourceRelation, Status
from discovery.role_rule import TAKEN_KINDS, comparison_spans
from documents.models import Document

if TYPE_CHECKING:
    from provenance.roles import AnyUser


@dataclass(frozen=True)
class SourceEntry:
    """One typed relation as a page, an export or the API shows it."""

    document: Document
    role: str
    direct: bool
    derivative_share: float
    paraphrased_share: float
    source_share: float
    unique_share: float
    reason: str
    weak: bool
    comparison: Comparison | None
    via: Document | None
    changed_at: datetime | None
    change_reason: str

    @classmethod
    def from_row(cls, row: SourceRelation, document: Document) -> SourceEntry:
        return cls(
            document=document,
            role=row.role,
            direct=row.direct,
            derivative_share=row.derivative_share,
            paraphrased_share=row.paraphrased_share,
            source_share=row.source_share,
            unique_share=row.unique_share,
            reason=row.reason,
            weak=row.weak,
            comparison=row.comparison,
            via=row.via,
            changed_at=row.changed_at,
            change_reason=row.change_reason,
        )

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def reuse_share(self) -> float:
        return self.derivative_share + self.paraphrased_share

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {
            "document": d.pk,
            "title": d.title,
            "kind": d.kind,
            "outlet": str(d.outlet) if d.outlet_id else None,
            "published_on": d.published_on.isoformat() if d.published_on else None,
            "role": self.role,
            "direct": self.direct,
            "derivative_share": round(self.derivative_share, 4),
            "paraphrased_share": round(self.paraphrased_share, 4),
            "source_share": round(self.source_share, 4),
            "unique_share": round(self.unique_share, 4),
            "reason": self.reason,
            "weak": self.weak,
            "comparison": self.comparison.pk if self.comparison else None,
            "via": self.via.pk if self.via else None,
            "changed_at": self.changed_at.isoformat() if self.changed_at else None,
            "change_reason": self.change_reason,
        }


@dataclass
class Segment:
    start: int
    end: int
    source: Document | None  # None: no stored source explains it

    @property
    def key(self) -> str:
        return "none" if self.source is None else str(self.source.pk)


@dataclass
class SourcesReport:
    document: Document
    status: str
    origin: SourceEntry | None = None
    # The release this text reports in its own words (only without origin or direct source).
    reports: SourceEntry | None = None
    direct: list[SourceEntry] = field(default_factory=list)
    siblings: list[SourceEntry] = field(default_factory=list)
    related: list[SourceEntry] = field(default_factory=list)
    derivatives: list[SourceEntry] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    def entries(self) -> list[SourceEntry]:
        """Origin (or the release reported) first, then direct sources, siblings, related."""
        head = [e for e in (self.origin, self.reports) if e is not None]
        rest = [e for e in self.direct if e.role != Role.ORIGIN]
        return head + rest + self.siblings + self.related

    @property
    def colour_keys(self) -> dict[int, int]:
        """Each document that colours the text, numbered in report order (for the legend)."""
        keys: dict[int, int] = {}
        for e in self.entries():
            if e.direct and e.document.pk not in keys:
                keys[e.document.pk] = len(keys)
        return keys

    def to_dict(self) -> dict[str, Any]:
        size = max(len(self.document.text), 1)
        unexplained = sum(s.end - s.start for s in self.segments if s.source is None)
        return {
            "document": self.document.pk,
            "title": self.document.title,
            "status": self.status,
            "threshold": settings.DISCOVERY_THRESHOLD,
            "sources": [e.to_dict() for e in self.entries()],
            "derivatives": [e.to_dict() for e in self.derivatives],
            "unexplained_share": round(unexplained / size, 4) if self.segments else None,
        }


def visible_rows(viewer: AnyUser | None) -> Any:
    rows = SourceRelation.objects.all()
    if viewer is not None:
        rows = rows.visible_to(viewer)
    return rows.select_related("other__outlet", "article__outlet", "comparison", "via")


def discovery_status(document: Document) -> str:
    if document.current_version_id is None or not document.text.strip():
        return "no-text"
    state = IndexState.objects.filter(version_id=document.current_version_id).first()
    if state is None:
        return "queued"
    if state.is_failed:
        return "failed"
    return "done" if state.discovery_status == Status.DONE else "queued"


def discovery_progress(document: Document) -> str:
    """Where the worker is with this document: pending, running, done, failed (or no-text).

    Finer than `discovery_status`, for API clients that wait for "done" before reading.
    """
    status = discovery_status(document)
    if status != "queued":
        return status
    state = IndexState.objects.filter(version_id=document.current_version_id).first()
    if state is not None and Status.RUNNING in (state.index_status, state.discovery_status):
        return "running"
    return "pending"


def sources_report(document: Document, viewer: AnyUser | None) -> SourcesReport:
    """The article's typed sources (and what took from it) as the viewer may see them.

    Reads only what discovery stored; `status` says whether that is still being worked
    out (a page says so; the worker, or an uploader's POST, does the work).
    """
    report = SourcesReport(document, discovery_status(document))
    rows = visible_rows(viewer)
    for row in rows.filter(article=document):
        entry = SourceEntry.from_row(row, row.other)
        if row.role == Role.ORIGIN:
            report.origin = entry
            if row.direct:
                report.direct.insert(0, entry)
        elif row.role == Role.REPORTS:
            report.reports = entry
        elif row.role == Role.DIRECT:
            report.direct.append(entry)
        elif row.role == Role.SIBLING:
            report.siblings.append(entry)
        else:
            report.related.append(entry)
    # A later article that shares text with this one only through a common source is a
    # sibling from this side too.
    for row in rows.filter(other=document, role=Role.SIBLING):
        if all(e.document.pk != row.article_id for e in report.siblings):
            report.siblings.append(SourceEntry.from_row(row, row.article))
    for row in rows.filter(other=document).takes_from():
        report.derivatives.append(SourceEntry.from_row(row, row.article))
    for entries in (report.direct, report.siblings, report.related, report.derivatives):
        entries.sort(key=lambda e: (e.role != Role.ORIGIN, -e.reuse_share, e.document.pk))
    report.segments = _segments(document, report.direct)
    return report


def _segments(document: Document, direct: list[SourceEntry]) -> list[Segment]:
    """Split the text by the direct source each passage came from (the first that explains it)."""
    size = len(document.text)
    if not size or not direct:
        return []
    out: list[tuple[int, int, Document | None]] = []
    claimed: Intervals = []
    for entry in direct:
        if entry.comparison is None:
            continue
        mine = subtract(comparison_spans(entry.comparison, TAKEN_KINDS), claimed)
        out.extend((s, e, entry.document) for s, e in mine)
        claimed = merge(claimed + mine)
    out.extend((s, e, None) for s, e in subtract([(0, size)], claimed))
    out.sort(key=lambda t: t[0])
    return [Segment(s, e, d) for s, e, d in out if e > s]


def origins_for(documents: Sequence[Document], viewer: AnyUser | None) -> dict[int, SourceEntry]:
    """Each document's origin, or without one its main direct source: two queries for a list."""
    rows = visible_rows(viewer).filter(article__in=[d.pk for d in documents]).takes_from()
    best: dict[int, SourceEntry] = {}
    for row in sorted(rows, key=lambda r: (r.role != Role.ORIGIN, -r.derivative_share, r.pk)):
        best.setdefault(row.article_id, SourceEntry.from_row(row, row.other))
    return best
