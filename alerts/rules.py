"""Which events raise which alerts: the rules, as drafts the actions store.

`drafts_for(event, payload)` reads the stored rows an event names and returns one
`Draft` per watch it concerns; `alerts.actions.do_raise_alerts` stores them, one alert per
watch and key (so a comparison recomputed by a newer engine does not alert twice).
Only users who may see the comparison or document are alerted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from alerts.models import Alert, Watch
from comparisons.models import Comparison
from discovery.models import SourceRelation
from documents.models import Document
from provenance.engine import Finding

# The findings a watched release alerts on: words put in someone's mouth or changed in
# quotation marks, a figure changed, a name dropped, a claim made stronger.
SERIOUS_TYPES = frozenset({"quote_altered", "quote_replaced", "number_changed", "name_removed"})
QUOTE_TYPES = frozenset({"quote_altered", "quote_replaced", "attribution_changed"})
SPEAKER_KEYS = ("speaker", "speaker_source", "speaker_derivative")
# How far either side of a quotation its speaker's name is looked for ("…," said X).
SPEAKER_WINDOW = 200


@dataclass(frozen=True)
class Draft:
    watch: Watch
    kind: str
    key: str
    message: str
    comparison_id: int | None = None
    document_id: int | None = None
    anchor: str = ""


def is_serious(finding: Finding) -> bool:
    if finding.type in SERIOUS_TYPES:
        return True
    return finding.type == "claim_strengthened" and finding.severity == "high"


def anchor_for(index: int, finding: Finding) -> str:
    """The id the comparison page gives the finding's mark in the text."""
    if finding.derivative_span is not None:
        return f"d-f{index}"
    if finding.source_span is not None:
        return f"s-f{index}"
    return "findings-h"


def speaker_matches(name: str, finding: Finding, derivative_text: str) -> bool:
    """Tell whether a quotation finding is about `name`: its speaker, or words beside it."""
    if finding.type not in QUOTE_TYPES:
        return False
    wanted = _words(name)
    if not wanted:
        return False
    speakers = [finding.detail.get(key, "") for key in SPEAKER_KEYS]
    if any(_contains(_words(s), wanted) for s in speakers if s):
        return True
    if finding.derivative_span is None:
        return False
    start, end = finding.derivative_span
    near = derivative_text[max(0, start - SPEAKER_WINDOW) : end + SPEAKER_WINDOW]
    return _contains(_words(near), wanted)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _contains(words: Sequence[str], wanted: Sequence[str]) -> bool:
    n = len(wanted)
    return any(list(words[i : i + n]) == list(wanted) for i in range(len(words) - n + 1))


def _visible(
    watches: Iterable[Watch], comparison_id: int | None, document_id: int | None
) -> list[Watch]:
    kept = []
    for watch in watches:
        if comparison_id is not None:
            seen = Comparison.objects.visible_to(watch.user).filter(pk=comparison_id).exists()
        else:
            seen = Document.objects.visible_to(watch.user).filter(pk=document_id or 0).exists()
        if seen:
            kept.append(watch)
    return kept


def for_comparison(comparison_id: int) -> list[Draft]:
    comparison = Comparison.objects.with_documents().filter(pk=comparison_id).first()
    if comparison is None or not comparison.is_done:
        return []
    findings = list(enumerate(comparison.engine_result.findings))
    source = comparison.source_version.document
    derivative = comparison.derivative_version.document
    drafts: list[Draft] = []
    serious = [(i, f) for i, f in findings if is_serious(f)]
    if serious:
        i, first = serious[0]
        more = f" (and {len(serious) - 1} more)" if len(serious) > 1 else ""
        watches = Watch.objects.filter(kind=Watch.Kind.RELEASE, document=source)
        for watch in _visible(watches.select_related("user"), comparison.pk, None):
            drafts.append(
                Draft(
                    watch,
                    Alert.Kind.FINDING,
                    f"finding:c{comparison.pk}",
                    f"“{derivative.title}” changes “{source.title}”: {first.message}{more}",
                    comparison_id=comparison.pk,
                    anchor=anchor_for(i, first),
                )
            )
    people = Watch.objects.filter(kind=Watch.Kind.PERSON).select_related("user")
    text = comparison.derivative_version.text
    for watch in _visible(people, comparison.pk, None) if findings else []:
        hit = next(((i, f) for i, f in findings if speaker_matches(watch.person, f, text)), None)
        if hit is not None:
            i, finding = hit
            drafts.append(
                Draft(
                    watch,
                    Alert.Kind.QUOTE,
                    f"quote:c{comparison.pk}",
                    f"A quotation of {watch.person} is altered in “{derivative.title}”: "
                    f"{finding.message}",
                    comparison_id=comparison.pk,
                    anchor=anchor_for(i, finding),
                )
            )
    return drafts


def for_discovery(document_id: int) -> list[Draft]:
    """A new article whose origin or direct source is a watched release."""
    relations = (
        SourceRelation.objects.filter(article_id=document_id)
        .takes_from()
        .select_related("article", "other")
    )
    drafts: list[Draft] = []
    for relation in relations:
        watches = Watch.objects.filter(kind=Watch.Kind.RELEASE, document_id=relation.other_id)
        comparison_id = relation.comparison_id
        for watch in _visible(watches.select_related("user"), comparison_id, document_id):
            drafts.append(
                Draft(
                    watch,
                    Alert.Kind.REUSED,
                    f"reused:d{document_id}",
                    f"“{relation.article.title}” reuses “{relation.other.title}” "
                    f"({relation.get_role_display().lower()}).",
                    comparison_id=comparison_id,
                    document_id=document_id,
                )
            )
    return drafts


def for_new_document(document_id: int, version: int, outlet_id: int | None) -> list[Draft]:
    """A new document (its first version) from a watched outlet."""
    if outlet_id is None or version != 1:
        return []
    document = Document.objects.filter(pk=document_id).select_related("outlet").first()
    if document is None:
        return []
    watches = Watch.objects.filter(kind=Watch.Kind.OUTLET, outlet_id=outlet_id)
    return [
        Draft(
            watch,
            Alert.Kind.NEW_DOCUMENT,
            f"document:d{document_id}",
            f"{document.outlet} published “{document.title}” "
            f"({document.get_kind_display().lower()}).",
            document_id=document_id,
        )
        for watch in _visible(watches.select_related("user"), None, document_id)
    ]


def drafts_for(event: str, payload: dict[str, Any]) -> list[Draft]:
    if event == "comparison.done":
        return for_comparison(int(payload["comparison_id"]))
    if event == "discovery.done":
        return for_discovery(int(payload["document_id"]))
    if event == "document.added":
        return for_new_document(
            int(payload["document_id"]), int(payload["version"]), payload.get("outlet_id")
        )
    return []


def drafts_for_release(document_id: int) -> list[Draft]:
    """What a release's stored comparisons and relations would have raised (catching up)."""
    drafts: list[Draft] = []
    done = Comparison.objects.done().filter(source_version__document_id=document_id)
    for comparison_id in done.values_list("pk", flat=True):
        drafts.extend(for_comparison(comparison_id))
    takers = SourceRelation.objects.filter(other_id=document_id).takes_from()
    for article_id in takers.values_list("article_id", flat=True).distinct():
        drafts.extend(d for d in for_discovery(article_id) if d.watch.document_id == document_id)
    return drafts
