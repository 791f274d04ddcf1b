"""``LogView``: the last log records, filterable by level, for support calls at the bench."""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.ui.log_buffer import CAPACITY, LogLine, LogRelay, RingBufferHandler

LEVELS = (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR)


class LogView(QWidget):
    def __init__(self, handler: RingBufferHandler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handler = handler
        self.level_label = QLabel()
        self.level = QComboBox()
        self.level.currentIndexChanged.connect(self.reload)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setMaximumBlockCount(CAPACITY)
        self.text.setFont(QFont("monospace"))
        self.text.setObjectName("logText")
        top = QHBoxLayout()
        top.addWidget(self.level_label)
        top.addWidget(self.level)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        self._stale = False  # lines arrived while hidden
        self.relay = LogRelay(handler, self)
        self.relay.appended.connect(self.append)
        self.retranslate()
        self.level.setCurrentIndex(1)

    def retranslate(self) -> None:
        self.level_label.setText(self.tr("Show from level:"))
        names = (self.tr("Debug"), self.tr("Info"), self.tr("Warning"), self.tr("Error"))
        current = max(0, self.level.currentIndex())
        self.level.blockSignals(True)
        self.level.clear()
        self.level.addItems(list(names))
        self.level.setCurrentIndex(current)
        self.level.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def min_level(self) -> int:
        return LEVELS[max(0, self.level.currentIndex())]

    def reload(self) -> None:
        self.text.setPlainText("\n".join(line.text for line in self.handler.snapshot()
                                         if line.level >= self.min_level()))

    def append(self, line: LogLine) -> None:
        if not self.isVisible():  # a hidden page: read from the buffer when shown (a scan logs a line)
            self._stale = True
            return
        if line.level >= self.min_level():
            self.text.appendPlainText(line.text)

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.relay.detach()
        super().closeEvent(event)
