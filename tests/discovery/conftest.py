"""Discovery fixtures: the seed corpus loaded through the real pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from documents.models import Document
from tests.conftest import load_indexed_seeds


@pytest.fixture
def seeds(db: None, django_capture_on_commit_callbacks: Callable[..., Any]) -> dict[str, Document]:
    """The five seeds, loaded in file order, each indexed and discovered as it arrives.

    Tests run tasks with the immediate backend, so running the on-commit hooks runs
    the whole chain: version_created → index task → discovery task.
    """
    return load_indexed_seeds(django_capture_on_commit_callbacks)
