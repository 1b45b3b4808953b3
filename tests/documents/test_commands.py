from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document, DocumentVersion
from tests.documents.factories import ARTICLE, docx_bytes, zip_bytes

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_load_demo_brings_in_the_five_seeds_with_their_metadata() -> None:
    run("load_demo")
    documents = {d.title: d for d in Document.objects.select_related("outlet")}
    release = documents[
        "UK-France joint statement: enhancing co-operation against illegal migration"
    ]
    assert release.kind == "press_release"
    assert release.outlet.name == "GOV.UK (Home Office)"
    assert str(release.published_on) == "2022-11-14"
    independent = documents["Cleverly says French efforts on illegal migration exemplary"]
    assert independent.outlet.name == "The Independent"
    assert independent.author == "Dominic McGrath"
    assert independent.published_at.isoformat() == "2024-01-31T03:53:00+00:00"
    kinds = sorted(d.kind for d in documents.values())
    assert kinds == ["article", "article", "article", "press_release", "press_release"]
    assert Document.objects.press_releases().count() == 2
    assert Document.objects.articles().count() == 3


def test_load_demo_twice_adds_nothing() -> None:
    run("load_demo")
    output = run("load_demo")
    assert Document.objects.count() == 5
    assert DocumentVersion.objects.count() == 5
    assert output.count("duplicate") == 5


def test_import_documents_reads_files_and_reports_each(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="cp1252")
    (tmp_path / "release.docx").write_bytes(docx_bytes(["A release about the harbour."]))
    output = run("import_documents", str(tmp_path), "--kind", "article", "--outlet", "The Paper")
    assert "2 added" in output
    assert Document.objects.filter(outlet__name="The Paper", kind="article").count() == 2


def test_import_documents_sets_metadata_for_a_single_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    run("import_documents", str(path), "--url", "https://example.org/s", "--title", "Story",
        "--published", "2024-01-31")  # fmt: skip
    document = Document.objects.get()
    assert (document.url, document.title, str(document.published_on)) == (
        "https://example.org/s", "Story", "2024-01-31",
    )  # fmt: skip


def test_import_documents_reports_rejections_and_fails(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "bad.txt").write_bytes(b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(CommandError, match=r"1 added.*1 rejected"):
        run("import_documents", str(tmp_path))
    assert Document.objects.count() == 1


def test_import_documents_reads_zips_and_manifests(tmp_path: Path) -> None:
    (tmp_path / "a.zip").write_bytes(zip_bytes({"one.txt": b"The first zipped story."}))
    (tmp_path / "story.txt").write_text(ARTICLE)
    manifest = tmp_path / "list.jsonl"
    manifest.write_text(
        json.dumps({"file": "story.txt", "title": "From manifest", "kind": "statement"}) + "\n"
    )
    output = run("import_documents", str(tmp_path / "a.zip"), str(manifest))
    assert "2 added" in output
    assert Document.objects.get(title="From manifest").kind == "statement"


def test_import_documents_refuses_a_missing_path() -> None:
    with pytest.raises(CommandError, match="no such file"):
        run("import_documents", "/nonexistent/file.txt")


def test_url_and_title_options_need_a_single_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="single file"):
        run("import_documents", str(tmp_path), "--url", "https://example.org/")
