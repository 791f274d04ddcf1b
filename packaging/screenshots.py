"""Screenshots of the desktop bench's main states in each language, into artifacts/screens/:
idle, verifying, wrong item (red flash), packed, queues, log, settings (three tabs), and the
hand-over: parcels being scanned out, a close with parcels missing (red flash), the carriage closed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots.py

The window runs the demo set-up (Ozon simulator on loopback, sim:// devices, temporary data dir).
"""
from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from app.cli.demo import DEMO_API_KEY, demo_config  # noqa: E402
from app.config import Config  # noqa: E402
from app.sim.ozon import OzonSimulator, WorldConfig  # noqa: E402
from app.ui.app import build, make_app  # noqa: E402
from app.ui.main_window import HANDOVER, LOG, PACK, QUEUES  # noqa: E402

OUT = ROOT / "artifacts" / "screens"


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def wait_for(condition, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        pump(0.05)
    return False


def shot(widget, lang: str, state: str) -> None:
    widget.grab().save(str(OUT / f"{lang}-{state}.png"))


def parcels_ready(sim, count: int = 6) -> tuple[int, list[str]]:
    """Parcels of one Ozon-logistics method shipped on Ozon's side and due today (the first sync
    pulls them in as shipped): what the hand-over shots scan out."""
    world = sim.world
    by_method: dict[int, list[str]] = {}
    for number in world.posting_numbers("awaiting_packaging"):
        posting = world.peek(number)
        if posting.method.tpl_integration_type == "ozon":
            by_method.setdefault(posting.method.id, []).append(number)
    method = max(by_method, key=lambda m: len(by_method[m]))
    numbers = by_method[method][-count:]  # the packing shots take the first ones
    for number in numbers:
        world.set_shipment_date(number, time.time() - 3600)
        posting = world.get(number)
        world.ship(number, [[(line.sku, line.quantity) for line in posting.lines]])
    return method, numbers


def handover_shots(controller, window, method: int, numbers: list[str]) -> None:
    codes: list[str] = []
    controller.station_worker.result.connect(lambda result: codes.append(result.code))
    controller.handover.open_document = lambda path: None  # no PDF viewer under Xvfb
    controller.switch_language("en", remember=False)
    controller.scan(f"CMD:HANDOVER:{method}")
    wait_for(lambda: "handover_started" in codes, 20)
    for number in numbers[:-2]:
        controller.scan(number)
    wait_for(lambda: codes.count("parcel_accepted") == len(numbers) - 2, 20)
    controller.handover.reload()
    wait_for(lambda: (controller.handover.panel.data.get("open") or {}).get("scanned") == len(numbers) - 2, 10)
    for lang in ("en", "ru", "zh"):
        controller.switch_language(lang, remember=False)
        window.pages.setCurrentIndex(HANDOVER)
        pump(0.4)
        shot(window, lang, "handover")
    controller.scan("CMD:HANDOVER-CLOSE")
    wait_for(lambda: window.flash.isVisible(), 10)
    for lang in ("en", "ru", "zh"):
        controller.switch_language(lang, remember=False)
        pump(0.4)
        shot(window, lang, "handover-incomplete")
    controller.station_worker.command("HANDOVER-CLOSE", ["FORCE", "Anna", "left on the shelf"])
    wait_for(lambda: "handover_closed" in codes, 30)
    wait_for(lambda: (controller.handover.panel.data.get("last") or {}).get("barcode_text"), 30)
    for lang in ("en", "ru", "zh"):
        controller.switch_language(lang, remember=False)
        window.pages.setCurrentIndex(HANDOVER)
        pump(0.4)
        shot(window, lang, "handover-closed")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="packdesk-shots-") as tmp, \
            OzonSimulator(WorldConfig(postings=40, seed=7)) as sim:
        method, ready = parcels_ready(sim)
        config = demo_config(Config(), sim.base_url, Path(tmp))
        config = dataclasses.replace(config, station=dataclasses.replace(config.station, supervisors=["Anna"]))
        controller = build(app, config, lang="en", api_key=DEMO_API_KEY, demo=True,
                           config_path=Path(tmp) / "config.toml")
        window = controller.window
        window.resize(1280, 800)
        window.show()
        codes: list[str] = []
        controller.station_worker.result.connect(lambda result: codes.append(result.code))
        controller.start()
        wait_for(lambda: controller.queues.awaiting.rowCount() > 2)
        pump(0.5)
        # postings of several units: one counted shows "verifying", the rest pack it
        postings = [row["posting_number"] for row in controller.queues.awaiting.rows if row["units"] >= 2][:3]
        for lang, number in zip(("en", "ru", "zh"), postings):
            controller.switch_language(lang, remember=False)
            window.pages.setCurrentIndex(PACK)
            pump(0.3)
            shot(window, lang, "idle")
            # verifying: the posting open, its first unit counted
            codes.clear()
            controller.scan(number)
            wait_for(lambda: controller.pack_view.state == "packing", 10)
            units = [line["barcodes"][0] for line in controller.pack_view.snapshot["lines"]
                     for _ in range(line["quantity"])]
            controller.scan(units[0])
            wait_for(lambda: controller.pack_view.snapshot["lines"] and any(
                line["counted"] for line in controller.pack_view.snapshot["lines"]), 10)
            pump(0.3)
            shot(window, lang, "verifying")
            # a wrong item: the red flash, with the supervisor's way out
            controller.scan("4690000000009")
            wait_for(lambda: window.flash.isVisible(), 10)
            pump(0.3)
            shot(window, lang, "wrong-item")
            window.flash.button.click()
            wait_for(lambda: not window.flash.isVisible(), 10)
            # the rest of the units: the sim:// scale weighs, the posting is packed
            for code in units[1:]:
                controller.scan(code)
            wait_for(lambda: "weight_accepted" in codes, 20)
            codes.clear()
            pump(0.5)
            shot(window, lang, "packed")
            window.pages.setCurrentIndex(QUEUES)
            pump(0.3)
            shot(window, lang, "queues")
            window.pages.setCurrentIndex(LOG)
            pump(0.2)
            shot(window, lang, "log")
            window.pages.setCurrentIndex(PACK)
            controller.open_settings()
            dialog = controller.settings_dialog
            for tab, name in ((0, "settings"), (1, "settings-devices"), (2, "settings-packing")):
                dialog.tabs.setCurrentIndex(tab)
                pump(0.3)
                shot(dialog, lang, name)
            dialog.reject()
            pump(0.1)
        handover_shots(controller, window, method, ready)
        controller.shutdown()
        controller.window.close()
        controller.window.deleteLater()
        pump(0.1)
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
