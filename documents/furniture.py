# ruff: noqa: E501 - the pattern table reads best one rule per line
"""Site furniture: the text a web page wraps around an article.

Newsletter prompts, donation appeals, sign-in notices and "Read more:" links
are not part of what an outlet published about the story, and left in they
would show up as "added" passages in every comparison. They are removed from
`DocumentVersion.text`, listed in `DocumentVersion.stripped`, and still present
in the stored original.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Lines longer than this are article paragraphs, whatever they mention.
MAX_FURNITURE_LINE = 700
# A line is an outlet's own boilerplate when it recurs in this many of its other documents…
REPEAT_MIN_DOCUMENTS = 3
# …and in at least this share of them (so a common quotation is not mistaken for it).
REPEAT_MIN_SHARE = 0.5
REPEAT_MAX_LINE = 200
REPEAT_SAMPLE = 200

_I = re.IGNORECASE
KNOWN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("notification prompt", re.compile(r"^stay up to date with notifications\b", _I)),
    ("notification prompt", re.compile(r"^notifications can be managed in\b", _I)),
    ("donation appeal", re.compile(r"^your support helps us\b", _I)),
    ("donation appeal", re.compile(r"\byour support (allows|makes|helps|keeps)\b", _I)),
    ("donation appeal", re.compile(r"\bquality journalism must still be paid for\b", _I)),
    ("donation appeal", re.compile(r"^(please )?(donate|support us|support our journalism)\b", _I)),
    ("donation appeal", re.compile(r"^(make|give) a (one-off |monthly )?(contribution|donation)", _I)),
    ("sign-in notice", re.compile(r"^thank you for registering\b", _I)),
    ("sign-in notice", re.compile(r"\brefresh (the|your) (page|browser)\b.*\blogged in\b", _I)),
    ("sign-in notice", re.compile(r"^(sign|log) ?in (to|or register)\b", _I)),
    ("sign-in notice", re.compile(r"^already (a subscriber|have an account)\b", _I)),
    ("sign-in notice", re.compile(r"^you('ve| have) (reached|read) .{0,40}free articles?\b", _I)),
    ("newsletter prompt", re.compile(r"^(sign up|subscribe) (now |today )?(to|for)\b.{0,60}\bnewsletters?\b", _I)),
    ("newsletter prompt", re.compile(r"^get (our|the) .{0,60}newsletter", _I)),
    ("newsletter prompt", re.compile(r"^(by signing up|enter your email( address)?)\b", _I)),
    ("newsletter prompt", re.compile(r"\bnewsletter\b.{0,80}\b(inbox|sign up|subscribe)\b", _I)),
    ("cookie notice", re.compile(r"^we use cookies\b", _I)),
    ("link to another article", re.compile(r"^(read more|read next|related|more on this story|most read|most popular|recommended)\s*:", _I)),
    ("share prompt", re.compile(r"^share (this (article|story|page)|on (facebook|twitter|x|whatsapp))\s*$", _I)),
)  # fmt: skip


@dataclass(frozen=True)
class Stripped:
    text: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "reason": self.reason}


def line_key(line: str) -> str:
    """Compare lines ignoring case and spacing."""
    return " ".join(line.split()).casefold()


def furniture_reason(line: str, repeated: frozenset[str] = frozenset()) -> str | None:
    """Why `line` is furniture, or None if it is part of the article."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_FURNITURE_LINE:
        return None
    for reason, pattern in KNOWN_PATTERNS:
        if pattern.search(stripped):
            return reason
    if len(stripped) <= REPEAT_MAX_LINE and line_key(stripped) in repeated:
        return "repeated on this outlet's other pages"
    return None


def strip_furniture(
    text: str, repeated: frozenset[str] = frozenset()
) -> tuple[str, list[Stripped]]:
    """Return `text` without furniture lines, and the lines removed (in order).

    Only whole lines go; the rest of the text keeps its exact characters, so
    paragraphs and hard wrapping survive. Blank lines left doubled by a removal
    are collapsed to one.
    """
    kept: list[str] = []
    removed: list[Stripped] = []
    for line in text.split("\n"):
        reason = furniture_reason(line, repeated)
        if reason is None:
            kept.append(line)
        else:
            removed.append(Stripped(line.strip(), reason))
    if not removed:
        return text, []
    result = "\n".join(kept)
    result = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", result).strip("\n")
    return result, removed


def repeated_lines(texts: list[str]) -> frozenset[str]:
    """Lines that recur across an outlet's documents often enough to be its boilerplate."""
    if len(texts) < REPEAT_MIN_DOCUMENTS:
        return frozenset()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(
            {
                line_key(line)
                for line in text.split("\n")
                if 0 < len(line.strip()) <= REPEAT_MAX_LINE
            }
        )
    needed = max(REPEAT_MIN_DOCUMENTS, REPEAT_MIN_SHARE * len(texts))
    return frozenset(key for key, count in counts.items() if count >= needed)


def repeated_lines_for_outlet(outlet_name: str) -> frozenset[str]:
    """The boilerplate lines of the named outlet, learnt from its documents' current versions."""
    from documents.models import Document

    if not outlet_name:
        return frozenset()
    rows = (
        Document.objects.filter(outlet__name__iexact=outlet_name, current_version__isnull=False)
        .order_by("-created_at")
        .values_list("current_version__text", "current_version__stripped")[:REPEAT_SAMPLE]
    )
    # Count the lines already stripped too, or boilerplate would stop looking repeated
    # once it had been removed from enough documents.
    texts = [
        "\n".join([text, *(item.get("text", "") for item in stripped or [])])
        for text, stripped in rows
    ]
    return repeated_lines(texts)
