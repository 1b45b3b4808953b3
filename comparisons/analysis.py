"""One analysis per document version: made once, kept in the database, cached in process.

Finding a new article's sources tokenises it for the index, compares it with a
handful of candidates and renders the result; every step reads the same kept
`AnalysedText` through `analysis_for` instead of tokenising and segmenting again.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from django.db import IntegrityError, transaction

from comparisons.models import TextAnalysis
from documents.models import DocumentVersion
from provenance.engine import ENGINE_VERSION, AnalysedText, analyse

# Versions are immutable, so a cached analysis never goes stale within one engine
# version. 256 analyses of news-length texts take a few megabytes.
CACHE_SIZE = 256

_cache: OrderedDict[int, AnalysedText] = OrderedDict()
_lock = Lock()


def analysis_for(
    version: DocumentVersion, *, name: str = "text", keep: bool = True
) -> AnalysedText:
    """Return the version's text analysis: from memory, else the database, else made now.

    A row made by another engine version (or damaged) is replaced; with `keep=False`
    (a page, which never writes) one made now stays in memory only. Raises
    ValueError when the text is not text (binary data), as `analyse` does; its
    message calls the text `name` ("source", "derivative").
    """
    with _lock:
        cached = _cache.get(version.pk)
        # The text check costs a memcmp and guards against a reused primary key
        # (a test database rolled back, a version deleted and its id taken again).
        if cached is not None and cached.text == version.text:
            _cache.move_to_end(version.pk)
            return cached
    analysed = _load(version)
    if analysed is None:
        analysed = analyse(version.text, name=name)
        if keep:
            _keep(version, analysed)
    with _lock:
        _cache[version.pk] = analysed
        if len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return analysed


def _keep(version: DocumentVersion, analysed: AnalysedText) -> None:
    try:
        with transaction.atomic():
            TextAnalysis.objects.update_or_create(
                version=version,
                defaults={"engine_version": ENGINE_VERSION, "data": analysed.to_bytes()},
            )
    except IntegrityError:
        pass  # another worker kept the same analysis first


def _load(version: DocumentVersion) -> AnalysedText | None:
    row = (
        TextAnalysis.objects.filter(version=version, engine_version=ENGINE_VERSION)
        .values_list("data", flat=True)
        .first()
    )
    if row is None:
        return None
    try:
        return AnalysedText.from_bytes(bytes(row), version.text)
    except ValueError:
        return None


def clear_cache() -> None:
    """Forget the in-process analyses (tests, and after a bulk delete)."""
    with _lock:
        _cache.clear()
