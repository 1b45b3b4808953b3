"""A PDF is read within bounds: pages, characters and seconds are checked while it is read,
so a small file that repeats one content stream on thousands of pages is refused at once."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PageObject, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from documents.errors import RejectedInput
from documents.extract import extract

LINES = 30  # about 1,450 characters a page


def repeated_stream_pdf(pages: int) -> bytes:
    """A PDF whose pages all share one content stream (the 334 KB, 2,000-page attack)."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    shows = " ".join(
        f"(The same line of words on every page, number {i}.) Tj 0 -12 Td" for i in range(LINES)
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 10 Tf 20 800 Td {shows} ET".encode())
    content = writer._add_object(stream)
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    for _ in range(pages):
        page = writer.add_blank_page(612, 842)
        page[NameObject("/Contents")] = content
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def pages_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the pages whose text is extracted."""
    calls: list[int] = []
    real = PageObject.extract_text

    def counted(self: PageObject, *args: Any, **kwargs: Any) -> str:
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counted)
    return calls


def test_two_thousand_pages_sharing_one_stream_are_refused_before_any_is_read(
    pages_read: list[int],
) -> None:
    data = repeated_stream_pdf(2000)
    assert len(data) < 400_000
    with pytest.raises(RejectedInput, match="2,000 pages; we read at most 500"):
        extract(data, "report.pdf")
    assert pages_read == []


def test_reading_stops_at_the_character_limit_not_after_the_whole_file(
    pages_read: list[int],
) -> None:
    with pytest.raises(RejectedInput, match="past 100,000 characters"):
        extract(repeated_stream_pdf(400), "report.pdf", max_chars=100_000)
    # About 1,450 characters a page: the limit is passed on page 69 or so, of 400.
    assert len(pages_read) < 100


def test_reading_stops_when_the_time_runs_out(pages_read: list[int], settings: Any) -> None:
    settings.EXTRACT_MAX_SECONDS = 0
    with pytest.raises(RejectedInput, match="too long to read"):
        extract(repeated_stream_pdf(50), "report.pdf")
    assert len(pages_read) == 1


def test_a_pdf_within_the_bounds_is_read_whole(settings: Any) -> None:
    extracted = extract(repeated_stream_pdf(5), "report.pdf")
    assert extracted.text.count("number 29.") == 5


def test_other_types_are_held_to_the_character_limit_too() -> None:
    with pytest.raises(RejectedInput, match="we take at most 1,000"):
        extract(("word " * 400).encode(), "note.txt", max_chars=1_000)
