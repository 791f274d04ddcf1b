"""The station's thread: a failure a bench can meet is a banner; our bug goes to the log and the
crash dialog (never a red banner with an exception's text), and the thread goes on."""
import logging
import sqlite3

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import OperationalError

from app.messages import text
from app.services.station import Station
from app.ui.adapters import StationWorker
from app.ui.errors import CrashDialog, CrashReporter
from sync_helpers import bench  # noqa: F401
from ui_helpers import cache_with_postings


@pytest.fixture
def station(tmp_path):
    db = cache_with_postings(tmp_path)
    try:
        yield Station(db, "bench-1")
    finally:
        db.close()


@pytest.fixture
def worker(qtbot, station):
    worker = StationWorker(station)
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    yield worker
    worker.stop()


@pytest.fixture
def crash_dialogs(monkeypatch, tmp_path):
    """The crash hooks as the app installs them; the dialogs shown (their text) instead of opened."""
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.informativeText()) or 0)
    reporter = CrashReporter(tmp_path / "packdesk.log")
    reporter.install()
    try:
        yield reporter, shown
    finally:
        reporter.uninstall()


def failing(exc):
    def scan(_text):
        raise exc
    return scan


@pytest.mark.expect_errors("packdesk.ui.crash")
def test_a_bug_in_the_station_goes_to_the_log_and_the_crash_dialog(qtbot, worker, station, crash_dialogs,
                                                                   caplog, tmp_path):
    reporter, shown = crash_dialogs
    banners = []
    worker.failed.connect(lambda code, detail: banners.append(code))
    station.scan = failing(KeyError("line_no"))
    with qtbot.waitSignal(reporter.crashed, timeout=5000) as crashed:
        worker.scan("100-0001-1")
    assert crashed.args[0] == "KeyError: 'line_no'" and "Traceback" in crashed.args[1]
    assert len(shown) == 1 and str(tmp_path / "packdesk.log") in shown[0]
    logged = [r for r in caplog.records if r.name == "packdesk.ui.crash"]
    assert [(r.levelno, r.exc_info[0]) for r in logged] == [(logging.CRITICAL, KeyError)]
    assert "packdesk-station" in logged[0].getMessage()
    assert banners == []
    del station.scan  # the bug is fixed: the same thread answers the next scan
    with qtbot.waitSignal(worker.result, timeout=5000) as answered:
        worker.scan("4600000000001")  # an item of 100-0001-1
    assert answered.args[0].ok and answered.args[0].posting == "100-0001-1"


def test_a_database_that_cannot_be_used_is_a_banner_not_a_crash(qtbot, worker, station, crash_dialogs, caplog):
    _, shown = crash_dialogs
    locked = OperationalError("UPDATE stations ...", {}, sqlite3.OperationalError("database is locked"))
    station.scan = failing(locked)
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.scan("100-0001-1")
    assert failed.args == ["database_unavailable", "database is locked"]
    assert "database is locked" in text("database_unavailable", "ru", detail=failed.args[1])
    assert shown == [] and not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.expect_errors("packdesk.ui.crash")
def test_a_schema_error_is_a_bug_even_though_sqlite_calls_it_operational(qtbot, worker, station, crash_dialogs):
    reporter, _ = crash_dialogs
    banners = []
    worker.failed.connect(lambda code, detail: banners.append(code))
    station.scan = failing(OperationalError("SELECT ...", {}, sqlite3.OperationalError("no such column: x")))
    with qtbot.waitSignal(reporter.crashed, timeout=5000):
        worker.scan("100-0001-1")
    assert banners == []


@pytest.mark.parametrize("answered_at_once", [False, True])
def test_a_cancellation_found_after_an_open_from_the_cache_reaches_the_screen(qtbot, bench, answered_at_once):
    """The station thread opens from the cache at once; Ozon's re-read arrives on a pool thread
    and is decided back on the station thread, its stop shown like any answer, after the open's,
    even when the re-read was done before the station could ask to be told (a busy machine)."""
    from concurrent.futures import Future

    from app.services.station import Remote
    from app.services.station import results as r

    bench.engine().run_pass()
    number = bench.packable()[0]
    bench.sim.world.cancel(number)
    remote = Remote.for_client(bench.client)
    if answered_at_once:
        def posting_soon(number: str) -> Future:
            done: Future = Future()
            done.set_result(remote.posting(number))
            return done
        remote.posting_soon = posting_soon
    station = Station(bench.db, "bench-1", remote=remote)
    worker = StationWorker(station)
    answers = []
    worker.result.connect(lambda result: answers.append((result.code, result.posting)))
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    try:
        worker.scan(number)
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
        assert answers == [(r.POSTING_OPENED, number), (r.POSTING_NOT_PACKABLE, number)]
    finally:
        worker.stop()
        station.close()


