"""``SizeFence``: holds one widget and tells the layouts above it only of a size that changed.

A QLabel asks for a new layout at every new text (``QLabel::setText`` calls ``updateGeometry``),
even when the text takes the room it had. The layout it sits in is activated on the next turn of
the event loop, and each activated layout asks its own widget's parent for one in turn (``QLayout::
activate`` ends in ``updateGeometry``): the pack view, the tabs, the central widget, the main
window, whose layout also makes an animation object per relayout. Every scan's message did that:
13 % of the window thread's time scanning back to back (``perf``), 1.5-2.1 ms a scan in a probe
timing each event the window handled (offscreen, its own cost included; ``benchmarks/README.md``),
in layouts that moved nothing.

Inside a fence the widget's request reaches the fence alone (it has no layout: it only keeps the
widget over its whole rectangle). The fence measures what a layout reads from the widget (size
hint, minimum size hint, height at the fence's width, size policy, minimum and maximum size) and
passes the request on only when one of them changed. Layouts ask the fence, which answers with
the widget's own measures, so it lays out exactly as the widget did, and it shows and hides with
the widget (a status field that empties takes no room).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget


def layout_measures(widget: QWidget, width: int) -> tuple:
    """What a parent's layout reads from ``widget`` laid out ``width`` wide."""
    height = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
    return (widget.sizeHint(), widget.minimumSizeHint(), height, widget.sizePolicy(), widget.minimumSize(),
            widget.maximumSize())


class SizeFence(QWidget):
    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        hidden = widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide) and widget.isHidden()
        widget.setParent(self)
        if hidden:
            self.hide()
        else:
            widget.show()  # with the fence, once that is shown
        widget.installEventFilter(self)
        self._measured = layout_measures(self.widget, self.width())
        self._follow()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._measure_again()
            return True
        if event.type() == QEvent.Type.Show:  # a widget out of view asks nobody: on a tab not shown, say
            self._measure_again()
        return super().event(event)

    def _measure_again(self) -> None:
        measured = layout_measures(self.widget, self.width())
        if measured != self._measured:
            self._measured = measured
            self._follow()
            self.updateGeometry()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.widget and event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.setVisible(event.type() == QEvent.Type.ShowToParent)
        return False

    def _follow(self) -> None:
        """The widget's own limits, where a layout reads them from the fence."""
        self.setSizePolicy(self.widget.sizePolicy())
        self.setMinimumSize(self.widget.minimumSize())
        self.setMaximumSize(self.widget.maximumSize())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.widget.setGeometry(self.rect())
        super().resizeEvent(event)

    # what a layout asks: the widget's own answers
    def sizeHint(self) -> QSize:  # noqa: N802
        return self.widget.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.widget.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self.widget.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self.widget.heightForWidth(width)
