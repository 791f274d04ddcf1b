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
from functools import partial

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
            listeners = list(self.listeners)
        for listener in listeners:
            try:
                listener(line)
            except RuntimeError:  # its Qt object is gone: forget it
                with self._guard:
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
        with handler.lock:
            handler.listeners.append(listener)
        # deleted with its window (not closed first): gone from the handler before the object is.
        # Under the handler's lock, which every emit holds (logging.Handler.handle): a thread that
        # logs at that moment finishes first (emitting on a relay being deleted crashed the process)
        self.destroyed.connect(partial(_forget, handler, listener))

    def detach(self) -> None:
        _forget(self.handler, self._listener)

    @Slot(object)
    def _deliver(self, line: LogLine) -> None:
        self.appended.emit(line)


def _forget(handler: RingBufferHandler, listener: Callable[[LogLine], None], *_destroyed) -> None:
    with handler.lock:
        if listener in handler.listeners:
            handler.listeners.remove(listener)


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
