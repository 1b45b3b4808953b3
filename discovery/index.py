"""The fingerprint index: which winnowed k-gram hashes each current document version holds.

Hashes come from the engine (`hash_gram` over its comparison keys: blake2b, so the
same on every machine and process). Two choices keep the index small and the
search fast on real text:

- a k-gram counts only if it holds at least two content words, so stock phrases
  made of function words ("one of the", "as well as the") never become postings;
- the index keeps the winnowed selection (about 2/(window+1) of the grams) but a
  query looks up *every* gram of the article, so each indexed fingerprint inside a
  shared passage is found: a copied run of k+window-1 words is always caught.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from discovery.models import Fingerprint, IndexState, Status
from documents.models import DocumentVersion
from provenance.engine.fingerprint import hash_gram
from provenance.engine.tokens import is_content, key_sequence

# SQLite accepts 32,766 parameters per statement; stay well below on every database.
CHUNK = 900
MIN_CONTENT_WORDS = 2


@dataclass(frozen=True)
class Params:
    k: int
    window: int

    @property
    def label(self) -> str:
        return f"k{self.k}w{self.window}"


def current_params() -> Params:
    return Params(k=settings.DISCOVERY_K, window=settings.DISCOVERY_WINDOW)


def gram_hashes(keys: list[str], k: int) -> list[int]:
    """Hash each k-gram that holds enough content words, in order."""
    content = [is_content(key) for key in keys]
    hashes = []
    running = sum(content[: k - 1])
    for i in range(len(keys) - k + 1):
        running += content[i + k - 1]
        if running >= MIN_CONTENT_WORDS:
            hashes.append(hash_gram(keys[i : i + k]))
        running -= content[i]
    return hashes


def winnow(hashes: list[int], window: int) -> list[int]:
    """Select the rightmost minimum of every window (the engine's rule, in linear time)."""
    if not hashes:
        return []
    if len(hashes) <= window:
        best = min(range(len(hashes)), key=lambda i: (hashes[i], -i))
        return [hashes[best]]
    out: list[int] = []
    candidates: deque[int] = deque()
    last = -1
    for i, value in enumerate(hashes):
        while candidates and hashes[candidates[-1]] >= value:
            candidates.pop()
        candidates.append(i)
        start = i - window + 1
        if start < 0:
            continue
        while candidates[0] < start:
            candidates.popleft()
        if candidates[0] != last:
            last = candidates[0]
            out.append(hashes[last])
    return out


def index_hashes(text: str, params: Params | None = None) -> set[int]:
    """The distinct fingerprints stored for a text."""
    params = params or current_params()
    return set(winnow(gram_hashes(key_sequence(text), params.k), params.window))


def query_hashes(text: str, params: Params | None = None) -> set[int]:
    """Every gram hash of a text: what a search looks up."""
    params = params or current_params()
    return set(gram_hashes(key_sequence(text), params.k))


def chunks(values: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    batch: list[int] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def state_for(version: DocumentVersion) -> IndexState:
    state, _ = IndexState.objects.get_or_create(version=version)
    return state


def remove_postings(version: DocumentVersion, params: Params | None = None) -> None:
    """Delete a version's postings, found through the primary key by recomputing them."""
    hashes = sorted(index_hashes(version.text, params))
    for batch in chunks(hashes):
        Fingerprint.objects.filter(hash__in=batch, version=version).delete()


def index_version(version: DocumentVersion) -> int:
    """Store the fingerprints of a document's current version; return how many.

    Older versions of the same document leave the index: discovery reads current
    texts only. A version that is no longer current is not indexed. Only versions
    whose state says they hold postings are cleaned, so a new upload costs one
    insert and no deletes.
    """
    params = current_params()
    document = version.document
    is_current = document.current_version_id == version.pk and document.archived_at is None
    hashes = sorted(index_hashes(version.text, params)) if is_current else []
    now = timezone.now()
    with transaction.atomic():
        relax_durability()
        indexed = IndexState.objects.filter(
            version__document_id=version.document_id, fingerprints__gt=0
        ).select_related("version")
        for state in indexed:
            remove_postings(state.version, params)
            if state.version_id != version.pk:
                state.fingerprints = 0
                state.save(update_fields=["fingerprints"])
        insert_postings((h, version.pk) for h in hashes)
        done = {
            "index_status": Status.DONE,
            "params": params.label,
            "fingerprints": len(hashes),
            "indexed_at": now,
            "updated_at": now,
        }
        if not IndexState.objects.filter(version=version).update(**done):
            IndexState.objects.create(version=version, **done)
    return len(hashes)


def relax_durability() -> None:
    """Let this transaction commit without waiting for the disk (PostgreSQL).

    Postings are derived data and commit together with their state row: a crash
    can only lose both, which leaves the version pending, and `reindex --resume`
    redoes it. Waiting for the WAL flush was most of the cost of an upload.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def insert_postings(rows: Iterable[tuple[int, int]]) -> None:
    """Insert (hash, version id) rows with one prepared statement.

    The ORM's bulk_create builds SQL for every batch, which cost more than the
    hashing; this is the hot path of every upload and of a rebuild.
    """
    table = Fingerprint._meta.db_table
    rows = list(rows)
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement with two arrays instead of a round trip per row.
            hashes, versions = zip(*rows, strict=True)
            sql = f"INSERT INTO {table} (hash, version_id) SELECT * FROM unnest(%s::bigint[], %s::bigint[])"  # noqa: S608,E501 - model table
            cursor.execute(sql, [list(hashes), list(versions)])
        else:
            sql = f"INSERT INTO {table} (hash, version_id) VALUES (%s, %s)"  # noqa: S608 - model table
            cursor.executemany(sql, rows)


def clear_index() -> None:
    """Remove every posting (before a full rebuild, e.g. after changing k or the window)."""
    Fingerprint.objects.all().delete()


def bulk_index(versions: Iterable[DocumentVersion], batch_rows: int = 20_000) -> Iterator[int]:
    """Insert the postings of many versions in large batches; yield each version's count.

    For a rebuild into an empty index: no deletes, one insert per `batch_rows` rows,
    so memory stays bounded by the batch whatever the corpus size.
    """
    params = current_params()
    pending: list[tuple[int, int]] = []
    done: list[int] = []
    for version in versions:
        hashes = index_hashes(version.text, params)
        pending.extend((h, version.pk) for h in hashes)
        done.append(version.pk)
        if len(pending) >= batch_rows:
            _flush(pending, done, params)
            pending, done = [], []
        yield len(hashes)
    _flush(pending, done, params)


def _flush(rows: list[tuple[int, int]], version_ids: list[int], params: Params) -> None:
    if not version_ids:
        return
    now = timezone.now()
    counts: dict[int, int] = dict.fromkeys(version_ids, 0)
    for _hash, version_id in rows:
        counts[version_id] += 1
    with transaction.atomic():
        insert_postings(rows)
        states = {s.version_id: s for s in IndexState.objects.filter(version_id__in=version_ids)}
        new = [IndexState(version_id=v) for v in version_ids if v not in states]
        for state in [*states.values(), *new]:
            state.index_status = Status.DONE
            state.params = params.label
            state.fingerprints = counts[state.version_id]
            state.indexed_at = state.updated_at = now
        IndexState.objects.bulk_create(new, batch_size=CHUNK)
        IndexState.objects.bulk_update(
            list(states.values()),
            ["index_status", "params", "fingerprints", "indexed_at", "updated_at"],
            batch_size=CHUNK,
        )
