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
garbage waits for the GUI thread's next tick, at most ``CHECK_MS`` later (``BUSY_MS`` after a collection).
The station's thread no longer pays for collections in the middle of a decision either. The price: what
another thread allocates in bulk is collected in one piece here (a 5,000-posting first sync: up to 10-20 ms
on the GUI thread; before, the sync's thread collected as much and kept the interpreter from the GUI meanwhile;
the longest stall measured the same either way, benchmarks/README.md).

    gui_collector.install(app)   # make_app does: one per application, parented to it, for its life
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 100  # how often the GUI thread looks while little is allocated
BUSY_MS = 10    # ... and after it collected: a sync parsing pages leaves small collections, not one big one


def due_generation(counts: tuple[int, int, int], thresholds: tuple[int, int, int]) -> int | None:
    """The oldest generation whose count passed its threshold (what CPython would collect at the next
    allocation past generation 0's), or None. A threshold of 0 means never, as in ``gc``."""
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

    def __init__(self, parent: QObject | None = None, *, every_ms: int = CHECK_MS, busy_ms: int = BUSY_MS) -> None:
        super().__init__(parent)
        self.every_ms, self.busy_ms = every_ms, busy_ms
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.timer.setInterval(self.every_ms if collect_due() is None else self.busy_ms)


def install(app: QObject) -> GuiCollector:
    """The application's collector: made once, the same one after."""
    existing = app.findChild(GuiCollector)
    return existing if existing is not None else GuiCollector(app)
