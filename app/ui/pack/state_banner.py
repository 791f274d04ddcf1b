"""``StateBanner``: the pack view's big banner, coloured for the bench's state.

Its colours are a palette and its rounded background is painted here, where they used to be a
style sheet set on the banner at each change of colour (two scans in three: open, put back,
packed). A widget's own style sheet is parsed and the widget re-polished each time it changes
(palette, font and style events): 0.93 ms against 0.34 ms for a palette, the repaint included
(offscreen, 2.0 GHz core). The type and padding stay in the application's style sheet
(``app.ui.feedback.style``: ``QLabel#stateBanner``), which sets no colour, so the palette's shows.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette

from app.ui.feedback.style import STATE_COLOURS
from app.ui.pack.roomy_label import RoomyLabel

RADIUS = 8  # px, the banner's rounded corners


class StateBanner(RoomyLabel):
    def __init__(self, lines: int, **kwargs) -> None:
        super().__init__(lines, **kwargs)
        self.colours: tuple[str, str] = ("", "")  # (text, background) shown now
        self._background = QColor()
        self.show_state("idle")

    def show_state(self, state: str) -> None:
        """The colours of ``state`` (``STATE_COLOURS``; an unknown state: idle's)."""
        colours = STATE_COLOURS.get(state, STATE_COLOURS["idle"])
        if colours == self.colours:
            return
        self.colours = colours
        self._background = QColor(colours[1])
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colours[0]))
        self.setPalette(palette)
        self.update()  # the background may change alone (packing → done: white text on both)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._background)
        painter.drawRoundedRect(self.rect(), RADIUS, RADIUS)
        painter.end()
        super().paintEvent(event)
