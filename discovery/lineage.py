"""TEMPORARY until lineage lands: a stand-in for the lead's discovery/lineage.py.

Only the parts of the interface the API reads (`sources_report(...).to_dict()` and
`origins_for`), built on the existing chains. The merge of main replaces this file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from discovery.chains import chain, source_roles

if TYPE_CHECKING:
    from documents.models import Document
    from provenance.roles import AnyUser


@dataclass(frozen=True)
class SourceEntry:  # TEMPORARY until lineage lands
    document: Document
    role: str
    direct: bool
    derivative_share: float
    source_share: float
    reason: str
    comparison_id: int | None

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {
            "document": {"id": d.pk, "title": d.title, "kind": d.kind},
            "role": self.role,
            "direct": self.direct,
            "derivative_share": self.derivative_share,
            "source_share": self.source_share,
            "reason": self.reason,
            "comparison": self.comparison_id,
        }


@dataclass
class SourcesReport:  # TEMPORARY until lineage lands
    document: Document
    status: str
    origin: SourceEntry | None
    direct: list[SourceEntry] = field(default_factory=list)
    related: list[SourceEntry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.pk,
            "status": self.status,
            "origin": self.origin.to_dict() if self.origin else None,
            "direct": [e.to_dict() for e in self.direct],
            "siblings": [],
            "related": [e.to_dict() for e in self.related],
            "derivatives": [],
            "segments": [],
        }


def sources_report(
    document: Document, viewer: AnyUser | None, *, on_demand: bool = True
) -> SourcesReport:  # TEMPORARY until lineage lands
    entries = [
        SourceEntry(
            r.document,
            "direct" if r.direct else "related",
            r.direct,
            r.relation.derivative_share,
            r.relation.source_share,
            r.reason,
            r.relation.comparison.pk,
        )
        for r in source_roles(document, viewer=viewer)
    ]
    origin_doc = chain(document, viewer)[0]
    origin = next((e for e in entries if e.document.pk == origin_doc.pk), None)
    return SourcesReport(
        document,
        "done",
        origin,
        [e for e in entries if e.direct],
        [e for e in entries if not e.direct],
    )


def origins_for(
    documents: Sequence[Document], viewer: AnyUser | None
) -> dict[int, SourceEntry]:  # TEMPORARY until lineage lands
    found = {}
    for document in documents:
        origin = sources_report(document, viewer).origin
        if origin is not None:
            found[document.pk] = origin
    return found
