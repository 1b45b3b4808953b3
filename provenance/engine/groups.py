"""A group of people named differently: "Albanian nationals" become "Albanian gangs".

Precision first: only a noun phrase whose first word is a nationality or other group
adjective ("Albanian", "French", "Kurdish", "Iraqi") copied on both sides, and whose head
noun, a plural, is replaced by another plural. Any other word edit is left to the
passage's own word diff.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from provenance.engine.result import Finding

if TYPE_CHECKING:
    from provenance.engine.diff import RawOp
    from provenance.engine.types import Match, Side

# Nationality and group adjectives by their endings: Albanian, Eritrean, Afghan,
# Sudanese, Kurdish, Iraqi, French, Dutch, Greek, Thai.
_GROUP_ADJ_RE = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i|ch)|Greek|Thai|Swiss|Roma|Gypsy")
_PLURALS = frozenset({"people", "men", "women", "children", "youths", "police", "staff"})
_NOT_PLURAL = re.compile(r".*(?:ss|us|is|ous)$")
MAX_HEAD = 2  # words of a head noun (with one modifier: "asylum seekers")


def _plural_head(side: Side, lo: int, hi: int) -> str | None:
    """The words of tokens [lo, hi) when they end in a plural noun, in lower case."""
    if not 0 < hi - lo <= MAX_HEAD:
        return None
    words = [side.tokens.surface(side.text, i) for i in range(lo, hi)]
    if not all(w.isalpha() and w.islower() for w in words):
        return None
    last = words[-1]
    plural = last in _PLURALS or (
        len(last) > 3 and last.endswith("s") and not _NOT_PLURAL.fullmatch(last)
    )
    return " ".join(words) if plural else None


def group_findings(src: Side, der: Side, m: Match) -> list[Finding]:
    """Report group nouns whose head changed after a copied group adjective."""
    out: list[Finding] = []
    ops: list[RawOp] = m.ops
    for prev, op in itertools.pairwise(ops):
        if op.kind != "replace" or not (prev.kind == "equal" or prev.trivial):
            continue
        if prev.s_hi <= prev.s_lo or prev.d_hi <= prev.d_lo:
            continue
        adjective = src.tokens.surface(src.text, prev.s_hi - 1)
        if not _GROUP_ADJ_RE.fullmatch(adjective):
            continue
        if der.tokens.surface(der.text, prev.d_hi - 1) != adjective:
            continue
        before = _plural_head(src, op.s_lo, op.s_hi)
        after = _plural_head(der, op.d_lo, op.d_hi)
        if before is None or after is None or before == after:
            continue
        was, now = f"{adjective} {before}", f"{adjective} {after}"
        s_span = (src.tokens.starts[prev.s_hi - 1], src.tokens.ends[op.s_hi - 1])
        d_span = (der.tokens.starts[prev.d_hi - 1], der.tokens.ends[op.d_hi - 1])
        out.append(
            Finding(
                "group_relabelled",
                s_span,
                d_span,
                f"The source speaks of “{was}”; the derivative calls them “{now}”.",
                {"before": was, "after": now},
                reason=f"The release says “{was}” where the article says “{now}”: "
                "another name for a group of people changes who the story is about.",
            )
        )
    return out
