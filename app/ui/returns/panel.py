"""``ReturnsPanel``: the returns Ozon listed, with Ozon's state and the bench's, and the return open at
this bench: what shipped (products, masked marking codes, the packing clip) beside what came back,
each unit green or red; a condition note, a photo and the close. rFBS requests offer Ozon's actions.

It binds and displays only: data comes from ``show_board`` (read on a pool thread by the wiring),
requests leave as signals (``commandRequested`` goes to the station thread like a command barcode).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget)

from app.messages import text
from app.messages.return_states import ozon_return_state
from app.ui.queues.model import local_time
from app.ui.tables import rows_view

OK_BRUSH, BAD_BRUSH = QBrush(QColor("#1b7f3b")), QBrush(QColor("#b3261e"))


class ReturnsPanel(QWidget):
    commandRequested = Signal(str, list)   # RETURN-NOTE [text] / RETURN-PHOTO / RETURN-CLOSE, as barcodes go
    actionRequested = Signal(int, int, str, object)  # return row id, Ozon's action id, comment, rejection reason
    openClipRequested = Signal(str)        # a clip's path under the evidence dir

    def __init__(self, language=lambda: "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("returnsPanel")
        self.here_box = QGroupBox()
        self.here_title = QLabel(wordWrap=True)
        self.here_title.setObjectName("returnTitle")
        self.shipped_label, self.back_label = QLabel(), QLabel()
        self.shipped, self.back = QListWidget(), QListWidget()
        self.clip_button = QPushButton()
        self.clip_button.clicked.connect(self._open_clip)
        self.note = QLineEdit()
        self.note_button, self.photo_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.close_button.setObjectName("returnCloseButton")
        self.note_button.clicked.connect(self._note)
        self.note.returnPressed.connect(self._note)
        self.photo_button.clicked.connect(lambda: self.commandRequested.emit("RETURN-PHOTO", []))
        self.close_button.clicked.connect(lambda: self.commandRequested.emit("RETURN-CLOSE", []))
        self.idle = QLabel(wordWrap=True)
        self.idle.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        columns = QHBoxLayout()
        for label, view in ((self.shipped_label, self.shipped), (self.back_label, self.back)):
            side = QVBoxLayout()
            side.addWidget(label)
            side.addWidget(view, 1)
            columns.addLayout(side, 1)
        notes = QHBoxLayout()
        notes.addWidget(self.note, 1)
        for button in (self.note_button, self.photo_button, self.clip_button, self.close_button):
            notes.addWidget(button)
        here = QVBoxLayout(self.here_box)
        here.addWidget(self.here_title)
        here.addWidget(self.idle, 1)
        here.addLayout(columns, 1)
        here.addLayout(notes)

        self.model = QStandardItemModel(0, 7, self)
        self.view = rows_view(self.model, "returnsTable")
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.actions = QComboBox()
        self.comment = QLineEdit()
        self.send_button = QPushButton()
        self.send_button.clicked.connect(self._send)
        self.actions_label = QLabel()
        acting = QHBoxLayout()
        acting.addWidget(self.actions_label)
        acting.addWidget(self.actions, 1)
        acting.addWidget(self.comment, 2)
        acting.addWidget(self.send_button)
        listed = QWidget()
        lower = QVBoxLayout(listed)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.view, 1)
        lower.addLayout(acting)
        split = QSplitter()
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(self.here_box)
        split.addWidget(listed)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._rows: list[dict] = []
        self._here: dict | None = None
        self._board: dict = {"returns": [], "here": None}
        self.retranslate()

    def retranslate(self) -> None:
        self.here_box.setTitle(self.tr("At this bench"))
        self.shipped_label.setText(self.tr("What shipped"))
        self.back_label.setText(self.tr("What came back"))
        self.idle.setText(self.tr("Scan a return's barcode to open it here: unpack it on camera and scan each unit "
                                  "back; each is checked against the unit that shipped."))
        self.note.setPlaceholderText(self.tr("Condition note (damage, missing parts, smell…)"))
        self.note_button.setText(self.tr("Add note"))
        self.photo_button.setText(self.tr("Photo"))
        self.clip_button.setText(self.tr("Packing clip"))
        self.close_button.setText(self.tr("Close return"))
        self.model.setHorizontalHeaderLabels([self.tr("Return"), self.tr("Scheme"), self.tr("Posting"),
                                              self.tr("Product"), self.tr("Ozon's state"), self.tr("At the bench"),
                                              self.tr("Created")])
        self.actions_label.setText(self.tr("rFBS action:"))
        self.comment.setPlaceholderText(self.tr("Comment (needed to reject)"))
        self.send_button.setText(self.tr("Send to Ozon"))
        self.show_board(self._board)  # the rows' words in the new language

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- display ----------------------------------------------------------------------------
    def show_board(self, board: dict) -> None:
        self._board = board
        self._here = board.get("here")
        self._fill_here()
        selected = self._current()
        self._rows = list(board.get("returns") or [])
        self.model.removeRows(0, self.model.rowCount())
        lang = self.language()
        for r in self._rows:
            cells = [r["barcode"], r["scheme"].upper(), r["posting"], f"{r['product']} × {r['quantity']}",
                     ozon_return_state(r, lang),
                     text(f"return_state_{r['local_state']}", lang), local_time(r["created_at"])]
            self.model.appendRow([QStandardItem(str(c or "")) for c in cells])
        if selected is not None:
            for index, r in enumerate(self._rows):
                if r["id"] == selected:
                    self.view.selectRow(index)
        self._selected()

    def _fill_here(self) -> None:
        here = self._here
        for widget in (self.shipped, self.back, self.shipped_label, self.back_label, self.note, self.note_button,
                       self.photo_button, self.close_button, self.clip_button):
            widget.setVisible(here is not None)
        self.idle.setVisible(here is None)
        self.shipped.clear()
        self.back.clear()
        if here is None:
            self.here_title.setText("")
            return
        self.here_title.setText(self.tr("Return {barcode} of posting {posting}: {product} × {quantity}")
                                .replace("{barcode}", here["barcode"]).replace("{posting}", here["posting"])
                                .replace("{product}", here["product"]).replace("{quantity}", str(here["quantity"])))
        for unit in here["shipped"]:
            self.shipped.addItem(f"{unit['product']}  {unit['mark']}".strip())
        for unit in here["back"]:
            item = QListWidgetItem(("✓ " if unit["ok"] else "✗ ") + f"{unit['product']}  {unit['mark']}".strip()
                                   + ("" if unit["ok"] else f"  ({unit['reason']})"))
            item.setForeground(OK_BRUSH if unit["ok"] else BAD_BRUSH)
            self.back.addItem(item)
        for note in here["notes"]:
            self.back.addItem(f"✎ {note['text']}")
        self.clip_button.setEnabled(any(c["purpose"] != "return" and c["state"] == "sealed" for c in here["clips"]))

    def _current(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self._rows[rows[0].row()]["id"] if rows and rows[0].row() < len(self._rows) else None

    def _selected(self) -> None:
        current = next((r for r in self._rows if r["id"] == self._current()), None)
        self.actions.clear()
        for action in (current or {}).get("actions") or []:
            self.actions.addItem(action.get("name") or str(action["id"]), action["id"])
        enabled = self.actions.count() > 0
        for widget in (self.actions, self.comment, self.send_button):
            widget.setEnabled(enabled)

    # --- requests ---------------------------------------------------------------------------
    def _note(self) -> None:
        note = self.note.text().strip()
        if note:
            self.commandRequested.emit("RETURN-NOTE", [note])
            self.note.clear()

    def _open_clip(self) -> None:
        clip = next((c for c in (self._here or {}).get("clips", []) if c["purpose"] != "return"), None)
        if clip is not None:
            self.openClipRequested.emit(clip["path"])

    def _send(self) -> None:
        current = next((r for r in self._rows if r["id"] == self._current()), None)
        if current is None or self.actions.currentIndex() < 0:
            return
        reasons = current.get("rejection_reasons") or []
        reason = reasons[0]["id"] if reasons and int(self.actions.currentData()) < 0 else None
        self.actionRequested.emit(current["id"], int(self.actions.currentData()), self.comment.text().strip(), reason)
