"""Find quotations (quote marks and "Name said:" paragraphs) and their speakers."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.engine.types import Side

# Every branch starts with its quote mark (the "not after a letter" checks look back
# from behind it), so the regex engine can skip straight to quote marks.
_MARKED_RE = re.compile(
    r"“([^“”]{1,3000}?)”"
    r'|"([^"\n]{1,3000}?)"'
    r"|‘(?<!\w‘)([^‘’\n]{1,1000}?)’(?!\w)"
    r"|'(?<![\w']')([^'\n]{1,300}?)'(?![\w])"
)
_VERBS = (
    r"(?:said|says|added|adds|told|tells|claimed|claims|warned|warns|stated|states"
    r"|explained|commented|insisted|argued)"
)
_NAME = r"(?:[A-Z][\w’'.\-]*|\d+)(?:\s+(?:[A-Z][\w’'.\-]*|\d+|of|the|for|de|van|von)){0,5}"
_AFTER_RE = re.compile(
    rf"[\s,]*(?:(?P<a>{_NAME})\s+{_VERBS}\b|{_VERBS}\s+(?P<b>{_NAME})|(?P<p>he|she|they|it|I|we)\s+{_VERBS}\b)"
)
_BEFORE_RE = re.compile(rf"(?P<a>{_NAME})\s+{_VERBS}\s*[:,]?\s*$")
_SAID_LINE_RE = re.compile(rf"^(?P<a>\S.{{0,80}}?)\s+{_VERBS}\s*:\s*$", re.DOTALL)
# A line of site furniture ("Read more: …") quotes a headline, not a person.
_FURNITURE_RE = re.compile(
    r"\s*(?:read (?:more|next|also)|related(?: articles?| stories)?|see also|also read"
    r"|more on this(?: story)?|recommended|most read|watch|listen|sign up)\s*[:|>»\-–—]",
    re.IGNORECASE,
)
# Words a name or a title may have in lower case ("Secretary of State for Health").
_TITLE_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "de", "to", "&"})
_TITLE_WORDS = 6
_CONTEXT_RE = re.compile(
    rf"(?:[Aa]ccording to\s+(?P<c>{_NAME})"
    rf"|(?P<a>{_NAME})(?:,\s[^,“”\"]{{1,80}},)?\s+(?:{_VERBS}|called|adding|calls)\b"
    rf"|\b(?P<p>he|she|they)\s+(?:{_VERBS}|called|calls|added|adding)\b)"
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})
_FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me", "ours", "myself", "ourselves"})


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: token range, character span and the speaker if one is named."""

    lo: int
    hi: int
    span: tuple[int, int]
    speaker: str | None
    said_unit: int | None  # the "Name said:" unit that introduces it, if any
    # Who the text says spoke these words, named nearby or earlier ("he said" → the last
    # speaker named); only for telling a reader whose words they are.
    said_by: str | None = None


def _clean(name: str) -> str:
    return " ".join(name.split())


def _token_range(side: Side, start: int, end: int) -> tuple[int, int]:
    lo = bisect.bisect_left(side.tokens.starts, start)
    hi = bisect.bisect_left(side.tokens.starts, end)
    while hi > lo and side.tokens.ends[hi - 1] > end:
        hi -= 1
    return lo, hi


def said_units(side: Side) -> list[tuple[int, str]]:
    """Return (unit index, speaker) for units like "Home Secretary  said:"."""
    out = []
    for u, unit in enumerate(side.units):
        if unit.end - unit.start > 120:
            continue
        m = _SAID_LINE_RE.match(side.text[unit.start : unit.end])
        if m:
            out.append((u, _clean(m.group("a"))))
    return out


def _in_furniture(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return _FURNITURE_RE.match(text, line_start, start) is not None


def _is_title(text: str, start: int, end: int) -> bool:
    """Tell whether quoted words are a name or title ('Calais Group'), not speech."""
    words = text[start:end].split()
    if not words or len(words) > _TITLE_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.casefold() in _TITLE_SMALL for w in words)


def find_quotes(side: Side) -> list[Quote]:
    """Return the quotations of a text in order of position.

    Quoted words in a furniture line ("Read more: …") and a name or title in quote
    marks that no one is said to have said are not quotations.
    """
    text = side.text
    quotes: list[Quote] = []
    for m in _MARKED_RE.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        start, end = m.span(group)
        lo, hi = _token_range(side, start, end)
        if hi <= lo or _in_furniture(text, m.start()):
            continue
        speaker: str | None = None
        after = _AFTER_RE.match(text, m.end(), min(len(text), m.end() + 80))
        if after and (after.group("a") or after.group("b")):
            speaker = _clean(after.group("a") or after.group("b"))
        elif not after:
            before = _BEFORE_RE.search(text, max(0, m.start() - 80), m.start())
            if before:
                speaker = _clean(before.group("a"))
        if speaker is None and not (after and after.group("p")) and _is_title(text, start, end):
            continue
        quotes.append(Quote(lo, hi, (start, end), speaker, None))
    marked_ends = [q.span for q in quotes]
    for u, speaker in said_units(side):
        v = u + 1
        paragraphs = 0
        last = u
        n = len(side.units)
        while v < n and paragraphs < 5:
            p = side.units[v].paragraph
            if _SAID_LINE_RE.match(text[side.units[v].start : side.units[v].end]):
                break
            w = v
            while w < n and side.units[w].paragraph == p:
                w += 1
            keys = side.tokens.keys[side.unit_lo[v] : side.unit_hi[w - 1]]
            if paragraphs and not any(k in _FIRST_PERSON for k in keys):
                break
            last = w - 1
            paragraphs += 1
            v = w
        if last == u:
            continue
        span = (side.units[u + 1].start, side.units[last].end)
        if any(s <= span[0] < e for s, e in marked_ends):
            continue
        quotes.append(Quote(side.unit_lo[u + 1], side.unit_hi[last], span, speaker, u))
    quotes.sort(key=lambda q: (q.span[0], q.span[1]))
    return quotes


def with_speakers(side: Side, quotes: list[Quote]) -> list[Quote]:
    """Fill said_by: the named speaker, one named earlier in the sentence, or for "he
    said" and a paragraph that only continues a quotation, the last speaker named.

    quotes are all of find_quotes(side), in order; "the last speaker named" needs them.
    """
    text = side.text
    out: list[Quote] = []
    last: str | None = None
    last_end = -1
    for q in quotes:
        who = q.speaker if q.speaker and q.speaker.casefold() not in _PRONOUNS else None
        pronoun = False
        if who is None:
            unit = side.units[side.unit_of[q.lo]]
            hits = list(_CONTEXT_RE.finditer(text, unit.start, q.span[0]))
            hit = hits[-1] if hits else None
            named = hit and (hit.group("a") or hit.group("c"))
            if named and named.casefold() not in _PRONOUNS:
                who = _clean(named)
            else:
                after = _AFTER_RE.match(text, q.span[1] + 1, min(len(text), q.span[1] + 80))
                pronoun = hit is not None or bool(after and after.group("p"))
        if who is None and last is not None:
            # "he said", or a paragraph that opens with a quotation right after another.
            line = text.rfind("\n", 0, q.span[0]) + 1
            previous_line = text.rfind("\n", 0, max(0, line - 1)) + 1
            continues = line > 0 and last_end >= previous_line
            if pronoun or (continues and not _has_words(text[line : q.span[0]])):
                who = last
        if who is not None:
            last, last_end = who, q.span[1]
        out.append(replace(q, said_by=who))
    return out


def _has_words(text: str) -> bool:
    return any(c.isalpha() for c in text)
