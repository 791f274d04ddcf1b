"""Massa-K "Protocol 100" (RS-232, USB-COM, Ethernet TCP port 5001).

Frame: ``F8 55 CE`` + body length (u16 LE) + body (command + data) + CRC16 (u16 LE, body only).
``CMD_GET_MASSA`` 0x23 -> ``CMD_ACK_MASSA`` 0x24: weight i32 LE, division (0 = 0.1 g, 1 = 1 g,
2 = 10 g, 3 = 100 g, 4 = 1 kg), stable, net, zero flags, optional tare i32. 0x28 error,
0xF0 NACK. The CRC is the non-augmented CCITT form (polynomial 0x1021, start 0): the
remainder of the body itself, so a one-byte body's CRC is that byte.
"""
from __future__ import annotations

from ..reading import Reading
from .base import ScaleProtocol
from .framing import HeaderLengthSplitter

HEADER = b"\xF8\x55\xCE"
CMD_GET_MASSA, CMD_ACK_MASSA, CMD_ERROR, CMD_NACK = 0x23, 0x24, 0x28, 0xF0
CMD_SET_ZERO = 0x72
MAX_BODY = 1024
DIVISION_GRAMS = {0: 0.1, 1: 1.0, 2: 10.0, 3: 100.0, 4: 1000.0}


def crc16(body: bytes) -> int:
    crc = 0
    for byte in body:
        acc, top = 0, (crc >> 8) << 8
        for _ in range(8):
            acc = ((acc << 1) ^ 0x1021) if (top ^ acc) & 0x8000 else acc << 1
            top <<= 1
        crc = (acc ^ (crc << 8) ^ byte) & 0xFFFF
    return crc


def frame(body: bytes) -> bytes:
    return HEADER + len(body).to_bytes(2, "little") + body + crc16(body).to_bytes(2, "little")


POLL = frame(bytes([CMD_GET_MASSA]))  # F8 55 CE 01 00 23 23 00
ZERO = frame(bytes([CMD_SET_ZERO]))


def _frame_len(buf: bytes) -> int | None:
    if len(buf) < 5:
        return None
    length = int.from_bytes(buf[3:5], "little")
    return 0 if not 0 < length <= MAX_BODY else 5 + length + 2


def splitter() -> HeaderLengthSplitter:
    return HeaderLengthSplitter(HEADER, _frame_len)


def parse(data: bytes) -> Reading | None:
    if len(data) < 8 or not data.startswith(HEADER):
        return Reading.invalid(data, "not a Massa-K frame")
    length = int.from_bytes(data[3:5], "little")
    body, tail = data[5:5 + length], data[5 + length:]
    if len(body) != length or len(tail) != 2:
        return Reading.invalid(data, "frame length does not match its header")
    got, want = int.from_bytes(tail, "little"), crc16(body)
    if got != want:
        return Reading.invalid(data, f"bad CRC {got:04X}, expected {want:04X}")
    command = body[0]
    if command == CMD_ERROR:
        code = body[1] if len(body) > 1 else -1
        return Reading.invalid(data, f"scale error code 0x{code:02X}")
    if command == CMD_NACK:
        return Reading.invalid(data, "scale refused the command (NACK)")
    if command != CMD_ACK_MASSA:
        return None
    if length not in (9, 13):
        return Reading.invalid(data, f"weight reply of {length} bytes, expected 9 or 13")
    raw_weight = int.from_bytes(body[1:5], "little", signed=True)
    division, stable, net, zero = body[5], body[6], body[7], body[8]
    if division not in DIVISION_GRAMS:
        return Reading.invalid(data, f"unknown division code {division}")
    grams = round(raw_weight * DIVISION_GRAMS[division], 4)
    reading = Reading.weighed(grams, stable=stable == 1, raw=data, detail="net" if net else "")
    if zero and reading.state == "stable" and grams == 0:
        return Reading(0.0, "zero", data)
    return reading


PROTOCOL = ScaleProtocol(
    name="massak100", title="Massa-K Protocol 100", parse=parse, new_splitter=splitter,
    poll=POLL, zero=ZERO, baud=4800, framing="8N1",
)
