"""``SyncWorker``: the background ``SyncService`` reporting on the GUI thread.

    worker = SyncWorker(SyncService(engine, interval_s=30))   # callbacks are set here
    worker.passFinished.connect(status.on_pass)                # dict: PassSummary.as_dict()
    worker.syncFailed.connect(banner.show_error)               # str: what went wrong
    worker.start(); ...; worker.stop()

The service calls back on its own thread; each callback emits a private signal that is
delivered, queued, to a slot of this object, which lives on the GUI thread and re-emits the
public signal there. So every listener runs on the GUI thread, whatever it is connected with.

A pass that ends while a scan is being decided, or its answer shown (``app.foreground``: a decision in
flight or ended less than its linger ago), is reported once the packer has it: the reloads it sets
off (queues, hand-over, returns, tracking, the status bar) took the GUI thread and the pool's
threads from that answer's repaint. It waits at most ``HOLD_MAX_S``; passes are reported in order.

A bug in the sync (a whole pass, or one stage while the others went on) is also handed to
``threading.excepthook``, where the desktop app's crash hooks show the crash dialog: once per
distinct bug, since a bug in a stage comes back every pass (the log gets each one).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from app import foreground as foreground_gate

log = logging.getLogger("packdesk.ui.sync")

HOLD_STEP_MS = 40  # a pass held for the packer's answer is looked at again this often
HOLD_MAX_S = 1.0   # ... and reported after this long even if the packer never pauses


class SyncWorker(QObject):
    passFinished = Signal(object)  # the pass's summary dict, as it is (not copied into a QVariantMap)
    syncFailed = Signal(str)
    authFailed = Signal(str)  # Ozon refused the key: background sync has stopped

    _passed = Signal(object)
    _failed = Signal(str, bool)

    def __init__(self, service, parent: QObject | None = None, *, foreground: foreground_gate.Foreground | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``foreground``: whether a scan is being decided or its answer shown (default: the process's)."""
        super().__init__(parent)
        self.service = service
        self.foreground = foreground or foreground_gate.FOREGROUND
        self.clock = clock
        service.on_pass = self._on_pass
        service.on_fatal = self._on_fatal
        self._passed.connect(self._deliver_pass, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._deliver_failure, Qt.ConnectionType.QueuedConnection)
        self._started = False
        self._bugs_shown: set[tuple[str, str]] = set()
        self._held: list[dict] = []  # passes ended while the packer waited for an answer, oldest first
        self._held_since = 0.0
        self._hold = QTimer(self, singleShot=True, interval=HOLD_STEP_MS)
        self._hold.timeout.connect(self._report_held)

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
        if not self._held:
            self._held_since = self.clock()
        self._held.append(summary)
        self._report_held()

    def _report_held(self) -> None:
        if not self._held:
            return
        packer_waits = self.foreground.at_work(self.foreground.linger_s)
        if packer_waits and self.clock() - self._held_since < HOLD_MAX_S:
            if not self._hold.isActive():
                self._hold.start()
            return
        held, self._held = self._held, []
        for summary in held:
            self.passFinished.emit(summary)

    @Slot(str, bool)
    def _deliver_failure(self, detail: str, auth: bool) -> None:
        if auth:
            self.authFailed.emit(detail)
        self.syncFailed.emit(detail)
