"""Fixtures for the annotation tests: the seeds, the demo comparison, labels, annotations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from annotations import workflow
from annotations.models import Annotation, Label
from documents.ingest import Outcome, Submission, ingest
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion


@pytest.fixture
def release(seeds: dict[str, Document]) -> DocumentVersion:
    """Seed 001, the GOV.UK press release, as stored."""
    version = seeds["001"].current_version
    assert version is not None
    return version


@pytest.fixture
def label(db: None) -> Label:
    return Label.objects.get(slug="changed-figure")


def span_of(version: DocumentVersion, words: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = version.text.index(words, start + 1)
    return start, start + len(words)


AnnotateFn = Callable[..., Annotation]


@pytest.fixture
def annotate(label: Label) -> AnnotateFn:
    """Annotate the first occurrence of `words` in a version, as `user`."""

    def make(user: User, version: DocumentVersion, words: str, **kwargs: object) -> Annotation:
        start, end = span_of(version, words)
        target = workflow.target_from_span(version, start, end, kwargs.pop("comparison", None))  # type: ignore[arg-type]
        return workflow.do_create_annotation(user, target, kwargs.pop("label", label), **kwargs)  # type: ignore[arg-type]

    return make


def new_version(document: Document, text: str) -> Outcome:
    """Add a pasted new version of a document, the way an admin's re-upload does."""
    outcome = ingest(Submission(text=text), Metadata(), version_of=document)
    assert outcome.stored, outcome.reason
    return outcome
