"""The rFBS parcels held at the seller's own carrier, in the window (Queues → Held at the carrier): the
address Ozon did not give entered in a dialog and the parcel sent, the service's refusal said in the
dialog; a parked shipment retried from its button. Against the Russian Post fake on loopback."""
from __future__ import annotations

from app.messages import text
from app.services.carriers.base import Parcel
from app.ui.carriers.held import HeldParcelsPanel
from app.ui.queues.panel import QueuesPanel
from carriers_helpers import parcel, post  # noqa: F401  (fixture)

NUMBER = "70001-0021-1"


def held_page(qtbot, desk, lang: str) -> tuple[QueuesPanel, HeldParcelsPanel]:
    panel = HeldParcelsPanel(desk.db, language=lambda: lang, now=desk.now)
    queues = QueuesPanel(desk.db, "bench-1", held=panel)
    qtbot.addWidget(queues)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        queues.reload()
    return queues, panel


def test_the_address_entered_in_the_dialog_sends_the_held_parcel_and_a_bad_postcode_is_refused(qtbot, post):
    fake, desk = post
    desk.queue("russian_post", parcel(NUMBER, postcode="", street=""))  # Ozon gave no address
    desk.drain_until_settled()
    assert desk.command(NUMBER).state == "parked" and fake.orders_for(NUMBER) == []
    queues, panel = held_page(qtbot, desk, "ru")
    assert [panel.model.item(r, 0).text() for r in range(panel.model.rowCount())] == [NUMBER]
    assert "(1)" in queues.tabs.tabText(queues.tabs.indexOf(panel))
    assert "Ввести адрес…" in panel.advice.text() and panel.model.item(0, 3).text().startswith("адрес неполный")
    assert not panel.address_button.isEnabled()  # nothing chosen yet
    panel.view.selectRow(0)
    panel.address_button.click()
    dialog = panel.dialog
    assert dialog.fields["name"].text() == "Иванова Анна" and dialog.fields["city"].text() == "Москва"

    for name, value in (("street", "ул. Мясницкая"), ("house", "24"), ("postcode", "4200")):
        dialog.fields[name].setText(value)
    with qtbot.waitSignal(dialog.refused, timeout=5000) as refused:
        dialog.send_button.click()
    said = text("carrier_address_postcode", "ru", posting=NUMBER, postcode="4200")
    assert refused.args == [said] and dialog.problem.text() == said and dialog.isVisible()
    assert desk.command(NUMBER).state == "parked"  # nothing was changed

    dialog.fields["postcode"].setText("101000")
    with qtbot.waitSignals([dialog.sent, panel.queued, panel.loaded], timeout=5000):
        dialog.send_button.click()
    command = desk.command(NUMBER)
    assert command.state == "pending" and command.payload["entered"] is True and not dialog.isVisible()
    address = Parcel.from_json(command.payload["parcel"]).recipient.address
    assert (address.postcode, address.street, address.house) == ("101000", "ул. Мясницкая", "24")
    assert panel.rows == [] and "(0)" in queues.tabs.tabText(queues.tabs.indexOf(panel))
    assert panel.said.text() == text("carrier_retry_queued", "ru", posting=NUMBER, carrier="russian_post")
    desk.drain_until_settled()
    [order] = fake.orders_for(NUMBER)
    assert desk.command(NUMBER).state == "done" and order["index-to"] in (101000, "101000")


def test_the_retry_button_queues_a_parked_shipment_again(qtbot, post):
    fake, desk = post
    desk.queue("russian_post", parcel(NUMBER, weight_g=25_000))  # over the tariff: Russian Post refuses
    desk.drain_until_settled()
    assert desk.command(NUMBER).state == "parked"
    _, panel = held_page(qtbot, desk, "en")
    assert "Weigh the parcel again" in panel.advice.text() and "25000" in panel.model.item(0, 3).text()
    panel.view.selectRow(0)
    with qtbot.waitSignals([panel.queued, panel.loaded], timeout=5000):
        panel.retry_button.click()
    command = desk.command(NUMBER)
    assert (command.state, command.attempts, command.last_error) == ("pending", 0, None)
    assert "goes again with the next sync pass" in panel.said.text() and panel.rows == []
    assert panel.summary.text() == text("carrier_held_none", "en")


def test_what_the_held_page_said_is_said_again_in_the_language_switched_to(qtbot, post):
    _, desk = post
    desk.queue("russian_post", parcel(NUMBER, weight_g=25_000))
    desk.drain_until_settled()
    lang = ["en"]
    panel = HeldParcelsPanel(desk.db, language=lambda: lang[0], now=desk.now)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.reload()
    panel.view.selectRow(0)
    with qtbot.waitSignals([panel.queued, panel.loaded], timeout=5000):
        panel.retry_button.click()
    lang[0] = "zh"
    panel.retranslate()  # as the window's language switch does (LanguageChange)
    assert panel.said.text() == text("carrier_retry_queued", "zh", posting=NUMBER, carrier="russian_post")


def test_a_bench_with_carriers_shows_the_held_parcels_and_its_sync_sends_the_address_entered(qtbot, tmp_path):
    import dataclasses

    from PySide6.QtWidgets import QApplication

    from app.cli.demo import DEMO_API_KEY, demo_config
    from app.config import Config
    from app.services.carriers.send import KIND, dedupe_key
    from app.services.tracking.monitor import utcnow
    from app.sim.carriers.demo import demo_carriers
    from app.sim.ozon import OzonSimulator, WorldConfig
    from app.store import outbox as store_outbox
    from app.ui.app import build

    with OzonSimulator(WorldConfig(postings=4, seed=5)) as sim, demo_carriers(sim.world) as carriers:
        config = demo_config(Config(), sim.base_url, tmp_path)
        config = dataclasses.replace(config, carriers=carriers,
                                     sync=dataclasses.replace(config.sync, interval_s=30.0))
        controller = build(QApplication.instance(), config, lang="ru", api_key=DEMO_API_KEY,
                           config_path=tmp_path / "config.toml")
        qtbot.addWidget(controller.window)
        try:
            panel, queues = controller.held, controller.queues
            assert queues.tabs.indexOf(panel) == 4
            controller.start()
            shipment = parcel(NUMBER, postcode="")  # as the carriers' stage queues it: Ozon gave no postcode
            controller.parts.db.writer.call(lambda s: store_outbox.add(
                s, kind=KIND, posting_number=NUMBER, dedupe_key=dedupe_key(NUMBER), station="bench-1", now=utcnow(),
                payload={"carrier": "cdek", "parcel": shipment.to_json()}))
            controller._wake()
            qtbot.waitUntil(lambda: panel.count() == 1, timeout=20000)  # parked by the sync, read after its pass
            assert queues.tabs.tabText(4) == "Не ушли перевозчику (1)"
            panel.view.selectRow(0)
            panel.address_button.click()
            panel.dialog.fields["postcode"].setText("420111")
            with qtbot.waitSignal(panel.dialog.sent, timeout=5000):
                panel.dialog.send_button.click()

            def at_cdek() -> bool:  # the order made (its number and label come on later passes)
                with controller.parts.db.read() as session:
                    return bool(store_outbox.for_posting(session, NUMBER)[0].result.get("carrier_id"))
            qtbot.waitUntil(at_cdek, timeout=10000)  # the sync was woken: no wait for its 30 s interval
        finally:
            controller.shutdown()
