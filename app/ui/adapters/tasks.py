"""``run_task``: a short background job whose result or error comes back on the GUI thread
(after Picard's ``run_task``). For reads of the cache, "test connection", a test print.

    run_task(lambda: load_queues(db, station), on_result=model.set_rows, on_error=banner.error)

``on_error`` gets the exception. Jobs run on Qt's global thread pool; a job whose ``owner``
(a QObject: by default the one whose bound method ``on_result`` is) was deleted meanwhile is
dropped quietly. ``SYNCHRONOUS = True`` (tests) runs jobs inline.
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal, Slot

log = logging.getLogger("packdesk.ui.tasks")

SYNCHRONOUS = False


class _Asked(NamedTuple):
    on_result: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    owner: QObject | None


# What each running job answers to, by its number: kept, used and let go on the GUI thread only. A
# job on a pool thread holds its function and its number, nothing that leads to a QObject: a QObject
# whose last reference went with the job would be destroyed there, and ~QObject on a pool thread takes
# Qt's connection lock, then waits for the interpreter the GUI thread holds while it wants that lock
# (the suite hung so once).
_waiting: dict[int, _Asked] = {}
_numbers = itertools.count(1)


class _Answers(QObject):
    """The application's one way back to the GUI thread, made there once and parented to the
    application: no object is made or destroyed per job."""
    answered = Signal(object, object, object)  # job number, result, exception

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object, object)
    def _deliver(self, number: int, result, error) -> None:
        _finish(number, result, error)


def _answers() -> _Answers:
    app = QCoreApplication.instance()
    found = app.findChild(_Answers, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else _Answers(app)


def _finish(number: int, result, error) -> None:
    asked = _waiting.pop(number)
    if asked.owner is not None and not shiboken6.isValid(asked.owner):
        return  # the window that asked is gone
    if error is None:
        if asked.on_result is not None:
            asked.on_result(result)
    elif asked.on_error is not None:
        asked.on_error(error)
    else:
        log.error("background task failed", exc_info=error)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], number: int, answers: _Answers) -> None:
        super().__init__()
        self.fn, self.number, self.answers = fn, number, answers

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except Exception as exc:  # handed to on_error on the GUI thread
            result, error = None, exc
        self.fn = None  # what it captured goes here, while the GUI thread still holds the callbacks
        self.answers.answered.emit(self.number, result, error)


def run_task(fn: Callable[[], Any], *, on_result: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception], None] | None = None, pool: QThreadPool | None = None,
             owner: QObject | None = None) -> None:
    """On the GUI thread: ``fn`` runs on the pool, its answer comes back here."""
    if owner is None and isinstance(getattr(on_result, "__self__", None), QObject):
        owner = on_result.__self__
    number = next(_numbers)
    _waiting[number] = _Asked(on_result, on_error, owner)
    if SYNCHRONOUS:
        try:
            result, error = fn(), None
        except Exception as exc:
            result, error = None, exc
        _finish(number, result, error)
        return
    (pool or QThreadPool.globalInstance()).start(_Job(fn, number, _answers()))
