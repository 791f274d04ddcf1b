"""``StatusBar``: the window's status bar, which repaints a field only where it changed.

QStatusBar repaints all of itself, every field on it, at each layout request that leaves its
height as it was (``QStatusBar::event``: it draws a frame around each field and does not know
whether one moved). A field with a new text sends one: the camera's REC at every posting opened
and put away, the scale's reading, the outbox count. A few milliseconds after each answer the whole
bar was painted again; scanning quickly, that repaint met the next scan (benchmarks/bench_ui.py).

The bar's layout has placed its fields by the time the request reaches the bar. A request after
which no field moved, grew, shrank, showed or hid, and the bar's font is the same, leaves nothing
to repaint but the field that changed, which repaints itself; any other request goes to
QStatusBar as before.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QStatusBar, QWidget


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out: tuple | None = None  # the fields as the last layout request left them

    def _fields(self) -> tuple:
        fields = self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return (self.fontMetrics().height(), self.size(),
                *((f.geometry(), f.isVisibleTo(self), f.sizeHint(), f.minimumSizeHint(), f.minimumSize(),
                   f.maximumSize()) for f in fields))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            fields = self._fields()
            if fields == self._laid_out:
                return QWidget.event(self, event)
            self._laid_out = fields
        return super().event(event)
