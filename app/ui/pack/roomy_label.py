"""``RoomyLabel``: a word-wrapped label whose height never moves the widgets below it.

A new text of up to ``lines`` lines keeps the label's height, so the pack view's lines and messages
below it are not moved and repainted at each scan. Its size is measured once per text and width:
layouts ask a word-wrapped label for its height at a width many times per relayout of the view
(each nested layout, then the window's), and QLabel lays its whole text out at each question. Over a 200-scan run of benchmarks/bench_ui.py (cProfile of the GUI
thread, 2 GHz core) that was 0.26 s of text layout; measured once per text, 0.07 s.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel

# what changes a label's measured size besides its text
_MEASURE_CHANGES = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange)


class RoomyLabel(QLabel):
    """Asks for room for ``lines`` lines of its font. A longer text still gets its room; a window
    too short for all may still squeeze it, as any label."""

    def __init__(self, lines: int, **kwargs) -> None:
        super().__init__(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter, **kwargs)
        self.lines, self.room = lines, 0
        self._heights: dict[int, int] = {}  # width -> height, for the text shown
        self._hint: QSize | None = None

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text != self.text():
            self._forget()
            super().setText(text)

    def _forget(self) -> None:
        self._heights.clear()
        self._hint = None

    def _kept(self) -> int:
        if not self.room:  # measured as QLabel measures its text, with the style's padding
            text = self.fontMetrics().boundingRect(QRect(0, 0, 10_000, 10_000), Qt.TextFlag.TextWordWrap,
                                                   "\n".join("X" * self.lines))
            margins = self.contentsMargins()
            self.room = text.height() + 2 * self.margin() + margins.top() + margins.bottom()
        return self.room

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = max(super().heightForWidth(width), self._kept())
        return height

    def sizeHint(self) -> QSize:  # noqa: N802
        if self._hint is None:
            hint = super().sizeHint()
            self._hint = QSize(hint.width(), max(hint.height(), self._kept()))
        return QSize(self._hint)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in _MEASURE_CHANGES:
            self.room = 0  # measured again with the new font or padding
            self._forget()
        super().changeEvent(event)
