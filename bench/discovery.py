# ruff: noqa: E501  (the report tables are clearer as one line per row)
"""Benchmark source discovery on generated corpora, on SQLite or PostgreSQL.

    .venv/bin/python -m bench.discovery --docs 10000 --db sqlite
    .venv/bin/python -m bench.discovery --docs 100000 --db postgres

Each run uses a database of its own (a file under var/bench/, or a PostgreSQL
database `provenance_scale_bench_<docs>` created with the role in DATABASE_URL, default
the local development server) and reports:

- build rate of the real code paths on a sample of documents, measured on top of
  the full-size index: the worker path (the uploads' index tasks drained by one
  process: each task claims a batch of pending uploads, `DISCOVERY_INDEX_BATCH`),
  the same with batches of one (`index_version` per upload, as before batching),
  and `bulk_index` (what `reindex` runs);
- index size per document (table plus its one index);
- latency of one search (hash an 800-word article, then the grouped postings
  query) p50/p95, and recall of the planted sources in the top 5.

Corpus: documents of ~600 words drawn from a Zipf-weighted vocabulary (the engine's
function words plus 30,000 made-up content words); every tenth document copies a
passage of 40–120 words from an earlier one. Queries are 800-word articles that
copy one to three passages of 40–120 words from random corpus documents, half of
them verbatim and half with one word in fifteen replaced.

So that a run fits in minutes on two cores, the bulk of the index is not built
through Django: postings are computed by the same functions (`gram_hashes`,
`winnow`) in two processes, cached under var/bench/, and bulk-loaded (SQLite:
sorted executemany with journalling off; PostgreSQL: COPY, then the primary key
is built). The output says so. Sizes are measured after that load.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import sys
import time
import tracemalloc
from array import array
from collections import Counter
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
OUT_DIR = ROOT / "bench" / "out"
OFFSET = 10_000_000  # version ids of the bulk-loaded documents (no version rows exist)
DOC_WORDS = 600
QUERY_WORDS = 800
PG_ADMIN_URL = os.environ.get(
    "BENCH_PG_URL", "postgres://provenance:provenance@127.0.0.1:5432/provenance"
)

SYLLABLES = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiou"]


class Corpus:
    """A deterministic generated corpus: document i is rebuilt from (seed, i) on demand."""

    def __init__(self, size: int, seed: int = 1, real: bool = False) -> None:
        from provenance.engine import STOP_WORDS, WEAK_WORDS

        self.size = size
        self.seed = seed
        # The real releases, spread evenly through the generated ones (read in place,
        # never copied): their boilerplate (university blurbs, "Notes to editors")
        # recurs at its real rate, which generated text cannot imitate.
        self.real: dict[int, str] = {}
        self.real_at: dict[str, int] = {}  # a release's id -> its document number
        if real:
            releases = real_releases()
            step = size // (len(releases) + 1)
            for j, (pr_id, text) in enumerate(releases):
                self.real[(j + 1) * step] = text
                self.real_at[pr_id] = (j + 1) * step
        rng = random.Random(seed)
        content: set[str] = set()
        while len(content) < 30_000:
            content.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
        stops = sorted(w for w in STOP_WORDS | WEAK_WORDS if w.isalpha() and len(w) > 1)
        self.vocab = stops + sorted(content)
        # Function words carry ~45% of running text, content words follow Zipf's law.
        weights = [0.45 / len(stops)] * len(stops)
        zipf = [1 / (r + 10) for r in range(len(content))]
        total = sum(zipf)
        weights += [0.55 * z / total for z in zipf]
        self.cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self.vocab, cum_weights=self.cum, k=n)

    def base(self, i: int) -> list[str]:
        return self.draw(random.Random(self.seed * 1_000_003 + i), DOC_WORDS)

    def text(self, i: int) -> str:
        """The text document i is indexed with."""
        return self.real.get(i) or text_of(self.words(i))

    def words(self, i: int) -> list[str]:
        rng = random.Random(self.seed * 7_919 + i)
        words = self.base(i)
        if i % 10 == 0 and i > 0:
            source = self.base(rng.randrange(i))
            n = rng.randint(40, 120)
            start = rng.randrange(DOC_WORDS - n)
            at = rng.randrange(DOC_WORDS - n)
            words[at : at + n] = source[start : start + n]
        return words

    def query(self, q: int) -> tuple[str, list[tuple[int, int, bool]]]:
        """An 800-word article and its planted (source id, passage words, edited?)."""
        rng = random.Random(self.seed * 104_729 + q)
        words = self.draw(rng, QUERY_WORDS)
        planted = []
        slots = sorted(rng.sample(range(0, QUERY_WORDS - 130, 130), rng.randint(1, 3)))
        for at in slots:
            source = rng.randrange(self.size)
            while source in self.real:  # plant generated passages only; same draws
                source = (source + 1) % self.size
            n = rng.randint(40, 120)
            start = rng.randrange(DOC_WORDS - n)
            passage = self.words(source)[start : start + n]
            edited = q % 2 == 1
            if edited:
                for j in range(7, n, 15):
                    passage[j] = self.draw(rng, 1)[0]
            words[at : at + n] = passage
            planted.append((source, n, edited))
        return text_of(words), planted


def text_of(words: list[str]) -> str:
    """Sentences of 12–20 words, so the text looks like text; the keys are the words."""
    out = []
    for i, word in enumerate(words):
        out.append(word.capitalize() if i % 16 == 0 else word)
        if i % 16 == 15:
            out[-1] += "."
    return " ".join(out)


# Worker processes compute postings with the production functions.
_corpus: Corpus | None = None


def real_releases() -> list[tuple[str, str]]:
    from bench.realdev import load

    return [(str(r["pr_id"]), str(r["text"])) for r in load("press_releases.jsonl")]


def _init(size: int, seed: int, real: bool = False) -> None:
    global _corpus
    _corpus = Corpus(size, seed, real)


def _postings(ids: list[int]) -> list[tuple[int, array[int]]]:
    from discovery.index import index_hashes

    assert _corpus is not None
    return [(i, array("q", sorted(index_hashes(_corpus.text(i))))) for i in ids]


def _term_counts(ids: list[int]) -> Counter[int]:
    from provenance.engine import key_sequence, term_frequencies

    assert _corpus is not None
    counts: Counter[int] = Counter()
    for i in ids:
        counts.update(term_frequencies(key_sequence(_corpus.text(i))).keys())
    return counts


_df: dict[int, int] = {}


def _init_terms(size: int, seed: int, real: bool, df: dict[int, int]) -> None:
    global _df
    _init(size, seed, real)
    _df = df


def _terms(ids: list[int]) -> list[tuple[int, array[int]]]:
    from django.conf import settings

    from discovery.index import distinctive_terms
    from provenance.engine import key_sequence, term_frequencies

    assert _corpus is not None
    out = []
    for i in ids:
        tf = term_frequencies(key_sequence(_corpus.text(i)))
        out.append((i, array("q", sorted(distinctive_terms(tf, _df, settings.DISCOVERY_TERMS)))))
    return out


def postings_file(size: int, seed: int, real: bool) -> Path:
    from discovery.index import current_params

    mix = "-real" if real else ""
    return BENCH_DIR / f"postings-{size}-s{seed}{mix}-{current_params().label}.bin"


def terms_files(size: int, seed: int, real: bool) -> tuple[Path, Path]:
    from django.conf import settings

    mix = "-real" if real else ""
    tag = f"{size}-s{seed}{mix}-t{settings.DISCOVERY_TERMS}-cap{settings.DISCOVERY_MAX_DF}"
    return BENCH_DIR / f"terms-{tag}.bin", BENCH_DIR / f"df-{size}-s{seed}{mix}.bin"


def _write(path: Path, results: Iterator[list[tuple[int, array[int]]]]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as f:
        for batch in results:
            for i, hashes in batch:
                array("q", [i, len(hashes)]).tofile(f)
                hashes.tofile(f)
    tmp.rename(path)


def compute_postings(size: int, seed: int, real: bool) -> tuple[Path, Path, Path, float]:
    """Compute (or reuse) every document's fingerprints, term counts and terms.

    As `reindex` does: every document's terms are counted first, then each chooses
    its distinctive terms against the whole corpus. Returns the cache files and seconds.
    """
    path = postings_file(size, seed, real)
    terms_path, df_path = terms_files(size, seed, real)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if path.exists() and terms_path.exists() and df_path.exists():
        return path, terms_path, df_path, 0.0
    started = time.perf_counter()
    chunks = [list(range(s, min(s + 500, size))) for s in range(0, size, 500)]
    if not path.exists():
        with Pool(2, initializer=_init, initargs=(size, seed, real)) as pool:
            _write(path, pool.imap(_postings, chunks))
    if not df_path.exists():
        df: Counter[int] = Counter()
        with Pool(2, initializer=_init, initargs=(size, seed, real)) as pool:
            for counts in pool.imap_unordered(_term_counts, chunks):
                df.update(counts)
        flat = array("q", [x for pair in sorted(df.items()) for x in pair])
        with df_path.with_suffix(".tmp").open("wb") as f:
            flat.tofile(f)
        df_path.with_suffix(".tmp").rename(df_path)
    if not terms_path.exists():
        df = read_df(df_path)
        with Pool(2, initializer=_init_terms, initargs=(size, seed, real, df)) as pool:
            _write(terms_path, pool.imap(_terms, chunks))
    return path, terms_path, df_path, time.perf_counter() - started


def read_df(path: Path) -> dict[int, int]:
    flat = array("q")
    with path.open("rb") as f:
        flat.frombytes(f.read())
    return dict(zip(flat[0::2], flat[1::2], strict=True))


def read_postings(path: Path) -> Iterator[tuple[int, array[int]]]:
    with path.open("rb") as f:
        while head := f.read(16):
            i, n = array("q", head)
            hashes = array("q")
            hashes.fromfile(f, n)
            yield i, hashes


def setup_database(db: str, size: int) -> str:
    if db == "sqlite":
        path = BENCH_DIR / f"discovery-{size}.sqlite3"
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    name = f"provenance_scale_bench_{size}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def bulk_load(path: Path, table: str = "discovery_fingerprint") -> tuple[int, float]:
    """Load cached postings into a posting table by the database's fastest means."""
    from django.db import connection

    started = time.perf_counter()
    rows = 0
    if connection.vendor == "sqlite":
        # Pairs sorted by hash so the primary-key index is appended to, not split.
        pairs = sorted(_pairs(path))
        rows = len(pairs)
        _sqlite_load(f"INSERT INTO {table} (hash, version_id) VALUES (?, ?)", pairs)  # noqa: S608
        del pairs
    else:
        with connection.cursor() as c:
            c.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'p'",
                [table],
            )
            (pk_name,) = c.fetchone()
            c.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{pk_name}"')
            with c.copy(f"COPY {table} (hash, version_id) FROM STDIN") as copy:
                for i, hashes in read_postings(path):
                    vid = OFFSET + i
                    for h in hashes:
                        copy.write_row((h, vid))
                    rows += len(hashes)
            c.execute(
                f'ALTER TABLE {table} ADD CONSTRAINT "{pk_name}" PRIMARY KEY (hash, version_id)'
            )
        with connection.cursor() as c:
            c.execute(f"VACUUM ANALYZE {table}")
    return rows, time.perf_counter() - started


