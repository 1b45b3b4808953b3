from __future__ import annotations

from pathlib import Path

from django.conf import settings

from documents.display import paragraphs

SEEDS = Path(settings.BASE_DIR) / "demo" / "seeds"


def test_hard_wrapped_seed_001_is_reflowed_into_paragraphs() -> None:
    text = (SEEDS / "001_5d387909d68261b9.txt").read_text()
    found = paragraphs(text)
    assert found[0].text == "UK-France joint statement:"
    assert found[2].text.startswith("Numbers of officers in northern France will increase by 40%")
    assert found[2].text.endswith("following a new UK and France agreement signed today.")
    assert found[5].text == "Home Secretary  said:"
    assert (
        found[-1]
        .text.replace("\xa0", " ")
        .startswith("This includes the measures introduced through the Nationality")
    )
    assert len(found) == 18


def test_paragraph_offsets_point_into_the_text() -> None:
    text = (SEEDS / "001_5d387909d68261b9.txt").read_text()
    for paragraph in paragraphs(text):
        for line in paragraph.lines:
            assert text[line.start : line.end].strip() == text[line.start : line.end]
        joined = " ".join(text[line.start : line.end] for line in paragraph.lines)
        assert joined == paragraph.text


def test_one_paragraph_per_line_text_keeps_its_lines() -> None:
    text = (SEEDS / "000_2c9eaf67016cf026.txt").read_text()
    assert len(paragraphs(text)) == 12


def test_blank_lines_separate_paragraphs() -> None:
    found = paragraphs("First para.\n\nSecond para\ncontinues.")
    assert [p.text for p in found] == ["First para.", "Second para", "continues."]


def test_empty_text_has_no_paragraphs() -> None:
    assert paragraphs("") == []
