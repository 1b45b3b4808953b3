"""Read figures (amounts, percentages, money, measures) from tokens, whatever their form.

"£7m", "£7 million", "£7,000,000" and "seven million pounds" are one figure; so are
"0.5g" and "500mg", "2 km" and "2,000 metres". Units of measure come from pint, loaded
once and only when a text has a figure followed by a possible unit word; money and
scale words ("m", "bn", "million") are read here, because pint has no currency and
reads "m" as metres.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from provenance.engine.tokens import STOP_WORDS

if TYPE_CHECKING:
    from provenance.engine.tokens import Tokens

_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
# Scale words that stand as words of their own ("7 million"); a lone "m" is metres.
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "bn", "mn"})
_CURRENCY_SIGNS = {"£": "GBP", "$": "USD", "€": "EUR"}
_CURRENCY_WORDS = {
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
}
# Number words the tokenizer leaves as words (it folds one..twenty, thirty, forty, fifty).
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENS_PREFIXES = frozenset(t[:4] for t in _TENS)
_UNITS_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_NUMBER_RE = re.compile(r"(\d+(?:\.\d+)?)([a-z]*)$")
_LEAD_RE = re.compile(r"\d+(?:\.\d+)?")
# Physical dimensions a reader compares; pint also parses words like "units" or "points"
# as obscure units (micronits, typographic points), which must not make figures equal.
_DIMENSIONS = frozenset(
    {
        "[length]",
        "[length] ** 2",
        "[length] ** 3",
        "[mass]",
        "[time]",
        "[length] / [time]",
        "[length] ** 2 * [mass] / [time] ** 2",
        "[length] ** 2 * [mass] / [time] ** 3",
    }
)
# Suffixes and words that pint reads as units but a news text does not mean as one:
# ordinals ("5th": thou, "2nd", "3rd": rod), "c" (the speed of light), "mb" (millibarn).
_NOT_UNITS = frozenset(
    {"point", "points", "units", "unit", "kilos", "hands", "hand", "cups"}
    | {"th", "st", "nd", "rd", "c", "mb", "kb", "gb"}
)
_SIGNS = frozenset(_CURRENCY_SIGNS)
BARE = ""  # the dimension of a plain number


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure over tokens [lo, hi): its readings (dimension, value in base units) and
    the number as written, scale words applied.

    A figure has one reading per way it can be read: "7m" is seven million or seven
    metres. Dimension BARE is a plain number; "%" a percentage; "GBP" etc. money.
    """

    lo: int
    hi: int
    readings: tuple[tuple[str, float], ...]
    number: float

    def same_as(self, other: Figure, strict: bool = True) -> bool:
        """Tell whether two figures are the same amount.

        Strict: only in the same kind of unit. Otherwise, when they share no kind of
        unit ("£7m" and "7 million"), the numbers alone decide.
        """
        shared = False
        for dim, value in self.readings:
            for odim, ovalue in other.readings:
                if dim == odim:
                    shared = True
                    if math.isclose(value, ovalue, rel_tol=1e-9):
                        return True
        if strict or shared:
            return False
        return math.isclose(self.number, other.number, rel_tol=1e-9)


@lru_cache(maxsize=1)
def _registry() -> Any:
    # Importing pint and building its registry costs most of a second: do it once, and
    # only for a text that has a figure with a possible unit word.
    import pint

    # pint logs a warning for each word with two readings ("mins": minutes or
    # milli-inches) and takes the first, which is the one news text means; a log line
    # per article would only be noise.
    logging.getLogger("pint.util").setLevel(logging.ERROR)
    return pint.UnitRegistry()


@lru_cache(maxsize=4096)
def unit_factor(word: str) -> tuple[str, float] | None:
    """(dimension, factor to base units) of a unit word like "km" or "grammes", or None."""
    if not word.isalpha() or word in STOP_WORDS or word in _NOT_UNITS or word in _SCALES:
        return None
    registry = _registry()
    try:
        quantity = registry.Quantity(1, registry.parse_units(word)).to_base_units()
    except Exception:  # pint raises several error types for words that are not units
        return None
    dim = str(quantity.dimensionality)
    if dim not in _DIMENSIONS:
        return None
    return dim, float(quantity.magnitude)


