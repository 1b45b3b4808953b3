from __future__ import annotations

import codecs

import pytest

from documents.extract import RejectedInput, extract
from tests.documents.factories import (
    ARTICLE,
    ARTICLE_HTML,
    docx_bytes,
    pdf_bytes,
    scanned_pdf_bytes,
    zip_bytes,
)

QUOTED = "The minister said: \u201cWe will act\u201d \u2013 and the caf\u00e9 closed."


def rejected(data: bytes, filename: str = "") -> str:
    with pytest.raises(RejectedInput) as caught:
        extract(data, filename)
    return caught.value.message


@pytest.mark.parametrize(
    ("encoded", "expected_encoding"),
    [
        (QUOTED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + QUOTED.encode("utf-8"), "utf-8"),
        (QUOTED.encode("utf-16"), "utf-16"),
        (QUOTED.encode("utf-16-le"), "utf-16-le"),
        (QUOTED.encode("cp1252"), "cp1252"),
    ],
)
def test_text_files_are_decoded_whatever_their_encoding(
    encoded: bytes, expected_encoding: str
) -> None:
    result = extract(encoded, "note.txt")
    assert result.text == QUOTED
    assert expected_encoding in result.content_type


def test_latin1_text_is_decoded() -> None:
    text = "Le caf\u00e9 de la gare est ferm\u00e9 \u00e0 No\u00ebl; \u00a3500 d'amende."
    assert extract(text.encode("latin-1"), "note.txt").text == text


def test_windows_line_endings_are_normalised() -> None:
    assert extract(b"one\r\ntwo\r\n", "a.txt").text == "one\ntwo"


def test_html_main_text_and_metadata_are_extracted() -> None:
    result = extract(ARTICLE_HTML.encode(), "page.html")
    assert "Officers will patrol the beaches every night" in result.text
    assert "Home | News" not in result.text
    assert "Copyright" not in result.text
    assert result.metadata.title == "Coast plan announced"
    assert result.metadata.author == "Jane Doe"
    assert result.metadata.outlet == "The Paper"
    assert result.metadata.published == "2024-01-31T09:30:00+00:00"
    assert result.metadata.language == "en"
    assert "<p>Officers will patrol" in result.display_html


def test_html_is_recognised_by_content_whatever_the_name() -> None:
    assert extract(ARTICLE_HTML.encode(), "page.txt").content_type.startswith("text/html")


def test_a_short_html_fragment_is_still_read() -> None:
    result = extract(b"<html><body><p>Just one short line.</p></body></html>", "a.html")
    assert result.text == "Just one short line."


def test_html_with_a_comment_before_the_root_is_read() -> None:
    # Browsers write "<!-- saved from url=… -->" there; that comment has no parent element.
    page = b"<!-- saved from url=(0014)about:internet --><html><body><p>Kept.</p></body></html>"
    assert extract(page, "saved.html").text == "Kept."


def test_malformed_html_without_text_is_rejected() -> None:
    message = rejected(b"<html><body><<<>>><div><script>x</script></div", "bad.html")
    assert "no readable text" in message


def test_markdown_is_read_as_text_with_display_html() -> None:
    source = "# Coast plan\n\nThe minister **announced** a plan.\n\n- one\n- two\n"
    result = extract(source.encode(), "plan.md")
    assert result.text == "Coast plan\n\nThe minister announced a plan.\n\none\n\ntwo"
    assert result.metadata.title == "Coast plan"
    assert "<strong>announced</strong>" in result.display_html


def test_docx_paragraphs_and_properties_are_read() -> None:
    data = docx_bytes(ARTICLE.split("\n\n"), title="Coast plan", author="Press Office")
    result = extract(data, "release.docx")
    assert result.text == ARTICLE
    assert result.metadata.title == "Coast plan"
    assert result.metadata.author == "Press Office"


def test_pdf_text_layer_is_read() -> None:
    result = extract(pdf_bytes(["Coast plan announced", "Officers will patrol."]), "r.pdf")
    assert result.text == "Coast plan announced\nOfficers will patrol."
    assert result.content_type == "application/pdf"


def test_a_scanned_pdf_says_it_has_no_text_layer() -> None:
    assert "no text layer" in rejected(scanned_pdf_bytes(), "scan.pdf")


def test_a_damaged_pdf_is_rejected() -> None:
    assert "PDF" in rejected(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "x.pdf")


def test_an_empty_file_is_rejected() -> None:
    assert "empty" in rejected(b"", "empty.txt")
    assert "empty" in rejected(b"  \n\n ", "blank.txt")


def test_a_file_over_the_limit_is_rejected(settings: object) -> None:
    settings.UPLOAD_MAX_BYTES = 1000
    assert "the limit is" in rejected(b"a" * 1001, "big.txt")


def test_an_executable_renamed_txt_is_rejected() -> None:
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
    message = rejected(exe + b"This program cannot be run in DOS mode.", "notes.txt")
    assert "Windows program" in message


def test_an_image_is_rejected() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
    assert "cannot read this kind of file" in rejected(png, "photo.txt")


def test_undecodable_bytes_are_rejected() -> None:
    noise = bytes(range(1, 32)) * 40
    assert "not readable text" in rejected(noise, "noise.txt")


def test_a_zip_is_not_a_single_document() -> None:
    assert "bulk import" in rejected(zip_bytes({"a.txt": b"hello"}), "a.zip")


def test_a_file_named_pdf_that_is_not_a_pdf_is_rejected() -> None:
    assert "not a PDF" in rejected(b"hello there", "report.pdf")


def test_a_damaged_docx_is_rejected() -> None:
    broken = zip_bytes({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x/>"})
    assert "Word document" in rejected(broken, "broken.docx")


def test_an_old_word_file_is_rejected_with_advice() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    assert ".docx" in rejected(ole, "old.doc")
