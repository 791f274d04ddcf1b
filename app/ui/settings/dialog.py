"""``SettingsDialog``: Ozon credentials, warehouses, devices, packing tolerances, language.

Binds ``SettingsForm`` (validation and saving live there). Numbers are spin boxes and choices combo
boxes built from the settings' declarations in ``app.config`` (range, choices, and the description
as the tooltip), so the dialog offers what the file accepts. Network and device checks run off the
GUI thread (``run_task``). Nothing is saved while the form has problems; the API key goes to
the OS keyring, never to the file.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from app.devices.uri import same_device
from app.messages import error_text
from app.ui.adapters.tasks import run_task
from app.ui.i18n import LANGUAGES, NATIVE_NAMES
from app.ui.scale_words import in_grams, steadiness
from app.ui.settings import checks
from app.ui.settings.docs import CONTEXT as DOCS_CONTEXT
from app.ui.settings.form import FIELDS, SettingsForm, setting

log = logging.getLogger("packdesk.ui.settings")


def _combo(value: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setEditText(value)
    return combo


def _number_box(name: str, text: str) -> QAbstractSpinBox:
    """A spin box over the setting's declared range, showing the form's value."""
    declared = setting(name)
    box = QSpinBox() if declared.type is int else QDoubleSpinBox(decimals=2)
    number = type(box.value())  # int or float
    box.setRange(number(declared.low), number(declared.high))
    box.setValue(number(float(text.replace(",", "."))))
    box.setObjectName(name)
    return box


def _choice_box(name: str, value: str) -> QComboBox:
    """The setting's declared choices (shown by name until ``retranslate`` labels them)."""
    combo = QComboBox(objectName=name)
    for choice in setting(name).choices:
        combo.addItem(choice, choice)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    return combo


