"""USB HID POS scales (usage page 0x8D): 6-byte input reports, e.g. Dymo M10 ``03 04 0B FF 31 00``.

Byte 0 report ID (3, some scales 4), 1 status, 2 unit, 3 signed power of ten, 4-5 weight
u16 little-endian. A negative weight is status 5 with a positive magnitude.
"""
from __future__ import annotations

from ..reading import Reading, to_grams
from .base import ScaleProtocol
from .framing import FixedSplitter

REPORT_SIZE = 6
REPORT_IDS = (0x03, 0x04)
ZERO = bytes([0x02, 0x02])  # output report 2, bit 1 = zero the scale

UNITS = {1: "mg", 2: "g", 3: "kg", 4: "ct", 6: "gr", 7: "dwt", 8: "t", 9: "ton", 10: "ozt", 11: "oz", 12: "lb"}
FAULTS = {1: "scale fault", 7: "scale needs calibration", 8: "scale needs re-zeroing"}


def splitter() -> FixedSplitter:
    return FixedSplitter(REPORT_SIZE, lambda first: first in REPORT_IDS)


def parse(frame: bytes) -> Reading:
    if len(frame) != REPORT_SIZE or frame[0] not in REPORT_IDS:
        return Reading.invalid(frame, f"not a {REPORT_SIZE}-byte HID POS scale report")
    status, unit_code, exponent = frame[1], frame[2], int.from_bytes(frame[3:4], "little", signed=True)
    if status in FAULTS:
        return Reading.invalid(frame, FAULTS[status])
    if status == 6:
        return Reading.overload(frame)
    if status not in (2, 3, 4, 5):
        return Reading.invalid(frame, f"unknown status {status}")
    unit = UNITS.get(unit_code)
    if unit is None:
        return Reading.invalid(frame, f"unsupported unit code {unit_code}")
    grams = to_grams(int.from_bytes(frame[4:6], "little") * 10.0 ** exponent, unit)
    if status == 2:
        return Reading(0.0, "zero", frame)
    if status == 5:
        return Reading.weighed(-abs(grams), stable=True, raw=frame)
    return Reading.weighed(grams, stable=status == 4, raw=frame)


PROTOCOL = ScaleProtocol(
    name="hidpos", title="USB HID POS scale", parse=parse, new_splitter=splitter,
    zero=ZERO, skip_first=1, quiet_when_still=True,
)
