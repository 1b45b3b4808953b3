"""Check fixtures: the seed corpus indexed, and the article an educator pastes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from documents.models import Document
from tests.conftest import load_indexed_seeds


@pytest.fixture
def seeds(db: None, django_capture_on_commit_callbacks: Callable[..., Any]) -> dict[str, Document]:
    """The five seeds, indexed (a check ranks candidates from the index)."""
    return load_indexed_seeds(django_capture_on_commit_callbacks)


@pytest.fixture
def article(seeds: dict[str, Document]) -> str:
    """Seed 000 (the MP's post) with the MP's name changed: a text the corpus does not hold."""
    text = seeds["000"].current_version.text
    assert "Richard Fuller" in text
    return text.replace("Richard Fuller", "Jane Marlowe")
