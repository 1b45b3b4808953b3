from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory, override_settings

from provenance import roles

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_it_creates_one_user_per_role_and_prints_credentials() -> None:
    out = StringIO()
    call_command("create_demo_users", stdout=out)
    printed = out.getvalue()
    for username, password, role, _staff in [
        ("admin", "demo-admin-pass", roles.ADMINS, True),
        ("moderator", "demo-moderator-pass", roles.MODERATORS, False),
        ("educator", "demo-educator-pass", roles.EDUCATORS, False),
    ]:
        assert username in printed and password in printed
        # django-axes needs the request a real sign-in has.
        request = RequestFactory().post("/accounts/login/")
        user = authenticate(request, username=username, password=password)
        assert user is not None
        assert roles.roles_of(user) == {role}


@override_settings(DEBUG=True)
def test_it_is_idempotent() -> None:
    call_command("create_demo_users", stdout=StringIO())
    call_command("create_demo_users", stdout=StringIO())
    from django.contrib.auth.models import User

    assert User.objects.filter(username="admin").count() == 1


@override_settings(DEBUG=False)
def test_it_refuses_without_debug() -> None:
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("create_demo_users", stdout=StringIO())


@override_settings(DEBUG=True)
def test_setup_demo_prepares_users_seeds_and_the_demo_comparisons() -> None:
    from comparisons.models import Comparison

    out = StringIO()
    call_command("setup_demo", stdout=out)
    call_command("setup_demo", stdout=StringIO())  # a second run adds nothing
    printed = out.getvalue()
    assert "demo-educator-pass" in printed
    pairs = {
        (c.source_version.original_name[:3], c.derivative_version.original_name[:3])
        for c in Comparison.objects.done()
    }
    assert {("001", "000"), ("001", "002")} <= pairs
    assert Comparison.objects.count() == len(pairs)
