"""The role rule's words: why each document has its role, as a person reads it.

"supplies the sentence naming Suella Braverman, which the press release does not
have". Figures are read by the engine; names are still found here by their capitals.
"""

from __future__ import annotations

import re

from discovery.models import Role
from discovery.role_rule import Decision
from discovery.shared_content import Item
from documents.models import Document
from provenance.engine import figure_spans, read_figures, tokenize

NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|de|van|von))*\s+[A-Z][\w'’-]+")
LEADING = frozenset({"The", "A", "An", "This", "That", "Our", "Its", "In", "On", "At", "But"})
INSTITUTION_WORDS = frozenset(
    {"Office", "Department", "Ministry", "Government", "Council", "Act", "Group", "Cell", "Street"}
)


def _strip_name(name: str) -> str:
    words = name.split()
    while words and words[0] in LEADING:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else ""


def _personal(name: str) -> int:
    """Rank a name: 1 if it reads as a person's (no institution word), else 0."""
    return 0 if INSTITUTION_WORDS & set(name.split()) else 1


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


def label(document: Document) -> str:
    title = document.title if len(document.title) <= 60 else document.title[:59] + "…"
    return f"“{title}”"


def _reason(d: Decision, decisions: list[Decision], article: Document, size: int) -> str:
    c = d.candidate
    share = c.reuse if c else 0.0  # the same share the tables show
    if d.role == Role.ORIGIN:
        kind = "press release" if d.document.kind == Document.Kind.PRESS_RELEASE else "document"
        if d.direct:
            return f"the {kind} at the root of this text: {_percent(share)} of it comes from here"
        via = label(d.via) if d.via else "its sources"
        return f"the {kind} at the root of this text, which reached it through {via}"
    if d.role == Role.DIRECT:
        return _supplies(d, decisions, article, share)
    if d.role == Role.REPORTS:
        return reports_reason(d.shared)
    if d.role == Role.SIBLING:
        common = [x for x in decisions if x.direct or x.role == Role.ORIGIN]
        through = label(common[0].document) if common else "a common source"
        return f"shares text with this one only through {through}, which both took from"
    if c is not None and c.weak:
        return f"below the threshold: {_percent(c.reuse)} of this text in common"
    return "shares some text, but the sources above explain it"


def _supplies(d: Decision, decisions: list[Decision], article: Document, share: float) -> str:
    """Say in words what a direct source supplies that the ones before it do not."""
    before = [x for x in decisions if x is not d and (x.direct or x.role == Role.ORIGIN)]
    if not before or not d.unique:
        return f"the source of {_percent(share)} of this text; nothing earlier explains it"
    which = (
        "the press release"
        if any(x.document.kind == Document.Kind.PRESS_RELEASE for x in before)
        else "the sources before it"
    )
    verb = "does" if which == "the press release" else "do"
    others = " ".join(x.document.text for x in before)
    spans = sorted(d.unique, key=lambda s: s[0] - s[1])  # longest first
    names = [
        n
        for start, end in spans
        for n in (_strip_name(m) for m in NAME.findall(article.text[start:end]))
        if n and n not in others
    ]
    if names:
        name = max(names, key=_personal)  # a person before an office, the first of equals
        return f"supplies the sentence naming {name}, which {which} {verb} not have"
    start, end = spans[0]
    text = article.text[start:end]
    figures = [f for f in _figures(text) if f not in others]
    if figures:
        return f"supplies the passage giving {figures[0]}, which {which} {verb} not have"
    words = text.split()
    quote = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return f"supplies the passage “{quote}”, which {which} {verb} not have"


def _listed(words: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def reports_reason(shared: tuple[Item, ...], most: int = 4) -> str:
    """Why a story is said to report a release it copies nothing from: what they share.

    "copies none of its words, but they share the names Dr Jane Smith and University of
    Leeds, the figures 1,200 and 35%, and the journal BMJ"
    """
    groups: dict[str, list[str]] = {"name": [], "figure": [], "journal": []}
    for item in shared:
        shown = groups[item.kind]
        # One name is keyed by each of its words: show the run once, and not a
        # shorter run inside one already shown.
        if not any(item.shown in s for s in shown) and len(shown) < most:
            shown[:] = [s for s in shown if s not in item.shown] + [item.shown]
    parts = []
    for kind, (one, many) in {
        "name": ("name", "names"),
        "figure": ("figure", "figures"),
        "journal": ("journal", "journals"),
    }.items():
        if groups[kind]:
            noun = one if len(groups[kind]) == 1 else many
            parts.append(f"the {noun} {_listed(groups[kind])}")
    if not parts:
        return "reports the release in its own words: they share its rare subject words"
    return "reports the release in its own words, copying none of them: they share " + _listed(
        parts
    )


def _figures(text: str) -> list[str]:
    """The figures in a passage as written, read by the engine ("£7m", "40 per cent")."""
    tokens = tokenize(text)
    figures = read_figures(text, tokens, 0, len(tokens))
    return [text[slice(*figure_spans(tokens, f))] for f in figures]


def explain(decisions: list[Decision], article: Document) -> list[Decision]:
    """Give each decision its reason in words; returns the same list."""
    size = max(len(article.text), 1)
    for d in decisions:
        d.reason = _reason(d, decisions, article, size)
    return decisions
