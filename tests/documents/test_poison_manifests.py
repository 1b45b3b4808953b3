"""A manifest built to break its reader ends the job failed, with a message in words;
an unexpected error mid-import does too, and keeps the items already imported."""

from __future__ import annotations

import json
from typing import Any

import pytest

from documents import bulk
from documents.bulk import create_job
from documents.metadata import Metadata
from documents.models import Document, ImportJob

pytestmark = pytest.mark.django_db

GOOD = json.dumps({"title": "One", "text": "The first story in the manifest."})


def run(name: str, data: bytes, kind: str, capture: Any) -> ImportJob:
    with capture(execute=True):
        job = create_job(name, data, kind, Metadata())
    job.refresh_from_db()
    return job


@pytest.mark.parametrize(
    ("poison", "words"),
    [
        ('{"title": "Big", "text": "x", "n": ' + "9" * 5000 + "}", "too many digits"),
        ('{"text": "x", "deep": ' + "[" * 200_000 + "]" * 200_000 + "}", "nest too deep"),
    ],
)
def test_a_poison_jsonl_line_fails_the_job_with_a_message(
    poison: str, words: str, django_capture_on_commit_callbacks: Any
) -> None:
    data = (GOOD + "\n" + poison + "\n").encode()
    job = run("m.jsonl", data, "jsonl", django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.FAILED
    assert words in job.error and "Line 2" in job.error


def test_a_csv_field_over_the_readers_limit_fails_the_job_with_a_message(
    django_capture_on_commit_callbacks: Any,
) -> None:
    data = ("title,text\nShort,A short story.\nHuge," + "x" * (200 * 1024) + "\n").encode()
    job = run("m.csv", data, "csv", django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.FAILED
    assert "longer than 128 KiB" in job.error


def test_an_unexpected_error_mid_import_fails_the_job_and_keeps_what_was_imported(
    django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = bulk._import_item
    calls = []

    def second_one_breaks(*args: Any) -> bool:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(*args)

    monkeypatch.setattr(bulk, "_import_item", second_one_breaks)
    second = json.dumps({"title": "Two", "text": "The second story in the manifest."})
    job = run(
        "m.jsonl", (GOOD + "\n" + second).encode(), "jsonl", django_capture_on_commit_callbacks
    )
    assert job.status == ImportJob.Status.FAILED
    assert "after 1 of 2 items" in job.error and "kept" in job.error
    assert Document.objects.filter(title="One").exists()
