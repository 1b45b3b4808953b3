"""The findings panel: most important first, minor findings folded under "More"."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comparisons.compare import get_or_compute
from documents.models import Document

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def test_minor_findings_fold_under_more_after_the_major_ones(
    educator: User, client_for: ClientFor, seeds: dict[str, Document]
) -> None:
    comparison = get_or_compute(seeds["001"].current_version, seeds["002"].current_version)
    html = client_for(educator).get(comparison.get_absolute_url()).content.decode()
    panel = html[html.index('<section class="findings"') :]
    panel = panel[: panel.index("</section>")]
    major, _, minor = panel.partition('<details class="more-findings">')
    assert minor, "minor findings are folded in a <details>"
    assert "<summary>More findings" in minor
    # The altered quotation leads; unsourced quotations sit under "More".
    first = re.search(r'<li class="finding t-([a-z_]+) sev-(\w+)"', major)
    assert first is not None and first.groups() == ("quote_altered", "high")
    assert "t-quote_unsourced" not in major and "t-quote_unsourced" in minor
    assert "sev-low" not in major
    # Every finding keeps its link target, folded or not.
    assert panel.count('<li class="finding') == len(comparison.engine_result.findings)
