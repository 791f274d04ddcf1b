"""A label in a size fence lays out exactly as it would alone, and a new text that keeps its size
reaches no layout: the layouts above it (the pack view's, up to the window's) are not activated at
every scan's message. A text that needs more room still gets it."""
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from app.ui.pack.roomy_label import RoomyLabel
from app.ui.size_fence import SizeFence

LONG = " ".join(["Отсканируйте каждый товар отправления"] * 8)


class Requests(QObject):
    """Counts the layout requests a widget is sent."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def settle() -> None:
    """Delivers the posted layout requests, each of which may post the next one up."""
    for _ in range(4):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def column(qtbot, label: QLabel, fenced: bool) -> tuple[QWidget, QWidget]:
    """A label between two others in a window 500 px wide: (the window, the widget in its layout)."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    placed = SizeFence(label) if fenced else label
    layout.addWidget(QLabel("above"))
    layout.addWidget(placed)
    layout.addWidget(QLabel("below"), 1)
    window.resize(500, 600)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window, placed


def test_a_fenced_label_is_placed_where_the_label_alone_is(qtbot):
    places = []
    for fenced in (False, True):
        label = RoomyLabel(2)
        label.setText(LONG)
        window, placed = column(qtbot, label, fenced)
        places.append((placed.geometry(), label.size(), placed.sizeHint(), placed.minimumSizeHint(),
                       placed.heightForWidth(480)))
    assert places[0] == places[1]


def test_a_new_text_in_the_room_it_had_asks_no_layout_and_a_longer_one_gets_its_room(qtbot):
    label = RoomyLabel(2)
    label.setText("Товар засчитан: 1 из 3")
    window, fence = column(qtbot, label, fenced=True)
    requests = Requests(window)
    height = fence.height()
    for n in range(2, 4):
        label.setText(f"Товар засчитан: {n} из 3")
        settle()
    assert requests.count == 0 and fence.height() == height
    label.setText(LONG)  # more lines than the room kept: the window's layout gives it more
    settle()
    assert requests.count == 1
    assert fence.height() == label.height() == label.heightForWidth(fence.width()) > height


def test_an_unfenced_label_asks_for_a_layout_at_every_new_text(qtbot):
    """Why the fence is there: QLabel asks for a new layout at each new text, whatever its size."""
    label = RoomyLabel(2)
    label.setText("Товар засчитан: 1 из 3")
    window, _ = column(qtbot, label, fenced=False)
    requests = Requests(window)
    for n in range(2, 4):
        label.setText(f"Товар засчитан: {n} из 3")
        settle()
    assert requests.count == 2


def test_a_text_that_grew_out_of_view_gets_its_room_once_shown(qtbot):
    """A label out of view (on a tab not shown) asks nobody for a layout: its fence measures again
    when it is shown."""
    label = RoomyLabel(2)
    label.setText("Товар засчитан: 1 из 3")
    window, fence = column(qtbot, label, fenced=True)
    height = fence.height()
    window.hide()
    label.setText(LONG)
    settle()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: fence.height() > height)
    assert fence.height() == label.height() == label.heightForWidth(fence.width())
