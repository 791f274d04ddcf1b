"""HID POS scanners (usage page 0x8C) through hidapi, loaded lazily: without it ``ScannerUnavailable``."""
from __future__ import annotations

from types import ModuleType

from ..common.hid import HidTransport, find_hidapi
from .errors import ScannerUnavailable
from .hidpos import SCANNER_USAGE_PAGE

MISSING = "HID POS scanners need the hidapi library (pip install hidapi); or use the scanner as keyboard or serial"
HONEYWELL = 0x0C2E
HONEYWELL_HIDPOS_ON = bytes((0xFE, 0x01))  # feature report 0xFE = 01: send scans as HID POS reports


def load_hidapi() -> ModuleType:
    module = find_hidapi()
    if module is None:
        raise ScannerUnavailable(MISSING)
    return module


class ScannerHidTransport(HidTransport):
    """Opens only the HID POS interface (a scanner in keyboard mode is reported, not misread)."""

    def __init__(self, vid: int, pid: int, **kwargs) -> None:
        super().__init__(vid, pid, hid=load_hidapi(), usage_page=SCANNER_USAGE_PAGE, strict=True, **kwargs)

    def _open(self) -> None:
        super()._open()
        if self.vid == HONEYWELL:
            self.send_feature_report(HONEYWELL_HIDPOS_ON)