def load_df(path: Path) -> int:
    """Load the term document frequencies into discovery_term."""
    from django.db import connection

    rows = sorted(read_df(path).items())
    if connection.vendor == "sqlite":
        _sqlite_load("INSERT INTO discovery_term (hash, df) VALUES (?, ?)", rows)
    else:
        with connection.cursor() as c:
            with c.copy("COPY discovery_term (hash, df) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            c.execute("VACUUM ANALYZE discovery_term")
    return len(rows)


def _sqlite_load(sql: str, rows: list[tuple[int, int]]) -> None:
    from django.db import connection

    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=OFF")
    cursor.execute("PRAGMA synchronous=OFF")
    connection.ensure_connection()
    raw = connection.connection  # the sqlite3 connection: no per-row SQL rewriting
    raw.execute("BEGIN")
    raw.executemany(sql, rows)
    raw.execute("COMMIT")
    # Back to the settings every other connection uses, so later timings are honest.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")


def _pairs(path: Path) -> Iterator[tuple[int, int]]:
    for i, hashes in read_postings(path):
        vid = OFFSET + i
        for h in hashes:
            yield (h, vid)


def table_bytes(table: str) -> int:
    """Size of a table plus its indexes."""
    from django.db import connection

    with connection.cursor() as c:
        if connection.vendor == "sqlite":
            c.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name = %s OR name LIKE %s",
                [table, f"sqlite_autoindex_{table}%"],
            )
        else:
            c.execute("SELECT pg_total_relation_size(%s)", [table])
        return int(c.fetchone()[0] or 0)


