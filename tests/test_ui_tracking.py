"""The Tracking tab: the parcels on their way read off the GUI thread, the ones needing a person
first with what to do; the last steps of an own-carrier parcel asked for from its buttons."""
from __future__ import annotations

from datetime import timedelta

from app.services.tracking.monitor import utcnow
from app.services.tracking.steps import KIND
from app.ui.tracking.panel import TrackingPanel
from handover_helpers import shop  # noqa: F401  (fixture)
from test_handover_close import carriage_of, closed, rfbs_closed


def test_the_tab_puts_the_parcel_ozon_did_not_scan_first_and_says_what_to_do(qtbot, shop):
    method = shop.method_with("ozon")
    numbers = shop.ship(shop.packable("ozon", method)[:3])
    closed(shop, method, numbers)
    shop.sync()
    shop.sim.carriages.courier_scans(carriage_of(shop, method).id, missing=[numbers[1]])
    shop.world.settle()
    shop.sync()
    panel = TrackingPanel(shop.bench.db, shop.bench.config, language=lambda: "ru")
    qtbot.addWidget(panel)
    panel.now = lambda: utcnow() + timedelta(hours=25)
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 3, timeout=5000)
    assert panel.model.item(0, 0).text() == numbers[1]
    assert panel.model.item(0, 5).text() == "Ozon не отсканировал"
    assert panel.model.item(0, 1).text() == "не принято на сортировке"
    assert panel.model.item(0, 2).text() == "не принято на сортировочном центре"  # not posting_not_in_sort_center
    assert panel.advice.text().startswith(f"{numbers[1]}: Ozon не отсканировал посылку")
    assert "требуют внимания: 1" in panel.summary.text()


def test_the_tab_shows_the_forwarders_domestic_numbers_of_a_parcel(qtbot, shop):
    from app.services.aggregator.domestic import record

    method = shop.method_with("ozon")
    numbers = shop.ship(shop.packable("ozon", method)[:2])
    record(shop.bench.db, numbers[0], ["YT2412345678901", "SF1234567890"], forwarder="YunExpress",
           station="bench-1", now=utcnow())
    panel = TrackingPanel(shop.bench.db, shop.bench.config, language=lambda: "zh")
    qtbot.addWidget(panel)
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 2, timeout=5000)
    shown = {panel.model.item(r, 0).text(): panel.model.item(r, 7).text() for r in range(panel.model.rowCount())}
    assert shown[numbers[0]] == "YT2412345678901, SF1234567890" and shown[numbers[1]] == ""


def test_delivered_from_the_button_queues_the_step_and_refusals_are_said(qtbot, shop):
    numbers, _ = rfbs_closed(shop, count=1)
    from test_handover_close import settle

    settle(shop, "tracking_send")
    panel = TrackingPanel(shop.bench.db, shop.bench.config, language=lambda: "en")
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.stepQueued, timeout=5000):
        panel.ask_step("delivered", [numbers[0], "0-0-0"])
    assert "queued for Ozon" in panel.said.text() and "not in this bench's cache" in panel.said.text()
    assert [c.posting_number for c in shop.commands(KIND)] == [numbers[0]]
    panel.ask_step("delivered", [])
    assert panel.said.text() == "Select the parcels first."


def test_buyer_messages_turned_off_are_said_once_and_turned_on_again_from_the_tab(qtbot, shop):
    from app.services.tracking.buyer_chat import OFF_KEY, chat_off
    from app.store import sync_state

    db = shop.bench.db
    db.writer.call(sync_state.set_state, OFF_KEY, "/v1/chat/start: Method not available with existing subscription",
                   now=utcnow())
    panel = TrackingPanel(db, shop.bench.config, language=lambda: "en")
    qtbot.addWidget(panel)
    panel.reload()
    qtbot.waitUntil(lambda: panel.chat_off is not None, timeout=5000)
    assert not panel.chat_note.isHidden() and "Premium Plus or Premium Pro" in panel.chat_note.text()
    assert "not available with existing subscription" in panel.chat_note.text()
    with qtbot.waitSignal(panel.stepQueued, timeout=5000):
        panel.chat_button.click()
    assert panel.chat_note.isHidden() and chat_off(db) is None
