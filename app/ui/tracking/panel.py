"""``TrackingPanel``: every posting shipped and not delivered yet (``packdesk track`` on screen), the
flagged ones first and tinted, each with what a person does about it.

The rows are read on a pool thread (``run_task``) after each sync pass, when the tab is shown and
on Refresh; the panel only shows what comes back.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.messages import text
from app.messages.statuses import status_word, substatus_word
from app.ui.adapters.tasks import run_task
from app.ui.tables import rows_view

log = logging.getLogger("packdesk.ui.tracking")

FLAGGED_BACKGROUND = QColor("#fde2e1")


class TrackingPanel(QWidget):
    stepQueued = Signal()  # a command went into the outbox: the sync may send it now
    def __init__(self, db, config, language=lambda: "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services.tracking.monitor import utcnow

        self.db, self.config, self.language = db, config, language
        self.now = utcnow  # the monitor's clock (the screenshots show the morning after a hand-over)
        self.rows: list = []
        self.chat_off: str | None = None  # Ozon's words when buyer messages turned themselves off
        self._loading = False
        self.model = QStandardItemModel(0, 8, self)
        self.view = rows_view(self.model, "trackingTable", single=False)  # steps for several at once
        self.summary = QLabel()
        self.summary.setObjectName("trackingSummary")  # bold: app.ui.feedback.style
        self.advice = QLabel(wordWrap=True)
        self.advice.setObjectName("trackingAdvice")
        self.advice.setStyleSheet("padding: 6px; background: #fde2e1;")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.last_mile_button = QPushButton()
        self.last_mile_button.setObjectName("lastMileButton")
        self.last_mile_button.clicked.connect(lambda: self.ask_step("last-mile"))
        self.delivered_button = QPushButton()
        self.delivered_button.setObjectName("deliveredButton")
        self.delivered_button.clicked.connect(lambda: self.ask_step("delivered"))
        self.chat_note = QLabel(wordWrap=True)
        self.chat_note.setObjectName("chatOff")
        self.chat_note.setStyleSheet("padding: 6px; background: #fff3cd;")
        self.chat_button = QPushButton()
        self.chat_button.clicked.connect(self.chat_on_again)
        self.said = QLabel(wordWrap=True)
        self.said.setObjectName("trackingSaid")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.last_mile_button)
        top.addWidget(self.delivered_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.advice)
        layout.addWidget(self.said)
        chat = QHBoxLayout()
        chat.addWidget(self.chat_note, 1)
        chat.addWidget(self.chat_button)
        layout.addLayout(chat)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._advise())
        self.retranslate()

    # --- reading ------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        from app.services.tracking import monitor

        from app.services.tracking.buyer_chat import chat_off

        db, config, now = self.db, self.config, self.now
        run_task(lambda: (monitor.watch(db, config, now=now()), chat_off(db)), on_result=self._loaded,
                 on_error=self._failed, owner=self)

    def _loaded(self, answer: tuple) -> None:
        self._loading = False
        self.rows, self.chat_off = answer
        self._fill()

    def chat_on_again(self) -> None:
        """The seller has Premium Plus or Pro now: buyer messages go again from the next sync pass."""
        from app.services.tracking.buyer_chat import turn_on_again

        db, now = self.db, self.now
        run_task(lambda: turn_on_again(db, now()), on_result=lambda _: self._chat_turned_on(),
                 on_error=self._step_failed, owner=self)

    def _chat_turned_on(self) -> None:
        self.chat_off = None
        self._fill()
        self.stepQueued.emit()

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        log.error("the tracking monitor could not be read", exc_info=exc)

    # --- the last steps of an rFBS parcel with the seller's own carrier -------------------------
    def selected(self) -> list[str]:
        return [self.rows[i.row()].posting_number for i in self.view.selectionModel().selectedRows()
                if i.row() < len(self.rows)]

    def ask_step(self, step: str, numbers: list[str] | None = None) -> None:
        """Queue ``step`` for the selected parcels (pool thread); what came of it shows below."""
        from app.services.tracking.steps import request_step

        numbers = self.selected() if numbers is None else numbers
        if not numbers:
            self.said.setText(self.tr("Select the parcels first."))
            return
        db, station, now = self.db, self.config.station.name, self.now
        run_task(lambda: request_step(db, numbers, step, station=station, now=now()),
                 on_result=lambda answer: self._stepped(step, answer), on_error=self._step_failed, owner=self)

    def _stepped(self, step: str, answer) -> None:
        from app.services.tracking.steps import refusal_text

        queued, refused = answer
        lang = self.language()
        lines = [text("track_step_queued", lang, posting=n, step=step) for n in queued]
        lines += [refusal_text(refusal, lang) for refusal in refused]
        self.said.setText("\n".join(lines))
        if queued:
            self.stepQueued.emit()

    def _step_failed(self, exc: Exception) -> None:
        log.error("the step could not be queued", exc_info=exc)
        self.said.setText(str(exc))

    # --- showing ------------------------------------------------------------------------------
    def _fill(self) -> None:
        lang = self.language()
        self.model.removeRows(0, self.model.rowCount())
        for row in self.rows:
            days = text("track_days", lang, days=row.days) if row.days is not None else "–"
            what = text(f"track_short_{row.flag}", lang) if row.flag else ""
            cells = [row.posting_number, status_word(row.status, lang), substatus_word(row.substatus or "", lang), days,
                     row.tracking_number or "", what, row.carrier_says, ", ".join(row.domestic)]
            items = [QStandardItem(str(cell)) for cell in cells]
            if row.flag:
                items[5].setToolTip(text(f"track_flag_{row.flag}", lang, posting=row.posting_number))
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row.flag:
                for item in items:
                    item.setBackground(QBrush(FLAGGED_BACKGROUND))
            self.model.appendRow(items)
        self.view.resizeColumnsToContents()  # the words change with the language
        self._advise()
        self.chat_note.setText(text("buyer_chat_off", lang, detail=self.chat_off) if self.chat_off else "")
        self.chat_note.setVisible(bool(self.chat_off))
        self.chat_button.setVisible(bool(self.chat_off))
        if self.rows:
            self.summary.setText(text("track_summary", lang, total=len(self.rows),
                                      flagged=sum(1 for r in self.rows if r.flag)))
        else:
            self.summary.setText(text("track_nothing", lang))

    def _advise(self) -> None:
        """What to do about the selected parcel (or the first that needs a person), in full."""
        picked = self.view.selectionModel().selectedRows()
        row = self.rows[picked[0].row()] if picked and picked[0].row() < len(self.rows) else None
        if row is None or not row.flag:
            row = next((r for r in self.rows if r.flag), None)
        self.advice.setText(f"{row.posting_number}: " + text(f"track_flag_{row.flag}", self.language(),
                                                              posting=row.posting_number) if row else "")
        self.advice.setVisible(row is not None)

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("Posting"), self.tr("Ozon status"), self.tr("Substatus"),
                                              self.tr("In status"), self.tr("Tracking number"),
                                              self.tr("Needs a person"), self.tr("Carrier says"),
                                              self.tr("Domestic tracking")])
        self.refresh_button.setText(self.tr("Refresh"))
        self.last_mile_button.setText(self.tr("Courier on the way"))
        self.delivered_button.setText(self.tr("Delivered"))
        tip = self.tr("For parcels of your own carrier: tells Ozon, then checks that Ozon shows it")
        self.last_mile_button.setToolTip(tip)
        self.delivered_button.setToolTip(tip)
        self.chat_button.setText(self.tr("Turn buyer messages on again"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        self.reload()
        super().showEvent(event)
