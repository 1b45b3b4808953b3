"""Mark passages and their word edits, and decide what the reader's options show or fold."""

from __future__ import annotations

from dataclasses import dataclass

from comparisons.render.writer import Side, Span, Writer, span_of, word_count
from provenance.engine import PASSAGE_KINDS, Op, Passage
from provenance.engine import Comparison as EngineComparison

KINDS: tuple[str, ...] = PASSAGE_KINDS  # in the order the legend and filters show them
# Kinds whose passages read the same on both sides; "differences only" folds them away.
UNCHANGED_KINDS = frozenset({"verbatim", "reused"})

KIND_HELP: dict[str, str] = {
    "verbatim": "the same words",
    "reused": "copied with trivial edits only (quote marks, dashes, “2” for “two”)",
    "altered": "copied wording with words changed",
    "paraphrased": "the same statement in other words",
    "trimmed": "copied, but part of the source passage is left out",
    "omitted": "in the source, left out of the derivative",
    "added": "in the derivative, not in the source",
}

# A few words per kind for the key, written in the style the texts use (plain words,
# not the documents' own: the key reads the same on every comparison).
KIND_EXAMPLES: dict[str, str] = {
    "verbatim": "officers will patrol the beaches",
    "reused": "two new patrol boats",
    "altered": "officers will guard the coast",
    "paraphrased": "more police on the shore",
    "trimmed": "the deal signed today",
    "omitted": "a line the article left out",
    "added": "words only the article has",
}


def kind_counts(result: EngineComparison) -> list[tuple[str, int, str, str]]:
    """Each kind for the key: its name, how many passages, what it means, an example."""
    counts = result.stats.counts
    return [(k, counts.get(k, 0), KIND_HELP[k], KIND_EXAMPLES[k]) for k in KINDS]


def passage_label(passage: Passage) -> str:
    return f"{passage.kind}, moved" if passage.moved else passage.kind


def is_change(passage: Passage) -> bool:
    """Tell whether a passage is worth a stop in the step-through."""
    return passage.kind not in UNCHANGED_KINDS or passage.moved


def _op_tag(op: Op, side: Side) -> tuple[str, str] | None:
    """Return (open, close) tags for an op's text on one side, or None for plain text."""
    if op.kind == "equal":
        return None
    if op.trivial:
        return '<span class="triv">', "</span>"
    if side == "source" and op.kind in {"delete", "replace"}:
        return "<del>", "</del>"
    if side == "derivative" and op.kind in {"insert", "replace"}:
        return "<ins>", "</ins>"
    return None


def mark_open(
    passage: Passage, index: int, side: Side, prefix: str, *, dim: bool, replaced: bool = False
) -> str:
    """Open a passage's mark. `replaced`: one half of a quotation replaced by another's,
    labelled as such in every view (the kind filter still reads its own kind)."""
    classes = f"p k-{passage.kind}"
    label = "Quotation replaced" if replaced else passage_label(passage)
    if replaced:
        classes += " k-replaced"
    if passage.moved:
        classes += " moved"
    if dim:
        classes += " dim"
    return (
        f'<mark class="{classes}" id="{prefix}p{index}" data-p="{index}"'
        f' data-kind="{passage.kind}" data-label="{label}" title="{label}">'
    )


@dataclass(frozen=True)
class Options:
    """What the reader asked to see."""

    kinds: frozenset[str] = frozenset(KINDS)
    only_diff: bool = False

    def shows(self, passage: Passage) -> bool:
        return passage.kind in self.kinds

    def folds(self, passage: Passage, keep: bool = False) -> bool:
        """Tell whether "differences only" hides this passage (`keep`: it holds a finding)."""
        if not self.only_diff:
            return False
        return not self.shows(passage) or not (is_change(passage) or keep)


def side_passages(result: EngineComparison, side: Side) -> list[tuple[int, Passage, Span]]:
    found = []
    for i, p in enumerate(result.passages):
        span = span_of(p, side)
        if span is not None and span[1] > span[0]:
            found.append((i, p, span))
    found.sort(key=lambda item: (item[2][0], item[2][1]))
    return found


def passage_body(w: Writer, passage: Passage, start: int, end: int) -> None:
    """Write one passage's text on w's side, wrapping its word-level edits."""
    pos = start
    ops = [(op, span_of(op, w.side)) for op in passage.ops]
    for op, span in sorted(
        ((o, s) for o, s in ops if s is not None and s[1] > s[0]), key=lambda x: x[1][0]
    ):
        lo, hi = max(span[0], pos), min(span[1], end)
        if hi <= lo:
            continue
        tags = _op_tag(op, w.side)
        if tags is None:
            continue
        w.text_range(pos, lo)
        w.write(tags[0])
        w.text_range(lo, hi)
        w.write(tags[1])
        pos = hi
    w.text_range(pos, end)


def write_fold(w: Writer, start: int, end: int) -> None:
    words = word_count(w.text[start:end])
    if words:
        noun = "word" if words == 1 else "words"
        w.write(f'<span class="fold">[… {words} {noun} unchanged …]</span> ')


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def finding_passages(result: EngineComparison) -> dict[int, int]:
    """Map each finding to the passage it sits in (by derivative span, else source span)."""
    found: dict[int, int] = {}
    for fi, finding in enumerate(result.findings):
        for side in ("derivative", "source"):
            span = span_of(finding, side)
            if span is None:
                continue
            for pi, passage in enumerate(result.passages):
                if _overlaps(span, span_of(passage, side)):
                    found[fi] = pi
                    break
            if fi in found:
                break
    return found
