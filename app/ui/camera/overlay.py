"""What is burned into each frame: the clip's header (posting, box, station, packer), the clock,
and the last lines the core sent (each unit scan as it happens, the weight)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

NOTES_SHOWN = 6
BAND = QColor(0, 0, 0, 170)


def burn_in(image: QImage, header: list[str], notes: list[str], *, now: datetime | None = None,
            warning: str = "") -> QImage:
    """A copy of ``image`` with the overlay drawn on it."""
    frame = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = frame.width(), frame.height()
    size = max(9, height // 30)
    line = int(size * 1.45)
    painter = QPainter(frame)
    try:
        font = QFont("DejaVu Sans")
        font.setPixelSize(size)
        painter.setFont(font)
        clock = (now or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M:%S %z")
        top = [*header[:2], clock]
        painter.fillRect(QRect(0, 0, width, line * len(top) + size // 2), BAND)
        painter.setPen(QColor("white"))
        for i, text in enumerate(top):
            painter.drawText(QRect(size // 2, size // 4 + i * line, width - size, line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        shown = notes[-NOTES_SHOWN:]
        if shown:
            band_top = height - line * len(shown) - size // 2
            painter.fillRect(QRect(0, band_top, width, height - band_top), BAND)
            painter.setPen(QColor(255, 235, 120))
            for i, text in enumerate(shown):
                painter.drawText(QRect(size // 2, band_top + size // 4 + i * line, width - size, line),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        if warning:
            painter.setPen(QColor(255, 80, 80))
            painter.drawText(QRect(0, height // 2 - line, width, 2 * line), int(Qt.AlignmentFlag.AlignCenter), warning)
    finally:
        painter.end()
    return frame


def simulated_scene(width: int, height: int, tick: int) -> QImage:
    """A generated camera picture (``sim://``): a bench-coloured background with a moving parcel."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(70, 82, 96))
    painter = QPainter(image)
    try:
        painter.fillRect(QRect(0, height * 2 // 3, width, height // 3), QColor(150, 120, 90))  # the table
        box = width // 5
        x = (tick * 4) % (width + box) - box
        painter.fillRect(QRect(x, height * 2 // 3 - box * 2 // 3, box, box * 2 // 3), QColor(196, 160, 110))
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(9, height // 24))
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255, 120))
        painter.drawText(QRect(0, 0, width, height), int(Qt.AlignmentFlag.AlignCenter), "sim:// camera")
    finally:
        painter.end()
    return image
