"""Text → paragraphs for reading, with offsets back into the stored text.

`DocumentVersion.text` stays as the source wrote it (the engine's spans point
into it); only what a reader sees is re-flowed. Seed 001 shows why: it is
hard-wrapped at ~66 columns with a two-space indent and no blank lines, so a
paragraph ends where a line stops short of the wrap width on a full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

# A line this much shorter than the wrap width ends its paragraph (if it ends a sentence).
SHORT_LINE_SLACK = 12
_SENTENCE_END = re.compile(r"""[.!?:;"'”’)\]]\s*$""")

_JOINING_WORDS_TEXT = (
    "a an the of to and or but in on at by for from with through into as than that "
    "which who whose his her their its our your my this these those minister secretary"
)
_JOINING_WORDS = frozenset(_JOINING_WORDS_TEXT.split())


@dataclass(frozen=True)
class Line:
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as shown: its lines' (start, end) offsets into the text, indentation excluded."""

    text: str  # the lines joined with single spaces, for display
    start: int
    end: int
    lines: tuple[Line, ...]


def paragraphs(text: str) -> list[Paragraph]:
    """Split `text` into display paragraphs, joining hard-wrapped lines."""
    lines = _lines(text)
    if not lines:
        return []
    wrap = _wrap_width(text, lines)
    result: list[Paragraph] = []
    current: list[Line] = []
    previous_end = -1
    for index, line in enumerate(lines):
        blank_before = previous_end >= 0 and "\n\n" in text[previous_end : line.start + 1]
        if current and (blank_before or wrap is None):
            result.append(_paragraph(text, current))
            current = []
        current.append(line)
        previous_end = line.end
        following = text[lines[index + 1].start] if index + 1 < len(lines) else ""
        if wrap is not None and _ends_paragraph(text[line.start : line.end], following, wrap):
            result.append(_paragraph(text, current))
            current = []
    if current:
        result.append(_paragraph(text, current))
    return result


def _lines(text: str) -> list[Line]:
    found = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if not stripped:
            continue
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        found.append(Line(start, start + len(stripped)))
    return found


def _wrap_width(text: str, lines: list[Line]) -> int | None:
    """The column a hard-wrapped text breaks at, or None if lines are whole paragraphs."""
    lengths = [line.end - line.start for line in lines]
    if len(lengths) < 4 or max(lengths) > 120:
        return None
    width = max(lengths)
    near_width = sum(1 for length in lengths if length >= width - SHORT_LINE_SLACK)
    # In hard-wrapped prose most lines run close to the wrap column.
    if near_width < 0.5 * len(lengths) or median(lengths) < 40:
        return None
    return width


def _ends_paragraph(line: str, following: str, wrap: int) -> bool:
    """A line stopping well short of the wrap column ends a sentence, or precedes a new one."""
    if len(line) >= wrap - SHORT_LINE_SLACK:
        return False
    if _SENTENCE_END.search(line):
        return True
    # A heading wrapped before the body ("…against illegal migration" / "Numbers of…"),
    # but not a sentence broken before a name ("…introduced through the" / "Nationality…").
    last_word = line.rsplit(None, 1)[-1].casefold()
    return following.isupper() and not line.endswith(",") and last_word not in _JOINING_WORDS


def _paragraph(text: str, lines: list[Line]) -> Paragraph:
    joined = " ".join(text[line.start : line.end] for line in lines)
    return Paragraph(text=joined, start=lines[0].start, end=lines[-1].end, lines=tuple(lines))
