"""Validate input text and normalise it with an offset map back to the original."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Characters that differ only typographically; folded one-for-one so offsets survive.
_FOLD_TABLE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": " ",
        "\r": "\n",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)

_SPACE_RUN = re.compile(r"[ \n]{2,}|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")


def check_text(value: object, name: str) -> str:
    """Return value if it is usable text, else raise ValueError with a plain message."""
    if not isinstance(value, str):
        raise ValueError(f"The {name} must be text (str), not {type(value).__name__}.")
    if not value:
        return value
    sample = value if len(value) <= 200_000 else value[:100_000] + value[-100_000:]
    nul = sample.count("\x00")
    controls = len(_CONTROL.findall(sample))
    if nul > max(2, len(sample) // 1000) or controls > max(8, len(sample) // 20):
        raise ValueError(f"The {name} looks like binary data, not text.")
    return value


def fold_chars(text: str) -> str:
    """Fold quotes, dashes, odd spaces and carriage returns one-for-one (same length)."""
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised copy of a text plus the map from its offsets to the original's."""

    text: str
    original_length: int
    # Breakpoints (normalised offset, original offset); offsets between two
    # breakpoints map linearly, which holds because only whitespace runs shrink.
    _norm_points: tuple[int, ...]
    _orig_points: tuple[int, ...]

    def to_original(self, offset: int) -> int:
        """Map an offset in the normalised text to the matching original offset."""
        if offset <= 0:
            return 0
        if offset >= len(self.text):
            return self.original_length
        k = bisect.bisect_right(self._norm_points, offset) - 1
        return self._orig_points[k] + (offset - self._norm_points[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the original span it came from."""
        if end <= start:
            o = self.to_original(start)
            return (o, o)
        return (self.to_original(start), self.to_original(end - 1) + 1)


def normalise(text: str) -> Normalised:
    """Fold typography and collapse whitespace (a newline-bearing run becomes one newline)."""
    folded = fold_chars(text)
    out: list[str] = []
    norm_points = [0]
    orig_points = [0]
    pos = 0
    npos = 0
    for m in _SPACE_RUN.finditer(folded):
        out.append(folded[pos : m.start()])
        npos += m.start() - pos
        out.append("\n" if "\n" in m.group() else " ")
        npos += 1
        pos = m.end()
        norm_points.append(npos)
        orig_points.append(pos)
    out.append(folded[pos:])
    return Normalised("".join(out), len(text), tuple(norm_points), tuple(orig_points))
