"""``MessageBridge``: the one way the core speaks to the user (info, warning, error banners).

Services get a plain callable (``bridge.notify``), never a widget; it may be called from any
thread. The main window connects ``message`` to its banner. Levels: "info", "warning", "error".
An optional action (text, callable) is the way forward an expected problem offers.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger("packdesk.ui.messages")

LEVELS = ("info", "warning", "error")


class MessageBridge(QObject):
    message = Signal(str, str, object)  # level, text, action: (label, callable) or None

    _queued = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queued.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def notify(self, level: str, text: str, action: tuple[str, Callable[[], None]] | None = None) -> None:
        """Any thread. Unknown levels count as errors (louder is safer)."""
        level = level if level in LEVELS else "error"
        getattr(log, "warning" if level == "error" else level)("%s", text)
        self._queued.emit(level, text, action)

    def info(self, text: str) -> None:
        self.notify("info", text)

    def warning(self, text: str, action=None) -> None:
        self.notify("warning", text, action)

    def error(self, text: str, action=None) -> None:
        self.notify("error", text, action)

    @Slot(str, str, object)
    def _deliver(self, level: str, text: str, action) -> None:
        self.message.emit(level, text, action)
