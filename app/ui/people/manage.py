"""``PeopleDialog``: an admin adds people, gives them a badge (printed on the label printer) or a PIN,
changes roles, lets people go. Every change runs on a pool thread (a PIN's scrypt hash takes a
moment; the printer has its own thread); ``done(text)`` says what happened, in the bench's language.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.messages import text
from app.services.people import directory
from app.services.people.roles import ROLES
from app.ui.adapters.tasks import run_task


class PeopleDialog(QDialog):
    done = Signal(str)
    loaded = Signal()

    def __init__(self, db, *, language: str, print_badge: Callable[[str, str, str], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.language, self.print_badge = db, language, print_badge
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("People"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Signs in with"),
                                              self.tr("Active")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit(objectName="personName")
        self.role = QComboBox(objectName="personRole")
        for role in ROLES:
            self.role.addItem(self._role_text(role), role)
        self.pin = QLineEdit(objectName="personPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN (4-12 digits, optional)"))
        self.add_button = QPushButton(self.tr("Add"), objectName="addPerson")
        self.add_button.clicked.connect(self.add)
        self.badge_button = QPushButton(self.tr("New badge"), objectName="newBadge")
        self.badge_button.clicked.connect(self.new_badge)
        self.pin_button = QPushButton(self.tr("Set PIN"), objectName="setPin")
        self.pin_button.clicked.connect(self.set_pin)
        self.role_button = QPushButton(self.tr("Set role"), objectName="setRole")
        self.role_button.clicked.connect(self.set_role)
        self.off_button = QPushButton(self.tr("Deactivate"), objectName="deactivate")
        self.off_button.clicked.connect(self.deactivate)
        self.note = QLabel(wordWrap=True, objectName="peopleNote")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        entry = QHBoxLayout()
        for widget in (QLabel(self.tr("Name:")), self.name, self.role, self.pin, self.add_button):
            entry.addWidget(widget)
        chosen = QHBoxLayout()
        chosen.addWidget(QLabel(self.tr("Selected person:")))
        for widget in (self.badge_button, self.pin_button, self.role_button, self.off_button):
            chosen.addWidget(widget)
        chosen.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Packers pack; supervisors also confirm overrides with their badge or PIN; "
                                        "admins also change settings and people."), wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addLayout(chosen)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.people = []
        self.reload()

    def _role_text(self, role: str) -> str:
        return {"packer": self.tr("packer"), "supervisor": self.tr("supervisor"), "admin": self.tr("admin")}[role]

    def reload(self) -> None:
        db = self.db
        run_task(lambda: directory.everyone(db), on_result=self._show, owner=self)

    def _show(self, people) -> None:
        self.people = people
        self.table.setRowCount(len(people))
        for r, p in enumerate(people):
            ways = [w for w, on in ((self.tr("badge"), p.has_badge), (self.tr("PIN"), p.has_pin)) if on]
            cells = (p.name, self._role_text(p.role), ", ".join(ways) or "—", self.tr("yes") if p.active else self.tr("no"))
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(cell))
        self.loaded.emit()

    def selected(self) -> str | None:
        row = self.table.currentRow()
        return self.people[row].name if 0 <= row < len(self.people) else None

    # --- changes, each on a pool thread ------------------------------------------------------
    def add(self) -> None:
        db, name, role, pin = self.db, self.name.text(), self.role.currentData(), self.pin.text().strip() or None
        self._run(lambda: directory.add(db, name, role, pin=pin).name,
                  lambda added: self.tr("%1 added.").replace("%1", added))

    def new_badge(self) -> None:
        name, db, printer, language = self.selected(), self.db, self.print_badge, self.language
        if name is None:
            return
        unprinted = self.tr("New badge of %1: print this code as a Code 128 barcode: %2").replace("%1", name)

        def issue() -> str:
            badge = directory.issue_badge(db, name)
            if printer is None:  # no label printer here: the code to print elsewhere
                return unprinted.replace("%2", f"CMD:LOGIN:{badge}")
            return printer(language, name, badge)
        self._run(issue, lambda said: said)

    def set_pin(self) -> None:
        name, db, pin = self.selected(), self.db, self.pin.text()
        if name is not None:
            self._run(lambda: directory.set_pin(db, name, pin), lambda _: self.tr("PIN of %1 set.").replace("%1", name))

    def set_role(self) -> None:
        name, db, role = self.selected(), self.db, self.role.currentData()
        if name is not None:
            self._run(lambda: directory.set_role(db, name, role), lambda _: self.tr("%1 is now: %2").replace(
                "%1", name).replace("%2", self._role_text(role)))

    def deactivate(self) -> None:
        name, db = self.selected(), self.db
        if name is not None:
            self._run(lambda: directory.set_active(db, name, False),
                      lambda _: self.tr("%1 can no longer sign in.").replace("%1", name))

    def _run(self, job, said) -> None:
        self.pin.clear()  # a PIN stays on screen no longer than it must

        def ok(value) -> None:
            self._say(said(value))
            self.reload()
        run_task(job, on_result=ok, on_error=self._refused, owner=self)

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, directory.PeopleError):
            self._say(text(f"people_{exc.code}", self.language, **exc.data))
        else:
            self._say(str(exc))

    def _say(self, message: str) -> None:
        self.note.setText(message)
        self.done.emit(message)
