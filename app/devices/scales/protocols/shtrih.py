"""Shtrih-M scale protocol ("POS2": Shtrih-Slim, Shtrih-Print ...), 4800 8N1 by default.

Host: ENQ; the scale answers NAK when it waits for a command. Command frame STX, LEN
(= data + 1), CMD, DATA, LRC (XOR of LEN, CMD, DATA); the scale ACKs it and replies
STX LEN CMD ERR DATA LRC, which the host ACKs. 0x3A "weight channel state" with the
4-digit ASCII password (default "0030") answers status u16 LE, weight i32 LE in grams,
tare u16. We send ENQ and the command together each poll; stray ACK/NAK bytes are skipped.
"""
from __future__ import annotations

from functools import reduce

from ..reading import Reading
from .base import ScaleProtocol
from .framing import HeaderLengthSplitter

STX, ENQ, ACK, NAK = 0x02, 0x05, 0x06, 0x15
CMD_ZERO, CMD_TARE, CMD_READ_WEIGHT = 0x30, 0x31, 0x3A
PASSWORD = b"0030"

FIXED, STABLE, OVERLOAD, MEASURE_ERROR, UNDERLOAD, ADC_SILENT = 1 << 0, 1 << 4, 1 << 6, 1 << 7, 1 << 8, 1 << 9


def lrc(data: bytes) -> int:
    return reduce(lambda acc, byte: acc ^ byte, data, 0)


def command(cmd: int, data: bytes = b"") -> bytes:
    body = bytes([len(data) + 1, cmd]) + data
    return bytes([STX]) + body + bytes([lrc(body)])


POLL = bytes([ENQ]) + command(CMD_READ_WEIGHT, PASSWORD)
ZERO = bytes([ENQ]) + command(CMD_ZERO, PASSWORD)
TARE = bytes([ENQ]) + command(CMD_TARE, PASSWORD)


def _frame_len(buf: bytes) -> int | None:
    if len(buf) < 2:
        return None
    return 0 if buf[1] == 0 else 2 + buf[1] + 1


def splitter() -> HeaderLengthSplitter:
    return HeaderLengthSplitter(bytes([STX]), _frame_len, skip=frozenset({ACK, NAK}))


def parse(frame: bytes) -> Reading | None:
    if len(frame) < 5 or frame[0] != STX or len(frame) != frame[1] + 3:
        return Reading.invalid(frame, "not a Shtrih-M reply frame")
    body, check = frame[1:-1], frame[-1]
    if lrc(body) != check:
        return Reading.invalid(frame, f"bad LRC {check:02X}, expected {lrc(body):02X}")
    cmd, error = body[1], body[2]
    if cmd != CMD_READ_WEIGHT:
        return None
    if error:
        return Reading.invalid(frame, f"scale error code {error}")
    data = body[3:]
    if len(data) < 8:
        return Reading.invalid(frame, "weight reply too short")
    status = int.from_bytes(data[0:2], "little")
    grams = float(int.from_bytes(data[2:6], "little", signed=True))
    tare = int.from_bytes(data[6:8], "little")
    if status & (MEASURE_ERROR | ADC_SILENT):
        return Reading.invalid(frame, f"scale reports a measuring error (status 0x{status:04X})")
    if status & OVERLOAD:
        return Reading.overload(frame)
    if status & UNDERLOAD:
        return Reading(min(grams, 0.0), "negative", frame, "underload")
    return Reading.weighed(grams, stable=bool(status & STABLE), raw=frame, detail=f"tare {tare} g" if tare else "")


PROTOCOL = ScaleProtocol(
    name="shtrih", title="Shtrih-M POS2", parse=parse, new_splitter=splitter,
    poll=POLL, zero=ZERO, tare=TARE, ack=bytes([ACK]), baud=4800, framing="8N1",
)
