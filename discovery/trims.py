"""What the trim map tracks in a release: its figures and its caveats.

A figure is one the engine reads (`read_figures`, as its findings do) that is an
amount: money (“£5m”, “72.2 million euros”), a share (“40%”, “40 per cent”) or a count
of something (“30,000 crossings”, “140 convictions”). A date (“14 November”), a year
(“2022”) or a name with a digit in it (“G7”) is not a figure.

A caveat is a clause that hedges or limits a claim (“may help to reduce…”, “early
results suggest…”, “up to 72.2 million euros”, “there are no quick fixes”). A word that
only sometimes hedges is a caveat only in the phrases where it does: “small” in “a small
study”, not in “small boats”; “possible” in “it is possible that”, not in “as soon as
possible”; “about” or “around” before a number, not in “speaking about the deal”.

Both return spans into the sentence they are given, in order; a caveat's span is its
clause, from the hedge to the next comma, semicolon, colon, dash or the sentence's end.
"""

from __future__ import annotations

import re

from provenance.engine import figure_spans, read_figures, tokenize

Span = tuple[int, int]

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# Words after a number that say it is not a count of something.
_NOT_A_NOUN = re.compile(
    rf"^(?:{_MONTHS}|and|or|to|of|the|a|an|in|on|at|by|for|with|from|than|as|is|are|was|"
    r"were|be|am|pm|th|st|nd|rd|per|which|that|this|it|so|said|says|will|would|has|have|had)$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z-]*)")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# "No 10", "Number 10": a place's name, not a count.
_NAME_BEFORE = re.compile(r"\b(?:No\.?|Number|Nr\.?)\s*$")

_HEDGES = (
    r"may|might|could(?!\s+not\s+be\s+clearer)|possibly|perhaps|probably|likely|unlikely|"
    r"suggests?|suggested|appears? to|seems? to|believed to|thought to|expected to|"
    r"estimated|estimates?|approximately|roughly|preliminary|provisional|"
    r"limited|uncertain(?:ty|ties)?|caution(?:ed|s)?|however|although|though|"
    r"not yet|no guarantee|no quick fix(?:es)?|too early|remains to be seen|"
    r"further research|more research|in mice|in animals|observational|"
    r"associated with|linked to|correlat\w+ with|"
    r"(?:it is|it's) possible|a small (?:study|sample|number|trial)|"
    r"early (?:results|findings|data|evidence|stages?)|"
    r"(?:up to|about|around|nearly|almost|at least|at most|as many as|as much as)"
    r"(?=\s+[£$€¥]?\d)"
)
CAVEAT_RE = re.compile(rf"\b(?:{_HEDGES})\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r",(?!\d)|[;:–—()]|\s-\s|[.!?](?=\s|$)")


def _is_amount(sentence: str, lo: int, hi: int) -> bool:
    """Tell a figure from a date, a year or a number that counts nothing."""
    text = sentence[lo:hi]
    if text[0] in "£$€¥" or not text[-1].isdigit():
        return True  # money, a share, a scale or a currency word
    before = sentence[:lo]
    if _MONTH_BEFORE.search(before) or _NAME_BEFORE.search(before):
        return False  # "November 14", "No 10"
    if _GROUPED.match(text):
        return True  # "40,000": grouped thousands are neither a year nor a day
    after = _WORD_AFTER.match(sentence, hi)
    word = after.group(1) if after else ""
    if not word[:1].islower() or _NOT_A_NOUN.match(word):
        return False  # "14 November", "in 2020.", "2022 to 2023": no noun is counted
    return not _YEAR.match(text)


def figures(sentence: str) -> list[Span]:
    """The amounts in a sentence: money, shares and counts of something.

    The engine reads the figures (as its findings do: "£5m", "40 per cent", "sixty");
    the trim map keeps those that count something, not dates, years or names.
    """
    tokens = tokenize(sentence)
    spans = [figure_spans(tokens, f) for f in read_figures(sentence, tokens, 0, len(tokens))]
    return [(lo, hi) for lo, hi in spans if _is_amount(sentence, lo, hi)]


# Words that describe the thing counted rather than name it: "55 organised crime groups".
_DESCRIBING = re.compile(r"(?:ed|al|ive|ous|ic|ing|ful|ern|ish)$")


def figure_words(sentence: str, span: Span) -> str:
    """The figure as a row shows it: a bare count with what it counts ("140 convictions",
    "30,000 illegal crossings"), up to three words on."""
    lo, hi = span
    if sentence[hi - 1].isdigit():
        for _ in range(3):
            after = _WORD_AFTER.match(sentence, hi)
            if after is None or not after.group(1)[:1].islower():
                break
            hi = after.end()
            if not _DESCRIBING.search(after.group(1)):
                break
    return " ".join(sentence[lo:hi].split())


def caveats(sentence: str) -> list[Span]:
    """The hedging or limiting clauses in a sentence, each from its hedge to its clause's end."""
    out: list[Span] = []
    for match in CAVEAT_RE.finditer(sentence):
        if out and match.start() < out[-1][1]:
            continue  # a second hedge inside the clause already found
        stop = _CLAUSE_END.search(sentence, match.end())
        end = stop.start() if stop else len(sentence.rstrip())
        # "up to 72.2 million euros": a figure's hedge reaches past the figure's own comma.
        out.append((match.start(), max(end, match.end())))
    return out
