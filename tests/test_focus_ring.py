"""The focus ring has 3:1 (WCAG 2.2) against white and every light panel the stylesheet paints."""

from __future__ import annotations

import re
from pathlib import Path

from coloraide import Color
from django.conf import settings

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
MIN_CONTRAST = 3.0  # WCAG 2.2, 1.4.11 non-text contrast and 2.4.13 focus appearance
# A background this light (relative luminance) is a page or a panel a ring can sit on;
# darker fills are buttons, swatches and heat-map cells, which the ring's offset clears.
LIGHT = 0.5
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|var\(--[\w-]+\)")


def _rules(css: str) -> list[tuple[str, str]]:
    """Return (selector, declarations) for every innermost rule, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [(s.strip(), d) for s, d in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


def _properties(rules: list[tuple[str, str]]) -> dict[str, str]:
    """The custom properties set on :root, the last setting winning as in the cascade."""
    found: dict[str, str] = {}
    for selector, body in rules:
        if selector == ":root":
            found.update(re.findall(r"(--[\w-]+)\s*:\s*([^;]+)", body))
    return {name: value.strip() for name, value in found.items()}


def _colours(value: str, props: dict[str, str]) -> list[str]:
    out = []
    for token in COLOUR.findall(value):
        if token.startswith("var("):
            token = props.get(token[4:-1], "")
        if token.startswith("#"):
            out.append(token)
    return out


def _stylesheet() -> tuple[list[tuple[str, str]], dict[str, str]]:
    rules = _rules(STYLESHEET.read_text(encoding="utf-8"))
    return rules, _properties(rules)


def focus_colours() -> set[str]:
    """Every outline colour a :focus or :focus-visible rule draws."""
    rules, props = _stylesheet()
    found = set()
    for selector, body in rules:
        if ":focus" in selector:
            for outline in re.findall(r"outline(?:-color)?\s*:\s*([^;]+)", body):
                found.update(_colours(outline, props))
    return found


def panel_backgrounds() -> set[str]:
    """White and every light colour the stylesheet paints behind content."""
    rules, props = _stylesheet()
    found = {"#ffffff", props["--paper"]}
    for _, body in rules:
        for fill in re.findall(r"background(?:-color)?\s*:\s*([^;]+)", body):
            found.update(c for c in _colours(fill, props) if Color(c).luminance() >= LIGHT)
    return found


def test_the_stylesheet_has_a_focus_ring_and_panels_to_check() -> None:
    assert focus_colours(), "no :focus-visible outline found"
    # The tinted panels the issue names: messages, the annotation highlight, the kind tints.
    assert {"#eef4fb", "#fbeeee", "#eadcf7"} <= panel_backgrounds()


def test_every_focus_ring_has_3_to_1_against_every_light_background() -> None:
    too_faint = [
        (ring, panel, round(Color(ring).contrast(panel, method="wcag21"), 2))
        for ring in sorted(focus_colours())
        for panel in sorted(panel_backgrounds())
        if Color(ring).contrast(panel, method="wcag21") < MIN_CONTRAST
    ]
    assert too_faint == []
