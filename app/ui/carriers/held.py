"""``HeldParcelsPanel``: the rFBS parcels held at the seller's own carrier (Queues → Held at the carrier),
each with the carrier's words and what to do, and the two ways forward of ``packdesk carriers``:
"Enter address…" (``AddressDialog``) and "Retry at the carrier".

The rows are read on a pool thread (``run_task``) with the queues; what a button asks for is done
by the carriers' service (``app.services.carriers.held.send_again``) on the writer lane, off the GUI
thread. ``queued`` says a shipment is back in the queue (the sync may send it now).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.messages import text
from app.services.carriers.held import HeldShipment, held, send_again
from app.services.carriers.retry import RetryRefused
from app.ui.adapters.tasks import run_task
from app.ui.carriers.address import AddressDialog
from app.ui.errors import report_bug
from app.ui.queues.model import local_time
from app.ui.tables import rows_view


def _utcnow() -> datetime:
    from app.services.tracking.monitor import utcnow

    return utcnow()


class HeldParcelsPanel(QWidget):
    queued = Signal()   # a held shipment is back in the queue
    loaded = Signal()

    def __init__(self, db, *, language: Callable[[], str] = lambda: "en", now: Callable[[], datetime] = _utcnow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.language, self.now = db, language, now
        self.rows: list[HeldShipment] = []
        self.dialog: AddressDialog | None = None
        self._loading = False
        self.model = QStandardItemModel(0, 4, self)
        self.view = rows_view(self.model, "heldParcels")
        self.view.doubleClicked.connect(lambda _: self.enter_address())
        self.summary, self.advice, self.said = QLabel(wordWrap=True), QLabel(wordWrap=True), QLabel(wordWrap=True)
        self.advice.setObjectName("heldAdvice")
        self.advice.setStyleSheet("padding: 6px; background: #fde2e1;")
        self.said.setObjectName("heldSaid")
        self._saying: Callable[[], str] | None = None  # how ``said`` says its message (again after a language switch)
        self.address_button, self.retry_button, self.refresh_button = QPushButton(), QPushButton(), QPushButton()
        self.address_button.setObjectName("enterAddress")
        self.retry_button.setObjectName("retryAtCarrier")
        self.address_button.clicked.connect(self.enter_address)
        self.retry_button.clicked.connect(self.retry)
        self.refresh_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.address_button, self.retry_button, self.refresh_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.advice)
        layout.addWidget(self.said)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._advise())
        self.retranslate()

    def count(self) -> int:
        return len(self.rows)

    # --- reading ------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        db = self.db

        def read() -> list[HeldShipment]:
            with db.read() as session:
                return held(session)

        run_task(read, on_result=self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, rows: list[HeldShipment]) -> None:
        self._loading = False
        chosen = self.selected()
        self.rows = rows
        self._fill()
        numbers = [r.posting_number for r in rows]
        if chosen is not None and chosen.posting_number in numbers:
            self.view.selectRow(numbers.index(chosen.posting_number))
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        report_bug(exc, where="held carrier parcels")

    # --- the ways forward -----------------------------------------------------------------------
    def selected(self) -> HeldShipment | None:
        picked = self.view.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked and picked[0].row() < len(self.rows) else None

    def enter_address(self) -> None:
        shipment = self.selected()
        if shipment is None:
            self._say(lambda: self.tr("Select a parcel first."))
            return
        self.dialog = AddressDialog(self.db, shipment, language=self.language, now=self.now, parent=self)
        self.dialog.sent.connect(lambda carrier, n=shipment.posting_number: self._queued(n, carrier))
        self.dialog.open()

    def retry(self) -> None:
        """The selected shipment back in the queue as it is (its cause fixed elsewhere)."""
        shipment = self.selected()
        if shipment is None:
            self._say(lambda: self.tr("Select a parcel first."))
            return
        db, number, now = self.db, shipment.posting_number, self.now()
        self.retry_button.setEnabled(False)
        run_task(lambda: send_again(db, number, now), on_result=lambda carrier: self._queued(number, carrier),
                 on_error=self._refused, owner=self)

    def _queued(self, number: str, carrier: str) -> None:
        self.retry_button.setEnabled(True)
        self._say(lambda: text("carrier_retry_queued", self.language(), posting=number, carrier=carrier))
        self.queued.emit()
        self.reload()

    def _refused(self, exc: Exception) -> None:
        self.retry_button.setEnabled(True)
        if not isinstance(exc, RetryRefused):
            report_bug(exc, where="carrier retry")
            return
        self._say(lambda: text(exc.code, self.language(), **exc.data))
        self.reload()  # it is no longer held: someone else sent it

    def _say(self, render: Callable[[], str]) -> None:
        self._saying = render
        self.said.setText(render())

    # --- showing ------------------------------------------------------------------------------
    def _fill(self) -> None:
        lang = self.language()
        self.model.removeRows(0, self.model.rowCount())
        for row in self.rows:
            self.model.appendRow([QStandardItem(cell) for cell in (row.posting_number, row.carrier_shown,
                                                                   local_time(row.since), row.words(lang))])
        self.summary.setText(text("carrier_held_summary", lang, count=len(self.rows)) if self.rows
                             else text("carrier_held_none", lang))
        self._advise()

    def _advise(self) -> None:
        """What to do about the selected parcel (or the first), in full."""
        row = self.selected() or (self.rows[0] if self.rows else None)
        if row is not None:
            code = row.reason or "carrier_held_other"
            lang = self.language()
            self.advice.setText(text(code, lang, carrier=row.carrier_shown, posting=row.posting_number,
                                     message=row.words(lang)))
        self.advice.setVisible(row is not None)
        chosen = self.selected() is not None
        self.address_button.setEnabled(chosen)
        self.retry_button.setEnabled(chosen)

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("Posting"), self.tr("Carrier"), self.tr("Held since"),
                                              self.tr("Carrier says")])
        self.address_button.setText(self.tr("Enter address…"))
        self.retry_button.setText(self.tr("Retry at the carrier"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.retry_button.setToolTip(self.tr("Once the cause is fixed: the parcel goes to the carrier again with "
                                             "the next sync pass, never twice"))
        self._fill()
        if self._saying is not None:
            self.said.setText(self._saying())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
