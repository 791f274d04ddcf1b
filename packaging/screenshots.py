"""Screenshots of the desktop bench's main states in each language, into artifacts/screens/:
idle, verifying (the camera recording), wrong item (red flash), packed, queues, log, evidence (the
dispute bundle button; a posting's bundle made, then checked), settings (three tabs), a bench whose
camera is missing (the warning), a posting with marking codes (a unit scanned without its code, a
code accepted, shown masked, a code of another product refused), the hand-over (parcels being
scanned out, a close with parcels missing, the carriage closed), a phone whose IMEI the bench asks
for (one misread refused, one accepted), a return opened at the bench (what shipped beside what came
back), a substituted unit caught (red flash), the Returns and Cases tabs, the Tracking tab, and people: a scan refused
with nobody signed in, a PIN typed, a packer signed in, the statistics (and its report's PDF written, with its
progress bar), the audit, the people dialog; the parcels held at the seller's own carrier and the address
dialog (packaging/screenshots_carriers.py); a bench of two Ozon accounts (packaging/screenshots_accounts.py).

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
from app.messages.statuses import status_word  # noqa: E402
from app.sim.ozon.demo_phone import add_phone, sheet_section  # noqa: E402
from app.sim.ozon.marks import sample_mark  # noqa: E402
from app.sim.ozon import OzonSimulator, WorldConfig  # noqa: E402
from app.ui.app import build, make_app  # noqa: E402
from app.ui.main_window import EVIDENCE, HANDOVER, LOG, PACK, QUEUES, TRACKING  # noqa: E402

OUT = ROOT / "artifacts" / "screens"
SCREEN_WIDTH = 1280  # the windows are shown at 1280x800, a common bench screen


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def close_bench(controller) -> None:
    """Shut a bench of the screenshots down and let its window go."""
    controller.shutdown()
    controller.window.close()
    controller.window.deleteLater()
    pump(0.1)


def run_alone(shots) -> int:
    """``shots(app, data_dir)`` as a script of its own (screenshots_carriers.py, screenshots_accounts.py)."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="packdesk-shots-") as tmp:
        shots(app, Path(tmp))
    print(f"screenshots in {OUT}")
    return 0


def wait_for(condition, timeout: float = 20.0) -> bool:
    """Pump the window until ``condition()`` holds; a scene that never gets there stops the script
    (its screenshots would show something else than they are named after)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        pump(0.05)
    raise TimeoutError(f"the scene did not get there in {timeout:g} s: {condition.__code__.co_filename}:"
                       f"{condition.__code__.co_firstlineno}")


def shot(widget, lang: str, state: str) -> None:
    widget.grab().save(str(OUT / f"{lang}-{state}.png"))
    if widget.isWindow() and widget.width() > SCREEN_WIDTH:  # a minimum size grew it past the screen
        raise RuntimeError(f"{lang}-{state}: the window is {widget.width()} px wide on a {SCREEN_WIDTH}-px screen")


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
    for lang in ("en", "ru", "zh"):
        controller.switch_language(lang, remember=False)
        window.pages.setCurrentWidget(controller.returns.panel)
        pump(0.5)
        shot(window, lang, "return-open")
    controller.scan(came_back.contents[0]["barcode"])
    wait_for(lambda: window.flash.isVisible(), 10)
    for lang in ("en", "ru", "zh"):
        controller.switch_language(lang, remember=False)
        pump(0.5)
        shot(window, lang, "return-mismatch")
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


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="packdesk-shots-") as tmp, \
            OzonSimulator(WorldConfig(postings=40, seed=7)) as sim:
        phones = [add_phone(sim.world) for _ in range(3)]
        method, ready = parcels_ready(sim)  # the hand-over's and the tracking's parcels, shipped on Ozon's side
        config = demo_config(Config(), sim.base_url, Path(tmp))
        config = dataclasses.replace(config, station=dataclasses.replace(config.station, supervisors=["Anna"]))
        controller = build(app, config, lang="en", api_key=DEMO_API_KEY, demo=True,
                           config_path=Path(tmp) / "config.toml")
        window = controller.window
        window.resize(SCREEN_WIDTH, 800)
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
        # a posting whose units cannot be found: short, it waits in "Needs a person"
        short = [n for n in rows if n in plain][6]  # the first six are packed below
        # cancelled on Ozon after the sync, one per language: single-unit postings, which no other scene uses
        cancelled = sorted(n for n in plain if n not in rows and n not in phones)[:3]
        controller.scan(short)
        wait_for(lambda: controller.pack_view.state == "packing", 10)
        controller.scan("CMD:SHORT:box torn")
        wait_for(lambda: "posting_short" in codes, 10)
        controller.queues.reload()
        wait_for(lambda: controller.queues.problems.rowCount() == 1, 10)
        packed_units: dict[str, list[str]] = {}
        for lang, number, with_marks, phone, gone in zip(("en", "ru", "zh"), postings, marked, phones, cancelled):
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
            packed_units[number] = units
            controller.scan(units[0])
            wait_for(lambda: controller.pack_view.snapshot["lines"] and any(
                line["counted"] for line in controller.pack_view.snapshot["lines"]), 10)
            wait_for(lambda: photos_shown(controller), 10)  # the products' photos, from the simulated CDN
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
            # cancelled by the buyer since the last sync: Ozon's re-read at the scan stops it, in red
            world.cancel(gone)
            controller.scan(gone)
            wait_for(lambda: window.flash.isVisible(), 10)
            pump(0.3)
            shot(window, lang, "cancelled")
            controller.scan("CMD:ACK")
            wait_for(lambda: not window.flash.isVisible(), 10)
            marked_scene(controller, window, sim, lang, with_marks, codes)
            phone_scene(controller, window, sim, lang, phone, codes)
            window.pages.setCurrentIndex(QUEUES)
            pump(0.3)
            shot(window, lang, "queues")
            controller.queues.tabs.setCurrentWidget(controller.queues.problems_view)
            wait_for(lambda: controller.queues.problems.index(0, 2).data()  # read again in the new language
                     == status_word("awaiting_packaging", lang), 10)
            pump(0.5)
            shot(window, lang, "queues-problems")
            controller.queues.tabs.setCurrentIndex(0)
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
        returns_shots(controller, window, sim, postings[0], packed_units[postings[0]])
        handover_shots(controller, window, method, ready)
        tracking_shots(controller, window, sim, method, ready)
        from app.services.people import directory

        directory.add(controller.parts.db, "Anna Petrova", "packer", pin="1111")
        directory.add(controller.parts.db, "Olga", "admin", pin="2222")
        directory.issue_badge(controller.parts.db, "Olga")
        controller.people.refresh()
        wait_for(lambda: controller.people.bar.isVisible(), 10)
        fresh = [n for n in rows if n in plain][3:6]
        for lang, number in zip(("en", "ru", "zh"), fresh):
            controller.switch_language(lang, remember=False)
            people_scene(controller, window, lang, codes, number)
        close_bench(controller)
        for lang in ("en", "ru", "zh"):  # a bench whose camera is not there: packing goes on, the warning shows
            missing_camera(app, sim, Path(tmp) / f"nocam-{lang}", lang)
        from screenshots_carriers import carrier_shots

        carrier_shots(app, Path(tmp) / "carriers")
        from screenshots_accounts import account_shots

        account_shots(app, Path(tmp) / "accounts")
    print(f"screenshots in {OUT}")
    return 0


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


if __name__ == "__main__":
    raise SystemExit(main())
