"""``AuditPanel``: who did what, where, when, from the event log, filtered; exported to CSV.

Rows are read and the CSV written on a pool thread (``run_task``); the panel only shows them.
``loaded`` and ``exported(rows, path)`` / ``failed(detail)`` tell when that work is done.
"""
from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.services.people import audit
from app.ui.adapters.tasks import run_task

SHOWN = 1000  # newest rows on screen; the export has them all


class AuditPanel(QWidget):
    loaded = Signal()
    exported = Signal(int, str)
    failed = Signal(str)

    def __init__(self, db, *, today=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        today = today or QDate(*date.today().timetuple()[:3])  # Python's clock, as the events' (tests move it)
        self.packer, self.station, self.kind = QComboBox(), QComboBox(), QComboBox()
        for combo in (self.packer, self.station, self.kind):
            combo.addItem("", "")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.since, self.until = QDateEdit(today.addDays(-7)), QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QPushButton(objectName="auditShow")
        self.show_button.clicked.connect(self.reload)
        self.export_button = QPushButton(objectName="auditExport")
        self.export_button.clicked.connect(self._ask_export)
        self.note = QLabel(objectName="auditNote")
        self.table = QTableWidget(0, len(audit.COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.labels = {name: QLabel() for name in ("packer", "station", "kind", "since", "until")}
        who, when = QHBoxLayout(), QHBoxLayout()  # two rows: the window stays narrow in any language
        for row, name, widget in ((who, "packer", self.packer), (who, "station", self.station), (who, "kind", self.kind),
                                  (when, "since", self.since), (when, "until", self.until)):
            row.addWidget(self.labels[name])
            row.addWidget(widget, 1 if row is who else 0)
        when.addWidget(self.show_button)
        when.addStretch(1)
        when.addWidget(self.export_button)
        self.table.horizontalHeader().setResizeContentsPrecision(50)  # sized by the first rows, not all
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addLayout(when)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.rows: list[audit.AuditRow] = []
        self.retranslate()

    # --- what is asked --------------------------------------------------------------------
    def current_filter(self) -> audit.AuditFilter:
        def day(edit: QDateEdit, after: int = 0) -> datetime:  # the bench's days, in its own zone
            return datetime.combine(edit.date().addDays(after).toPython(), time()).astimezone()
        return audit.AuditFilter(since=day(self.since), until=day(self.until, 1), packer=self.packer.currentData() or "",
                                 station=self.station.currentData() or "", kind=self.kind.currentData() or "")

    def reload(self) -> None:
        flt, db = self.current_filter(), self.db
        run_task(lambda: (audit.read(db, flt, SHOWN), audit.choices(db)), on_result=self._show,
                 on_error=lambda exc: self.failed.emit(str(exc)))

    def export_to(self, path: str) -> None:
        """Every row the filter selects to ``path``, on a pool thread."""
        flt, db = self.current_filter(), self.db
        self.export_button.setEnabled(False)
        run_task(lambda: audit.write_csv(db, flt, Path(path)), on_result=lambda n: self._exported(n, path),
                 on_error=self._export_failed, owner=self)

    # --- answers ----------------------------------------------------------------------------
    def _show(self, answer) -> None:
        self.rows, choices = answer
        for name, combo in (("packer", self.packer), ("station", self.station), ("kind", self.kind)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(all)"), "")
            for value in choices[name]:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row.cells()):
                self.table.setItem(r, c, QTableWidgetItem(cell))
        if self.rows and not self._sized:  # once: the person may drag them after
            self._sized = True
            for column in range(len(audit.COLUMNS) - 1):
                self.table.resizeColumnToContents(column)
        self.note.setText(self.tr("%1 events shown (at most %2, newest first).")
                          .replace("%1", str(len(self.rows))).replace("%2", str(SHOWN)))
        self.loaded.emit()

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit"), "audit.csv", "CSV (*.csv)")
        if path:
            self.export_to(path)

    def _exported(self, count: int, path: str) -> None:
        self.export_button.setEnabled(True)
        self.note.setText(self.tr("%1 events written to %2.").replace("%1", str(count)).replace("%2", path))
        self.exported.emit(count, path)

    def _export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self.note.setText(self.tr("The audit could not be written: %1").replace("%1", str(exc)))
        self.failed.emit(str(exc))

    def retranslate(self) -> None:
        texts = {"packer": self.tr("Person:"), "station": self.tr("Bench:"), "kind": self.tr("Event:"),
                 "since": self.tr("From:"), "until": self.tr("To:")}
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.table.setHorizontalHeaderLabels([self.tr("When (UTC)"), self.tr("Bench"), self.tr("Person"),
                                              self.tr("Event"), self.tr("Posting"), self.tr("Details")])
        self.show_button.setText(self.tr("Show"))
        self.export_button.setText(self.tr("Export CSV…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
