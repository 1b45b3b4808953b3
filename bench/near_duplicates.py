# ruff: noqa: E501  (the report table is clearer as one line per row)
"""Time the near-duplicate check per upload: the old scan of texts against the index lookup.

    .venv/bin/python -m bench.near_duplicates                  # 2,000 and 5,000 documents
    .venv/bin/python -m bench.near_duplicates --sizes 2000 5000 20000 --uploads 60

A scratch SQLite database under var/bench/ is filled with generated ~600-word
documents (`bench.discovery.Corpus`: every text the same length, so the old scan's
±30% length filter keeps them all, its worst and usual case) and indexed with the
real `bulk_index`. At each size, the same uploads are checked both ways:

- *before*: the scan `documents.duplicates.find_near_duplicate` ran until this
  change (kept below as `old_scan`): the 2,000 newest texts of similar length,
  shingled in Python, inside the ingest transaction, so all of it held the write lock;
- *after*: `documents.duplicates.find_near_duplicate` now (the signal answered by
  `discovery.near_duplicates.find` from the postings), run before the transaction
  opens; and `discovery.near_duplicates.record`, what the discovery step adds per
  new document in the worker.

Half the uploads are near-duplicates (one word in 30 replaced) of documents drawn
from the whole corpus, oldest included; half are fresh texts. Medians over all
uploads, and how many near-duplicates each way found.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
OUT_DIR = ROOT / "bench" / "out"
OLD_SCAN_LIMIT = 2000


def old_scan(text: str) -> tuple[int, float] | None:
    """The check as it was before this change (documents/duplicates.py at d067229)."""
    from django.db.models.functions import Length

    from documents.duplicates import NEAR_DUPLICATE_THRESHOLD, shingles
    from documents.models import Document, DocumentVersion

    length = len(text)
    candidates = (
        DocumentVersion.objects.filter(pk__in=Document.objects.values("current_version"))
        .annotate(length=Length("text"))
        .filter(length__range=(int(length * 0.7), int(length / 0.7) + 1))
        .order_by("-created_at")
        .values_list("document_id", "text")[:OLD_SCAN_LIMIT]
    )
    best: tuple[int, float] | None = None
    mine = shingles(text)
    for document_id, other in candidates:
        theirs = shingles(other)
        if not mine or not theirs:
            continue
        score = len(mine & theirs) / len(mine | theirs)
        if score >= NEAR_DUPLICATE_THRESHOLD and (best is None or score > best[1]):
            best = (document_id, score)
    return best


def add_documents(corpus: object, start: int, stop: int) -> None:
    """Store documents start..stop-1 and index them with the real reindex path."""
    from django.db.models import OuterRef, Subquery
    from django.utils import timezone

    from bench.discovery import text_of
    from discovery.index import bulk_index
    from documents.models import Document, DocumentVersion

    base = timezone.now() - timezone.timedelta(days=365)
    for first in range(start, stop, 1000):
        ids = range(first, min(first + 1000, stop))
        texts = [text_of(corpus.words(i)) for i in ids]  # type: ignore[attr-defined]
        stamps = [base + timezone.timedelta(minutes=i) for i in ids]
        docs = Document.objects.bulk_create(
            [
                Document(title=f"Bench {i}", kind="article", created_at=t)
                for i, t in zip(ids, stamps, strict=True)
            ]
        )
        versions = DocumentVersion.objects.bulk_create(
            [
                DocumentVersion(
                    document=d,
                    number=1,
                    original=b"",
                    content_type="text/plain",
                    size=len(text),
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    text=text,
                    text_sha256=hashlib.sha256(text.encode()).hexdigest(),
                    created_at=t,
                )
                for d, text, t in zip(docs, texts, stamps, strict=True)
            ]
        )
        current = DocumentVersion.objects.filter(document=OuterRef("pk")).values("pk")[:1]
        Document.objects.filter(pk__in=[d.pk for d in docs]).update(
            current_version=Subquery(current)
        )
        for _ in bulk_index(versions):
            pass


def uploads(corpus: object, size: int, count: int, seed: int) -> list[tuple[str, int | None]]:
    """(text, index of the document it nearly repeats or None), half of each."""
    from bench.discovery import text_of

    rng = random.Random(seed)
    out: list[tuple[str, int | None]] = []
    for n in range(count):
        if n % 2 == 0:
            i = rng.randrange(size)
            words = corpus.words(i)  # type: ignore[attr-defined]
            for j in range(rng.randrange(30), len(words), 30):
                words[j] = corpus.draw(rng, 1)[0]  # type: ignore[attr-defined]
            out.append((text_of(words), i))
        else:
            out.append((text_of(corpus.draw(rng, 600)), None))  # type: ignore[attr-defined]
    return out


def measure(corpus: object, size: int, count: int, seed: int) -> dict[str, float]:
    from discovery.near_duplicates import record
    from documents import duplicates
    from documents.models import Document, DocumentVersion

    titles = dict(Document.objects.values_list("pk", "title"))
    before: list[float] = []
    after: list[float] = []
    found_before = found_after = planted = 0
    for text, source in uploads(corpus, size, count, seed):
        started = time.perf_counter()
        old = old_scan(text)
        before.append(time.perf_counter() - started)
        started = time.perf_counter()
        new = duplicates.find_near_duplicate(text)
        after.append(time.perf_counter() - started)
        if source is not None:
            planted += 1
            found_before += old is not None and titles[old[0]] == f"Bench {source}"
            found_after += new is not None and new.document.title == f"Bench {source}"
    # What the worker adds per new document: the same lookup for a stored, indexed version.
    recorded: list[float] = []
    versions = DocumentVersion.objects.order_by("-pk")[: max(count // 2, 1)]
    for version in versions:
        started = time.perf_counter()
        record(version)
        recorded.append(time.perf_counter() - started)
    ms = 1000
    return {
        "before": statistics.median(before) * ms,
        "after": statistics.median(after) * ms,
        "record": statistics.median(recorded) * ms,
        "found_before": found_before,
        "found_after": found_after,
        "planted": planted,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 5_000])
    parser.add_argument("--uploads", type=int, default=40)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / "near-duplicates.sqlite3"
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.dummy.DummyBackend"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from bench.discovery import Corpus

    call_command("migrate", verbosity=0)
    sizes = sorted(args.sizes)
    corpus = Corpus(sizes[-1], args.seed)
    lines = [
        f"## Near-duplicate check per upload, SQLite, {args.uploads} uploads per size (half near-duplicates), medians",
        "",
        "| documents | before: scan (inside the write transaction) | after: index lookup (before the transaction) | after: `record` in the worker | near-duplicates found before / after |",
        "| --- | --- | --- | --- | --- |",
    ]
    held = 0
    for size in sizes:
        started = time.perf_counter()
        add_documents(corpus, held, size)
        held = size
        print(
            f"{size:,} documents stored and indexed in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
        m = measure(corpus, size, args.uploads, args.seed + size)
        lines.append(
            f"| {size:,} | {m['before']:.0f} ms | {m['after']:.1f} ms | {m['record']:.1f} ms | "
            f"{m['found_before']} / {m['found_after']} of {m['planted']} |"
        )
    report = "\n".join(lines)
    print(report)
    OUT_DIR.mkdir(exist_ok=True)
    (OUT_DIR / "near-duplicates.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
