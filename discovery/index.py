"""The fingerprint index: which winnowed k-gram hashes each current document version holds.

Hashes and winnowing come from the engine (`kgram_hashes` over its comparison keys:
blake2b, so the same on every machine and process; `winnow`). Two choices keep the
index small and the search fast on real text:

- a k-gram counts only if it holds at least two content words, so stock phrases
  made of function words ("one of the", "as well as the") never become postings;
- the index keeps the winnowed selection (about 2/(window+1) of the grams) but a
  query looks up *every* gram of the article, so each indexed fingerprint inside a
  shared passage is found: a copied run of k+window-1 words is always caught.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from threading import Lock

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from comparisons.analysis import analysis_for
from discovery.models import Fingerprint, IndexState, Status, Term, TermPosting
from documents.models import DocumentVersion
from provenance.engine import distinctive_terms as engine_distinctive_terms
from provenance.engine import (
    key_sequence,
    kgram_hashes,
    term_frequencies,
    winnow,
)

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


# The last keys hashed and their grams. A discovery run hashes the same version's kept
# keys for its near-duplicate check and then for its search; the memo holds the keys
# object itself, so an identity match is that very list (it cannot be freed and reused).
_last_grams: tuple[list[str], int, list[int]] | None = None
_grams_lock = Lock()


def gram_hashes(keys: list[str], k: int) -> list[int]:
    """Hash each k-gram that holds enough content words, in order."""
    global _last_grams
    with _grams_lock:
        last = _last_grams
    if last is not None and last[0] is keys and last[1] == k:
        return last[2]
    hashes = kgram_hashes(keys, k, MIN_CONTENT_WORDS)
    with _grams_lock:
        _last_grams = (keys, k, hashes)
    return hashes


def winnowed(keys: list[str], params: Params) -> set[int]:
    """The distinct fingerprints stored for a text's keys (the engine's winnowing)."""
    return {h for h, _ in winnow(gram_hashes(keys, params.k), params.window)}


def index_hashes(text: str, params: Params | None = None) -> set[int]:
    """The distinct fingerprints stored for a text."""
    return winnowed(key_sequence(text), params or current_params())


def query_hashes(text: str, params: Params | None = None) -> set[int]:
    """Every gram hash of a text: what a search looks up."""
    params = params or current_params()
    return set(gram_hashes(key_sequence(text), params.k))


def distinctive_terms(tf: Counter[int], df: dict[int, int], limit: int) -> list[int]:
    """The `limit` heaviest terms whose document frequency is within `DISCOVERY_MAX_DF`."""
    return engine_distinctive_terms(tf, df, limit, settings.DISCOVERY_MAX_DF)


def pg_array(values: Iterable[int]) -> str:
    """An integer array as PostgreSQL's text literal ('{1,2,3}'), for a `%s::bigint[]` parameter.

    psycopg adapts a Python list element by element (a regular-expression check on
    each); for the tens of thousands of keys of a batch that cost more than the
    statement. Joining the digits is ~20 times faster.
    """
    return "{" + ",".join(map(str, values)) + "}"


def keyed_rows(
    table: str, select: str, values: Iterable[int], where: str = "", tail: str = ""
) -> tuple[str, list[str]]:
    """SQL reading the rows of `table` (as `t`) whose hash is one of `values`, and its parameters.

    One parameter however many the values, and one index probe per value:
    - PostgreSQL: the values as an array, each probed through a LATERAL subquery
      (`OFFSET 0` keeps the planner from turning it into a hash join that scans
      the whole table, which it prefers while the table is small);
    - SQLite: the values as a JSON list; `IN (SELECT value FROM json_each(…))`
      probes the primary key per value.
    No SQL is built per value: a 900-placeholder `IN` built through the ORM cost
    more than the query itself.
    """
    values = sorted(set(values))
    extra = f"WHERE {where}" if where else ""
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT {select} FROM unnest(%s::bigint[]) AS q(h) CROSS JOIN LATERAL "  # noqa: S608 - model table
            f"(SELECT * FROM {table} WHERE hash = q.h OFFSET 0) AS t {extra} {tail}"
        )
        return sql, [pg_array(values)]
    condition = "t.hash IN (SELECT value FROM json_each(%s))"
    sql = f"SELECT {select} FROM {table} AS t WHERE {condition} {'AND ' + where if where else ''} {tail}"  # noqa: S608,E501 - model table
    return sql, [json.dumps(values)]


def frequencies(hashes: Iterable[int]) -> dict[int, int]:
    """Document frequencies of keys (absent: not held by any document, or a gram under the cap)."""
    sql, params = keyed_rows(Term._meta.db_table, "t.hash, t.df", hashes)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


@dataclass
class Analysis:
    """What indexing a text stores: its fingerprints and its term frequencies."""

    hashes: set[int]
    tf: Counter[int]


def index_analysis(keys: list[str], params: Params) -> Analysis:
    """What indexing stores for a text, from its comparison keys."""
    return Analysis(winnowed(keys, params), term_frequencies(keys))


def version_analysis(version: DocumentVersion, params: Params) -> Analysis:
    """What indexing stores for a version, from its kept text analysis (made now if new)."""
    return index_analysis(analysis_for(version).tokens.keys, params)


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


def remove_postings(
    version: DocumentVersion, params: Params | None = None, *, counted: bool = True
) -> None:
    """Delete a version's postings, found through the primary keys by recomputing them.

    Fingerprints are deterministic; which terms were chosen depended on the document
    frequencies of the day, so every term of the text is tried. `counted` says the
    version's terms are in `Term.df` and must leave it.
    """
    analysis = version_analysis(version, params or current_params())
    terms = sorted(analysis.tf)
    with connection.cursor() as cursor:
        for model, hashes in ((Fingerprint, analysis.hashes), (TermPosting, terms)):
            if hashes:
                table = model._meta.db_table
                found, args = keyed_rows(table, "t.hash", hashes)
                cursor.execute(
                    f"DELETE FROM {table} WHERE version_id = %s AND hash IN ({found})",  # noqa: S608 - model table
                    [version.pk, *args],
                )
    if counted:
        add_counts(terms, -1)


def index_version(version: DocumentVersion) -> int:
    """Store the fingerprints and distinctive terms of a document's current version.

    Returns how many fingerprints. Older versions of the same document leave the
    index: discovery reads current texts only. A version that is no longer current
    is not indexed. Only versions whose state says they hold postings are cleaned,
    so a new upload costs no deletes. One transaction: which of its fingerprints
    are boilerplate, its term counts (incremented, and read back as they were),
    its fingerprints, its terms, and the state row. A current version already indexed
    with the current parameters keeps its postings and is only marked done
    (`already_indexed`): nothing about it is computed again.
    """
    params = current_params()
    document = version.document
    is_current = document.current_version_id == version.pk and document.archived_at is None
    if is_current and (kept := already_indexed([version.pk], params)):
        mark_indexed(kept, params, timezone.now())
        return kept[version.pk][0]
    analysis = version_analysis(version, params) if is_current else Analysis(set(), Counter())
    now = timezone.now()
    with transaction.atomic():
        relax_durability()
        indexed = IndexState.objects.filter(
            Q(fingerprints__gt=0) | Q(terms__gt=0), version__document_id=version.document_id
        ).select_related("version")
        for state in indexed:
            remove_postings(state.version, params, counted=state.terms > 0)
            if state.version_id != version.pk:
                state.fingerprints = state.terms = 0
                state.save(update_fields=["fingerprints", "terms"])
        capped = capped_grams(analysis.hashes)
        hashes = sorted(analysis.hashes - capped)
        df = count_terms_of(analysis.tf)
        terms = distinctive_terms(analysis.tf, df, settings.DISCOVERY_TERMS)
        insert_postings((h, version.pk) for h in hashes)
        insert_postings(((h, version.pk) for h in sorted(terms)), TermPosting)
        done = {
            "index_status": Status.DONE,
            "params": params.label,
            "fingerprints": len(hashes),
            "terms": len(analysis.tf),
            "indexed_at": now,
            "updated_at": now,
        }
        if not IndexState.objects.filter(version=version).update(**done):
            IndexState.objects.create(version=version, **done)
    return len(hashes)


def index_versions(versions: list[DocumentVersion]) -> dict[int, int]:
    """Index several new versions in one transaction; return each one's fingerprint count.

    What the background worker runs on a batch of uploads (`work.index_batch`): the
    same result as `index_version` on each in turn (by id), in a fixed number of
    statements. Older indexed versions of the same documents leave the index; the
    batch's fingerprints are checked against the cap together, counting how many of
    the batch hold each; term counts are incremented once, and each version chooses
    its distinctive terms as if the batch's earlier versions were already counted.
    """
    params = current_params()
    versions = sorted(versions, key=lambda v: v.pk)
    current = [
        v.pk
        for v in versions
        if v.document.current_version_id == v.pk and v.document.archived_at is None
    ]
    kept = already_indexed(current, params)
    versions = [v for v in versions if v.pk not in kept]
    if not versions:
        mark_indexed(kept, params, timezone.now())
        return {pk: n for pk, (n, _) in kept.items()}
    analyses: dict[int, Analysis] = {}
    for version in versions:
        analyses[version.pk] = (
            version_analysis(version, params)
            if version.pk in current
            else Analysis(set(), Counter())
        )
    now = timezone.now()
    with transaction.atomic():
        relax_durability()
        mark_indexed(kept, params, now)
        indexed = (
            IndexState.objects.filter(
                Q(fingerprints__gt=0) | Q(terms__gt=0),
                version__document_id__in={v.document_id for v in versions},
            )
            .exclude(version_id__in=list(kept))
            .select_related("version")
        )
        for state in indexed:
            remove_postings(state.version, params, counted=state.terms > 0)
            state.fingerprints = state.terms = 0
            state.save(update_fields=["fingerprints", "terms"])
        holders = Counter(h for a in analyses.values() for h in a.hashes)
        capped = capped_grams(set(holders), holders)
        increments = Counter(h for a in analyses.values() for h in a.tf)
        # Counted first and read back: under the rows' locks, so concurrent workers agree.
        after = add_count_rows(list(increments.items()), read_back=True)
        seen_before = {h: after.get(h, 0) - n for h, n in increments.items()}
        postings: list[tuple[int, int]] = []
        term_rows: list[tuple[int, int]] = []
        fields: dict[int, tuple[int, int]] = {}
        earlier: Counter[int] = Counter()
        for version in versions:
            analysis = analyses[version.pk]
            df = {h: seen_before[h] + earlier[h] for h in analysis.tf}
            earlier.update(analysis.tf.keys())
            terms = distinctive_terms(analysis.tf, df, settings.DISCOVERY_TERMS)
            hashes = analysis.hashes - capped
            postings.extend((h, version.pk) for h in hashes)
            term_rows.extend((h, version.pk) for h in terms)
            fields[version.pk] = (len(hashes), len(analysis.tf))
        insert_postings(sorted(postings))
        insert_postings(sorted(term_rows), TermPosting)
        mark_indexed(fields, params, now)
    return {pk: n for pk, (n, _) in {**kept, **fields}.items()}


def already_indexed(version_ids: list[int], params: Params) -> dict[int, tuple[int, int]]:
    """Of these current versions, those whose postings are in the index, made with `params`.

    Versions never change, so their fingerprints and terms stand as stored: indexing
    one again (a requeue, a resumed task, a second worker's late task) would compute
    the same hashes twice (once to delete, once to insert) for the same rows.
    Returns version id → (fingerprints, distinct terms), as the state row holds them.
    """
    if not version_ids:
        return {}
    rows = (
        IndexState.objects.filter(version_id__in=version_ids, params=params.label)
        .filter(Q(fingerprints__gt=0) | Q(terms__gt=0))
        .values_list("version_id", "fingerprints", "terms")
    )
    return {v: (f, t) for v, f, t in rows}


def mark_indexed(fields: dict[int, tuple[int, int]], params: Params, now: datetime) -> None:
    """Record versions as indexed: version id → (fingerprints, distinct terms).

    One prepared statement (PostgreSQL: one statement over arrays): the ORM's
    `bulk_update` builds a CASE expression per row and field, which cost more in
    Python than indexing a batch's postings.
    """
    if not fields:
        return
    have = set(
        IndexState.objects.filter(version_id__in=list(fields)).values_list("version_id", flat=True)
    )
    IndexState.objects.bulk_create(
        [IndexState(version_id=v) for v in fields if v not in have],
        batch_size=CHUNK,
        ignore_conflicts=True,
    )
    table = IndexState._meta.db_table
    stamp = connection.ops.adapt_datetimefield_value(now)
    rows = sorted((v, f, t) for v, (f, t) in fields.items())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            versions, prints, terms = zip(*rows, strict=True)
            cursor.execute(
                f"UPDATE {table} AS s SET index_status = %s, params = %s, fingerprints = d.f, "  # noqa: S608 - model table
                "terms = d.t, indexed_at = %s, updated_at = %s "
                "FROM unnest(%s::bigint[], %s::int[], %s::int[]) AS d(v, f, t) "
                "WHERE s.version_id = d.v",
                [
                    Status.DONE.value,
                    params.label,
                    stamp,
                    stamp,
                    *(pg_array(column) for column in (versions, prints, terms)),
                ],
            )
            return
        cursor.executemany(
            f"UPDATE {table} SET index_status = %s, params = %s, fingerprints = %s, terms = %s, "  # noqa: S608 - model table
            "indexed_at = %s, updated_at = %s WHERE version_id = %s",
            [(Status.DONE.value, params.label, f, t, stamp, stamp, v) for v, f, t in rows],
        )


def capped_grams(hashes: set[int], adding: Counter[int] | None = None) -> set[int]:
    """Which of an upload's fingerprints are boilerplate, recording those that just became so.

    One query: the fingerprints already recorded over the cap, and those whose
    posting list already holds `DISCOVERY_MAX_DF` documents (this one makes it one
    too many). A newly capped fingerprint is recorded in `Term` and its postings are
    dropped, since no search reads them: lists never grow past the cap, so this
    check reads at most cap rows per fingerprint. `adding` says how many of the
    documents being indexed together hold each fingerprint (default: one each).
    """
    if not hashes:
        return set()
    cap = settings.DISCOVERY_MAX_DF
    most = max(adding.values()) if adding else 1
    recorded, recorded_params = keyed_rows(Term._meta.db_table, "t.hash, -1", hashes, "t.df > %s")
    full, full_params = keyed_rows(
        Fingerprint._meta.db_table,
        "t.hash, COUNT(*)",
        hashes,
        tail="GROUP BY t.hash HAVING COUNT(*) >= %s",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"{recorded} UNION ALL {full}",
            [*recorded_params, cap, *full_params, max(cap + 1 - most, 1)],
        )
        rows = cursor.fetchall()
    known = {h for h, n in rows if n < 0}
    held = ((h, n + (adding[h] if adding else 1)) for h, n in rows if n >= 0 and h not in known)
    new = [Term(hash=h, df=n) for h, n in held if n > cap]
    if new:
        Term.objects.bulk_create(
            new, update_conflicts=True, unique_fields=["hash"], update_fields=["df"]
        )
        for batch in chunks(sorted(t.hash for t in new)):
            Fingerprint.objects.filter(hash__in=batch).delete()
    return known | {t.hash for t in new}


def count_terms_of(tf: Counter[int]) -> dict[int, int]:
    """Count a new version's terms into `Term.df`; return each one's frequency before it.

    PostgreSQL: one upsert that returns the new counts. SQLite: a prepared upsert
    per term, then one read (measured faster there than an upsert with RETURNING).
    """
    if not tf:
        return {}
    terms = sorted(tf)
    if connection.vendor != "postgresql":
        add_counts(terms, 1)
        return {h: n - 1 for h, n in frequencies(terms).items()}
    table = Term._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (hash, df) SELECT h, 1 FROM unnest(%s::bigint[]) AS h "  # noqa: S608 - model table
            f"ON CONFLICT (hash) DO UPDATE SET df = {table}.df + 1 RETURNING hash, df",
            [pg_array(terms)],
        )
        return {h: n - 1 for h, n in cursor.fetchall()}


def add_counts(terms: Iterable[int], delta: int) -> None:
    """Add `delta` to the document frequency of each term."""
    add_count_rows([(h, delta) for h in terms])


def add_count_rows(rows: list[tuple[int, int]], *, read_back: bool = False) -> dict[int, int]:
    """Add each (term, delta) to the term's document frequency, creating rows as needed.

    Sorted by term, so concurrent workers lock rows in one order (no deadlocks).
    With `read_back`, return the incremented terms' new frequencies (PostgreSQL: from
    the upsert itself, with RETURNING); otherwise an empty dict.
    """
    rows = sorted(rows)
    if not rows:
        return {}
    table = Term._meta.db_table
    up = [(h, d) for h, d in rows if d > 0]
    down = [(h, -d) for h, d in rows if d < 0]
    counted: dict[int, int] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if up:
                hashes, deltas = zip(*up, strict=True)
                cursor.execute(
                    f"INSERT INTO {table} (hash, df) SELECT * FROM unnest(%s::bigint[], %s::int[]) "  # noqa: S608 - model table
                    f"ON CONFLICT (hash) DO UPDATE SET df = {table}.df + EXCLUDED.df"
                    + (" RETURNING hash, df" if read_back else ""),
                    [pg_array(hashes), pg_array(deltas)],
                )
                if read_back:
                    counted = dict(cursor.fetchall())
            if down:
                hashes, deltas = zip(*down, strict=True)
                cursor.execute(
                    f"UPDATE {table} AS t SET df = GREATEST(t.df - d.n, 0) "  # noqa: S608 - model table
                    "FROM unnest(%s::bigint[], %s::int[]) AS d(h, n) WHERE t.hash = d.h",
                    [pg_array(hashes), pg_array(deltas)],
                )
            return counted
        if up:
            cursor.executemany(
                f"INSERT INTO {table} (hash, df) VALUES (%s, %s) "  # noqa: S608 - model table
                "ON CONFLICT (hash) DO UPDATE SET df = df + excluded.df",
                up,
            )
        if down:
            cursor.executemany(
                f"UPDATE {table} SET df = MAX(df - %s, 0) WHERE hash = %s",  # noqa: S608 - model table
                [(n, h) for h, n in down],
            )
    return frequencies(h for h, _ in up) if read_back else {}


def cap_common() -> int:
    """Record every fingerprint held by more than `DISCOVERY_MAX_DF` documents; return how many.

    Run once after a rebuild (uploads check their own fingerprints, `capped_grams`):
    one pass over the table, then the capped fingerprints' postings are dropped,
    since searches skip them.
    """
    cap = settings.DISCOVERY_MAX_DF
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT hash, COUNT(*) FROM {Fingerprint._meta.db_table} "  # noqa: S608 - model table
            "GROUP BY hash HAVING COUNT(*) > %s",
            [cap],
        )
        found = list(cursor.fetchall())
    if found:
        Term.objects.bulk_create(
            [Term(hash=h, df=n) for h, n in found],
            update_conflicts=True,
            unique_fields=["hash"],
            update_fields=["df"],
            batch_size=CHUNK // 2,
        )
        for batch in chunks(sorted(h for h, _ in found)):
            Fingerprint.objects.filter(hash__in=batch).delete()
    return len(found)


def relax_durability() -> None:
    """Let this transaction commit without waiting for the disk (PostgreSQL), write less (SQLite).

    Postings are derived data and commit together with their state row: a crash
    can only lose both, which leaves the version pending, and `reindex --resume`
    redoes it. Waiting for the WAL flush was most of the cost of an upload.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
    elif connection.vendor == "sqlite":
        # Checkpoint every 16 MB of WAL rather than 4 MB: the pages that successive
        # uploads rewrite (term counts, upper B-tree levels) reach the file once.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_autocheckpoint = 4000")


