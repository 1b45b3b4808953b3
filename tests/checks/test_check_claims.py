"""Checking an article whose best source states a claim more weakly shows the claim finding."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from checks.models import Check
from discovery.index import index_version
from tests.conftest import make_document

pytestmark = pytest.mark.django_db

# Our own release and story: the story copies the release but for its claim sentence.
RELEASE = (
    "Researchers at the University of Northbridge followed 40,000 adults in the county "
    "of Wexley for twelve years, recording what they ate each week and how their health "
    "changed over that time.\n\n"
    "Eating more fibre is linked to a lower risk of heart disease, researchers found.\n\n"
    "The participants who ate the most wholegrain bread, oats and lentils were followed "
    "up by their family doctors every two years, the team said.\n\n"
    "The study was published in the Journal of Public Nutrition on Tuesday and was paid "
    "for by the Wexley Health Trust."
)
STORY = RELEASE.replace(
    "Eating more fibre is linked to a lower risk of heart disease, researchers found.",
    "Eating more fibre cuts your risk of heart disease.",
)


def test_a_checked_article_shows_its_stronger_claim(
    client_for: Callable[[User], Client], educator: User
) -> None:
    release = make_document("Fibre release", RELEASE, kind="press_release")
    assert release.current_version is not None
    index_version(release.current_version)
    client = client_for(educator)
    response = client.post(reverse("checks:list"), {"text": STORY, "url": ""})
    check = Check.objects.get()
    assert response.status_code == 302
    assert check.best_version == release.current_version
    body = client.get(check.get_absolute_url()).content.decode()
    panel = body[body.index('id="findings-h"') :]
    panel = panel[: panel.index("</section>")]
    assert '<span class="flabel">stated more strongly</span>' in panel
    assert "The release says “linked to”; the article says “cuts”." in panel
    assert '<strong class="cue">cuts</strong>' in body
    assert '<strong class="cue">linked to</strong>' in body
