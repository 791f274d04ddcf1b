"""``StallMeter``: how long the GUI thread's event loop went without running a timer.

A ``QTimer`` beats on the GUI thread (every 10 ms when measuring); the gap between two beats is
how long the window could not react (a slot that blocked, a full garbage collection, a big
repaint). The bench keeps a slower one running and logs any gap over ``warn_ms``, so a freeze a packer reports shows up in the log
with its length; tests and ``benchmarks/bench_ui_sync.py`` read ``longest_ms``.

    meter = StallMeter(warn_ms=250); meter.start(); ...; meter.longest_ms
"""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Qt, QTimer

log = logging.getLogger("packdesk.ui.stall")

BEAT_MS = 10


class StallMeter(QObject):
    def __init__(self, *, beat_ms: int = BEAT_MS, warn_ms: float | None = 250.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.warn_ms = warn_ms
        self.longest_ms = 0.0
        self.beats = 0
        self.stalls: list[float] = []  # gaps over warn_ms, in ms
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(beat_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self.longest_ms, self.beats = 0.0, 0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        now = time.perf_counter()
        gap_ms = (now - self._last) * 1000.0
        self._last = now
        self.beats += 1
        self.longest_ms = max(self.longest_ms, gap_ms)
        if self.warn_ms is not None and gap_ms > self.warn_ms:
            self.stalls.append(gap_ms)
            log.warning("the window did not respond for %.0f ms", gap_ms)
