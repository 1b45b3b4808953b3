"""Test stand-ins for the engine: an oracle built from the truth, and a crude aligner.

They exist only so the harness can be tested before (and apart from) the real engine.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from bench.generate import Derived


@dataclass(frozen=True)
class FakePassage:
    kind: str
    source_span: tuple[int, int] | None
    derivative_span: tuple[int, int] | None
    similarity: float = 1.0
    ops: tuple = ()
    moved: bool = False


@dataclass(frozen=True)
class FakeFinding:
    type: str
    source_span: tuple[int, int] | None
    derivative_span: tuple[int, int] | None
    message: str = ""


@dataclass(frozen=True)
class FakeStats:
    derivative_share: float
    paraphrased_share: float = 0.0
    source_share: float = 0.0
    counts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FakeComparison:
    passages: tuple[FakePassage, ...]
    findings: tuple[FakeFinding, ...]
    stats: FakeStats


def oracle(derived: Derived) -> FakeComparison:
    """What a perfect engine would say about a generated pair."""
    passages = tuple(
        FakePassage(sorted(s.kinds)[-1], s.source_span, s.derivative_span, moved=s.moved)
        for s in derived.segments
    )
    findings = tuple(
        FakeFinding(sorted(f.types)[0], f.source_span, f.derivative_span) for f in derived.findings
    )
    return FakeComparison(passages, findings, FakeStats(0.5))


def crude_compare(source: str, derivative: str) -> FakeComparison:
    """Word-level difflib: equal runs become verbatim passages."""
    a = [(m.start(), m.end()) for m in re.finditer(r"\S+", source)]
    b = [(m.start(), m.end()) for m in re.finditer(r"\S+", derivative)]
    matcher = difflib.SequenceMatcher(
        None, [source[s:e] for s, e in a], [derivative[s:e] for s, e in b], autojunk=False
    )
    passages = []
    copied = 0
    for i, j, n in matcher.get_matching_blocks():
        if n >= 3:
            passages.append(
                FakePassage("verbatim", (a[i][0], a[i + n - 1][1]), (b[j][0], b[j + n - 1][1]))
            )
            copied += n
    return FakeComparison(tuple(passages), (), FakeStats(copied / max(1, len(b))))
