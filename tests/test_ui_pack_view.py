"""The pack view shows what the station reports: the open posting's deadline, delivery and scheme,
its lines with a tick when complete, and the scale's live reading."""
from datetime import datetime, timedelta

from app.ui.pack import PackView

NOW = datetime.now().replace(second=0, microsecond=0)  # the view reads the real clock: "left" needs a future date


def snapshot(counted: int) -> dict:
    return {"state": "packing", "posting": "12345678-0001-1",
            "info": {"shipment_date": NOW + timedelta(hours=30), "delivery_method": "Ozon courier",
                     "scheme": "rFBS", "warehouse": "Main", "express": False},
            "lines": [{"line": 1, "sku": 1, "name": "Blue mug", "offer_id": "mug-1", "quantity": 2,
                       "counted": counted, "barcodes": ["4600000000001"]},
                      {"line": 2, "sku": 2, "name": "Tea", "offer_id": "tea-9", "quantity": 1, "counted": 0,
                       "barcodes": []}]}


def test_lines_show_article_barcode_counts_and_a_tick_when_complete(qtbot):
    view = PackView(now=lambda: NOW)
    qtbot.addWidget(view)
    view.show_snapshot(snapshot(counted=1))
    row = [view.lines.item(0, c).text() for c in range(5)]
    assert row == ["Blue mug", "mug-1", "4600000000001", "1", "2"]
    view.show_snapshot(snapshot(counted=2))
    assert view.lines.item(0, 0).text() == "✔ Blue mug"
    assert view.lines.item(0, 3).background().color().name() != view.lines.item(1, 3).background().color().name()
    assert not view.lines.item(1, 0).text().startswith("✔")
    view.show_snapshot(snapshot(counted=0))  # put back: the tick and the colour go
    assert view.lines.item(0, 0).text() == "Blue mug"
    assert view.lines.item(0, 3).background() == view.lines.item(1, 3).background()


def test_the_posting_line_tells_deadline_delivery_and_scheme(qtbot):
    clock = [NOW]
    view = PackView(now=lambda: clock[0])
    qtbot.addWidget(view)
    view.show_snapshot(snapshot(counted=0))
    text = view.info.text()
    assert "Ozon courier" in text and "rFBS" in text and "Main" in text and "(30 h 0 min left)" in text
    clock[0] = NOW + timedelta(hours=31)
    view._clock.timeout.emit()  # the line moves on with the clock, with no scan
    assert "(late by 1 h 0 min)" in view.info.text()
    view.show_snapshot({"state": "idle", "posting": None, "lines": [], "info": {}})
    assert view.info.text() == ""


def test_time_left_and_late(qtbot):
    view = PackView(now=lambda: NOW)
    qtbot.addWidget(view)
    assert view.time_left(NOW + timedelta(minutes=200), NOW) == "3 h 20 min left"
    assert view.time_left(NOW + timedelta(minutes=5), NOW) == "5 min left"
    assert view.time_left(NOW - timedelta(minutes=25), NOW) == "late by 25 min"
    assert view.time_left(NOW + timedelta(minutes=61)) == "1 h 1 min left"  # the view's own clock


def test_the_live_weight(qtbot):
    view = PackView()
    qtbot.addWidget(view)
    assert "no reading" in view.weight.text()
    view.show_weight(1234.0, "stable")
    assert "1 234 g" in view.weight.text() and "stable" in view.weight.text()
    view.show_weight(80.0, "moving")
    assert "settling" in view.weight.text()


def test_a_packed_posting_turns_the_banner_green_until_the_next_scan(qtbot):
    from app.services.station.results import StationResult

    view = PackView()
    qtbot.addWidget(view)
    view.show_result(StationResult(True, "weight_accepted", "12345678-0001-1", "idle",
                                   {"measured_g": 500.0, "expected_g": 498.0}))
    assert view.banner.text() == "Packed: 12345678-0001-1"
    assert "#2e7d32" in view.banner.styleSheet()
    view.show_result(StationResult(True, "posting_opened", "22345678-0001-1", "packing", {}))
    assert view.banner.text().startswith("Packing 22345678-0001-1")
