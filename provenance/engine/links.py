"""Link sentences that share runs of words, and group the links into passages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.engine.tokens import is_evidence

if TYPE_CHECKING:
    from provenance.engine.types import Side


@dataclass(slots=True)
class _Link:
    matched: int = 0
    evidence: int = 0
    best_run: int = 0
    best_run_evidence: int = 0
    # Part of a strong run of copied words that crosses a sentence boundary: the
    # fragment at the run's edge belongs to the copied passage, however short.
    crossing: bool = False


# Words of a crossing run a unit pair must hold to join the run's passage.
CROSSING_WORDS = 2


_STRONG_RUN = 5  # words in order, of which _STRONG_EVIDENCE say something, link two units
_STRONG_EVIDENCE = 3


def strong_links(
    src: Side, der: Side, tiles: list[tuple[int, int, int]]
) -> dict[tuple[int, int], _Link]:
    links: dict[tuple[int, int], _Link] = {}
    skeys, dkeys = src.tokens.keys, der.tokens.keys
    for a, b, length in tiles:
        run = run_ev = total_ev = 0
        prev: tuple[int, int] | None = None
        pieces: list[tuple[_Link, int]] = []
        for x in range(length):
            pair = (der.unit_of[b + x], src.unit_of[a + x])
            link = links.get(pair)
            if link is None:
                link = links[pair] = _Link()
            if pair != prev:
                if prev is not None:
                    pieces.append((links[prev], run))
                run = run_ev = 0
                prev = pair
            ev = 1 if is_evidence(skeys[a + x]) and is_evidence(dkeys[b + x]) else 0
            link.matched += 1
            link.evidence += ev
            total_ev += ev
            run += 1
            run_ev += ev
            if run > link.best_run or (run == link.best_run and run_ev > link.best_run_evidence):
                link.best_run = run
                link.best_run_evidence = run_ev
        if pieces and length >= _STRONG_RUN and total_ev >= _STRONG_EVIDENCE:
            assert prev is not None
            pieces.append((links[prev], run))
            for link, n in pieces:
                if n >= CROSSING_WORDS:
                    link.crossing = True
    strong: dict[tuple[int, int], _Link] = {}
    for (du, su), link in sorted(links.items()):
        smaller = min(der.unit_hi[du] - der.unit_lo[du], src.unit_hi[su] - src.unit_lo[su])
        if (
            link.crossing
            or (link.best_run >= _STRONG_RUN and link.best_run_evidence >= _STRONG_EVIDENCE)
            or (link.matched >= 8 and link.evidence >= 5)
            or (link.matched >= 4 and link.evidence >= 2 and link.matched >= 0.8 * smaller)
        ):
            strong[(du, su)] = link
    return strong


# A unit this small and linked to nothing ("-ENDS-", "###") between two units of one
# passage belongs to it: a line break one text has and the other lacks split it off.
_HOLE_WORDS = 3


def _fill_holes(units: list[int], side: Side | None, linked: set[int]) -> list[int]:
    if side is None or units[-1] - units[0] + 1 == len(units):
        return units
    present = set(units)
    holes = [u for u in range(units[0], units[-1] + 1) if u not in present]
    if all(u not in linked and side.unit_hi[u] - side.unit_lo[u] <= _HOLE_WORDS for u in holes):
        return list(range(units[0], units[-1] + 1))
    return units


def link_groups(
    links: dict[tuple[int, int], _Link],
    src: Side | None = None,
    der: Side | None = None,
) -> list[tuple[list[int], list[int]]]:
    """Group linked units into (derivative units, source units) passages.

    Given the sides, small unlinked units between a passage's units join it.
    """
    # A unit's weak secondary links (a few words shared with a neighbour) must not
    # chain whole documents into one passage.
    best_d: dict[int, int] = {}
    best_s: dict[int, int] = {}
    for (du, su), link in links.items():
        best_d[du] = max(best_d.get(du, 0), link.matched)
        best_s[su] = max(best_s.get(su, 0), link.matched)
    kept = [
        pair
        for pair, link in links.items()
        if link.matched * 3 >= best_d[pair[0]] or link.matched * 3 >= best_s[pair[1]]
    ]
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for du, su in kept:
        ra, rb = find(("d", du)), find(("s", su))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for du, su in sorted(kept):
        ds, ss = comps.setdefault(find(("d", du)), ([], []))
        if du not in ds:
            ds.append(du)
        if su not in ss:
            ss.append(su)
    out: list[tuple[list[int], list[int]]] = []
    linked_d = {du for du, _ in links}
    linked_s = {su for _, su in links}
    for ds, ss in comps.values():
        ds.sort()
        ss.sort()
        ds[:] = _fill_holes(ds, der, linked_d)
        ss[:] = _fill_holes(ss, src, linked_s)
        if ds[-1] - ds[0] + 1 == len(ds) and ss[-1] - ss[0] + 1 == len(ss):
            out.append((ds, ss))
            continue
        # Scattered component: pair each derivative unit with its best source unit.
        for du in ds:
            cands = [(links[(du, su)].matched, -su) for su in ss if (du, su) in links]
            if cands:
                out.append(([du], [-max(cands)[1]]))
    out.sort()
    return out