def insert_postings(
    rows: Iterable[tuple[int, int]], model: type[Fingerprint | TermPosting] = Fingerprint
) -> None:
    """Insert (hash, version id) rows with one prepared statement.

    The ORM's bulk_create builds SQL for every batch, which cost more than the
    hashing; this is the hot path of every upload and of a rebuild. A row already
    there is skipped (a version whose state row was lost is indexed again).
    """
    table = model._meta.db_table
    rows = list(rows)
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement with two arrays instead of a round trip per row.
            hashes, versions = zip(*rows, strict=True)
            sql = f"INSERT INTO {table} (hash, version_id) SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING"  # noqa: S608,E501 - model table
            cursor.execute(sql, [pg_array(hashes), pg_array(versions)])
        else:
            sql = f"INSERT INTO {table} (hash, version_id) VALUES (%s, %s) ON CONFLICT DO NOTHING"  # noqa: S608 - model table
            cursor.executemany(sql, rows)


def clear_index() -> None:
    """Remove every posting and count (before a full rebuild, e.g. after changing k)."""
    Fingerprint.objects.all().delete()
    TermPosting.objects.all().delete()
    Term.objects.all().delete()
    IndexState.objects.update(fingerprints=0, terms=0)


def count_terms(versions: Iterable[DocumentVersion], batch_docs: int = 2_000) -> int:
    """First pass of a rebuild: count every version's terms into `Term.df`; return how many.

    So that the second pass (`bulk_index(..., counted=True)`) chooses each document's
    distinctive terms against the whole corpus, not against the documents before it.
    Memory is bounded by the vocabulary of `batch_docs` documents.
    """
    counts: Counter[int] = Counter()
    seen = 0
    for version in versions:
        counts.update(term_frequencies(key_sequence(version.text)).keys())
        seen += 1
        if seen % batch_docs == 0:
            with transaction.atomic():
                add_count_rows(list(counts.items()))
            counts.clear()
    with transaction.atomic():
        add_count_rows(list(counts.items()))
    return seen


