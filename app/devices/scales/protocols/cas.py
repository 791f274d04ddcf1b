"""CAS PD-II (POS mode), 9600 7E1: ``W`` -> ASCII weight with ``.`` ending CR (or ETX in
the STX/ETX "ECR type 2" mode), kilograms. A ``?`` + status reply is read like Toledo 8217's."""
from __future__ import annotations

from .base import ScaleProtocol
from .framing import LineSplitter
from .toledo8217 import POLL, TARE, ZERO, parse  # same commands and replies as Toledo 8217


def splitter() -> LineSplitter:
    return LineSplitter(b"\r\n\x03", max_len=32)


PROTOCOL = ScaleProtocol(
    name="cas", title="CAS PD-II", parse=parse, new_splitter=splitter,
    poll=POLL, zero=ZERO, tare=TARE, baud=9600, framing="7E1",
)
