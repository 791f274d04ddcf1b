"""``SyncWorker``: the background ``SyncService`` reporting on the GUI thread.

    worker = SyncWorker(SyncService(engine, interval_s=30))   # callbacks are set here
    worker.passFinished.connect(status.on_pass)                # dict: PassSummary.as_dict()
    worker.syncFailed.connect(banner.show_error)               # str: what went wrong
    worker.start(); ...; worker.stop()

The service calls back on its own thread; each callback emits a private signal that is
delivered, queued, to a slot of this object, which lives on the GUI thread and re-emits the
public signal there. So every listener runs on the GUI thread, whatever it is connected with.

A bug in the sync (a whole pass, or one stage while the others went on) is also handed to
``threading.excepthook``, where the desktop app's crash hooks show the crash dialog: once per
distinct bug, since a bug in a stage comes back every pass (the log gets each one).
"""
from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger("packdesk.ui.sync")


class SyncWorker(QObject):
    passFinished = Signal(object)  # the pass's summary dict, as it is (not copied into a QVariantMap)
    syncFailed = Signal(str)
    authFailed = Signal(str)  # Ozon refused the key: background sync has stopped

    _passed = Signal(object)
    _failed = Signal(str, bool)

    def __init__(self, service, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        service.on_pass = self._on_pass
        service.on_fatal = self._on_fatal
        self._passed.connect(self._deliver_pass, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._deliver_failure, Qt.ConnectionType.QueuedConnection)
        self._started = False
        self._bugs_shown: set[tuple[str, str]] = set()

    def start(self) -> None:
        if not self._started:
            self._started = True
            self.service.start()

    def wake(self) -> None:
        """Run a pass now (e.g. after a posting was packed)."""
        self.service.wake()

    def stop(self, timeout: float | None = 30.0) -> None:
        if self._started:
            self.service.stop(timeout)
            self._started = False

    # --- the sync thread -------------------------------------------------------------------
    def _on_pass(self, summary) -> None:
        self._passed.emit(summary.as_dict())

    def _on_fatal(self, exc: Exception) -> None:
        from app.services.ozon.errors import OzonAuthError, OzonError

        if not isinstance(exc, OzonError):
            self._show_bug(exc)
        self._failed.emit(str(exc) or type(exc).__name__, isinstance(exc, OzonAuthError))

    def _show_bug(self, exc: Exception) -> None:
        seen = (type(exc).__name__, str(exc))
        if seen in self._bugs_shown:
            return
        self._bugs_shown.add(seen)
        here = threading.current_thread()  # the sync thread: the crash hooks name it
        threading.excepthook(threading.ExceptHookArgs((type(exc), exc, exc.__traceback__, here)))

    # --- the GUI thread --------------------------------------------------------------------
    @Slot(object)
    def _deliver_pass(self, summary: dict) -> None:
        self.passFinished.emit(summary)

    @Slot(str, bool)
    def _deliver_failure(self, detail: str, auth: bool) -> None:
        if auth:
            self.authFailed.emit(detail)
        self.syncFailed.emit(detail)
