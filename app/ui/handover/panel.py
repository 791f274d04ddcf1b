"""``HandoverPanel``: what leaves today and how far the hand-over is, shown big.

It only displays ``app.services.handover.board`` (read on a pool thread) and asks for what the
command barcodes do (``commandRequested``: ``("HANDOVER", ["<id>"])``, ``("HANDOVER-CLOSE", [])``,
``("CANCEL", [])``), for the act and the carriage barcode (``openRequested``, ``printActRequested``,
``printBarcodeRequested``), for the signed act (``attachRequested``) and for disputes
(``arbitrationRequested``). The controller wires them; nothing here decides.
"""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.messages.handover_board import carriage_word, close_step_word, dispute_word
from app.messages.statuses import status_word
from app.services.handover.results import ozon_error_text
from app.ui.handover.widgets import BarcodeView, CountBox
from app.ui.queues.model import local_time

MISSING_COLOUR, DONE_COLOUR = "#c62828", "#2e7d32"


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _local(iso: str | None) -> str:
    """An ISO time Ozon gave (aware) on this computer's clock."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    return local_time(moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment)


def _fill(table: QTableWidget, rows: list[list[str]], keys: list | None = None) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[row])
            table.setItem(row, column, item)


class HandoverPanel(QWidget):
    commandRequested = Signal(str, list)
    openRequested = Signal(str)             # a file to open (the act, the signed act)
    printActRequested = Signal(str)         # the act's path
    printBarcodeRequested = Signal(str, str)  # barcode text, caption
    attachRequested = Signal(int, str)      # hand-over id, file
    arbitrationRequested = Signal(list)     # posting numbers
    printCommandsRequested = Signal()       # the hand-over's command barcodes on the label printer

    def __init__(self, *, language=lambda: "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.data: dict = {}
        self.ready_box, self.open_box, self.last_box, self.flag_box = (QGroupBox() for _ in range(4))
        # today's departures
        self.ready = _table(5)
        self.start_button = QPushButton(objectName="handoverStart")
        self.start_button.clicked.connect(self._start)
        self.commands_button = QPushButton(objectName="handoverCommands")
        self.commands_button.clicked.connect(self.printCommandsRequested)
        ready = QVBoxLayout(self.ready_box)
        ready.addWidget(self.ready)
        ready_buttons = QHBoxLayout()
        ready_buttons.addWidget(self.start_button)
        ready_buttons.addWidget(self.commands_button)
        ready_buttons.addStretch(1)
        ready.addLayout(ready_buttons)
        # the open hand-over
        self.title = QLabel(objectName="handoverTitle", wordWrap=True)
        self.ozon = QLabel(wordWrap=True)
        self.expected, self.scanned, self.missing = CountBox(), CountBox(), CountBox()
        counts = QHBoxLayout()
        for box in (self.expected, self.scanned, self.missing):
            counts.addWidget(box)
        self.parcels = _table(3)
        self.close_button = QPushButton(objectName="handoverClose")
        self.force_button = QPushButton(objectName="handoverForce")
        self.leave_button = QPushButton(objectName="handoverLeave")
        self.close_button.clicked.connect(lambda: self.commandRequested.emit("HANDOVER-CLOSE", []))
        self.leave_button.clicked.connect(lambda: self.commandRequested.emit("CANCEL", []))
        self.force_button.clicked.connect(self._force)
        self.supervisors: list[str] = []
        self.badge = False  # the bench's people sign in: a forced close takes a supervisor's badge or PIN
        buttons = QHBoxLayout()
        for button in (self.close_button, self.force_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        opened = QVBoxLayout(self.open_box)
        opened.addWidget(self.title)
        opened.addWidget(self.ozon)
        opened.addLayout(counts)
        opened.addWidget(self.parcels, 1)
        opened.addLayout(buttons)
        # the last closed one
        self.carriage = QLabel(objectName="carriageText", wordWrap=True)
        self.barcode = BarcodeView()
        self.barcode_text = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="carriageText")
        self.last_detail = QLabel(wordWrap=True)
        self.open_act = QPushButton(objectName="handoverOpenAct")
        self.print_act = QPushButton(objectName="handoverPrintAct")
        self.print_barcode = QPushButton(objectName="handoverPrintBarcode")
        self.attach = QPushButton(objectName="handoverAttach")
        self.open_act.clicked.connect(lambda: self._with_last("act_pdf", self.openRequested.emit))
        self.print_act.clicked.connect(lambda: self._with_last("act_pdf", self.printActRequested.emit))
        self.print_barcode.clicked.connect(self._print_barcode)
        self.attach.clicked.connect(self._attach)
        last_buttons = QHBoxLayout()
        for button in (self.open_act, self.print_act, self.print_barcode, self.attach):
            last_buttons.addWidget(button)
        last_buttons.addStretch(1)
        last = QVBoxLayout(self.last_box)
        for widget in (self.carriage, self.barcode, self.barcode_text, self.last_detail):
            last.addWidget(widget)
        last.addLayout(last_buttons)
        # parcels Ozon has not scanned
        self.flagged = _table(4)
        self.dispute = QPushButton(objectName="handoverDispute")
        self.dispute.clicked.connect(self._dispute)
        flags = QVBoxLayout(self.flag_box)
        flags.addWidget(self.flagged)
        flags.addWidget(self.dispute, alignment=Qt.AlignmentFlag.AlignLeft)
        self.ready.setMinimumHeight(110)
        self.flagged.setMinimumHeight(110)
        content = QWidget()
        layout = QVBoxLayout(content)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(content)  # a small window scrolls the tab instead of growing past the screen
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        top = QHBoxLayout()
        top.addWidget(self.ready_box, 3)
        top.addWidget(self.flag_box, 2)
        layout.addLayout(top)
        layout.addWidget(self.open_box, 1)  # the open hand-over, or else the last one closed
        layout.addWidget(self.last_box, 1)
        self.retranslate()
        self.show_board({})

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.ready_box.setTitle(self.tr("Ready to hand over today"))
        self.open_box.setTitle(self.tr("Hand-over at this bench"))
        self.last_box.setTitle(self.tr("Last hand-over"))
        self.flag_box.setTitle(self.tr("Handed over, not scanned by Ozon"))
        self.ready.setHorizontalHeaderLabels([self.tr("Delivery method"), self.tr("Parcels"), self.tr("Cut-off"),
                                              self.tr("Carriage"), self.tr("Ozon says")])
        self.parcels.setHorizontalHeaderLabels([self.tr("Parcel"), self.tr("State"), self.tr("Tracking number")])
        self.flagged.setHorizontalHeaderLabels([self.tr("Parcel"), self.tr("Handed over"), self.tr("Ozon status"),
                                                self.tr("Dispute")])
        self.start_button.setText(self.tr("Start hand-over"))
        self.commands_button.setText(self.tr("Print command barcodes"))
        self.close_button.setText(self.tr("Close the hand-over"))
        self.force_button.setText(self.tr("Close anyway (supervisor)…"))
        self.leave_button.setText(self.tr("Back to packing"))
        self.open_act.setText(self.tr("Open the act"))
        self.print_act.setText(self.tr("Print the act"))
        self.print_barcode.setText(self.tr("Print barcode"))
        self.attach.setText(self.tr("Attach signed act…"))
        self.dispute.setText(self.tr("Open a dispute with Ozon"))
        self.expected.name.setText(self.tr("expected"))
        self.scanned.name.setText(self.tr("scanned"))
        self.missing.name.setText(self.tr("missing"))
        self.show_board(self.data)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing ----------------------------------------------------------------------------
    def show_board(self, data: dict) -> None:
        self.data = data or {}
        self._show_ready(self.data.get("ready") or [])
        self._show_open(self.data.get("open"))
        opened = bool(self.data.get("open"))
        self._show_last(self.data.get("last") if not opened else None)
        self.open_box.setVisible(opened or not self.data.get("last"))
        self.ready_box.setVisible(not opened)  # scanning out: the counts and parcels take the room
        flagged = self.data.get("flagged") or []
        self.flag_box.setVisible(bool(flagged))
        lang = self.language()
        _fill(self.flagged, [[f["posting"], local_time(f["closed_at"]) if f.get("closed_at") else "",
                              status_word(f.get("status") or "", lang), dispute_word(f.get("arbitration"), lang)]
                             for f in flagged],
              [f["posting"] for f in flagged])
        self.dispute.setEnabled(bool(flagged))

    def _show_ready(self, ready: list[dict]) -> None:
        rows = []
        for m in ready:
            word = m.get("ozon") or {}
            carriages = [c for c in word.get("carriages") or [] if c.get("id")]
            said = " ".join(ozon_error_text(e, self.language()) for e in word.get("errors") or [])
            cutoff = word.get("cutoff_at")
            rows.append([m["method"], str(m["parcels"]), _local(cutoff),
                         f"{carriages[-1]['id']} ({carriage_word(carriages[-1]['status'], self.language())})"
                         if carriages else "", said])
        _fill(self.ready, rows, [m["delivery_method_id"] for m in ready])
        if ready and not self.ready.selectedItems():
            self.ready.selectRow(0)
        self.start_button.setEnabled(bool(ready) and not self.data.get("open"))

    def _show_open(self, opened: dict | None) -> None:
        self.open_box.setEnabled(opened is not None)
        if opened is None:
            self.title.setText(self.tr("No hand-over is open: choose a method above, or scan CMD:HANDOVER."))
            self.ozon.setText("")
            for box in (self.expected, self.scanned, self.missing):
                box.show_count(None)
            _fill(self.parcels, [])
            return
        self.title.setText(self.tr("%1 · departure %2").replace("%1", opened["method"])
                           .replace("%2", opened["departure"]))
        word = opened.get("ozon") or {}
        said = [ozon_error_text(e, self.language()) for e in word.get("errors") or []]
        if word.get("offline"):
            said.append(self.tr("Ozon could not be asked when it started."))
        if opened.get("awaiting_tracking"):
            said.insert(0, self.tr("Scan the carrier's barcode of parcel %1.").replace("%1", opened["awaiting_tracking"]))
        self.ozon.setText(" ".join(said))
        self.expected.show_count(opened["expected"])
        self.scanned.show_count(opened["scanned"], DONE_COLOUR if opened["missing"] == 0 else "")
        self.missing.show_count(opened["missing"], MISSING_COLOUR if opened["missing"] else DONE_COLOUR)
        states = {"expected": self.tr("to scan"), "scanned": self.tr("in the bag"),
                  "awaiting_tracking": self.tr("carrier barcode next"), "cancelled": self.tr("cancelled: taken out"),
                  "deferred": self.tr("next carriage")}
        parcels = opened.get("parcels") or []
        _fill(self.parcels, [[p["posting"], states.get(p["state"], p["state"]), p.get("tracking") or ""]
                             for p in parcels])
        self.force_button.setEnabled(opened["missing"] > 0)

    def _show_last(self, last: dict | None) -> None:
        self.last_box.setVisible(last is not None)
        if last is None:
            self.barcode.show_code(None)
            return
        if last.get("scheme") == "tracking":
            sent = sum(1 for t in last.get("tracking") or [] if t["state"] == "accepted")
            self.carriage.setText(self.tr("%1: %2 parcel(s) to the carrier, %3 tracking number(s) accepted by Ozon")
                                  .replace("%1", last["method"]).replace("%2", str(last["scanned"]))
                                  .replace("%3", str(sent)))
        elif last.get("carriage_id"):
            self.carriage.setText(self.tr("Carriage %1 (%2): %3 parcel(s)").replace("%1", str(last["carriage_id"]))
                                  .replace("%2", self._step(last)).replace("%3", str(last["scanned"])))
        else:
            self.carriage.setText(self.tr("%1: %2 parcel(s); the carriage is being made with Ozon")
                                  .replace("%1", last["method"]).replace("%2", str(last["scanned"])))
        self.barcode.show_code(last.get("barcode_text"))
        self.barcode_text.setText(last.get("barcode_text") or "")
        detail = []
        if last.get("close_error"):
            detail.append(self.tr("Ozon refused the carriage.") + " "
                          + ozon_error_text({"code": last["close_error"]}, self.language()))
        if last.get("deferred"):
            detail.append(self.tr("Waiting for the next carriage: %1").replace("%1", ", ".join(last["deferred"])))
        if last.get("added_by_ozon"):
            detail.append(self.tr("Ozon had, not here (taken out of the carriage): %1")
                          .replace("%1", ", ".join(last["added_by_ozon"])))
        if last.get("removed_by_ozon"):
            detail.append(self.tr("In the bag, left out by Ozon: %1").replace("%1", ", ".join(last["removed_by_ozon"])))
        detail += last.get("notes") or []
        refused = [f"{t['posting']}: {t['error']}" for t in last.get("tracking") or [] if t.get("error")]
        if refused:
            detail.append(self.tr("Ozon refused tracking numbers: %1").replace("%1", "; ".join(refused)))
        if last.get("act_pdf"):
            detail.append(self.tr("Act: %1").replace("%1", last["act_pdf"]))
        detail.append(self.tr("Signed act: %1").replace("%1", last["signed_act"]) if last.get("signed_act")
                      else self.tr("Signed act: not attached yet"))
        self.last_detail.setText("\n".join(detail))
        for button in (self.open_act, self.print_act):
            button.setEnabled(bool(last.get("act_pdf")))
        self.print_barcode.setEnabled(bool(last.get("barcode_text")))

    def _step(self, last: dict) -> str:
        return close_step_word(last.get("close_step"), last.get("carriage_status"), self.language())

    # --- asking -----------------------------------------------------------------------------
    def _start(self) -> None:
        rows = self.ready.selectionModel().selectedRows()
        if rows:
            method = self.ready.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
            self.commandRequested.emit("HANDOVER", [str(method)])

    def _force(self) -> None:
        from app.ui.pack.actions import CommandDialog

        dialog = CommandDialog("HANDOVER-CLOSE", supervisors=self.supervisors, badge=self.badge, parent=self.window())
        dialog.chosen.connect(self.commandRequested)
        dialog.open()
        self.force_dialog = dialog

    def _with_last(self, key: str, emit) -> None:
        value = (self.data.get("last") or {}).get(key)
        if value:
            emit(value)

    def _print_barcode(self) -> None:
        last = self.data.get("last") or {}
        if last.get("barcode_text"):
            self.printBarcodeRequested.emit(last["barcode_text"], self.tr("Carriage %1").replace(
                "%1", str(last.get("carriage_id") or "")))

    def _attach(self) -> None:
        last = self.data.get("last")
        if not last:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The signed act (photo or scan)"), "",
                                              self.tr("Images and PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp)"))
        if path:
            self.attachRequested.emit(int(last["id"]), path)

    def _dispute(self) -> None:
        rows = self.flagged.selectionModel().selectedRows()
        numbers = [self.flagged.item(r.row(), 0).text() for r in rows] or \
                  [self.flagged.item(r, 0).text() for r in range(self.flagged.rowCount())]
        if numbers:
            self.arbitrationRequested.emit(numbers)
