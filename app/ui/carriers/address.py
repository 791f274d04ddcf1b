"""``AddressDialog``: the recipient and address of a held carrier shipment, entered once by the seller
(``packdesk carriers address`` in a window), then sent.

The fields start with what the shipment holds (what Ozon gave). The service checks them
(``app.services.carriers.retry``), written on the writer lane from a pool thread; a refusal is said
in the dialog, in the seller's language, and nothing is changed; the dialog closes once the shipment
is queued again (``sent``).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.messages import text
from app.services.carriers.held import HeldShipment, send_again
from app.services.carriers.retry import RetryRefused
from app.ui.adapters.tasks import run_task
from app.ui.errors import report_bug

FIELDS = ("name", "phone", "postcode", "city", "street", "house", "flat", "region")


class AddressDialog(QDialog):
    sent = Signal(str)      # the carrier's name: the shipment goes with the next sync pass
    refused = Signal(str)   # why not, in the seller's words (also shown in the dialog)

    def __init__(self, db, shipment: HeldShipment, *, language: Callable[[], str], now: Callable[[], datetime],
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("carrierAddressDialog")
        self.db, self.shipment, self.language, self.now = db, shipment, language, now
        given = shipment.recipient
        values = {"name": given.name, "phone": given.phone, **{f: getattr(given.address, f) for f in FIELDS[2:]}}
        self.fields = {name: QLineEdit(values[name]) for name in FIELDS}
        for name, field in self.fields.items():
            field.setObjectName(f"address_{name}")
        self.fields["postcode"].setMaxLength(6)
        self.labels = {name: QLabel() for name in FIELDS}
        self.intro = QLabel(wordWrap=True)
        self.problem = QLabel(wordWrap=True)
        self.problem.setObjectName("addressProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        self.refusal: RetryRefused | None = None  # the last one, said again in a new language
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        for name in FIELDS:
            form.addRow(self.labels[name], self.fields[name])
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recipient and address of %1").replace("%1", self.shipment.posting_number))
        self.intro.setText(self.tr("Enter the recipient and the address as the buyer gave them (Ozon does not "
                                   "always give them to an rFBS seller); %1 then gets the parcel with the next "
                                   "sync pass.")
                           .replace("%1", self.shipment.carrier_shown))
        names = {"name": self.tr("Recipient*"), "phone": self.tr("Phone*"), "postcode": self.tr("Postcode*"),
                 "city": self.tr("City*"), "street": self.tr("Street*"), "house": self.tr("House"),
                 "flat": self.tr("Flat"), "region": self.tr("Region")}
        for name, label in self.labels.items():
            label.setText(names[name])
        self.send_button.setText(self.tr("Save and send"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self.refusal is not None:
            self.problem.setText(text(self.refusal.code, self.language(), **self.refusal.data))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- sending ------------------------------------------------------------------------------
    def send(self) -> None:
        """What was typed goes to the service on a pool thread; the answer comes back here."""
        entered = {name: field.text() for name, field in self.fields.items()}
        db, number, now = self.db, self.shipment.posting_number, self.now()
        self.send_button.setEnabled(False)
        run_task(lambda: send_again(db, number, now, entered=entered), on_result=self._sent,
                 on_error=self._refused, owner=self)

    def _sent(self, carrier: str) -> None:
        self.send_button.setEnabled(True)
        self.sent.emit(carrier)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.send_button.setEnabled(True)
        if not isinstance(exc, RetryRefused):
            report_bug(exc, where="carrier address")
            return
        self.refusal = exc
        self.problem.setText(text(exc.code, self.language(), **exc.data))
        self.problem.show()
        self.refused.emit(self.problem.text())
