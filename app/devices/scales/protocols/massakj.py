"""Massa-K older "J" protocol (MK/VK series), 4800 8E1.

The host sends ``J`` (0x4A); the scale answers 5 bytes: status (0x80/0xC0 settled, 0x00
still measuring), division code (0 = 1 g, 1 = 0.1 g, 4 = 10 g, 5 = 100 g), and the weight
as 3 bytes little-endian whose last byte's bit 7 is the sign. Read from a public driver,
not from Massa-K's manual: verify on a device.
"""
from __future__ import annotations

from ..reading import Reading
from .base import ScaleProtocol
from .framing import FixedSplitter

POLL = b"J"
FRAME_SIZE = 5
SETTLED_STATUS, MEASURING_STATUS = (0x80, 0xC0), 0x00
STATUSES = (*SETTLED_STATUS, MEASURING_STATUS)
DIVISION_GRAMS = {0: 1.0, 1: 0.1, 4: 10.0, 5: 100.0}


def splitter() -> FixedSplitter:
    return FixedSplitter(FRAME_SIZE, lambda first: first in STATUSES)


def parse(frame: bytes) -> Reading:
    if len(frame) != FRAME_SIZE or frame[0] not in STATUSES:
        return Reading.invalid(frame, "not a Massa-K J reply")
    if frame[1] not in DIVISION_GRAMS:
        return Reading.invalid(frame, f"unknown division code {frame[1]}")
    magnitude = frame[2] | frame[3] << 8 | (frame[4] & 0x7F) << 16
    grams = round(magnitude * DIVISION_GRAMS[frame[1]], 4)
    if frame[4] & 0x80:
        grams = -grams
    return Reading.weighed(grams, stable=frame[0] in SETTLED_STATUS, raw=frame)


PROTOCOL = ScaleProtocol(
    name="massakj", title="Massa-K J protocol", parse=parse, new_splitter=splitter,
    poll=POLL, baud=4800, framing="8E1",
)
