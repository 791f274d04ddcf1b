"""``ErrorFlash``: a red panel over the whole window while the station holds an error.

It stays until the station leaves its error state (the next valid scan, CMD:ACK or the button):
the rule lives in the station; this widget only shows the state it reports. For a weight
mismatch or an unknown barcode it also offers the supervisor's way out (override, teach). It never takes the
keyboard focus, so typing and scanning go on underneath.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.feedback.style import FLASH_RED
from app.ui.pack.actions import ACKNOWLEDGE_KEY, SUPERVISOR_KEYS, press_with_key


# held error -> what a supervisor may do about it (station command)
SUPERVISOR_FIXES = {"weight_mismatch": "OVERRIDE-WEIGHT", "unknown_barcode": "TEACH",
                    "handover_incomplete": "HANDOVER-CLOSE"}


class ErrorFlash(QWidget):
    acknowledgeRequested = Signal()
    supervisorRequested = Signal(str)  # "OVERRIDE-WEIGHT" or "TEACH"

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("errorFlash")
        # opaque: it paints all of itself, so Qt does not paint the window under it only to cover it
        # (the whole window when the flash shows, and what each answer changes while it stays)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title = QLabel(objectName="errorFlashText", alignment=Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(objectName="errorFlashText", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.hint.setStyleSheet("color: white;")
        self.button = QPushButton()
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.acknowledgeRequested)
        press_with_key(self.button, ACKNOWLEDGE_KEY)
        self.fix_button = QPushButton(objectName="supervisorFix")
        self.fix_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fix_button.clicked.connect(lambda: self.supervisorRequested.emit(self.fix))
        self.fix = ""
        self.mode = ""  # the bench's mode: the hint speaks of items when packing, of parcels in a hand-over
        self.code = ""  # the held error: a posting that may not be packed has a hint of its own
        self.fix_keys = {fix: press_with_key(self.fix_button, key) for fix, key in SUPERVISOR_KEYS.items()}
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.text, self.hint):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        buttons.addWidget(self.fix_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        parent.installEventFilter(self)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.title.setText(self.tr("STOP"))
        self._title_once()
        if self.mode == "handover":
            hint = self.tr("Fix the problem, then scan the right parcel or press the button.")
        elif self.code == "posting_not_packable":  # cancelled, another bench's, not packable now: no item is right
            hint = self.tr("Put its goods aside, then scan the next posting number or press the button.")
        elif self.mode == "return":  # a returned item that did not ship: set aside, no "right item" to find
            hint = self.tr("Set the item aside, then scan the next returned item or press the button.")
        else:
            hint = self.tr("Fix the problem, then scan the right item or press the button.")
        self.hint.setText(hint)
        self.button.setText(self.tr("Acknowledge") + f"  [{ACKNOWLEDGE_KEY}]")
        self._show_fix()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def offer_fix(self, error_code: str | None, mode: str | None = None) -> None:
        """The held error's code and the bench's mode (from the station's snapshot): a supervisor's
        way out, if any, and the hint for the mode and the error."""
        self.fix = SUPERVISOR_FIXES.get(error_code or "", "")
        if (mode or "") != self.mode or (error_code or "") != self.code:
            self.mode, self.code = mode or "", error_code or ""
            self.retranslate()  # calls _show_fix
        else:
            self._show_fix()

    def _show_fix(self) -> None:
        texts = {"OVERRIDE-WEIGHT": self.tr("Accept this weight (supervisor)"),
                 "TEACH": self.tr("Teach this barcode (supervisor)"),
                 "HANDOVER-CLOSE": self.tr("Close without the missing parcels (supervisor)")}
        key = SUPERVISOR_KEYS.get(self.fix, "")
        self.fix_button.setText(f"{texts[self.fix]}  [{key}]" if self.fix else "")
        for fix, shortcut in self.fix_keys.items():
            shortcut.setEnabled(fix == self.fix)
        self.fix_button.setVisible(bool(self.fix))

    def _title_once(self) -> None:
        """A message that starts with the title's word ("STOP: ...") is not given it twice."""
        self.title.setVisible(not self.text.text().casefold().startswith(self.title.text().casefold()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        QPainter(self).fillRect(event.rect(), QColor(FLASH_RED))

    def show_error(self, message: str) -> None:
        self.text.setText(message)
        self._title_once()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False
