"""Fixtures for the comparison tests: the demo seeds and their comparisons."""

from __future__ import annotations

import pytest

from documents.models import Document
from provenance.compare import get_or_compute
from provenance.models import Comparison


def load_seeds() -> dict[str, Document]:
    from documents.demo import load_demo

    load_demo()
    docs = Document.objects.select_related("current_version")
    return {d.current_version.original_name[:3]: d for d in docs if d.current_version}


@pytest.fixture
def seeds(db: None) -> dict[str, Document]:
    """The five demo documents, by seed number ("000" … "004")."""
    return load_seeds()


@pytest.fixture
def demo_comparison(seeds: dict[str, Document]) -> Comparison:
    """The demo comparison 001 (the release) → 000 (the MP's post)."""
    return get_or_compute(seeds["001"].current_version, seeds["000"].current_version)


def make_document(title: str, text: str, kind: str = "article") -> Document:
    """Store a document with one version holding exactly `text` (no extraction)."""
    import hashlib

    from documents.models import DocumentVersion

    data = text.encode()
    document = Document.objects.create(title=title, kind=kind)
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        original=data,
        original_name=f"{title}.txt",
        content_type="text/plain",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        text_sha256=hashlib.sha256(data).hexdigest(),
    )
    document.current_version = version
    document.save(update_fields=["current_version"])
    return document
