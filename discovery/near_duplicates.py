"""Near-duplicates through the fingerprint index: a text we already hold, lightly edited.

Two callers:
- documents asks before it stores an upload (`documents.signals.near_duplicate_lookup`,
  sent outside the write transaction), so the upload form can still ask "is this a
  new version?";
- the discovery step notes on a document's first version the earlier document it
  nearly repeats (`DocumentVersion.near_duplicate_of`): that catches what the index
  did not hold yet when the upload was checked (a bulk import, uploads close together).

The index proposes and the texts decide. A held version is a candidate when the
text's grams cover its stored fingerprints the way a light edit's would (their
estimated Jaccard similarity reaches `ESTIMATE_FLOOR`); the best `CONFIRM` candidates
are then measured with documents' own word-triple similarity, so the threshold and
the percentage shown are what they always were. Cost: two keyed index queries, one
state read and at most `CONFIRM` texts, whatever the size of the corpus.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F

from comparisons.analysis import analysis_for
from discovery.index import current_params, frequencies, gram_hashes, winnowed
from discovery.models import Fingerprint, IndexState
from discovery.search import grouped_counts
from documents.duplicates import NearDuplicate, is_near_duplicate, similarity
from documents.models import DocumentVersion
from provenance.engine import key_sequence

# Generated light edits at or above the threshold's word-triple similarity (0.8) gave
# estimates down to 0.29 at 40 words, 0.39 at 80 and 0.51 at 200: winnowing keeps few
# fingerprints of a short text. Texts of ~25 words hold so few that some near-duplicates
# share none and cannot be found through the index at all.
ESTIMATE_FLOOR = 0.25
CONFIRM = 3


def estimates(
    text: str,
    *,
    earlier_than: int | None = None,
    keys: list[str] | None = None,
    held: int | None = None,
) -> list[tuple[int, float]]:
    """Held current versions most like `text` by their fingerprints: (version id, estimate).

    The estimate is |shared| / |union| of the text's winnowed fingerprints and the
    version's stored ones, where shared counts the version's fingerprints found among
    all the text's grams (as a search does, so winnowing cannot hide a shared run).
    Fingerprints over the posting cap are left out on both sides, as the index does.
    `earlier_than` keeps documents with a smaller id only. An indexed version passes
    its kept comparison keys and `held`, how many fingerprints the index stored for
    it, so nothing it was indexed with is computed again.
    """
    params = current_params()
    keys = key_sequence(text) if keys is None else keys
    grams = set(gram_hashes(keys, params.k))
    if held is None:
        mine = winnowed(keys, params)
        # A gram hash held in `Term` is one that outgrew the cap: it has no postings.
        held = len(mine - set(frequencies(mine)))
    if not held:
        return []
    shared = grouped_counts(Fingerprint, grams)
    # The union is at least the text's own fingerprints, so fewer shared cannot qualify.
    enough = {v: n for v, n in shared.items() if n >= ESTIMATE_FLOOR * held}
    if not enough:
        return []
    candidates = DocumentVersion.objects.filter(
        pk__in=list(enough),
        document__current_version=F("pk"),
        document__archived_at__isnull=True,
    )
    if earlier_than is not None:
        candidates = candidates.filter(document_id__lt=earlier_than)
    found = []
    for pk, stored in candidates.values_list("pk", "index_state__fingerprints"):
        n = enough[pk]
        stored = max(stored or 0, n)
        union = max(held + stored - n, held)
        if (estimate := n / union) >= ESTIMATE_FLOOR:
            found.append((pk, estimate))
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return found


def find(
    text: str,
    *,
    earlier_than: int | None = None,
    keys: list[str] | None = None,
    held: int | None = None,
) -> NearDuplicate | None:
    """The held document whose current text is most like `text`, if it is a near-duplicate."""
    best = estimates(text, earlier_than=earlier_than, keys=keys, held=held)[:CONFIRM]
    if not best:
        return None
    versions = DocumentVersion.objects.filter(pk__in=[pk for pk, _ in best]).select_related(
        "document"
    )
    scored = sorted(
        ((similarity(text, v.text), v.pk, v) for v in versions.defer("original")),
        key=lambda row: (-row[0], row[1]),
    )
    if not scored or not is_near_duplicate(scored[0][0]):
        return None
    score, _, version = scored[0]
    return NearDuplicate(version.document, score)


def answer_lookup(sender: object, text: str = "", **_: Any) -> NearDuplicate | None:
    """Receiver of `documents.signals.near_duplicate_lookup`."""
    return find(text) if text.strip() else None


def record(version: DocumentVersion) -> NearDuplicate | None:
    """Note on a document's first version the earlier document it nearly repeats, or none.

    Later versions are left alone: they were added to their document on purpose.
    Run after the version is indexed (the discovery step); writes only on a change.
    """
    if version.number != 1:
        return None
    # Indexed already: its keys are kept, and its state row says how many fingerprints.
    held = IndexState.objects.filter(version=version).values_list("fingerprints", flat=True)
    found = find(
        version.text,
        earlier_than=version.document_id,
        keys=analysis_for(version).tokens.keys,
        held=held.first(),
    )
    document_id = found.document.pk if found else None
    score = round(found.similarity, 4) if found else None
    if (version.near_duplicate_of_id, version.near_duplicate_similarity) != (document_id, score):
        DocumentVersion.objects.filter(pk=version.pk).update(
            near_duplicate_of_id=document_id, near_duplicate_similarity=score
        )
        version.near_duplicate_of_id, version.near_duplicate_similarity = document_id, score
    return found
