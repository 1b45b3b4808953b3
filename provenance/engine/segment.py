"""Split text into sentence-like units and paragraphs, with spans into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.engine.tokens import STOP_WORDS

_TERMINAL = ".!?;؟。！？"
_CLOSERS = "\"'”’»)]"
_BOUNDARY_RE = re.compile(r"[.!?؟。！？]+[\"'”’»)\]]*\s+")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nos",
        "gen",
        "sen",
        "rep",
        "gov",
        "col",
        "lt",
        "sgt",
        "capt",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "al",
        "fig",
        "approx",
        "dept",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
    ]
)
_OPENERS = "\"'“‘«(["
_LINE_RE = re.compile(r"[^\n\r]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence-like unit: a tight span and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


def _lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each line without its line break."""
    out: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        s, e = m.span()
        if s == e:
            break
        body = m.group().rstrip("\r\n")
        out.append((s, s + len(body)))
    return out


def _starts_upper(text: str, pos: int) -> bool:
    """Tell whether the text at pos opens like a sentence (capital, caseless letter, digit)."""
    n = len(text)
    while pos < n and text[pos] in _OPENERS:
        pos += 1
    if pos >= n:
        return False
    ch = text[pos]
    return ch.isdigit() or (ch.isalpha() and not ch.islower())


def _last_word(text: str, start: int, end: int) -> str:
    m = re.search(r"([\w.]+)[^\w]*$", text[max(start, end - 40) : end])
    return m.group(1).casefold() if m else ""


def _line_breaks(text: str, lines: list[tuple[int, int]]) -> tuple[list[int], set[int]]:
    """Return offsets where a unit must end at a line end, and which of them end paragraphs."""
    lengths = sorted(len(text[s:e].rstrip()) for s, e in lines if text[s:e].strip())
    breaks: list[int] = []
    paragraph_ends: set[int] = set()
    if not lengths:
        return breaks, paragraph_ends
    wrapped = len(lengths) >= 4 and lengths[len(lengths) // 2] <= 100
    width = lengths[min(len(lengths) - 1, (len(lengths) * 9) // 10)]
    for idx, (s, e) in enumerate(lines):
        body = text[s:e].rstrip()
        if not body.strip():
            continue
        line_end = s + len(body)
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        next_blank = nxt is None or not text[nxt[0] : nxt[1]].strip()
        stripped = body.rstrip(_CLOSERS)
        terminal = stripped[-1:] in _TERMINAL if stripped else False
        if not wrapped or next_blank or body.endswith(":"):
            breaks.append(line_end)
            paragraph_ends.add(line_end)
            continue
        short = len(body) < 0.8 * width
        assert nxt is not None  # next_blank is False
        nstart = nxt[0] + (len(text[nxt[0] : nxt[1]]) - len(text[nxt[0] : nxt[1]].lstrip()))
        if terminal and short:
            breaks.append(line_end)
            paragraph_ends.add(line_end)
        elif (
            short
            and not terminal
            and "," not in body
            and text[nstart : nstart + 1].isalpha()
            and _starts_upper(text, nstart)
            and _last_word(text, s, line_end) not in STOP_WORDS
            and stripped[-1:].isalnum()
        ):
            # A short line without punctuation before a capital: a heading.
            breaks.append(line_end)
            paragraph_ends.add(line_end)
    return breaks, paragraph_ends


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _last_word(text, max(0, dot - 12), dot + 1).rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True
    return word in _ABBREVIATIONS


def _tighten(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(text: str) -> list[Unit]:
    """Split text into sentence-like units in order; units never overlap."""
    lines = _lines(text)
    breaks, paragraph_ends = _line_breaks(text, lines)
    units: list[Unit] = []
    paragraph = 0
    block_start = 0
    for block_end in [*breaks, len(text)]:
        if block_end < block_start:
            continue
        pos = block_start
        for m in _BOUNDARY_RE.finditer(text, block_start, block_end):
            dot = m.start() + len(m.group().rstrip().rstrip(_CLOSERS)) - 1
            if text[dot] == "." and _is_abbreviation(text, dot):
                continue
            if m.end() < block_end and not _starts_upper(text, m.end()):
                continue
            s, e = _tighten(text, pos, m.end())
            if s < e:
                units.append(Unit(s, e, paragraph))
            pos = m.end()
        s, e = _tighten(text, pos, block_end)
        if s < e:
            units.append(Unit(s, e, paragraph))
        if block_end in paragraph_ends:
            paragraph += 1
        block_start = block_end
    return units
