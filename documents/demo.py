"""The five seed documents and how to load them (used by `load_demo` and tests)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from documents.ingest import NearDuplicates, Outcome, Submission, ingest
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion

COMMAND = DocumentVersion.Source.COMMAND
SEEDS_DIR = Path(settings.BASE_DIR) / "demo" / "seeds"
GOV_UK_HOME_OFFICE = "GOV.UK (Home Office)"


@dataclass(frozen=True)
class Seed:
    number: str
    filename: str
    meta: Metadata


SEEDS = (
    Seed(
        "000",
        "000_2c9eaf67016cf026.txt",
        Metadata(
            kind=Document.Kind.ARTICLE,
            title="Home Secretary finalises deal with France to tackle migrant crossings",
            outlet="Richard Fuller MP",
            author="Richard Fuller MP",
            published="2022-11-18",
        ),
    ),
    Seed(
        "001",
        "001_5d387909d68261b9.txt",
        Metadata(
            kind=Document.Kind.PRESS_RELEASE,
            title="UK-France joint statement: enhancing co-operation against illegal migration",
            outlet=GOV_UK_HOME_OFFICE,
            published="2022-11-14",
        ),
    ),
    Seed(
        "002",
        "002_c02e5e3545120daa.txt",
        Metadata(
            kind=Document.Kind.ARTICLE,
            title="UK and France sign deal to tackle small boats crisis",
            outlet="Regional newspaper",
            published="2022-11-14",
        ),
    ),
    Seed(
        "003",
        "003_d7597f6b630a0b9b.txt",
        Metadata(
            kind=Document.Kind.PRESS_RELEASE,
            title="UK and France agree new police and enforcement plans against smuggling gangs",
            outlet=GOV_UK_HOME_OFFICE,
            published="2025-02-27",
        ),
    ),
    Seed(
        "004",
        "004_88aefc820e161e60.txt",
        Metadata(
            kind=Document.Kind.ARTICLE,
            title="Cleverly says French efforts on illegal migration exemplary",
            outlet="The Independent",
            author="Dominic McGrath",
            published="2024-01-31 03:53 GMT",
        ),
    ),
)


def load_demo(
    seeds_dir: Path = SEEDS_DIR, numbers: Sequence[str] | None = None
) -> dict[str, Outcome]:
    """Bring in the seeds (those `numbers`, in that order); one already present adds nothing."""
    by_number = {seed.number: seed for seed in SEEDS}
    chosen = [by_number[n] for n in numbers] if numbers is not None else list(SEEDS)
    outcomes = {}
    for seed in chosen:
        path = seeds_dir / seed.filename
        outcomes[seed.number] = ingest(
            Submission(
                data=path.read_bytes(),
                filename=seed.filename,
                source=DocumentVersion.Source.COMMAND,
            ),
            seed.meta,
            # The seeds are distinct documents even where they overlap heavily.
            near_duplicates=NearDuplicates.SEPARATE,
        )
    return outcomes
