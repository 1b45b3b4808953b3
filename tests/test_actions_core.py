"""The action core: its own durable transaction, and the mark the write guard reads."""

from __future__ import annotations

import pytest
from django.db import transaction

from provenance.actions import acting, action, in_action, working


@action
def _marked() -> bool:
    return in_action()


@pytest.mark.django_db(transaction=True)
def test_an_action_is_marked_only_while_it_runs() -> None:
    assert not in_action()
    assert _marked() is True
    assert not in_action()
    with working():
        assert in_action()
    assert not in_action()


@pytest.mark.django_db(transaction=True)
def test_an_action_refuses_to_run_inside_another_transaction() -> None:
    # durable=True: a caller cannot fold an action into a larger transaction.
    with pytest.raises(RuntimeError), transaction.atomic(), acting():
        pass
