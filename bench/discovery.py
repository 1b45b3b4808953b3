# ruff: noqa: E501  (the report tables are clearer as one line per row)
"""Benchmark source discovery on generated corpora, on SQLite or PostgreSQL.

    .venv/bin/python -m bench.discovery --docs 10000 --db sqlite
    .venv/bin/python -m bench.discovery --docs 100000 --db postgres

Each run uses a database of its own (a file under var/bench/, or a PostgreSQL
database `provenance_bench_<docs>` created with the role in DATABASE_URL, default
the local development server) and reports:

- build rate of the real code paths on a sample of documents, measured on top of
  the full-size index: `index_version` (what the worker runs per upload) and
  `bulk_index` (what `reindex` runs);
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
import sys
import time
import tracemalloc
from array import array
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

    def __init__(self, size: int, seed: int = 1) -> None:
        from provenance.engine.tokens import STOP_WORDS, WEAK_WORDS

        self.size = size
        self.seed = seed
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


def _init(size: int, seed: int) -> None:
    global _corpus
    _corpus = Corpus(size, seed)


def _postings(ids: list[int]) -> list[tuple[int, array[int]]]:
    from discovery.index import index_hashes

    assert _corpus is not None
    return [(i, array("q", sorted(index_hashes(text_of(_corpus.words(i)))))) for i in ids]


def postings_file(size: int, seed: int) -> Path:
    from discovery.index import current_params

    return BENCH_DIR / f"postings-{size}-s{seed}-{current_params().label}.bin"


def compute_postings(size: int, seed: int) -> tuple[Path, float]:
    """Compute (or reuse) every document's postings; return the cache file and seconds."""
    path = postings_file(size, seed)
    if path.exists():
        return path, 0.0
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    chunks = [list(range(s, min(s + 500, size))) for s in range(0, size, 500)]
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as f, Pool(2, initializer=_init, initargs=(size, seed)) as pool:
        for batch in pool.imap(_postings, chunks):
            for i, hashes in batch:
                array("q", [i, len(hashes)]).tofile(f)
                hashes.tofile(f)
    tmp.rename(path)
    return path, time.perf_counter() - started


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

    name = f"provenance_bench_{size}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def bulk_load(path: Path) -> tuple[int, float]:
    """Load the cached postings into discovery_fingerprint by the database's fastest means."""
    from django.db import connection

    started = time.perf_counter()
    rows = 0
    if connection.vendor == "sqlite":
        # Pairs sorted by hash so the primary-key index is appended to, not split.
        pairs = sorted(_pairs(path))
        rows = len(pairs)
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=OFF")
        cursor.execute("PRAGMA synchronous=OFF")
        connection.ensure_connection()
        raw = connection.connection  # the sqlite3 connection: no per-row SQL rewriting
        raw.execute("BEGIN")
        raw.executemany("INSERT INTO discovery_fingerprint (hash, version_id) VALUES (?, ?)", pairs)
        raw.execute("COMMIT")
        # Back to the settings every other connection uses, so later timings are honest.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        del pairs
    else:
        with connection.cursor() as c:
            c.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = 'discovery_fingerprint'::regclass"
                " AND contype = 'p'"
            )
            (pk_name,) = c.fetchone()
            c.execute(f'ALTER TABLE discovery_fingerprint DROP CONSTRAINT "{pk_name}"')
            with c.copy("COPY discovery_fingerprint (hash, version_id) FROM STDIN") as copy:
                for i, hashes in read_postings(path):
                    vid = OFFSET + i
                    for h in hashes:
                        copy.write_row((h, vid))
                    rows += len(hashes)
            c.execute(
                f'ALTER TABLE discovery_fingerprint ADD CONSTRAINT "{pk_name}" '
                "PRIMARY KEY (hash, version_id)"
            )
        with connection.cursor() as c:
            c.execute("VACUUM ANALYZE discovery_fingerprint")
    return rows, time.perf_counter() - started


def _pairs(path: Path) -> Iterator[tuple[int, int]]:
    for i, hashes in read_postings(path):
        vid = OFFSET + i
        for h in hashes:
            yield (h, vid)


