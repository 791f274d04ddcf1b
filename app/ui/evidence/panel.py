"""``EvidencePanel``: the postings this bench has evidence of (clips, photos, sealed records), and for
the selected one the dispute bundle (``packdesk evidence`` from a button); a bundle can be checked too.

Reading the list and making or checking a bundle run on a pool thread (``run_task``); the panel
only shows what comes back. A bundle goes where the seller chooses (a file dialog); its summary is
in Russian unless another language is chosen (Ozon's support reads Russian).
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app.messages import Said, text
from app.ui.adapters.tasks import run_task
from app.ui.tables import rows_view

log = logging.getLogger("packdesk.ui.evidence")

SUMMARY_LANGUAGES = (("ru", "Русский"), ("zh", "中文"), ("en", "English"))
RELOAD_DELAY_MS = 3000  # after a posting leaves the bench: its clip is sealed by then


def load_postings(db, search: str = "") -> list[dict]:
    """Postings with evidence, newest first (pool thread)."""
    from app.store import evidence as store

    with db.read() as session:
        filmed = {r["posting_number"]: r for r in store.recent_postings(session, search=search)}
        sealed = store.recent_evented_postings(session, search=search)
    rows = []
    for row in sealed:
        number = row["posting_number"]
        clips = filmed.pop(number, {})
        rows.append({"posting": number, "last_at": max(filter(None, (row["last_at"], clips.get("last_at")))),
                     "files": clips.get("files", 0), "failed": clips.get("failed", 0) or 0})
    rows += [{"posting": n, "last_at": r["last_at"], "files": r["files"], "failed": r["failed"] or 0}
             for n, r in filmed.items()]
    rows.sort(key=lambda r: r["last_at"], reverse=True)
    return rows


class EvidencePanel(QWidget):
    bundled = Signal(str)    # the path written
    failed = Signal(object)  # a message for the banner (str or app.messages.Said)
    said = Signal(object)    # news for the banner (a bundle written, a check passed): app.messages.Said

    def __init__(self, db, data_dir: Path, station: str, language=lambda: "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.data_dir, self.station, self.language = db, Path(data_dir), station, language
        self.model = QStandardItemModel(0, 4, self)
        self.view = rows_view(self.model)
        self.view.doubleClicked.connect(lambda _: self.ask_bundle())
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.reload)
        self.summary_label = QLabel()
        self.summary_language = QComboBox()
        for code, name in SUMMARY_LANGUAGES:
            self.summary_language.addItem(name, code)
        self.bundle_button = QPushButton()
        self.bundle_button.setObjectName("bundleButton")
        self.bundle_button.clicked.connect(lambda: self.ask_bundle())
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.ask_verify)
        self.note = QLabel(wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.summary_label)
        top.addWidget(self.summary_language)
        top.addWidget(self.bundle_button)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self._busy = False
        self._soon = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)  # dies with the panel
        self._soon.timeout.connect(self.reload)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("Posting"), self.tr("Last record"), self.tr("Clips and photos"),
                                              self.tr("Failed")])
        self.search.setPlaceholderText(self.tr("Find a posting number (Enter)"))
        self.summary_label.setText(self.tr("Summary in:"))
        self.bundle_button.setText(self.tr("Make dispute bundle…"))
        self.verify_button.setText(self.tr("Check a bundle…"))
        self.note.setText(self.tr("A dispute bundle is a ZIP for Ozon's support: the packing video, the photo on the "
                                  "scale, the label, every scan with its time, and a PDF summary; each file's hash "
                                  "is in the bench's evidence log."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the list ---------------------------------------------------------------------------
    def reload_soon(self) -> None:
        self._soon.start()

    def reload(self) -> None:
        search = self.search.text().strip()
        run_task(lambda: load_postings(self.db, search), on_result=self.show_rows,
                 on_error=lambda exc: self.failed.emit(str(exc)), owner=self)

    def show_rows(self, rows: list[dict]) -> None:
        selected = self.selected()
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            at = row["last_at"].replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
            cells = [QStandardItem(str(v)) for v in (row["posting"], at, row["files"], row["failed"] or "")]
            self.model.appendRow(cells)
            if row["posting"] == selected:
                self.view.selectRow(self.model.rowCount() - 1)
        if selected is None and rows:
            self.view.selectRow(0)
        self._fit_columns()

    def showEvent(self, event) -> None:  # noqa: N802
        self._fit_columns()  # rows read while the tab was hidden were measured before it was polished
        super().showEvent(event)

    def _fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)

    def selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.item(rows[0].row(), 0).text() if rows else None

    # --- bundles ----------------------------------------------------------------------------
    def bundle_for(self, posting: str) -> None:
        """Another tab asked for this posting's bundle: show it in the list and ask where to save it."""
        self.search.setText(posting)
        self.reload()
        self.ask_bundle(posting)

    def ask_bundle(self, posting: str | None = None) -> None:
        posting = posting or self.selected()
        if posting is None or self._busy:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        dialog = QFileDialog(self, self.tr("Save the dispute bundle"), str(Path.home() / f"{posting}-{stamp}.zip"),
                             "ZIP (*.zip)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("zip")
        dialog.fileSelected.connect(lambda path: self.make_bundle(posting, Path(path)))
        dialog.open()
        self.dialog = dialog

    def make_bundle(self, posting: str, out: Path) -> None:
        from app.services.evidence.bundle import make_bundle

        self._busy = True
        self.bundle_button.setEnabled(False)
        lang = self.summary_language.currentData()
        run_task(lambda: make_bundle(self.db, self.data_dir, posting, out, lang=lang, station=self.station),
                 on_result=lambda report: self._made(posting, report), on_error=self._not_made, owner=self)

    def _made(self, posting: str, report) -> None:
        self._busy = False
        self.bundle_button.setEnabled(True)
        self.said.emit(Said("evidence_written", posting=posting, path=report.path, files=report.files,
                            clips=report.clips, entries=report.entries))
        if not report.chain.intact:
            self.failed.emit(Said("evidence_chain_broken", where=report.chain.broken.where,
                                  detail=report.chain.broken.detail))
        self.bundled.emit(str(report.path))
        self.reload()

    def _not_made(self, exc: Exception) -> None:
        self._busy = False
        self.bundle_button.setEnabled(True)
        from app.services.evidence.bundle import NothingToBundle

        if isinstance(exc, NothingToBundle):
            self.failed.emit(text("evidence_unknown_posting", self.language(), posting=str(exc)))
            return
        log.warning("the dispute bundle could not be made: %s", exc)
        self.failed.emit(str(exc) or type(exc).__name__)

    def ask_verify(self) -> None:
        dialog = QFileDialog(self, self.tr("Check a dispute bundle"), str(Path.home()), "ZIP (*.zip)")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.verify(Path(path)))
        dialog.open()
        self.dialog = dialog

    def verify(self, path: Path) -> None:
        from app.services.evidence.verify import verify_bundle

        def said(verdict) -> None:
            if verdict.ok:
                self.said.emit(Said("evidence_verified", path=path, files=verdict.files, entries=verdict.entries,
                                    events=verdict.events))
            else:
                self.failed.emit(Said("evidence_mismatch", path=path, where=verdict.broken.where,
                                      detail=verdict.broken.detail))

        run_task(lambda: verify_bundle(path), on_result=said, on_error=lambda exc: self.failed.emit(str(exc)),
                 owner=self)
