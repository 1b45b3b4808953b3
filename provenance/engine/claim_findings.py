"""Claim findings: where the derivative states a finding more strongly than its source.

Claims are compared two ways: between sentences of passages the alignment pairs
(copied with edits, or paraphrased), and between each text's main claim (the first
sentence near the top that states a relationship), so that a story told in its own
words is still compared with its release.

Trust comes first: a claim finding is shown to a class, so a doubtful one is left
out. A level counts only where the cue rules and the learnt weights agree on the
side that matters (the derivative is at least as strong as both read it, the source
at most as strong as either reads it); rewording at the same strength is never a
finding; neither is a claim the source also makes anywhere at that strength.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.engine.claims import ClaimLevel, ClaimReading, claim_strength
from provenance.engine.result import Finding, Severity
from provenance.engine.tokens import STOP_WORDS, is_number, stem

if TYPE_CHECKING:
    from provenance.engine.types import Match, Side

# Main claims are looked for among the first units (a headline, a standfirst, a lede).
MAIN_WINDOW = 8
# Shared content words that make two sentences about the same thing.
SAME_TOPIC = 2
PAIR_SHARE = 0.3
_CLAIM_KINDS = frozenset({"altered", "trimmed", "paraphrased", "reused"})
_WORDS = {
    ClaimLevel.NONE: "no relationship",
    ClaimLevel.CORRELATIONAL: "a link",
    ClaimLevel.CONDITIONAL: "a possible cause",
    ClaimLevel.CAUSAL: "a cause",
}


@dataclass(frozen=True, slots=True)
class _Claim:
    unit: int
    span: tuple[int, int]
    text: str
    reading: ClaimReading
    low: ClaimLevel  # the weaker of the two readings
    high: ClaimLevel  # the stronger
    words: str  # the deciding words, quoted in the reason
    topic: frozenset[str]


class _Reader:
    """Read one side's units on demand, once each."""

    def __init__(self, side: Side) -> None:
        self.side = side
        self._cache: dict[int, _Claim] = {}

    def __len__(self) -> int:
        return len(self.side.units)

    def claim(self, u: int) -> _Claim:
        got = self._cache.get(u)
        if got is None:
            unit = self.side.units[u]
            text = self.side.text[unit.start : unit.end]
            r = claim_strength(text)
            low, high = sorted((r.level, r.rules))
            keys = self.side.tokens.keys[self.side.unit_lo[u] : self.side.unit_hi[u]]
            topic = frozenset(
                stem(k) for k in keys if k not in STOP_WORDS and not is_number(k) and len(k) > 2
            )
            got = _Claim(u, (unit.start, unit.end), text, r, low, high, r.words(text), topic)
            self._cache[u] = got
        return got

    def main(self) -> _Claim | None:
        """The first unit near the top that states a relationship (a headline counts)."""
        for u in range(min(MAIN_WINDOW, len(self))):
            c = self.claim(u)
            if c.low > ClaimLevel.NONE:
                return c
        return None

    def all(self) -> Iterator[_Claim]:
        for u in range(len(self)):
            yield self.claim(u)


def claim_findings(src: Side, der: Side, matches: list[Match]) -> list[Finding]:
    """Claim findings for one comparison, unranked (findings.ranked() orders them)."""
    if not src.units or not der.units:
        return []
    s_read, d_read = _Reader(src), _Reader(der)
    pairs: list[tuple[_Claim, _Claim, bool]] = []
    for m in matches:
        if m.kind not in _CLAIM_KINDS or m.s_lo < 0 or m.d_lo < 0:
            continue
        s_units = range(src.unit_of[m.s_lo], src.unit_of[m.s_hi - 1] + 1)
        for du in range(der.unit_of[m.d_lo], der.unit_of[m.d_hi - 1] + 1):
            d = d_read.claim(du)
            if d.high is ClaimLevel.NONE and not d.reading.advice:
                continue
            s = _counterpart(d, (s_read.claim(su) for su in s_units))
            if s is not None:
                pairs.append((s, d, True))
    s_main, d_main = s_read.main(), d_read.main()
    if s_main is not None and d_main is not None and _counterpart(d_main, iter([s_main])):
        pairs.append((s_main, d_main, False))
    out: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for s, d, aligned in pairs:
        for f in _compare(s, d, s_read, aligned):
            key = (f.type, d.unit)
            if key not in seen:
                seen.add(key)
                out.append(f)
    advice = _advice_added(s_read, d_read, d_main, [d for _, d, _ in pairs])
    if advice is not None:
        out.append(advice)
    return out


def _same_topic(a: _Claim, b: _Claim) -> bool:
    return len(a.topic & b.topic) >= SAME_TOPIC


def _counterpart(d: _Claim, candidates: Iterator[_Claim]) -> _Claim | None:
    """The source sentence sharing most content words with d.

    At least SAME_TOPIC words, and PAIR_SHARE of the shorter sentence's: a long
    sentence that mentions a link in passing is not the same statement.
    """
    best: _Claim | None = None
    score = SAME_TOPIC - 1
    for s in candidates:
        shared = len(s.topic & d.topic)
        if shared > score and shared >= PAIR_SHARE * min(len(s.topic), len(d.topic)):
            best, score = s, shared
    return best


