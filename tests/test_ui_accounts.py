"""A desktop bench of two Ozon accounts: the Queues list each posting with its account's name and
the pack view says whose posting is open (the other account's key is refused by the host)."""
import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config
from app.config_accounts import OzonAccount
from app.sim.ozon import DEFAULT_CLIENT_ID, OzonSimulator, WorldConfig
from app.ui.app import build

B, KEY_B = "200000", "key-b"


def test_the_screens_show_which_account_a_posting_belongs_to(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv(f"PACKDESK_OZON_API_KEY_{DEFAULT_CLIENT_ID}", DEMO_API_KEY)
    monkeypatch.setenv(f"PACKDESK_OZON_API_KEY_{B}", KEY_B)
    with OzonSimulator(WorldConfig(postings=6, seed=5, ship_delay_s=0.0, label_delay_s=0.0)) as sim:
        seller_b = sim.add_seller(B, KEY_B, WorldConfig(postings=6, seed=6))
        config = demo_config(Config(), sim.base_url, tmp_path)
        accounts = (OzonAccount(DEFAULT_CLIENT_ID, "Shop A"), OzonAccount(B, "Shop B"))
        config = dataclasses.replace(config, ozon=dataclasses.replace(config.ozon, client_id=""),
                                     ozon_accounts=accounts,
                                     sync=dataclasses.replace(config.sync, interval_s=0.5))
        controller = build(QApplication.instance(), config, lang="en", api_key=None, demo=True,
                           config_path=tmp_path / "config.toml")
        qtbot.addWidget(controller.window)
        try:
            controller.start()
            everyone = set(sim.world.posting_numbers("awaiting_packaging")) | set(
                seller_b.world.posting_numbers("awaiting_packaging"))
            model = controller.queues.awaiting

            def listed():
                return {model.all_rows[i]["posting_number"]: model.all_rows[i]["account"]
                        for i in range(len(model.all_rows))}

            qtbot.waitUntil(lambda: set(listed()) == everyone, timeout=30_000)
            assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Ozon account"
            number = seller_b.world.posting_numbers("awaiting_packaging")[0]
            assert listed()[number] == "Shop B"
            choices = [controller.queues.warehouse.itemText(i) for i in range(1, controller.queues.warehouse.count())]
            assert choices and all(c.startswith(("Shop A · ", "Shop B · ")) for c in choices)  # whose warehouse
            with qtbot.waitSignal(controller.station_worker.result, timeout=10_000,
                                  check_params_cb=lambda result: result.posting == number):
                controller.scan(number)
            assert controller.pack_view.info.text().startswith("Shop B  ·  ")
        finally:
            controller.shutdown()