def test_what_a_decision_sets_off_runs_after_its_answer_went_out_in_order(qtbot, station):
    """The evidence follower (``after_answer``) hears each decision once the answer has left the
    station thread, in the order decided; a plain listener (the demo's parcel) hears it before."""
    from PySide6.QtCore import Qt

    from app.services.station import results as r

    emitted, heard = [], []
    station.listen(lambda result: heard.append(("told", result.code, result.code in emitted)))
    station.listen(lambda result: heard.append(("followed", result.code, result.code in emitted)), after_answer=True)
    worker = StationWorker(station)
    worker._engine.answered.connect(lambda _, result: emitted.append(result.code), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    try:
        worker.scan("4600000000000")  # an item: it opens the posting that wants it
        worker.scan("CMD:CANCEL")
        qtbot.waitUntil(lambda: len(heard) == 4, timeout=10_000)
    finally:
        worker.stop()
    assert emitted[0] == r.POSTING_COMPLETE and emitted[-1] == r.POSTING_RELEASED  # the scale's answer between
    # each stream in the order decided (how the two interleave depends on the machine's load)
    assert [h for h in heard if h[0] == "told"] == [("told", r.POSTING_COMPLETE, False),
                                                    ("told", r.POSTING_RELEASED, False)]
    assert [h for h in heard if h[0] == "followed"] == [("followed", r.POSTING_COMPLETE, True),
                                                        ("followed", r.POSTING_RELEASED, True)]


def test_what_is_still_to_follow_when_the_worker_stops_runs_then(qtbot, station, monkeypatch):
    from app.services.station import results as r

    monkeypatch.setattr("app.ui.adapters.station_worker.FOLLOW_UP_MS", 3_600_000)
    heard = []
    station.listen(lambda result: heard.append(result.code), after_answer=True)
    worker = StationWorker(station)
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    with qtbot.waitSignal(worker.result, timeout=5000):
        worker.scan("4600000000000")
    assert heard == []
    worker.stop()
    assert heard == [r.POSTING_COMPLETE]


def test_ozons_re_read_of_an_open_from_the_cache_is_asked_after_the_open_was_answered(qtbot, bench, monkeypatch):
    from app.services.station import Remote
    from app.services.station import results as r

    monkeypatch.setattr("app.ui.adapters.station_worker.FOLLOW_UP_MS", 3_600_000)
    bench.engine().run_pass()
    number = bench.packable()[0]
    remote = Remote.for_client(bench.client)
    asked = []
    posting_soon = remote.posting_soon
    remote.posting_soon = lambda number: asked.append(number) or posting_soon(number)
    station = Station(bench.db, "bench-1", remote=remote)
    worker = StationWorker(station)
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    try:
        with qtbot.waitSignal(worker.result, timeout=5000) as answer:
            worker.scan(number)
        assert answer.args[0].code == r.POSTING_OPENED and asked == []
    finally:
        worker.stop()
        station.close()
    assert asked == [number]


def test_the_lines_and_the_result_of_a_decision_reach_the_window_in_one_event(qtbot, station):
    """One queued call carries both. As two, the window could take the lines and paint them before
    the station thread had posted the result (it waits for the interpreter meanwhile): the banner
    came one repaint after the lines."""
    from PySide6.QtCore import QEvent, QObject

    from app.services.station import results as r

    class CountCalls(QObject):
        calls = 0

        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.MetaCall:
                self.calls += 1
            return False

    worker = StationWorker(station)
    counter = CountCalls()
    worker.installEventFilter(counter)
    heard = []
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    worker.snapshot.connect(lambda snapshot: heard.append(("snapshot", counter.calls)))
    worker.result.connect(lambda result: heard.append((result.code, counter.calls)))
    try:
        worker.scan("4600000000000")  # the last unit of a posting: complete, then the scale's answer
        qtbot.waitUntil(lambda: len(heard) == 4, timeout=10_000)
    finally:
        worker.stop()
    (first, first_call), (complete, complete_call), (second, second_call), (_, weighed_call) = heard
    assert (first, complete, second) == ("snapshot", r.POSTING_COMPLETE, "snapshot")
    assert complete_call == first_call and weighed_call == second_call == first_call + 1


def test_the_station_thread_rehearses_once_before_its_first_scan(qtbot, station, monkeypatch):
    """A scan sent the moment the worker starts is decided after the rehearsal, on the station's
    thread, and the rehearsal runs once (its decisions undone: tests/test_station_rehearsal.py)."""
    from PySide6.QtCore import QThread

    from app.services.station import rehearsal
    from app.services.station import results as r
    from app.ui.adapters.station_worker import THREAD_NAME

    calls = []
    real_rehearse, real_scan = rehearsal.rehearse, station.scan

    def rehearse(on):
        calls.append(("rehearsed", QThread.currentThread().objectName()))
        return real_rehearse(on)

    def scan(text):
        calls.append(("scan", QThread.currentThread().objectName()))
        return real_scan(text)

    monkeypatch.setattr(rehearsal, "rehearse", rehearse)
    station.scan = scan
    worker = StationWorker(station)
    answers = []
    worker.result.connect(lambda result: answers.append(result.code))
    worker.start()
    try:
        worker.scan("CMD:CANCEL")
        qtbot.waitUntil(lambda: len(answers) == 1, timeout=10_000)
        worker.scan("CMD:CANCEL")
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    finally:
        worker.stop()
    assert answers == [r.NOTHING_OPEN, r.NOTHING_OPEN]
    assert calls == [("rehearsed", THREAD_NAME), ("scan", THREAD_NAME), ("scan", THREAD_NAME)]


class _Window(QWidget):
    """A top-level window that notes each of its paints in ``said`` (beside the station's steps)."""

    def __init__(self, said: list) -> None:
        super().__init__()
        self.said = said
        self.resize(120, 80)

    def paintEvent(self, event) -> None:  # noqa: N802
        self.said.append("painted")


@pytest.fixture
def window(qtbot):
    said: list = []
    window = _Window(said)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_what_an_answer_sets_off_runs_once_the_window_has_repainted_it(qtbot, station, window, monkeypatch):
    """Not a fixed time after the answer (that met a packer's next scan), and not before its repaint."""
    from app.services.station import results as r

    monkeypatch.setattr("app.ui.adapters.station_worker.FOLLOW_UP_MS", 3_600_000)  # no timer does it here
    station.listen(lambda result: window.said.append(result.code), after_answer=True)
    worker = StationWorker(station)
    worker.watch_repaints(window)
    worker.result.connect(lambda result: window.update())  # the answer shown, as the pack view shows it
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    try:
        window.said.clear()
        worker.scan("4600000000000")
        qtbot.waitUntil(lambda: r.POSTING_COMPLETE in window.said, timeout=5000)
        assert window.said[0] == "painted"
    finally:
        worker.stop()


def test_ozons_re_read_coming_while_an_answer_is_on_its_way_is_decided_after_its_repaint(qtbot, station, window,
                                                                                          monkeypatch):
    from app.services.station import results as r

    monkeypatch.setattr("app.ui.adapters.station_worker.FOLLOW_UP_MS", 3_600_000)
    station.listen(lambda result: window.said.append(result.code), after_answer=True)
    worker = StationWorker(station)
    worker.watch_repaints(window)
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    try:
        window.said.clear()
        with qtbot.waitSignal(worker.result, timeout=5000):
            worker.scan("4600000000000")  # answered; not repainted yet: its follow-up waits
        station.later(lambda: window.said.append("decided later"))  # as from Ozon's pool thread
        with qtbot.waitSignal(worker.snapshot, timeout=5000):
            worker.refresh()  # queued behind it on the station thread: that thread has taken it
        assert window.said == []
        window.update()
        qtbot.waitUntil(lambda: "decided later" in window.said, timeout=5000)
        assert window.said == ["painted", r.POSTING_COMPLETE, "decided later"]
    finally:
        worker.stop()
