"""Split a text into paragraphs and sentences, and build derivative paragraphs from pieces.

A piece is a stretch of derivative text with labels (which source span each part of it
came from) and edits (where a finding should be); `derive` turns both into spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]

# --- Segmentation ----------------------------------------------------------------------

_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
WORD_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Paragraph:
    span: Span
    sentences: tuple[Span, ...]


def strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[Paragraph]:
    """Split into non-empty lines (paragraphs) and those into sentences, with spans."""
    result = []
    for line in _LINE_RE.finditer(text):
        p_start, p_end = strip_span(text, line.start(), line.end())
        sentences = []
        start = p_start
        for m in _SENTENCE_END_RE.finditer(text, p_start, p_end):
            sentences.append(strip_span(text, start, m.end()))
            start = m.end()
        sentences.append(strip_span(text, start, p_end))
        result.append(Paragraph((p_start, p_end), tuple(s for s in sentences if s[0] < s[1])))
    return result


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


# --- Pieces: how a derivative paragraph is built ---------------------------------------


@dataclass
class Label:
    op: str
    kinds: frozenset[str]
    source_span: Span | None
    start: int  # offsets into the piece text
    end: int


@dataclass
class Edit:
    op: str
    source_span: Span | None
    start: int | None  # offsets into the piece text
    end: int | None


@dataclass
class Piece:
    text: str
    labels: list[Label] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)


def copy_span(source: str, span: Span, op: str = "verbatim") -> Piece:
    text = source[span[0] : span[1]]
    return Piece(text, [Label(op, frozenset({"verbatim"}), span, 0, len(text))])


def whole_piece(op: str, kinds: set[str], span: Span, text: str) -> Piece:
    return Piece(text, [Label(op, frozenset(kinds), span, 0, len(text))])


def word_matches(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"[^\W\d_][\w'’-]*", text))


def apply_replacements(
    text: str, replacements: list[tuple[int, int, str]]
) -> tuple[str, list[tuple[int, int, int, int]]]:
    """Replace (start, end, new) ranges; return new text and (old_s, old_e, new_s, new_e)."""
    out = []
    mapping = []
    pos = 0
    shift = 0
    for start, end, new in sorted(replacements):
        out.append(text[pos:start])
        new_start = start + shift
        out.append(new)
        mapping.append((start, end, new_start, new_start + len(new)))
        shift += len(new) - (end - start)
        pos = end
    out.append(text[pos:])
    return "".join(out), mapping
