"""The graph's SVG is sanitised: hostile titles and hostile SVG come out inert."""

from __future__ import annotations

import re
import shutil

import pytest
from lxml import etree

from discovery.graph import build_graph, to_dot
from discovery.svg_clean import ATTRIBUTES, SVG_NS, TAGS, SvgError, Target, clean_svg
from tests.conftest import make_document

HOSTILE_TITLE = (
    '<script>alert(1)</script> "onload="alert(2)" \\" ] ; x -> y [URL="javascript:alert(3)"'
    " <img src=x onerror=alert(4)> &amp; javascript:alert(5)"
)


def _assert_inert(svg: str, allowed_hrefs: set[str]) -> etree._Element:
    root = etree.fromstring(svg.encode())
    for element in root.iter():
        name = element.tag.split("}", 1)[1]
        assert element.tag.startswith(f"{{{SVG_NS}}}") and (name in TAGS or name == "a"), name
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith("on"), attribute
            assert attribute in ATTRIBUTES | {"id", "class", "href", "role", "aria-label"}
            if attribute == "href":
                assert value in allowed_hrefs
            elif attribute != "aria-label":
                assert not re.search(r"(?i)javascript|url\(", value), (attribute, value)
    return root


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_a_hostile_title_is_drawn_as_plain_text(admin_member: object) -> None:
    document = make_document(HOSTILE_TITLE, "Some text about nothing in particular.")
    graph = build_graph([document], "Hostile", admin_member)  # type: ignore[arg-type]
    assert graph.problem == "" and graph.svg is not None
    root = _assert_inert(str(graph.svg), {document.get_absolute_url()})
    assert "<script" not in str(graph.svg) and "<img" not in str(graph.svg)
    # The words survive as text (escaped), so the reader still sees what the title says.
    lines = [t.text or "" for t in root.iter(f"{{{SVG_NS}}}text")]
    assert "<script>alert(1)</script>" in " ".join(lines)
    titles = [t.text or "" for t in root.iter(f"{{{SVG_NS}}}title")]
    assert any(t.startswith(HOSTILE_TITLE) for t in titles)


def test_the_dot_text_escapes_every_label() -> None:
    from datetime import date

    from documents.models import Document

    document = Document(pk=7, title=HOSTILE_TITLE, kind="article", published_on=date(2024, 1, 2))
    text = to_dot([document], [])
    # The title stays inside one quoted DOT string: nothing after it but the closing bracket.
    found = re.search(
        r'"doc-7" \[id="doc-7", class="doc kind-article", label="((?:[^"\\]|\\.)*)"\];', text
    )
    assert found is not None
    assert "URL" not in text.replace(found.group(1), "")
    decoded = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), found.group(1))
    *title_lines, kind_line = decoded.split("\n")
    assert " ".join(HOSTILE_TITLE.split()).startswith(" ".join(title_lines).rstrip("…"))
    assert kind_line == "Article"


HOSTILE_SVG = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY lol "lollollol">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="100pt" height="50pt" viewBox="0 0 100 50" onload="alert(1)">
  <script>alert(2)</script>
  <style>text { background: url(http://evil.example/) }</style>
  <g id="doc-3" class="node" onclick="alert(3)" style="fill:red">
    <title>doc-3</title>
    <a xlink:href="javascript:alert(4)" href="http://evil.example/">
      <text x="1" y="2">&secret;&lol;</text></a>
    <polygon points="0,0 10,0 10,10" fill="url(http://evil.example/#x)" stroke="#000"/>
  </g>
  <g id="sneaky" class="edge"><foreignObject><div>html</div></foreignObject>
    <use href="http://evil.example/sprite.svg#a"/><image href="http://evil.example/x.png"/>
    <path d="M0,0 L5,5" stroke="javascript:alert(5)" fill="none"/>
  </g>
  <!-- a comment --><?pi nothing?>
</svg>"""


def test_hostile_svg_keeps_only_whitelisted_drawing() -> None:
    svg = clean_svg(HOSTILE_SVG, {"doc-3": Target("A <b>title</b>", "/documents/3/")}, "Graph")
    root = _assert_inert(svg, {"/documents/3/"})
    for word in ("script", "style", "foreignObject", "use", "image", "evil", "passwd", "onload"):
        assert word not in svg
    assert 'fill="url' not in svg and "javascript" not in svg
    node = root.find(f".//{{{SVG_NS}}}g[@id='doc-3']")
    assert node is not None
    # Our title and our link replace whatever the SVG carried.
    title = node.find(f"{{{SVG_NS}}}title")
    assert title is not None and title.text == "A <b>title</b>"
    links = node.findall(f"{{{SVG_NS}}}a")
    assert [a.get("href") for a in links] == ["/documents/3/"]
    # The unknown id is dropped; the shape's safe attributes stay.
    assert root.find(f".//{{{SVG_NS}}}g[@id='sneaky']") is None
    assert root.find(f".//{{{SVG_NS}}}polygon").get("points") == "0,0 10,0 10,10"  # type: ignore[union-attr]
    assert root.get("viewBox") == "0 0 100 50"


def test_unreadable_or_foreign_documents_are_refused() -> None:
    with pytest.raises(SvgError):
        clean_svg(b"<svg", {}, "Graph")
    with pytest.raises(SvgError):
        clean_svg(b"<html><body>hi</body></html>", {}, "Graph")
