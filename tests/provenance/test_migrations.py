from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.mark.django_db
def test_no_migrations_are_missing() -> None:
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:  # makemigrations --check exits 1 when changes are pending
        pytest.fail(f"Model changes without a migration:\n{out.getvalue()} (exit {exc.code})")


@pytest.mark.django_db
def test_role_groups_exist() -> None:
    names = set(Group.objects.values_list("name", flat=True))
    assert {"admins", "moderators", "educators"} <= names
