"""``MessageList``: the pack view's last messages, newest first, each word-wrapped.

A list view lays every row out again when one comes or goes, and asks its delegate for each row's
size, which for a word-wrapped text is a whole text layout: the 20 kept messages were measured
again at every scan, 9 % of the window thread's time scanning back to back (``perf``, see
``benchmarks/README.md``), and in batches, on later turns of the event loop, each moving the scroll
bar again. Here each message is measured once: after the layout that placed it, its size is kept
on its item (Qt's size hint role, which the delegate answers with before measuring anything). Only
a new width or font measures them all again. So the whole list is laid out in one pass, before the
answer's repaint. The vertical scroll bar is always there, as on the lines: the width the messages
are measured at moves only with the list's own.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QWidget

MAX_MESSAGES = 20  # the last messages kept in view (the log keeps them all)
SIZE = Qt.ItemDataRole.SizeHintRole
_MEASURE_CHANGES = (QEvent.Type.FontChange, QEvent.Type.StyleChange)


class MessageList(QListWidget):
    def __init__(self, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def add(self, text: str) -> None:
        """A new message on top; the oldest past ``MAX_MESSAGES`` go, deleted by the model (an item
        ``takeItem`` hands back is the caller's to delete, and PySide6 6.12 never deletes it: ~340
        bytes of every scan stayed for the whole shift)."""
        self.insertItem(0, text)
        if self.count() > MAX_MESSAGES:
            self.model().removeRows(MAX_MESSAGES, self.count() - MAX_MESSAGES)

    def doItemsLayout(self) -> None:  # noqa: N802 (Qt's name)
        super().doItemsLayout()
        model = self.model()
        model.blockSignals(True)  # the size each row is shown at: nothing to lay out or repaint again
        try:
            for row in range(self.count()):  # the rows this layout measured keep their size: new ones
                item = self.item(row)           # come on top, all of them after a new width
                if item.data(SIZE) is not None:
                    break
                size = self.visualItemRect(item).size()
                if size.isValid():
                    item.setData(SIZE, size)
        finally:
            model.blockSignals(False)

    def _measure_again(self) -> None:
        model = self.model()
        model.blockSignals(True)  # laid out again below
        try:
            for row in range(self.count()):
                self.item(row).setData(SIZE, None)
        finally:
            model.blockSignals(False)
        self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        if event.size().width() != event.oldSize().width():
            self._measure_again()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in _MEASURE_CHANGES:
            self._measure_again()
        super().changeEvent(event)
