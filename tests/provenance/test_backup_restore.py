"""Backup, wipe, restore: documents, versions, comparisons and annotations come back identical.

Runs on whichever database the suite uses (SQLite here, PostgreSQL in CI's second pass).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import models

from annotations import workflow
from annotations.models import Annotation, AnnotationEvent, Label
from comparisons.compare import get_or_compute
from comparisons.models import Comparison, ShareLink
from comparisons.sharing import create_link
from documents.models import Document, DocumentVersion
from provenance.backups import BackupError, restore
from tests.conftest import load_seeds

pytestmark = pytest.mark.django_db(transaction=True)

KEPT: list[type[models.Model]] = [
    Document,
    DocumentVersion,
    Comparison,
    ShareLink,
    Annotation,
    AnnotationEvent,
    User,
]


def snapshot() -> dict[str, list[dict[str, Any]]]:
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in KEPT}


@pytest.fixture
def corpus(moderator: User) -> dict[str, list[dict[str, Any]]]:
    seeds = load_seeds()
    comparison = get_or_compute(seeds["001"].current_version, seeds["000"].current_version)
    create_link(comparison, moderator, 7)
    version = seeds["001"].current_version
    start = version.text.index("Home Secretary")
    target = workflow.target_from_span(version, start, start + len("Home Secretary"), None)
    label = Label.objects.get(slug="changed-figure")
    workflow.do_create_annotation(moderator, target, label, note="Check the title.")
    before = snapshot()
    assert all(before[m.__name__] for m in KEPT)
    return before


def test_backup_wipe_restore_gives_back_every_row(
    corpus: dict[str, list[dict[str, Any]]], tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "staged").mkdir(parents=True)
    (tmp_path / "media" / "staged" / "waiting.txt").write_text("an upload waiting")
    call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())
    (folder,) = (tmp_path / "backups").iterdir()

    call_command("flush", interactive=False, verbosity=0)
    (tmp_path / "media" / "staged" / "waiting.txt").unlink()
    assert not Document.objects.exists()

    restore(folder)

    assert snapshot() == corpus
    assert (tmp_path / "media" / "staged" / "waiting.txt").read_text() == "an upload waiting"


def test_a_folder_that_is_no_backup_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="not a Provenance backup"):
        restore(tmp_path)
