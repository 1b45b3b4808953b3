"""The fan-out heat map is shaded by how much of each release sentence each derivative took."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from discovery.fanout import SHADE_STEPS, fan_out, sentence_share, shade
from documents.models import Document
from provenance.engine import compare

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.mark.parametrize(
    ("share", "step"),
    [
        (0.0, 0),
        (0.004, 0),
        (0.03, 10),
        (0.249, 25),
        (0.3, 25),
        (0.5, 50),
        (0.8, 75),
        (0.994, 75),
        (0.996, 100),
        (1.0, 100),
    ],
)
def test_shares_fall_into_steps(share: float, step: int) -> None:
    assert shade(share) == step


def test_a_sentence_share_counts_what_was_kept_and_not_what_was_cut() -> None:
    release = "The council will open three new parks next year. It set aside two million pounds."
    article = "The council will open three new parks next year."
    passages = compare(release, article).passages
    first, second = (0, release.index(" It") + 1), (release.index("It"), len(release))
    assert sentence_share(first, passages) == pytest.approx(1.0, abs=0.05)
    assert sentence_share(second, passages) == 0.0
    trimmed = "The council will open parks next year."
    assert 0.4 < sentence_share(first, compare(release, trimmed).passages) < 0.95


def test_cells_carry_different_shades_for_different_shares(
    seeds: dict[str, Document], educator: User
) -> None:
    fan = fan_out(seeds["001"], educator)
    shades = {cell.shade for row in fan.sentences for cell in row.cells}
    # The MP's post copies most sentences whole and drops the last ones: full and empty cells,
    # and the paraphrasing newspaper leaves partial ones.
    assert {0, 100} <= shades and len(shades) >= 3
    omitted = [cell for row in fan.sentences for cell in row.cells if cell.kind == "omitted"]
    assert omitted and all(cell.share < 0.5 for cell in omitted)


def test_the_page_shades_cells_and_shows_a_legend(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    page = client_for(educator).get(reverse("discovery:fan_out", args=[seeds["001"].pk]))
    html = page.content.decode()
    cell = r'<td class="cell-kind shade-(\d+)" title="(\w+): (\d+)% of the sentence'
    cells = re.findall(cell, html)
    assert len({step for step, _, _ in cells}) >= 3
    for step, _kind, percent in cells:
        assert int(step) == shade(int(percent) / 100)
    # "Taken by" is shaded by how many derivatives took the sentence.
    assert len(set(re.findall(r'<td class="heat shade-(\d+)"', html))) >= 2
    for step in SHADE_STEPS:
        assert f'class="shade-key shade-{step}"' in html
    assert 'id="matrix-legend"' in html and "25–49%" in html
    assert "style=" not in html.split("<main", 1)[1]