def bulk_index(
    versions: Iterable[DocumentVersion],
    batch_rows: int = 20_000,
    *,
    counted: bool = False,
) -> Iterator[int]:
    """Insert the postings of many versions in large batches; yield each version's count.

    For a rebuild into an emptied index: no deletes, and per batch of about
    `batch_rows` postings one frequency lookup for its terms and one insert per
    table, so memory stays bounded by the batch whatever the corpus size. With
    `counted`, `count_terms` has already counted these versions' terms. Fingerprints
    are not checked against the cap here: run `cap_common()` once at the end.
    """
    params = current_params()
    pending: list[tuple[DocumentVersion, Analysis]] = []
    rows = 0
    for version in versions:
        # A rebuild reads the whole corpus once: keeping an analysis per version here
        # would write as much again, so the keys are made and dropped.
        analysis = index_analysis(key_sequence(version.text), params)
        pending.append((version, analysis))
        rows += len(analysis.hashes) + settings.DISCOVERY_TERMS
        if rows >= batch_rows:
            _flush(pending, params, counted=counted)
            pending, rows = [], 0
        yield len(analysis.hashes)
    _flush(pending, params, counted=counted)


def _flush(batch: list[tuple[DocumentVersion, Analysis]], params: Params, *, counted: bool) -> None:
    if not batch:
        return
    now = timezone.now()
    df = frequencies(h for _, a in batch for h in a.tf)
    postings: list[tuple[int, int]] = []
    term_rows: list[tuple[int, int]] = []
    increments: Counter[int] = Counter()
    for version, analysis in batch:
        postings.extend((h, version.pk) for h in analysis.hashes)
        seen = df
        if not counted:  # as if indexed one by one: the batch's earlier documents count
            seen = {h: df.get(h, 0) + increments[h] for h in analysis.tf}
            increments.update(analysis.tf.keys())
        terms = distinctive_terms(analysis.tf, seen, settings.DISCOVERY_TERMS)
        term_rows.extend((h, version.pk) for h in terms)
    fields = {v.pk: (len(a.hashes), len(a.tf)) for v, a in batch}
    with transaction.atomic():
        relax_durability()
        insert_postings(sorted(postings))
        insert_postings(sorted(term_rows), TermPosting)
        if not counted:
            add_count_rows(list(increments.items()))
        mark_indexed(fields, params, now)
