"""``Pages``: the window's tabs, which repaint a page only where it changed.

QTabWidget lays its tab bar and pages out again at each layout request and then repaints all of
itself, the open page with every widget on it (``QTabWidget::setUpLayout``). A label on a page
that shows a new text sends one up, a turn of the event loop per widget: its page's layout is
activated, which tells the page's parent that the page's size hint may have changed, and so on up
to the tab widget. Every scan's message, and every reading of the scale, repainted the whole pack
page once more a few milliseconds after its own repaint (benchmarks/bench_ui.py).

Where the tab bar and the pages go depends only on the tab widget's size (a resize lays them out
itself), its style and the tab bar's size hint. A request that leaves that hint as it was repaints
nothing, and goes on to the window's layout only when it changed the tabs' own size hints (the
pages' largest, their height at the tabs' width): else the window's layout was activated for
nothing, its status bar, menu bar and central widget measured again and an animation object made
for the central widget: 0.9-1.2 ms of the window's thread a scan in a probe timing each event the
window handled (scanning back to back, offscreen, its own cost included). A new tab or a tab's new
title changes the hint and is laid out as before.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.size_fence import layout_measures


class Pages(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar: QSize | None = None  # the tab bar's size hint when the tabs were last laid out
        self._passed: tuple | None = None  # the measures the window's layout was last told of

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            bar = self.tabBar().sizeHint()
            if bar == self._bar:
                measured = layout_measures(self, self.width())
                if measured != self._passed:
                    self._passed = measured
                    self.updateGeometry()
                return True
            self._bar, self._passed = bar, None
        return super().event(event)