def sample_build(corpus: Corpus, start: int, count: int) -> dict[str, float]:
    """Index `count` new documents through the real code paths; return docs/s and memory."""
    from django.conf import settings
    from django.test import override_settings

    from discovery.index import bulk_index
    from documents.models import Document, DocumentVersion

    docs = Document.objects.bulk_create(
        [Document(title=f"Bench {i}", kind="article") for i in range(start, start + count)]
    )
    versions = DocumentVersion.objects.bulk_create(
        [
            DocumentVersion(
                document=d,
                number=1,
                original=b"",
                content_type="text/plain",
                size=0,
                sha256=str(i),
                text=text_of(corpus.words(i)),
                text_sha256=str(i),
            )
            for i, d in zip(range(start, start + count), docs, strict=True)
        ]
    )
    for d, v in zip(docs, versions, strict=True):
        d.current_version = v
    Document.objects.bulk_update(docs, ["current_version"])
    # 40% through the worker path as it runs now (each upload queues a task; a task
    # claims a batch of pending uploads), 20% through the same task with batches of
    # one (what every upload cost before batching), 25% through the reindex path, the
    # rest to measure memory (tracemalloc slows Python down, so not while timing).
    a, b, c = count * 2 // 5, count * 3 // 5, count * 17 // 20
    worker_rate = drain(versions[:a])
    with override_settings(DISCOVERY_INDEX_BATCH=1):
        single_rate = drain(versions[a:b])
    started = time.perf_counter()
    for _ in bulk_index(versions[b:c]):
        pass
    bulk_rate = (c - b) / (time.perf_counter() - started)
    b = c
    tracemalloc.start()
    for _ in bulk_index(versions[b:]):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "worker": worker_rate,
        "single": single_rate,
        "batch": settings.DISCOVERY_INDEX_BATCH,
        "bulk": bulk_rate,
        "bulk_peak_mb": peak / 1e6,
        "mem_docs": count - b,
    }


