"""The write guard: a model write made by a page, a task or a command outside an action fails.

`provenance.actions` marks the code that may write. This module watches the other side:
while a request is handled (`WriteGuardMiddleware`), a task runs (django.tasks'
`task_started`/`task_finished` signals, sent by the immediate backend and by the
database worker alike) or one of our management commands runs (`BaseCommand.execute`),
every model write is checked, and one made outside an action raises
`WriteOutsideAction` naming the model and the line of our code that made it.

Hooks: the `pre_save` signal for `Model.save`, and `Model.delete` plus the QuerySet's
`update`, `delete`, `bulk_create` and `bulk_update`, patched at start-up. `Model.delete`
is patched rather than hooked through `pre_delete`: a receiver for every model would
stop Django deleting related rows in bulk (it must load each row to send the signal).

On when `settings.WRITE_GUARD` is (by default in tests and with DEBUG); production
leaves it off unless set, so a path we missed never costs a user their work there.
Writes made anywhere else (tests' own fixtures, migrations, the shell) are not watched.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import models
from django.db.models.signals import pre_save
from django.http import HttpRequest, HttpResponse

from provenance.actions import in_action

# Rows that Django and the libraries we use write for themselves, on every request or task,
# where no action of ours is running and none should be. Each with why it is fine.
EXEMPT_MODELS: dict[str, str] = {
    "sessions.Session": "Django saves the session after the view (sign-in, idle timer).",
    "django_tasks_database.DBTaskResult": "The task queue's own bookkeeping (claim, finish).",
    "provenance.WorkerHeartbeat": "The worker's liveness beat, written by its loop.",
    "axes.AccessAttempt": "django-axes counts failed sign-ins itself.",
    "axes.AccessLog": "django-axes logs sign-ins itself.",
    "axes.AccessFailureLog": "django-axes logs failed sign-ins itself.",
    "axes.AccessAttemptExpiration": "django-axes keeps its lockout expiry itself.",
    "admin.LogEntry": "The Django admin's own history of its change forms.",
}

# URL namespaces whose pages write through Django's own machinery, not our actions.
EXEMPT_NAMESPACES: dict[str, str] = {
    "admin": "The Django admin's change forms: staff only, each change kept in its LogEntry.",
}

# Commands of Django and of libraries (migrate, flush, createsuperuser, db_worker's parent)
# are not ours to change; only commands in this project's apps are watched.
_PROJECT_DIR = Path(settings.BASE_DIR).resolve()
_VENV_PARTS = {".venv", "site-packages"}

_where: ContextVar[str | None] = ContextVar("provenance_write_guard_where", default=None)


class WriteOutsideAction(RuntimeError):
    """A page, task or command wrote to the database without going through an action."""


def enabled() -> bool:
    return bool(getattr(settings, "WRITE_GUARD", False))


@contextmanager
def guarding(where: str) -> Iterator[None]:
    """Watch the writes made in this block; `where` names it in the error."""
    token = _where.set(where)
    try:
        yield
    finally:
        _where.reset(token)


@functools.cache
def _relative(filename: str) -> str:
    """A source file's path inside the project ("" for Django, libraries and the stdlib)."""
    path = Path(filename)
    if not path.is_absolute() or _VENV_PARTS & set(path.parts):
        return ""
    try:
        return path.resolve().relative_to(_PROJECT_DIR).as_posix()
    except ValueError:
        return ""


def _project_frames() -> Iterator[tuple[str, int, str]]:
    """Our own frames on the stack, innermost first: (relative path, line, function)."""
    frame = sys._getframe(1)
    while frame is not None:
        relative = _relative(frame.f_code.co_filename)
        if relative and relative != "provenance/write_guard.py":
            yield relative, frame.f_lineno, frame.f_code.co_name
        frame = frame.f_back  # type: ignore[assignment]


def check(model: type[models.Model], operation: str) -> None:
    """Raise WriteOutsideAction for a watched write outside an action."""
    where = _where.get()
    if where is None or in_action():
        return
    label = model._meta.label
    if label in EXEMPT_MODELS:
        return
    frames = list(_project_frames())
    site = f"{frames[0][0]}:{frames[0][1]} in {frames[0][2]}()" if frames else "unknown code"
    raise WriteOutsideAction(
        f"{operation} of {label} outside an action during {where}, called from {site}. "
        "Make the change in a do_… function decorated with @action."
    )


class WriteGuardMiddleware:
    """Watch every write made while a request is handled (first in MIDDLEWARE)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not enabled():
            return self.get_response(request)
        with guarding(f"the request {request.method} {request.path}"):
            return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> None:
        match = request.resolver_match
        if match is not None and match.namespace in EXEMPT_NAMESPACES:
            # Unwatched until __call__ leaves its block, which puts the mark back.
            _where.set(None)


# Tasks: the started and finished signals bracket each run in the same thread.
_task_tokens: ContextVar[tuple[Token[str | None], ...]] = ContextVar(
    "provenance_write_guard_tasks", default=()
)


def _task_started(sender: Any, task_result: Any, **_kwargs: Any) -> None:
    token = _where.set(f"the task {task_result.task.name}")
    _task_tokens.set((*_task_tokens.get(), token))


def _task_finished(sender: Any, task_result: Any, **_kwargs: Any) -> None:
    stack = _task_tokens.get()
    if stack:
        _task_tokens.set(stack[:-1])
        _where.reset(stack[-1])


def _on_pre_save(sender: type[models.Model], **_kwargs: Any) -> None:
    check(sender, "A save")


def _is_ours(command: BaseCommand) -> bool:
    module = sys.modules.get(type(command).__module__)
    path = Path(getattr(module, "__file__", "") or "")
    return (
        path.is_absolute()
        and not _VENV_PARTS & set(path.parts)
        and path.resolve().is_relative_to(_PROJECT_DIR)
    )


def _watch_model_method(cls: type, name: str, operation: str) -> None:
    original = getattr(cls, name)
    if getattr(original, "_write_guarded", False):
        return

    @functools.wraps(original)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        model = self.model if isinstance(self, models.QuerySet) else type(self)
        check(model, operation)
        return original(self, *args, **kwargs)

    guarded._write_guarded = True  # type: ignore[attr-defined]
    setattr(cls, name, guarded)


def _watch_commands() -> None:
    original = BaseCommand.execute
    if getattr(original, "_write_guarded", False):
        return

    @functools.wraps(original)
    def execute(self: BaseCommand, *args: Any, **options: Any) -> Any:
        if not _is_ours(self):
            return original(self, *args, **options)
        with guarding(f"the command {type(self).__module__.rsplit('.', 1)[-1]}"):
            return original(self, *args, **options)

    execute._write_guarded = True  # type: ignore[attr-defined]
    BaseCommand.execute = execute  # type: ignore[method-assign]


def install() -> None:
    """Hook the guard into Django (idempotent); called from ProvenanceConfig.ready."""
    from django.tasks.signals import task_finished, task_started

    if not enabled():
        return
    pre_save.connect(_on_pre_save, dispatch_uid="provenance.write_guard.save")
    task_started.connect(_task_started, dispatch_uid="provenance.write_guard.task_started")
    task_finished.connect(_task_finished, dispatch_uid="provenance.write_guard.task_finished")
    _watch_model_method(models.Model, "delete", "A delete")
    for name in ("update", "delete", "bulk_create", "bulk_update"):
        _watch_model_method(models.QuerySet, name, f"A queryset {name}")
    _watch_commands()
