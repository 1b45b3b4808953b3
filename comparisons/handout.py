"""The printed handout: title block, shares, findings, key passages, questions, a QR code,
and the two full texts as an appendix with every change marked.

Its findings are listed in the findings panel's order, and its key passages are the
presentation's first slides in story order (the same ranking), so the page, the
projector and the paper tell the same story. Its questions start from the findings and
the educator can rewrite them before printing (`?q1=…&q2=…&q3=…`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import segno
from django.utils.safestring import SafeString, mark_safe

from comparisons import claims, render, sharing, steps
from comparisons.analysis import analysis_for
from comparisons.models import Comparison, ShareLink
from provenance.engine import Comparison as EngineComparison
from provenance.engine import Finding

KEY_PASSAGES = 3
# Characters of a key passage on paper: shorter than on the projector, as the columns are narrow.
PASSAGE_CHARS = 260
QUESTIONS = 3
QUESTION_MAX = 300

_BY_FINDING = {
    "quote_replaced": "The article leaves out the source's quotation and puts another "
    "speaker's words in its place. Whose voice does the reader hear, and what is lost?",
    "attribution_changed": "The article gives a quotation to someone other than the source "
    "does. Why might a writer do that, and how would a reader know?",
    "quote_altered": "A quotation was changed on its way into the article. Is it still the "
    "speaker's words? Should the article say it was edited?",
    "name_added": "The article names someone the source leaves unnamed. Where might that "
    "name come from, and does it change how the story reads?",
    "name_removed": "The article leaves out a name the source gives. What does the reader lose?",
    "number_changed": "A figure differs between the source and the article. Which is right, "
    "and how could you check?",
    "quote_unsourced": "The article quotes words the source does not contain. Where could "
    "they have come from?",
    "claim_strengthened": "The article states a finding more strongly than the release. "
    "What did the study show, and what would a reader now believe?",
    "subjects_generalised": "The release reports a study in animals or cells; the article "
    "speaks of people. Why does that difference matter to a reader?",
    "advice_added": "The article tells readers what to do, and the release does not. "
    "Does the study support that advice?",
    "claim_weakened": "The article states a finding more cautiously than the release. "
    "Is it more careful, or does it lose something?",
    "passage_moved": "The article puts a passage in a different order. Does the new order "
    "change what seems most important?",
    "group_relabelled": "The article names a group of people differently from the source. "
    "Does the new name change how readers see them?",
}
_GENERAL = (
    "How much of the article was written by its author, and how much came from the source? "
    "Should the article say so?",
    "What did the article leave out of the source, and who benefits from leaving it out?",
    "What did the article add that is not in the source? Is it fact, comment or quotation?",
)


# A claim question quotes both sentences; each is cut to this many characters around its
# deciding words, so the whole question stays within what the edit box keeps (QUESTION_MAX).
QUOTE_CHARS = 110
_CLAIM_ASKS = {
    "claim_strengthened": "Is that the same claim?",
    "claim_weakened": "Is that the same claim?",
    "subjects_generalised": "Were the same subjects studied?",
    "advice_added": "Does the study support that advice?",
}


def _quote(text: str, span: tuple[int, int], cues: list[tuple[int, int]]) -> str:
    """The sentence at span, whitespace collapsed; a long one cut at words around its cue."""
    start, end = span
    if end - start > QUOTE_CHARS:
        middle = cues[0][0] if cues else start
        lo = max(start, min(middle - QUOTE_CHARS // 3, end - QUOTE_CHARS))
        hi = min(end, lo + QUOTE_CHARS)
        while lo > start and not text[lo - 1].isspace():
            lo += 1
        while hi < end and not text[hi].isspace():
            hi -= 1
        quoted = ("… " if lo > start else "") + text[lo:hi].strip() + (" …" if hi < end else "")
    else:
        quoted = text[start:end]
    return " ".join(quoted.split())


def claim_question(finding: Finding, source: str, derivative: str) -> str:
    """Ask about a claim finding with both sentences quoted: "The release says “…”. …"."""
    ask = _CLAIM_ASKS[finding.type]
    said = []
    if finding.source_span is not None:
        cues = claims.phrase_spans(finding, "source", source)
        said.append(f"The release says “{_quote(source, finding.source_span, cues)}”.")
    elif finding.type == "advice_added":
        said.append("The release gives no advice.")
    if finding.derivative_span is not None:
        cues = claims.phrase_spans(finding, "derivative", derivative)
        said.append(f"The article says “{_quote(derivative, finding.derivative_span, cues)}”.")
    return " ".join([*said, ask])


def default_questions(
    result: EngineComparison, source: str = "", derivative: str = ""
) -> list[str]:
    """Three discussion questions: from the findings, most important first, then general ones.

    Given the two texts, a claim finding's question quotes both sentences.
    """
    out: list[str] = []
    asked: set[str] = set()
    for finding in result.findings:
        if finding.type in asked:
            continue
        asked.add(finding.type)
        if claims.is_claim(finding) and source and derivative:
            question = claim_question(finding, source, derivative)
        else:
            question = _BY_FINDING.get(finding.type, "")
        if question and question not in out:
            out.append(question)
    for question in _GENERAL:
        out.append(question)
    return out[:QUESTIONS]


def questions(
    result: EngineComparison, query: Mapping[str, str], source: str = "", derivative: str = ""
) -> list[str]:
    """The educator's questions where given (q1, q2, q3), the defaults elsewhere."""
    defaults = default_questions(result, source, derivative)
    chosen = []
    for n, default in enumerate(defaults, start=1):
        given = " ".join(query.get(f"q{n}", "").split())[:QUESTION_MAX]
        chosen.append(given or default)
    return chosen


def qr_svg(url: str) -> SafeString:
    """Draw a QR code for url as inline SVG, server-side (no network, no image files)."""
    code = segno.make(url, error="m")
    svg: str = code.svg_inline(scale=3, title="QR code for the share link", border=2)
    return mark_safe(svg)  # noqa: S308 - segno builds it from the URL's bits, no markup of ours


def share_link_for(comparison: Comparison, user: Any) -> ShareLink | None:
    """The newest active link this user may hand out for the comparison, if any."""
    return next((link for link in sharing.links_for(comparison, user) if link.is_active), None)


def handout_context(
    comparison: Comparison, query: Mapping[str, str], link: ShareLink | None, origin: str
) -> dict[str, Any]:
    """Build the handout's context; origin is the scheme and host the request came in on."""
    result = comparison.engine_result
    source = analysis_for(comparison.source_version)
    derivative = analysis_for(comparison.derivative_version)
    slides = steps.slides(result, source, derivative, "story", PASSAGE_CHARS)
    url = origin + link.get_absolute_url() if link is not None else ""
    return {
        "comparison": comparison,
        "result": result,
        "source": comparison.source_version,
        "derivative": comparison.derivative_version,
        "findings": list(result.findings),
        # The appendix: both texts whole, passages and word edits marked (ids kept apart
        # from the key passages' by their prefixes).
        "source_full": render.side_html(source, result, "source", prefix="ap-s-"),
        "derivative_full": render.side_html(derivative, result, "derivative", prefix="ap-d-"),
        "key_slides": slides[:KEY_PASSAGES],
        "more_changes": max(0, len(slides) - KEY_PASSAGES),
        "questions": list(
            enumerate(questions(result, query, source.text, derivative.text), start=1)
        ),
        "share_url": url,
        "qr": qr_svg(url) if url else "",
        "link": link,
    }
