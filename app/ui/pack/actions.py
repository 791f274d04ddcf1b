"""What a command barcode does, also as a button with a function key, and the small dialog that
asks who confirms a supervisor's action (or why a posting is short).

    actions = PackActions()                      # in the pack view, under the scan field
    actions.commandRequested.connect(worker.command)   # ("PARK", []), ("SHORT", ["reason"]), ...
    actions.weighRequested.connect(worker.weigh)
    actions.set_state("packing")                 # enables what makes sense now

The station decides; these only ask. A button is never the only way: every one has its command
barcode on the sheet printed from Settings, and a function key.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

OPEN_STATES = ("packing", "weighing", "error")
LOGIN_PREFIX = "CMD:LOGIN:"  # a badge's barcode


@dataclass(frozen=True)
class Action:
    command: str  # the station command ("WEIGH": read the scale again)
    key: str      # function key
    needs: tuple[str, ...] = OPEN_STATES[:2]  # states in which it makes sense


ACTIONS = (
    Action("PARK", "F2", OPEN_STATES),
    Action("NEXT-BOX", "F3"),
    Action("WEIGH", "F5", ("weighing",)),
    Action("SHORT", "F6", OPEN_STATES),
    Action("CANCEL", "F4", OPEN_STATES),
)
ACKNOWLEDGE_KEY = "F9"
SUPERVISOR_KEYS = {"OVERRIDE-WEIGHT": "F7", "TEACH": "F8", "HANDOVER-CLOSE": "F7"}  # one fix is offered at a time


def press_with_key(button: QPushButton, key: str) -> QShortcut:
    """``key`` clicks ``button`` (if enabled) while its window is active, whatever has the focus.
    (A button's own shortcut animates the click and only fires 100 ms later.)"""
    shortcut = QShortcut(QKeySequence(key), button)
    shortcut.activated.connect(button.click)
    return shortcut


class PackActions(QWidget):
    commandRequested = Signal(str, list)  # station command, its arguments
    weighRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self.state = "idle"
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for action in ACTIONS:
            button = QPushButton(objectName=f"action-{action.command.lower()}")
            press_with_key(button, action.key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scan never "presses" it
            button.clicked.connect(lambda _=False, a=action: self._clicked(a))
            row.addWidget(button)
            self.buttons[action.command] = button
        row.addStretch(1)
        self.retranslate()
        self.set_state("idle")

    def retranslate(self) -> None:
        names = {"PARK": self.tr("Park"), "NEXT-BOX": self.tr("Next box"), "WEIGH": self.tr("Weigh again"),
                 "SHORT": self.tr("Items missing…"), "CANCEL": self.tr("Put back")}
        tips = {"PARK": self.tr("Set this posting aside (it stays yours) and free the bench"),
                "NEXT-BOX": self.tr("Close this box and start the next one"),
                "WEIGH": self.tr("Read the scale again"),
                "SHORT": self.tr("Units cannot be found: flag the posting for a person"),
                "CANCEL": self.tr("Put the posting back: counted units are dropped")}
        for action in ACTIONS:
            button = self.buttons[action.command]
            button.setText(f"{names[action.command]}\n[{action.key}]")  # two lines: the row fits 1280 px in ru
            button.setToolTip(tips[action.command])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    badge = False  # the bench's people sign in: a supervisor confirms SHORT with their badge or PIN

    def set_state(self, state: str) -> None:
        self.state = state
        for action in ACTIONS:
            self.buttons[action.command].setEnabled(state in action.needs)

    def _clicked(self, action: Action) -> None:
        if action.command == "WEIGH":
            self.weighRequested.emit()
        elif action.command == "SHORT":
            dialog = CommandDialog("SHORT", badge=self.badge, parent=self.window())
            dialog.chosen.connect(self.commandRequested)
            dialog.open()
            self.dialog = dialog
        else:
            self.commandRequested.emit(action.command, [])


class CommandDialog(QDialog):
    """Who confirms (their badge scanned or PIN typed when the bench's people sign in, else a
    supervisor from Settings), which line a taught barcode belongs to, or why units are missing;
    ``chosen`` carries the station command and its arguments."""

    chosen = Signal(str, list)

    def __init__(self, command: str, *, supervisors: list[str] | None = None, lines: list[dict] | None = None,
                 barcode: str = "", badge: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.command, self.badge = command, badge
        self.credential = QLineEdit(objectName="supervisorCredential")
        self.credential.setEchoMode(QLineEdit.EchoMode.Password)  # a PIN is not shown
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.person = QComboBox()
        self.person.addItems(supervisors or [])
        self.line = QComboBox()
        for line in lines or []:
            self.line.addItem(f"{line.get('name') or line.get('offer_id')} ({line.get('counted', 0)}/"
                              f"{line.get('quantity', 0)})", line.get("line"))
        self.reason = QLineEdit()
        form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        intro = QLabel(wordWrap=True)
        if command == "SHORT":
            self.setWindowTitle(self.tr("Items missing"))
            intro.setText(self.tr("The posting will be flagged for a person and not shipped as it is."))
            if badge:
                form.addRow(self.tr("Supervisor's badge or PIN:"), self.credential)
            form.addRow(self.tr("What is missing (optional):"), self.reason)
        elif command == "HANDOVER-CLOSE":
            self.setWindowTitle(self.tr("Close the hand-over without the missing parcels"))
            intro.setText(self.tr("The missing parcels wait for the next carriage; the reason goes to the log."))
            form.addRow(self.tr("Supervisor's badge or PIN:") if badge else self.tr("Supervisor:"),
                        self.credential if badge else self.person)
            form.addRow(self.tr("Why (optional):"), self.reason)
            if not supervisors and not badge:
                self.ok.setEnabled(False)
        else:
            self.setWindowTitle(self.tr("Accept this weight") if command == "OVERRIDE-WEIGHT"
                                else self.tr("Teach barcode %1").replace("%1", barcode))
            if badge:
                form.addRow(self.tr("Supervisor's badge or PIN:"), self.credential)
                intro.setText(self.tr("The supervisor scans their badge or types their PIN here."))
            else:
                form.addRow(self.tr("Supervisor:"), self.person)
            if command == "TEACH":
                form.addRow(self.tr("It is the item:"), self.line)
            if not supervisors and not badge:
                intro.setText(self.tr("No supervisors are set up. Add their names in Settings → Packing, or "
                                      "scan the supervisor's command barcode."))
                self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def take_badge(self, credential: str) -> bool:
        """A badge scanned while this dialog waits for a supervisor's: it confirms (True), it does
        not sign anyone in. False: this dialog takes no badge."""
        if not self.badge or not self.isVisible():
            return False
        self.credential.setText(credential)
        self.accept()
        return True

    def typed_credential(self) -> str:
        """The badge or PIN in the field; a keyboard-wedge scanner types a badge as its whole barcode
        (``CMD:LOGIN:<badge>``): only the badge goes on, its colons would split the command's arguments."""
        text = self.credential.text().strip()
        return text[len(LOGIN_PREFIX):].strip() if text.upper().startswith(LOGIN_PREFIX) else text

    def accept(self) -> None:
        reason = [self.reason.text().strip()] if self.reason.text().strip() else []
        if self.command == "SHORT":
            args = [self.typed_credential(), *reason] if self.badge else reason
        elif self.command == "HANDOVER-CLOSE":
            args = ["FORCE", self.typed_credential() if self.badge else self.person.currentText(), *reason]
        else:
            args = [self.typed_credential() if self.badge else self.person.currentText()]
            if self.command == "TEACH" and self.line.currentData() is not None:
                args.append(str(self.line.currentData()))
        super().accept()
        self.chosen.emit(self.command, args)
