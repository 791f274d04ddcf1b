"""``open_scanner``: a scanner URI (CONTRACT.md) -> a handle.

    keyboard[?suffix=enter|tab|none]          a keyboard-wedge scanner, fed by the UI's event filter
    serial:PORT[?baud=9600&suffix=auto|cr|lf|crlf|tab|none]   USB-COM (CDC-ACM) or RS-232
    hid://VID:PID                              HID POS mode (usage page 0x8C)
"""
from __future__ import annotations

from functools import partial
from typing import Callable, Protocol, Self

from ..common.serial_port import SerialTransport
from ..uri import DeviceUri, DeviceUriError, parse_device_uri
from .hid_device import ScannerHidTransport, load_hidapi
from .hidpos import HidPosFramer
from .keyboard import KeyboardScanner
from .lines import LineFramer
from .reader import ScannerReader
from .scan import Scan

SCHEMES = {"keyboard", "serial", "hid"}
PARAMS = {"baud", "suffix"}
_PARAMS_BY_SCHEME = {"keyboard": {"suffix"}, "serial": {"baud", "suffix"}, "hid": set()}
BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
DEFAULT_BAUD = 9600
# keyboard scanners end a code with a key: Enter whatever the scanner's CR/LF/CRLF setting says
KEYBOARD_SUFFIXES = {"enter": "enter", "cr": "enter", "lf": "enter", "crlf": "enter", "tab": "tab", "none": "none"}
SERIAL_SUFFIXES = ("auto", "cr", "lf", "crlf", "tab", "none")


class ScannerHandle(Protocol):
    source: str  # "keyboard" | "serial" | "hid"
    port: str  # "keyboard", "/dev/ttyACM0", "COM3", "0c2e:0b8f"

    def start(self) -> Self: ...

    def stop(self, timeout: float = 3.0) -> None: ...

    @property
    def state(self) -> str: ...


def _check(uri: DeviceUri) -> None:
    uri.require(schemes=SCHEMES, params=PARAMS, kind="scanner")
    extra = sorted(set(uri.params) - _PARAMS_BY_SCHEME[uri.scheme])
    if extra:
        raise DeviceUriError("uri_scanner_param_not_here", uri=repr(uri.text), param=extra[0], scheme=uri.scheme)


def parse_scanner_uri(text: str) -> DeviceUri:
    """Validate a scanner URI (shape, scheme, parameters and their values); raises DeviceUriError."""
    uri = parse_device_uri(text)
    _check(uri)
    if uri.scheme == "keyboard":
        uri.choice("suffix", tuple(KEYBOARD_SUFFIXES), "enter")
    elif uri.scheme == "serial":
        uri.choice("suffix", SERIAL_SUFFIXES, "auto")
        uri.integer("baud", DEFAULT_BAUD, allowed=BAUDS)
    else:
        uri.vid_pid()
    return uri


def open_scanner(uri_text: str, *, on_scan: Callable[[Scan], None], on_state: Callable[[str], None] | None = None,
                 **options) -> ScannerHandle:
    """A handle for a scanner URI, not started yet (``.start()`` or ``with``).

    ``keyboard`` gives a ``KeyboardScanner`` (``options`` go to ``WedgeDecoder``: clock, burst_gap,
    ...); ``serial:``/``hid://`` give a ``ScannerReader`` with its own I/O thread (``options``:
    backoff). Raises DeviceUriError naming the wrong part, or ScannerUnavailable (no hidapi).
    """
    uri = parse_scanner_uri(uri_text)
    if uri.scheme == "keyboard":
        suffix = KEYBOARD_SUFFIXES[uri.choice("suffix", tuple(KEYBOARD_SUFFIXES), "enter")]
        return KeyboardScanner(on_scan=on_scan, on_state=on_state, suffix=suffix, **options)
    if uri.scheme == "serial":
        baud = uri.integer("baud", DEFAULT_BAUD, allowed=BAUDS)
        make_transport = partial(SerialTransport, uri.target, baud=baud)
        make_framer = partial(LineFramer, uri.choice("suffix", SERIAL_SUFFIXES, "auto"))
    else:
        load_hidapi()  # fail now, with one clear message, when hidapi is missing
        make_transport = partial(ScannerHidTransport, *uri.vid_pid())
        make_framer = HidPosFramer
    return ScannerReader(make_transport, make_framer, source=uri.scheme, port=uri.target,
                         on_scan=on_scan, on_state=on_state, **options)
