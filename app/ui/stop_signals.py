"""SIGINT (Ctrl+C where the bench was started) and SIGTERM (a logout, ``kill``, a service manager)
end the window's event loop, so ``run_gui`` shuts the bench down as closing the window does: the
workers stop, the camera's clip is finished, the cache is closed, and the demo removes its throwaway
data dir. What the screen called done is in the database already; an open posting resumes.

Python runs a signal's handler only when the main thread runs Python code, and that thread sits in
Qt's event loop: the signal's number is written to a socket (``signal.set_wakeup_fd``) that a
``QSocketNotifier`` watches, so the loop wakes at once. A second signal while the bench shuts down
ends the process as the signal would have without this (a shut-down that hangs can still be ended).
"""
from __future__ import annotations

import logging
import os
import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

log = logging.getLogger("packdesk.ui")

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopSignals(QObject):
    """Installed on the main thread for as long as the window runs; ``uninstall()`` puts back what
    was there before."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self.received: signal.Signals | None = None
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {signum: signal.signal(signum, self._noted) for signum in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _noted(self, signum: int, _frame) -> None:
        """Python's handler (main thread, between two bytecodes); the socket's byte does the work."""
        if self.received is not None:  # again, while shutting down: as without this handler
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    def _woken(self) -> None:
        try:
            data = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        stops = [signal.Signals(n) for n in data if n in STOP_SIGNALS]
        if stops and self.received is None:
            self.received = stops[0]
            log.info("%s received: the bench shuts down", self.received.name)
            self.app.exit(0)  # every event loop ends, a dialog's too

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._reader.close()
        self._writer.close()
