"""Ingest stores no control characters: not in the title, the metadata or the text."""

from __future__ import annotations

import pytest

from documents.ingest import Status, Submission, ingest
from documents.metadata import Metadata

pytestmark = pytest.mark.django_db

TEXT = "Council opens new library\x1b in the town centre\n\nThe council opened a library today."


def test_a_text_file_whose_first_line_holds_an_escape_gets_a_clean_title() -> None:
    outcome = ingest(Submission(data=TEXT.encode(), filename="note.txt"), Metadata())
    assert outcome.status == Status.ADDED and outcome.document is not None
    assert outcome.document.title == "Council opens new library in the town centre"
    assert outcome.version is not None and "\x1b" not in outcome.version.text


def test_typed_metadata_is_cleaned_too() -> None:
    meta = Metadata(title="A\x00 title\x07", author="Ann\x1b Other", outlet="Daily\x0b News")
    outcome = ingest(Submission(text="Some plain words about a library."), meta)
    assert outcome.document is not None
    assert (outcome.document.title, outcome.document.author) == ("A title", "Ann Other")
    assert outcome.document.outlet is not None and outcome.document.outlet.name == "Daily News"