def _is_tens(key: str) -> bool:
    """Tell whether a key is a tens word ("sixty") or a compound ("fortyfive")."""
    if key in _TENS:
        return True
    if key[:4] not in _TENS_PREFIXES:
        return False
    return any(key.startswith(t) and key[len(t) :] in _UNITS_WORDS for t in _TENS)


def _word_number(text: str, tokens: Tokens, i: int) -> int | None:
    """The value of a number written as a word ("sixty", "forty-five"), else None."""
    if not text[tokens.starts[i]].isalpha():
        return None
    key = tokens.keys[i]
    if key.isdigit():
        return int(key)  # "one" … "fifty", folded by the tokenizer
    if key in _TENS:
        return _TENS[key]
    if key[:4] not in _TENS_PREFIXES:
        return None
    # "forty-five" (its key is "fortyfive"): tens, then a unit word.
    for tens, value in _TENS.items():
        if key.startswith(tens) and key[len(tens) :] in _UNITS_WORDS:
            return value + _UNITS_WORDS[key[len(tens) :]]
    return None


def _number(text: str, tokens: Tokens, i: int) -> tuple[Fraction, str, bool] | None:
    """(value, suffix, written in words) of a number token, else None."""
    word = _word_number(text, tokens, i)
    if word is not None:
        return Fraction(word), "", True
    if not text[tokens.starts[i]].isdigit():
        return None
    key = tokens.keys[i]
    if key.isdecimal():
        # The common case, bare digits: parsing a Fraction from a string costs far more.
        return Fraction(int(key)), "", False
    m = _NUMBER_RE.match(key)
    if m:
        return Fraction(m.group(1)), m.group(2), False
    # Digits run into other characters ("1.Paternal", "10.1186/x"): the number they start.
    lead = _LEAD_RE.match(tokens.keys[i])
    return (Fraction(lead.group()), "", False) if lead else None


def read_figure(text: str, tokens: Tokens, i: int, hi: int) -> Figure | None:
    """Read the figure that starts at token i (a currency sign or a number), within hi."""
    keys = tokens.keys
    lo = i
    currency = ""
    if keys[i] in _SIGNS:
        currency = _CURRENCY_SIGNS[keys[i]]
        i += 1
        if i >= hi or tokens.starts[i] != tokens.ends[i - 1]:
            return None
    first = _number(text, tokens, i) if i < hi else None
    if first is None:
        return None
    value, suffix, worded = first
    i += 1
    unit: tuple[str, float] | None = None
    ambiguous_m = False
    if suffix:
        if suffix in _SCALES:
            value *= _SCALES[suffix]
            ambiguous_m = suffix == "m" and not currency
        else:
            unit = unit_factor(suffix)
    # Number words and scale words: "two hundred and fifty thousand", "7 million".
    total = Fraction(0)
    while i < hi and not suffix:
        key = keys[i]
        hundred = key == "100" and text[tokens.starts[i]].isalpha()
        if key in _SCALE_WORDS or hundred:
            scale = _SCALES["hundred" if hundred else key]
            if scale == 100:
                value *= scale
            else:
                total += value * scale
                value = Fraction(0)
            i += 1
            continue
        if not worded:
            break
        j = i + 1 if key == "and" and value and value % 100 == 0 and i + 1 < hi else i
        word = _word_number(text, tokens, j)
        if word is None or not value or not ((word < 10 and value % 10 == 0) or value % 100 == 0):
            break
        value += word
        i = j + 1
    value += total
    number = float(value)
    if i < hi and keys[i] == "%":
        return Figure(lo, i + 1, (("%", number),), number)
    if i < hi and keys[i] in _CURRENCY_WORDS and not currency:
        currency = _CURRENCY_WORDS[keys[i]]
        i += 1
    elif unit is None and not currency and i < hi and not suffix:
        unit = unit_factor(keys[i])
        if unit is not None:
            i += 1
    if currency:
        return Figure(lo, i, ((currency, number),), number)
    if unit is not None:
        return Figure(lo, i, ((unit[0], number * unit[1]),), number)
    if ambiguous_m:
        metres = float(value / _SCALES["m"])
        return Figure(lo, i, (("[length]", metres), (BARE, number)), number)
    return Figure(lo, i, ((BARE, number),), number)


