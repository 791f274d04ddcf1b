"""The Hand-over tab (app/ui/handover) shows the board and asks for what the command barcodes do;
the station's thread sends scans through the bench's router, whose mode every snapshot carries."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.adapters import StationWorker
from app.ui.handover.panel import HandoverPanel
from app.ui.i18n import Languages
from handover_helpers import shop  # noqa: F401  (fixture)

BOARD = {
    "day": "2026-12-04",
    "ready": [{"delivery_method_id": 7, "method": "Ozon courier, Khimki", "integration": "ozon", "parcels": 12,
               "due_today": 10, "ozon": {"cutoff_at": "2026-12-04T12:00:00+00:00", "carriages": [
                   {"id": 0, "status": "", "postings_count": 12}],
                   "errors": [{"code": "package_time_not_passed", "description": "wait", "status": "critical"}]}}],
    "open": {"id": 3, "delivery_method_id": 7, "method": "Ozon courier, Khimki", "departure": "2026-12-04",
             "scheme": "carriage", "carrier": None, "held": None, "awaiting_tracking": None, "expected": 12,
             "scanned": 9, "missing": 3, "ozon": {},
             "parcels": [{"posting": "11111111-0001-1", "state": "scanned", "tracking": None},
                         {"posting": "22222222-0001-1", "state": "expected", "tracking": None}]},
    "last": {"id": 2, "delivery_method_id": 7, "method": "Ozon courier, Khimki", "departure": "2026-12-03",
             "scheme": "carriage", "closed_at": datetime(2026, 12, 3, 15), "closed_by": None, "forced_by": None,
             "force_reason": None, "carriage_id": 69394001, "carriage_status": "formed", "close_step": "done",
             "close_error": None, "notes": [], "added_by_ozon": [], "removed_by_ozon": [],
             "act_pdf": "/data/acts/carriage-69394001-act.pdf", "act_printed": "saved",
             "barcode_text": "%303%69394001", "signed_act": None, "scanned": 20, "deferred": ["33333333-0001-1"],
             "tracking": []},
    "flagged": [{"posting": "44444444-0001-1", "handover": 1, "closed_at": datetime(2026, 12, 2, 15),
                 "flag": "not_scanned_by_ozon", "arbitration": None, "status": "not_accepted", "hours": 48}],
}


@pytest.fixture
def panel(qtbot):
    panel = HandoverPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 900)
    panel.show_board(BOARD)
    return panel


def test_the_counts_are_big_and_the_carriage_barcode_is_drawn(panel):
    assert [b.value.text() for b in (panel.expected, panel.scanned, panel.missing)] == ["12", "9", "3"]
    assert "c62828" in panel.missing.value.styleSheet()  # missing parcels in red
    assert panel.ready.item(0, 4).text().startswith("Ozon says: package_time_not_passed — wait.")
    assert panel.flagged.item(0, 0).text() == "44444444-0001-1" and panel.dispute.isEnabled()
    assert not panel.start_button.isEnabled()  # a hand-over is open already
    assert panel.open_box.isVisibleTo(panel) and not panel.last_box.isVisibleTo(panel)
    panel.show_board({**BOARD, "open": None})  # closed: the carriage takes its place
    assert panel.last_box.isVisibleTo(panel) and not panel.open_box.isVisibleTo(panel)
    assert panel.barcode.modules.startswith("11010") and panel.barcode_text.text() == "%303%69394001"
    assert "69394001" in panel.carriage.text() and "33333333-0001-1" in panel.last_detail.text()


def test_the_buttons_ask_for_what_the_command_barcodes_do(panel, qtbot):
    asked = []
    panel.commandRequested.connect(lambda name, args: asked.append((name, args)))
    panel.printBarcodeRequested.connect(lambda text, caption: asked.append(("barcode", [text, caption])))
    panel.arbitrationRequested.connect(lambda numbers: asked.append(("dispute", numbers)))
    panel.close_button.click()
    panel.leave_button.click()
    panel.dispute.click()
    panel.show_board({**BOARD, "open": None})
    panel.print_barcode.click()
    assert asked == [("HANDOVER-CLOSE", []), ("CANCEL", []), ("dispute", ["44444444-0001-1"]),
                     ("barcode", ["%303%69394001", "Carriage 69394001"])]
    assert panel.start_button.isEnabled()
    panel.start_button.click()
    assert asked[-1] == ("HANDOVER", ["7"])


def test_nothing_open_and_nothing_closed(panel):
    panel.show_board({"day": "2026-12-04", "ready": [], "open": None, "last": None, "flagged": []})
    assert [b.value.text() for b in (panel.expected, panel.scanned, panel.missing)] == ["–", "–", "–"]
    assert not panel.last_box.isVisibleTo(panel) and not panel.start_button.isEnabled() and not panel.flag_box.isVisibleTo(panel)


def test_the_tab_speaks_the_packers_language(panel, qtbot):
    languages = Languages(QApplication.instance())
    panel.language = lambda: languages.current  # as the window wires it
    ozon = {**BOARD["ready"][0]["ozon"], "carriages": [{"id": 69394001, "status": "formed", "postings_count": 12}]}
    panel.show_board({**BOARD, "open": None, "ready": [{**BOARD["ready"][0], "ozon": ozon}]})
    try:
        languages.switch("ru")
        assert panel.close_button.text() == "Закрыть передачу" and panel.expected.name.text() == "ожидается"
        assert "Отгрузка 69394001" in panel.carriage.text()
        assert panel.ready.item(0, 3).text() == "69394001 (подтверждена)"  # Ozon's carriage status, translated
        languages.switch("zh")
        assert panel.close_button.text() == "完成交接" and "运输单 69394001" in panel.carriage.text()
        assert panel.ready.item(0, 3).text() == "69394001 (已确认)"
    finally:
        languages.switch("en")


def test_the_station_thread_sends_scans_through_the_router(qtbot, shop):
    method = shop.method_with("ozon")
    numbers = shop.ship(shop.packable("ozon", method)[:2])
    worker = StationWorker(shop.bench.station, router=shop.router)
    snapshots, results = [], []
    worker.snapshot.connect(snapshots.append)
    worker.result.connect(results.append)
    with qtbot.waitSignal(worker.snapshot, timeout=5000):
        worker.start()
    try:
        assert snapshots[-1]["mode"] == "packing"
        with qtbot.waitSignal(worker.result, timeout=10_000):
            worker.scan(f"CMD:HANDOVER:{method}")
        assert results[-1].code == "handover_started" and snapshots[-1]["mode"] == "handover"
        with qtbot.waitSignal(worker.result, timeout=10_000):
            worker.scan(numbers[0])
        assert results[-1].code == "parcel_accepted"
        with qtbot.waitSignal(worker.result, timeout=10_000):
            worker.weigh()  # no weight during a hand-over
        assert results[-1].code == "not_now"
        shop.world.cancel(numbers[1])
        with qtbot.waitSignal(worker.result, timeout=10_000):
            worker.scan(numbers[1])
        assert (results[-1].state, snapshots[-1]["state"], snapshots[-1]["error"]) == (
            "error", "error", "parcel_cancelled")
    finally:
        worker.stop()
