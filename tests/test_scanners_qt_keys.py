"""The wedge decoder fed from real QKeyEvents (built with native scan codes, devices-notes §0/§1.4).

app/devices imports no Qt: the QKeyEvent -> KeyEvent adapter is the UI's (app/ui/adapters/scan_filter.py).
"""
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from app.devices.scanners import KeyEvent, Mod, Scan, Typed, open_scanner
from app.devices.scanners.keys import KEY_CODES
from app.ui.adapters.scan_filter import QT_MODIFIERS as QT_MODS
from app.ui.adapters.scan_filter import qt_to_key_event as to_key_event
from scanners_helpers import GS, LONG_CODE, FakeClock, WedgeScanner


def to_qt(event: KeyEvent) -> QKeyEvent:
    """A QKeyEvent as the platform plugin would deliver ``event``."""
    qmods = Qt.KeyboardModifier.NoModifier
    for qt_mod, mod in QT_MODS:
        if mod in event.modifiers:
            qmods |= qt_mod
    return QKeyEvent(QEvent.Type.KeyPress, event.code, qmods, event.native_scan_code, 0, 0, event.text)


@pytest.mark.parametrize("name", sorted(KEY_CODES))
def test_key_codes_match_qt(name):
    assert KEY_CODES[name] == getattr(Qt.Key, f"Key_{name}").value


@pytest.mark.parametrize("layout,platform", [("us", "x11"), ("ru", "x11"), ("ru", "windows"), ("ru", None)])
def test_decoder_reads_qkeyevents(layout, platform):
    clock = FakeClock()
    scans = []
    scanner = open_scanner("keyboard", on_scan=scans.append, clock=clock, scan_codes=platform or "x11").start()
    planned = WedgeScanner(layout=layout, platform=platform).events(LONG_CODE, clock)
    for event in planned:
        scanner.feed(to_key_event(to_qt(event), event.timestamp))
    assert scans == [Scan(LONG_CODE, "keyboard")]


def test_ctrl_bracket_as_qtest_sends_it_is_gs():
    """QTest's Ctrl+]: a Control press, then Key_BracketRight + Ctrl with text "]" and no scan code."""
    clock = FakeClock()
    scans = []
    scanner = open_scanner("keyboard", on_scan=scans.append, clock=clock).start()
    ctrl = Qt.KeyboardModifier.ControlModifier
    presses = [QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier, "1"),
               QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_0, Qt.KeyboardModifier.NoModifier, "0"),
               QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Control, ctrl, ""),
               QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_BracketRight, ctrl, "]"),
               *(QKeyEvent(QEvent.Type.KeyPress, ord(c), Qt.KeyboardModifier.NoModifier, c) for c in "93ab"),
               QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")]
    for press in presses:
        assert press.nativeScanCode() == 0
        scanner.feed(to_key_event(press, clock.advance(0.006)))
    assert scans == [Scan(f"10{GS}93ab", "keyboard")]


class WedgeFilter(QObject):
    """The shape of the UI's event filter: feed presses, swallow held ones, re-send typing."""

    def __init__(self, scanner, clock):
        super().__init__()
        self.scanner, self.clock = scanner, clock
        self.replaying = False

    def eventFilter(self, target, event):
        if self.replaying or event.type() != QEvent.Type.KeyPress:
            return False
        result = self.scanner.feed(to_key_event(event, self.clock()))
        self.replay(target, result.outputs)
        return result.held

    def replay(self, target, outputs):
        self.replaying = True
        try:
            for typed in (o for o in outputs if isinstance(o, Typed)):
                for key in typed.keys:
                    QApplication.sendEvent(target, key.opaque)
        finally:
            self.replaying = False


def test_event_filter_keeps_scans_out_of_the_field_and_lets_typing_in(qtbot):
    clock = FakeClock()
    scans = []
    scanner = open_scanner("keyboard", on_scan=scans.append, clock=clock, scan_codes="x11").start()
    field = QLineEdit()
    qtbot.addWidget(field)
    wedge = WedgeFilter(scanner, clock)
    field.installEventFilter(wedge)
    for event in WedgeScanner(layout="ru").events("OZN123", FakeClock()):
        clock.advance(0.008)
        QApplication.sendEvent(field, to_qt(event))
    assert scans == [Scan("OZN123", "keyboard")] and field.text() == ""
    for char in "ab":  # a person, 120 ms apart
        clock.advance(0.120)
        QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, ord(char.upper()),
                                                Qt.KeyboardModifier.NoModifier, char))
        wedge.replay(field, scanner.poll(scanner.next_deadline()))
    assert field.text() == "ab" and len(scans) == 1
