"""The sync's state in the window: stages that did not finish in the status bar, in the packer's
language; a bug in a stage in the crash dialog, once."""
from datetime import datetime

import pytest
from PySide6.QtWidgets import QStatusBar

from app.services.ozon.errors import OzonNotFound
from app.services.sync.engine import PassSummary, SyncService
from app.ui.adapters import SyncWorker
from app.ui.errors import CrashDialog, CrashReporter
from app.ui.status import StatusPanel


def summary_with(**failures) -> PassSummary:
    """A pass whose named stages raise the given exceptions (the others finish)."""
    summary = PassSummary(started_at=datetime(2026, 3, 2, 9, 0))

    def raising(exc):
        raise exc

    for name in ("outbox", "reference", "key", "postings", "reconcile", "products", "outbox_again", "labels",
                 "printing", "prune"):
        exc = failures.get(name)
        summary.run(name, (lambda: None) if exc is None else (lambda exc=exc: raising(exc)))
    summary.close()
    return summary


def refused(path: str) -> OzonNotFound:
    return OzonNotFound(f"Ozon refused {path} (HTTP 404): Not Found", endpoint=path, ozon_code="NOT_FOUND",
                        http_status=404)


@pytest.fixture
def panel(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    lang = {"now": "ru"}
    return StatusPanel(bar, language=lambda: lang["now"]), lang


def test_a_failed_stage_shows_in_the_status_bar_in_the_packers_language(panel):
    status, lang = panel
    status.on_pass(summary_with(reference=refused("/v2/warehouse/list"),
                                labels=refused("/v2/posting/fbs/package-label")).as_dict())
    assert status.fields["stages"].text() == "⚠ Не выполнено: склады и способы доставки, получение этикеток"
    assert status.ozon == "online"  # the postings came: Ozon is there, two things did not work
    lang["now"] = "zh"
    status.retranslate()
    assert status.fields["stages"].text() == "⚠ 未完成：仓库和配送方式, 获取面单"
    status.on_pass(summary_with().as_dict())
    assert status.fields["stages"].text() == "" and status.ozon == "online"


def test_postings_that_did_not_come_mean_offline(panel):
    status, _ = panel
    status.on_pass(summary_with(postings=refused("/v4/posting/fbs/unfulfilled/list")).as_dict())
    assert status.ozon == "offline"
    assert status.fields["stages"].text() == "⚠ Не выполнено: отправления"


class BuggyEngine:
    """Passes whose printing stage has a bug: the same one twice, then another, then none."""

    def __init__(self):
        self.calls = 0

    def run_pass(self):
        self.calls += 1
        bugs = {1: KeyError("label 7"), 2: KeyError("label 7"), 3: ValueError("bad page")}
        bug = bugs.get(self.calls)
        return summary_with(**({"printing": bug} if bug else {}))


@pytest.mark.expect_errors("packdesk.sync", "packdesk.ui.crash")
def test_a_bug_in_a_stage_reaches_the_crash_dialog_once(qtbot, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.informativeText()) or 0)
    reporter = CrashReporter(tmp_path / "packdesk.log")
    reporter.install()
    crashes, passes = [], []
    reporter.crashed.connect(lambda summary, details: crashes.append(summary))
    worker = SyncWorker(SyncService(BuggyEngine(), interval_s=0.01))
    worker.passFinished.connect(lambda summary: passes.append(summary["failed_stages"]))
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(passes) >= 4, timeout=5000)
    finally:
        worker.stop()
        reporter.uninstall()
    assert passes[:4] == [["printing"], ["printing"], ["printing"], []]
    assert crashes == ["KeyError: 'label 7'", "ValueError: bad page"]
    assert len(shown) == 2 and str(tmp_path / "packdesk.log") in shown[0]


def test_a_bench_whose_postings_the_rooms_leader_pulls_is_not_told_ozon_is_unreachable(panel):
    from types import SimpleNamespace

    from app.ui.controller import BenchController

    status, _ = panel
    warned = []
    window = SimpleNamespace(queues=SimpleNamespace(reload=lambda: None), languages=SimpleNamespace(current="en"),
                             messages=SimpleNamespace(warning=warned.append))
    follower = PassSummary(started_at=datetime(2026, 3, 2, 9, 0))
    for name in ("outbox", "reference", "key", "postings", "reconcile", "products", "outbox_again"):
        follower.delegate(name, "done by the account's sync leader (bench-3)")
    for name in ("labels", "printing", "prune"):
        follower.run(name, lambda: None)
    follower.close()
    assert follower.finished and follower.as_dict()["delegated_stages"][3] == "postings"
    BenchController._after_pass(window, follower.as_dict())
    status.on_pass(follower.as_dict())
    assert warned == [] and status.ozon == "online" and status.fields["stages"].text() == ""
    unreachable = summary_with(postings=refused("/v4/posting/fbs/unfulfilled/list"))
    BenchController._after_pass(window, unreachable.as_dict())  # a bench of its own: Ozon's list did not come
    assert len(warned) == 1
