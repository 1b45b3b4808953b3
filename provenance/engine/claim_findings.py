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

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.engine.claims import ClaimLevel, ClaimReading, has_advice, read_rules, weigh
from provenance.engine.result import Finding, Severity
from provenance.engine.tokens import STOP_WORDS, is_number, stem

if TYPE_CHECKING:
    from provenance.engine.types import Match, Side


class _TopicStems(dict[str, str]):
    """Key → the stem it adds to a sentence's topic ("" for function words, figures and
    words of two letters), computed on first sight: units share most of their words."""

    def __missing__(self, key: str) -> str:
        keep = key not in STOP_WORDS and not is_number(key) and len(key) > 2
        value = self[key] = stem(key) if keep else ""
        return value


_TOPIC_STEMS = _TopicStems()

# Main claims are looked for among the first units (a headline, a standfirst, a lede).
MAIN_WINDOW = 6
# Shared content words that make two sentences about the same thing.
SAME_TOPIC = 2
PAIR_SHARE = 0.3
# Reused passages differ only in typography, so their claims cannot differ.
_CLAIM_KINDS = frozenset({"altered", "trimmed", "paraphrased"})
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
    """Read one side's units on demand, once each.

    What is read of a unit depends on that side alone, so it is kept in the side's memo:
    a text analysed once and compared with many others (discovery) is read once.
    """

    def __init__(self, side: Side) -> None:
        self.side = side
        memo = side.memo
        self._rough: dict[int, _Claim] = memo.setdefault("claim_rough", {})
        self._full: dict[int, _Claim] = memo.setdefault("claim_full", {})
        self._topics: dict[int, frozenset[str]] = memo.setdefault("claim_topics", {})

    def __len__(self) -> int:
        return len(self.side.units)

    def topic(self, u: int) -> frozenset[str]:
        got = self._topics.get(u)
        if got is None:
            if len(_TOPIC_STEMS) > 200_000:
                _TOPIC_STEMS.clear()
            keys = self.side.tokens.keys[self.side.unit_lo[u] : self.side.unit_hi[u]]
            got = frozenset(map(_TOPIC_STEMS.__getitem__, keys))
            if "" in got:
                got = got - {""}
            self._topics[u] = got
        return got

    def rough(self, u: int) -> _Claim:
        """The rules' reading alone. The weights only ever narrow a finding (the weaker
        reading can only fall, the stronger only rise), so a finding the rough
        readings rule out needs no weighing, which is most of the cost."""
        got = self._rough.get(u)
        if got is None:
            unit = self.side.units[u]
            text = self.side.text[unit.start : unit.end]
            got = self._make(u, text, read_rules(text))
            self._rough[u] = got
        return got

    def claim(self, u: int) -> _Claim:
        """The full reading: the rules' with the learnt weights."""
        got = self._full.get(u)
        if got is None:
            rough = self.rough(u)
            r = rough.reading
            # Without a cue the weaker reading is NONE whatever the weights say.
            got = (
                rough
                if r.rules is ClaimLevel.NONE
                else self._make(u, rough.text, weigh(rough.text, r))
            )
            self._full[u] = got
        return got

    def _make(self, u: int, text: str, r: ClaimReading) -> _Claim:
        unit = self.side.units[u]
        low, high = sorted((r.level, r.rules))
        return _Claim(u, (unit.start, unit.end), text, r, low, high, r.words(text), self.topic(u))

    def main(self) -> _Claim | None:
        """The first unit near the top that states a relationship (a headline counts)."""
        # Chosen by the rules' reading alone: weighing every candidate would cost more
        # than the rest of the claim findings; the weights still judge the pair.
        for u in range(min(MAIN_WINDOW, len(self))):
            if self.rough(u).low > ClaimLevel.NONE:
                return self.rough(u)
        return None


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
        copied = m.kind != "paraphrased"
        for du in _changed_units(der, m):
            d = d_read.rough(du)
            if d.high is ClaimLevel.NONE and not d.reading.advice:
                continue
            s = _counterpart(d, s_read, s_units)
            if s is not None and _may_differ(s, d):
                pairs.append((s_read.claim(s.unit), d_read.claim(du), copied))
            elif s is not None and d.reading.advice:
                pairs.append((s, d, copied))
    s_main, d_main = s_read.main(), d_read.main()
    if (
        s_main is not None
        and d_main is not None
        and _may_differ(s_main, d_main)
        and _counterpart(d_main, s_read, [s_main.unit])
    ):
        pairs.append((s_read.claim(s_main.unit), d_read.claim(d_main.unit), False))
    out: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for s, d, copied in pairs:
        for f in _compare(s, d, s_read, copied):
            key = (f.type, d.unit)
            if key not in seen:
                seen.add(key)
                out.append(f)
    advice = _advice_added(s_read, d_read, d_main, [(s, d) for s, d, _ in pairs])
    if advice is not None:
        out.append(advice)
    return out


def _changed_units(der: Side, m: Match) -> list[int]:
    """Derivative units of a passage where its words changed; a copied sentence keeps
    its claim (a paraphrase is changed throughout)."""
    units = range(der.unit_of[m.d_lo], der.unit_of[m.d_hi - 1] + 1)
    if m.kind == "paraphrased" or not m.ops:
        return list(units)
    changed: set[int] = set()
    for op in m.ops:
        if op.kind == "equal" or op.trivial:
            continue
        lo, hi = max(op.d_lo, m.d_lo), min(max(op.d_hi, op.d_lo + 1), m.d_hi)
        changed.update(der.unit_of[t] for t in range(lo, hi))
    return sorted(changed)