def index_bytes() -> int:
    from django.db import connection

    with connection.cursor() as c:
        if connection.vendor == "sqlite":
            c.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name = 'discovery_fingerprint'"
                " OR name LIKE 'sqlite_autoindex_discovery_fingerprint%'"
            )
        else:
            c.execute("SELECT pg_total_relation_size('discovery_fingerprint')")
        return int(c.fetchone()[0] or 0)


def sample_build(corpus: Corpus, start: int, count: int) -> dict[str, float]:
    """Index `count` new documents through the real code paths; return docs/s and memory."""
    from discovery.index import bulk_index, index_version
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
    # Half through the worker path, a third through the reindex path, the rest to
    # measure memory (tracemalloc slows Python down, so not while timing).
    a, b = count // 2, count // 2 + count // 3
    started = time.perf_counter()
    for v in versions[:a]:
        index_version(v)
    worker_rate = a / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in bulk_index(versions[a:b]):
        pass
    bulk_rate = (b - a) / (time.perf_counter() - started)
    tracemalloc.start()
    for _ in bulk_index(versions[b:]):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "worker": worker_rate,
        "bulk": bulk_rate,
        "bulk_peak_mb": peak / 1e6,
        "mem_docs": count - b,
    }


def run_queries(corpus: Corpus, count: int) -> dict[str, float]:
    from discovery.index import query_hashes
    from discovery.search import ranked_hits

    total_ms, db_ms = [], []
    found = {"exact": [0, 0], "edited": [0, 0]}
    top1 = 0
    for q in range(-5, count):
        text, planted = corpus.query(q if q >= 0 else count + 100 - q)
        t0 = time.perf_counter()
        hashes = query_hashes(text)
        t1 = time.perf_counter()
        hits = ranked_hits(hashes, exclude_version=-1, limit=5)
        t2 = time.perf_counter()
        if q < 0:
            continue  # warm-up
        total_ms.append(1000 * (t2 - t0))
        db_ms.append(1000 * (t2 - t1))
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
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = setup_database(args.db, args.docs)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.immediate.ImmediateBackend"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from discovery.index import current_params

    call_command("migrate", verbosity=0)
    corpus = Corpus(args.docs, args.seed)
    path, compute_s = compute_postings(args.docs, args.seed)
    rows, load_s = bulk_load(path)
    size = index_bytes()
    build = sample_build(corpus, args.docs, args.sample)
    queries = run_queries(corpus, args.queries)
    params = current_params()
    lines = [
        f"## Discovery benchmark: {args.docs:,} documents on {args.db} "
        f"({params.label}, min shared {settings.DISCOVERY_MIN_SHARED})",
        "",
        f"- bulk of the index: {rows:,} postings for {args.docs:,} documents computed with the "
        f"production `index_hashes` in 2 processes ({'cached' if not compute_s else f'{compute_s:.0f} s'}"
        f"), bulk-loaded in {load_s:.0f} s ({'sorted executemany, journal off' if args.db == 'sqlite' else 'COPY, then the primary key built'})",
        f"- then {args.sample:,} more documents indexed through Django on top of it",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| postings per document | {rows / args.docs:.0f} |",
        f"| index size per document (table + primary key) | {size / args.docs / 1024:.1f} KB |",
        f"| build rate, worker path (`index_version`, one process) | {build['worker']:.0f} docs/s |",
        f"| build rate, reindex path (`bulk_index`, one process) | {build['bulk']:.0f} docs/s |",
        f"| peak Python memory of `bulk_index` over {build['mem_docs']} docs | {build['bulk_peak_mb']:.1f} MB |",
        f"| search latency, 800-word article (hash + query), p50 / p95 | {queries['p50']:.1f} / {queries['p95']:.1f} ms |",
        f"| of which the database query, p50 / p95 | {queries['db_p50']:.1f} / {queries['db_p95']:.1f} ms |",
        f"| planted sources in the top 5 (all, {queries['planted']:.0f} passages of 40–120 words) | {queries['recall']:.3f} |",
        f"| … verbatim passages / passages with 1 word in 15 replaced | {queries['recall_exact']:.3f} / {queries['recall_edited']:.3f} |",
        f"| queries whose top hit is a planted source | {queries['top1_is_planted']:.3f} |",
    ]
    report = "\n".join(lines)
    print(report)
    OUT_DIR.mkdir(exist_ok=True)
    (OUT_DIR / f"discovery-{args.db}-{args.docs}.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
