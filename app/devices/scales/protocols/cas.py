"""CAS PD-II (POS mode), 9600 7E1: ``W`` -> ASCII weight with ``.`` ending CR (or ETX in
the STX/ETX "ECR type 2" mode), kilograms. A ``?`` + status reply is read like Toledo 8217's."""
from __future__ import annotations

from ..reading import Reading
from .base import ScaleProtocol
from .framing import LineSplitter
from .toledo8217 import parse_status, parse_weight_text

STX = b"\x02"
POLL = b"W"
ZERO = b"Z"
TARE = b"T"


def splitter() -> LineSplitter:
    return LineSplitter(b"\r\n\x03", max_len=32)


def parse(frame: bytes) -> Reading:
    body = frame.lstrip(STX)
    if body.startswith(b"?") and len(body) == 2:
        return parse_status(frame, body[1])
    try:
        return parse_weight_text(frame, body.decode("ascii"))
    except UnicodeDecodeError:
        return Reading.invalid(frame, "not ASCII")


PROTOCOL = ScaleProtocol(
    name="cas", title="CAS PD-II", parse=parse, new_splitter=splitter,
    poll=POLL, zero=ZERO, tare=TARE, baud=9600, framing="7E1",
)
