"""A release and an article that alters its quotation, made for the alert rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import make_document

if TYPE_CHECKING:
    from documents.models import Document

RELEASE = (
    "Council announces new river clean-up fund\n\n"
    "The city council today announced a £4 million fund to clean up the River Alder "
    "over the next three years.\n\n"
    'Councillor Jane Morrow, who leads on the environment, said: "This fund will restore '
    "the river for wildlife and for everyone who walks beside it. We will publish the "
    'water readings every month."\n\n'
    "The work starts in March and will remove waste from twelve sites along the banks.\n"
)
# The same story with the councillor's words changed inside the quotation marks.
ALTERED = RELEASE.replace("today announced", "has announced").replace(
    "will restore the river", "will save the river"
)
# The same story with nothing changed that a reader must be warned of.
FAITHFUL = RELEASE.replace("today announced", "has announced")


@pytest.fixture
def release(db: None) -> Document:
    return make_document("River clean-up fund", RELEASE, kind="press_release")
