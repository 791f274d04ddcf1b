"""``StatisticsPanel``: the shift figures of a period as charts (QtCharts) and a table.

The figures are read on a pool thread (``run_task``); ``loaded`` tells when they are shown.
Bars per packer: postings and units packed, mistakes caught, overrides.
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.services.progress import ProgressFn, no_progress
from app.services.stats.figures import shift_figures, totals
from app.services.stats.report_pdf import write_report
from app.ui.adapters.tasks import run_task

SERIES = ("postings", "units", "mistakes", "overrides")


class StatisticsPanel(QWidget):
    loaded = Signal()
    failed = Signal(str)
    saved = Signal(str)  # the report's PDF was written there

    def __init__(self, db, *, today: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        today = today or QDate(*date.today().timetuple()[:3])  # Python's clock, as the events' (tests move it)
        self.since, self.until = QDateEdit(today.addDays(-6)), QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.since_label, self.until_label = QLabel(), QLabel()
        self.show_button = QPushButton(objectName="statisticsShow")
        self.show_button.clicked.connect(self.reload)
        self.pdf_button = QPushButton(objectName="statisticsPdf")
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.progress: ProgressFn = no_progress  # writing the report: the window's bar (wiring sets it)
        self.language = lambda: "en"
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.table = QTableWidget(0, 9)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        bar = QHBoxLayout()
        for widget in (self.since_label, self.since, self.until_label, self.until, self.show_button, self.pdf_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.table, 2)
        self.rows: list = []
        self.per_packer: dict = {}
        self.retranslate()

    def reload(self) -> None:
        db, since, until = self.db, self.since.date().toPython(), self.until.date().toPython()
        zone = datetime.now().astimezone().tzinfo  # days as the bench lives them
        run_task(lambda: shift_figures(db, since, until, zone), on_result=self._show,
                 on_error=lambda exc: self.failed.emit(str(exc)))

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the shift report"), "shift-report.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.save_pdf(path)

    def save_pdf(self, path: str) -> None:
        """The period's one-page report written to ``path`` on a pool thread, telling its progress."""
        db, since, until = self.db, self.since.date().toPython(), self.until.date().toPython()
        zone, language, progress = datetime.now().astimezone().tzinfo, self.language(), self.progress
        self.pdf_button.setEnabled(False)

        def done(_rows) -> None:
            self.pdf_button.setEnabled(True)
            self.saved.emit(path)

        def failed(exc: Exception) -> None:
            self.pdf_button.setEnabled(True)
            self.failed.emit(str(exc))

        run_task(lambda: write_report(db, since, until, zone, language, path, progress=progress),
                 on_result=done, on_error=failed, owner=self)

    def _show(self, rows) -> None:
        self.rows, self.per_packer = rows, totals(rows)
        self._chart()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.date, row.station, row.packer or "—", row.postings, row.units,
                     "—" if row.seconds_per_unit is None else f"{row.seconds_per_unit:g}",
                     "—" if row.seconds_per_posting is None else f"{row.seconds_per_posting:g}",
                     ", ".join(f"{kind} {n}" for kind, n in row.mistakes.items() if n) or "0", row.overrides)
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(str(cell)))
        self.loaded.emit()

    def _chart(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        names = self._series_names()
        series = QBarSeries()
        for key in SERIES:
            bars = QBarSet(names[key])
            bars.append([float(figures[key]) for figures in self.per_packer.values()])
            series.append(bars)
        self.chart.addSeries(series)
        packers = QBarCategoryAxis()
        packers.append(list(self.per_packer) or [""])
        self.chart.addAxis(packers, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(packers)
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, max([1.0] + [float(v) for f in self.per_packer.values() for v in f.values()]))
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        self.chart.setTitle(self.tr("Per packer over the period"))

    def _series_names(self) -> dict[str, str]:
        return {"postings": self.tr("Postings"), "units": self.tr("Units"), "mistakes": self.tr("Mistakes caught"),
                "overrides": self.tr("Overrides")}

    def retranslate(self) -> None:
        self.since_label.setText(self.tr("From:"))
        self.until_label.setText(self.tr("To:"))
        self.show_button.setText(self.tr("Show"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Bench"), self.tr("Person"), self.tr("Postings"), self.tr("Units"),
            self.tr("s/unit"), self.tr("s/posting"), self.tr("Mistakes caught"), self.tr("Overrides")])
        if self.rows or self.chart.series():
            self._chart()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
