"""The in-app log: a handler on the "packdesk" logger keeping the last records in a ring buffer
(after Picard's ``log.py``), and a Qt relay that tells the log view about new ones.

``install_log_buffer()`` is idempotent; the handler itself is Qt-free and thread-safe.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.devices.scanners.gs1 import MarkRedactor

CAPACITY = 2000
FORMAT = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S")


@dataclass(frozen=True)
class LogLine:
    seq: int
    level: int
    text: str


class RingBufferHandler(logging.Handler):
    def __init__(self, capacity: int = CAPACITY) -> None:
        super().__init__(logging.DEBUG)
        self.lines: deque[LogLine] = deque(maxlen=capacity)
        self._seq = 0
        self._guard = threading.Lock()
        self.listeners: list[Callable[[LogLine], None]] = []
        self.setFormatter(FORMAT)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a bad format string in some log call: never break the caller
            text = str(record.msg)
        with self._guard:
            self._seq += 1
            line = LogLine(self._seq, record.levelno, text)
            self.lines.append(line)
        with self.lock:  # held by handle() already; a listener is never removed (and deleted) while called
            for listener in list(self.listeners):
                try:
                    listener(line)
                except RuntimeError:  # its Qt object is gone: forget it
                    self.remove_listener(listener)

    def add_listener(self, listener: Callable[[LogLine], None]) -> None:
        with self.lock:
            self.listeners.append(listener)

    def remove_listener(self, listener: Callable[[LogLine], None]) -> None:
        with self.lock:
            if listener in self.listeners:
                self.listeners.remove(listener)

    def snapshot(self) -> list[LogLine]:
        with self._guard:
            return list(self.lines)


class LogRelay(QObject):
    """Moves new log lines to the GUI thread (``appended``)."""

    appended = Signal(object)
    _queued = Signal(object)

    def __init__(self, handler: RingBufferHandler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handler = handler
        self._queued.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._listener = listener = self._queued.emit
        handler.add_listener(listener)
        # deleted with its window (not closed first): gone from the handler before the object is,
        # under the lock every emit holds: a thread logging at that moment finishes first
        # (emitting on a relay being deleted crashed the process)
        self.destroyed.connect(lambda *_: handler.remove_listener(listener))

    def detach(self) -> None:
        self.handler.remove_listener(self._listener)

    @Slot(object)
    def _deliver(self, line: LogLine) -> None:
        self.appended.emit(line)


_HANDLER: RingBufferHandler | None = None


def install_log_buffer(logger_name: str = "packdesk") -> RingBufferHandler:
    global _HANDLER
    if _HANDLER is None:
        _HANDLER = RingBufferHandler()
        _HANDLER.addFilter(MarkRedactor())  # the log view shows no marking code whole either
        logger = logging.getLogger(logger_name)
        logger.addHandler(_HANDLER)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)
    return _HANDLER
