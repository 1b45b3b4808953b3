"""The sentence operations of the generator: trim, split, merge and edits inside a sentence.

Each is deterministic given its random generator, so a seed reproduces a derivative.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from bench.textparts import (
    WORD_RE,
    Edit,
    Label,
    Piece,
    Span,
    apply_replacements,
    strip_span,
    whole_piece,
    word_matches,
    words,
)
from bench.wordlists import (
    FIRST_NAME_RE,
    FIRST_NAMES,
    HYPHEN_PREFIXES,
    INSERTS,
    LAST_NAMES,
    LOWERCASE_SAFE,
    NAME_RE,
    NUMBER_WORDS,
    STOPWORDS,
    SUBSTITUTES,
    SYNONYMS,
    TITLES,
)

# --- Sentence operations ---------------------------------------------------------------
# Each takes (source, sentence span, rng, context) and returns pieces, or None when the
# sentence does not lend itself to the operation.

SentenceOp = Callable[[str, Span, random.Random, "Context"], list[Piece] | None]


@dataclass
class Context:
    source: str
    used_names: set[str]


def _trim(source: str, span: Span, rng: random.Random, ctx: Context) -> list[Piece] | None:
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
        ws = list(WORD_RE.finditer(text))
        cut_word = max(5, int(len(ws) * 0.6))
        if len(ws) - cut_word < 4:
            return None
        cuts = [ws[cut_word - 1].end()]
    cut = rng.choice(cuts)
    head = text[:cut].rstrip()
    if not head or not head[-1].isalnum():
        return None
    head_span = (span[0], span[0] + len(head))
    tail_start, tail_end = strip_span(source, head_span[1], span[1])
    piece = Piece(head + text[-1], [Label("trim", frozenset({"trimmed"}), head_span, 0, len(head))])
    # The dropped tail: an engine may fold it into the trimmed passage or omit it.
    piece.labels.append(
        Label("trim_tail", frozenset({"omitted", "trimmed"}), (tail_start, tail_end), -1, -1)
    )
    return [piece]


_SPLIT_RE = re.compile(r";\s+|,\s+(?=(?:and|but|while|although|so)\s)")


def _split(source: str, span: Span, rng: random.Random, ctx: Context) -> list[Piece] | None:
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
    first = Piece(
        head + ".",
        [Label("split", frozenset(kinds), (span[0], span[0] + len(head)), 0, len(head))],
    )
    second_text = tail[0].upper() + tail[1:]
    second = Piece(
        second_text,
        [Label("split", frozenset(kinds), (span[0] + m.end(), span[1]), 0, len(second_text))],
    )
    return [first, second]


def _trivial(source: str, span: Span, rng: random.Random, ctx: Context) -> list[Piece] | None:
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
        lower = [m for m in word_matches(text)[1:] if m.group().islower() and len(m.group()) >= 4]
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
    new_text, _ = apply_replacements(text, chosen)
    return [whole_piece("trivial_edit", {"reused"}, span, new_text)]


def _content_words(text: str) -> list[re.Match[str]]:
    return [
        m
        for m in word_matches(text)
        if m.group().islower() and len(m.group()) >= 4 and m.group() not in STOPWORDS
    ]


def _word_edit(source: str, span: Span, rng: random.Random, ctx: Context) -> list[Piece] | None:
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
    new_text, _ = apply_replacements(text, replacements)
    return [whole_piece("word_edit", {"altered"}, span, new_text)]


def new_name(rng: random.Random, ctx: Context) -> str:
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in ctx.used_names and name.split()[1] not in ctx.source:
            ctx.used_names.add(name)
            return name


def _name_swap(source: str, span: Span, rng: random.Random, ctx: Context) -> list[Piece] | None:
    text = source[span[0] : span[1]]
    found = [(m.start(1), m.end(1)) for m in NAME_RE.finditer(text)]
    found += [(m.start(), m.end()) for m in FIRST_NAME_RE.finditer(text)]
    if not found:
        return None
    start, end = rng.choice(sorted(found))
    new_text, mapping = apply_replacements(text, [(start, end, new_name(rng, ctx))])
    piece = whole_piece("name_swap", {"altered"}, span, new_text)
    _, _, new_start, new_end = mapping[0]
    piece.edits.append(Edit("name_swap", (span[0] + start, span[0] + end), new_start, new_end))
    return [piece]


def _name_insert(source: str, span: Span, rng: random.Random, ctx: Context) -> list[Piece] | None:
    text = source[span[0] : span[1]]
    first = words(text)[0] if text else ""
    if first not in LOWERCASE_SAFE or len(words(text)) < 6:
        return None
    name = f"{rng.choice(TITLES[:2])} {new_name(rng, ctx)}"
    prefix = f"According to {name}, "
    new_text = prefix + text[0].lower() + text[1:]
    piece = whole_piece("name_insert", {"altered"}, span, new_text)
    start = prefix.index(name)
    piece.edits.append(Edit("name_insert", None, start, start + len(name)))
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


def _number_change(source: str, span: Span, rng: random.Random, ctx: Context) -> list[Piece] | None:
    text = source[span[0] : span[1]]
    numbers = list(_NUMBER_RE.finditer(text))
    not_years = [m for m in numbers if not re.fullmatch(r"(19|20)\d\d", m.group())]
    if not not_years or len(words(text)) < 6:
        return None
    m = rng.choice(not_years)
    new_text, mapping = apply_replacements(
        text, [(m.start(), m.end(), _changed_number(m.group(), rng))]
    )
    piece = whole_piece("number_change", {"altered"}, span, new_text)
    _, _, new_start, new_end = mapping[0]
    piece.edits.append(
        Edit("number_change", (span[0] + m.start(), span[0] + m.end()), new_start, new_end)
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
        ws = list(WORD_RE.finditer(body))
        preps = [m for m in ws[len(ws) // 3 : len(ws) - 2] if m.group() in _PREPOSITIONS]
        if preps:
            cut = preps[-1].start()
            body = f"{body[cut:]}, {_decapitalise(body[:cut].rstrip())}"
    body = _synonymise(body)
    # Dropping articles breaks most of the word pairs the two versions still share.
    body = re.sub(r"\b(?:the|a|an) (?=[a-z])", "", body)
    return body[0].upper() + body[1:]


def _paraphrase(source: str, span: Span, rng: random.Random, ctx: Context) -> list[Piece] | None:
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
    return [whole_piece("paraphrase", {"paraphrased"}, span, new_text)]


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


def merge_sentences(source: str, first: Span, second: Span) -> list[Piece] | None:
    a = source[first[0] : first[1]]
    b = source[second[0] : second[1]]
    if not a.endswith(".") or len(words(a)) < 4 or len(words(b)) < 4 or not b[0].isupper():
        return None
    b_new = b[0].lower() + b[1:] if words(b)[0] in LOWERCASE_SAFE else b
    kinds = frozenset({"verbatim", "reused"})
    body = a[:-1]
    text = f"{body}; {b_new}"
    return [
        Piece(
            text,
            [
                Label("merge", kinds, (first[0], first[1] - 1), 0, len(body)),
                Label("merge", kinds, second, len(body) + 2, len(text)),
            ],
        )
    ]
