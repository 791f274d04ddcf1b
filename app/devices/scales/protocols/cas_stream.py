"""CAS-style indicators that stream by themselves: ``ST,GS,+  1.234kg`` CR LF.

First field ``ST`` stable, ``US`` unstable, ``OL`` overload; second ``GS`` gross, ``NT`` net
(some add a device number); the last field holds sign, value and unit.
"""
from __future__ import annotations

import re

from ..reading import Reading, to_grams
from .base import ScaleProtocol
from .framing import LineSplitter

_VALUE = re.compile(r"^([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*(kg|lb|g|oz)$", re.IGNORECASE)


def splitter() -> LineSplitter:
    return LineSplitter(b"\r\n", max_len=48)


def parse(frame: bytes) -> Reading:
    try:
        fields = [field.strip() for field in frame.decode("ascii").split(",")]
    except UnicodeDecodeError:
        return Reading.invalid(frame, "not ASCII")
    if len(fields) < 3 or fields[0] not in ("ST", "US", "OL"):
        return Reading.invalid(frame, "not a CAS weight line")
    if fields[0] == "OL":
        return Reading.overload(frame)
    match = _VALUE.match(fields[-1])
    if not match:
        return Reading.invalid(frame, "no weight in line")
    sign, number, unit = match.groups()
    grams = to_grams(float(number), unit)
    detail = "net" if fields[1] == "NT" else ""
    return Reading.weighed(-grams if sign == "-" else grams, stable=fields[0] == "ST", raw=frame, detail=detail)


PROTOCOL = ScaleProtocol(
    name="cas-stream", title="CAS continuous stream", parse=parse, new_splitter=splitter,
    baud=9600, framing="8N1",
)
