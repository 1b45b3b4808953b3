"""The write guard: pages, tasks and our commands cannot write to models outside an action."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.management.commands.flush import Command as FlushCommand
from django.tasks import TaskResultStatus
from django.test import Client

from annotations.models import Label
from provenance import write_guard
from provenance.actions import action
from provenance.write_guard import WriteOutsideAction
from tests.provenance import guard_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.provenance.guard_urls")]


@pytest.fixture
def other_label(db: None) -> Label:
    return Label.objects.create(slug="guard-other", name="Guard other")


def test_the_guard_is_on_for_the_whole_test_suite(settings: Any) -> None:
    assert settings.WRITE_GUARD is True
    assert settings.MIDDLEWARE[0] == "provenance.write_guard.WriteGuardMiddleware"


def test_a_page_that_saves_outside_an_action_fails_naming_the_model_and_the_line() -> None:
    with pytest.raises(WriteOutsideAction) as caught:
        Client().post("/add")
    message = str(caught.value)
    assert "annotations.Label" in message
    assert "the request POST /add" in message
    assert "tests/provenance/guard_urls.py:13 in _add()" in message
    assert not Label.objects.filter(slug="guarded").exists()


@pytest.mark.parametrize(
    ("url", "operation"),
    [
        ("/update", "A queryset update"),
        ("/delete", "A delete"),
        ("/queryset-delete", "A queryset delete"),
        ("/bulk", "A queryset bulk_create"),
    ],
)
def test_updates_deletes_and_bulk_writes_are_caught_too(
    other_label: Label, url: str, operation: str
) -> None:
    with pytest.raises(WriteOutsideAction, match=operation):
        Client().post(url)
    other_label.refresh_from_db()
    assert other_label.name == "Guard other"
    assert not Label.objects.filter(slug="bulk").exists()


def test_the_same_write_inside_an_action_is_stored() -> None:
    assert Client().post("/action").content == b"stored"
    assert Label.objects.filter(slug="guarded").exists()


def test_the_session_django_saves_itself_is_exempt() -> None:
    client = Client()
    assert client.post("/session").status_code == 200
    assert client.session["seen"] is True


def test_with_the_setting_off_nothing_is_refused(settings: Any) -> None:
    settings.WRITE_GUARD = False
    assert Client().post("/add").content == b"stored"


def test_writes_outside_a_request_task_or_command_are_not_watched() -> None:
    # Tests' fixtures, the shell and migrations write directly.
    Label.objects.create(slug="fixture", name="Fixture")


def test_a_task_that_writes_outside_an_action_fails() -> None:
    result = guard_tasks.add_label_outside.enqueue()
    assert result.status == TaskResultStatus.FAILED
    assert "WriteOutsideAction" in result.errors[0].exception_class_path
    assert "the task" in result.errors[0].traceback
    assert not Label.objects.filter(slug="from-task").exists()


def test_a_task_that_writes_through_an_action_succeeds() -> None:
    result = guard_tasks.add_label_inside.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert Label.objects.filter(slug="from-task").exists()
    # The task's bracket is closed again: a write after it is not watched.
    Label.objects.create(slug="after", name="After")


class _Outside(BaseCommand):
    def handle(self, *args: Any, **options: Any) -> None:
        Label.objects.create(slug="from-command", name="From a command")


@action
def _do_add(actor: None) -> None:
    Label.objects.create(slug="from-command", name="From a command")


class _Inside(BaseCommand):
    def handle(self, *args: Any, **options: Any) -> None:
        _do_add(None)


def test_our_command_that_writes_outside_an_action_fails() -> None:
    with pytest.raises(WriteOutsideAction, match="the command"):
        call_command(_Outside())
    assert not Label.objects.filter(slug="from-command").exists()


def test_our_command_that_writes_through_an_action_succeeds() -> None:
    call_command(_Inside())
    assert Label.objects.filter(slug="from-command").exists()


def test_djangos_own_commands_are_not_watched() -> None:
    assert write_guard._is_ours(_Inside())
    assert not write_guard._is_ours(FlushCommand())


def test_the_django_admins_change_forms_are_exempt(admin_member: Any) -> None:
    admin_member.is_superuser = admin_member.is_staff = True
    admin_member.save()
    client = Client()
    client.force_login(admin_member)
    data = {
        "slug": "from-admin",
        "name": "From the admin",
        "created_at_0": "2026-01-05",
        "created_at_1": "10:00:00",
    }
    response = client.post("/admin/annotations/label/add/", data)
    assert response.status_code == 302, response.content[:300]
    assert Label.objects.filter(slug="from-admin").exists()
