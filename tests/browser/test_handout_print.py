"""The printed handout, as Chromium prints it: findings in the page's order, both texts in
full with the changes marked in ways that survive greyscale, and a full first page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.render import FINDING_LABELS
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext")


def ink_bottom(pgm: bytes) -> float:
    """How far down the page (0–1) its lowest dark pixel is, from a binary greyscale PGM."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:  # magic, width, height, maxval; comments start with #
        while pgm[pos : pos + 1].isspace():
            pos += 1
        if pgm[pos : pos + 1] == b"#":
            pos = pgm.index(b"\n", pos) + 1
            continue
        end = pos
        while not pgm[end : end + 1].isspace():
            end += 1
        fields.append(pgm[pos:end])
        pos = end
    width, height = int(fields[1]), int(fields[2])
    pixels = pgm[pos + 1 :]
    for row in range(height - 1, -1, -1):
        if min(pixels[row * width : (row + 1) * width]) < 160:
            return (row + 1) / height
    return 0.0


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("pair", ["000", "002"])
def test_the_printed_handout(
    pages: Pages, educator: User, screenshots: Path, tmp_path: Path, pair: str
) -> None:
    if not POPPLER:
        pytest.skip("poppler-utils is not installed (scripts/test installs it).")
    seeds = load_seeds()
    comparison = get_or_compute(seeds["001"].current_version, seeds[pair].current_version)
    page = pages.open(f"/comparisons/{comparison.pk}/handout/", educator)
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages_text = text.split("\f")
    # Findings in the findings panel's order (the engine's ranking), on page 1.
    first = pages_text[0].lower()
    places = [first.find(FINDING_LABELS[f.type]) for f in comparison.engine_result.findings]
    assert -1 not in places and places == sorted(places), places
    # The appendix holds both texts whole, and names each change in brackets.
    assert "Appendix: the two texts in full" in text
    printed = flat(text.split("Appendix: the two texts in full")[1]).replace("- ", "-")
    for version in (comparison.source_version, comparison.derivative_version):
        last = [line for line in version.text.splitlines() if line.strip()][-1]
        assert flat(last)[-40:] in printed, last
    assert "[omitted:" in printed
    # Page 1 is full: its ink reaches the bottom margin's neighbourhood.
    image = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(pdf), str(image)], check=True
    )
    pgm = next(tmp_path.glob("page*.pgm"))
    # (A4 with 14 mm margins: text can reach 0.95; a row pushed whole to page 2 left ~0.88.)
    assert ink_bottom(pgm.read_bytes()) > 0.9
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(pdf), str(screenshots / f"handout-001-{pair}")],
        check=True,
    )
    assert pages.errors == []