def _counterpart(d: _Claim, s_read: _Reader, units: Iterable[int]) -> _Claim | None:
    """The source sentence sharing most content words with d.

    At least SAME_TOPIC words, and PAIR_SHARE of the shorter sentence's: a long
    sentence that mentions a link in passing is not the same statement.
    """
    best = -1
    score = SAME_TOPIC - 1
    for u in units:
        topic = s_read.topic(u)
        shared = len(topic & d.topic)
        if shared > score and shared >= PAIR_SHARE * min(len(topic), len(d.topic)):
            best, score = u, shared
    return s_read.rough(best) if best >= 0 else None


def _may_differ(s: _Claim, d: _Claim) -> bool:
    """Could the full readings give a finding? (Rough readings only bound them.)"""
    return (
        d.low > s.high
        or s.low > d.high
        or bool(s.reading.subjects & {"animals", "cells"} and "people" in d.reading.subjects)
    )


def _made_elsewhere(d: _Claim, level: ClaimLevel, s_read: _Reader) -> bool:
    """Does the source state d's claim at `level` or stronger anywhere (either reading)?"""
    return any(
        len(s_read.topic(u) & d.topic) >= SAME_TOPIC
        and (s_read.rough(u).high >= level or s_read.claim(u).high >= level)
        for u in range(len(s_read))
    )


def _compare(s: _Claim, d: _Claim, s_read: _Reader, copied: bool) -> list[Finding]:
    """Findings for one pair of sentences.

    A weaker claim is reported only where the article copied the release's sentence
    and edited it: between paraphrases or main claims, a weaker-looking sentence is as
    often another statement as the same one hedged.
    """
    out: list[Finding] = []
    if (
        d.low > s.high
        and s.low >= ClaimLevel.CORRELATIONAL
        and d.low >= ClaimLevel.CONDITIONAL
        and _differ(s, d)
        and not _said_in(d, s)
        and not _made_elsewhere(d, d.low, s_read)
    ):
        severity: Severity = "high" if d.low is ClaimLevel.CAUSAL else "medium"
        out.append(_finding("claim_strengthened", s, d, severity))
    elif (
        copied
        and s.low > d.high
        and s.low is ClaimLevel.CAUSAL
        and d.low is ClaimLevel.CONDITIONAL
        and _same_verb(s, d)
        and _hedge(d) in _NEAR_HEDGES
        and not _NEAR_HEDGES & set(_WORD.findall(s.text.casefold()))
    ):
        out.append(_finding("claim_weakened", s, d, "low"))
    generalised = _generalised(s, d, s_read)
    if generalised is not None:
        out.append(generalised)
    return out


_SUBJECTS = frozenset({"people", "animals", "cells"})
_NEAR_HEDGES = frozenset(
    {"may", "might", "could", "would", "can", "possibly", "potentially", "probably", "perhaps"}
)
_WORD = re.compile(r"[\w']+")


def _cue(c: _Claim) -> str:
    """The relation words that decided c's level (the last deciding span)."""
    if not c.reading.spans:
        return ""
    a, b = c.reading.spans[-1]
    return c.text[a:b].casefold()


def _hedge(c: _Claim) -> str:
    """The hedge before the relation words, if the reading has one."""
    if c.reading.rules is not ClaimLevel.CONDITIONAL or len(c.reading.spans) < 2:
        return ""
    a, b = c.reading.spans[-2]
    return c.text[a:b].casefold()


def _root(words: str) -> str:
    first = words.split()[0] if words.split() else ""
    return first[:4]


def _same_verb(s: _Claim, d: _Claim) -> bool:
    return bool(_cue(s)) and _root(_cue(s)) == _root(_cue(d))


def _said_in(d: _Claim, s: _Claim) -> bool:
    """Does the source sentence itself hold the article's relation words?

    Then the article repeats it; the release's weaker reading came from a framing
    ("they suggest that … reduce") or from another cue in the same sentence, unless
    the release hedged that very verb ("may increase" → "increases").
    """
    s_words = set(_WORD.findall(s.text.casefold()))
    d_words = _WORD.findall(_cue(d))
    if not d_words or not all(w in s_words for w in d_words):
        return False
    return not (_same_verb(s, d) and _hedge(s) in _NEAR_HEDGES)


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
    # The source may state it of people alone elsewhere: then it is not new.
    if any(
        len(s_read.topic(u) & d.topic) >= SAME_TOPIC
        and s_read.rough(u).reading.subjects & _SUBJECTS == {"people"}
        and s_read.rough(u).low > ClaimLevel.NONE
        and s_read.claim(u).low > ClaimLevel.NONE
        for u in range(len(s_read))
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
    s_read: _Reader,
    d_read: _Reader,
    d_main: _Claim | None,
    paired: list[tuple[_Claim, _Claim]],
) -> Finding | None:
    """The article tells readers what to do where the release never does.

    The source span is the release sentence the advising one restates, or else the
    release's main claim, the finding the advice rests on (none when the release
    states no relationship near its top).
    """
    top = [d_read.rough(u) for u in range(min(3, len(d_read)))]
    candidates = ([d_main] if d_main is not None else []) + top + [d for _, d in paired]
    d = next((c for c in candidates if c.reading.advice), None)
    if d is None or has_advice(s_read.side.text):
        return None
    s_main = next((s for s, p in paired if p.unit == d.unit), None) or s_read.main()
    a, b = d.reading.advice[0]
    words = " ".join(d.text[a:b].split())
    return Finding(
        "advice_added",
        s_main.span if s_main is not None else None,
        d.span,
        f"The article tells readers what to do (“{words}”); the release gives no such advice.",
        {"derivative_words": words},
        severity="medium",
        reason=f"The release gives no advice; the article says “{words}”.",
    )
