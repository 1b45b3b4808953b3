"""The fingerprint index: stable, winnowed, small, and read only where text is shared."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discovery.index import Params, gram_hashes, index_hashes, index_version, query_hashes
from discovery.models import Fingerprint
from discovery.search import ranked_hits
from documents.models import Document
from provenance.engine import STOP_WORDS, hash_gram, key_sequence, winnow

from ..engine.seeds import NAMES, seed

SENTENCE = "Officers will patrol the beaches of northern France"


def _old_index_hashes(keys: list[str], k: int, window: int) -> set[int]:
    """The index's own computation before it used the engine's winnowing (kept as the
    reference: stored fingerprints must not change, or every index needs a rebuild)."""
    content = [key not in STOP_WORDS for key in keys]
    hashes = []
    running = sum(content[: k - 1])
    for i in range(len(keys) - k + 1):
        running += content[i + k - 1]
        if running >= 2:
            hashes.append(hash_gram(keys[i : i + k]))
        running -= content[i]
    if len(hashes) <= window:
        return {min(hashes)} if hashes else set()
    out: set[int] = set()
    for start in range(len(hashes) - window + 1):
        best = start
        for i in range(start + 1, start + window):
            if hashes[i] <= hashes[best]:
                best = i
        out.add(hashes[best])
    return out


@pytest.mark.parametrize("number", sorted(NAMES))
def test_stored_fingerprints_are_what_the_old_computation_stored(number: str) -> None:
    text = seed(number)
    for params in (Params(4, 10), Params(settings.DISCOVERY_K, settings.DISCOVERY_WINDOW)):
        expected = _old_index_hashes(key_sequence(text), params.k, params.window)
        assert expected
        assert index_hashes(text, params) == expected


def test_engine_winnowing_picks_the_rightmost_minimum_of_each_window() -> None:
    rng = random.Random(7)
    for length in (0, 1, 5, 10, 11, 50, 400):
        hashes = [rng.randrange(50) for _ in range(length)]  # small range: many ties
        expected = []
        for start in range(max(1, length - 10 + 1)):
            window = range(start, min(start + 10, length))
            if not window:
                break
            best = max(window, key=lambda i: (-hashes[i], i))
            if not expected or expected[-1][1] != best:
                expected.append((hashes[best], best))
        assert winnow(hashes, 10) == expected


def test_hashes_are_the_same_in_every_process() -> None:
    code = (
        "import django; django.setup();"
        "from discovery.index import gram_hashes;"
        "from provenance.engine import key_sequence;"
        f"print(gram_hashes(key_sequence({SENTENCE!r}), 4))"
    )
    env = {
        **os.environ,
        "PYTHONHASHSEED": "12345",
        "PYTHONPATH": str(settings.BASE_DIR),
        "DJANGO_SETTINGS_MODULE": "provenance.settings",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == str(gram_hashes(key_sequence(SENTENCE), 4))


def test_grams_of_function_words_only_are_not_indexed() -> None:
    assert gram_hashes(key_sequence("one of the most of the"), 4) == []


def test_winnowing_keeps_a_fraction_of_the_grams() -> None:
    words = [f"word{i}" for i in range(600)]
    text = " ".join(words)
    kept = len(index_hashes(text, Params(4, 10)))
    assert 80 < kept < 150  # about 2/(window+1) of ~600 grams
    assert index_hashes(text, Params(4, 10)) <= query_hashes(text, Params(4, 10))


@pytest.mark.django_db
def test_a_search_reads_only_documents_sharing_fingerprints(seeds: dict[str, Document]) -> None:
    version = seeds["000"].current_version
    with CaptureQueriesContext(connection) as queries:
        hits = ranked_hits(query_hashes(version.text), version.pk)
    assert len(queries) == 1
    assert "GROUP BY" in queries[0]["sql"]
    assert hits[0].version_id == seeds["001"].current_version_id


@pytest.mark.django_db
def test_a_new_version_replaces_the_old_postings(seeds: dict[str, Document]) -> None:
    document = seeds["003"]
    old = document.current_version
    before = Fingerprint.objects.filter(version=old).count()
    assert before > 0
    new = type(old).objects.create(
        document=document,
        number=old.number + 1,
        original=b"x",
        content_type="text/plain",
        size=1,
        sha256="x",
        text="A completely different text about garden birds nesting in the spring hedgerows.",
        text_sha256="y",
    )
    document.current_version = new
    document.save(update_fields=["current_version"])
    index_version(new)
    assert Fingerprint.objects.filter(version=old).count() == 0
    assert Fingerprint.objects.filter(version=new).count() > 0
