"""``BenchController``: wires the bench's parts (``app.bench.open_bench``) to the window through the
Qt adapters. It owns the workers' lifetimes; the window stays a composition of panels.

    controller = BenchController(app, parts, languages=..., sounder=..., log_handler=..., ...)
    controller.window.show(); controller.start(); app.exec(); controller.shutdown()
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal, Slot

from app.messages import error_text, text
from app.messages.devices import print_failed_text
from app.ui.adapters import (CameraBridge, MessageBridge, ScaleBridge, ScanFilter, ScannerBridge, StationWorker,
                             SyncWorker)
from app.ui.adapters.progress import ProgressBridge
from app.ui.evidence import EvidencePanel
from app.ui.handover.wiring import HandoverTab
from app.ui.tracking.panel import TrackingPanel
from app.ui.main_window import HANDOVER, PACK, MainWindow
from app.services.labels.printing import PrinterProbe
from app.services.photos import PhotoCache, ProductPhotos
from app.ui.pack import PackView
from app.ui.pack.photos import PhotoLoader
from app.ui.queues.panel import QueuesPanel
from app.ui.carriers.held import HeldParcelsPanel
from app.ui.returns.wiring import ReturnsTab
from app.ui.stall_meter import StallMeter

log = logging.getLogger("packdesk.ui")

RELOAD_AFTER = frozenset({"posting_opened", "weight_accepted", "posting_released", "posting_parked"})
QUEUE_RELOAD_DELAY_MS = 800


class BenchController(QObject):
    _printed = Signal(object)

    def __init__(self, app, parts, *, languages, sounder, log_handler, config_path: Path | None = None,
                 scale_bridge: ScaleBridge | None = None, scanner_bridge: ScannerBridge | None = None,
                 camera_bridge: CameraBridge | None = None, demo: bool = False, clock=None) -> None:
        super().__init__()
        self.app, self.parts, self.languages = app, parts, languages
        self.config, self.config_path = parts.config, config_path
        self.messages = MessageBridge(self)
        self.scale_bridge = scale_bridge or ScaleBridge(self)
        self.scanner_bridge = scanner_bridge or ScannerBridge(self)
        self.camera_bridge = camera_bridge or CameraBridge(self)
        self.pack_view = PackView(sounder=sounder, language=lambda: self.languages.current)
        # the rFBS parcels held at the seller's own carrier: a page of the queues on a bench with carriers
        self.held = HeldParcelsPanel(parts.db, language=lambda: self.languages.current) \
            if parts.config.carriers.carriers else None
        accounts = {a.client_id: a.label for a in parts.config.accounts} if parts.config.ozon_accounts else None
        self.queues = QueuesPanel(parts.db, parts.config.station.name, held=self.held, accounts=accounts,
                                  language=lambda: self.languages.current)
        self.photos = PhotoLoader(ProductPhotos(parts.db, PhotoCache(parts.config.data_dir)), parent=self)
        self.evidence = EvidencePanel(parts.db, parts.config.data_dir, parts.config.station.name,
                                      language=lambda: self.languages.current)
        from app.ui.people.wiring import PeopleWiring

        self.people = PeopleWiring(self)
        devices = {"printer": self.config.devices.printer, "scale": self.config.devices.scale,
                   "scanner": self.config.devices.scanner or "keyboard", "camera": self.config.devices.camera}
        self.station_worker = StationWorker(parts.station, parts.scale, self, router=parts.router)
        self.handover = HandoverTab(parts, language=lambda: self.languages.current, messages=self.messages,
                                    station_worker=self.station_worker, wake=self._wake, parent=self)
        self.returns = ReturnsTab(parts, language=lambda: self.languages.current, messages=self.messages,
                                  station_worker=self.station_worker, wake=self._wake, parent=self)
        self.tracking = TrackingPanel(parts.db, parts.config, language=lambda: self.languages.current)
        self.tracking.stepQueued.connect(self._wake)
        if self.held is not None:
            self.held.queued.connect(self._wake)
        self.window = MainWindow(pack_view=self.pack_view, queues=self.queues, log_handler=log_handler,
                                 station_name=self.config.station.name, devices=devices, demo=demo,
                                 handover=self.handover.panel, tracking=self.tracking, evidence=self.evidence,
                                 returns=self.returns.panel, cases=self.returns.cases, sign_in_bar=self.people.bar,
                                 audit=self.people.audit, statistics=self.people.statistics)
        self.handover.pages, self.handover.index = self.window.pages, HANDOVER
        self.station_worker.watch_repaints(self.window)
        self.returns.pages = self.window.pages
        self.sync_worker = SyncWorker(parts.service, self) if parts.service is not None else None
        self.progress = ProgressBridge(self)  # long work told on the sync and print threads -> the bars
        self.scan_filter = self._keyboard_scanner(clock)
        self.stall_meter = StallMeter(beat_ms=50, warn_ms=250, parent=self)  # a freeze leaves a line in the log
        # after a scan the queues are re-read a moment later, not while the packer scans on
        self._queues_soon = QTimer(self, singleShot=True, interval=QUEUE_RELOAD_DELAY_MS)
        self._queues_soon.timeout.connect(lambda: self.queues.reload())
        self._camera_warned: set[str] = set()
        self._connect()

    def _keyboard_scanner(self, clock) -> ScanFilter | None:
        uri = self.config.devices.scanner or "keyboard"
        if not uri.startswith("keyboard"):
            return None
        from app.devices.scanners import open_scanner

        options = {"clock": clock} if clock is not None else {}
        scanner = open_scanner(uri, on_scan=lambda scan: None, **options).start()
        return ScanFilter(scanner, clock=clock, parent=self) if clock else ScanFilter(scanner, parent=self)

    def _connect(self) -> None:
        w, status = self.window, self.window.status
        for source in (self.pack_view.scanRequested, self.queues.scanRequested, self.scanner_bridge.scanned):
            source.connect(self.scan)
        if self.scan_filter is not None:
            self.scan_filter.scanned.connect(self.scan)
        self.station_worker.result.connect(self.pack_view.show_result)
        self.station_worker.result.connect(self._after_result)
        self.station_worker.snapshot.connect(self.pack_view.show_snapshot)
        self.pack_view.photosWanted.connect(self.photos.request)
        self.photos.photoReady.connect(self.pack_view.show_photo)
        self.station_worker.failed.connect(  # bugs go to the crash dialog, not here
            lambda code, detail: self.messages.error(text(code, self.languages.current, detail=detail)))
        self.pack_view.stateChanged.connect(w.show_state)
        w.flash.acknowledgeRequested.connect(self.station_worker.acknowledge)
        w.flash.supervisorRequested.connect(self.ask_supervisor)
        self.station_worker.snapshot.connect(lambda snap: w.flash.offer_fix(snap.get("error"), snap.get("mode")))
        self.pack_view.actions.commandRequested.connect(self.station_worker.command)
        self.pack_view.actions.weighRequested.connect(self.station_worker.weigh)
        w.banner.language = lambda: self.languages.current
        self.messages.message.connect(w.banner.show_message)
        self.queues.reprinted.connect(lambda _: self._wake())
        self.queues.failed.connect(lambda detail: self.messages.warning(detail))
        self.scale_bridge.reading.connect(status.on_scale_reading)
        self.scale_bridge.reading.connect(self.pack_view.show_weight)
        self.scale_bridge.stateChanged.connect(status.on_scale_state)
        self.scanner_bridge.stateChanged.connect(status.on_scanner_state)
        self.camera_bridge.stateChanged.connect(status.on_camera_state)
        self.camera_bridge.stateChanged.connect(self._camera_state)
        self.camera_bridge.clipFailed.connect(self._clip_failed)
        self.camera_bridge.overQuota.connect(lambda used, quota: self.messages.warning(
            text("evidence_over_quota", self.languages.current, used=used, quota=quota)))
        self.evidence.said.connect(self.messages.info)
        self.evidence.failed.connect(lambda detail: self.messages.warning(detail))
        self.queues.bundleRequested.connect(self._bundle_requested)
        self._printed.connect(self._on_printed, Qt.ConnectionType.QueuedConnection)
        if self.parts.print_worker is not None:
            self.parts.print_worker.on_done = self._printed.emit
            self.parts.print_worker.printer.progress = self.progress.report
        self.progress.progress.connect(w.progress.show_progress)
        status.language = lambda: self.languages.current  # the failed sync stages, in the packer's words
        self.languages.changed.connect(lambda _: status.retranslate())
        if self.sync_worker is not None:
            self.sync_worker.passFinished.connect(lambda _: self.handover.reload())
            self.sync_worker.passFinished.connect(lambda _: self.returns.reload())
            self.sync_worker.passFinished.connect(lambda _: self.tracking.reload())
            self.sync_worker.passFinished.connect(status.on_pass)
            self.parts.service.engine.on_progress = self.progress.report
            for ended in (self.sync_worker.passFinished, self.sync_worker.syncFailed):
                ended.connect(lambda _: w.progress.settle("postings"))
            self.sync_worker.passFinished.connect(self._after_pass)
            self.sync_worker.syncFailed.connect(status.on_sync_failed)
            self.sync_worker.authFailed.connect(status.on_auth_failed)
            self.sync_worker.authFailed.connect(self._auth_failed)
        else:
            status.on_not_set_up()
        w.settingsRequested.connect(self.ask_settings)
        self.people.connect()
        w.languageRequested.connect(self.switch_language)
        w.mark_language(self.languages.current)

    def _bundle_requested(self, posting: str) -> None:
        """A posting's dispute bundle asked for from the queues: the Evidence tab makes it."""
        self.window.pages.setCurrentWidget(self.evidence)
        self.evidence.bundle_for(posting)

    # --- life -------------------------------------------------------------------------------
    def start(self) -> None:
        if self.scan_filter is not None:
            self.scan_filter.watch(self.app, fallback=self.window)
        self.station_worker.start()
        self.handover.start()
        self.returns.start()
        if self.sync_worker is not None:
            self.sync_worker.start()
        self.stall_meter.start()
        self.queues.reload()
        self.evidence.reload()
        self.people.start()
        if self.parts.print_worker is not None:  # a printer that is off is said before the first label
            self.parts.print_worker.probe()
        for code, detail in self.parts.problems:
            lang = self.languages.current
            self.messages.warning(text(code, lang, detail=error_text(detail, lang), path=self.config.source),
                                  (self.tr("Open settings"), self.ask_settings))

    def shutdown(self) -> None:
        self.stall_meter.stop()
        self.handover.stop()
        self.returns.stop()
        if self.scan_filter is not None:
            self.scan_filter.unwatch(self.app)
        if self.sync_worker is not None:
            self.sync_worker.stop()
        self.station_worker.stop()
        self.photos.stop()
        self.parts.close()

    # --- slots ------------------------------------------------------------------------------
    @Slot(str)
    def scan(self, code: str) -> None:
        if code[:10].upper() == "CMD:LOGIN:" and self._badge_to_dialog(code[10:]):
            return  # a supervisor's badge for the override asked for: not a sign-in
        if self.returns.mode == "return":
            self.window.pages.setCurrentWidget(self.returns.panel)
        else:
            self.window.pages.setCurrentIndex(HANDOVER if self.handover.mode == "handover" else PACK)
        self.station_worker.scan(code)

    def _badge_to_dialog(self, credential: str) -> bool:
        """A badge scanned (any scanner) while an override waits for a supervisor goes to that dialog."""
        for dialog in (getattr(self, "command_dialog", None), getattr(self.pack_view.actions, "dialog", None),
                       getattr(self.handover.panel, "force_dialog", None)):
            if dialog is not None and dialog.take_badge(credential):
                return True
        return False

    def ask_supervisor(self, command: str) -> None:
        """Override a weight or teach a barcode: who confirms (and which line), then the station."""
        from app.ui.pack.actions import CommandDialog

        snap = self.pack_view.snapshot
        dialog = CommandDialog(command, supervisors=list(self.config.station.supervisors), badge=self.people.people_exist,
                               lines=snap.get("lines") or [], barcode=(snap.get("error_data") or {}).get("barcode", ""),
                               parent=self.window)
        dialog.chosen.connect(self.station_worker.command)
        dialog.open()
        self.command_dialog = dialog

    def _after_result(self, result) -> None:
        if result.code == "weight_accepted":
            self._wake()
        if result.code in RELOAD_AFTER:
            self._queues_soon.start()
            self.evidence.reload_soon()

    def _camera_state(self, state: str, detail: str, key: str) -> None:
        """A camera that fails is said in the banner (once for each reason); packing goes on."""
        if state == "failed" and detail not in self._camera_warned:
            self._camera_warned.add(detail)
            self.messages.warning(text("camera_unavailable", self.languages.current,
                                       camera=self.config.devices.camera, detail=detail),
                                  (self.tr("Open settings"), self.open_settings))

    def _clip_failed(self, detail: str, key: str) -> None:
        """A clip that could not be finalised is said in the banner (it stays listed, as failed)."""
        self.messages.warning(text("camera_clip_failed", self.languages.current, key=key, detail=detail))
        self.evidence.reload_soon()

    def _after_pass(self, summary: dict) -> None:
        self.queues.reload()
        postings = (summary.get("stages") or {}).get("postings", "")
        led_elsewhere = "postings" in summary.get("delegated_stages", ())  # a room: the sync leader pulls them
        if postings.startswith(("error", "skipped")) and not led_elsewhere:  # other failures: the status bar
            self.messages.warning(text("ozon_unreachable", self.languages.current, detail=summary.get("error")))

    def _auth_failed(self, detail: str) -> None:
        self.messages.error(text("auth_failed", self.languages.current, client_id=self.config.ozon.client_id,
                                 detail=detail), (self.tr("Open settings"), self.ask_settings))

    def _wake(self) -> None:
        if self.sync_worker is not None:
            self.sync_worker.wake()
        elif self.parts.print_worker is not None:
            self.parts.print_worker.print_due()

    @Slot(object)
    def _on_printed(self, result) -> None:
        """A print job's outcome (print thread → here): ``PrintResult`` of one label, the
        ``PrintStats`` of a round of due labels, or the ``PrinterProbe`` asked at the start."""
        if isinstance(result, PrinterProbe):  # how the printer is, asked at the start
            if result.state is not None:
                self.window.status.on_printer_state(result.state)
            return
        number = getattr(result, "posting_number", None)
        if number is not None:
            kind = "connected" if result.printed else (result.kind or "error")
            self.window.status.on_printer_state(kind)
            lang = self.languages.current
            self.messages.notify("info" if result.printed else "warning", text(
                "label_printed", lang, posting=number, printer=self.config.devices.printer) if result.printed
                else print_failed_text(number, result.kind, result.error, lang))
        elif getattr(result, "printed", 0) or getattr(result, "failed", 0):
            self.window.status.on_printer_state("connected" if not result.failed else "error")
        if number is None:  # a round of due labels ended
            self.window.progress.settle("labels")
            self.window.progress.settle("wave_labels")
        self.queues.reload()

    def switch_language(self, code: str, *, remember: bool = True) -> None:
        self.languages.switch(code)
        if remember:  # the next start uses it unless --lang says otherwise
            QSettings().setValue("ui/language", code)
        self.window.mark_language(code)

    def ask_settings(self) -> None:
        """Settings, when the person signed in may change them (an admin; ``PeopleWiring.guarded``)."""
        self.people.guarded(self.open_settings)

    def open_settings(self) -> None:
        from app.config import default_config_path
        from app.ui.settings.dialog import SettingsDialog
        from app.ui.settings.form import SettingsForm

        path = self.config_path or (Path(self.config.source) if self.config.source else default_config_path())
        dialog = SettingsDialog(SettingsForm.from_config(self.config), path, language=self.languages.current,
                                data_dir=self.config.data_dir, live_scale=self.scale_bridge,
                                print_commands=self._print_command_sheet if self.parts.print_worker else None,
                                print_sample=self._print_sample if self.parts.print_worker else None,
                                db=self.parts.db, parent=self.window)
        dialog.saved.connect(self._settings_saved)
        dialog.open()
        self.settings_dialog = dialog

    def _print_command_sheet(self, language: str, supervisors: list[str]) -> str:
        """On a pool thread: the sheet goes through the print thread; the answer is for the person."""
        from app.services.labels.command_sheet import unprintable_supervisors

        worker = self.parts.print_worker
        outcome = worker.print_command_sheet(language, supervisors).result(timeout=120)
        if outcome.failed:
            raise RuntimeError(text("command_sheet_print_failed", language, detail=outcome.error))
        said = text("command_sheet_printed", language, pages=outcome.pages)
        skipped = unprintable_supervisors(supervisors, worker.printer.printer.profile)
        if skipped:
            said += " " + text("command_sheet_skipped", language, names=", ".join(skipped))
        return said

    def _print_sample(self) -> str:
        """On a pool thread: Settings → Test print on the printer in use goes through its print
        thread (the one handle to it); returns the printer's name."""
        worker = self.parts.print_worker
        outcome = worker.print_sample().result(timeout=60)
        if outcome.failed:
            raise RuntimeError(outcome.error)
        return worker.printer.uri

    def _settings_saved(self, path: str, language: str) -> None:
        self.switch_language(language)
        self.messages.info(self.tr("Settings saved to %1. Restart packdesk to use new account or device "
                                   "settings.").replace("%1", path))
