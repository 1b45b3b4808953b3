"""How long a hostile PDF holds the process: the 2,000-page repeated-stream PDF refused by
its page count, a 400-page one stopped at a check's 100,000 characters, and (for
comparison) reading all 400 pages as extraction did before the limits.

    DJANGO_SETTINGS_MODULE=provenance.settings .venv/bin/python -m bench.extract_limits
"""

from __future__ import annotations

import contextlib
import io
import statistics
import time
from collections.abc import Callable

import django

django.setup()

from pypdf import PdfReader  # noqa: E402

from documents.errors import RejectedInput  # noqa: E402
from documents.extract import extract  # noqa: E402
from tests.documents.test_pdf_limits import repeated_stream_pdf  # noqa: E402


def median_seconds(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(RejectedInput):
            run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    big, mid = repeated_stream_pdf(2000), repeated_stream_pdf(400)
    print(
        f"2,000-page PDF ({len(big) // 1024} KB), refused by pages: "
        f"{median_seconds(lambda: extract(big, 'a.pdf')):.3f} s"
    )
    print(
        "400-page PDF, stopped at 100,000 characters: "
        f"{median_seconds(lambda: extract(mid, 'a.pdf', max_chars=100_000)):.3f} s"
    )
    every_page = lambda: [p.extract_text() for p in PdfReader(io.BytesIO(mid)).pages]  # noqa: E731
    print(f"400-page PDF, every page read (the old way): {median_seconds(every_page, 3):.3f} s")


if __name__ == "__main__":
    main()
