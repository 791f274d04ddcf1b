"""The window's tabs: a label with a new text on a page repaints that label, not the whole page."""
import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from app.ui.pages import Pages
from ui_helpers import CountPaints


def settle():
    for _ in range(6):  # the layout requests go up one widget per turn of the event loop (3), then the repaint
        QApplication.processEvents()


def a_page_with_a_label_and_a_field(qtbot, tabs: QTabWidget):
    page = QWidget()
    layout = QVBoxLayout(page)
    label, field = QLabel("Scan a posting"), QLineEdit()
    label.setWordWrap(True)
    layout.addWidget(label)
    layout.addWidget(field)
    tabs.addTab(page, "Pack")
    tabs.addTab(QWidget(), "Queues")
    qtbot.addWidget(tabs)
    tabs.resize(700, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    counter = CountPaints(field)
    settle()
    return label, counter


@pytest.mark.parametrize("kind, field_repainted", [(Pages, False), (QTabWidget, True)])
def test_a_new_text_on_a_page_repaints_the_label_not_the_page(qtbot, kind, field_repainted):
    """Plain QTabWidget shows what ``Pages`` is for: if it stops repainting the field, ``Pages`` can go."""
    tabs = kind()
    label, counter = a_page_with_a_label_and_a_field(qtbot, tabs)
    before = counter.paints
    label.setText("Packing 12345678-0001-1: scan every item")
    settle()
    assert (counter.paints > before) is field_repainted


def test_a_longer_tab_title_still_lays_the_tabs_out(qtbot):
    tabs = Pages()
    a_page_with_a_label_and_a_field(qtbot, tabs)
    width = tabs.tabBar().width()
    tabs.setTabText(1, "Queues: 1,250 postings waiting")
    qtbot.waitUntil(lambda: tabs.tabBar().width() > width, timeout=5000)