def _made_elsewhere(d: _Claim, level: ClaimLevel, s_read: _Reader) -> bool:
    """Does the source state d's claim at `level` or stronger anywhere (either reading)?"""
    return any(s.high >= level and _same_topic(s, d) for s in s_read.all())


def _compare(s: _Claim, d: _Claim, s_read: _Reader, aligned: bool) -> list[Finding]:
    """Findings for one pair; a weakened claim only where the passages align.

    Main claims may differ in what they state, so only a stronger claim (which the
    source must not make anywhere) is reported between them.
    """
    out: list[Finding] = []
    if (
        d.low > s.high
        and s.low >= ClaimLevel.CORRELATIONAL
        and d.low >= ClaimLevel.CONDITIONAL
        and _differ(s, d)
        and not _made_elsewhere(d, d.low, s_read)
    ):
        severity: Severity = "high" if d.low is ClaimLevel.CAUSAL else "medium"
        out.append(_finding("claim_strengthened", s, d, severity))
    elif (
        aligned
        and s.low > d.high
        and s.low >= ClaimLevel.CONDITIONAL
        and d.low >= ClaimLevel.CORRELATIONAL
        and _differ(s, d)
    ):
        out.append(_finding("claim_weakened", s, d, "low"))
    generalised = _generalised(s, d, s_read)
    if generalised is not None:
        out.append(generalised)
    return out


def _differ(s: _Claim, d: _Claim) -> bool:
    return bool(s.words and d.words) and s.words.casefold() != d.words.casefold()


def _finding(kind: str, s: _Claim, d: _Claim, severity: Severity) -> Finding:
    verb = "more" if kind == "claim_strengthened" else "less"
    reason = f"The release says “{s.words}”; the article says “{d.words}”."
    message = (
        f"The article states {_WORDS[d.low if verb == 'more' else d.high]} "
        f"(“{d.words}”) where the release states {_WORDS[s.high if verb == 'more' else s.low]} "
        f"(“{s.words}”): the claim is stated {verb} strongly."
    )
    return Finding(
        "claim_strengthened" if verb == "more" else "claim_weakened",
        s.span,
        d.span,
        message,
        {
            "source_level": (s.high if verb == "more" else s.low).value,
            "derivative_level": (d.low if verb == "more" else d.high).value,
            "source_words": s.words,
            "derivative_words": d.words,
        },
        severity=severity,
        reason=reason,
    )


def _generalised(s: _Claim, d: _Claim, s_read: _Reader) -> Finding | None:
    """A finding the source states about animals or cells, stated about people."""
    s_subj, d_subj = s.reading.subjects, d.reading.subjects
    if (
        "people" in s_subj
        or not s_subj & {"animals", "cells"}
        or "people" not in d_subj
        or d_subj & {"animals", "cells"}
        or s.low is ClaimLevel.NONE
        or d.low is ClaimLevel.NONE
    ):
        return None
    # The source may speak of people elsewhere in the same terms: then it is not new.
    if any(
        "people" in c.reading.subjects and c.low > ClaimLevel.NONE and _same_topic(c, d)
        for c in s_read.all()
    ):
        return None
    animal = "cells" if "cells" in s_subj and "animals" not in s_subj else "animals"
    s_words = _subject_words(s, {"animals", "cells"})
    d_words = _subject_words(d, {"people"})
    return Finding(
        "subjects_generalised",
        s.span,
        d.span,
        f"The release reports this finding in {animal} (“{s_words}”); "
        f"the article states it about people (“{d_words}”).",
        {"source_subjects": animal, "derivative_subjects": "people"},
        severity="high",
        reason=f"The release says “{s_words}”; the article says “{d_words}”.",
    )


def _subject_words(c: _Claim, kinds: set[str]) -> str:
    words = [c.text[a:b] for kind, a, b in c.reading.subject_spans if kind in kinds]
    return ", ".join(dict.fromkeys(w.lower() for w in words)) or "?"


def _advice_added(
    s_read: _Reader, d_read: _Reader, d_main: _Claim | None, paired: list[_Claim]
) -> Finding | None:
    """The article tells readers what to do where the release never does."""
    top = [d_read.claim(u) for u in range(min(3, len(d_read)))]
    candidates = ([d_main] if d_main is not None else []) + top + paired
    d = next((c for c in candidates if c.reading.advice), None)
    if d is None or any(s.reading.advice for s in s_read.all()):
        return None
    a, b = d.reading.advice[0]
    words = " ".join(d.text[a:b].split())
    return Finding(
        "advice_added",
        None,
        d.span,
        f"The article tells readers what to do (“{words}”); the release gives no such advice.",
        {"derivative_words": words},
        severity="medium",
        reason=f"The release gives no advice; the article says “{words}”.",
    )
