"""Tasks for the write guard's tests (a task must live at a module's top level)."""

from __future__ import annotations

from django.tasks import task

from annotations.models import Label
from provenance.actions import action


@task()
def add_label_outside() -> None:
    Label.objects.create(slug="from-task", name="From a task")


@action
def do_add_label_from_task(actor: None) -> None:
    Label.objects.create(slug="from-task", name="From a task")


@task()
def add_label_inside() -> None:
    do_add_label_from_task(None)