class SettingsDialog(QDialog):
    saved = Signal(str, str)  # config file path, language

    def __init__(self, form: SettingsForm, config_path: Path, *, language: str, data_dir: Path | None = None,
                 live_scale=None, print_commands: Callable[[str, list[str]], str] | None = None,
                 print_sample: Callable[[], str] | None = None, db=None, parent: QWidget | None = None) -> None:
        """``live_scale``: the running scale's ``ScaleBridge`` (its readings are shown live; that
        scale is not opened a second time). ``print_commands(language, supervisors)`` prints the
        command-barcode sheet on the bench's printer and returns what to tell the person, or raises
        with the reason (blocking: it is called on a pool thread). ``print_sample()`` prints the test
        label on the printer in use through its print worker and returns the printer's name, or
        raises (blocking too): that printer is never opened a second time. ``db``: the cache, whose
        warehouses are offered to pick from (a connection test lists Ozon's)."""
        super().__init__(parent)
        self.form, self.config_path, self.data_dir = form, config_path, data_dir
        self.shown_language = language  # the window's: what a found device looks like is said in it
        self.running_scale, self.print_commands = form.scale.strip(), print_commands
        self.running_printer = form.printer.strip() if print_sample is not None else ""
        self.print_sample = print_sample
        self.last_reading: tuple[float, str] | None = None
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(760)
        e = self.edits = {
            "base_url": QLineEdit(form.base_url), "client_id": QLineEdit(form.client_id),
            "api_key": QLineEdit(), "warehouse_ids": QLineEdit(form.warehouse_ids),
            "supervisors": QLineEdit(form.supervisors),
            **{name: QLineEdit(getattr(form, name)) for name in ("message_ru", "message_zh", "message_en")},
        }
        self.numbers = {name: _number_box(name, getattr(form, name)) for name in
                        ("requests_per_second", "interval_s", "weight_tolerance_pct", "packaging_allowance_g",
                         "idle_sign_out_min")}
        self.choices = {"order_label": _choice_box("order_label", form.order_label),
                        "buyer_message": _choice_box("buyer_message", form.buyer_message)}
        e["api_key"].setEchoMode(QLineEdit.EchoMode.Password)
        self.devices = {"printer": _combo(form.printer), "scale": _combo(form.scale), "scanner": _combo(form.scanner)}
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(NATIVE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(language) if language in LANGUAGES else 0)
        self.test_button, self.find_button = QPushButton(), QPushButton()
        self.print_button, self.read_button = QPushButton(), QPushButton()
        self.sheet_button, self.live = QPushButton(), QLabel(objectName="liveScale")
        self.sheet_button.clicked.connect(self.print_sheet)
        self.sheet_button.setEnabled(print_commands is not None)
        self.test_result, self.device_result, self.problems = QLabel(), QLabel(), QLabel()
        for label in (self.test_result, self.device_result, self.problems, self.live):
            label.setWordWrap(True)
        self.problems.setObjectName("settingsProblems")
        self.problems.setStyleSheet("color: #c62828;")
        self.test_button.clicked.connect(self.test_connection)
        self.find_button.clicked.connect(self.find_devices)
        self.print_button.clicked.connect(self.test_print)
        self.read_button.clicked.connect(self.read_scale)

        self.tabs = QTabWidget()
        self.forms = [QFormLayout() for _ in range(5)]
        ozon, devices, packing, general, buyers = self.forms
        for name in ("base_url", "client_id", "api_key", "warehouse_ids"):
            ozon.addRow(QLabel(), e[name])
        for name in ("requests_per_second", "interval_s"):
            ozon.addRow(QLabel(), self.numbers[name])
        self.warehouse_list = QListWidget(objectName="warehouseList")
        self.warehouse_list.setMaximumHeight(130)
        self.warehouse_list.itemChanged.connect(self._warehouse_ticked)
        ozon.addRow(self.warehouse_list)
        ozon.addRow(self.test_button, self.test_result)
        for name in ("printer", "scale", "scanner"):
            devices.addRow(QLabel(), self.devices[name])
        buttons = QHBoxLayout()
        for button in (self.find_button, self.print_button, self.read_button):
            buttons.addWidget(button)
        devices.addRow(buttons)
        devices.addRow(self.live)
        devices.addRow(self.device_result)
        packing.addRow(QLabel(), self.numbers["weight_tolerance_pct"])
        packing.addRow(QLabel(), self.numbers["packaging_allowance_g"])
        packing.addRow(QLabel(), self.choices["order_label"])
        packing.addRow(QLabel(), e["supervisors"])
        packing.addRow(QLabel(), self.numbers["idle_sign_out_min"])
        packing.addRow(self.sheet_button)
        self.sheet_result = QLabel(wordWrap=True)
        packing.addRow(self.sheet_result)
        if live_scale is not None:
            live_scale.reading.connect(self.show_live)
        self.devices["scale"].editTextChanged.connect(lambda _: self.show_live(*(self.last_reading or (None, ""))))
        general.addRow(QLabel(), self.language)
        buyers.addRow(QLabel(), self.choices["buyer_message"])
        for name in ("message_ru", "message_zh", "message_en"):
            buyers.addRow(QLabel(), e[name])
            e[name].setCursorPosition(0)  # the template's beginning, not its end
        for layout in self.forms:
            page = QWidget()
            page.setLayout(layout)
            self.tabs.addTab(page, "")
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.box.accepted.connect(self.save)
        self.box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problems)
        layout.addWidget(self.box)
        self.retranslate()
        if db is not None:
            run_task(lambda: checks.cached_warehouses(db), on_result=self.show_warehouses, owner=self)

    # --- language ---------------------------------------------------------------------------
    def labels(self) -> dict[str, str]:
        return {
            "base_url": self.tr("Seller API address"), "client_id": self.tr("Client-Id"),
            "api_key": self.tr("API key (leave empty to keep the saved one)"),
            "warehouse_ids": self.tr("Warehouses to sync (ids, empty: all)"),
            "printer": self.tr("Label printer"), "scale": self.tr("Scale"), "scanner": self.tr("Scanner"),
            "weight_tolerance_pct": self.tr("Weight tolerance, %"),
            "packaging_allowance_g": self.tr("Box and filler weight, g"),
            "supervisors": self.tr("Supervisors (may teach barcodes and accept a weight), comma-separated"),
            "requests_per_second": self.tr("Requests to Ozon per second"),
            "interval_s": self.tr("Sync every, s"),
            "order_label": self.tr("Own order label"),
            "idle_sign_out_min": self.tr("Sign a packer out after, min without a scan"),
            "buyer_message": self.tr("Tracking number to the buyer"),
            "message_ru": self.tr("Message in Russian"), "message_zh": self.tr("Message in Chinese"),
            "message_en": self.tr("Message in English"),
            "language": self.tr("Language"),
        }

    def choice_labels(self) -> dict[str, str]:
        """What each declared choice is called on screen (a choice missing here shows by name)."""
        return {"never": self.tr("Never: only Ozon's label"),
                "on_pack": self.tr("After packing, for the verify-first shelf"),
                "off": self.tr("Off"), "ru": self.tr("In Russian"), "zh": self.tr("In Chinese"),
                "en": self.tr("In English")}

    def setting_widgets(self) -> dict[str, QWidget]:
        """The widget of each form field that edits a declared setting."""
        return {name: widget for name, widget in {**self.edits, **self.devices, **self.numbers, **self.choices}.items()
                if name in FIELDS}

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for i, title in enumerate((self.tr("Ozon"), self.tr("Devices"), self.tr("Packing"), self.tr("General"),
                                   self.tr("Buyer messages"))):
            self.tabs.setTabText(i, title)
        labels = self.labels()
        widgets = {**self.edits, **self.devices, **self.numbers, **self.choices, "language": self.language}
        for name, widget in self.setting_widgets().items():
            widget.setToolTip(QCoreApplication.translate(DOCS_CONTEXT, setting(name).doc))
        for combo in self.choices.values():
            for i in range(combo.count()):
                combo.setItemText(i, self.choice_labels().get(combo.itemData(i), combo.itemData(i)))
        for layout in self.forms:
            for name, widget in widgets.items():
                label = layout.labelForField(widget)
                if isinstance(label, QLabel):
                    label.setText(labels[name])
        self.test_button.setText(self.tr("Test connection"))
        self.find_button.setText(self.tr("Find devices"))
        self.print_button.setText(self.tr("Test print"))
        self.read_button.setText(self.tr("Read scale"))
        self.sheet_button.setText(self.tr("Print the command barcodes"))
        self.show_live(*(self.last_reading or (None, "")))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the form ---------------------------------------------------------------------------
    def current_form(self) -> SettingsForm:
        values = {name: edit.text() for name, edit in self.edits.items()}
        values.update({name: combo.currentText() for name, combo in self.devices.items()})
        values.update({name: f"{box.value():g}" for name, box in self.numbers.items()})
        values.update({name: combo.currentData() for name, combo in self.choices.items()})
        return self.form.with_values(**values)

    def save(self) -> bool:
        form = self.current_form()
        problems = form.validate(self.shown_language)
        if problems:
            labels = self.labels()
            self.problems.setText("\n".join(f"{labels[p.field]}: {p.detail}" for p in problems))
            return False
        try:
            path = form.save(self.config_path)
        except Exception as exc:  # keyring refused, disk full...: say so, keep the dialog open
            log.warning("settings not saved: %s", exc)
            self.problems.setText(self.tr("Not saved: %1").replace("%1", error_text(exc, self.shown_language)))
            return False
        self.problems.clear()
        self.saved.emit(str(path), self.language.currentData())
        self.accept()
        return True

    # --- checks off the GUI thread ----------------------------------------------------------
    def test_connection(self) -> None:
        form = self.current_form()
        self.test_result.setText(self.tr("Asking Ozon…"))
        client_id = form.client_id.strip()
        run_task(lambda: checks.test_connection(form.base_url.strip(), client_id, form.api_key.strip()),
                 on_result=self._connected, on_error=lambda exc: self.test_result.setText(
                     self.tr("Connection failed: %1").replace(
                         "%1", checks.connection_problem(exc, self.shown_language, client_id))), owner=self)

    def _connected(self, connection: checks.Connection) -> None:
        self.show_warehouses(connection.warehouses)
        expires = connection.expires_at
        if expires is None:
            self.test_result.setText(self.tr("Connected. The key has no expiry date."))
        else:
            self.test_result.setText(self.tr("Connected. The key expires on %1.")
                                     .replace("%1", expires.strftime("%d.%m.%Y")))

    def show_warehouses(self, warehouses: list[tuple[int, str, bool]]) -> None:
        """Warehouses to tick (the ids field follows); ticked: those already in the field."""
        try:
            chosen = set(self.current_form().warehouses())
        except ValueError:
            chosen = set()
        self.warehouse_list.blockSignals(True)
        self.warehouse_list.clear()
        for wid, name, rfbs in warehouses:
            item = QListWidgetItem(f"{name} · {'rFBS' if rfbs else 'FBS'} · {wid}")
            item.setData(Qt.ItemDataRole.UserRole, wid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if wid in chosen else Qt.CheckState.Unchecked)
            self.warehouse_list.addItem(item)
        self.warehouse_list.blockSignals(False)

    def _warehouse_ticked(self, _item) -> None:
        ticked = [str(self.warehouse_list.item(i).data(Qt.ItemDataRole.UserRole))
                  for i in range(self.warehouse_list.count())
                  if self.warehouse_list.item(i).checkState() == Qt.CheckState.Checked]
        self.edits["warehouse_ids"].setText(", ".join(ticked))

    def find_devices(self) -> None:
        from app.devices.discovery import discover

        self.device_result.setText(self.tr("Looking for devices…"))
        run_task(discover, on_result=self._found, on_error=self._device_error, owner=self)

    def _found(self, found) -> None:
        """Each device found offered in the pickers of its kind (a serial port in all), what it looks
        like in its tooltip; why something could not be listed after the count."""
        kinds = {"printer": "printer", "scale": "scale", "scanner": "scanner", "serial": None}
        for device in found.devices:
            for name in ([kinds[device.kind]] if kinds.get(device.kind) else list(self.devices)):
                combo = self.devices[name]
                combo.addItem(f"{device.uri}", device.uri)
                combo.setItemData(combo.count() - 1, device.describe(self.shown_language),
                                  Qt.ItemDataRole.ToolTipRole)
        said = [self.tr("%1 device(s) found.").replace("%1", str(len(found.devices)))]
        self.device_result.setText("\n".join(said + found.note_texts(self.shown_language)))

    def test_print(self) -> None:
        uri = self.devices["printer"].currentText().strip()
        sim_dir = self.data_dir / "printed" if self.data_dir else None
        if self.print_sample is not None and same_device(uri, self.running_printer):
            job = self.print_sample  # the print worker's thread owns that printer: one handle
        else:
            job = lambda: checks.test_print(uri, sim_dir)  # noqa: E731 - a printer nobody holds
        run_task(job, on_error=self._device_error,
                 on_result=lambda name: self.device_result.setText(self.tr("Test label sent to %1.")
                                                                   .replace("%1", name)), owner=self)

    def show_live(self, grams: float | None, state: str = "") -> None:
        """A reading of the scale in use (from its own thread, via the bridge)."""
        if grams is not None:
            self.last_reading = (grams, state)
        if not self.running_scale:
            self.live.setText(self.tr("No scale in use: pick one and press Read scale."))
        elif self.devices["scale"].currentText().strip() != self.running_scale:
            self.live.setText(self.tr("Live reading shows the scale in use; press Read scale to try the new one."))
        elif self.last_reading is None:
            self.live.setText(self.tr("Scale in use: waiting for a reading…"))
        else:
            self.live.setText(self.tr("Scale in use, live: %1 g (%2)").replace("%1", in_grams(self.last_reading[0]))
                              .replace("%2", steadiness(self.last_reading[1])))

    def print_sheet(self) -> None:
        form = self.current_form()
        try:
            names = form.supervisor_names()
        except ValueError as exc:
            self.sheet_result.setText(f"{self.labels()['supervisors']}: {exc}")
            return
        language, printer = self.language.currentData(), self.print_commands
        self.sheet_result.setText(self.tr("Printing…"))
        run_task(lambda: printer(language, names), on_result=self.sheet_result.setText, owner=self,
                 on_error=lambda exc: self.sheet_result.setText(self.tr("Not printed: %1").replace("%1", str(exc))))

    def read_scale(self) -> None:
        uri = self.devices["scale"].currentText().strip()
        if uri and same_device(uri, self.running_scale):  # open on its own thread: never open a port twice
            self.show_live(*(self.last_reading or (None, "")))
            return
        run_task(lambda: checks.read_scale(uri), on_error=self._device_error,
                 on_result=lambda r: self.device_result.setText(
                     self.tr("Scale reads %1 g (%2).").replace("%1", in_grams(r[0])).replace("%2", steadiness(r[1]))),
                 owner=self)

    def _device_error(self, exc: Exception) -> None:
        self.device_result.setText(self.tr("Device problem: %1").replace("%1", error_text(exc, self.shown_language)))
