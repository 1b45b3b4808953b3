"""Fixtures for the documents tests (`demo_corpus` lives in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Path) -> None:
    # Staged uploads are written under MEDIA_ROOT; keep them out of the real one.
    settings.MEDIA_ROOT = tmp_path
