"""Screenshots of the desktop bench's main states in each language, into artifacts/screens/:
idle, verifying (the camera recording), wrong item (red flash), packed, queues, log, evidence (the
dispute bundle button; a posting's bundle made, then checked), settings (three tabs), a bench whose
camera is missing (the warning), a posting with marking codes (a unit scanned without its code, a
code accepted, shown masked, a code of another product refused), and the hand-over: parcels being
scanned out, a close with parcels missing (red flash), the carriage closed.

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
from app.sim.ozon.marks import sample_mark  # noqa: E402
from app.sim.ozon import OzonSimulator, WorldConfig  # noqa: E402
from app.ui.app import build, make_app  # noqa: E402
from app.ui.main_window import EVIDENCE, HANDOVER, LOG, PACK, QUEUES, TRACKING  # noqa: E402

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


def parcels_ready(sim, count: int = 6) -> tuple[int, list[str]]:
    """Parcels of one Ozon-logistics method shipped on Ozon's side and due today (the first sync
    pulls them in as shipped): what the hand-over shots scan out."""
    world = sim.world
    by_method: dict[int, list[str]] = {}
    for number in world.posting_numbers("awaiting_packaging"):
        posting = world.peek(number)
        if posting.method.tpl_integration_type == "ozon" and not any(world.needs_mark[x.sku] for x in posting.lines):
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


def tracking_shots(controller, window, sim, method: int, numbers: list[str]) -> None:
    """The morning after the hand-over: the courier's scan missed one parcel (the simulator's
    lever), the Tracking tab puts it first."""
    from datetime import timedelta

    from app.services.tracking.monitor import utcnow

    (carriage,) = [c for c in sim.carriages.of(method) if c.status != "cancelled"]
    sim.carriages.courier_scans(carriage.id, [carriage.postings[0]])
    passes: list[dict] = []
    controller.sync_worker.passFinished.connect(passes.append)
    controller._wake()
    wait_for(lambda: passes, 30)
    panel = controller.tracking
    panel.now = lambda: utcnow() + timedelta(hours=26)
    for lang in ("en", "ru", "zh"):
        controller.switch_language(lang, remember=False)
        window.pages.setCurrentIndex(TRACKING)
        panel.rows = []
        panel.reload()
        wait_for(lambda: panel.rows and panel.rows[0].flag, 20)
        pump(0.4)
        shot(window, lang, "tracking")


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
        world = sim.world
        plain = {n for n in world.posting_numbers("awaiting_packaging")
                 if not any(world.needs_mark[x.sku] for x in world.peek(n).lines)}
        rows = [row["posting_number"] for row in controller.queues.awaiting.rows if row["units"] >= 2]
        postings = [n for n in rows if n in plain][:3]
        marked = [n for n in rows if n not in plain][:3]
        for lang, number, with_marks in zip(("en", "ru", "zh"), postings, marked):
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
            window.pages.setCurrentIndex(QUEUES)
            pump(0.3)
            shot(window, lang, "queues")
            window.pages.setCurrentIndex(LOG)
            pump(0.2)
            shot(window, lang, "log")
            controller.evidence.reload()
            window.pages.setCurrentIndex(EVIDENCE)
            wait_for(lambda: controller.evidence.model.rowCount() > 0, 10)
            pump(0.3)
            shot(window, lang, "evidence")
            # the posting's dispute bundle made from the tab, then checked
            said: list[str] = []
            controller.evidence.said.connect(said.append)
            controller.evidence.summary_language.setCurrentIndex(
                controller.evidence.summary_language.findData(lang))
            bundle = Path(tmp) / f"{number}-{lang}.zip"
            controller.evidence.bundle_for(number)
            controller.evidence.dialog.reject()
            controller.evidence.make_bundle(number, bundle)
            wait_for(lambda: said, 60)
            pump(0.5)
            shot(window, lang, "evidence-bundle")
            said.clear()
            controller.evidence.verify(bundle)
            wait_for(lambda: said, 30)
            pump(0.5)
            shot(window, lang, "evidence-verified")
            controller.evidence.said.disconnect(said.append)
            window.pages.setCurrentIndex(PACK)
            controller.open_settings()
            dialog = controller.settings_dialog
            for tab, name in ((0, "settings"), (1, "settings-devices"), (2, "settings-packing"), (4, "settings-buyers")):
                dialog.tabs.setCurrentIndex(tab)
                pump(0.3)
                shot(dialog, lang, name)
            dialog.reject()
            pump(0.1)
        handover_shots(controller, window, method, ready)
        tracking_shots(controller, window, sim, method, ready)
        controller.shutdown()
        controller.window.close()
        controller.window.deleteLater()
        pump(0.1)
        for lang in ("en", "ru", "zh"):  # a bench whose camera is not there: packing goes on, the warning shows
            missing_camera(app, sim, Path(tmp) / f"nocam-{lang}", lang)
    print(f"screenshots in {OUT}")
    return 0


def missing_camera(app, sim, data_dir: Path, lang: str) -> None:
    config = demo_config(Config(), sim.base_url, data_dir)
    config = dataclasses.replace(config, devices=dataclasses.replace(config.devices, camera="v4l2:/dev/video7"))
    controller = build(app, config, lang=lang, api_key=DEMO_API_KEY, demo=False, config_path=data_dir / "config.toml")
    window = controller.window
    window.resize(1280, 800)
    window.show()
    controller.start()
    wait_for(lambda: controller.camera_bridge.last[0] == "failed" and window.banner.isVisible(), 20)
    pump(0.5)
    shot(window, lang, "camera-warning")
    controller.shutdown()
    window.close()
    window.deleteLater()
    pump(0.1)


if __name__ == "__main__":
    raise SystemExit(main())
