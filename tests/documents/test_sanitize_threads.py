"""The sanitiser gives every thread of a server the same answer it gives one thread."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from documents.sanitize import sanitize_html


def _samples() -> list[str]:
    return [
        f"<p>Note {i}: <b>bold {i}</b> <a href='https://example.org/{i}' onclick='x()'>link</a>"
        f"<script>alert({i})</script> <em>{'word ' * (i % 40)}</em><!-- c --></p>"
        f"<table><tr><td>{i}</td></tr></table>{'<ul><li>item</li></ul>' * (i % 5)}"
        for i in range(200)
    ]


@pytest.fixture
def rapid_switching() -> Iterator[None]:
    # Switch threads as often as possible so a shared parser state is hit mid-parse.
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_it_cleans_the_same_from_many_threads(rapid_switching: None) -> None:
    samples = _samples()
    expected = [sanitize_html(html) for html in samples]
    jobs = samples * 8
    with ThreadPoolExecutor(max_workers=24) as pool:
        results = list(pool.map(sanitize_html, jobs))
    wrong = [i for i, out in enumerate(results) if out != expected[i % len(samples)]]
    assert not wrong, f"{len(wrong)} of {len(jobs)} outputs differ, first: {results[wrong[0]]!r}"
