"""Screenshots of the desktop bench's main states in each language, into artifacts/screens/:
idle, verifying, wrong item (red flash), packed, queues, log, settings (three tabs), and a posting
with marking codes: a unit scanned without its code, a code accepted (shown masked), a code of
another product refused; a phone whose IMEI the bench asks for, one misread refused, one accepted.

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
from app.sim.ozon.demo_phone import add_phone, sheet_section  # noqa: E402
from app.sim.ozon.marks import sample_mark  # noqa: E402
from app.sim.ozon import OzonSimulator, WorldConfig  # noqa: E402
from app.ui.app import build, make_app  # noqa: E402
from app.ui.main_window import LOG, PACK, QUEUES  # noqa: E402

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


def marked_scene(controller, window, sim, lang: str, number: str, codes: list[str]) -> None:
    """A marked posting at the bench: its product's barcode where a code is wanted, a valid code
    (masked on screen), a code of another product; then the rest packs it."""
    world = sim.world
    posting = world.peek(number)
    others = [p for sku, p in world.product_by_sku.items() if sku not in {x.sku for x in posting.lines}]
    scans, n = [], 0
    for line in posting.lines:
        ean = world.product_by_sku[line.sku].barcodes[0]
        for _ in range(line.quantity):
            n += 1
            scans.append((line.sku, sample_mark(ean, 700 + n) if world.needs_mark[line.sku] else ean))
    marked_sku, first_code = next((sku, code) for sku, code in scans if world.needs_mark[sku])

    def flash_shot(scan: str, state: str) -> None:
        codes.clear()
        controller.scan(scan)
        wait_for(lambda: window.flash.isVisible(), 10)
        pump(0.3)
        shot(window, lang, state)
        window.flash.button.click()
        wait_for(lambda: not window.flash.isVisible(), 10)

    controller.scan(number)
    wait_for(lambda: controller.pack_view.state == "packing", 10)
    flash_shot(world.product_by_sku[marked_sku].barcodes[0], "mark-required")
    codes.clear()
    controller.scan(first_code)
    wait_for(lambda: "item_accepted" in codes or "posting_complete" in codes, 10)
    pump(0.3)
    shot(window, lang, "mark-accepted")
    if len(scans) > 1:
        flash_shot(sample_mark(others[0].barcodes[0], 1), "mark-other-product")
    rest = list(scans)
    rest.remove((marked_sku, first_code))
    codes.clear()
    for _, code in rest:
        controller.scan(code)
    wait_for(lambda: "weight_accepted" in codes, 20)
    codes.clear()
    pump(0.3)


def phone_scene(controller, window, sim, lang: str, number: str, codes: list[str]) -> None:
    """The demo's phone: its EAN counts and the bench asks for its IMEI; a misread IMEI is refused
    with the reason; the IMEI on its box is kept and the parcel packs."""
    world = sim.world
    [line] = world.peek(number).lines
    [(_, [(_, good), (_, misread)])] = sheet_section(world, number)
    controller.scan(number)
    wait_for(lambda: controller.pack_view.state == "packing", 10)
    codes.clear()
    controller.scan(world.product_by_sku[line.sku].barcodes[0])
    wait_for(lambda: "item_accepted" in codes, 10)
    pump(0.3)
    shot(window, lang, "imei-asked")
    controller.scan(misread)
    wait_for(lambda: window.flash.isVisible(), 10)
    pump(0.3)
    shot(window, lang, "imei-refused")
    window.flash.button.click()
    wait_for(lambda: not window.flash.isVisible(), 10)
    codes.clear()
    controller.scan(good)
    wait_for(lambda: "unit_id_accepted" in codes, 10)
    pump(0.1)
    shot(window, lang, "imei-accepted")
    wait_for(lambda: "weight_accepted" in codes, 20)
    codes.clear()
    pump(0.3)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="packdesk-shots-") as tmp, \
            OzonSimulator(WorldConfig(postings=40, seed=7)) as sim:
        phones = [add_phone(sim.world) for _ in range(3)]
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
        world = sim.world
        plain = {n for n in world.posting_numbers("awaiting_packaging")
                 if not any(world.needs_mark[x.sku] for x in world.peek(n).lines)}
        rows = [row["posting_number"] for row in controller.queues.awaiting.rows if row["units"] >= 2]
        postings = [n for n in rows if n in plain][:3]
        marked = [n for n in rows if n not in plain][:3]
        for lang, number, with_marks, phone in zip(("en", "ru", "zh"), postings, marked, phones):
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
            marked_scene(controller, window, sim, lang, with_marks, codes)
            phone_scene(controller, window, sim, lang, phone, codes)
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
        controller.shutdown()
        controller.window.close()
        controller.window.deleteLater()
        pump(0.1)
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
