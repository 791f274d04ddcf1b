"""Barcode scanners: keyboard wedge (a pure key decoder fed by the UI), serial (USB-COM/RS-232)
and HID POS (hidapi), all delivering ``Scan(code, source, symbology)`` with GS (0x1D) intact.

    scanner = open_scanner("serial:/dev/ttyACM0?suffix=cr", on_scan=station.scanned).start()
    ...
    scanner.stop()

For ``keyboard`` the UI's event filter converts each QKeyEvent into a ``KeyEvent`` and calls
``scanner.feed(event)``; keys that turn out to be typing come back as ``Typed`` to re-send.
"""
from .errors import BadScan, ScannerError, ScannerUnavailable, WrongThread
from .factory import ScannerHandle, open_scanner, parse_scanner_uri
from .gs1 import GS, restore_gs
from .hidpos import HidPosFramer, Packet, parse_report
from .keyboard import KeyboardScanner
from .keys import KeyEvent, Mod
from .lines import LineFramer
from .reader import ScannerReader
from .scan import Scan, make_scan, normalize_scan
from .wedge import Typed, WedgeDecoder, WedgeResult

__all__ = [
    "GS", "BadScan", "HidPosFramer", "KeyEvent", "KeyboardScanner", "LineFramer", "Mod", "Packet", "Scan",
    "ScannerError", "ScannerHandle", "ScannerReader", "ScannerUnavailable", "Typed", "WedgeDecoder",
    "WedgeResult", "WrongThread", "make_scan", "normalize_scan", "open_scanner", "parse_report",
    "parse_scanner_uri", "restore_gs",
]
