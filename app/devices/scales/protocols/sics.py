"""Mettler Toledo MT-SICS: ASCII commands and replies ending CR LF.

``SI`` (weight now) answers ``S S     100.00 g`` (stable) or ``S D ...`` (dynamic);
``S I`` busy, ``S +`` overload, ``S -`` underload; ``ES``/``ET``/``EL`` are whole-line errors.
"""
from __future__ import annotations

import re

from ..reading import Reading, UnknownUnit, to_grams
from .base import ScaleProtocol
from .framing import LineSplitter

POLL = b"SI\r\n"
ZERO = b"Z\r\n"
TARE = b"T\r\n"

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_COMMAND_REPLY = re.compile(r"^(@|[A-Z][A-Z0-9]{0,3})$")  # Z, T, TAC, I4 ... replies to other commands
LINE_ERRORS = {"ES": "syntax error", "ET": "transmission error", "EL": "logical error"}


def splitter() -> LineSplitter:
    return LineSplitter(b"\r\n", max_len=64)


def parse(frame: bytes) -> Reading | None:
    try:
        fields = frame.decode("ascii").split()
    except UnicodeDecodeError:
        return Reading.invalid(frame, "not ASCII")
    if not fields:
        return Reading.invalid(frame, "empty line")
    if fields[0] in LINE_ERRORS:
        return Reading.invalid(frame, f"scale reports {LINE_ERRORS[fields[0]]}")
    if fields[0] not in ("S", "SI"):
        if _COMMAND_REPLY.match(fields[0]):
            return None  # replies to other commands: Z A, T S ..., I4 A ...
        return Reading.invalid(frame, "not an MT-SICS reply")
    status = fields[1] if len(fields) > 1 else ""
    if status == "I":
        return Reading.invalid(frame, "scale busy (command not executable now)")
    if status == "+":
        return Reading.overload(frame)
    if status == "-":
        return Reading(0.0, "negative", frame, "underload")
    if status not in ("S", "D") or len(fields) != 4 or not _NUMBER.match(fields[2]):
        return Reading.invalid(frame, "unexpected weight reply")
    try:
        grams = to_grams(float(fields[2]), fields[3])
    except (ValueError, UnknownUnit) as exc:
        return Reading.invalid(frame, str(exc))
    return Reading.weighed(grams, stable=status == "S", raw=frame)


PROTOCOL = ScaleProtocol(
    name="sics", title="Mettler Toledo MT-SICS", parse=parse, new_splitter=splitter,
    poll=POLL, zero=ZERO, tare=TARE, baud=9600, framing="8N1",
)
