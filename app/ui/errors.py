"""Our bugs never die silently: ``sys.excepthook`` and ``threading.excepthook`` log the trace and
show a crash dialog naming the log file. (Expected problems are banners; a cancel is silence.)

    install_crash_hooks(log_path)     # after the QApplication exists
    report_bug(exc, where="station")  # a bug caught on a thread that goes on (a worker's slot)
"""
from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("packdesk.ui.crash")

_installed: CrashReporter | None = None  # the reporter whose hooks are in place


def report_bug(exc: BaseException, *, where: str) -> None:
    """A bug caught by a worker that must go on (a Qt slot on its own thread, where no excepthook
    sees it): logged with its trace and shown in the crash dialog, as an uncaught one would be.
    Without installed hooks (tests, screenshots) it is logged only."""
    reporter = _installed
    if reporter is not None:
        reporter.report(type(exc), exc, exc.__traceback__, where=where)
    else:
        log.critical("unexpected error in thread %s", where, exc_info=(type(exc), exc, exc.__traceback__))


class CrashDialog(QMessageBox):
    def __init__(self, summary: str, details: str, log_path: Path | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("packdesk: unexpected error"))
        where = str(log_path) if log_path else self.tr("(no log file)")
        self.setText(self.tr("Something went wrong inside packdesk (a bug, not your mistake)."))
        self.setInformativeText(self.tr("%1\n\nThe details are in the log: %2\nPlease send it to support. "
                                        "The bench keeps working; restart it if something looks wrong.")
                                .replace("%1", summary).replace("%2", where))
        self.setDetailedText(details)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


class CrashReporter(QObject):
    """Receives crashes from any thread; shows one dialog at a time on the GUI thread."""

    crashed = Signal(str, str)  # summary, traceback text
    _queued = Signal(str, str)

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.showing = False
        self._queued.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        global _installed
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        _installed = self

    def uninstall(self) -> None:
        global _installed
        sys.excepthook, threading.excepthook = self._previous
        if _installed is self:
            _installed = None

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self.report(exc_type, exc, tb, where="main")

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "?"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, where=name)

    def report(self, exc_type, exc, tb, *, where: str) -> None:
        log.critical("unexpected error in thread %s", where, exc_info=(exc_type, exc, tb))
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        self._queued.emit(f"{exc_type.__name__}: {exc}", details)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        self.crashed.emit(summary, details)
        if self.showing:  # one dialog at a time; the rest is in the log
            return
        self.showing = True
        try:
            CrashDialog(summary, details, self.log_path, QApplication.activeWindow()).exec()
        finally:
            self.showing = False


def install_crash_hooks(log_path: Path | None, parent: QObject | None = None) -> CrashReporter:
    reporter = CrashReporter(log_path, parent)
    reporter.install()
    return reporter
