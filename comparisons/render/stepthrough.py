"""The step-through: one stop per changed passage, with what happened to it in words."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.safestring import SafeString, mark_safe

from comparisons import claims
from comparisons.render.passages import finding_passages, is_change, mark_open, passage_body
from comparisons.render.writer import Side, Writer, span_of
from provenance.engine import AnalysedText, Finding, Passage
from provenance.engine import Comparison as EngineComparison


@dataclass(frozen=True)
class Step:
    """One stop of the step-through: a changed passage and what to say about it.

    A quotation replaced is one stop with two passages: the omitted source quotation
    (`passage`) and the added one that stands in its place (`partner`). So is a claim the
    derivative restates in a sentence of its own (`restated`): the release's sentence
    the alignment left unmatched, and the story's sentence that states it otherwise.
    """

    number: int
    index: int
    passage: Passage
    findings: tuple[tuple[int, Finding], ...]
    explanation: tuple[str, ...]
    partner: Passage | None = None
    partner_index: int = -1
    restated: bool = False

    def on(self, side: Side) -> tuple[int, Passage]:
        """The passage this stop shows on one side, with its index."""
        if self.partner is not None and side == "derivative":
            return self.partner_index, self.partner
        return self.index, self.passage

    @property
    def kind(self) -> str:
        if self.partner is None:
            return self.passage.kind
        return "restated" if self.restated else "replaced"

    @property
    def label(self) -> str:
        if self.partner is not None:
            return "Claim restated" if self.restated else "Quotation replaced"
        return f"{self.passage.kind}, moved" if self.passage.moved else self.passage.kind

    @property
    def source_span(self) -> tuple[int, int] | None:
        return self.on("source")[1].source_span

    @property
    def derivative_span(self) -> tuple[int, int] | None:
        return self.on("derivative")[1].derivative_span


def _quote(text: str) -> str:
    # Quoted edits are shown whole: a word cut short ("human tr…") misquotes the text.
    return "“" + " ".join(text.split()) + "”"


def word_changes(passage: Passage, source: str, derivative: str, limit: int = 4) -> list[str]:
    """Describe a passage's substantive word edits, e.g. “2” becomes “two”."""
    changes = []
    for op in passage.ops:
        if op.trivial or op.kind == "equal":
            continue
        was = source[op.source_span[0] : op.source_span[1]] if op.source_span else ""
        now = (
            derivative[op.derivative_span[0] : op.derivative_span[1]] if op.derivative_span else ""
        )
        if op.kind == "replace":
            changes.append(f"{_quote(was)} becomes {_quote(now)}")
        elif op.kind == "insert":
            changes.append(f"adds {_quote(now)}")
        elif op.kind == "delete":
            changes.append(f"drops {_quote(was)}")
    if len(changes) > limit:
        changes = [*changes[:limit], f"and {len(changes) - limit} more edits"]
    return changes


_EXPLAIN = {
    "verbatim": "The derivative copies this passage from the source word for word.",
    "reused": "The derivative copies this passage with trivial edits only "
    "(quote marks, dashes, figures written as words).",
    "altered": "The derivative copies this passage from the source but changes some of its words.",
    "paraphrased": "The derivative says what this source passage says, in other words.",
    "trimmed": "The derivative copies this passage but leaves part of it out.",
    "omitted": "The derivative leaves this passage of the source out.",
    "added": "This passage is only in the derivative; the source has nothing like it.",
}


def explain(passage: Passage, source: str, derivative: str) -> list[str]:
    """Say in plain sentences what happened to one passage."""
    lines = [_EXPLAIN.get(passage.kind, passage.kind)]
    changes = word_changes(passage, source, derivative)
    if changes and passage.kind in {"altered", "trimmed", "paraphrased"}:
        lines.append("Edits: " + "; ".join(changes) + ".")
    if passage.moved:
        lines.append("It stands at a different place in the derivative than in the source.")
    return lines


