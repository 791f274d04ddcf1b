"""Screenshots of the rFBS parcels held at the seller's own carrier, in each language, into
artifacts/screens/: the Queues page "Held at the carrier" (a parcel Ozon gave no address for, one
Russian Post refused as too heavy) and the address dialog with the service's refusal of a bad postcode.
``packaging/screenshots.py`` makes them with the others; alone:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots_carriers.py

A bench of its own, set up as the demo's: the Ozon simulator and both carriers' fakes on loopback;
the two shipments are queued as the carriers' sync stage queues them and parked by the real
``carrier_ship`` handler.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.cli.demo import DEMO_API_KEY, demo_config  # noqa: E402
from app.config import Config  # noqa: E402
from app.services.carriers.base import Address, Item, Parcel, Recipient  # noqa: E402
from app.services.carriers.send import KIND, dedupe_key  # noqa: E402
from app.sim.carriers.demo import demo_carriers  # noqa: E402
from app.sim.ozon import OzonSimulator, WorldConfig  # noqa: E402
from app.store import outbox as store_outbox  # noqa: E402
from app.ui.app import build  # noqa: E402
from app.ui.main_window import QUEUES  # noqa: E402
from shots_kit import close_bench, pump, run_alone, shot, wait_for  # noqa: E402

NO_ADDRESS, TOO_HEAVY = "0148531207-0003-1", "0148531207-0004-1"


def _parcel(number: str, weight_g: int, address: Address) -> Parcel:
    return Parcel(number, weight_g, 30, 20, 15, 249_000, Recipient("Смирнова Ольга", "+79161234567", address),
                  (Item("Чайник электрический", "KETTLE-17", 1, 249_000, weight_g),))


def queue_held(controller, now) -> None:
    """Two shipments as the carriers' stage queues them; the sync's handler parks both."""
    parcels = (("cdek", _parcel(NO_ADDRESS, 1_450, Address("", "Казань", ""))),
               ("russian_post", _parcel(TOO_HEAVY, 24_300, Address("420111", "Казань", "ул. Баумана", "5"))))

    station = controller.config.station.name

    def write(session) -> None:
        for carrier, parcel in parcels:
            store_outbox.add(session, kind=KIND, posting_number=parcel.reference, dedupe_key=dedupe_key(parcel.reference),
                             payload={"carrier": carrier, "parcel": parcel.to_json()}, station=station, now=now)
    controller.parts.db.writer.call(write)


def carrier_shots(app, data_dir: Path) -> None:
    from app.services.tracking.monitor import utcnow

    with OzonSimulator(WorldConfig(postings=20, seed=7, own_carrier_share=0.3)) as sim, \
            demo_carriers(sim.world) as carriers:
        config = dataclasses.replace(demo_config(Config(), sim.base_url, data_dir), carriers=carriers)
        controller = build(app, config, lang="en", api_key=DEMO_API_KEY, config_path=data_dir / "config.toml")
        window, panel = controller.window, controller.held
        window.resize(1280, 800)
        window.show()
        controller.start()
        queue_held(controller, utcnow())
        controller._wake()
        wait_for(lambda: panel.count() == 2, 60)  # the queues (and this page) are read again after each pass
        for lang in ("en", "ru", "zh"):
            controller.switch_language(lang, remember=False)
            window.pages.setCurrentIndex(QUEUES)
            queues = controller.queues
            queues.tabs.setCurrentWidget(panel)
            panel.view.selectRow([r.posting_number for r in panel.rows].index(NO_ADDRESS))
            pump(0.4)
            shot(window, lang, "carrier-held")
            panel.address_button.click()
            dialog = panel.dialog
            for name, value in (("street", "ул. Баумана"), ("house", "5"), ("flat", "12"), ("postcode", "42011")):
                dialog.fields[name].setText(value)
            said: list[str] = []
            dialog.refused.connect(said.append)
            dialog.send_button.click()
            wait_for(lambda: said, 10)
            pump(0.4)
            shot(dialog, lang, "carrier-address")  # a window of its own: the main window's grab leaves it out
            dialog.reject()
            pump(0.1)
        close_bench(controller)


if __name__ == "__main__":
    raise SystemExit(run_alone(carrier_shots))
