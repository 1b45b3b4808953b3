"""What a story shares with a release when it copies none of its words.

A story written in its own words still repeats the study it reports: the
researchers' and institutions' names, the journal, the figures (sample sizes,
years, percentages, sums of money). This module reads those from a text and scores
how much of that rare content two texts share, weighting each shared item by how
rare its word is in the corpus (the document frequencies discovery already keeps).

Pure: no Django, no database. `discovery.role_store` feeds it stored texts and
frequencies; `bench/reports_real.py` calibrates it on the real corpus.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from provenance.engine import (
    STOP_WORDS,
    figure_spans,
    key_sequence,
    read_figures,
    stem,
    term_frequencies,
    term_hash,
    tokenize,
)

# Capitalised words that say nothing about which study a story reports: titles,
# calendar words, and words that open sentences or headlines.
COMMON_CAPITALS = frozenset(
    {
        "dr",
        "prof",
        "professor",
        "mr",
        "mrs",
        "ms",
        "sir",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "for",
        "of",
        "to",
        "as",
        "if",
        "by",
        "with",
        "from",
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
    }
)
# Words joining the parts of one name ("University of Leeds", "Ludwig van Beethoven").
NAME_JOINERS = frozenset({"of", "de", "van", "von", "for"})
JOURNAL_HEADS = frozenset({"journal", "lancet", "bmj", "nature", "science", "plos", "jama"})
POSSESSIVE = re.compile(r"['’]s?$")
SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$|\n\s*$|^\s*$")


@dataclass(frozen=True)
class Item:
    """One piece of shared evidence: how it is shown, and the word whose rarity weighs it."""

    kind: str  # "name", "journal" or "figure"
    shown: str
    key: str  # what must match across the two texts
    term: str  # the token key whose document frequency weighs it


@dataclass
class Evidence:
    """The names and figures of one text, keyed for matching, and its content-word terms."""

    items: dict[str, Item] = field(default_factory=dict)
    terms: frozenset[int] = frozenset()

    def add(self, item: Item) -> None:
        self.items.setdefault(item.key, item)


def _is_capital(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _names(text: str, evidence: Evidence) -> None:
    """Runs of capitalised words; each word not opening a sentence is a key of its own.

    Matching word by word lets "Dr Jane Smith" in the release meet "Smith" in the
    story; the whole run is what the reason shows.
    """
    tokens = tokenize(text)
    n = len(tokens)
    # Words the text also writes in lower case are common words, wherever capitalised.
    lower = {tokens.keys[k] for k in range(n) if tokens.surface(text, k)[:1].islower()}
    i = 0
    while i < n:
        word = tokens.surface(text, i)
        if not _is_capital(word):
            i += 1
            continue
        j = i + 1
        while j < n:
            w = tokens.surface(text, j)
            gap = text[tokens.ends[j - 1] : tokens.starts[j]]
            if "\n" in gap or any(c in gap for c in '.,;:!?()"“”'):
                break
            if _is_capital(w) or (
                w in NAME_JOINERS and j + 1 < n and _is_capital(tokens.surface(text, j + 1))
            ):
                j += 1
                continue
            break
        shown = text[tokens.starts[i] : tokens.ends[j - 1]]
        words = [k for k in range(i, j) if tokens.keys[k] not in COMMON_CAPITALS]
        opens = bool(SENTENCE_END.search(text[: tokens.starts[i]]))
        for k in words:
            key = POSSESSIVE.sub("", tokens.keys[k])  # "Kowalczyk's" is Kowalczyk
            if k == i and opens and j - i == 1 and (key in STOP_WORDS or key in lower):
                continue  # a common word opening a sentence, not a name
            if len(key) < 3 or not key.isalpha():
                continue
            kind = "journal" if key in JOURNAL_HEADS else "name"
            evidence.add(Item(kind, _trim_title(shown), f"n:{stem(key)}", key))
        i = j


def _trim_title(shown: str) -> str:
    words = shown.split()
    while len(words) > 1 and words[0].lower() in COMMON_CAPITALS - {"dr", "prof", "professor"}:
        words = words[1:]
    return " ".join(words)


def _figures(text: str, evidence: Evidence) -> None:
    """Figures read by the engine, keyed by amount, so "£12m" meets "12 million pounds"."""
    tokens = tokenize(text)
    for fig in read_figures(text, tokens, 0, len(tokens)):
        if fig.number < 10 and fig.number == int(fig.number):
            continue  # one to nine: too common to tell studies apart
        digits = [k for k in tokens.keys[fig.lo : fig.hi] if k[:1].isdigit()]
        term = digits[0] if digits else tokens.keys[fig.lo]
        shown = text[slice(*figure_spans(tokens, fig))]
        evidence.add(Item("figure", shown, f"f:{fig.number:.6g}", term))


def evidence_of(text: str) -> Evidence:
    """The names, journal names and figures of a text, and its terms (the index's keys)."""
    evidence = Evidence(terms=frozenset(term_frequencies(key_sequence(text))))
    _names(text, evidence)
    _figures(text, evidence)
    return evidence


def term_of(item: Item) -> int:
    """The term hash whose document frequency weighs an item (the index's own key)."""
    return term_hash(stem(item.term))


def weight(df: int, documents: int) -> float:
    """Rarity of a word: the log of how many documents there are per document holding it."""
    return math.log((documents + 1) / (df + 1))


@dataclass(frozen=True)
class Weights:
    """How shared content is weighed (the operating point lives in settings)."""

    documents: int  # how many documents the frequencies were counted over
    min_weight: float = 2.0  # names and figures rarer than this count
    max_term_df: int = 50  # subject words held by more documents count for nothing
    item_factor: float = 1.5  # a shared name or figure against a shared subject word


@dataclass(frozen=True)
class Match:
    """What a story shares with one candidate release, and its weight."""

    shared: tuple[Item, ...]
    score: float


def match(
    story: Evidence, release: Evidence, frequency: Callable[[int], int], weights: Weights
) -> Match:
    """Weigh what the two texts share: rare subject words, and (more) rare names and figures.

    `frequency` gives a term hash's document frequency; common words count for nothing.
    """
    score = 0.0
    for term in story.terms & release.terms:
        df = frequency(term)
        if df <= weights.max_term_df:
            score += weight(df, weights.documents)
    shared = []
    for key in story.items:
        other = release.items.get(key)
        if other is None:
            continue
        w = weight(frequency(term_of(other)), weights.documents)
        if w < weights.min_weight:
            continue
        shared.append(other)
        score += weights.item_factor * w
    return Match(tuple(shared), score)


@dataclass(frozen=True)
class Choice:
    """The release a story reports, with what they share and the margin it won by."""

    index: int
    match: Match
    runner_up: float


def choose(
    matches: Iterable[Match], min_score: float, min_ratio: float, min_items: int
) -> Choice | None:
    """The best-matching release, if it shares enough rare content and clearly beats the next.

    A wrong pairing shown to a class is worse than none: the best must reach
    `min_score` on its own and `min_ratio` times the runner-up's score.
    """
    ranked = sorted(enumerate(matches), key=lambda p: (-p[1].score, p[0]))
    if not ranked:
        return None
    index, best = ranked[0]
    second = ranked[1][1].score if len(ranked) > 1 else 0.0
    if best.score < min_score or len(best.shared) < min_items:
        return None
    if second * min_ratio > best.score:
        return None
    return Choice(index, best, second)
