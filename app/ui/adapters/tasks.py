"""``run_task``: a short background job whose result or error comes back on the GUI thread
(after Picard's ``run_task``). For reads of the cache, "test connection", a test print.

    run_task(lambda: load_queues(db, station), on_result=model.set_rows, on_error=banner.error)

``on_error`` gets the exception. Jobs run on Qt's global thread pool; a job whose ``owner``
(a QObject: by default the one whose bound method ``on_result`` is) was deleted meanwhile is
dropped quietly. ``SYNCHRONOUS = True`` (tests) runs jobs inline.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal, Slot

log = logging.getLogger("packdesk.ui.tasks")

SYNCHRONOUS = False
_alive: set["_Relay"] = set()


class _Relay(QObject):
    done = Signal(object, object)  # result, exception

    def __init__(self, on_result, on_error, owner: QObject | None) -> None:
        super().__init__()
        self.on_result, self.on_error, self.owner = on_result, on_error, owner
        self.done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _finish(self, result, error) -> None:
        _alive.discard(self)
        # deleted here, on the GUI thread: else the job's last reference (or the garbage collector,
        # on whichever thread it runs) destroys it on a pool thread, where ~QObject takes Qt's
        # connection lock and then waits for the interpreter: a GUI thread holding the interpreter
        # and wanting that lock (deleting any QObject) waits forever (seen once in the suite)
        self.deleteLater()
        if self.owner is not None and not shiboken6.isValid(self.owner):
            return  # the window that asked is gone
        if error is None:
            if self.on_result is not None:
                self.on_result(result)
        elif self.on_error is not None:
            self.on_error(error)
        else:
            log.error("background task failed", exc_info=error)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except Exception as exc:  # handed to on_error on the GUI thread
            result, error = None, exc
        self.relay.done.emit(result, error)


def run_task(fn: Callable[[], Any], *, on_result: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception], None] | None = None, pool: QThreadPool | None = None,
             owner: QObject | None = None) -> None:
    if owner is None and isinstance(getattr(on_result, "__self__", None), QObject):
        owner = on_result.__self__
    relay = _Relay(on_result, on_error, owner)  # created on the GUI thread: its slot runs there
    _alive.add(relay)
    job = _Job(fn, relay)
    if SYNCHRONOUS:
        try:
            result, error = fn(), None
        except Exception as exc:
            result, error = None, exc
        relay._finish(result, error)
        return
    (pool or QThreadPool.globalInstance()).start(job)
