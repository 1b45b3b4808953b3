"""Sanitise the SVG Graphviz draws before a page shows it.

Graphviz copies our labels into its SVG; we escape them in the DOT text, and this
whitelist is the second wall: only drawing elements and presentation attributes
survive, never a script, an event handler, a style sheet, a foreign object or any
href. Links to document pages are added here, rebuilt from the ids we gave the
nodes, so no address in the picture ever comes from the SVG itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
TAGS = frozenset(
    {"svg", "g", "title", "polygon", "polyline", "path", "ellipse", "circle", "line", "rect"}
    | {"text", "tspan"}
)
ATTRIBUTES = frozenset(
    {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height"}
    | {"viewBox", "points", "d", "transform", "fill", "fill-opacity", "stroke"}
    | {"stroke-width", "stroke-dasharray", "stroke-opacity", "stroke-linecap"}
    | {"stroke-linejoin", "font-family", "font-size", "font-weight", "font-style"}
    | {"text-anchor", "text-decoration", "opacity", "preserveAspectRatio"}
)
# Values that could fetch, run or restyle something: refused wherever they appear.
ACTIVE = re.compile(r"(?i)url\s*\(|javascript|vbscript|data:|expression\s*\(|[<>\\]|&")
CLASS_RE = re.compile(r"^[A-Za-z0-9_ -]{1,120}$")
# Characters XML 1.0 cannot hold: lxml refuses to parse or set them, so one stray escape
# in a stored title would fail the whole page. They are dropped, never passed on.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
NOT_XML_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(value: str) -> str:
    return NOT_XML.sub("", value)


@dataclass(frozen=True)
class Target:
    """What a node or edge id stands for: its full title, and a page to link to (or "")."""

    title: str
    url: str = ""


class SvgError(ValueError):
    """The SVG could not be read."""


def _parser() -> etree.XMLParser:
    # No entities, no DTD, no network: dot's DOCTYPE names an external DTD we never fetch.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )


def _local(tag: object) -> str | None:
    """The SVG element's local name, or None for anything outside the SVG namespace."""
    if not isinstance(tag, str) or not tag.startswith("{" + SVG_NS + "}"):
        return None
    return tag.split("}", 1)[1]


def _copy_attributes(
    source: etree._Element, target: etree._Element, targets: Mapping[str, Target]
) -> None:
    for name, value in source.attrib.items():
        if not isinstance(name, str) or not isinstance(value, str):
            continue
        if name == "id":
            if value in targets:
                target.set("id", value)
        elif name == "class":
            if CLASS_RE.match(value):
                target.set("class", value)
        elif name in ATTRIBUTES and not ACTIVE.search(value):
            target.set(name, value)


def _copy(source: etree._Element, parent: etree._Element, targets: Mapping[str, Target]) -> None:
    name = _local(source.tag)
    if name is None or name not in TAGS:
        return  # dropped with everything inside it
    element = etree.SubElement(parent, f"{{{SVG_NS}}}{name}")
    _copy_attributes(source, element, targets)
    text = source.text if name in {"title", "text", "tspan"} else None
    element.text = xml_safe(text) if text else None
    for child in source:
        _copy(child, element, targets)
    target = targets.get(source.get("id") or "")
    if target is not None:
        _retitle_and_link(element, target)


def _retitle_and_link(element: etree._Element, target: Target) -> None:
    """Give the node or edge our own title and, for a node, our own link around its shapes."""
    for old in element.findall(f"{{{SVG_NS}}}title"):
        element.remove(old)
    title = etree.Element(f"{{{SVG_NS}}}title")
    title.text = xml_safe(target.title)
    element.insert(0, title)
    if not target.url:
        return
    link = etree.SubElement(element, f"{{{SVG_NS}}}a")
    link.set("href", xml_safe(target.url))
    link.set("aria-label", xml_safe(target.title))
    for child in list(element):
        if child is not title and child is not link:
            link.append(child)


def clean_svg(svg: str | bytes, targets: Mapping[str, Target], label: str) -> str:
    """The SVG with only whitelisted elements and attributes, titled and linked by `targets`.

    `targets` maps the ids we gave nodes and edges in the DOT text to their full titles
    and (nodes only) the address of their page; every other id is dropped.
    """
    data = NOT_XML_BYTES.sub(b"", svg.encode() if isinstance(svg, str) else svg)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise SvgError(f"unreadable SVG: {error}") from error
    if _local(root.tag) != "svg":
        raise SvgError("not an SVG document")
    clean = etree.Element(f"{{{SVG_NS}}}svg", nsmap={None: SVG_NS})  # type: ignore[dict-item]
    _copy_attributes(root, clean, {})
    clean.set("role", "group")
    clean.set("aria-label", xml_safe(label))
    for child in root:
        _copy(child, clean, targets)
    return etree.tostring(clean, encoding="unicode")
