"""One getter decides who sees a bulk import: the job page and its poll both use it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.http import Http404
from django.test import Client
from django.urls import reverse

from documents.access import get_import_job_for
from documents.models import ImportJob

pytestmark = pytest.mark.django_db


def test_only_uploaders_get_an_import(
    admin_member: User, moderator: User, educator: User, outsider: User
) -> None:
    job = ImportJob.objects.create(name="batch.zip", created_by=admin_member)
    assert get_import_job_for(admin_member, job.pk) == job
    for user in (moderator, educator, outsider):
        with pytest.raises(Http404):
            get_import_job_for(user, job.pk)


def test_the_page_and_its_poll_answer_through_the_getter(
    admin_member: User, client_for: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    job = ImportJob.objects.create(name="batch.zip", created_by=admin_member)

    # Let the getter hide every import from everyone: both views must follow it.
    def hidden(user: User, pk: int) -> ImportJob:
        raise Http404("hidden")

    monkeypatch.setattr("documents.views.get_import_job_for", hidden)
    client = client_for(admin_member)
    assert client.get(reverse("documents:import_job", args=[job.pk])).status_code == 404
    poll = reverse("documents:import_job_status", args=[job.pk])
    assert client.get(poll).status_code == 404
