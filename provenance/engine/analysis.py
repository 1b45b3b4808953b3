"""One text analysed once: its words, keys and units, kept and reused by every comparison.

A document version is tokenised for the index, then compared with several candidate
sources, then rendered; `analyse()` does that work once and `to_bytes()` keeps it.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass, field
from typing import Any

from provenance.engine.result import ENGINE_VERSION
from provenance.engine.segment import Unit, segment
from provenance.engine.text import check_text
from provenance.engine.tokens import Tokens, tokenize
from provenance.engine.types import Side

_MAGIC = b"PVA1"
_KEY_SEP = "\x1f"  # never inside a key: keys are made of word characters and folded marks
_HEADER = struct.Struct("<4sB16s16s")  # magic, version length, version, text digest


@dataclass(frozen=True, slots=True)
class AnalysedText:
    """A text with its words (spans and comparison keys) and sentence-like units.

    Frozen and shared between comparisons: nothing in the engine changes its lists.
    """

    text: str
    tokens: Tokens
    units: list[Unit]
    # The side built from it and what steps read off that side (see side()): a cache,
    # not part of the analysis, so neither compared nor serialised.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def side(self) -> Side:
        """The text as the pipeline's steps take it, built once and reused, with what
        those steps read off its units (their stems, say), by every comparison."""
        side: Side | None = self.memo.get("side")
        if side is None:
            side = self.memo["side"] = make_side(self.text, self.tokens, self.units)
        return side

    def to_bytes(self) -> bytes:
        """Serialise compactly (without the text, which the caller keeps beside it).

        The blob records ENGINE_VERSION: `from_bytes` refuses one made by another
        version, since tokens or units may differ.
        """
        version = ENGINE_VERSION.encode()
        header = _HEADER.pack(_MAGIC, len(version), version, _digest(self.text))
        numbers = array("I", [len(self.tokens), len(self.units)])
        # Offsets as alternating gaps and word lengths: small numbers that compress well.
        offsets = list(
            itertools.chain.from_iterable(zip(self.tokens.starts, self.tokens.ends, strict=True))
        )
        numbers.extend(b - a for a, b in itertools.pairwise([0, *offsets]))
        for u in self.units:
            numbers.extend((u.start, u.end, u.paragraph))
        if sys.byteorder != "little":
            numbers.byteswap()
        keys = _KEY_SEP.join(self.tokens.keys).encode("utf-8", "surrogatepass")
        return header + zlib.compress(struct.pack("<I", len(numbers)) + numbers.tobytes() + keys)

    @classmethod
    def from_bytes(cls, data: bytes, text: str) -> AnalysedText:
        """Rebuild the analysis of `text` from `to_bytes()`.

        Raises ValueError when the blob is not one, was made by another engine
        version, or belongs to another text.
        """
        try:
            magic, size, version, digest = _HEADER.unpack_from(data)
        except struct.error as error:
            raise ValueError("Not a text analysis.") from error
        if magic != _MAGIC:
            raise ValueError("Not a text analysis.")
        if version[:size].decode() != ENGINE_VERSION:
            raise ValueError("Text analysis made by another engine version.")
        if digest != _digest(text):
            raise ValueError("Text analysis of another text.")
        try:
            return cls._decode(zlib.decompress(data[_HEADER.size :]), text)
        except (zlib.error, struct.error, IndexError, TypeError, UnicodeDecodeError) as error:
            raise ValueError("Text analysis is damaged.") from error

    @classmethod
    def _decode(cls, body: bytes, text: str) -> AnalysedText:
        (count,) = struct.unpack_from("<I", body)
        numbers = array("I")
        numbers.frombytes(body[4 : 4 + 4 * count])
        if sys.byteorder != "little":
            numbers.byteswap()
        n_tokens, n_units = numbers[0], numbers[1]
        offsets = list(itertools.accumulate(numbers[2 : 2 + 2 * n_tokens]))
        starts, ends = offsets[0::2], offsets[1::2]
        flat = numbers[2 + 2 * n_tokens :].tolist()
        units = [Unit(*flat[i : i + 3]) for i in range(0, 3 * n_units, 3)]
        rest = body[4 + 4 * count :].decode("utf-8", "surrogatepass")
        keys = rest.split(_KEY_SEP) if n_tokens else []
        if len(keys) != n_tokens:
            raise ValueError("Text analysis is damaged.")
        return cls(text, Tokens(starts, ends, keys), units)


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def analyse(text: str, *, name: str = "text") -> AnalysedText:
    """Tokenise and segment a text once.

    Raises ValueError for input that is not text (wrong type, binary data); the
    message calls the text `name` ("source", "derivative").
    """
    check_text(text, name)
    return AnalysedText(text, tokenize(text), segment(text))


def make_side(text: str, tokens: Tokens, units: list[Unit]) -> Side:
    """Attach tokens to units; a unit without words ("###", "—") joins a neighbour.

    Joining keeps every visible character inside some unit, so passages cover it.
    """
    kept: list[Unit] = []
    unit_of = [0] * len(tokens)
    lo: list[int] = []
    hi: list[int] = []
    t = 0
    n = len(tokens)
    pending = -1  # start of wordless units waiting for a unit to join
    starts = tokens.starts
    for u in units:
        first = bisect.bisect_left(starts, u.start, t)
        t = bisect.bisect_left(starts, u.end, first)
        if t > first:
            unit_of[first:t] = [len(kept)] * (t - first)
            start = u.start if pending < 0 else pending
            pending = -1
            kept.append(Unit(start, u.end, u.paragraph) if start != u.start else u)
            lo.append(first)
            hi.append(t)
        elif kept:
            last = kept[-1]
            kept[-1] = Unit(last.start, u.end, last.paragraph)
        elif pending < 0:
            pending = u.start
    if pending >= 0:
        # A text without words: one unit with no tokens still holds its characters.
        kept.append(Unit(pending, units[-1].end, 0))
        lo.append(n)
        hi.append(n)
    return Side(text, tokens, kept, unit_of, lo, hi)
