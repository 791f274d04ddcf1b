"""The scenes of ``packaging/screenshots.py`` past the pack view's first states: marking codes, a
phone's IMEI, the hand-over, people, returns, tracking, a bench whose camera is missing."""
from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from shots_kit import SCREEN_WIDTH, close_bench, each_language, pump, shot, wait_for

from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config
from app.sim.ozon.demo_phone import sheet_section
from app.sim.ozon.marks import sample_mark
from app.ui.app import build
from app.ui.main_window import HANDOVER, PACK, TRACKING


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


def photos_shown(controller) -> bool:
    from app.ui.pack.view import NAME, PHOTO_ROLE

    lines = controller.pack_view.lines
    return lines.rowCount() > 0 and all(
        str(lines.item(row, NAME).data(PHOTO_ROLE) or "").startswith("photo:") for row in range(lines.rowCount()))


def parcels_ready(sim, count: int = 6) -> tuple[int, list[str]]:
    """Parcels of one Ozon-logistics method shipped on Ozon's side and due today (the first sync
    pulls them in as shipped): what the hand-over shots scan out."""
    world = sim.world
    by_method: dict[int, list[str]] = {}
    for number in world.posting_numbers("awaiting_packaging"):
        posting = world.peek(number)
        if posting.method.tpl_integration_type == "ozon" and not world.exemplars.needs_exemplars(posting):
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
    each_language(controller, window, "handover", HANDOVER)
    controller.scan("CMD:HANDOVER-CLOSE")
    wait_for(lambda: window.flash.isVisible(), 10)
    each_language(controller, window, "handover-incomplete")
    controller.station_worker.command("HANDOVER-CLOSE", ["FORCE", "Anna", "left on the shelf"])
    wait_for(lambda: "handover_closed" in codes, 30)
    wait_for(lambda: (controller.handover.panel.data.get("last") or {}).get("barcode_text"), 30)
    each_language(controller, window, "handover-closed", HANDOVER)


def people_scene(controller, window, lang: str, codes: list[str], number: str) -> None:
    """People sign in: the bar with nobody signed in and a scan refused, a packer signed in by PIN
    who packs ``number``, the audit, the statistics, the people an admin manages."""
    from app.ui.main_window import AUDIT, STATISTICS
    from app.ui.people.bar import PinDialog

    bar = controller.people.bar
    if bar.person:
        codes.clear()
        controller.station_worker.command("LOGOUT")
        wait_for(lambda: "packer_signed_out" in codes, 10)
    window.pages.setCurrentIndex(PACK)
    codes.clear()
    controller.scan(number)
    wait_for(lambda: "sign_in_required" in codes, 10)
    pump(0.3)
    shot(window, lang, "sign-in-required")
    bar.ask_pin()
    dialog = window.findChild(PinDialog)
    dialog.pin.setText("1111")
    pump(0.2)
    shot(dialog, lang, "sign-in-pin")  # a window of its own: the main window's grab leaves it out
    codes.clear()
    dialog.accept()
    wait_for(lambda: "packer_signed_in" in codes, 10)
    pump(0.3)
    shot(window, lang, "signed-in")
    codes.clear()
    controller.scan(number)
    wait_for(lambda: controller.pack_view.state == "packing", 10)
    for line in controller.pack_view.snapshot["lines"]:
        for _ in range(line["quantity"]):
            controller.scan(line["barcodes"][0])
    wait_for(lambda: "weight_accepted" in codes, 20)
    window.pages.setCurrentIndex(STATISTICS)
    controller.people.statistics.reload()
    wait_for(lambda: controller.people.statistics.rows, 10)
    pump(0.5)
    shot(window, lang, "statistics")
    saved: list[str] = []  # the shift report's PDF, its bar in the status bar
    controller.people.statistics.saved.connect(saved.append)
    controller.people.statistics.save_pdf(str(controller.config.data_dir / f"shift-report-{lang}.pdf"))
    wait_for(lambda: saved, 20)
    pump(0.3)
    shot(window, lang, "statistics-report")
    controller.people.statistics.saved.disconnect(saved.append)
    window.pages.setCurrentIndex(AUDIT)
    controller.people.audit.reload()
    wait_for(lambda: controller.people.audit.rows, 10)
    pump(0.3)
    shot(window, lang, "audit")
    controller.people.open_people()
    people = controller.people.dialog
    wait_for(lambda: people.table.rowCount() > 0, 10)
    pump(0.3)
    shot(people, lang, "people")
    people.reject()
    window.pages.setCurrentIndex(PACK)
    pump(0.1)


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


def returns_shots(controller, window, sim, number: str, shipped: list[str]) -> None:
    """A packed posting comes back with another unit than shipped: the return opened at the bench (what
    shipped beside what came back), the substituted unit caught (red flash), the Returns and Cases tabs."""
    from app.statuses import DELIVERED
    from app.store import returns as store_returns

    codes: list[str] = []
    controller.station_worker.result.connect(lambda result: codes.append(result.code))
    sim.world.set_status(number, DELIVERED)
    with sim.world.lock:
        came_back = sim.world.returns.open(number, substitute=True)

    def synced() -> bool:
        with controller.parts.db.read() as session:
            return store_returns.by_barcode(session, came_back.barcode) is not None

    controller._wake()
    wait_for(synced, 60)
    controller.switch_language("en", remember=False)
    controller.scan(came_back.barcode)
    wait_for(lambda: "return_opened" in codes, 20)
    controller.scan(shipped[0])
    wait_for(lambda: "return_unit_ok" in codes, 10)
    controller.station_worker.command("RETURN-NOTE", ["box dented on one corner"])
    wait_for(lambda: "return_note" in codes, 10)
    controller.returns.reload()
    pump(1.0)
    each_language(controller, window, "return-open", controller.returns.panel, pause=0.5)
    controller.scan(came_back.contents[0]["barcode"])
    wait_for(lambda: window.flash.isVisible(), 10)
    each_language(controller, window, "return-mismatch", pause=0.5)
    window.flash.button.click()
    wait_for(lambda: not window.flash.isVisible(), 10)
    controller.station_worker.command("RETURN-CLOSE", [])
    wait_for(lambda: "return_closed" in codes, 10)
    controller.returns.reload()
    pump(1.0)
    for lang in ("en", "ru", "zh"):
        controller.switch_language(lang, remember=False)
        window.pages.setCurrentWidget(controller.returns.panel)
        pump(0.5)
        shot(window, lang, "returns")
        window.pages.setCurrentWidget(controller.returns.cases)
        controller.returns.cases.view.selectRow(0)
        pump(0.5)
        shot(window, lang, "cases")
    window.pages.setCurrentIndex(PACK)


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



def missing_camera(app, sim, data_dir: Path, lang: str) -> None:
    config = demo_config(Config(), sim.base_url, data_dir)
    config = dataclasses.replace(config, devices=dataclasses.replace(config.devices, camera="v4l2:/dev/video7"))
    controller = build(app, config, lang=lang, api_key=DEMO_API_KEY, demo=False, config_path=data_dir / "config.toml")
    window = controller.window
    window.resize(SCREEN_WIDTH, 800)
    window.show()
    controller.start()
    wait_for(lambda: controller.camera_bridge.last[0] == "failed" and window.banner.isVisible(), 20)
    pump(0.5)
    shot(window, lang, "camera-warning")
    close_bench(controller)

