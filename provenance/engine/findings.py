"""Findings: names, numbers, quotations, attributions and moves in aligned passages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from provenance.engine.diff import RawOp, diff_ranges
from provenance.engine.figures import (
    BARE,
    Figure,
    may_be_figure_key,
    may_touch_figure,
    read_figures,
)
from provenance.engine.groups import group_findings
from provenance.engine.names import name_findings
from provenance.engine.quotes import Quote, find_quotes, said_units, with_speakers
from provenance.engine.result import (
    OWN_SEVERITY,
    REASON,
    SEVERITY,
    WORDING_KINDS,
    Finding,
    Stats,
)
from provenance.engine.tokens import is_number
from provenance.engine.types import Match

if TYPE_CHECKING:
    from provenance.engine.types import Side

_DIGITS_RE = re.compile(r"\d+(?:\.\d+)?")


def find_all(
    src: Side, der: Side, matches: list[Match], tiles: list[tuple[int, int, int]], stats: Stats
) -> list[Finding]:
    """Return every finding, most important first (see ranked())."""
    wording = [m for m in matches if m.kind in WORDING_KINDS]
    # Stray shared phrases between unrelated texts are not worth a reader's time.
    if len(wording) < 2 and stats.derivative_share < 0.05:
        return []
    out: list[Finding] = []
    groups: list[Finding] = []
    for m in matches:
        if m.s_lo < 0 or m.d_lo < 0:
            continue
        whole = with_edges(m)
        out.extend(name_findings(src, der, whole))
        if whole.kind in ("altered", "trimmed", "paraphrased"):
            # Verbatim and reused passages have the same keys, so the same figures.
            out.extend(_number_findings(src, der, whole))
        if whole.kind in ("altered", "trimmed"):
            groups.extend(group_findings(src, der, whole))
        if m.moved:
            out.append(_moved(src, der, m))
    out.extend(_quote_findings(src, der, matches, tiles))
    if groups:
        # Inside a quotation the change is an altered quotation, reported as such.
        quoted = [q.span for q in find_quotes(der)]
        out.extend(
            g
            for g in groups
            if g.derivative_span is not None
            and not any(a <= g.derivative_span[0] < b for a, b in quoted)
        )
    return ranked(_replaced_quotes(src, der, matches, out))


EDGE_REWRITE = 8  # words on either side of a cut edge that a rewrite of the sentence's end may span


def with_edges(m: Match) -> Match:
    """The passage widened to its whole sentences where a cut edge is a short rewrite.

    A copy cut inside a sentence leaves the words before (or after) the cut outside
    the passage. When they are few on both sides ("In 2023, 45" rewritten as "Last
    year some 60"), they are the sentence's own opening (or ending) redone, and what
    they say still counts: a changed figure or a removed name there is a finding like
    any other. Longer stretches are the host's own text and the source's unused words,
    which have nothing to do with each other.
    """
    head = m.cut_head if _short_edge(m.cut_head) else []
    tail = m.cut_tail if _short_edge(m.cut_tail) else []
    if not head and not tail:
        return m
    ops = head + m.ops + tail
    return Match("altered", ops[0].s_lo, ops[-1].s_hi, ops[0].d_lo, ops[-1].d_hi, 0.0, ops)


def _short_edge(ops: list[RawOp]) -> bool:
    if not ops:
        return False
    s_words = ops[-1].s_hi - ops[0].s_lo
    d_words = ops[-1].d_hi - ops[0].d_lo
    return s_words <= EDGE_REWRITE and d_words <= EDGE_REWRITE


def ranked(findings: list[Finding]) -> list[Finding]:
    """Give each finding its severity and reason; order by what a reader must notice first.

    Ties keep reading order: derivative position, then source position.
    """
    out = [
        replace(
            f,
            severity=f.severity if f.type in OWN_SEVERITY else SEVERITY[f.type],
            reason=f.reason or REASON[f.type],
        )
        for f in findings
    ]
    out.sort(
        key=lambda f: (
            f.rank,
            f.derivative_span or (1 << 62, 0),
            f.source_span or (1 << 62, 0),
            f.type,
            f.message,
        )
    )
    return out


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _moved(src: Side, der: Side, m: Match) -> Finding:
    assert m.s_span is not None and m.d_span is not None
    words = _excerpt(der.text[m.d_span[0] : m.d_span[1]], 50)
    return Finding(
        "passage_moved",
        m.s_span,
        m.d_span,
        f"The passage “{words}” comes in a different order in the derivative than in the source.",
        {},
    )


def _figures(side: Side, lo: int, hi: int) -> list[Figure]:
    """The figures in tokens [lo, hi); digits inside words too ("12-month", "5-11")."""
    out = read_figures(side.text, side.tokens, lo, hi)
    keys = side.tokens.keys
    for i in range(lo, hi):
        if is_number(keys[i]) and "-" in keys[i]:
            out.extend(
                Figure(i, i + 1, ((BARE, float(part)),), float(part))
                for part in _DIGITS_RE.findall(keys[i])
            )
    return out


def _figure_keys_differ(a: list[str], b: list[str]) -> bool:
    """Cheap test first: the same number words on both sides, in any order, change nothing."""
    return Counter(k for k in a if may_be_figure_key(k)) != Counter(
        k for k in b if may_be_figure_key(k)
    )


def _changed_figure_words(src: Side, der: Side, ops: list[RawOp]) -> bool:
    """Cheap test for copied wording: does any changed word (or its neighbour) touch a figure?"""
    return any(
        may_touch_figure(src.tokens, op.s_lo, op.s_hi)
        or may_touch_figure(der.tokens, op.d_lo, op.d_hi)
        for op in ops
        if not (op.kind == "equal" or op.trivial)
    )


def _without(figs: list[Figure], others: list[Figure]) -> list[Figure]:
    """The figures with no equal amount among others, counting repeats."""
    left = list(others)
    out = []
    for fig in figs:
        twin = next((k for k, o in enumerate(left) if fig.same_as(o, strict=False)), -1)
        if twin >= 0:
            del left[twin]
        else:
            out.append(fig)
    return out


def _unmoved(
    s_figs: list[Figure], d_figs: list[Figure], ops: list[RawOp]
) -> tuple[list[Figure], list[Figure]]:
    """Drop the figures that stand in copied wording on both sides, twinned by position.

    They are the same figure, whatever else the sentences hold; matched by amount
    instead, a "6" rewritten at the edge could take the twin of a "six" copied later
    and leave that "six" to pass for the change.
    """
    twin: dict[int, int] = {}
    for op in ops:
        if (op.kind == "equal" or op.trivial) and op.s_hi - op.s_lo == op.d_hi - op.d_lo:
            for k in range(op.s_hi - op.s_lo):
                twin[op.s_lo + k] = op.d_lo + k
    d_at = {f.lo: f for f in d_figs}
    gone: set[int] = set()
    s_left = []
    for f in s_figs:
        g = d_at.get(twin.get(f.lo, -1))
        if g is not None and id(g) not in gone and f.same_as(g, strict=False):
            gone.add(id(g))
        else:
            s_left.append(f)
    return s_left, [g for g in d_figs if id(g) not in gone]


def _context(side: Side, i: int) -> set[str]:
    """Words around a figure (and the word part of "12-month"), for pairing changed figures."""
    keys = side.tokens.keys
    near = keys[max(0, i - 2) : i] + keys[i + 1 : i + 3]
    words = {k for k in near if not is_number(k)}
    words.update(part for part in keys[i].split("-") if part[:1].isalpha())
    return words


def _number_findings(src: Side, der: Side, m: Match) -> list[Finding]:
    """Report figures the derivative changed, paired by the words around them.

    A figure with an equal on the other side of the passage is not a change, wherever
    it stands: a restatement may put the same figures in another order.
    """
    if m.kind == "paraphrased":
        if not _figure_keys_differ(
            src.tokens.keys[m.s_lo : m.s_hi], der.tokens.keys[m.d_lo : m.d_hi]
        ):
            return []
    elif not _changed_figure_words(src, der, m.ops):
        return []
    s_figs = _figures(src, m.s_lo, m.s_hi)
    d_figs = _figures(der, m.d_lo, m.d_hi)
    if not s_figs or not d_figs:
        return []
    # The same amount in another form ("£7m", "seven million pounds") is not a change.
    s_figs, d_figs = _unmoved(s_figs, d_figs, m.ops)
    s_only = _without(s_figs, d_figs)
    d_only = _without(d_figs, s_figs)
    if not s_only or not d_only:
        return []
    d_op = _op_index(m.ops, "d")
    s_op = _op_index(m.ops, "s")
    scored: list[tuple[int, int, int]] = []
    # Each figure is placed by its number token: "£4,300" by "4,300", not by "£".
    s_at = {_numeral(src, f): f.lo for f in s_only}
    d_at = {_numeral(der, f): f.lo for f in d_only}
    for a in sorted(s_at):
        ctx = _context(src, a)
        for b in sorted(d_at):
            # Pair by the words around the figures; the same edit op counts for two.
            score = len(ctx & _context(der, b)) + (2 if s_op.get(a, -1) == d_op.get(b, -2) else 0)
            if score:
                scored.append((-score, s_at[a], d_at[b]))
    scored.sort()
    used_s: set[int] = set()
    used_d: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i not in used_s and j not in used_d:
            used_s.add(i)
            used_d.add(j)
            pairs.append((i, j))
    out: list[Finding] = []
    s_end = {f.lo: f.hi for f in s_only}
    d_end = {f.lo: f.hi for f in d_only}
    for i, j in sorted(pairs, key=lambda p: p[1]):
        s_span = (src.tokens.starts[i], src.tokens.ends[s_end[i] - 1])
        d_span = (der.tokens.starts[j], der.tokens.ends[d_end[j] - 1])
        before = src.text[s_span[0] : s_span[1]]
        after = der.text[d_span[0] : d_span[1]]
        out.append(
            Finding(
                "number_changed",
                s_span,
                d_span,
                f"The source gives {before}; the derivative changes it to {after}.",
                {"before": before, "after": after},
            )
        )
    return out


def _numeral(side: Side, fig: Figure) -> int:
    keys = side.tokens.keys
    return next((t for t in range(fig.lo, fig.hi) if is_number(keys[t])), fig.lo)


def _op_index(ops: list[RawOp], side: str) -> dict[int, int]:
    """Map each token inside a non-equal op to that op's position."""
    out: dict[int, int] = {}
    for n, op in enumerate(ops):
        if op.kind == "equal" or op.trivial:
            continue
        lo, hi = (op.s_lo, op.s_hi) if side == "s" else (op.d_lo, op.d_hi)
        for t in range(lo, hi):
            out[t] = n
    return out


def _words(side: Side, lo: int, hi: int) -> str:
    if hi <= lo:
        return ""
    return " ".join(side.text[side.tokens.starts[lo] : side.tokens.ends[hi - 1]].split())


def _diff_text(src: Side, der: Side, ops: list[RawOp]) -> str:
    parts: list[str] = []
    for op in ops:
        if op.kind == "equal" or op.trivial:
            parts.append(_words(der, op.d_lo, op.d_hi))
            continue
        if op.s_hi > op.s_lo:
            parts.append(f"[-{_words(src, op.s_lo, op.s_hi)}-]")
        if op.d_hi > op.d_lo:
            parts.append(f"{{+{_words(der, op.d_lo, op.d_hi)}+}}")
    return " ".join(parts)


def _source_region(q: Quote, der_match: dict[int, int]) -> tuple[int, int, int] | None:
    """Return (lo, hi, matched) for the source words a quotation was taken from."""
    hits = sorted(der_match[j] for j in range(q.lo, q.hi) if j in der_match)
    if not hits:
        return None
    n = q.hi - q.lo
    centre = hits[len(hits) // 2]
    near = [i for i in hits if abs(i - centre) <= 2 * n]
    return near[0], near[-1] + 1, len(near)


def _same_speaker(a: str, b: str) -> bool:
    fa, fb = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return fa in fb or fb in fa


def _quote_findings(
    src: Side, der: Side, matches: list[Match], tiles: list[tuple[int, int, int]]
) -> list[Finding]:
    der_match: dict[int, int] = {}
    for a, b, length in tiles:
        for x in range(length):
            der_match[b + x] = a + x
    src_quotes = find_quotes(src)
    src_joined = " " + " ".join(src.tokens.keys) + " "
    out: list[Finding] = []
    unsourced: list[Quote] = []
    der_quotes = find_quotes(der)
    for q in der_quotes:
        n = q.hi - q.lo
        quoted = _excerpt(der.text[q.span[0] : q.span[1]])
        region = _source_region(q, der_match)
        if n <= 4 and (" " + " ".join(der.tokens.keys[q.lo : q.hi]) + " ") in src_joined:
            continue
        if region is None or region[2] < max(2, 0.3 * n) or (n <= 4 and region[2] < n):
            unsourced.append(q)
            continue
        s_lo, s_hi, _ = region
        ops = diff_ranges(src.text, src.tokens, s_lo, s_hi, der.text, der.tokens, q.lo, q.hi)
        s_span = (src.tokens.starts[s_lo], src.tokens.ends[s_hi - 1])
        changes = [op for op in ops if not (op.kind == "equal" or op.trivial)]
        if changes:
            first = changes[0]
            was = _words(src, first.s_lo, first.s_hi) or "nothing"
            now = _words(der, first.d_lo, first.d_hi) or "nothing"
            more = "" if len(changes) == 1 else f" ({len(changes) - 1} more change(s))"
            out.append(
                Finding(
                    "quote_altered",
                    s_span,
                    q.span,
                    f"The quotation “{quoted}” differs from the source wording: "
                    f"the source has “{was}” where the quotation has “{now}”{more}.",
                    {
                        "source_words": _words(src, s_lo, s_hi),
                        "derivative_words": _words(der, q.lo, q.hi),
                        "diff": _diff_text(src, der, ops),
                    },
                )
            )
        if q.speaker:
            sq = next((x for x in src_quotes if x.lo <= s_lo < x.hi), None)
            if sq is not None and sq.speaker and not _same_speaker(sq.speaker, q.speaker):
                out.append(_attribution(sq.speaker, q.speaker, sq.span, q.span))
    if unsourced:
        # Whose words they are matters only for these; it takes every quotation in order.
        said_by = {q.span: q.said_by for q in with_speakers(der, der_quotes)}
        unsourced = [replace(q, said_by=said_by[q.span]) for q in unsourced]
        out.extend(_unsourced(der, unsourced))
    out.extend(_said_swaps(src, der, matches))
    return out


def _unsourced(der: Side, quotes: list[Quote]) -> list[Finding]:
    """One finding per speaker for quoted words the source lacks, listing the fragments."""
    by_speaker: dict[str, list[Quote]] = {}
    out: list[Finding] = []
    for q in quotes:
        if q.said_by is None:
            out.append(_unsourced_finding(der, [q], None))
        else:
            by_speaker.setdefault(" ".join(q.said_by.casefold().split()), []).append(q)
    for group in by_speaker.values():
        out.append(_unsourced_finding(der, group, group[0].said_by))
    return out


def _unsourced_finding(der: Side, quotes: list[Quote], speaker: str | None) -> Finding:
    # A fragment's own trailing comma belongs to the sentence around it, not the words.
    quoted = [_excerpt(der.text[q.span[0] : q.span[1]]).rstrip(",;:") for q in quotes]
    listed = ", ".join(f"“{x}”" for x in quoted)
    if len(quotes) == 1:
        who = f" attributed to {speaker}" if speaker else ""
        message = f"The quotation{who} {listed} does not appear in the source."
    else:
        message = f"{speaker} is quoted in words the source does not have: {listed}."
    detail = {"quote": " | ".join(quoted), **({"speaker": speaker} if speaker else {})}
    if len(quotes) > 1:
        detail["fragments"] = str(len(quotes))
    parts = tuple(q.span for q in quotes) if len(quotes) > 1 else ()
    return Finding("quote_unsourced", None, quotes[0].span, message, detail, parts=parts)


def _attribution(
    before: str, after: str, s_span: tuple[int, int], d_span: tuple[int, int]
) -> Finding:
    return Finding(
        "attribution_changed",
        s_span,
        d_span,
        f"The source attributes these words to {before}; "
        f"the derivative attributes them to {after}.",
        {"speaker_source": before, "speaker_derivative": after},
    )


def _said_swaps(src: Side, der: Side, matches: list[Match]) -> list[Finding]:
    """Report a "Name said:" line whose speaker changed where the source has its own."""
    anchored = sorted(
        (m for m in matches if m.s_lo >= 0 and m.d_lo >= 0 and not m.moved),
        key=lambda m: m.d_lo,
    )
    src_said = said_units(src)
    out: list[Finding] = []
    for du, speaker in said_units(der):
        t = der.unit_lo[du]
        if any(m.d_lo <= t < m.d_hi for m in anchored):
            continue
        prev = [m for m in anchored if m.d_hi <= t]
        nxt = [m for m in anchored if m.d_lo > t]
        lo = prev[-1].s_hi if prev else 0
        hi = nxt[0].s_lo if nxt else len(src.tokens)
        for su, s_speaker in src_said:
            if lo <= src.unit_lo[su] < hi:
                if not _same_speaker(s_speaker, speaker):
                    s_unit, d_unit = src.units[su], der.units[du]
                    out.append(
                        Finding(
                            "attribution_changed",
                            (s_unit.start, s_unit.end),
                            (d_unit.start, d_unit.end),
                            f"Where the source quotes {s_speaker}, the derivative puts a "
                            f"quotation from {speaker} in its place.",
                            {"speaker_source": s_speaker, "speaker_derivative": speaker},
                        )
                    )
                break
    return out


def _gaps(matches: list[Match]) -> list[tuple[list[Match], list[Match]]]:
    """(omitted, added) passages between the same two anchored passages, in reading order."""
    out: list[tuple[list[Match], list[Match]]] = []
    omitted: list[Match] = []
    added: list[Match] = []
    for m in [*matches, None]:
        if m is not None and m.kind == "omitted":
            omitted.append(m)
        elif m is not None and m.kind == "added":
            added.append(m)
        else:
            if omitted and added:
                out.append((omitted, added))
            omitted, added = [], []
    return out


def _inside(span: tuple[int, int], m: Match, side: str) -> bool:
    outer = m.s_span if side == "s" else m.d_span
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _replaced_quotes(
    src: Side, der: Side, matches: list[Match], out: list[Finding]
) -> list[Finding]:
    """Join a source quotation left out and another speaker's set in its place into one finding.

    The derivative's quotation must be one the source lacks (quote_unsourced), from a
    named speaker, in an added passage that stands where an omitted passage holding a
    source quotation from someone else stood (no copied passage between them). The
    pieces that said the same thing by halves (the unsourced quotation, an
    "attribution changed" between the two "said:" lines) give way to the one finding.
    """
    gaps = _gaps(matches)
    unsourced = [f for f in out if f.type == "quote_unsourced" and f.detail.get("speaker")]
    if not gaps or not unsourced:
        return out
    src_quotes = with_speakers(src, find_quotes(src))
    dropped: set[int] = set()
    joined: list[Finding] = []
    used: set[tuple[int, int]] = set()
    for omitted, added in gaps:
        for f in unsourced:
            if id(f) in dropped or f.derivative_span is None or f.parts:
                continue
            a = next((m for m in added if _inside(f.derivative_span, m, "d")), None)
            if a is None:
                continue
            speaker = f.detail["speaker"]
            sq = next(
                (
                    q
                    for o in omitted
                    for q in src_quotes
                    if q.said_by
                    and q.span not in used
                    and _inside(q.span, o, "s")
                    and not _same_speaker(q.said_by, speaker)
                ),
                None,
            )
            if sq is None or sq.said_by is None:
                continue
            used.add(sq.span)
            dropped.add(id(f))
            for g in out:
                if (
                    g.type == "attribution_changed"
                    and g.source_span is not None
                    and g.derivative_span is not None
                    and any(_inside(g.source_span, o, "s") for o in omitted)
                    and _inside(g.derivative_span, a, "d")
                ):
                    dropped.add(id(g))
            was = _excerpt(src.text[sq.span[0] : sq.span[1]])
            now = _excerpt(der.text[f.derivative_span[0] : f.derivative_span[1]])
            joined.append(
                Finding(
                    "quote_replaced",
                    sq.span,
                    f.derivative_span,
                    f"The source's quotation from {sq.said_by} (“{was}”) is left out, and "
                    f"a quotation from {speaker} (“{now}”) stands in its place.",
                    {
                        "speaker_source": sq.said_by,
                        "speaker_derivative": speaker,
                        "source_quote": was,
                        "derivative_quote": now,
                    },
                )
            )
    return [f for f in out if id(f) not in dropped] + joined
