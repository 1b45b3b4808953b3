"""Direct sources: of several documents sharing the same text, which one an article took.

A release, an MP's copy of it and a newspaper copying the MP all share text with
the newspaper. The direct source is the one that explains the article best: the
most complete match; among near-equal matches the one that alone supplies some of
the article's text (the MP's added words), and failing that the earliest. A source
that alone supplies a good part of the article is a direct source too (the article
drew on both). The chain follows direct sources back to the first document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from discovery.relations import Relation, sources_of
from documents.models import Document

if TYPE_CHECKING:
    from provenance.roles import AnyUser

# Passages whose derivative side came from the source (everything but "added").
TAKEN_KINDS = frozenset({"verbatim", "reused", "altered", "trimmed", "paraphrased"})
# Matches this close to the best count as equally complete.
COMPLETE_MARGIN = 0.05
# Share of the article that only one source supplies before that source counts as used.
UNIQUE_MIN = 0.05
MAX_CHAIN = 10

Intervals = list[tuple[int, int]]


@dataclass(frozen=True)
class SourceRole:
    relation: Relation
    coverage: float  # share of the article's characters this source accounts for
    unique: float  # share that no other stored source accounts for
    direct: bool
    reason: str

    @property
    def document(self) -> Document:
        return self.relation.document


def taken_spans(relation: Relation) -> Intervals:
    """Character spans of the derivative that came from this source."""
    passages = relation.comparison.engine_result.passages
    return merge(
        [p.derivative_span for p in passages if p.kind in TAKEN_KINDS and p.derivative_span]
    )


def merge(spans: Intervals) -> Intervals:
    out: Intervals = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def length(spans: Intervals) -> int:
    return sum(end - start for start, end in spans)


def subtract(spans: Intervals, others: Intervals) -> Intervals:
    """The parts of `spans` not covered by `others` (both merged)."""
    out: Intervals = []
    for start, end in spans:
        cursor = start
        for o_start, o_end in others:
            if o_end <= cursor or o_start >= end:
                continue
            if o_start > cursor:
                out.append((cursor, o_start))
            cursor = max(cursor, o_end)
        if cursor < end:
            out.append((cursor, end))
    return out


def _date_key(document: Document) -> tuple[date, int]:
    return (document.published_on or date.max, document.pk)


def source_roles(
    document: Document, relations: list[Relation] | None = None, viewer: AnyUser | None = None
) -> list[SourceRole]:
    """Rate each stored source of the document (visible to `viewer`); the direct ones first."""
    relations = sources_of(document, viewer) if relations is None else relations
    if not relations:
        return []
    size = max(len(document.text), 1)
    spans = {r.comparison.pk: taken_spans(r) for r in relations}
    measured = []
    for r in relations:
        others = merge([s for pk, ss in spans.items() if pk != r.comparison.pk for s in ss])
        unique = length(subtract(spans[r.comparison.pk], others)) / size
        measured.append((r, length(spans[r.comparison.pk]) / size, unique))
    best_coverage = max(c for _, c, _ in measured)
    complete = [m for m in measured if m[1] >= best_coverage - COMPLETE_MARGIN]
    with_unique = [m for m in complete if m[2] >= UNIQUE_MIN]
    if with_unique:
        best = max(with_unique, key=lambda m: (m[2], m[1]))
        reason = "the most complete match, and the only source of some of its text"
    else:
        best = min(complete, key=lambda m: _date_key(m[0].document))
        reason = (
            "the earliest of the most complete matches"
            if len(complete) > 1
            else "the most complete match"
        )
    roles = []
    for r, coverage, unique in measured:
        if r is best[0]:
            roles.append(SourceRole(r, coverage, unique, True, reason))
        elif unique >= UNIQUE_MIN:
            roles.append(SourceRole(r, coverage, unique, True, "also the only source of some text"))
        else:
            roles.append(
                SourceRole(r, coverage, unique, False, "shares text the direct source also holds")
            )
    return sorted(
        roles, key=lambda role: (role.relation is not best[0], not role.direct, -role.coverage)
    )


def direct_source(document: Document, viewer: AnyUser | None = None) -> Document | None:
    roles = source_roles(document, viewer=viewer)
    return roles[0].document if roles and roles[0].direct else None


def chain(document: Document, viewer: AnyUser | None = None) -> list[Document]:
    """The document and its direct sources (visible to `viewer`) back to the first."""
    path = [document]
    seen = {document.pk}
    current = document
    while len(path) < MAX_CHAIN:
        source = direct_source(current, viewer)
        if source is None or source.pk in seen:
            break
        path.insert(0, source)
        seen.add(source.pk)
        current = source
    return path
