"""Qt adapters: background callbacks arrive as signals on the GUI thread."""
import threading
from datetime import datetime

import pytest

from app.services.ozon.errors import OzonAuthError
from app.services.sync.engine import PassSummary, SyncService
from app.ui.adapters import MessageBridge, ScaleBridge, SyncWorker
from app.ui.adapters.tasks import run_task
from ui_helpers import is_gui_thread


class OnePassEngine:
    """Gives one summary, then Ozon refuses the key (the service stops by itself)."""

    def __init__(self):
        self.calls = 0
        self.thread = None

    def run_pass(self):
        self.calls += 1
        self.thread = threading.current_thread()
        if self.calls == 1:
            return PassSummary(started_at=datetime(2026, 3, 2, 9, 0), finished=True)
        raise OzonAuthError("invalid Api-Key")


@pytest.mark.expect_errors("packdesk.sync")  # a refused key stops the background sync: logged
def test_sync_worker_delivers_passes_and_failures_on_the_gui_thread(qtbot):
    engine = OnePassEngine()
    worker = SyncWorker(SyncService(engine, interval_s=0.01))
    seen = []
    worker.passFinished.connect(lambda summary: seen.append(("pass", summary["finished"], is_gui_thread())))
    worker.authFailed.connect(lambda detail: seen.append(("auth", detail, is_gui_thread())))
    with qtbot.waitSignal(worker.syncFailed, timeout=5000) as failed:
        with qtbot.waitSignal(worker.passFinished, timeout=5000):
            worker.start()
    worker.stop()
    assert engine.thread is not threading.main_thread()
    assert seen[0] == ("pass", True, True)
    assert seen[1][0] == "auth" and "invalid Api-Key" in seen[1][1] and seen[1][2]
    assert "invalid Api-Key" in failed.args[0]


def test_scale_bridge_moves_readings_to_the_gui_thread(qtbot):
    bridge = ScaleBridge()

    class Reading:
        grams, state = 742.0, "stable"

    got = []
    bridge.reading.connect(lambda g, s: got.append((g, s, is_gui_thread())))
    with qtbot.waitSignal(bridge.reading, timeout=2000):
        thread = threading.Thread(target=bridge.on_reading, args=(Reading(),))
        thread.start()
        thread.join()
    assert got == [(742.0, "stable", True)]


def test_message_bridge_carries_level_text_and_action(qtbot):
    bridge = MessageBridge()
    with qtbot.waitSignal(bridge.message, timeout=2000) as sig:
        threading.Thread(target=bridge.notify, args=("bogus", "disk full")).start()
    assert sig.args[0] == "error" and sig.args[1] == "disk full"


@pytest.mark.parametrize("fails", [False, True])
def test_run_task_returns_result_or_error_on_the_gui_thread(qtbot, fails):
    done = []

    def job():
        if fails:
            raise ValueError("no")
        return threading.current_thread() is not threading.main_thread()

    run_task(job, on_result=lambda r: done.append(("ok", r, is_gui_thread())),
             on_error=lambda e: done.append(("error", str(e), is_gui_thread())))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [("error", "no", True)] if fails else [("ok", True, True)]


def test_a_task_whose_owner_was_deleted_is_dropped(qtbot):
    import threading

    import shiboken6
    from PySide6.QtWidgets import QLabel

    from app.ui.adapters import tasks

    label, gate, results = QLabel(), threading.Event(), []
    earlier = set(tasks._waiting)  # other tests' tasks may still be finishing
    tasks.run_task(lambda: gate.wait(5) and "late", on_result=lambda text: results.append(label.setText(text)),
                   owner=label)
    (number,) = set(tasks._waiting) - earlier
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: number not in tasks._waiting, timeout=5000)  # the answer came back...
    assert results == []  # ...and was dropped, no "C++ object already deleted"


def test_a_job_holds_no_qobject_its_release_could_destroy_and_its_owner_goes_on_the_gui_thread(qtbot, qapp):
    """A job ends on a pool thread, and what it holds is let go there: a QObject destroyed on a pool
    thread can deadlock with the GUI thread (app.ui.adapters.tasks). So it holds none that Python owns,
    and an owner the window let go of while the job ran is destroyed on the GUI thread."""
    import gc
    import threading

    from PySide6.QtCore import QObject, Qt

    from app.ui.adapters import tasks

    class Owner(QObject):  # no parent: Python owns it, and its last reference destroys it
        def took(self, result) -> None:
            got.append(result)

    class KeptPool:  # stands in for the thread pool: keeps the job, to look at it and run it
        def start(self, job) -> None:
            jobs.append(job)

    got, destroyed_on, jobs, gate = [], [], [], threading.Event()
    owner = Owner()
    owner.destroyed.connect(lambda *_: destroyed_on.append(threading.current_thread().name),
                            Qt.ConnectionType.DirectConnection)
    tasks.run_task(lambda: gate.wait(5) and "answer", on_result=owner.took, pool=KeptPool())
    (job,) = jobs
    held = [value for value in vars(job).values() if isinstance(value, QObject)]
    assert all(value.parent() is qapp for value in held)  # the application's, never destroyed by the job
    del owner  # the window lets go of it while the job runs
    gc.collect()
    worker = threading.Thread(target=lambda: (job.run(), jobs.clear()), name="pool-thread")
    worker.start()
    gate.set()
    worker.join()
    qtbot.waitUntil(lambda: bool(destroyed_on), timeout=5000)
    assert got == ["answer"] and destroyed_on == [threading.main_thread().name]


def test_a_pass_that_ends_while_the_packer_waits_for_an_answer_is_reported_after_it(qtbot):
    """Its reloads took the GUI thread from the answer's repaint: held while a scan is decided (and
    its answer shown), then reported, passes in order; never held longer than HOLD_MAX_S."""
    from types import SimpleNamespace

    from app.foreground import Foreground
    from app.ui.adapters.sync_worker import HOLD_MAX_S

    gate, now = Foreground(linger_s=0.0), [100.0]
    worker = SyncWorker(SimpleNamespace(), foreground=gate, clock=lambda: now[0])
    reported = []
    worker.passFinished.connect(lambda summary: reported.append(summary["n"]))
    with gate.deciding():
        worker._passed.emit({"n": 1})
        worker._passed.emit({"n": 2})
        with qtbot.waitSignal(worker._hold.timeout, timeout=2000):
            pass  # looked at them again: still deciding
        assert reported == []
    with qtbot.waitSignals([worker.passFinished, worker.passFinished], timeout=2000):
        pass
    assert reported == [1, 2]
    with gate.deciding():  # a packer who never pauses
        worker._passed.emit({"n": 3})
        with qtbot.waitSignal(worker._hold.timeout, timeout=2000):
            pass
        assert reported == [1, 2]
        now[0] += HOLD_MAX_S
        with qtbot.waitSignal(worker.passFinished, timeout=2000):
            pass
    assert reported == [1, 2, 3]
    worker._passed.emit({"n": 4})  # nobody deciding: at once
    qtbot.waitUntil(lambda: reported == [1, 2, 3, 4], timeout=2000)
