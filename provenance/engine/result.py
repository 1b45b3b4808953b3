"""Frozen result types of a comparison, and their versioned JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, cast

# Bump SCHEMA_VERSION when the shape of to_dict() changes; bump ENGINE_VERSION
# whenever the output for the same input changes (the app recomputes then).
SCHEMA_VERSION = 3
ENGINE_VERSION = "1.5.1"
# Older schemas from_dict() still reads (schema 1: findings had no severity, reason or
# parts; schema 2: no replacements).
_READABLE_SCHEMAS = frozenset({1, 2, 3})

PassageKind = Literal["verbatim", "reused", "altered", "paraphrased", "trimmed", "omitted", "added"]
OpKind = Literal["equal", "insert", "delete", "replace"]
FindingType = Literal[
    "name_added",
    "name_removed",
    "number_changed",
    "quote_altered",
    "quote_unsourced",
    "quote_replaced",
    "attribution_changed",
    "passage_moved",
    "claim_strengthened",
    "claim_weakened",
    "subjects_generalised",
    "advice_added",
    "group_relabelled",
]
Severity = Literal["high", "medium", "low"]
# What a reader must notice first: words put in someone's mouth, then who is named,
# then figures, then quotations the source cannot confirm, then order.
FINDING_RANK: dict[str, int] = {
    "attribution_changed": 0,
    "quote_altered": 0,
    "quote_replaced": 0,
    "name_added": 1,
    "name_removed": 1,
    "group_relabelled": 1,
    "number_changed": 2,
    "quote_unsourced": 3,
    "passage_moved": 4,
    # A claim stated more strongly, or about people where the study was in mice,
    # misleads as much as a changed name; advice added, as much as a figure.
    "claim_strengthened": 1,
    "subjects_generalised": 1,
    "advice_added": 2,
    "claim_weakened": 4,
}
SEVERITY: dict[str, Severity] = {
    "attribution_changed": "high",
    "quote_altered": "high",
    "quote_replaced": "high",
    "name_added": "medium",
    "name_removed": "medium",
    "group_relabelled": "high",
    "number_changed": "medium",
    "quote_unsourced": "low",
    "passage_moved": "low",
    "claim_strengthened": "high",
    "subjects_generalised": "high",
    "advice_added": "medium",
    "claim_weakened": "low",
}
# Types whose severity each finding sets itself (a claim made causal is worse than made
# conditional); ranked() keeps theirs.
OWN_SEVERITY: frozenset[str] = frozenset({"claim_strengthened"})
REASON: dict[str, str] = {
    "attribution_changed": "Words are put in a different person's mouth.",
    "quote_altered": "Words in quotation marks should be the speaker's own, and these differ.",
    "name_added": "The article names someone the release does not.",
    "name_removed": "The article drops a name the release gives.",
    "number_changed": "A figure differs from the release's.",
    "group_relabelled": "The article names a group of people differently from the release.",
    "quote_unsourced": "The release cannot confirm these quoted words.",
    "quote_replaced": "One speaker's words stand where the release quoted someone else.",
    "passage_moved": "The article tells the release's points in another order.",
    "claim_strengthened": "The article states a finding more strongly than the release.",
    "claim_weakened": "The article states a finding less strongly than the release.",
    "subjects_generalised": "A finding about animals or cells is told as if about people.",
    "advice_added": "The article tells readers what to do; the release did not.",
}
PASSAGE_KINDS: tuple[PassageKind, ...] = (
    "verbatim",
    "reused",
    "altered",
    "paraphrased",
    "trimmed",
    "omitted",
    "added",
)
WORDING_KINDS: frozenset[str] = frozenset({"verbatim", "reused", "altered", "trimmed"})

Span = tuple[int, int]


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _span_out(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


@dataclass(frozen=True, slots=True)
class Op:
    """One word-level edit inside a matched passage; trivial when only typography differs."""

    kind: OpKind
    source_span: Span | None
    derivative_span: Span | None
    trivial: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "source_span": _span_out(self.source_span),
            "derivative_span": _span_out(self.derivative_span),
            "trivial": self.trivial,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Op:
        return cls(
            kind=cast(OpKind, data["kind"]),
            source_span=_span(data["source_span"]),
            derivative_span=_span(data["derivative_span"]),
            trivial=bool(data["trivial"]),
        )


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of the derivative and/or source and how they relate."""

    kind: PassageKind
    source_span: Span | None
    derivative_span: Span | None
    similarity: float
    ops: tuple[Op, ...] = ()
    moved: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "source_span": _span_out(self.source_span),
            "derivative_span": _span_out(self.derivative_span),
            "similarity": self.similarity,
            "ops": [op.to_dict() for op in self.ops],
            "moved": self.moved,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        return cls(
            kind=cast(PassageKind, data["kind"]),
            source_span=_span(data["source_span"]),
            derivative_span=_span(data["derivative_span"]),
            similarity=float(data["similarity"]),
            ops=tuple(Op.from_dict(op) for op in data["ops"]),
            moved=bool(data["moved"]),
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """A fact a reader cares about, with spans on the sides where it exists."""

    type: FindingType
    source_span: Span | None
    derivative_span: Span | None
    message: str
    detail: dict[str, str] = field(default_factory=dict)
    severity: Severity = "low"
    reason: str = ""
    # Derivative spans of each piece when one finding gathers several (a speaker's
    # quoted fragments); derivative_span is then the first piece's.
    parts: tuple[Span, ...] = ()

    @property
    def rank(self) -> int:
        """Place in reading order: lower comes first."""
        return FINDING_RANK[self.type]

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "severity": self.severity,
            "reason": self.reason,
            "source_span": _span_out(self.source_span),
            "derivative_span": _span_out(self.derivative_span),
            "parts": [[a, b] for a, b in self.parts],
            "message": self.message,
            "detail": dict(self.detail),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        kind = cast(FindingType, data["type"])
        return cls(
            type=kind,
            source_span=_span(data["source_span"]),
            derivative_span=_span(data["derivative_span"]),
            message=str(data["message"]),
            detail={str(k): str(v) for k, v in data["detail"].items()},
            severity=cast(Severity, data.get("severity", SEVERITY[kind])),
            reason=str(data.get("reason", REASON[kind])),
            parts=tuple((int(a), int(b)) for a, b in data.get("parts", ())),
        )


@dataclass(frozen=True, slots=True)
class Stats:
    """How much of each text the comparison accounts for."""

    derivative_share: float
    paraphrased_share: float
    source_share: float
    counts: dict[str, int]
    source_words: int
    derivative_words: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "derivative_share": self.derivative_share,
            "paraphrased_share": self.paraphrased_share,
            "source_share": self.source_share,
            "counts": dict(self.counts),
            "source_words": self.source_words,
            "derivative_words": self.derivative_words,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stats:
        return cls(
            derivative_share=float(data["derivative_share"]),
            paraphrased_share=float(data["paraphrased_share"]),
            source_share=float(data["source_share"]),
            counts={str(k): int(v) for k, v in data["counts"].items()},
            source_words=int(data["source_words"]),
            derivative_words=int(data["derivative_words"]),
        )


@dataclass(frozen=True, slots=True)
class Replacement:
    """An omitted and an added passage that are one change (a quotation replaced).

    omitted and added index Comparison.passages; finding indexes Comparison.findings
    (the one finding that reports both spans).
    """

    type: Literal["quote_replaced"]
    omitted: int
    added: int
    finding: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "omitted": self.omitted,
            "added": self.added,
            "finding": self.finding,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Replacement:
        return cls(
            type="quote_replaced",
            omitted=int(data["omitted"]),
            added=int(data["added"]),
            finding=int(data["finding"]),
        )


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything compare() found: passages, findings, stats and linked passage pairs."""

    passages: tuple[Passage, ...]
    findings: tuple[Finding, ...]
    stats: Stats
    engine_version: str = ENGINE_VERSION
    schema: int = SCHEMA_VERSION
    replacements: tuple[Replacement, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict; from_dict() rebuilds an equal Comparison."""
        return {
            "schema": self.schema,
            "engine_version": self.engine_version,
            "passages": [p.to_dict() for p in self.passages],
            "findings": [f.to_dict() for f in self.findings],
            "replacements": [r.to_dict() for r in self.replacements],
            "stats": self.stats.to_dict(),
        }

    def replacement_of(self, passage: int) -> Replacement | None:
        """The replacement an omitted or added passage belongs to, if any."""
        return next(
            (r for r in self.replacements if passage in (r.omitted, r.added)),
            None,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comparison:
        """Rebuild a Comparison from to_dict() output, this schema or an older one."""
        schema = int(data["schema"])
        if schema not in _READABLE_SCHEMAS:
            raise ValueError(f"Unsupported comparison schema {schema}; expected {SCHEMA_VERSION}.")
        return cls(
            passages=tuple(Passage.from_dict(p) for p in data["passages"]),
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
            stats=Stats.from_dict(data["stats"]),
            engine_version=str(data["engine_version"]),
            schema=SCHEMA_VERSION,
            replacements=tuple(Replacement.from_dict(r) for r in data.get("replacements", ())),
        )
