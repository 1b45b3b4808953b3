"""The one way to write: every change to stored data runs inside an action.

An action is a function (by convention `do_…` in an app's `actions.py`) that takes its
actor, opens its own outermost transaction (`durable=True`, so no caller can fold it
into a larger one and commit half of it), writes its audit entry inside that
transaction, and leaves background work to `transaction.on_commit`.

`@action` does the transaction and marks the running code as "inside an action", so
a guard (see `provenance.write_guard`) can refuse model writes made by pages, the API,
commands or the worker outside one. Writes that belong to an action but live in
helper modules (indexing a version while it is ingested, say) are fine: the mark is
per call stack, not per module.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

_depth: ContextVar[int] = ContextVar("provenance_action_depth", default=0)


def in_action() -> bool:
    """True while an action (or a worker step, see `working`) runs."""
    return _depth.get() > 0


@contextmanager
def acting(*, using: str | None = None) -> Iterator[None]:
    """Run the block as an action: its own durable transaction, marked as such."""
    token = _depth.set(_depth.get() + 1)
    try:
        with transaction.atomic(using=using, durable=True):
            yield
    finally:
        _depth.reset(token)


def action[**P, R](fn: Callable[P, R]) -> Callable[P, R]:
    """Decorate a `do_…` function: it runs in its own durable, marked transaction."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with acting():
            return fn(*args, **kwargs)

    return run


@contextmanager
def working() -> Iterator[None]:
    """Mark a worker's step over derived data (postings, comparisons, roles) as an action.

    Such a step is a chain of short transactions of its own (claim, compute, store,
    mark done), not one durable transaction: one transaction around an engine run or a
    whole batch would hold the write lock for its length, and a claim must be committed
    before the work starts so other workers see it. No audit entry is written: no person
    caused it and all of it can be computed again. Pages, the API and commands never
    use this; they call `do_…` actions.
    """
    token = _depth.set(_depth.get() + 1)
    try:
        yield
    finally:
        _depth.reset(token)


def worker_step[**P, R](fn: Callable[P, R]) -> Callable[P, R]:
    """Decorate a task's body: it runs as a worker step (see `working`)."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with working():
            return fn(*args, **kwargs)

    return run
