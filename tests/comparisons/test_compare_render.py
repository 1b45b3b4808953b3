"""The HTML of comparison texts, from hand-built engine results (no engine run needed)."""

from __future__ import annotations

import itertools
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from comparisons import render
from provenance.engine import Comparison as EngineComparison
from provenance.engine import compare

SOURCE = "The Home Secretary, , is in France. We must act now.\nOld closing line."
DERIVATIVE = "The Home Secretary, Suella Braverman, is in France. Extra <b>line</b>."


def span(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def op(kind: str, s: list[int] | None, d: list[int] | None, trivial: bool = False) -> dict:
    return {"kind": kind, "source_span": s, "derivative_span": d, "trivial": trivial}


def result(**extra: Any) -> EngineComparison:
    s1 = span(SOURCE, "The Home Secretary, , is in France.")
    d1 = span(DERIVATIVE, "The Home Secretary, Suella Braverman, is in France.")
    data = {
        "schema": 1,
        "engine_version": "test",
        "passages": [
            {
                "kind": "altered",
                "source_span": s1,
                "derivative_span": d1,
                "similarity": 0.8,
                "ops": [
                    op(
                        "equal",
                        span(SOURCE, "The Home Secretary,"),
                        span(DERIVATIVE, "The Home Secretary,"),
                    ),
                    op("insert", None, span(DERIVATIVE, "Suella Braverman,")),
                    op("equal", span(SOURCE, "is in France."), span(DERIVATIVE, "is in France.")),
                ],
                "moved": True,
            },
            {
                "kind": "omitted",
                "source_span": span(SOURCE, "We must act now.\nOld closing line."),
                "derivative_span": None,
                "similarity": 0.0,
                "ops": [],
                "moved": False,
            },
            {
                "kind": "added",
                "source_span": None,
                "derivative_span": span(DERIVATIVE, "Extra <b>line</b>."),
                "similarity": 0.0,
                "ops": [],
                "moved": False,
            },
        ],
        "findings": [
            {
                "type": "name_added",
                "source_span": span(SOURCE, ", ,"),
                "derivative_span": span(DERIVATIVE, "Suella Braverman"),
                "message": "The release leaves the Home Secretary unnamed; the article names her.",
                "detail": {"name": "Suella Braverman"},
            }
        ],
        "stats": {
            "derivative_share": 0.6,
            "paraphrased_share": 0.0,
            "source_share": 0.5,
            "counts": {"altered": 1, "omitted": 1, "added": 1},
            "source_words": 12,
            "derivative_words": 10,
        },
    }
    data.update(extra)
    return EngineComparison.from_dict(data)


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_each_column_keeps_its_text_exactly() -> None:
    r = result()
    assert text_of(render.side_html(SOURCE, r, "source")) == SOURCE
    assert text_of(render.side_html(DERIVATIVE, r, "derivative")) == DERIVATIVE


def test_it_escapes_markup_in_document_text() -> None:
    html = render.side_html(DERIVATIVE, result(), "derivative")
    assert "<b>" not in html
    assert "&lt;b&gt;line&lt;/b&gt;" in html


def test_passages_carry_kind_index_and_label() -> None:
    html = render.side_html(DERIVATIVE, result(), "derivative")
    assert '<mark class="p k-altered moved" id="d-p0" data-p="0"' in html
    assert 'data-label="altered, moved"' in html
    assert 'class="p k-added" id="d-p2" data-p="2"' in html


def test_insertions_are_ins_and_findings_are_anchored() -> None:
    html = render.side_html(DERIVATIVE, result(), "derivative")
    match = re.search(r"<ins>(.*?)</ins>", html)
    assert match and text_of(match.group(1)) == "Suella Braverman,"
    assert 'id="d-f0" data-flabel="name added" data-f="0" data-type="name_added"' in html


def test_omitted_passage_shows_only_in_the_source_column() -> None:
    r = result()
    assert 'class="p k-omitted" id="s-p1"' in render.side_html(SOURCE, r, "source")
    assert "k-omitted" not in render.side_html(DERIVATIVE, r, "derivative")


def test_differences_only_folds_unchanged_text() -> None:
    r = EngineComparison.from_dict(
        {
            **result().to_dict(),
            "passages": [
                {
                    "kind": "verbatim",
                    "source_span": [0, 10],
                    "derivative_span": [0, 10],
                    "similarity": 1.0,
                    "ops": [],
                    "moved": False,
                },
                result().to_dict()["passages"][2],
            ],
            "findings": [],
        }
    )
    html = render.side_html(DERIVATIVE, r, "derivative", render.Options(only_diff=True))
    assert re.search(r"\[… \d+ words unchanged …\]", html)
    assert "k-verbatim" not in html
    assert "k-added" in html


def test_kind_filter_dims_other_kinds() -> None:
    html = render.side_html(
        DERIVATIVE, result(), "derivative", render.Options(kinds=frozenset({"added"}))
    )
    assert 'class="p k-altered moved dim"' in html
    assert 'class="p k-added" id' in html


def test_inline_view_strikes_the_omitted_source_text() -> None:
    html = render.inline_html(SOURCE, DERIVATIVE, result())
    assert "<del>We must act now." in text_of_tags(html)
    assert "<ins>Suella Braverman,</ins>" in text_of_tags(html)
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_inline_view_strikes_replaced_words_before_the_new_ones() -> None:
    source, derivative = "between the 2 countries", "between the two countries"
    r = EngineComparison.from_dict(
        {
            **result().to_dict(),
            "passages": [
                {
                    "kind": "altered",
                    "source_span": [0, len(source)],
                    "derivative_span": [0, len(derivative)],
                    "similarity": 0.9,
                    "ops": [
                        op("equal", [0, 11], [0, 11]),
                        op("replace", [12, 13], [12, 15]),
                        op("equal", [14, 23], [16, 25]),
                    ],
                    "moved": False,
                }
            ],
            "findings": [],
        }
    )
    html = render.inline_html(source, derivative, r)
    assert "between the <del>2</del><ins>two</ins> countries" in text_of_tags(html)


def text_of_tags(html: str) -> str:
    """Keep only ins/del tags, to compare the redline's reading order."""
    return re.sub(r"<(?!/?(ins|del)>)[^>]+>", "", html)


def test_steps_cover_every_change_with_an_explanation() -> None:
    steps = render.steps(result(), SOURCE, DERIVATIVE)
    assert [s.passage.kind for s in steps] == ["altered", "omitted", "added"]
    assert [s.number for s in steps] == [1, 2, 3]
    first = steps[0]
    assert first.findings[0][1].type == "name_added"
    assert any("adds “Suella Braverman,”" in line for line in first.explanation)
    assert any("different place" in line for line in first.explanation)


def test_minimap_has_a_cell_per_derivative_run() -> None:
    cells = render.minimap(DERIVATIVE, result())
    assert [c.kind for c in cells] == ["altered", "added"]
    assert 95 < sum(c.width for c in cells) <= 100


def test_minimap_sizes_cells_by_class_not_inline_style() -> None:
    html = render.minimap_html(DERIVATIVE, result())
    assert "style=" not in html  # the Content Security Policy allows no inline style
    widths = [int(w) for w in re.findall(r"\bw-(\d+)\b", html)]
    assert len(widths) == len(render.minimap(DERIVATIVE, result()))
    assert sum(widths) == round(sum(c.width for c in render.minimap(DERIVATIVE, result())))


def test_paragraph_breaks_reflow_hard_wrapped_text() -> None:
    text = (
        "  This is a long line of a hard-wrapped release that goes on and\n"
        "  on until it ends.\n"
        "  A new paragraph starts here and keeps going for a while longer\n"
        "  before it ends too.\n"
        "  Third one is here with some more words to fill up the line well\n"
        "  and it stops.\n"
    )
    breaks = render.paragraph_breaks(text)
    newlines = [i for i, c in enumerate(text) if c == "\n"]
    assert newlines[0] not in breaks  # a soft wrap inside a sentence
    assert newlines[1] in breaks


class Runs(HTMLParser):
    """Collect the runs of rendered HTML, (side, start, end, text), and the text outside them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, int, int, str]] = []
        self.outside: list[str] = []
        self.depth = 0  # open spans inside the current run (paragraph breaks)
        self.current: list[Any] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.current is not None:
            assert (tag, a.get("class")) == ("span", "pb"), "a run holds text only"
            self.depth += 1
        elif tag == "span" and a.get("class") == "r":
            self.current = [a["data-side"], int(a["data-start"] or 0), int(a["data-end"] or 0), ""]

    def handle_endtag(self, tag: str) -> None:
        if self.current is None:
            return
        if self.depth:
            self.depth -= 1
            return
        self.runs.append(tuple(self.current))  # type: ignore[arg-type]
        self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current[3] += data
        else:
            self.outside.append(data)


def check_runs(html: str, texts: dict[str, str]) -> list[tuple[str, int, int, str]]:
    found = Runs(html).runs
    assert found
    for side, start, end, text in found:
        assert 0 <= start < end <= len(texts[side])
        assert text == texts[side][start:end], (side, start, end)
    return found


def seed_texts() -> tuple[str, str]:
    """The demo pair: seed 001 (the press release) and seed 000 (the MP's post)."""
    seeds = Path(__file__).resolve().parents[2] / "demo" / "seeds"
    read = lambda n: next(seeds.glob(f"{n}_*.txt")).read_text(encoding="utf-8")  # noqa: E731
    return read("001"), read("000")


def test_inline_runs_give_each_pieces_offsets_into_its_own_text() -> None:
    html = render.inline_html(SOURCE, DERIVATIVE, result())
    found = check_runs(html, {"s": SOURCE, "d": DERIVATIVE})
    derivative = [r for r in found if r[0] == "d"]
    # The derivative reads through in order, every character in exactly one run.
    assert "".join(r[3] for r in derivative) == DERIVATIVE
    assert all(a[2] == b[1] for a, b in itertools.pairwise(derivative))
    assert (
        "s",
        *span(SOURCE, "We must act now.\nOld closing line."),
        "We must act now.\nOld closing line.",
    ) in found


def test_differences_only_runs_skip_the_folds() -> None:
    source, derivative = seed_texts()
    r = compare(source, derivative)
    options = render.Options(only_diff=True)
    texts = {"s": source, "d": derivative}
    for side, text in (("source", source), ("derivative", derivative)):
        html = render.side_html(text, r, side, options)  # type: ignore[arg-type]
        parsed = Runs(html)
        found = check_runs(html, texts)
        assert {r[0] for r in found} == {side[0]}
        assert any("unchanged" in t for t in parsed.outside)  # the folds are outside every run
        assert all(a[2] <= b[1] for a, b in itertools.pairwise(found))
    html = render.inline_html(source, derivative, r, options)
    assert {r[0] for r in check_runs(html, texts)} == {"s", "d"}
    assert "[…" in html


def test_the_demo_redline_covers_the_derivative_with_runs() -> None:
    source, derivative = seed_texts()
    html = render.inline_html(source, derivative, compare(source, derivative))
    found = check_runs(html, {"s": source, "d": derivative})
    assert "".join(r[3] for r in found if r[0] == "d") == derivative
    assert any(r[0] == "s" and "We must do everything" in r[3] for r in found)
    # Side by side with all text, the column's text is the document's: no runs needed.
    assert 'class="r"' not in render.side_html(
        derivative, compare(source, derivative), "derivative"
    )


def test_minimap_rounding_keeps_the_bar_whole() -> None:
    widths = [100 / 7] * 7  # each 14.29 %: rounding each alone would give 98 %
    assert sum(render.minimap_bar.whole_percents(widths)) == 100
