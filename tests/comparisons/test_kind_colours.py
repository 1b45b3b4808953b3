"""The stylesheet's kind colours stay apart for readers with a colour-vision deficiency."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from coloraide import Color
from django.conf import settings

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
# The kinds a reader must tell apart: passage kinds and the replaced quotation.
KINDS = ("verbatim", "reused", "altered", "paraphrased", "trimmed", "omitted", "added", "replaced")
MIN_DISTANCE = 10.0  # CIEDE2000; about 2.3 is a just-noticeable difference

# Simulation matrices for protanopia, deuteranopia and tritanopia at severity 1.0, from
# G. M. Machado, M. M. Oliveira and L. A. F. Fernandes, "A Physiologically-based Model for
# Simulation of Color Vision Deficiency", IEEE Transactions on Visualization and Computer
# Graphics 15(6), 2009, pp. 1291–1298 (the paper's table of precomputed matrices). They
# apply to linear RGB.
MACHADO_2009 = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def kind_colours(css: str) -> dict[str, str]:
    """Read `--kind-NAME: #hex` from the stylesheet (the strong colour, not the tint)."""
    found = dict(re.findall(r"--kind-([a-z]+):\s*(#[0-9a-fA-F]{3,6})\b", css))
    return {kind: found[kind] for kind in KINDS if kind in found}


def simulate(colour: str, matrix: tuple[tuple[float, ...], ...] | None) -> Color:
    if matrix is None:
        return Color(colour)
    linear = Color(colour).convert("srgb-linear")
    rgb = [linear["red"], linear["green"], linear["blue"]]
    out = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix]
    return Color("srgb-linear", out)


def test_the_stylesheet_defines_every_kind_colour() -> None:
    assert set(kind_colours(STYLESHEET.read_text())) == set(KINDS)


@pytest.mark.parametrize("vision", [None, *MACHADO_2009])
def test_every_pair_of_kind_colours_stays_apart(vision: str | None) -> None:
    colours = kind_colours(STYLESHEET.read_text())
    matrix = MACHADO_2009[vision] if vision else None
    seen = {kind: simulate(hex_, matrix) for kind, hex_ in colours.items()}
    close = []
    for (a, ca), (b, cb) in itertools.combinations(seen.items(), 2):
        distance = ca.delta_e(cb, method="2000")
        if distance < MIN_DISTANCE:
            close.append(f"{a}/{b}: {distance:.1f}")
    assert close == [], f"too close under {vision or 'normal vision'}: {close}"


def test_badge_text_is_legible_on_every_kind_colour() -> None:
    # Badges print white text on the kind colour: WCAG AA for normal text.
    for kind, hex_ in kind_colours(STYLESHEET.read_text()).items():
        assert Color(hex_).contrast("white") >= 4.5, kind


def test_the_simulation_merges_what_a_deuteranope_cannot_tell_apart() -> None:
    # A check on the check: red and green, far apart normally, come close in deuteranopia.
    red, green = "#c0392b", "#5a8f29"
    normal = Color(red).delta_e(green, method="2000")
    deutan = simulate(red, MACHADO_2009["deuteranopia"]).delta_e(
        simulate(green, MACHADO_2009["deuteranopia"]), method="2000"
    )
    assert normal > 30 and deutan < normal / 2
