"""``StationWorker``: the Qt-free ``Station`` driven from its own QThread.

The station decides in a database transaction and may ask Ozon (up to its short timeout), so it
never runs on the GUI thread. One worker thread makes all calls (the station wants one caller).

    worker = StationWorker(station, scale_reader, router=router)  # reader, router may be None
    worker.result.connect(pack_view.show_result)      # StationResult, on the GUI thread
    worker.snapshot.connect(pack_view.show_snapshot)  # Station.snapshot() dict
    worker.watch_repaints(window)  # the top-level window showing the answers
    worker.start(); worker.scan("12345678-0001-1"); ...; worker.stop()

Scans, commands and acknowledgements go through the bench's ``ScanRouter`` (app.services.modes)
when there is one: packing or hand-over, whichever mode the bench is in; each snapshot carries the
mode (``snapshot["mode"]``). Once every unit of a posting is verified (state "weighing") the
configured scale is read, as ``packdesk replay`` does, and that outcome is a second ``result``.
A posting opened from the cache is re-read from Ozon meanwhile; the station decides that answer
on this thread too (``Station.later``), and a stop it makes is one more ``result``.

The answer first: what a decision sets off and the packer does not wait for (the evidence video
and log, Ozon's re-read) runs once the window has repainted the answer (``watch_repaints``), or
``FOLLOW_UP_MS`` after it went out when no repaint comes (a window not shown), in order, on this
thread (``Station.follow_up``); so does deciding Ozon's re-read when it comes while an answer is
on its way to the screen. Started at the same moment as the repaint, that work took the two cores
and the interpreter from it; started at a fixed time after it, it met the next scan of a packer
scanning without pause (benchmarks/bench_ui.py). What is still waiting when the worker stops runs then.

Started, the thread first rehearses the station's usual decisions and undoes them
(``app.services.station.rehearsal``), so that the shift's first scans find their statements
compiled; a scan that comes meanwhile waits for it, once (~70 ms at 100,000 cached postings).

What the station cannot decide: a failure a bench can meet (the database cannot be used) is
``failed(code, detail)`` for a banner (``app.messages``); anything else is our bug, for the log and
the crash dialog (``app.ui.errors.report_bug``), and the thread goes on with the next scan.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.ui.errors import report_bug

log = logging.getLogger("packdesk.ui.station")

THREAD_NAME = "packdesk-station"
FOLLOW_UP_MS = 50  # at the latest: the answer's repaint takes 5-25 ms


class _Engine(QObject):
    """Lives on the station thread; its slots are the only code that touches the station."""

    answered = Signal(object, object)  # the posting's lines, then the result: one event for the GUI thread
    snapshot = Signal(object)  # a dict, passed as it is (see StationWorker.snapshot)
    failed = Signal(str, str)
    _later = Signal(object)  # a step the station asked to run later (from Ozon's pool thread)

    def __init__(self, station, scale_reader, router=None) -> None:
        super().__init__()
        self.station, self.scale_reader, self.router = station, scale_reader, router
        self.scanner = router if router is not None else station  # where scans and commands go
        from app.services.station.view import view_in

        # the pack view's snapshot is read in the decision's own transaction (no second one)
        station.view = lambda session, row: view_in(station, session, row)
        # a posting opened from the cache: Ozon's re-read is checked on this thread when it comes;
        # queued even when it came before the open was answered (its callback then runs on this
        # thread), so the stop it may make is always decided and shown after the open
        station.later = self._later.emit
        self._later.connect(self._run_later, Qt.ConnectionType.QueuedConnection)
        self._follow_ups: list = []
        self._follow_timer = QTimer(self)  # a child: it moves to the station thread with the engine
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(FOLLOW_UP_MS)
        self._follow_timer.timeout.connect(self.run_follow_ups)
        station.follow_up = self._follow_up

    def _follow_up(self, step) -> None:
        """On the station thread (from a decision): ``step`` once the answer has been shown."""
        self._follow_ups.append(step)
        if not self._follow_timer.isActive():  # never pushed back: at most FOLLOW_UP_MS late
            self._follow_timer.start()

    @Slot()
    def shown(self) -> None:
        """The window has repainted with the answers given so far: what follows them runs now."""
        self._follow_timer.stop()
        self.run_follow_ups()

    @Slot()
    def finish(self) -> None:
        """The worker stops: what is still to follow runs now, on this thread."""
        self._follow_timer.stop()
        self.run_follow_ups()

    @Slot()
    def run_follow_ups(self) -> None:
        """What the decisions set off, in their order."""
        steps, self._follow_ups = self._follow_ups, []
        for step in steps:
            try:
                step()
            except Exception as exc:
                self._cannot(exc)

    @Slot(object)
    def _run_later(self, step) -> None:
        if self._follow_timer.isActive():  # an answer is on its way to the screen: decided after it
            self._follow_ups.append(lambda: self._decide_later(step))
        else:
            self._decide_later(step)

    def _decide_later(self, step) -> None:
        try:
            self.station.take_view()
            outcome = step()
            if outcome is not None:
                self._answer(outcome)
        except Exception as exc:
            self._cannot(exc)

    @Slot()
    def rehearse(self) -> None:
        """The station's usual decisions, made and undone before the first scan (``rehearsal``)."""
        from app.services.station.rehearsal import rehearse

        try:
            rehearse(self.station)
        except Exception as exc:  # rehearse logs its own failures: this is a bug in it
            self._cannot(exc)

    @Slot(str)
    def scan(self, text: str) -> None:
        self._run(lambda: self.scanner.scan(text))

    @Slot()
    def acknowledge(self) -> None:
        self._run(self.scanner.acknowledge)

    @Slot(str, list)
    def command(self, name: str, args: list) -> None:
        self._run(lambda: self.scanner.command(name, *args))

    @Slot()
    def weigh(self) -> None:
        from app.services.station.scale import weigh_from_scale

        if self.router is not None and not self.router.packing:
            self._run(lambda: self.router.weigh(0.0))  # a mode that takes no weight says so
            return
        self._run(lambda: weigh_from_scale(self.station, self.scale_reader).result)

    @Slot()
    def expire_idle(self) -> None:
        """The person signed in goes when the idle time ran out (an answer only when they did)."""
        try:
            outcome = self.station.expire_idle()
            if outcome is not None:
                self._answer(outcome)
        except Exception as exc:
            self._cannot(exc)

    @Slot()
    def refresh(self) -> None:
        try:
            self.snapshot.emit(self._snapshot())
        except Exception as exc:
            self._cannot(exc)

    def _snapshot(self) -> dict:
        from app.services.station.view import view_snapshot

        return self._moded(view_snapshot(self.station))

    def _moded(self, snapshot: dict) -> dict:
        return self.router.view(snapshot) if self.router is not None else snapshot

    def _answer(self, outcome) -> None:
        """The posting's lines and the result, in one signal: one event for the GUI thread, so one
        repaint shows the new counters with the banner. As two signals, the GUI thread could take
        the lines and paint them before this thread had posted the result (it waits for the
        interpreter meanwhile), and the banner came one repaint later. The snapshot is the one read
        with the decision, when it had one."""
        taken = self.station.take_view()
        self.answered.emit(self._moded(taken) if taken is not None else self._snapshot(), outcome)

    def _run(self, call) -> None:
        from app.services.station import results as r
        from app.services.station.scale import weigh_from_scale

        try:
            self.station.take_view()  # none left from an earlier call
            outcome = call()
            self._answer(outcome)
            if outcome.state == r.WEIGHING and outcome.code in (r.POSTING_COMPLETE, r.POSTING_OPENED,
                                                                r.ITEM_ACCEPTED, r.UNIT_ID_ACCEPTED):
                self._answer(weigh_from_scale(self.station, self.scale_reader).result)
        except Exception as exc:
            self._cannot(exc)

    def _cannot(self, exc: Exception) -> None:
        from app.store.db import unavailable

        if unavailable(exc):
            detail = str(getattr(exc, "orig", None) or exc) or type(exc).__name__
            log.warning("the station cannot use the database: %s", detail)
            self.failed.emit("database_unavailable", detail)
        else:
            report_bug(exc, where=THREAD_NAME)


