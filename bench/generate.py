"""Make labelled derivatives of a source text by editorial operations.

`derive(source, ops, seed=...)` copies the source paragraph by paragraph and applies the
requested operations to some of its sentences and paragraphs. Every piece of the
derivative is recorded with the source span it came from (or None), the derivative
span, the operation that produced it and the passage kinds an engine may rightly
give it, so that an aligner can be scored against the truth.

Conventions the scorer relies on:
- Paragraphs of the derivative are joined by a blank line, sentences by one space.
- A trimmed sentence keeps its head; the recorded source span is the head only (what
  was reused), the dropped tail is a separate segment with no derivative span.
- A split or merged sentence is recorded as two segments, one per source sentence part.
- Inserted paragraphs and swapped-in quotations have no source span; swapped-out
  quotations and omitted paragraphs have no derivative span.

The generator is deterministic: the same source, operations, seed and filler give the
same derivative and truth on every machine.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.wordlists import (
    FILLER_WORDS,
    FIRST_NAME_RE,
    FIRST_NAMES,
    HYPHEN_PREFIXES,
    INSERTS,
    LAST_NAMES,
    LOWERCASE_SAFE,
    NAME_RE,
    NUMBER_WORDS,
    QUOTE_TEMPLATES,
    ROLES,
    STOPWORDS,
    SUBSTITUTES,
    SYNONYMS,
    TITLES,
    TOPICS,
)

Span = tuple[int, int]

#: Operations the generator knows, in the order they are applied.
OPERATIONS: tuple[str, ...] = (
    "omit",
    "insert",
    "reorder",
    "quote_swap",
    "trim",
    "split",
    "merge",
    "word_edit",
    "trivial_edit",
    "name_swap",
    "name_insert",
    "number_change",
    "paraphrase",
)
PARAGRAPH_OPS = ("omit", "insert", "reorder", "quote_swap")
SENTENCE_OPS = tuple(op for op in OPERATIONS if op not in PARAGRAPH_OPS)

#: The finding types a detector may rightly report for each operation's edits.
FINDING_TYPES: dict[str, frozenset[str]] = {
    "name_swap": frozenset({"name_added", "name_removed", "attribution_changed"}),
    "name_insert": frozenset({"name_added", "attribution_changed"}),
    "number_change": frozenset({"number_changed"}),
    "quote_swap": frozenset({"quote_unsourced", "quote_altered", "attribution_changed"}),
    "reorder": frozenset({"passage_moved"}),
}


@dataclass(frozen=True)
class Segment:
    """One labelled piece of the alignment truth."""

    op: str
    kinds: frozenset[str]
    source_span: Span | None
    derivative_span: Span | None
    moved: bool = False


@dataclass(frozen=True)
class ExpectedFinding:
    """A fact a detector should report; it is found when a finding of one of `types`
    overlaps `source_span` or `derivative_span`."""

    op: str
    types: frozenset[str]
    source_span: Span | None
    derivative_span: Span | None


@dataclass(frozen=True)
class Derived:
    source: str
    derivative: str
    ops: tuple[str, ...]
    applied: dict[str, int]
    segments: tuple[Segment, ...]
    findings: tuple[ExpectedFinding, ...]


# --- Segmentation ----------------------------------------------------------------------

_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Paragraph:
    span: Span
    sentences: tuple[Span, ...]


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[Paragraph]:
    """Split into non-empty lines (paragraphs) and those into sentences, with spans."""
    result = []
    for line in _LINE_RE.finditer(text):
        p_start, p_end = _strip_span(text, line.start(), line.end())
        sentences = []
        start = p_start
        for m in _SENTENCE_END_RE.finditer(text, p_start, p_end):
            sentences.append(_strip_span(text, start, m.end()))
            start = m.end()
        sentences.append(_strip_span(text, start, p_end))
        result.append(Paragraph((p_start, p_end), tuple(s for s in sentences if s[0] < s[1])))
    return result


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


# --- Pieces: how a derivative paragraph is built ---------------------------------------


@dataclass
class _Label:
    op: str
    kinds: frozenset[str]
    source_span: Span | None
    start: int  # offsets into the piece text
    end: int


@dataclass
class _Edit:
    op: str
    source_span: Span | None
    start: int | None  # offsets into the piece text
    end: int | None


@dataclass
class _Piece:
    text: str
    labels: list[_Label] = field(default_factory=list)
    edits: list[_Edit] = field(default_factory=list)


def _copy(source: str, span: Span, op: str = "verbatim") -> _Piece:
    text = source[span[0] : span[1]]
    return _Piece(text, [_Label(op, frozenset({"verbatim"}), span, 0, len(text))])


def _whole(op: str, kinds: set[str], span: Span, text: str) -> _Piece:
    return _Piece(text, [_Label(op, frozenset(kinds), span, 0, len(text))])


def _word_matches(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"[^\W\d_][\w'’-]*", text))


def _apply_replacements(
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


# --- Sentence operations ---------------------------------------------------------------
# Each takes (source, sentence span, rng, context) and returns pieces, or None when the
# sentence does not lend itself to the operation.

SentenceOp = Callable[[str, Span, random.Random, "_Context"], list[_Piece] | None]


@dataclass
class _Context:
    source: str
    used_names: set[str]


def _trim(source: str, span: Span, rng: random.Random, ctx: _Context) -> list[_Piece] | None:
    text = source[span[0] : span[1]]
    n_words = len(words(text))
    if n_words < 10 or text[-1] not in ".!?":
        return None
    cuts = [
        m.start()
        for m in re.finditer(r",\s|\s[-–]\s|;\s|\s(?:which|following|after|while|as)\s", text)
        if len(words(text[: m.start()])) >= 5 and len(words(text[m.start() :])) >= 4
    ]
    if not cuts:
        ws = list(_WORD_RE.finditer(text))
        cut_word = max(5, int(len(ws) * 0.6))
        if len(ws) - cut_word < 4:
            return None
        cuts = [ws[cut_word - 1].end()]
    cut = rng.choice(cuts)
    head = text[:cut].rstrip()
    if not head or not head[-1].isalnum():
        return None
    head_span = (span[0], span[0] + len(head))
    tail_start, tail_end = _strip_span(source, head_span[1], span[1])
    piece = _Piece(
        head + text[-1], [_Label("trim", frozenset({"trimmed"}), head_span, 0, len(head))]
    )
    # The dropped tail: an engine may fold it into the trimmed passage or omit it.
    piece.labels.append(
        _Label("trim_tail", frozenset({"omitted", "trimmed"}), (tail_start, tail_end), -1, -1)
    )
    return [piece]


_SPLIT_RE = re.compile(r";\s+|,\s+(?=(?:and|but|while|although|so)\s)")


def _split(source: str, span: Span, rng: random.Random, ctx: _Context) -> list[_Piece] | None:
    text = source[span[0] : span[1]]
    options = [
        m
        for m in _SPLIT_RE.finditer(text)
        if len(words(text[: m.start()])) >= 4 and len(words(text[m.end() :])) >= 4
    ]
    if not options:
        return None
    m = rng.choice(options)
    head = text[: m.start()]
    tail = text[m.end() :]
    kinds = {"verbatim", "reused"}
    first = _Piece(
        head + ".",
        [_Label("split", frozenset(kinds), (span[0], span[0] + len(head)), 0, len(head))],
    )
    second_text = tail[0].upper() + tail[1:]
    second = _Piece(
        second_text,
        [_Label("split", frozenset(kinds), (span[0] + m.end(), span[1]), 0, len(second_text))],
    )
    return [first, second]


def _trivial(source: str, span: Span, rng: random.Random, ctx: _Context) -> list[_Piece] | None:
    text = source[span[0] : span[1]]
    candidates: list[tuple[int, int, str]] = []
    for m in re.finditer(r"(?<![\d.,])\b([1-9]|10)\b(?![\d.,%]|\s*(?:%|per cent))", text):
        candidates.append((m.start(), m.end(), NUMBER_WORDS[int(m.group())]))
    for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS[2:]) + r")\b", text):
        candidates.append((m.start(), m.end(), str(NUMBER_WORDS.index(m.group()))))
    for m in re.finditer(r"(?<=\d)\s?%", text):
        candidates.append((m.start(), m.end(), " per cent"))
    for m in re.finditer(r"\sper cent\b", text):
        candidates.append((m.start(), m.end(), "%"))
    for m in re.finditer(r"\b(" + "|".join(HYPHEN_PREFIXES) + r")-([a-z]+)", text):
        candidates.append((m.start(), m.end(), m.group(1) + m.group(2)))
    for m in re.finditer(r"[“”]", text):
        candidates.append((m.start(), m.end(), '"'))
    for m in re.finditer(r"(?<=[a-z])[’'](?=[a-z])", text):
        candidates.append((m.start(), m.end(), "'" if m.group() == "’" else "’"))
    for m in re.finditer(r"\s[-–]\s", text):
        candidates.append((m.start(), m.end(), " – " if "-" in m.group() else " - "))
    if not candidates:
        lower = [m for m in _word_matches(text)[1:] if m.group().islower() and len(m.group()) >= 4]
        if not lower:
            return None
        m = rng.choice(lower)
        candidates.append((m.start(), m.end(), m.group().capitalize()))
    chosen: list[tuple[int, int, str]] = []
    for cand in rng.sample(candidates, len(candidates)):
        if len(chosen) >= 2:
            break
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    new_text, _ = _apply_replacements(text, chosen)
    return [_whole("trivial_edit", {"reused"}, span, new_text)]


def _content_words(text: str) -> list[re.Match[str]]:
    return [
        m
        for m in _word_matches(text)
        if m.group().islower() and len(m.group()) >= 4 and m.group() not in STOPWORDS
    ]


def _word_edit(source: str, span: Span, rng: random.Random, ctx: _Context) -> list[_Piece] | None:
    text = source[span[0] : span[1]]
    if len(words(text)) < 10:
        return None
    content = _content_words(text)[1:]
    if len(content) < 3:
        return None
    n_edits = rng.randint(1, min(3, max(1, len(words(text)) // 8)))
    targets = rng.sample(content, n_edits)
    replacements = []
    for m in targets:
        action = rng.choice(("substitute", "insert", "delete"))
        if action == "substitute":
            new = rng.choice([w for w in SUBSTITUTES if w != m.group()])
            replacements.append((m.start(), m.end(), new))
        elif action == "insert":
            replacements.append((m.start(), m.start(), rng.choice(INSERTS) + " "))
        else:
            start, end = m.start(), m.end()
            if end < len(text) and text[end] == " ":
                end += 1
            elif start > 0 and text[start - 1] == " ":
                start -= 1
            replacements.append((start, end, ""))
    new_text, _ = _apply_replacements(text, replacements)
    return [_whole("word_edit", {"altered"}, span, new_text)]


def _new_name(rng: random.Random, ctx: _Context) -> str:
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in ctx.used_names and name.split()[1] not in ctx.source:
            ctx.used_names.add(name)
            return name


def _name_swap(source: str, span: Span, rng: random.Random, ctx: _Context) -> list[_Piece] | None:
    text = source[span[0] : span[1]]
    found = [(m.start(1), m.end(1)) for m in NAME_RE.finditer(text)]
    found += [(m.start(), m.end()) for m in FIRST_NAME_RE.finditer(text)]
    if not found:
        return None
    start, end = rng.choice(sorted(found))
    new_text, mapping = _apply_replacements(text, [(start, end, _new_name(rng, ctx))])
    piece = _whole("name_swap", {"altered"}, span, new_text)
    _, _, new_start, new_end = mapping[0]
    piece.edits.append(_Edit("name_swap", (span[0] + start, span[0] + end), new_start, new_end))
    return [piece]


def _name_insert(source: str, span: Span, rng: random.Random, ctx: _Context) -> list[_Piece] | None:
    text = source[span[0] : span[1]]
    first = words(text)[0] if text else ""
    if first not in LOWERCASE_SAFE or len(words(text)) < 6:
        return None
    name = f"{rng.choice(TITLES[:2])} {_new_name(rng, ctx)}"
    prefix = f"According to {name}, "
    new_text = prefix + text[0].lower() + text[1:]
    piece = _whole("name_insert", {"altered"}, span, new_text)
    start = prefix.index(name)
    piece.edits.append(_Edit("name_insert", None, start, start + len(name)))
    return [piece]


_NUMBER_RE = re.compile(
    r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w.,])\d+(?:\.\d+)?(?![\w,]|\.\d)"
)


def _changed_number(value: str, rng: random.Random) -> str:
    if "." in value:
        whole_part, frac = value.split(".")
        digit = int(frac[-1])
        new_digit = (digit + rng.randint(1, 9)) % 10
        return f"{whole_part}.{frac[:-1]}{new_digit}"
    n = int(value.replace(",", ""))
    delta = rng.randint(1, max(1, n // 2)) * rng.choice((1, -1)) if n > 1 else rng.randint(2, 9)
    new = max(0, n + delta)
    if new == n:
        new = n + 1
    return f"{new:,}" if "," in value else str(new)


def _number_change(
    source: str, span: Span, rng: random.Random, ctx: _Context
) -> list[_Piece] | None:
    text = source[span[0] : span[1]]
    numbers = list(_NUMBER_RE.finditer(text))
    not_years = [m for m in numbers if not re.fullmatch(r"(19|20)\d\d", m.group())]
    if not not_years or len(words(text)) < 6:
        return None
    m = rng.choice(not_years)
    new_text, mapping = _apply_replacements(
        text, [(m.start(), m.end(), _changed_number(m.group(), rng))]
    )
    piece = _whole("number_change", {"altered"}, span, new_text)
    _, _, new_start, new_end = mapping[0]
    piece.edits.append(
        _Edit("number_change", (span[0] + m.start(), span[0] + m.end()), new_start, new_end)
    )
    return [piece]


def _match_case(word: str, template: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _synonymise(text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group()
        if not word.islower() and m.start() > 0:
            return word  # a capitalised word inside the sentence may be part of a name
        new = SYNONYMS.get(word.lower())
        return _match_case(new, word) if new else word

    return re.sub(r"[A-Za-z][A-Za-z'’]*", swap, text)


def _bigrams(text: str) -> set[tuple[str, str]]:
    ws = [w.lower().strip(".,;:!?\"'“”‘’()") for w in words(text)]
    return set(itertools.pairwise(ws))


def _decapitalise(text: str) -> str:
    """Lower-case the first letter when the first word is a common word, not a name."""
    first = words(text)[0] if text.strip() else ""
    if first in LOWERCASE_SAFE or first.lower() in STOPWORDS:
        return text[0].lower() + text[1:]
    return text


_PREPOSITIONS = frozenset(
    ["in", "of", "for", "with", "by", "from", "on", "at", "among", "after", "during"]
)


def _rephrase(body: str) -> str:
    """Reorder clauses (or front a prepositional phrase), then swap in synonyms."""
    clauses = [c for c in re.split(r",\s+", body) if c]
    if len(clauses) >= 2:
        clauses = [_decapitalise(c) for c in clauses[1:] + clauses[:1]]
        body = ", ".join(clauses)
    else:
        ws = list(_WORD_RE.finditer(body))
        preps = [m for m in ws[len(ws) // 3 : len(ws) - 2] if m.group() in _PREPOSITIONS]
        if preps:
            cut = preps[-1].start()
            body = f"{body[cut:]}, {_decapitalise(body[:cut].rstrip())}"
    body = _synonymise(body)
    # Dropping articles breaks most of the word pairs the two versions still share.
    body = re.sub(r"\b(?:the|a|an) (?=[a-z])", "", body)
    return body[0].upper() + body[1:]


def _paraphrase(source: str, span: Span, rng: random.Random, ctx: _Context) -> list[_Piece] | None:
    text = source[span[0] : span[1]]
    if len(words(text)) < 8 or text[-1] not in ".!?" or re.search(r"[\"“”]", text):
        return None
    new_body = _rephrase(text[:-1])
    opener = rng.choice(("", "In short, ", "Put simply, ", "Notably, "))
    if opener:
        new_body = opener + _decapitalise(new_body)
    new_text = new_body + text[-1]
    if sorted(_NUMBER_RE.findall(new_text)) != sorted(_NUMBER_RE.findall(text)):
        return None
    src_bigrams = _bigrams(text)
    shared = len(src_bigrams & _bigrams(new_text)) / max(1, len(src_bigrams))
    if shared > 0.5 or new_text == text:
        return None
    return [_whole("paraphrase", {"paraphrased"}, span, new_text)]


SENTENCE_OP_FUNCS: dict[str, SentenceOp] = {
    "trim": _trim,
    "split": _split,
    "word_edit": _word_edit,
    "trivial_edit": _trivial,
    "name_swap": _name_swap,
    "name_insert": _name_insert,
    "number_change": _number_change,
    "paraphrase": _paraphrase,
}


def _merge(source: str, first: Span, second: Span) -> list[_Piece] | None:
    a = source[first[0] : first[1]]
    b = source[second[0] : second[1]]
    if not a.endswith(".") or len(words(a)) < 4 or len(words(b)) < 4 or not b[0].isupper():
        return None
    b_new = b[0].lower() + b[1:] if words(b)[0] in LOWERCASE_SAFE else b
    kinds = frozenset({"verbatim", "reused"})
    body = a[:-1]
    text = f"{body}; {b_new}"
    return [
        _Piece(
            text,
            [
                _Label("merge", kinds, (first[0], first[1] - 1), 0, len(body)),
                _Label("merge", kinds, second, len(body) + 2, len(text)),
            ],
        )
    ]


# --- Paragraph-level material ----------------------------------------------------------


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    ws = [w.lower() for w in re.findall(r"\w+", text)]
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def synthetic_paragraph(rng: random.Random, n_sentences: int = 3) -> str:
    """Make a paragraph of plausible but unrelated filler text."""
    sentences = []
    for _ in range(n_sentences):
        n = rng.randint(8, 18)
        ws = [rng.choice(FILLER_WORDS) for _ in range(n)]
        for i in range(2, n - 1, rng.randint(3, 5)):
            ws[i] = rng.choice(("the", "and", "of", "in", "with", "for"))
        sentences.append(" ".join(ws).capitalize() + ".")
    return " ".join(sentences)


def _filler_paragraph(
    rng: random.Random, filler: Sequence[str], source_shingles: set[tuple[str, ...]]
) -> str:
    candidates = [f for f in filler if len(words(f)) >= 12]
    for f in rng.sample(candidates, min(len(candidates), 20)):
        if not _shingles(f) & source_shingles:
            return f
    return synthetic_paragraph(rng)


def _quote_paragraph(rng: random.Random, ctx: _Context) -> tuple[str, Span]:
    quote = rng.choice(QUOTE_TEMPLATES).format(t=rng.choice(TOPICS))
    name = _new_name(rng, ctx)
    text = f"“{quote[:-1]},” said {name}, {rng.choice(ROLES)}."
    return text, (0, len(text))


# --- The generator ---------------------------------------------------------------------


def _budget(n: int, rate: float, share: int) -> int:
    return max(1, round(n * rate / max(1, share)))


def derive(
    source: str,
    ops: Sequence[str],
    seed: int | random.Random = 0,
    *,
    filler: Sequence[str] = (),
    rate: float = 0.4,
) -> Derived:
    """Derive a text from `source` by `ops`, recording the true alignment.

    `rate` is the share of sentences edited by the sentence operations together;
    `filler` is a pool of unrelated paragraphs for insertions (synthetic text if empty).
    Operations that find nothing to work on are skipped; `applied` counts what was done.
    """
    unknown = set(ops) - set(OPERATIONS)
    if unknown:
        raise ValueError(f"unknown operations: {sorted(unknown)}")
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    ctx = _Context(source, set())
    paras = paragraphs(source)
    applied = dict.fromkeys(ops, 0)
    n_paras = len(paras)

    omitted: set[int] = set()
    if "omit" in ops and n_paras >= 3:
        k = min(n_paras - 2, _budget(n_paras, 0.15, 1))
        omitted = set(rng.sample(range(n_paras), k))
        applied["omit"] = k
    kept = [i for i in range(n_paras) if i not in omitted]

    quote_swapped: dict[int, tuple[str, Span]] = {}
    if "quote_swap" in ops:
        quoted = [
            i for i in kept if re.search(r"[\"“”]", source[paras[i].span[0] : paras[i].span[1]])
        ]
        for i in rng.sample(quoted, min(len(quoted), 2)):
            quote_swapped[i] = _quote_paragraph(rng, ctx)
            applied["quote_swap"] += 1

    # Sentence operations: a shared budget, split between the requested operations.
    planned: dict[Span, list[_Piece]] = {}
    merged_away: set[Span] = set()
    sentence_ops = [op for op in ops if op in SENTENCE_OPS]
    open_sentences = [s for i in kept if i not in quote_swapped for s in paras[i].sentences]
    n_sentences = len(open_sentences)
    for op in sentence_ops:
        budget = _budget(n_sentences, rate, len(sentence_ops))
        order = rng.sample(open_sentences, len(open_sentences))
        for sentence in order:
            if applied[op] >= budget:
                break
            if sentence in planned or sentence in merged_away:
                continue
            if op == "merge":
                pieces = _merge_with_next(source, paras, sentence, planned, merged_away)
                if pieces is None:
                    continue
            else:
                pieces = SENTENCE_OP_FUNCS[op](source, sentence, rng, ctx)
                if pieces is None:
                    continue
            planned[sentence] = pieces
            applied[op] += 1

    # Paragraph order: move some, then insert filler paragraphs.
    order: list[tuple[str, int]] = [("source", i) for i in kept]
    moved: set[int] = set()
    if "reorder" in ops and len(order) >= 4:
        movable = [i for i in kept if len(words(source[paras[i].span[0] : paras[i].span[1]])) >= 12]
        for i in rng.sample(movable, min(len(movable), 2)):
            pos = order.index(("source", i))
            order.pop(pos)
            targets = [j for j in range(len(order) + 1) if abs(j - pos) >= 2]
            if not targets:
                order.insert(pos, ("source", i))
                continue
            order.insert(rng.choice(targets), ("source", i))
            moved.add(i)
            applied["reorder"] += 1
    fillers: list[str] = []
    if "insert" in ops:
        source_shingles = _shingles(source)
        for _ in range(rng.randint(1, 2)):
            fillers.append(_filler_paragraph(rng, filler, source_shingles))
            order.insert(rng.randint(0, len(order)), ("filler", len(fillers) - 1))
            applied["insert"] += 1

    # Emit the derivative, turning piece-relative labels into spans.
    out: list[str] = []
    pos = 0
    segments: list[Segment] = []
    findings: list[ExpectedFinding] = []

    def emit(pieces: list[_Piece], is_moved: bool) -> None:
        nonlocal pos
        for k, piece in enumerate(pieces):
            if k:
                out.append(" ")
                pos += 1
            for label in piece.labels:
                d_span = None if label.start < 0 else (pos + label.start, pos + label.end)
                op = "reorder" if is_moved and label.op == "verbatim" else label.op
                segments.append(
                    Segment(
                        op,
                        label.kinds,
                        label.source_span,
                        d_span,
                        is_moved and d_span is not None,
                    )
                )
            for edit in piece.edits:
                d_span = (
                    None
                    if edit.start is None or edit.end is None
                    else (pos + edit.start, pos + edit.end)
                )
                findings.append(
                    ExpectedFinding(edit.op, FINDING_TYPES[edit.op], edit.source_span, d_span)
                )
            out.append(piece.text)
            pos += len(piece.text)

    for n, (what, i) in enumerate(order):
        if n:
            out.append("\n\n")
            pos += 2
        if what == "filler":
            text = fillers[i]
            emit(
                [_Piece(text, [_Label("insert", frozenset({"added"}), None, 0, len(text))])], False
            )
        elif i in quote_swapped:
            text, _ = quote_swapped[i]
            segments.append(Segment("quote_swap", frozenset({"omitted"}), paras[i].span, None))
            findings.append(
                ExpectedFinding(
                    "quote_swap", FINDING_TYPES["quote_swap"], paras[i].span, (pos, pos + len(text))
                )
            )
            emit(
                [_Piece(text, [_Label("quote_swap", frozenset({"added"}), None, 0, len(text))])],
                False,
            )
        else:
            pieces = []
            for sentence in paras[i].sentences:
                if sentence in merged_away:
                    continue
                pieces.extend(planned.get(sentence) or [_copy(source, sentence)])
            start = pos
            emit(pieces, i in moved)
            if i in moved:
                findings.append(
                    ExpectedFinding(
                        "reorder", FINDING_TYPES["reorder"], paras[i].span, (start, pos)
                    )
                )
    for i in sorted(omitted):
        segments.append(Segment("omit", frozenset({"omitted"}), paras[i].span, None))

    return Derived(
        source=source,
        derivative="".join(out),
        ops=tuple(ops),
        applied=applied,
        segments=tuple(segments),
        findings=tuple(findings),
    )


def _merge_with_next(
    source: str,
    paras: list[Paragraph],
    sentence: Span,
    planned: dict[Span, list[_Piece]],
    merged_away: set[Span],
) -> list[_Piece] | None:
    for para in paras:
        if sentence in para.sentences:
            k = para.sentences.index(sentence)
            if k + 1 >= len(para.sentences):
                return None
            nxt = para.sentences[k + 1]
            if nxt in planned or nxt in merged_away:
                return None
            pieces = _merge(source, sentence, nxt)
            if pieces is not None:
                merged_away.add(nxt)
            return pieces
    return None


# --- Building larger texts -------------------------------------------------------------


def synthetic_text(rng: random.Random, n_words: int) -> str:
    """Make unrelated filler text of about `n_words` words, in paragraphs."""
    paras: list[str] = []
    total = 0
    while total < n_words:
        p = synthetic_paragraph(rng, rng.randint(2, 5))
        paras.append(p)
        total += len(words(p))
    return "\n\n".join(paras)
