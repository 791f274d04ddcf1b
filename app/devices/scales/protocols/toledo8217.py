"""Toledo 8217 (Ariva, Viva and many POS scales), 9600 7E1.

``W`` -> STX + weight with decimal point + CR (``02 "  1.234" 0D``, kilograms unless a unit
follows), or, while no weight can be given, STX ``?`` + status byte + CR. Status bits:
0 in motion, 1 over capacity, 2 under zero, 3 outside zero capture range, 4 centre of zero.
"""
from __future__ import annotations

import re

from ..reading import Reading, to_grams
from .base import ScaleProtocol
from .framing import LineSplitter

STX = b"\x02"
POLL = b"W"
ZERO = b"Z"
TARE = b"T"
CLEAR_TARE = b"C"

MOTION, OVER, UNDER, OUT_OF_ZERO, CENTRE_OF_ZERO = 0x01, 0x02, 0x04, 0x08, 0x10

_WEIGHT = re.compile(r"^([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*(kg|lb|g|oz)?$", re.IGNORECASE)


def splitter() -> LineSplitter:
    return LineSplitter(b"\r\n\x03", start=STX, max_len=32)


def parse_weight_text(frame: bytes, text: str, *, default_unit: str = "kg") -> Reading:
    """Shared with CAS PD-II: a bare ASCII weight means a stable weight."""
    match = _WEIGHT.match(text.strip())
    if not match:
        return Reading.invalid(frame, "no weight in reply")
    sign, number, unit = match.groups()
    grams = to_grams(float(number), unit or default_unit)
    return Reading.weighed(-grams if sign == "-" else grams, stable=True, raw=frame)


def parse_status(frame: bytes, status: int) -> Reading:
    if status & OVER:
        return Reading.overload(frame)
    if status & UNDER:
        return Reading(0.0, "negative", frame, "under zero")
    if status & MOTION:
        return Reading(0.0, "moving", frame, "in motion, no weight given")
    if status & CENTRE_OF_ZERO:
        return Reading(0.0, "zero", frame)
    if status & OUT_OF_ZERO:
        return Reading.invalid(frame, "outside zero capture range")
    return Reading.invalid(frame, f"status 0x{status:02X} without weight")


def parse(frame: bytes) -> Reading:
    body = frame[1:] if frame.startswith(STX) else frame
    if body.startswith(b"?"):
        if len(body) != 2:
            return Reading.invalid(frame, "malformed status reply")
        return parse_status(frame, body[1])
    try:
        return parse_weight_text(frame, body.decode("ascii"))
    except UnicodeDecodeError:
        return Reading.invalid(frame, "not ASCII")


PROTOCOL = ScaleProtocol(
    name="toledo8217", title="Toledo 8217", parse=parse, new_splitter=splitter,
    poll=POLL, zero=ZERO, tare=TARE, baud=9600, framing="7E1",
)
