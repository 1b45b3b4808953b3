"""Make labelled derivatives of a source text by editorial operations.

`derive(source, ops, seed=...)` copies the source paragraph by paragraph and applies the
requested operations to some of its sentences and paragraphs. Every piece of the
derivative is recorded with the source span it came from (or None), the derivative
span, the operation that produced it and the passage kinds an engine may rightly
give it, so that an aligner can be scored against the truth.

Conventions the scorer relies on:
- Paragraphs of the derivative are joined by a blank line, sentences by one space.
- A trimmed sentence keeps its head; the recorded source span is the head only (what
  was reused), the dropped tail is a separate segment with no derivative span.
- A split or merged sentence is recorded as two segments, one per source sentence part.
- Inserted paragraphs and swapped-in quotations have no source span; swapped-out
  quotations and omitted paragraphs have no derivative span.

The generator is deterministic: the same source, operations, seed and filler give the
same derivative and truth on every machine.

The pieces, by what they do: `bench.textparts` splits texts and holds the pieces a
derivative paragraph is built from, `bench.sentence_ops` the sentence operations and
`bench.filler` the paragraphs that come from elsewhere; this module plans and applies
the operations and records the truth.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bench.filler import filler_paragraph, quote_paragraph, shingles
from bench.sentence_ops import SENTENCE_OP_FUNCS, Context, merge_sentences
from bench.textparts import Label, Paragraph, Piece, Span, copy_span, paragraphs, words

#: Operations the generator knows, in the order they are applied.
OPERATIONS: tuple[str, ...] = (
    "omit",
    "insert",
    "reorder",
    "quote_swap",
    "trim",
    "split",
    "merge",
    "word_edit",
    "trivial_edit",
    "name_swap",
    "name_insert",
    "number_change",
    "paraphrase",
)
PARAGRAPH_OPS = ("omit", "insert", "reorder", "quote_swap")
SENTENCE_OPS = tuple(op for op in OPERATIONS if op not in PARAGRAPH_OPS)

#: The finding types a detector may rightly report for each operation's edits.
FINDING_TYPES: dict[str, frozenset[str]] = {
    "name_swap": frozenset({"name_added", "name_removed", "attribution_changed"}),
    "name_insert": frozenset({"name_added", "attribution_changed"}),
    "number_change": frozenset({"number_changed"}),
    "quote_swap": frozenset(
        {"quote_unsourced", "quote_altered", "attribution_changed", "quote_replaced"}
    ),
    "reorder": frozenset({"passage_moved"}),
}


@dataclass(frozen=True)
class Segment:
    """One labelled piece of the alignment truth."""

    op: str
    kinds: frozenset[str]
    source_span: Span | None
    derivative_span: Span | None
    moved: bool = False


@dataclass(frozen=True)
class ExpectedFinding:
    """A fact a detector should report; it is found when a finding of one of `types`
    overlaps `source_span` or `derivative_span`."""

    op: str
    types: frozenset[str]
    source_span: Span | None
    derivative_span: Span | None


@dataclass(frozen=True)
class Derived:
    source: str
    derivative: str
    ops: tuple[str, ...]
    applied: dict[str, int]
    segments: tuple[Segment, ...]
    findings: tuple[ExpectedFinding, ...]


# --- The generator ---------------------------------------------------------------------


def _budget(n: int, rate: float, share: int) -> int:
    return max(1, round(n * rate / max(1, share)))


def derive(
    source: str,
    ops: Sequence[str],
    seed: int | random.Random = 0,
    *,
    filler: Sequence[str] = (),
    rate: float = 0.4,
) -> Derived:
    """Derive a text from `source` by `ops`, recording the true alignment.

    `rate` is the share of sentences edited by the sentence operations together;
    `filler` is a pool of unrelated paragraphs for insertions (synthetic text if empty).
    Operations that find nothing to work on are skipped; `applied` counts what was done.
    """
    unknown = set(ops) - set(OPERATIONS)
    if unknown:
        raise ValueError(f"unknown operations: {sorted(unknown)}")
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    ctx = Context(source, set())
    paras = paragraphs(source)
    applied = dict.fromkeys(ops, 0)
    n_paras = len(paras)

    omitted: set[int] = set()
    if "omit" in ops and n_paras >= 3:
        k = min(n_paras - 2, _budget(n_paras, 0.15, 1))
        omitted = set(rng.sample(range(n_paras), k))
        applied["omit"] = k
    kept = [i for i in range(n_paras) if i not in omitted]

    quote_swapped: dict[int, tuple[str, Span]] = {}
    if "quote_swap" in ops:
        quoted = [
            i for i in kept if re.search(r"[\"“”]", source[paras[i].span[0] : paras[i].span[1]])
        ]
        for i in rng.sample(quoted, min(len(quoted), 2)):
            quote_swapped[i] = quote_paragraph(rng, ctx)
            applied["quote_swap"] += 1

    # Sentence operations: a shared budget, split between the requested operations.
    planned: dict[Span, list[Piece]] = {}
    merged_away: set[Span] = set()
    sentence_ops = [op for op in ops if op in SENTENCE_OPS]
    open_sentences = [s for i in kept if i not in quote_swapped for s in paras[i].sentences]
    n_sentences = len(open_sentences)
    for op in sentence_ops:
        budget = _budget(n_sentences, rate, len(sentence_ops))
        order = rng.sample(open_sentences, len(open_sentences))
        for sentence in order:
            if applied[op] >= budget:
                break
            if sentence in planned or sentence in merged_away:
                continue
            if op == "merge":
                pieces = _merge_with_next(source, paras, sentence, planned, merged_away)
                if pieces is None:
                    continue
            else:
                pieces = SENTENCE_OP_FUNCS[op](source, sentence, rng, ctx)
                if pieces is None:
                    continue
            planned[sentence] = pieces
            applied[op] += 1

    # Paragraph order: move some, then insert filler paragraphs.
    order: list[tuple[str, int]] = [("source", i) for i in kept]
    moved: set[int] = set()
    if "reorder" in ops and len(order) >= 4:
        movable = [i for i in kept if len(words(source[paras[i].span[0] : paras[i].span[1]])) >= 12]
        for i in rng.sample(movable, min(len(movable), 2)):
            pos = order.index(("source", i))
            order.pop(pos)
            targets = [j for j in range(len(order) + 1) if abs(j - pos) >= 2]
            if not targets:
                order.insert(pos, ("source", i))
                continue
            order.insert(rng.choice(targets), ("source", i))
            moved.add(i)
            applied["reorder"] += 1
    fillers: list[str] = []
    if "insert" in ops:
        source_shingles = shingles(source)
        for _ in range(rng.randint(1, 2)):
            fillers.append(filler_paragraph(rng, filler, source_shingles))
            order.insert(rng.randint(0, len(order)), ("filler", len(fillers) - 1))
            applied["insert"] += 1

    # Emit the derivative, turning piece-relative labels into spans.
    out: list[str] = []
    pos = 0
    segments: list[Segment] = []
    findings: list[ExpectedFinding] = []

    def emit(pieces: list[Piece], is_moved: bool) -> None:
        nonlocal pos
        for k, piece in enumerate(pieces):
            if k:
                out.append(" ")
                pos += 1
            for label in piece.labels:
                d_span = None if label.start < 0 else (pos + label.start, pos + label.end)
                op = "reorder" if is_moved and label.op == "verbatim" else label.op
                segments.append(
                    Segment(
                        op,
                        label.kinds,
                        label.source_span,
                        d_span,
                        is_moved and d_span is not None,
                    )
                )
            for edit in piece.edits:
                d_span = (
                    None
                    if edit.start is None or edit.end is None
                    else (pos + edit.start, pos + edit.end)
                )
                findings.append(
                    ExpectedFinding(edit.op, FINDING_TYPES[edit.op], edit.source_span, d_span)
                )
            out.append(piece.text)
            pos += len(piece.text)

    for n, (what, i) in enumerate(order):
        if n:
            out.append("\n\n")
            pos += 2
        if what == "filler":
            text = fillers[i]
            emit([Piece(text, [Label("insert", frozenset({"added"}), None, 0, len(text))])], False)
        elif i in quote_swapped:
            text, _ = quote_swapped[i]
            segments.append(Segment("quote_swap", frozenset({"omitted"}), paras[i].span, None))
            findings.append(
                ExpectedFinding(
                    "quote_swap", FINDING_TYPES["quote_swap"], paras[i].span, (pos, pos + len(text))
                )
            )
            emit(
                [Piece(text, [Label("quote_swap", frozenset({"added"}), None, 0, len(text))])],
                False,
            )
        else:
            pieces = []
            for sentence in paras[i].sentences:
                if sentence in merged_away:
                    continue
                pieces.extend(planned.get(sentence) or [copy_span(source, sentence)])
            start = pos
            emit(pieces, i in moved)
            if i in moved:
                findings.append(
                    ExpectedFinding(
                        "reorder", FINDING_TYPES["reorder"], paras[i].span, (start, pos)
                    )
                )
    for i in sorted(omitted):
        segments.append(Segment("omit", frozenset({"omitted"}), paras[i].span, None))

    return Derived(
        source=source,
        derivative="".join(out),
        ops=tuple(ops),
        applied=applied,
        segments=tuple(segments),
        findings=tuple(findings),
    )


def _merge_with_next(
    source: str,
    paras: list[Paragraph],
    sentence: Span,
    planned: dict[Span, list[Piece]],
    merged_away: set[Span],
) -> list[Piece] | None:
    for para in paras:
        if sentence in para.sentences:
            k = para.sentences.index(sentence)
            if k + 1 >= len(para.sentences):
                return None
            nxt = para.sentences[k + 1]
            if nxt in planned or nxt in merged_away:
                return None
            pieces = merge_sentences(source, sentence, nxt)
            if pieces is not None:
                merged_away.add(nxt)
            return pieces
    return None
