"""The window's status bar: a field with a new text repaints that field, not the whole bar."""
import pytest
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar

from app.ui.status import KeptLabel
from app.ui.status_bar import StatusBar
from ui_helpers import CountPaints


def settle():
    for _ in range(4):  # the field's layout request, then the repaint
        QApplication.processEvents()


def a_bar_with_two_fields(qtbot, bar: QStatusBar):
    camera, scale = KeptLabel(whole=True), QLabel("Scale: 0 g")  # the camera's field keeps its room
    camera.setText("● REC 12345678-0001-1")
    bar.addPermanentWidget(camera)
    bar.addPermanentWidget(scale)
    qtbot.addWidget(bar)
    bar.resize(900, 30)
    bar.show()
    qtbot.waitExposed(bar)
    counter = CountPaints(scale)
    settle()
    return camera, scale, counter


@pytest.mark.parametrize("kind, other_repainted", [(StatusBar, False), (QStatusBar, True)])
def test_a_new_text_repaints_the_field_not_the_bar(qtbot, kind, other_repainted):
    """Plain QStatusBar shows what ``StatusBar`` is for: if it stops repainting the scale's field
    when the camera's changes, ``StatusBar`` can go."""
    bar = kind()
    camera, scale, counter = a_bar_with_two_fields(qtbot, bar)
    painted = CountPaints(camera)
    before = counter.paints
    camera.setText("Camera: ready")
    settle()
    assert painted.paints > 0  # the field itself shows its new text
    assert (counter.paints > before) is other_repainted


def test_a_field_that_grows_still_moves_the_others(qtbot):
    bar = StatusBar()
    camera, scale, counter = a_bar_with_two_fields(qtbot, bar)
    x, before = camera.x(), counter.paints
    scale.setText("Scale: 12 345 g, stable — a much longer reading than before")
    qtbot.waitUntil(lambda: camera.x() < x, timeout=5000)
    settle()
    assert counter.paints > before
