"""The application-wide scan filter: a scanner burst is a scan, slow typing reaches the field."""
import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from app.devices.scanners import open_scanner
from app.ui.adapters import ScanFilter
from scanners_helpers import FakeClock
from ui_helpers import key_press


def fake_clock_filter(cls=ScanFilter):
    """A scan filter over a keyboard decoder on a fake clock (tests advance it)."""
    clock = FakeClock()
    scanner = open_scanner("keyboard", on_scan=lambda scan: None, clock=clock, scan_codes=None).start()
    return cls(scanner, clock=clock), clock


@pytest.fixture
def wedge(qtbot):
    scan_filter, clock = fake_clock_filter()
    field = QLineEdit()
    qtbot.addWidget(field)
    app = QApplication.instance()
    app.installEventFilter(scan_filter)
    yield scan_filter, field, clock
    app.removeEventFilter(scan_filter)


def test_a_burst_is_a_scan_and_never_reaches_the_field(qtbot, wedge):
    scan_filter, field, clock = wedge
    scans = []
    scan_filter.scanned.connect(scans.append)
    for char in "OZN12345\r":
        clock.advance(0.008)
        QApplication.sendEvent(field, key_press(char))
    assert scans == ["OZN12345"]
    assert field.text() == ""


def test_slow_typing_is_given_back_to_the_field(qtbot, wedge):
    scan_filter, field, clock = wedge
    scans = []
    scan_filter.scanned.connect(scans.append)
    for char in "abc":  # a person: 150 ms apart
        clock.advance(0.150)
        QApplication.sendEvent(field, key_press(char))
        clock.advance(0.050)
        scan_filter.settle()
    assert field.text() == "abc"
    assert scans == []


def test_typing_then_a_scan(qtbot, wedge):
    scan_filter, field, clock = wedge
    scans = []
    scan_filter.scanned.connect(scans.append)
    clock.advance(0.3)
    QApplication.sendEvent(field, key_press("x"))
    clock.advance(0.3)
    for char in "4600000000011\r":
        clock.advance(0.010)
        QApplication.sendEvent(field, key_press(char))
    assert field.text() == "x" and scans == ["4600000000011"]


def test_the_settle_timer_gives_keys_back_without_a_manual_poll(qtbot):
    """Real clock: the single-shot timer settles a lone key press by itself."""
    scanner = open_scanner("keyboard", on_scan=lambda scan: None, scan_codes=None).start()
    scan_filter = ScanFilter(scanner)
    field = QLineEdit()
    qtbot.addWidget(field)
    app = QApplication.instance()
    app.installEventFilter(scan_filter)
    try:
        QApplication.sendEvent(field, key_press("q"))
        assert field.text() == ""  # held while it could still be a scan
        qtbot.waitUntil(lambda: field.text() == "q", timeout=2000)
    finally:
        app.removeEventFilter(scan_filter)


class CountingFilter(ScanFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen = []

    def eventFilter(self, watched, event):  # noqa: N802
        self.seen.append(watched)
        return super().eventFilter(watched, event)


def test_watching_follows_the_focus_and_leaves_other_widgets_alone(qtbot):
    scan_filter, clock = fake_clock_filter(CountingFilter)
    first, second = QLineEdit(), QLineEdit()
    for field in (first, second):
        qtbot.addWidget(field)
        field.show()
    first.activateWindow()
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusObject() is first, timeout=5000)
    app = QApplication.instance()
    scans = []
    scan_filter.scanned.connect(scans.append)
    scan_filter.watch(app)
    try:
        for char in "OZN1\r":
            clock.advance(0.008)
            QApplication.sendEvent(first, key_press(char))
        assert scans == ["OZN1"] and first.text() == ""
        QApplication.sendEvent(second, key_press("x"))  # not focused: not watched
        assert second not in scan_filter.seen
        second.activateWindow()
        second.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusObject() is second, timeout=5000)
        for char in "OZN2\r":
            clock.advance(0.008)
            QApplication.sendEvent(second, key_press(char))
        assert scans == ["OZN1", "OZN2"] and second.text() == "x"
    finally:
        scan_filter.unwatch(app)
    seen = len(scan_filter.seen)
    QApplication.sendEvent(second, key_press("y"))
    assert len(scan_filter.seen) == seen  # unwatched: it hears nothing


def test_with_nothing_focused_the_main_window_listens(qtbot):
    from PySide6.QtWidgets import QWidget

    scan_filter, clock = fake_clock_filter()
    window = QWidget()
    qtbot.addWidget(window)
    scans = []
    scan_filter.scanned.connect(scans.append)
    scan_filter._fallback = window
    scan_filter._follow(None)  # what focusObjectChanged says when no object has the focus
    try:
        for char in "OZN3\r":
            clock.advance(0.008)
            QApplication.sendEvent(window, key_press(char))
        assert scans == ["OZN3"]
    finally:
        scan_filter._fallback = None
        scan_filter._follow(None)


def test_a_filter_that_never_watched_stops_quietly_and_watching_twice_listens_once(qtbot):
    """A bench shut down before it started unwatches a filter that never watched: no RuntimeWarning
    from PySide (the suite fails on warnings); a second watch does not connect the focus twice."""
    scan_filter, clock = fake_clock_filter(CountingFilter)
    app = QApplication.instance()
    scan_filter.unwatch(app)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusObject() is field, timeout=5000)
    scan_filter.watch(app)
    try:
        QApplication.sendEvent(field, key_press("x"))
        once = list(scan_filter.seen)
        assert once and set(once) == {field}
        scan_filter.watch(app)
        scan_filter.seen.clear()
        QApplication.sendEvent(field, key_press("y"))
        assert scan_filter.seen == once
    finally:
        scan_filter.unwatch(app)
    scan_filter.unwatch(app)
