"""``ReturnsTab``: the Returns and Cases panels wired to the bench (the controller makes one).

Boards are read on a pool thread (after return answers, sync passes, and every few seconds while a
tab is shown); the bench's return commands go to the station thread as their barcodes do; rFBS
actions are queued for the outbox and case changes written on a pool thread, then the sync is woken.
When the bench enters the return mode, the Returns tab comes to the front."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from app.messages import Said, text
from app.ui.adapters.tasks import run_task
from app.ui.returns.cases_panel import CasesPanel
from app.ui.returns.panel import ReturnsPanel

log = logging.getLogger("packdesk.ui.returns")

RELOAD_MS = 5000


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class ReturnsTab(QObject):
    def __init__(self, parts, *, language, messages, station_worker, wake=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts, self.language, self.messages = parts, language, messages
        self.wake = wake or (lambda: None)
        self.panel = ReturnsPanel(language=language)
        self.cases = CasesPanel(language=language)
        self.pages = None  # the window's tab widget (set by the controller)
        self.mode = "packing"
        self._loading = False
        self._timer = QTimer(self, interval=RELOAD_MS)
        self._timer.timeout.connect(self._tick)
        self.panel.commandRequested.connect(station_worker.command)
        self.panel.actionRequested.connect(self.act)
        self.panel.openClipRequested.connect(self._open_clip)
        self.cases.openRequested.connect(lambda posting, kind, note: self._case(
            "case_opened", lambda s, c, by, now: c.open_case(s, posting, kind, note=note, by=by, now=now)))
        self.cases.noteRequested.connect(lambda case, note: self._case(
            "case_updated", lambda s, c, by, now: c.add_note(s, case, note, by=by, now=now)))
        self.cases.attachRequested.connect(lambda case, path: self._case(
            "case_updated", lambda s, c, by, now: c.attach(s, case, Path(path), parts.config.data_dir, by=by, now=now)))
        self.cases.closeRequested.connect(lambda case, resolution, note: self._case(
            "case_closed", lambda s, c, by, now: c.resolve(s, case, resolution, by=by, now=now, note=note)))
        station_worker.snapshot.connect(self._snapshot)
        station_worker.result.connect(lambda result: self.reload() if result.code.startswith("return") else None)

    def start(self) -> None:
        self._timer.start()
        self.reload()

    def stop(self) -> None:
        self._timer.stop()

    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        from app.services.returns.board import cases_board, returns_board

        db, station = self.parts.db, self.parts.config.station.name
        run_task(lambda: (returns_board(db, station), cases_board(db)), on_result=self._loaded,
                 on_error=self._failed, owner=self.panel)

    def _loaded(self, boards) -> None:
        self._loading = False
        self.panel.show_board(boards[0])
        self.cases.show_cases(boards[1])

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        log.warning("the returns could not be read: %s", exc)

    def _tick(self) -> None:
        shown = self.pages is not None and self.pages.currentWidget() in (self.panel, self.cases)
        if shown or self.mode == "return":
            self.reload()

    def _snapshot(self, snapshot: dict) -> None:
        mode = snapshot.get("mode", "packing")
        if mode != self.mode and mode == "return" and self.pages is not None:
            self.pages.setCurrentWidget(self.panel)  # what shipped beside what comes back
        self.mode = mode

    def _open_clip(self, path: str) -> None:
        from app.services.evidence.storage import evidence_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(evidence_dir(self.parts.config.data_dir) / path)))

    def act(self, return_id: int, action_id: int, comment: str, reason) -> None:
        from app.services.returns.actions import ActionRefused, request_action

        parts, lang = self.parts, self.language()

        def job():
            try:
                parts.db.writer.call(lambda s: request_action(s, return_id, action_id, comment=comment,
                                                              rejection_reason_id=reason,
                                                              station=parts.config.station.name, now=utcnow()))
            except ActionRefused as exc:
                raise RuntimeError(text(exc.code, lang, **exc.data)) from None

        name = self.panel.actions.currentText()
        run_task(job, on_result=lambda _: (self.messages.info(Said("return_action_queued", action=name)),
                                           self.wake(), self.reload()),
                 on_error=lambda exc: self.messages.warning(str(exc)), owner=self.panel)

    def _case(self, said: str, change) -> None:
        from app.services.returns import cases

        parts, lang = self.parts, self.language()
        by = parts.station.packer if parts.station is not None and parts.station.packer else parts.config.station.name

        def job():
            try:
                case = parts.db.writer.call(lambda s: cases.as_dict(change(s, cases, by, utcnow())))
            except cases.CaseError as exc:
                raise RuntimeError(text(exc.code, lang, **exc.data)) from None
            return case

        def done(case: dict) -> None:
            self.messages.info(Said(said, case=case["id"], posting=case["posting_number"],
                                    type=Said("case_type_" + case["type"]),
                                    resolution=Said("case_resolution_" + (case["resolution"] or "refund"))))
            self.reload()

        run_task(job, on_result=done, on_error=lambda exc: self.messages.warning(str(exc)), owner=self.cases)