class StationWorker(QObject):
    result = Signal(object)   # StationResult
    # the view's dict, passed as it is: a Signal(dict) copies it into a QVariantMap and back for each
    # slot (4 here) at every scan, 49 against 3 µs for a three-line posting and two slots (2 GHz
    # core), and its bools met PySide6 6.12's refcount bug (app.ui.refcount_guard)
    snapshot = Signal(object)
    failed = Signal(str, str)  # an expected failure: app.messages code, detail (bugs go to report_bug)

    _scan = Signal(str)
    _ack = Signal()
    _command = Signal(str, list)
    _weigh = Signal()
    _refresh = Signal()
    _rehearse = Signal()
    _expire_idle = Signal()
    _finish = Signal()
    _shown = Signal()

    def __init__(self, station, scale_reader=None, parent: QObject | None = None, *, router=None) -> None:
        super().__init__(parent)
        self.station, self.router = station, router
        self._window: QWidget | None = None
        self._awaiting_paint = False
        self._thread = QThread()
        self._thread.setObjectName(THREAD_NAME)
        self._engine = _Engine(station, scale_reader, router)
        self._engine.moveToThread(self._thread)
        self._scan.connect(self._engine.scan)
        self._ack.connect(self._engine.acknowledge)
        self._command.connect(self._engine.command)
        self._weigh.connect(self._engine.weigh)
        self._refresh.connect(self._engine.refresh)
        self._rehearse.connect(self._engine.rehearse)
        self._expire_idle.connect(self._engine.expire_idle)
        self._shown.connect(self._engine.shown)
        self._finish.connect(self._engine.finish, Qt.ConnectionType.BlockingQueuedConnection)
        # the engine lives on the station thread, this object on the GUI thread: queued
        self._engine.answered.connect(self._answered)
        self._engine.snapshot.connect(self.snapshot)
        self._engine.failed.connect(self.failed)

    @Slot(object, object)
    def _answered(self, snapshot: dict, result) -> None:
        self.snapshot.emit(snapshot)
        self.result.emit(result)
        if self._window is not None and not self._awaiting_paint:
            self._awaiting_paint = True
            self._window.installEventFilter(self)  # only until its repaint: no Python call for its other events

    def watch_repaints(self, window: QWidget) -> None:
        """Tell the station thread each time ``window`` (the top-level one) has repainted after answers."""
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.UpdateRequest and self._awaiting_paint:
            self._awaiting_paint = False
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._shown.emit)  # queued as the repaint begins: runs once it is done
        return False

    def start(self) -> None:
        self._thread.start()
        self._rehearse.emit()  # first on the station thread: before any scan, once
        self._refresh.emit()

    @Slot(str)
    def scan(self, text: str) -> None:
        self._scan.emit(text)

    def acknowledge(self) -> None:
        self._ack.emit()

    def command(self, name: str, args: list | None = None) -> None:
        """A station command as from its barcode: ``command("TEACH", ["anna", "2"])``."""
        self._command.emit(name, list(args or []))

    def weigh(self) -> None:
        """Read the scale again and hand the weight to the station."""
        self._weigh.emit()

    def refresh(self) -> None:
        self._refresh.emit()

    def expire_idle(self) -> None:
        self._expire_idle.emit()

    def stop(self) -> None:
        if self._thread.isRunning():
            self._finish.emit()  # returns once the station thread has run what was still to follow
            self._thread.quit()
            self._thread.wait()
