"""``HandoverTab``: the Hand-over panel wired to the bench (the controller makes one).

It reads the board on a pool thread (after hand-over answers, sync passes, and every few seconds
while the tab is shown), sends the panel's commands to the station thread (the same way the
command barcodes go), and does the panel's file and print jobs off the GUI thread: printing the
act (``[devices] document_printer``), the carriage barcode (on the label printer, through the
print thread), attaching the signed act, queueing disputes. A closed hand-over's act that no
printer took is opened once, when it arrives.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from app.messages import error_text, text
from app.ui.adapters.tasks import run_task
from app.ui.handover.panel import HandoverPanel

log = logging.getLogger("packdesk.ui.handover")

RELOAD_MS = 4000
MODES_SHOWN_HERE = ("handover",)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class HandoverTab(QObject):
    def __init__(self, parts, *, language, messages, station_worker, wake=None, parent: QObject | None = None) -> None:
        """``pages`` and ``index`` (the window's tab widget and this tab's place in it) are set by
        the controller once the window holds the panel."""
        super().__init__(parent)
        self.parts, self.language, self.messages = parts, language, messages
        self.worker, self.pages, self.index = station_worker, None, -1
        self.wake = wake or (lambda: None)
        self.panel = HandoverPanel(language=language)
        self.panel.supervisors = list(parts.config.station.supervisors)
        self.open_document = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.mode = "packing"
        self._seen_acts: set[int] | None = None  # acts present at start are not opened again
        self._loading = False
        self._timer = QTimer(self, interval=RELOAD_MS)
        self._timer.timeout.connect(self._tick)
        p = self.panel
        p.commandRequested.connect(station_worker.command)
        p.openRequested.connect(lambda path: self.open_document(path))
        p.printActRequested.connect(self.print_act)
        p.printBarcodeRequested.connect(self.print_barcode)
        p.attachRequested.connect(self.attach)
        p.arbitrationRequested.connect(self.arbitrate)
        p.printCommandsRequested.connect(self.print_commands)
        station_worker.snapshot.connect(self._snapshot)
        station_worker.result.connect(self._result)

    def start(self) -> None:
        self._timer.start()
        self.reload()

    def stop(self) -> None:
        self._timer.stop()

    # --- reading ----------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        from app.services.handover.board import board
        from app.services.handover.mode import local_zone

        db, station, data_dir = self.parts.db, self.parts.config.station.name, self.parts.config.data_dir
        run_task(lambda: board(db, station, data_dir, now=utcnow(), zone=local_zone()),
                 on_result=self._loaded, on_error=self._failed, owner=self.panel)

    def _loaded(self, data: dict) -> None:
        self._loading = False
        self.panel.show_board(data)
        last = data.get("last") or {}
        done = last.get("close_step") == "done" and last.get("act_pdf")
        if self._seen_acts is None:
            self._seen_acts = {last["id"]} if done else set()
        elif done and last["id"] not in self._seen_acts:
            self._seen_acts.add(last["id"])
            if str(last.get("act_printed") or "").startswith("saved"):
                self.open_document(last["act_pdf"])  # no document printer: the act opens to print by hand

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        log.warning("the hand-over board could not be read: %s", exc)

    def _tick(self) -> None:
        if (self.pages is not None and self.pages.currentIndex() == self.index) or self.mode in MODES_SHOWN_HERE:
            self.reload()

    def _snapshot(self, snapshot: dict) -> None:
        mode = snapshot.get("mode", "packing")
        if mode != self.mode and mode in MODES_SHOWN_HERE and self.pages is not None:
            self.pages.setCurrentIndex(self.index)  # the big counts while scanning out
        self.mode = mode

    def _result(self, result) -> None:
        if result.code.startswith(("handover", "parcel", "tracking")) or self.mode in MODES_SHOWN_HERE:
            self.reload()

    # --- doing, off the GUI thread ----------------------------------------------------------
    def print_act(self, path: str) -> None:
        from app.services.handover.documents import document_printer, print_act

        config = self.parts.config
        run_task(lambda: print_act(document_printer(config), config.data_dir, path),
                 on_result=lambda where: self.messages.info(where), on_error=self._job_failed, owner=self.panel)

    def print_barcode(self, barcode: str, caption: str) -> None:
        from app.services.handover.documents import print_carriage_barcode

        self._label_job(caption, print_carriage_barcode, barcode, caption)

    def print_commands(self) -> None:
        from app.services.handover.documents import print_handover_commands

        self._label_job("CMD:HANDOVER", print_handover_commands, self.language())

    def _label_job(self, what: str, fn, *args) -> None:
        """A job on the label printer's own thread (the one handle to it), awaited on a pool thread."""
        worker = self.parts.print_worker
        if worker is None:
            self.messages.warning(text("label_no_printer", self.language()))
            return

        def job():
            outcome = worker.submit(fn, *args).result(timeout=60)
            if outcome.failed:
                raise RuntimeError(outcome.error)
            return worker.printer.uri

        lang = self.language()
        run_task(job, on_result=lambda uri: self.messages.info(text("label_printed", lang, posting=what, printer=uri)),
                 on_error=self._job_failed, owner=self.panel)

    def attach(self, handover_id: int, path: str) -> None:
        from pathlib import Path

        from app.services.handover.receipt import ReceiptError, attach_file

        parts, lang = self.parts, self.language()

        def job():
            try:
                return attach_file(parts.db, parts.config.data_dir, handover_id, Path(path),
                                   by=parts.station.packer or parts.config.station.name, now=utcnow())
            except ReceiptError as exc:
                raise RuntimeError(error_text(exc, lang)) from None

        run_task(job, on_result=lambda stored: (self.messages.info(text(
            "handover_receipt_attached", lang, handover=handover_id, path=stored)), self.reload()),
                 on_error=self._job_failed, owner=self.panel)

    def arbitrate(self, numbers: list) -> None:
        from app.services.handover.afterwards import request_arbitration

        parts, lang = self.parts, self.language()
        run_task(lambda: request_arbitration(parts.db, numbers, station=parts.config.station.name, now=utcnow()),
                 on_result=lambda done: (self.messages.info(" ".join(
                     text("handover_arbitration_queued", lang, posting=n) for n in done[0])), self.wake(),
                     self.reload()),
                 on_error=self._job_failed, owner=self.panel)

    def _job_failed(self, exc: Exception) -> None:
        self.messages.warning(str(exc))
