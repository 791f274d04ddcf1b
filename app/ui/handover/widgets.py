"""Pieces of the Hand-over tab: a big count readable from a metre, and a barcode drawn large."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget


class CountBox(QWidget):
    """A number in big type with its name under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = QLabel("0", objectName="handoverCount", alignment=Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(objectName="handoverCountName", alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.value)
        layout.addWidget(self.name)

    def show_count(self, value: int | None, colour: str = "") -> None:
        text = "–" if value is None else str(value)
        if self.value.text() != text:
            self.value.setText(text)
        style = f"color: {colour};" if colour else ""
        if self.value.styleSheet() != style:
            self.value.setStyleSheet(style)


class BarcodeView(QWidget):
    """A Code 128 symbol (modules "1" = bar), drawn as wide as the widget allows, quiet zones kept."""

    QUIET = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.modules = ""
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_code(self, text: str | None) -> None:
        if text:
            from app.services.labels.command_sheet import code128_modules

            self.modules = code128_modules(text)
        else:
            self.modules = ""
        self.setVisible(bool(self.modules))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.modules:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        total = len(self.modules) + 2 * self.QUIET
        module = max(1.0, min(6.0, self.width() / total))
        left = (self.width() - total * module) / 2 + self.QUIET * module
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for index, bit in enumerate(self.modules):
            if bit == "1":
                painter.drawRect(QRectF(left + index * module, 6, module, self.height() - 12))
        painter.end()
