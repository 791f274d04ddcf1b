"""``ProgressBridge``: long work's ``Progress`` (``app.services.progress``), told on any thread, as a
signal on the GUI thread.

    bridge = ProgressBridge(parent)
    engine.on_progress = bridge.report             # the sync thread: postings pulled of Ozon's count
    printer.progress = bridge.report               # the print thread: a wave's labels printed n of m
    bridge.progress.connect(panel.show_progress)   # GUI thread: the bars
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.services.progress import Progress


class ProgressBridge(QObject):
    progress = Signal(object)  # Progress

    _told = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._told.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def report(self, progress: Progress) -> None:
        """Any thread (a ``ProgressFn``): queued to the GUI thread, the caller never waits for it."""
        self._told.emit(progress)

    @Slot(object)
    def _deliver(self, progress: Progress) -> None:
        self.progress.emit(progress)
