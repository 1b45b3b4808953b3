"""The trim map's rows: real figures (amounts) and caveats (hedging clauses) only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from comparisons.compare import get_or_compute
from discovery import trims
from documents.models import Document

ClientFor = Callable[[User], Client]


def figures(sentence: str) -> list[str]:
    return [trims.figure_words(sentence, span) for span in trims.figures(sentence)]


def caveats(sentence: str) -> list[str]:
    return [sentence[lo:hi] for lo, hi in trims.caveats(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Officers will increase by 40% over the coming months.", ["40%"]),
        ("There will be a 40 per cent rise in patrols.", ["40 per cent"]),
        ("It is worth up to 72.2 million euros in 2022 to 2023.", ["72.2 million euros"]),
        ("The fund holds £5m for the year.", ["£5m"]),
        ("It has secured more than 140 convictions since 2020.", ["140 convictions"]),
        ("Crossings are believed to have reached over 40,000.", ["40,000"]),
        ("It prevented 30,000 illegal crossing attempts.", ["30,000 illegal crossing attempts"]),
        ("The 2 countries signed.", ["2 countries"]),
    ],
)
def test_amounts_are_figures(sentence: str, expected: list[str]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Home Secretary is in France today (Monday 14 November).",
        "The deal was signed on November 14, 2022.",
        "She will meet her counterparts at the G7 in Frankfurt.",
        "Crossings have risen since 2020.",
        "The plan runs from 2022 to 2023.",
        '"It is a rise," No 10 said.',
        "Under the COVID-19 rules, the A14 was closed.",
    ],
)
def test_dates_years_and_names_are_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The drug may reduce pain in older adults, the study says.",
            ["may reduce pain in older adults"],
        ),
        ("Early results suggest a fall; more work is needed.", ["Early results suggest a fall"]),
        ("There are no quick fixes, but the plan will help.", ["no quick fixes"]),
        ("It is worth up to 72.2 million euros.", ["up to 72.2 million euros"]),
        ("It was a small study of 20 patients.", ["a small study of 20 patients"]),
        ("It is possible that crossings will rise.", ["It is possible that crossings will rise"]),
    ],
)
def test_hedging_clauses_are_caveats(sentence: str, expected: list[str]) -> None:
    assert caveats(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal targets the small boats crossing the Channel.",
        "She will meet them as soon as possible.",
        "Speaking about the deal, the Prime Minister was pleased.",
        "It needs to face up to the fact it is a global issue.",
        "The task force will increase early detection.",
        "Not only officers but also drones will patrol.",
    ],
)
def test_words_that_only_sometimes_hedge_are_not_caveats_alone(sentence: str) -> None:
    assert caveats(sentence) == []


@pytest.mark.django_db
def test_the_seed_release_trim_map_has_no_junk_rows(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    for article in ("000", "002"):
        get_or_compute(seeds["001"].current_version, seeds[article].current_version)
    response = client_for(educator).get(reverse("discovery:trim_map", args=[seeds["001"].pk]))
    rows = [(item.kind, item.text) for item, _fates in response.context["rows"]]
    texts = [text for _kind, text in rows]
    # Junk the old patterns reported: a date, a year, "G7", "small boats", "as soon as possible".
    for junk in ("14", "2020", "2020,", "2022", "2023.", "7", "small", "possible", "but"):
        assert junk not in texts, junk
    # Real ones kept: the figures the MP's post keeps or drops, and the release's caveat.
    for real in ("40%", "30,000 crossings", "140 convictions", "72.2 million euros"):
        assert ("figure", real) in rows, real
    assert ("caveat", "no quick fixes") in rows
    page = response.content.decode()
    # Each derivative's column: start of the title on screen, the whole title in its tooltip
    # and in print.
    title = seeds["000"].title
    assert f'title="{title}"' in page and f'<span class="trim-full">{title}</span>' in page
    assert f'data-label="{title}"' in page  # each cell names its column on a phone
