"""Split text into words with spans and fold each into a comparison key."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from provenance.engine.text import fold_chars

# A word: letters/digits joined by inner apostrophes, hyphens, dots or commas
# ("co-operation", "UK's", "30,000", "72.2"); "%" and currency signs stand alone.
# Possessive quantifiers: a word never gives characters back, so the regex engine skips
# backtracking (same matches, faster split).
_TOKEN_RE = re.compile(r"\w++(?:[’'\-‐‑.,]\w++)*+|[%£$€]")
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")

_NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "percent": "%",
    "pc": "%",
}

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
        "don",
        "may",
        "might",
        "must",
        "shall",
        "upon",
        "per",
        "via",
        "across",
        "around",
        "among",
        "within",
        "without",
        "however",
        "thus",
        "therefore",
        "yet",
        "still",
        "even",
        "ever",
    ]
)

# Words that carry little evidence of copying: reporting verbs and news stock phrases.
WEAK_WORDS = frozenset(
    [
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "added",
        "adding",
        "statement",
        "according",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "announced",
        "announce",
        "today",
        "yesterday",
        "tomorrow",
        "government",
        "new",
        "year",
        "years",
        "week",
        "time",
        "people",
        "mr",
        "mrs",
        "ms",
        "dr",
        "also",
        "like",
        "one",
        "1",
        "make",
        "made",
        "well",
        "including",
    ]
)

_STEM_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ness",
    "edly",
    "ed",
    "ies",
    "es",
    "s",
    "ly",
)


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """Fold one word to its comparison key ("Co-operation"→"cooperation", "two"→"2")."""
    w = fold_chars(word).casefold()
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    if w[:1].isdigit():
        # Thousands separators are typography; a decimal point is not.
        w = w.replace(",", "")
        return w.rstrip(".")
    w = w.replace("-", "").replace("'", "").replace(".", "").replace(",", "")
    return _NUMBER_WORDS.get(w, w)


@lru_cache(maxsize=65536)
def stem(key: str) -> str:
    """Crude stem for paraphrase matching ("officers"≈"officer", "patrolling"≈"patrol")."""
    if not key[:1].isalpha():
        return key
    for suffix in _STEM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            key = key[: -len(suffix)]
            break
    return key[:6]


def is_content(key: str) -> bool:
    """Tell whether a key carries meaning (not a function word)."""
    return key not in STOP_WORDS


def is_evidence(key: str) -> bool:
    """Tell whether a shared key counts as evidence of copying."""
    return key not in STOP_WORDS and key not in WEAK_WORDS


def is_number(key: str) -> bool:
    """Tell whether a key is a figure."""
    return key[:1].isdigit()


@dataclass(frozen=True, slots=True)
class Tokens:
    """Words of one text as parallel lists: spans into the original and keys."""

    starts: list[int]
    ends: list[int]
    keys: list[str]

    def __len__(self) -> int:
        return len(self.keys)

    def surface(self, text: str, i: int) -> str:
        """Return the original characters of token i."""
        return text[self.starts[i] : self.ends[i]]


def tokenize(text: str) -> Tokens:
    """Split text into words; "per cent" becomes one token keyed "%"."""
    cache = _KEY_CACHE
    if len(cache) > 200_000:
        cache.clear()
    # Splitting on the word pattern gives gaps and words alternately; running sums
    # of their lengths are the offsets. All of it runs in C; keys come from a shared
    # cache, so the per-word Python work is one dict lookup.
    parts = _SPLIT_RE.split(text)
    offsets = list(itertools.accumulate(map(len, parts)))
    words = parts[1::2]
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    keys = list(map(cache.__getitem__, words))
    if "" in keys:
        kept = [i for i, k in enumerate(keys) if k]
        starts = [starts[i] for i in kept]
        ends = [ends[i] for i in kept]
        keys = [keys[i] for i in kept]
    if "cent" in keys:
        _join_per_cent(text, starts, ends, keys)
    return Tokens(starts, ends, keys)


def _join_per_cent(text: str, starts: list[int], ends: list[int], keys: list[str]) -> None:
    """Fold "per cent" (two words, whitespace between) into one token keyed "%", in place."""
    drop: list[int] = []
    i = keys.index("cent")
    while True:
        if i and keys[i - 1] == "per" and text[ends[i - 1] : starts[i]].isspace():
            keys[i - 1] = "%"
            ends[i - 1] = ends[i]
            drop.append(i)
        try:
            i = keys.index("cent", i + 1)
        except ValueError:
            break
    for i in reversed(drop):
        del keys[i], starts[i], ends[i]


class _KeyCache(dict[str, str]):
    """Word → key, computed on first sight."""

    def __missing__(self, word: str) -> str:
        key = self[word] = word_key(word)
        return key


_KEY_CACHE = _KeyCache()


def key_sequence(text: str) -> list[str]:
    """Return the comparison keys of a text's words, in order."""
    return tokenize(text).keys