def read_figures(text: str, tokens: Tokens, lo: int, hi: int) -> list[Figure]:
    """The figures in tokens [lo, hi), left to right."""
    out: list[Figure] = []
    keys = tokens.keys
    i = lo
    while i < hi:
        key = keys[i]
        if (
            (key[:1].isdigit() and "-" not in key)
            or key in _SIGNS
            or (key[:4] in _TENS_PREFIXES and _is_tens(key))
        ):
            fig = read_figure(text, tokens, i, hi)
            if fig is not None:
                out.append(fig)
                i = fig.hi
                continue
        i += 1
    return out


# Keys that may start or end a figure: number words the tokenizer leaves as words
# ("sixty", "fortyfive" from "forty-five"), scale words, currency signs and words.
_FIGURE_WORDS = frozenset(_SCALES) | frozenset(_CURRENCY_WORDS) | _SIGNS


def may_be_figure_key(key: str) -> bool:
    """Cheap test: could this key belong to a figure?"""
    return key[:1].isdigit() or key in _FIGURE_WORDS or _is_tens(key)


_STYLED_RE = re.compile(r"\d[^\s\d]")


def may_be_styled_figure(keys: list[str], text: str, start: int, end: int) -> bool:
    """Cheap test: could keys (text[start:end]) hold a figure written other than as bare
    digits ("£12m", "12 million", "4,300", "40%", "40 per cent")? Bare digits read as
    themselves."""
    return (
        "%" in keys
        or not _FIGURE_WORDS.isdisjoint(keys)
        or _STYLED_RE.search(text, start, end) is not None
    )


def may_touch_figure(tokens: Tokens, lo: int, hi: int) -> bool:
    """Cheap test: could tokens [lo, hi), or the one before, belong to a figure?"""
    # Inlined rather than calling may_be_figure_key: this runs on every changed op.
    words, prefixes = _FIGURE_WORDS, _TENS_PREFIXES
    for key in tokens.keys[max(0, lo - 1) : hi]:
        if key[:1].isdigit() or key in words or key[:4] in prefixes:
            return True
    return False


def same_wording(
    a_text: str, a: Tokens, a_lo: int, a_hi: int, b_text: str, b: Tokens, b_lo: int, b_hi: int
) -> bool:
    """Tell whether two token ranges say the same thing, figures compared by amount.

    Words outside figures must have equal keys; each figure must be the same amount in
    the same kind of unit as its counterpart ("£7m" = "seven million pounds").
    """
    a_items = _items(a_text, a, a_lo, a_hi)
    b_items = _items(b_text, b, b_lo, b_hi)
    if len(a_items) != len(b_items):
        return False
    figures = False
    for x, y in zip(a_items, b_items, strict=True):
        if isinstance(x, Figure) and isinstance(y, Figure):
            if not x.same_as(y):
                return False
            figures = True
        elif x != y:
            return False
    return figures


def _items(text: str, tokens: Tokens, lo: int, hi: int) -> list[Figure | str]:
    out: list[Figure | str] = []
    figures = read_figures(text, tokens, lo, hi)
    k = 0
    i = lo
    while i < hi:
        if k < len(figures) and figures[k].lo == i:
            out.append(figures[k])
            i = figures[k].hi
            k += 1
            continue
        out.append(tokens.keys[i])
        i += 1
    return out


def figure_spans(tokens: Tokens, fig: Figure) -> tuple[int, int]:
    """Character span of a figure."""
    return (tokens.starts[fig.lo], tokens.ends[fig.hi - 1])
