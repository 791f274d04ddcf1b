"""``CasesPanel``: the seller's cases (a posting, its type, notes, the resolution, attachments), and
the forms to open one, add a note or a file, and close it with its resolution. It binds and displays
only: rows come from ``show_cases`` (read on a pool thread), requests leave as signals."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app.messages import text
from app.store.models_returns import CASE_TYPES, RESOLUTIONS
from app.ui.queues.model import local_time
from app.ui.tables import rows_view


class CasesPanel(QWidget):
    openRequested = Signal(str, str, str)     # posting, type, note
    noteRequested = Signal(int, str)
    attachRequested = Signal(int, str)        # case, file path
    closeRequested = Signal(int, str, str)    # case, resolution, note

    def __init__(self, language=lambda: "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesPanel")
        self.language = language
        self.model = QStandardItemModel(0, 7, self)
        self.view = rows_view(self.model, "casesTable")
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.posting = QLineEdit()
        self.type = QComboBox()
        self.note = QLineEdit()
        self.open_button = QPushButton()
        self.open_button.setObjectName("openCaseButton")
        self.open_button.clicked.connect(self._open)
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setMaximumHeight(140)
        self.add_note, self.attach, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.resolution = QComboBox()
        self.add_note.clicked.connect(self._note)
        self.attach.clicked.connect(self._attach)
        self.close_button.clicked.connect(self._close)
        self.new_label = QLabel()
        opening = QHBoxLayout()
        opening.addWidget(self.new_label)
        opening.addWidget(self.posting, 1)
        opening.addWidget(self.type)
        opening.addWidget(self.note, 2)
        opening.addWidget(self.open_button)
        acting = QHBoxLayout()
        acting.addWidget(self.add_note)
        acting.addWidget(self.attach)
        acting.addStretch(1)
        acting.addWidget(self.resolution)
        acting.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(opening)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addLayout(acting)
        self._rows: list[dict] = []
        self.retranslate()
        self._selected()

    def retranslate(self) -> None:
        lang = self.language()
        self.model.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Posting"), self.tr("Type"), self.tr("State"),
                                              self.tr("Resolution"), self.tr("Files"), self.tr("Opened")])
        self.new_label.setText(self.tr("New case:"))
        self.posting.setPlaceholderText(self.tr("Posting number"))
        self.note.setPlaceholderText(self.tr("What happened"))
        self.open_button.setText(self.tr("Open case"))
        self.add_note.setText(self.tr("Add note…"))
        self.attach.setText(self.tr("Attach file…"))
        self.close_button.setText(self.tr("Close with"))
        for combo, values, prefix in ((self.type, CASE_TYPES, "case_type_"),
                                      (self.resolution, RESOLUTIONS, "case_resolution_")):
            current = combo.currentData()
            combo.clear()
            for value in values:
                combo.addItem(text(prefix + value, lang), value)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
        self.show_cases(self._rows)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_cases(self, rows: list[dict]) -> None:
        lang, selected = self.language(), self._current()
        self._rows = list(rows)
        self.model.removeRows(0, self.model.rowCount())
        for c in self._rows:
            cells = [f"#{c['id']}", c["posting_number"], text("case_type_" + c["type"], lang),
                     text("case_state_" + c["state"], lang),
                     text("case_resolution_" + c["resolution"], lang) if c["resolution"] else "",
                     str(len(c["attachments"])), local_time(datetime.fromisoformat(c["created_at"]))]
            self.model.appendRow([QStandardItem(cell) for cell in cells])
        for index, c in enumerate(self._rows):
            if selected is not None and c["id"] == selected["id"]:
                self.view.selectRow(index)
        self._selected()

    def _current(self) -> dict | None:
        rows = self.view.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def _selected(self) -> None:
        case = self._current()
        for widget in (self.add_note, self.attach, self.close_button, self.resolution):
            widget.setEnabled(case is not None and case["state"] == "open")
        if case is None:
            self.details.setPlainText("")
            return
        lines = [f"{n['at'][:16].replace('T', ' ')}  {n.get('by') or ''}: {n['text']}" for n in case["notes"]]
        lines += [f"📎 {a['name']}  SHA-256 {a['sha256'][:16]}…" for a in case["attachments"]]
        self.details.setPlainText("\n".join(lines))

    def _open(self) -> None:
        posting = self.posting.text().strip()
        if posting:
            self.openRequested.emit(posting, self.type.currentData(), self.note.text().strip())
            self.note.clear()

    def _note(self) -> None:
        case = self._current()
        if case is not None and self.note.text().strip():
            self.noteRequested.emit(case["id"], self.note.text().strip())
            self.note.clear()

    def _attach(self) -> None:
        case = self._current()
        if case is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file to the case"))
        if path:
            self.attachRequested.emit(case["id"], path)

    def _close(self) -> None:
        case = self._current()
        if case is not None:
            self.closeRequested.emit(case["id"], self.resolution.currentData(), self.note.text().strip())
            self.note.clear()
