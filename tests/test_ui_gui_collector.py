"""Python's garbage is collected on the GUI thread only (``app.ui.gui_collector``): a QObject left in a
reference cycle by the GUI is destroyed there, never on the thread that happened to allocate past the
collector's threshold (a QObject destroyed on a pool thread while the GUI thread connects a signal
deadlocks both: seen once in the suite)."""
import gc
import threading

import pytest
from PySide6.QtCore import QObject, Qt

from app.ui import gui_collector
from app.ui.gui_collector import due_generation


@pytest.mark.parametrize("counts, thresholds, due", [
    ((0, 0, 0), (700, 10, 10), None),
    ((700, 0, 0), (700, 10, 10), None),    # at the threshold: not past it (CPython's ``>``)
    ((701, 0, 0), (700, 10, 10), 0),
    ((701, 11, 0), (700, 10, 10), 1),      # a collection of generation 1 takes generation 0 with it
    ((5, 11, 0), (700, 10, 10), 1),
    ((701, 11, 11), (700, 10, 10), 2),
    ((3, 0, 11), (700, 10, 10), 2),
    ((10_000, 50, 50), (0, 10, 10), None),  # gc.set_threshold(0): collection switched off
])
def test_the_due_generation_follows_cpythons_thresholds(counts, thresholds, due):
    assert due_generation(counts, thresholds) == due


def test_the_window_switches_the_automatic_collector_off_and_collects_on_its_timer(qapp, qtbot):
    collector = gui_collector.install(qapp)
    assert gui_collector.install(qapp) is collector  # one per application
    assert not gc.isenabled()
    assert collector.timer.isActive() and collector.timer.thread() is qapp.thread()
    def collected() -> int:  # by any generation: the one due may be 1 or 2 as well
        return sum(generation["collected"] for generation in gc.get_stats())

    garbage_before = collected()
    for _ in range(gc.get_threshold()[0] * 2):
        cycle = []
        cycle.append(cycle)
    del cycle
    assert gc.get_count()[0] > gc.get_threshold()[0]  # nothing collected it as it was made
    qtbot.waitUntil(lambda: gc.get_count()[0] <= gc.get_threshold()[0], timeout=5_000)
    assert collected() - garbage_before >= gc.get_threshold()[0]


class _InACycle(QObject):
    def __init__(self) -> None:
        super().__init__()  # no parent: Python owns it, its collection destroys it
        self.me = self


def test_a_qobject_dropped_in_a_cycle_is_destroyed_on_the_gui_thread_not_where_garbage_was_made(qapp, qtbot):
    gui_collector.install(qapp)
    destroyed_on = []
    doomed = _InACycle()
    doomed.destroyed.connect(lambda *_: destroyed_on.append(threading.current_thread().name),
                             Qt.ConnectionType.DirectConnection)
    del doomed

    def allocate() -> None:  # past every generation's threshold: automatic collection would run here
        for _ in range(gc.get_threshold()[0] * gc.get_threshold()[1] * (gc.get_threshold()[2] + 2)):
            cycle = []
            cycle.append(cycle)

    worker = threading.Thread(target=allocate, name="allocating-worker")
    worker.start()
    worker.join()
    assert destroyed_on == []  # the worker left it for the GUI thread
    qtbot.waitUntil(lambda: bool(destroyed_on), timeout=10_000)
    assert destroyed_on == [threading.main_thread().name]


def test_after_a_collection_it_looks_again_soon_and_back_to_its_pace_once_nothing_is_due(qapp):
    collector = gui_collector.GuiCollector(None, every_ms=100, busy_ms=10)
    try:
        for _ in range(gc.get_threshold()[0] * 2):
            cycle = []
            cycle.append(cycle)
        del cycle
        collector._tick()
        assert collector.timer.interval() == 10  # garbage came: a sync parsing pages makes more soon
        collector._tick()
        assert collector.timer.interval() == 100
    finally:
        collector.timer.stop()
        collector.deleteLater()
