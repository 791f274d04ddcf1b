"""Python's garbage collector runs on the GUI thread only, once a window's Qt application runs.

The cyclic collector runs on whichever thread happens to allocate past its threshold: the database
writer, the sync, the station's thread, a pool job. A QObject that Python owns (no Qt parent) and that
sits in a reference cycle (a worker whose service calls back into it, a widget whose slot is a
lambda over itself) is destroyed by that collection, on that thread. ``~QObject`` there takes Qt's
connection lock and then waits for the interpreter, while the GUI thread, holding the interpreter,
waits for that lock to connect or delete anything: both wait for good (seen in the suite: a pool
thread inside SQLAlchemy destroying a QObject, the GUI thread in ``QChart.removeAllSeries``).

So the automatic collector is switched off, and a timer on the GUI thread runs the collection
CPython would have run, by the same thresholds (``due_generation``): what another thread leaves as
garbage waits for the GUI thread's next tick, at most ``CHECK_MS`` later. The station's thread no longer
pays for collections in the middle of a decision either.

    collector = GuiCollector(app)          # parented to the application: lives as long as it
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 100


def due_generation(counts: tuple[int, int, int], thresholds: tuple[int, int, int]) -> int | None:
    """The oldest generation whose count passed its threshold (what CPython collects when an
    allocation passes generation 0's), or None. A threshold of 0 means never, as in ``gc``."""
    if thresholds[0] == 0:
        return None
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return generation
    return None


def collect_due() -> int | None:
    """Collect the generation that is due now, on the calling thread; returns it, or None."""
    generation = due_generation(gc.get_count(), gc.get_threshold())
    if generation is not None:
        gc.collect(generation)
    return generation


class GuiCollector(QObject):
    """Switches Python's automatic collection off for good and collects on this (the GUI) thread's
    timer, as long as the application runs."""

    def __init__(self, parent: QObject | None = None, *, every_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(collect_due)
        self.timer.start()


def install(app: QObject) -> GuiCollector:
    """The application's collector: made once, the same one after."""
    existing = app.findChild(GuiCollector)
    return existing if existing is not None else GuiCollector(app)
