"""``MessageBridge``: the one way the core speaks to the user (info, warning, error banners).

Services get a plain callable (``bridge.notify``), never a widget; it may be called from any
thread. The main window connects ``message`` to its banner. Levels: "info", "warning", "error".
An optional action (text, callable) is the way forward an expected problem offers. The text is a
string, or an ``app.messages.Said`` (a code and its parameters) that the banner renders in the
language shown, again after a language switch (the log gets it in English).
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.messages import Said

log = logging.getLogger("packdesk.ui.messages")

LEVELS = ("info", "warning", "error")


class MessageBridge(QObject):
    message = Signal(str, object, object)  # level, text (str or Said), action: (label, callable) or None

    _queued = Signal(str, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queued.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def notify(self, level: str, text: str | Said, action: tuple[str, Callable[[], None]] | None = None) -> None:
        """Any thread. Unknown levels count as errors (louder is safer)."""
        level = level if level in LEVELS else "error"
        getattr(log, "warning" if level == "error" else level)("%s", text.render("en") if isinstance(text, Said) else text)
        self._queued.emit(level, text, action)

    def info(self, text: str | Said) -> None:
        self.notify("info", text)

    def warning(self, text: str | Said, action=None) -> None:
        self.notify("warning", text, action)

    def error(self, text: str | Said, action=None) -> None:
        self.notify("error", text, action)

    @Slot(str, object, object)
    def _deliver(self, level: str, text, action) -> None:
        self.message.emit(level, text, action)