def steps(result: EngineComparison, source: str, derivative: str) -> list[Step]:
    """Return the changes worth a stop, in reading order of the derivative."""
    by_passage: dict[int, list[tuple[int, Finding]]] = {}
    for fi, pi in finding_passages(result).items():
        by_passage.setdefault(pi, []).append((fi, result.findings[fi]))
    restated = _restated_claims(result)
    partners = {v: k for k, v in restated.items()}
    out: list[Step] = []
    for pi, passage in enumerate(result.passages):
        found = tuple(by_passage.get(pi, ()))
        pair = result.replacement_of(pi)
        if pair is not None:
            if pi == min(pair.omitted, pair.added):
                out.append(_replaced(result, pair.omitted, pair.added, by_passage, len(out) + 1))
            continue
        if pi in restated or pi in partners:
            omitted = pi if pi in restated else partners[pi]
            if pi == min(omitted, restated[omitted]):
                step = _replaced(result, omitted, restated[omitted], by_passage, len(out) + 1)
                out.append(_as_restated(step))
            continue
        if not is_change(passage) and not found:
            continue
        out.append(
            Step(
                number=len(out) + 1,
                index=pi,
                passage=passage,
                findings=found,
                explanation=tuple(explain(passage, source, derivative)),
            )
        )
    return out


def _replaced(
    result: EngineComparison,
    omitted: int,
    added: int,
    by_passage: dict[int, list[tuple[int, Finding]]],
    number: int,
) -> Step:
    """One stop for a source quotation left out and another speaker's set in its place."""
    found = dict([*by_passage.get(omitted, ()), *by_passage.get(added, ())])
    return Step(
        number=number,
        index=omitted,
        passage=result.passages[omitted],
        findings=tuple(sorted(found.items(), key=lambda item: item[0])),
        explanation=(
            "The derivative leaves this quotation of the source out and puts another "
            "speaker's quotation in its place.",
        ),
        partner=result.passages[added],
        partner_index=added,
    )


def _passage_at(result: EngineComparison, side: Side, pos: int) -> int | None:
    for pi, passage in enumerate(result.passages):
        span = span_of(passage, side)
        if span is not None and span[0] <= pos < span[1]:
            return pi
    return None


def _restated_claims(result: EngineComparison) -> dict[int, int]:
    """Omitted source passages whose claim an added derivative passage restates.

    The engine compares a story's main claim with its release's even where the two
    sentences share too little wording to align; the step shows both sentences
    together, as for a quotation replaced.
    """
    out: dict[int, int] = {}
    for f in result.findings:
        if not claims.is_claim(f) or f.source_span is None or f.derivative_span is None:
            continue
        s = _passage_at(result, "source", f.source_span[0])
        d = _passage_at(result, "derivative", f.derivative_span[0])
        if (
            s is None
            or d is None
            or result.passages[s].kind != "omitted"
            or result.passages[d].kind != "added"
            or result.replacement_of(s) is not None
            or result.replacement_of(d) is not None
            or s in out
            or d in out.values()
        ):
            continue
        out[s] = d
    return out


def _as_restated(step: Step) -> Step:
    return replace(
        step,
        restated=True,
        explanation=(
            "The derivative leaves this sentence of the source out and states its claim "
            "in a sentence of its own.",
        ),
    )


def step_side_html(
    result: EngineComparison, step: Step, text: str | AnalysedText, side: Side
) -> SafeString:
    """Render one side of a step: just that passage, with its word-level edits."""
    index, passage = step.on(side)
    span = span_of(passage, side)
    if span is None or span[1] <= span[0]:
        return mark_safe("")
    prefix = f"st{step.number}-{side[0]}-"
    w = Writer(text, side, result.findings, prefix)
    w.write(mark_open(passage, index, side, prefix, dim=False))
    passage_body(w, passage, span[0], span[1])
    w.write("</mark>")
    return w.html()
