"""Edits that sit exactly where a copy is cut: the `edge_number`, `edge_name`, `edge_quote` ops.

`edge_edit(source, rng, host, what)` picks a source sentence with a figure, a name or a
quotation near one of its ends, rewrites the words from that end up to and including
the item (the item itself changed: another figure, another name, another first or last
quoted word), and copies the rest of the sentence (and up to two neighbouring sentences)
word for word. The piece stands as its own paragraph among paragraphs of host text from
another subject, so the copy starts (or ends) at the word next to the edit and nothing
copied surrounds it: an engine that cuts the passage at the copied words must still
report the changed item, since it lies in the same sentence.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bench.embed import _sentences
from bench.generate import Derived, ExpectedFinding, Segment
from bench.sentence_ops import _NUMBER_RE, Context, _changed_number, new_name
from bench.textparts import WORD_RE, Span
from bench.wordlists import FIRST_NAME_RE, NAME_RE, SUBSTITUTES

EDGE_OPS: tuple[str, ...] = ("edge_number", "edge_name", "edge_quote")

#: The finding types that report each edge edit.
EDGE_FINDINGS: dict[str, frozenset[str]] = {
    "edge_number": frozenset({"number_changed"}),
    "edge_name": frozenset({"name_added", "name_removed", "attribution_changed"}),
    "edge_quote": frozenset({"quote_altered"}),
}

NEAR = 5  # words at most between the item and its sentence's end
MIN_COPIED = 6  # words the copy keeps of the sentence
_OPENERS = ("Last year", "On Tuesday it emerged that", "According to the report,", "Officials say")
_CLOSERS = ("in all", "this time, officials say", "according to the report", "last year")
_QUOTE_RE = re.compile(r"“([^”\"]{12,})”|\"([^”\"“]{12,})\"")


def _items(text: str, what: str) -> list[Span]:
    """Spans (within the sentence) of the items an edit of this kind can change."""
    if what == "edge_number":
        # A figure standing as a word: not a year, nor part of a date, code or address.
        return [
            m.span()
            for m in _NUMBER_RE.finditer(text)
            if not re.fullmatch(r"(19|20)\d\d", m[0])
            and (m.start() == 0 or text[m.start() - 1] in " (£$€")
            and not re.match(r"[^\s,.;:)%]", text[m.end() : m.end() + 1])
        ]
    if what == "edge_name":
        found = [m.span(1) for m in NAME_RE.finditer(text)]
        return found + [m.span() for m in FIRST_NAME_RE.finditer(text)]
    out = []
    for m in _QUOTE_RE.finditer(text):
        g = 1 if m[1] is not None else 2
        ws = list(re.finditer(r"[^\W\d_]+", m[g]))
        # Plain quoted prose: a word at each end, next to the quotation marks.
        if len(ws) >= 4 and ws[0].start() == 0 and not m[g][ws[-1].end() :].strip(",.!?"):
            out.append((m.start(g) + ws[0].start(), m.start(g) + ws[0].end()))
            out.append((m.start(g) + ws[-1].start(), m.start(g) + ws[-1].end()))
    return out


def _replacement(item: str, what: str, rng: random.Random, ctx: Context) -> str:
    if what == "edge_number":
        return _changed_number(item, rng)
    if what == "edge_name":
        return new_name(rng, ctx)
    word = rng.choice([w for w in SUBSTITUTES if w != item.lower()])
    return word.capitalize() if item[:1].isupper() else word


def _choices(source: str, sentences: list[Span], what: str) -> list[tuple[int, Span, bool]]:
    """(sentence index, item span in the source, at the head) for items near an end."""
    out = []
    for k, (lo, hi) in enumerate(sentences):
        text = source[lo:hi]
        if not re.search(r"[.!?][”\"]?$", text) or re.search(r"\b[A-Z]\.\s*$", source[:lo]):
            continue  # a heading or a dateline, or split after an initial: not a sentence
        n = len(WORD_RE.findall(text))
        for a, b in _items(text, what):
            before = len(WORD_RE.findall(text[:a]))
            after = len(WORD_RE.findall(text[b:]))
            if before <= NEAR and after >= MIN_COPIED:
                out.append((k, (lo + a, lo + b), True))
            if after <= NEAR and before >= MIN_COPIED and n > 2 * NEAR:
                out.append((k, (lo + a, lo + b), False))
    return out


def edge_edit(
    source: str, rng: random.Random, host: Sequence[str], what: str, *, paras: int = 3
) -> Derived | None:
    """Derive host text holding one sentence edited at the edge of its copied words.

    None when no sentence has such an item, or the host pool is too small.
    """
    if what not in EDGE_OPS:
        raise ValueError(f"unknown edge operation: {what}")
    sentences = _sentences(source)
    candidates = [h for h in host if len(WORD_RE.findall(h)) >= 12]
    choices = _choices(source, sentences, what)
    if not choices or len(candidates) < 2:
        return None
    k, (a, b), at_head = rng.choice(choices)
    ctx = Context(source, set())
    new_item = _replacement(source[a:b], what, rng, ctx)
    s_lo, s_hi = sentences[k]
    extra = rng.randint(0, 2)
    if at_head:
        # "In 2023, 45 students …" becomes "Last year 60 students …": the words before the
        # item are redone (an opening quotation mark kept).
        mark = re.search(r"[“\"]\s*$", source[s_lo:a])
        glue = mark[0].strip() if mark else ""
        if what == "edge_quote" and not glue:
            return None  # the quotation's first word must keep its opening mark
        rewrite = f"{rng.choice(_OPENERS)} {glue}{new_item}"
        last = min(len(sentences) - 1, k + extra)
        copy = (b, sentences[last][1])
        rewritten_source = (s_lo, b)
        text = rewrite + source[copy[0] : copy[1]]
        copy_d = (len(rewrite), len(text))
        rewrite_d = (0, len(rewrite))
        item_d = (len(rewrite) - len(new_item), len(rewrite))
    else:
        mark = re.match(r"[,.]?([”\"])", source[b:s_hi])
        glue = mark[1] if mark else ""
        if what == "edge_quote" and not glue:
            return None
        closer = f"{new_item}{glue} {rng.choice(_CLOSERS)}."
        first = max(0, k - extra)
        copy = (sentences[first][0], a)
        rewritten_source = (a, s_hi)
        head = source[copy[0] : copy[1]]
        text = head + closer
        copy_d = (0, len(head))
        rewrite_d = (len(head), len(text))
        item_d = (len(head), len(head) + len(new_item))
    # The copy's own edges, without the spaces next to the rewrite.
    c_lo, c_hi = copy
    while c_lo < c_hi and source[c_lo].isspace():
        c_lo += 1
    while c_hi > c_lo and source[c_hi - 1].isspace():
        c_hi -= 1
    shift = c_lo - copy[0]
    copy_d = (copy_d[0] + shift, copy_d[0] + shift + (c_hi - c_lo))
    chosen = rng.sample(candidates, min(paras, len(candidates)))
    at = rng.randrange(1, len(chosen))
    before = "\n\n".join(chosen[:at]) + "\n\n"
    derivative = before + text + "\n\n" + "\n\n".join(chosen[at:])
    off = len(before)

    def moved(span: Span) -> Span:
        return (span[0] + off, span[1] + off)

    segments = [
        Segment(what, frozenset({"verbatim", "reused"}), (c_lo, c_hi), moved(copy_d)),
        Segment(what, frozenset({"added", "altered", "trimmed"}), None, moved(rewrite_d)),
        Segment(what, frozenset({"omitted", "altered", "trimmed"}), rewritten_source, None),
        Segment("host", frozenset({"added"}), None, (0, off - 2)),
        Segment("host", frozenset({"added"}), None, (off + len(text) + 2, len(derivative))),
    ]
    finding = ExpectedFinding(what, EDGE_FINDINGS[what], (a, b), moved(item_d))
    return Derived(
        source=source,
        derivative=derivative,
        ops=(what,),
        applied={what: 1},
        segments=tuple(segments),
        findings=(finding,),
    )
