from __future__ import annotations

import io
import json
import zipfile

import pytest

from documents.bulk import create_job, run_items
from documents.errors import RejectedInput
from documents.extract import read_member
from documents.metadata import Metadata
from documents.models import Document, ImportItem, ImportJob, ImportPayload
from tests.documents.factories import ARTICLE, docx_bytes, zip_bytes

pytestmark = pytest.mark.django_db


def run_zip(data: bytes, django_capture_on_commit_callbacks: object) -> ImportJob:
    with django_capture_on_commit_callbacks(execute=True):
        job = create_job("test.zip", data, "zip", Metadata(kind="article"))
    job.refresh_from_db()
    return job


def outcomes(job: ImportJob) -> dict[str, tuple[str, str]]:
    return {item.name: (item.outcome, item.reason) for item in job.items.all()}


def test_a_zip_with_a_bad_member_imports_the_rest(
    django_capture_on_commit_callbacks: object,
) -> None:
    data = zip_bytes(
        {
            "one.txt": ARTICLE.encode(),
            "two.docx": docx_bytes(["A second story, about the harbour and its boats."]),
            "evil.txt": b"MZ\x90\x00" + b"\x00" * 200,
            "empty.txt": b"",
            "copy.txt": ARTICLE.encode(),
            ".DS_Store": b"\x00\x00junk",
        }
    )
    job = run_zip(data, django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.DONE
    result = outcomes(job)
    assert result["one.txt"][0] == "added"
    assert result["two.docx"][0] == "added"
    assert result["evil.txt"][0] == "rejected"
    assert "Windows program" in result["evil.txt"][1]
    assert result["empty.txt"] == ("rejected", "“empty.txt” is empty.")
    assert result["copy.txt"][0] == "duplicate"
    assert ".DS_Store" not in result
    assert (job.total, job.processed, job.added, job.duplicates, job.rejected) == (5, 5, 2, 1, 2)
    assert Document.objects.count() == 2
    assert not ImportPayload.objects.filter(job=job).exists()


def test_zip_path_tricks_are_rejected(django_capture_on_commit_callbacks: object) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../etc/passwd.txt", b"root:x:0:0")
        archive.writestr("/abs/path.txt", b"absolute")
        archive.writestr("..\\windows.txt", b"backslash")
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
        archive.writestr("fine.txt", b"A perfectly fine story about boats.")
    job = run_zip(buffer.getvalue(), django_capture_on_commit_callbacks)
    result = outcomes(job)
    assert result["../../etc/passwd.txt"][0] == "rejected"
    assert "climbs out" in result["../../etc/passwd.txt"][1]
    assert "absolute" in result["/abs/path.txt"][1]
    assert "climbs out" in result["..\\windows.txt"][1]
    assert "symbolic link" in result["link.txt"][1]
    assert result["fine.txt"][0] == "added"


def test_a_zip_bomb_member_is_rejected_by_its_ratio(
    django_capture_on_commit_callbacks: object,
) -> None:
    data = zip_bytes({"bomb.txt": b"a" * (5 * 1024 * 1024), "fine.txt": ARTICLE.encode()})
    job = run_zip(data, django_capture_on_commit_callbacks)
    result = outcomes(job)
    assert result["bomb.txt"][0] == "rejected"
    assert "zip bomb" in result["bomb.txt"][1]
    assert result["fine.txt"][0] == "added"


def test_a_member_that_lies_about_its_size_is_rejected() -> None:
    data = zip_bytes({"liar.txt": b"b" * 5000}, compression=zipfile.ZIP_STORED)
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.infolist()[0]
    info.file_size = 100  # as a forged central directory would declare
    with pytest.raises(RejectedInput, match="declared size"):
        read_member(archive, info)


def test_an_archive_declaring_too_much_is_refused_whole(
    settings: object, django_capture_on_commit_callbacks: object
) -> None:
    settings.UPLOAD_MAX_BYTES = 1000
    data = zip_bytes({f"f{n}.txt": b"x" * 900 for n in range(20)})
    job = run_zip(data, django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.FAILED
    assert "over the" in job.error
    assert not job.items.exists()


def test_a_damaged_zip_fails_the_job_with_a_message(
    django_capture_on_commit_callbacks: object,
) -> None:
    job = run_zip(b"PK\x03\x04 not really a zip", django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.FAILED
    assert "damaged" in job.error


def test_a_csv_manifest_imports_each_row(django_capture_on_commit_callbacks: object) -> None:
    manifest = (
        "title,kind,outlet,published,text,file\n"
        "Pasted story,press_release,GOV.UK,2024-01-31,The first pasted story text.,\n"
        "From file,article,The Paper,31 January 2024,,story.txt\n"
        "Bad date,article,The Paper,31st Smarch,Text with a bad date.,\n"
        "Missing file,article,,,,nowhere.txt\n"
        "Nothing,article,,,,\n"
    )
    data = zip_bytes({"manifest.csv": manifest.encode(), "story.txt": ARTICLE.encode()})
    job = run_zip(data, django_capture_on_commit_callbacks)
    items = list(job.items.all())
    assert [item.outcome for item in items] == [
        "added",
        "added",
        "rejected",
        "rejected",
        "rejected",
    ]
    assert "not a date we understand" in items[2].reason
    assert "not in the archive" in items[3].reason
    assert "no text, file or url" in items[4].reason
    pasted = Document.objects.get(title="Pasted story")
    assert pasted.kind == "press_release"
    assert pasted.outlet.name == "GOV.UK"
    assert str(pasted.published_on) == "2024-01-31"


def test_a_jsonl_manifest_imports_each_line(django_capture_on_commit_callbacks: object) -> None:
    lines = [
        json.dumps({"title": "One", "text": "The first story in the manifest."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps(
            {"title": "Two", "text": "The second story in the manifest.", "kind": "statement"}
        ),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        job = create_job("m.jsonl", "\n".join(lines).encode(), "jsonl", Metadata())
    job.refresh_from_db()
    items = list(job.items.all())
    assert [item.outcome for item in items] == ["added", "rejected", "rejected", "added"]
    assert "not valid JSON" in items[1].reason
    assert Document.objects.get(title="Two").kind == "statement"


def test_a_manifest_without_a_content_column_fails_the_job(
    django_capture_on_commit_callbacks: object,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        job = create_job("m.csv", b"title,kind\nA,article\n", "csv", Metadata())
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "text, file or url column" in job.error


def test_progress_is_recorded_item_by_item() -> None:
    from documents.bulk import Item
    from documents.ingest import Submission

    job = ImportJob.objects.create(name="progress")
    seen: list[tuple[int, int]] = []

    def on_item(record: ImportItem) -> None:
        fresh = ImportJob.objects.get(pk=job.pk)
        seen.append((fresh.processed, fresh.total))

    items = [
        Item(f"item {n}", lambda n=n: Submission(text=f"Story {n} " + "words " * n * 5))
        for n in range(3)
    ]
    run_items(job, items, on_item=on_item)
    assert seen == [(1, 3), (2, 3), (3, 3)]
