"""``SignInBar``: who works at this bench, a PIN to type instead of the badge, and signing out.

It shows what the station answered (``on_result``): it decides nothing. Hidden on a bench whose
people do not sign in (nobody set up).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

SIGNED_IN, SIGNED_OUT, REQUIRED = "packer_signed_in", "packer_signed_out", "sign_in_required"


class PinDialog(QDialog):
    """A PIN typed (hidden); ``entered`` carries it."""

    entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Sign in with a PIN"))
        self.pin = QLineEdit(objectName="pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("PIN:"), self.pin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        pin = self.pin.text().strip()
        super().accept()
        if pin:
            self.entered.emit(pin)


class SignInBar(QFrame):
    pinEntered = Signal(str)
    signOutRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInBar")
        self.person: str | None = None
        self.role: str | None = None
        self.who = QLabel(objectName="signedIn")
        self.pin_button = QPushButton(objectName="typePin")
        self.pin_button.clicked.connect(self.ask_pin)
        self.out_button = QPushButton(objectName="signOut")
        self.out_button.clicked.connect(self.signOutRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.who, 1)
        layout.addWidget(self.pin_button)
        layout.addWidget(self.out_button)
        self.dialog: PinDialog | None = None
        self.show_person(None)

    def show_person(self, name: str | None, role: str | None = None) -> None:
        self.person, self.role = name, role if name else None
        self.out_button.setVisible(name is not None)
        self.pin_button.setVisible(name is None)
        self.setStyleSheet("" if name else "#signInBar { background: #fff3cd; }")
        self.retranslate()

    def on_result(self, result) -> None:
        if result.code == SIGNED_IN:
            self.show_person(result.data.get("person"), result.data.get("role"))
        elif result.code in (SIGNED_OUT, REQUIRED):
            self.show_person(None)

    def ask_pin(self) -> None:
        self.dialog = PinDialog(self.window())
        self.dialog.entered.connect(self.pinEntered)
        self.dialog.open()

    def retranslate(self) -> None:
        if self.person:
            self.who.setText(self.tr("Signed in: %1").replace("%1", self.person))
        else:
            self.who.setText(self.tr("Nobody is signed in: scan your badge or type your PIN."))
        self.pin_button.setText(self.tr("Type PIN…"))
        self.out_button.setText(self.tr("Sign out"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
