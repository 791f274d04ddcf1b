"""``RoomyLabel``: a word-wrapped label whose height never moves the widgets below it.

A new text of up to ``lines`` lines keeps the label's height, so the pack view's lines and messages
below it are not moved and repainted at each scan. Its size hints are the same for every text (a
text's height at a width comes from ``heightForWidth``): in a ``SizeFence`` a new text that keeps
the label's height lays nothing out (``app.ui.size_fence``). Its height is measured once per text
and width: layouts ask a word-wrapped label for it many times per relayout, and QLabel lays its
whole text out at each question (over a 200-scan run of benchmarks/bench_ui.py, cProfile of the GUI
thread, 2 GHz core: 0.26 s of text layout; measured once per text, 0.07 s).

A window too short for everything squeezes the label below that height (a 768-pixel screen with a
message bar open), a narrow one below its longest word. Its text then never runs past the label's
edges, cut in half (the banner is what the packer reads from a metre away): it is painted as large
as fits, down to ``SMALLEST_PT``. The label still asks for its full height, so it gets it back, and
its full type, once there is room. The text is plain: a product's name is never read as HTML.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel

SMALLEST_PT = 9.0  # a squeezed label's type goes no smaller
HINT_CHARS = 40  # the width a label asks for, in average characters of its font, whatever its text
MIN_CHARS = 8  # the width it can be squeezed to (a longer word is then painted smaller)

# what changes a label's measured size besides its text
_MEASURE_CHANGES = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange)


class RoomyLabel(QLabel):
    """Asks for room for ``lines`` lines of its font. A longer text still gets its room; a window
    too short for all may still squeeze it: the text is then painted smaller (``fitted_font``)."""

    def __init__(self, lines: int, **kwargs) -> None:
        super().__init__(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter,
                         textFormat=Qt.TextFormat.PlainText, **kwargs)
        self.lines, self.room = lines, {}  # lines -> their height with the padding
        self._heights: dict[int, int] = {}  # width -> height, for the text shown
        self._fit: tuple[QSize, QFont | None] | None = None  # (contents size, the type that fits it; None: the font)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text != self.text():
            self._forget()
            super().setText(text)

    def _forget(self) -> None:
        self._heights.clear()
        self._fit = None

    def _kept(self, lines: int | None = None) -> int:
        """The height of ``lines`` lines (the label's own number: its room) with its padding."""
        lines = lines or self.lines
        if lines not in self.room:  # measured as QLabel measures its text, with the style's padding
            text = self.fontMetrics().boundingRect(QRect(0, 0, 10_000, 10_000), Qt.TextFlag.TextWordWrap,
                                                   "\n".join("X" * lines))
            margins = self.contentsMargins()
            self.room[lines] = text.height() + 2 * self.margin() + margins.top() + margins.bottom()
        return self.room[lines]

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = max(super().heightForWidth(width), self._kept())
        return height

    def sizeHint(self) -> QSize:  # noqa: N802
        """The same for every text (room for ``lines`` lines, ``HINT_CHARS`` wide), so a new text
        leaves the layouts around the label as they were (``app.ui.size_fence``); a longer text gets
        its height from ``heightForWidth``."""
        return QSize(self._width(HINT_CHARS), self._kept())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """One line, ``MIN_CHARS`` wide, whatever the text: squeezed, the label paints it smaller."""
        return QSize(self._width(MIN_CHARS), self._kept(1))

    def _width(self, chars: int) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().averageCharWidth() * chars + 2 * self.margin() + margins.left() + margins.right()

    def fitted_font(self) -> QFont | None:
        """The type the text is painted in when the label is squeezed below its text's height or
        narrower than its longest word (None: it fits in the label's own font)."""
        size = self.contentsRect().size()
        if self._fit is None or self._fit[0] != size:
            self._fit = (size, self._fitting(size))
        return self._fit[1]

    def _fitting(self, size: QSize) -> QFont | None:
        text = self.text()
        if not text:
            return None
        if self.height() >= self.heightForWidth(self.width()) and (  # the usual case: measured already
                self.width() >= self.sizeHint().width() or self._widest_word(text) <= size.width()):
            return None
        if self._fits(self.font(), size, text):  # squeezed into the room kept for more lines than it has
            return None
        font, low, high = QFont(self.font()), SMALLEST_PT, self.font().pointSizeF()
        while high - low > 0.5:  # the largest size that fits, to half a point
            font.setPointSizeF((low + high) / 2)
            if self._fits(font, size, text):
                low = font.pointSizeF()
            else:
                high = font.pointSizeF()
        font.setPointSizeF(low)
        return font

    def _widest_word(self, text: str) -> int:
        """Measured only in a label narrower than it asks for (a word is never that long)."""
        return max(self.fontMetrics().horizontalAdvance(word) for word in text.split() or [text])

    @staticmethod
    def _fits(font: QFont, size: QSize, text: str) -> bool:
        needed = QFontMetrics(font).boundingRect(QRect(0, 0, size.width(), 100_000),
                                                 Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter, text)
        return needed.height() <= size.height() and needed.width() <= size.width()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        font = self.fitted_font()
        if font is None:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()) | Qt.TextFlag.TextWordWrap, self.text())
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in _MEASURE_CHANGES:
            self.room = {}  # measured again with the new font or padding
            self._forget()
        super().changeEvent(event)
