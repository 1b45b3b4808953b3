"""Flag matched passages that appear out of source order in the derivative."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.engine.types import Match, Side


# Larger than any text's character count, so passage count decides before length.
_PASSAGE_WEIGHT = 1 << 40


# A sentence a reader would see move: a short one ends like a sentence, a longer one
# (a heading) need not; most of their words are in lower case. Datelines ("14 November
# 2022") and bylines ("By Jane Smith", "Jane Smith, political editor") are not sentences.
_SHORT_SENTENCE = (4, 2)  # (words, lower-case words) when it ends like a sentence
_LONG_SENTENCE = (6, 3)
_ENDS = ".!?\"”’'…"


def flag_moves(matches: list[Match], src: Side | None = None, der: Side | None = None) -> None:
    """Set moved on copied passages outside the heaviest chain in source order.

    Given the sides, only passages holding a whole sentence on each side are flagged:
    a fragment of a rewritten sentence, a dateline or a byline is never "moved".
    """
    # Paraphrase restructures freely, so only copied wording can be "moved".
    placed = sorted(
        (m for m in matches if m.s_lo >= 0 and m.d_lo >= 0 and m.kind != "paraphrased"),
        key=lambda m: (m.d_lo, m.s_lo),
    )
    if len(placed) < 2:
        return
    ranks = {s: r for r, s in enumerate(sorted({m.s_lo for m in placed}), start=1)}
    size = len(ranks)
    tree_w = [0] * (size + 1)
    tree_i = [-1] * (size + 1)
    prev = [-1] * len(placed)
    best_w = [0] * len(placed)
    for idx, m in enumerate(placed):
        r = ranks[m.s_lo]
        # Best chain ending at a source rank strictly below r (Fenwick prefix max).
        w, at = 0, -1
        k = r - 1
        while k > 0:
            if tree_w[k] > w or (tree_w[k] == w and at == -1 and tree_i[k] != -1):
                w, at = tree_w[k], tree_i[k]
            k -= k & -k
        # Keep the most passages in order, then the most words: when a large block
        # jumps over a small one, calling the one block that jumped "moved" matches
        # what an editor did more often than flagging everything it passed.
        words = sum(op.s_hi - op.s_lo for op in m.ops if op.kind == "equal" or op.trivial)
        weight = _PASSAGE_WEIGHT + words
        best_w[idx] = w + weight
        prev[idx] = at
        k = r
        while k <= size:
            if best_w[idx] > tree_w[k]:
                tree_w[k] = best_w[idx]
                tree_i[k] = idx
            k += k & -k
    end = max(range(len(placed)), key=lambda i: (best_w[i], -i))
    in_chain = set()
    while end >= 0:
        in_chain.add(end)
        end = prev[end]
    for idx, m in enumerate(placed):
        # Every passage anchors the order; only a whole sentence is reported as moved.
        m.moved = idx not in in_chain and (
            src is None
            or der is None
            or (_whole_sentence(src, m.s_lo, m.s_hi) and _whole_sentence(der, m.d_lo, m.d_hi))
        )


def _whole_sentence(side: Side, lo: int, hi: int) -> bool:
    """Tell whether tokens [lo, hi) hold a whole unit that reads as a sentence."""
    if hi <= lo:
        return False
    text, tokens = side.text, side.tokens
    for u in range(side.unit_of[lo], side.unit_of[hi - 1] + 1):
        u_lo, u_hi = side.unit_lo[u], side.unit_hi[u]
        if u_lo < lo or u_hi > hi or tokens.keys[u_lo] == "by":
            continue
        unit = side.units[u]
        ended = text[unit.start : unit.end].rstrip()[-1:] in _ENDS
        words, need = _SHORT_SENTENCE if ended else _LONG_SENTENCE
        if u_hi - u_lo < words:
            continue
        lower = 0
        for start in tokens.starts[u_lo:u_hi]:
            if text[start].islower():
                lower += 1
                if lower >= need:
                    return True
    return False
