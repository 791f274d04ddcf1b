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
import tempfile
from pathlib import Path

from shots_kit import OUT, SCREEN_WIDTH, close_bench, pump, shot, wait_for

from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config
from app.messages.statuses import status_word
from app.sim.ozon.demo_phone import add_phone
from app.sim.ozon import OzonSimulator, WorldConfig
from app.ui.app import build, make_app
from app.ui.main_window import EVIDENCE, LOG, PACK, QUEUES
from screenshots_scenes import (
    handover_shots, marked_scene, missing_camera, parcels_ready, people_scene, phone_scene, photos_shown,
    returns_shots, tracking_shots,
)


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


if __name__ == "__main__":
    raise SystemExit(main())