def drain(versions: list) -> float:  # type: ignore[type-arg]
    """Docs/s of one worker draining the index tasks of `versions`, uploaded and queued.

    The uploads' state rows are written as `version_created` writes them (pending),
    then the real task function runs once per upload, in upload order, as one
    `db_worker` would: the first task claims a batch and indexes it, the tasks of the
    batch's other versions find them done and return. The discovery tasks it queues
    go to the dummy backend and are not run. Not timed: the queue's own cost per
    task (django-tasks-db claims, runs and records each task row).
    """
    from django.tasks import default_task_backend

    from discovery.models import IndexState
    from discovery.tasks import index_version_task

    IndexState.objects.bulk_create([IndexState(version_id=v.pk) for v in versions])
    started = time.perf_counter()
    for v in versions:
        index_version_task.call(v.pk)
    rate = len(versions) / (time.perf_counter() - started)
    default_task_backend.clear()
    return rate


def run_queries(corpus: Corpus, count: int) -> dict[str, float]:
    from django.db import connection

    from discovery.search import rank

    db_time = [0.0]

    def timed(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            db_time[0] += time.perf_counter() - t

    total_ms, db_ms = [], []
    found = {"exact": [0, 0], "edited": [0, 0]}
    top1 = 0
    with connection.execute_wrapper(timed):
        for q in range(-5, count):
            text, planted = corpus.query(q if q >= 0 else count + 100 - q)
            db_time[0] = 0.0
            t0 = time.perf_counter()
            hits = rank(text, exclude_version=-1, limit=5)
            t2 = time.perf_counter()
            if q < 0:
                continue  # warm-up
            total_ms.append(1000 * (t2 - t0))
            db_ms.append(1000 * db_time[0])
            top = [h.version_id - OFFSET for h in hits]
            for source, _n, edited in planted:
                bucket = found["edited" if edited else "exact"]
                bucket[1] += 1
                bucket[0] += source in top
            top1 += bool(top) and top[0] in {s for s, _, _ in planted}
    hit = found["exact"][0] + found["edited"][0]
    planted_total = found["exact"][1] + found["edited"][1]
    return {
        "p50": percentile(total_ms, 50),
        "p95": percentile(total_ms, 95),
        "db_p50": percentile(db_ms, 50),
        "db_p95": percentile(db_ms, 95),
        "recall": hit / planted_total,
        "recall_exact": found["exact"][0] / max(found["exact"][1], 1),
        "recall_edited": found["edited"][0] / max(found["edited"][1], 1),
        "planted": planted_total,
        "top1_is_planted": top1 / count,
    }


def run_real_queries(corpus: Corpus, count: int) -> dict[str, float]:
    """Each real story (never indexed) searched against the mixed corpus: is its release in the top 5?"""
    from bench.realdev import is_clean, load
    from discovery.search import rank

    stories = [a for a in load("articles.jsonl") if str(a["pr_id"]) in corpus.real_at]
    stories = stories[:count]
    total_ms: list[float] = []
    top5 = clean5 = clean = 0
    for story in stories:
        t0 = time.perf_counter()
        hits = rank(str(story["text"]), exclude_version=-1, limit=5)
        total_ms.append(1000 * (time.perf_counter() - t0))
        found = OFFSET + corpus.real_at[str(story["pr_id"])] in {h.version_id for h in hits}
        top5 += found
        if is_clean(story):
            clean += 1
            clean5 += found
    return {
        "n": len(stories),
        "p50": percentile(total_ms, 50),
        "p95": percentile(total_ms, 95),
        "top5": top5 / max(len(stories), 1),
        "clean_top5": clean5 / max(clean, 1),
        "clean": clean,
    }


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[round(p / 100 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sample", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--real",
        action="store_true",
        help="Mix the 340 real releases of ../shared/real-dev into the corpus (read in place) "
        "and search with the real stories too.",
    )
    parser.add_argument("--real-queries", type=int, default=400)
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = setup_database(args.db, args.docs)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    # Discovery tasks queued by the index tasks are recorded, not run: only indexing is timed.
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.dummy.DummyBackend"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from discovery.index import current_params

    call_command("migrate", verbosity=0)
    corpus = Corpus(args.docs, args.seed, args.real)
    path, terms_path, df_path, compute_s = compute_postings(args.docs, args.seed, args.real)
    rows, load_s = bulk_load(path)
    term_rows, term_load_s = bulk_load(terms_path, "discovery_termposting")
    vocabulary = load_df(df_path)
    size_fp = table_bytes("discovery_fingerprint")
    size_terms = table_bytes("discovery_termposting") + table_bytes("discovery_term")
    build = sample_build(corpus, args.docs, args.sample)
    queries = run_queries(corpus, args.queries)
    real = run_real_queries(corpus, args.real_queries) if args.real else None
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    params = current_params()
    lines = [
        f"## Discovery benchmark: {args.docs:,} documents on {args.db} "
        f"({params.label}, min shared {settings.DISCOVERY_MIN_SHARED})",
        "",
        f"- bulk of the index: {rows:,} fingerprint postings and {term_rows:,} term postings "
        f"({settings.DISCOVERY_TERMS} per document, chosen after counting every document's terms, "
        f"as `reindex` does; {vocabulary:,} terms counted) for {args.docs:,} documents, computed with the "
        f"production functions in 2 processes ({'cached' if not compute_s else f'{compute_s:.0f} s'}"
        f"), bulk-loaded in {load_s + term_load_s:.0f} s ({'sorted executemany, journal off' if args.db == 'sqlite' else 'COPY, then the primary key built'})",
        f"- then {args.sample:,} more documents indexed through Django on top of it",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| postings per document | {rows / args.docs:.0f} |",
        f"| index size per document, fingerprints (table + primary key) | {size_fp / args.docs / 1024:.1f} KB |",
        f"| index size per document, terms (postings + document frequencies) | {size_terms / args.docs / 1024:.1f} KB |",
        f"| index size per document, total | {(size_fp + size_terms) / args.docs / 1024:.1f} KB |",
        f"| build rate, worker path (one task per upload, batches of up to {build['batch']}, one process) | {build['worker']:.0f} docs/s |",
        f"| build rate, worker path with batches of one (`index_version` per upload) | {build['single']:.0f} docs/s |",
        f"| build rate, reindex path (`bulk_index`, one process) | {build['bulk']:.0f} docs/s |",
        f"| peak Python memory of `bulk_index` over {build['mem_docs']} docs | {build['bulk_peak_mb']:.1f} MB |",
        f"| search latency, 800-word article (`rank`: analyse + 3 queries), p50 / p95 | {queries['p50']:.1f} / {queries['p95']:.1f} ms |",
        f"| of which the database queries, p50 / p95 | {queries['db_p50']:.1f} / {queries['db_p95']:.1f} ms |",
        f"| planted sources in the top 5 (all, {queries['planted']:.0f} passages of 40–120 words) | {queries['recall']:.3f} |",
        f"| … verbatim passages / passages with 1 word in 15 replaced | {queries['recall_exact']:.3f} / {queries['recall_edited']:.3f} |",
        f"| queries whose top hit is a planted source | {queries['top1_is_planted']:.3f} |",
    ]
    if real:
        lines += [
            f"| real stories searched ({real['n']:.0f}, their 340 releases mixed into the corpus), p50 / p95 | {real['p50']:.1f} / {real['p95']:.1f} ms |",
            f"| … release in the top 5, all / clean ({real['clean']:.0f}) | {real['top5']:.3f} / {real['clean_top5']:.3f} |",
        ]
    lines += [
        f"| peak memory (RSS) of the bench process | {peak_rss_mb:.0f} MB |",
        f"| load average at the end (`uptime`, 2 shared cores) | {' / '.join(f'{x:.1f}' for x in os.getloadavg())} |",
    ]
    report = "\n".join(lines)
    print(report)
    OUT_DIR.mkdir(exist_ok=True)
    (OUT_DIR / f"discovery-{args.db}-{args.docs}{'-real' if args.real else ''}.md").write_text(
        report + "\n"
    )


if __name__ == "__main__":
    main()
