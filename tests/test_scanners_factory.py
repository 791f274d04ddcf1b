"""open_scanner: URIs to handles, errors naming the wrong part, and the keyboard handle."""
import re
import threading

import pytest

from app.devices.scanners import (KeyboardScanner, KeyEvent, Scan, ScannerReader, Typed, WrongThread,
                                  open_scanner, parse_scanner_uri)
from app.devices.uri import DeviceUriError
from scanners_helpers import FakeClock, WedgeScanner


@pytest.mark.parametrize("uri,part", [
    ("", "empty"),
    ("tcp://10.0.0.5:9100", "cannot use 'tcp'"),
    ("sim://", "cannot use 'sim'"),
    ("bluetooth:AA", "unknown scheme 'bluetooth'"),
    ("keyboard?speed=9", "unknown scanner parameter 'speed'"),
    ("keyboard?baud=9600", "baud= does not apply to keyboard"),
    ("keyboard?suffix=esc", "suffix='esc'"),
    ("serial:/dev/ttyACM0?suffix=enter", "suffix='enter'"),
    ("serial:/dev/ttyACM0?baud=12345", "baud=12345"),
    ("serial:/dev/ttyACM0?baud=fast", "baud='fast'"),
    ("serial:", "no port"),
    ("hid://0c2e", "VID:PID"),
    ("hid://zz:0b8f", "VID:PID"),
    ("hid://0c2e:0b8f?suffix=cr", "suffix= does not apply to hid"),
    ("hid:0c2e:0b8f", "'hid://'"),
])
def test_bad_scanner_uris_name_the_part(uri, part):
    with pytest.raises(DeviceUriError, match=re.escape(part)):
        open_scanner(uri, on_scan=print)


@pytest.mark.parametrize("uri,scheme", [
    ("keyboard", "keyboard"), ("keyboard?suffix=tab", "keyboard"), ("keyboard?suffix=crlf", "keyboard"),
    ("serial:COM3", "serial"), ("serial:/dev/ttyACM0?baud=115200&suffix=cr", "serial"),
    ("hid://0c2e:0b8f", "hid"),
])
def test_good_scanner_uris(uri, scheme):
    assert parse_scanner_uri(uri).scheme == scheme


def test_handles_by_scheme():
    keyboard = open_scanner("keyboard?suffix=tab", on_scan=print)
    assert isinstance(keyboard, KeyboardScanner) and keyboard.decoder.suffix == "tab"
    assert open_scanner("keyboard?suffix=cr", on_scan=print).decoder.suffix == "enter"
    serial = open_scanner("serial:COM7", on_scan=print)  # not started: nothing is opened
    assert isinstance(serial, ScannerReader) and (serial.source, serial.port, serial.state) == ("serial", "COM7", "idle")


def test_keyboard_handle_feeds_scans_to_the_callback_and_returns_typing():
    scans, states = [], []
    clock = FakeClock()
    scanner = open_scanner("keyboard", on_scan=scans.append, on_state=states.append, clock=clock, scan_codes="x11")
    event = KeyEvent(text="a", key="A", native_scan_code=38, timestamp=clock.advance(1))
    assert scanner.feed(event).held is False  # not started: keys go where they were going
    with scanner:
        for event in WedgeScanner().events("OZN123", clock):
            scanner.feed(event)
        assert scans == [Scan("OZN123", "keyboard")]
        scanner.feed(KeyEvent(text="x", key="X", native_scan_code=53, timestamp=clock.advance(1)))
        assert scanner.poll(scanner.next_deadline()) == [Typed((KeyEvent(text="x", key="X", native_scan_code=53,
                                                                          timestamp=clock.now),))]
    assert states == ["connected", "stopped"]


def test_keyboard_handle_is_owned_by_the_thread_that_feeds_it():
    scanner = open_scanner("keyboard", on_scan=print).start()
    scanner.feed(KeyEvent(text="1", key="1", timestamp=1.0))
    errors = []

    def other():
        try:
            scanner.feed(KeyEvent(text="2", key="2", timestamp=1.01))
        except WrongThread as exc:
            errors.append(exc)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join(5)
    assert len(errors) == 1


def test_keyboard_handle_gives_back_held_keys_on_reset_and_holds_none_once_stopped():
    clock = FakeClock()
    scanner = open_scanner("keyboard", on_scan=print, clock=clock).start()
    scanner.feed(KeyEvent(text="4", key="4", timestamp=clock.advance(1)))
    assert [t.text for t in scanner.reset()] == ["4"]
    assert scanner.next_deadline() is None
    scanner.stop()
    assert scanner.feed(KeyEvent(text="5", key="5", timestamp=clock.advance(1))).held is False
