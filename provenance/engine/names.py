"""Names of people and organisations added to or dropped from a matched passage."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.engine.result import Finding

if TYPE_CHECKING:
    from provenance.engine.types import Match, Side

# Capitalised words that are roles, places or calendar words rather than names.
_NOT_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "in",
        "on",
        "at",
        "of",
        "for",
        "and",
        "but",
        "or",
        "to",
        "from",
        "by",
        "with",
        "as",
        "he",
        "she",
        "they",
        "we",
        "i",
        "our",
        "his",
        "her",
        "their",
        "its",
        "there",
        "here",
        "when",
        "while",
        "after",
        "before",
        "today",
        "yesterday",
        "home",
        "secretary",
        "minister",
        "prime",
        "interior",
        "foreign",
        "chancellor",
        "president",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "lord",
        "lady",
        "mp",
        "mps",
        "ceo",
        "chief",
        "executive",
        "professor",
        "prof",
        "general",
        "officer",
        "officers",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "leader",
        "deputy",
        "french",
        "british",
        "english",
        "uk",
        "us",
        "usa",
        "eu",
        "government",
        "state",
        "department",
        "office",
        "ministry",
        "police",
        "council",
        "europe",
        "european",
        "western",
        "eastern",
        "northern",
        "southern",
        "north",
        "south",
        "east",
        "west",
        "central",
        "france",
        "britain",
        "england",
        "scotland",
        "wales",
        "ireland",
        "london",
        "paris",
        "channel",
        "calais",
        "germany",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "prof"})
_CONNECTORS = frozenset({"de", "van", "von", "der", "la", "le", "du", "bin", "al"})
_BLANK_RE = re.compile(r"\s*(,\s*,)|(\s{2,})(?=said\b)")
_TITLE_WORDS = 3


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _names(side: Side, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of likely names (two or more capitalised words) within [lo, hi)."""
    out: list[tuple[int, int]] = []
    text, tokens = side.text, side.tokens
    j = lo
    while j < hi:
        if not _capitalised(tokens.surface(text, j)):
            j += 1
            continue
        start = j
        while j < hi and (
            _capitalised(tokens.surface(text, j))
            or (tokens.keys[j] in _CONNECTORS and j + 1 < hi and j > start)
        ):
            gap = text[tokens.ends[j - 1] : tokens.starts[j]] if j > start else ""
            if gap.strip():
                break
            j += 1
        words = range(start, j)
        real = [k for k in words if tokens.keys[k] not in _NOT_NAME]
        titled = start > 0 and tokens.keys[start - 1] in _HONORIFICS
        honorific_inside = any(tokens.keys[k] in _HONORIFICS for k in words)
        if len(real) >= 2 or (real and (titled or honorific_inside)):
            first, last = real[0], real[-1] + 1
            out.append((first, last))
        if j == start:
            j += 1
    return out


def _contains(keys: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(keys[i : i + n] == needle for i in range(len(keys) - n + 1))


def name_findings(src: Side, der: Side, m: Match) -> list[Finding]:
    """Return name_added / name_removed findings for one matched passage."""
    out: list[Finding] = []
    s_keys = src.tokens.keys[m.s_lo : m.s_hi]
    d_keys = der.tokens.keys[m.d_lo : m.d_hi]
    paraphrase = m.kind == "paraphrased"
    prev_s = m.s_lo
    for op in m.ops:
        if op.kind == "equal" or op.trivial:
            prev_s = op.s_hi
            continue
        for lo, hi in _names(der, op.d_lo, op.d_hi):
            name_keys = der.tokens.keys[lo:hi]
            if _contains(s_keys, name_keys):
                continue
            name = " ".join(der.text[der.tokens.starts[lo] : der.tokens.ends[hi - 1]].split())
            d_span: tuple[int, int] | None = (der.tokens.starts[lo], der.tokens.ends[hi - 1])
            blank = _blank_before(src, prev_s)
            if paraphrase and blank is None:
                continue
            role = _role_before(src, prev_s)
            if blank is not None:
                who = f"the {role}" if role else "this person"
                message = f"The source leaves {who} unnamed; the derivative names them as {name}."
                s_span: tuple[int, int] | None = blank
            else:
                message = (
                    f"The derivative adds the name {name}, which the matching source passage "
                    "does not mention."
                )
                s_span = (
                    (src.tokens.starts[op.s_lo], src.tokens.ends[op.s_hi - 1])
                    if op.s_hi > op.s_lo
                    else None
                )
            detail = {"name": name, **({"role": role} if role else {})}
            out.append(Finding("name_added", s_span, d_span, message, detail))
        if paraphrase:
            continue
        for lo, hi in _names(src, op.s_lo, op.s_hi):
            if _contains(d_keys, src.tokens.keys[lo:hi]):
                continue
            name = " ".join(src.text[src.tokens.starts[lo] : src.tokens.ends[hi - 1]].split())
            d_span_r = (
                (der.tokens.starts[op.d_lo], der.tokens.ends[op.d_hi - 1])
                if op.d_hi > op.d_lo
                else None
            )
            out.append(
                Finding(
                    "name_removed",
                    (src.tokens.starts[lo], src.tokens.ends[hi - 1]),
                    d_span_r,
                    f"The source names {name} here; the derivative leaves the name out.",
                    {"name": name},
                )
            )
        prev_s = op.s_hi
    return out


def _blank_before(src: Side, s_tok: int) -> tuple[int, int] | None:
    """Span of a removed-name blank (", ," or a double space before "said") at s_tok."""
    if s_tok <= 0 or s_tok > len(src.tokens):
        return None
    start = src.tokens.ends[s_tok - 1]
    end = src.tokens.starts[s_tok] if s_tok < len(src.tokens) else len(src.text)
    m = _BLANK_RE.match(src.text, start, min(end + 5, len(src.text)))
    if not m:
        return None
    group = 1 if m.group(1) is not None else 2
    return m.span(group)


def _role_before(src: Side, s_tok: int) -> str:
    """The capitalised title just before a blank, like "Home Secretary"."""
    words: list[str] = []
    k = s_tok - 1
    while k >= 0 and len(words) < _TITLE_WORDS:
        w = src.tokens.surface(src.text, k)
        if not _capitalised(w) or src.tokens.keys[k] in ("the", "a", "an"):
            break
        words.append(w)
        k -= 1
    return " ".join(reversed(words))
