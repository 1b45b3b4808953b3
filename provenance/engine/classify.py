"""Name a matched passage's kind from its word ops, and tell copied wording from restatement."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from provenance.engine.diff import RawOp
from provenance.engine.result import PassageKind
from provenance.engine.tokens import Tokens, is_content

if TYPE_CHECKING:
    from provenance.engine.types import Side


def clip(ops: list[RawOp]) -> list[RawOp]:
    """Drop the unmatched ops at both ends, so a clipped passage starts and ends on shared words."""
    lo = 0
    hi = len(ops)
    while lo < hi and not is_match(ops[lo]):
        lo += 1
    while hi > lo and not is_match(ops[hi - 1]):
        hi -= 1
    return ops[lo:hi]


def is_match(op: RawOp) -> bool:
    """Tell whether an op keeps the wording (equal, or a trivial edit such as a quote mark)."""
    return op.kind == "equal" or op.trivial


def classify(ops: list[RawOp], src: Tokens) -> tuple[PassageKind, float]:
    """Name a matched passage's kind from its ops; also return its similarity."""
    ns = sum(op.s_hi - op.s_lo for op in ops)
    nd = sum(op.d_hi - op.d_lo for op in ops)
    same = sum(op.s_hi - op.s_lo for op in ops if is_match(op))
    similarity = round(2 * same / (ns + nd), 4) if ns + nd else 0.0
    if all(op.kind == "equal" for op in ops):
        return "verbatim", similarity
    if all(is_match(op) for op in ops):
        return "reused", similarity
    edge = 0
    edge_content = 0
    for op in (ops[0], ops[-1]) if len(ops) > 1 else (ops[0],):
        if op.kind == "delete":
            edge += op.s_hi - op.s_lo
            edge_content += sum(1 for k in src.keys[op.s_lo : op.s_hi] if is_content(k))
    other = sum(max(op.s_hi - op.s_lo, op.d_hi - op.d_lo) for op in ops if not is_match(op)) - edge
    if edge >= 3 and (edge_content >= 2 or edge * 4 >= ns) and other <= max(2, same // 10):
        return "trimmed", similarity
    return "altered", similarity


LONG_RUN = 4  # words in order that show copied wording rather than restatement
COPIED_COVER = 0.55  # share of the shorter side in long runs that makes wording "copied"
COPIED_SIMILARITY = 0.8


def run_cover(ops: list[RawOp]) -> float:
    """Share of the shorter side that lies in long in-order runs of equal words."""
    ns = sum(op.s_hi - op.s_lo for op in ops)
    nd = sum(op.d_hi - op.d_lo for op in ops)
    shorter = min(ns, nd)
    if not shorter:
        return 0.0
    covered = run = 0
    for op in ops:
        if is_match(op):
            run += op.s_hi - op.s_lo
            continue
        if run >= LONG_RUN:
            covered += run
        run = 0
    if run >= LONG_RUN:
        covered += run
    return covered / shorter


def reworded(src: Side, der: Side, ops: list[RawOp], similarity: float) -> bool:
    """Tell whether matched ranges say the same things in other words (a paraphrase).

    Copied wording keeps long runs in order; a restatement shares content words and
    figures but few or short runs.
    """
    if similarity >= COPIED_SIMILARITY or run_cover(ops) >= COPIED_COVER:
        return False
    # A restatement keeps most of the words, if not their order; a rewrite that
    # drops and adds much (an opening redone around a copied phrase) is "altered".
    s_lo, s_hi = ops[0].s_lo, ops[-1].s_hi
    d_lo, d_hi = ops[0].d_lo, ops[-1].d_hi
    s_count = Counter(src.tokens.keys[s_lo:s_hi])
    d_count = Counter(der.tokens.keys[d_lo:d_hi])
    shared = sum((s_count & d_count).values())
    return 2 * shared >= PARAPHRASE_SHARED * ((s_hi - s_lo) + (d_hi - d_lo))


PARAPHRASE_SHARED = 0.45


EDGE_WORDS = 3  # words at a passage's edge that the other text lacks: its own text, not an edit


def foreign_edges(
    ops: list[RawOp], src: Tokens, glued: tuple[bool, bool] = (False, False)
) -> tuple[int, int]:
    """Count the ops at the head and at the tail of a passage that are not copied.

    A copy that starts or ends inside a sentence leaves, at the edge of the linked
    units, words the other text lacks (the source sentence's unused head or tail, and
    perhaps the host's own words): at least EDGE_WORDS of them, with few shared words
    among them, before the first long run of copied words, and no shared word that
    means something (a sentence rewritten around a copied phrase keeps its subject: it
    stays one passage). Such an edge is cut off, so that the passage starts and ends at
    the copied words. Words only added at an edge edit the sentence, and a tail that
    only drops source words is a trimmed sentence: both stay.

    glued: whether the first (last) words of the units go on a run of copied words from
    the units before (after) them on both sides. Those words are the end of that copy,
    however few ("… 29 September 2016 / The BMJ" followed by the host's own words): the
    other edge is cut after them as after a long run.
    """

    def edge(seq: list[RawOp], glued_far: bool) -> tuple[int, bool]:
        cut = foreign = shared = dropped = 0
        only_deletes = True
        for idx, op in enumerate(seq):
            if is_match(op):
                if op.s_hi - op.s_lo >= LONG_RUN or (glued_far and idx == len(seq) - 1):
                    break
                if any(is_content(k) for k in src.keys[op.s_lo : op.s_hi]):
                    return 0, False
                shared += op.s_hi - op.s_lo
                continue
            foreign += max(op.s_hi - op.s_lo, op.d_hi - op.d_lo)
            dropped += op.s_hi - op.s_lo
            only_deletes = only_deletes and op.kind == "delete"
            cut = idx + 1
        else:
            return 0, False  # no long copied run to keep
        # Words only added at the edge ("According to Dr X, …") edit the sentence; a copy
        # cut inside it leaves some of the source sentence unused.
        if foreign < EDGE_WORDS or 2 * shared >= foreign or not dropped:
            return 0, False
        return cut, only_deletes

    head, _ = edge(ops, glued[1])
    tail, only_deletes = edge(ops[::-1], glued[0])
    if only_deletes:
        tail = 0
    if head + tail >= len(ops):
        return 0, 0
    return head, tail
