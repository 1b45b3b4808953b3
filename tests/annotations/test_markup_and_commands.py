"""Markdown notes are rendered through the sanitiser; the export and import commands."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from annotations.markup import render_markdown
from annotations.models import Annotation
from documents.models import DocumentVersion
from tests.annotations.conftest import AnnotateFn


def test_markdown_keeps_formatting_and_drops_scripts_and_bad_links() -> None:
    html = render_markdown(
        "**Bold** and [a link](https://example.org).\n\n"
        "<script>alert(1)</script> [bad](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    assert "<strong>Bold</strong>" in html
    assert '<a href="https://example.org">a link</a>' in html
    assert "<script" not in html and "javascript:" not in html
    assert "<img" not in html and "onerror" not in html


def test_an_empty_note_renders_nothing() -> None:
    assert render_markdown("  \n") == ""


@pytest.mark.django_db
def test_the_commands_export_and_reimport_a_document(
    tmp_path: Path, release: DocumentVersion, moderator: User, annotate: AnnotateFn
) -> None:
    annotate(moderator, release, "increase by 40%", note="Check the figure.")
    target = tmp_path / "out.jsonld"
    call_command("export_annotations", "--document", str(release.document_id), "-o", str(target))
    assert json.loads(target.read_text())["total"] == 1
    Annotation.objects.all().delete()
    out = StringIO()
    call_command("import_annotations", str(target), "--as", moderator.username, stdout=out)
    assert "Imported 1 annotations" in out.getvalue()
    imported = Annotation.objects.get()
    assert (imported.note, imported.created_by) == ("Check the figure.", moderator)
