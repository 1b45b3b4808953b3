"""The demo seeds are loaded once per test run and put back alike for every later test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Model

from discovery.models import SourceRelation
from documents.models import Document
from tests.conftest import _columns, _content_models, load_indexed_seeds, load_seeds

pytestmark = pytest.mark.django_db


def _plain(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def _stored(model: type[Model]) -> list[str]:
    # Times stamped on save (auto_now) are the time of the load, as they would be in a
    # fresh load: the rest must come back as it was.
    stamped = {
        f.attname
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }
    return [name for name in _columns(model) if name not in stamped]


def _rows() -> dict[str, list[tuple[Any, ...]]]:
    return {
        model._meta.label: sorted(
            (
                tuple(_plain(v) for v in row)
                for row in model._default_manager.values_list(*_stored(model))
            ),
            key=repr,
        )
        for model in _content_models()
    }


def _refuse_to_load(*_args: Any, **_kwargs: Any) -> None:
    raise AssertionError("the seeds were loaded again instead of put back")


@pytest.mark.parametrize("indexed", [False, True])
def test_the_seeds_are_loaded_once_and_put_back_alike(
    indexed: bool,
    django_capture_on_commit_callbacks: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def load() -> dict[str, Document]:
        if indexed:
            return load_indexed_seeds(django_capture_on_commit_callbacks)
        return load_seeds()

    with transaction.atomic():
        first = load()
        before = _rows()
        transaction.set_rollback(True)
    assert not Document.objects.exists()
    monkeypatch.setattr("documents.demo.load_demo", _refuse_to_load)
    again = load()
    assert _rows() == before
    assert {n: d.pk for n, d in again.items()} == {n: d.pk for n, d in first.items()}
    assert again["001"].current_version.text == first["001"].current_version.text
    # The indexed corpus keeps what discovery decided: 001 is 000's origin.
    assert SourceRelation.objects.filter(article=again["000"]).exists() is indexed
