"""ZPL graphic field data (^GF, ~DG): plain hex, compressed hex and the :Z64:/:B64: forms.

Compressed hex ("ACS"): a hex digit may be preceded by repeat letters that add up
(G..Y = 1..19, g..z = 20..400); ``,`` fills the rest of the row with 0, ``!`` with 1 bits, ``:``
repeats the previous row. Z64 is base64 of zlib data followed by ``:`` and a CRC-16 (XMODEM
form: poly 0x1021, init 0, = ``binascii.crc_hqx``) of the base64 text in 4 hex digits; checked
against a job Zebra's tools wrote. B64 is the same without zlib.
"""
from __future__ import annotations

import base64
import binascii
import re
import zlib

from app.devices.printers.errors import JobDecodeError


def crc16(text: bytes) -> int:
    return binascii.crc_hqx(text, 0)


# --- encoding --------------------------------------------------------------------------------
def _repeat_letters(count: int) -> str:
    letters = "z" * (count // 400)
    count %= 400
    if count >= 20:
        letters += chr(ord("g") + count // 20 - 1)
        count %= 20
    if count:
        letters += chr(ord("G") + count - 1)
    return letters


_RUN = re.compile(r"([0-9A-F])\1*")


def _compress_row(row: str) -> str:
    stripped = row.rstrip("0")
    tail = "," if len(stripped) < len(row) else ""
    if not tail:
        stripped = row.rstrip("F")
        tail = "!" if len(stripped) < len(row) else ""
    out = []
    for run in _RUN.finditer(stripped):
        n = len(run.group())
        out.append(run.group(1) if n == 1 else _repeat_letters(n) + run.group(1))
    return "".join(out) + tail


def encode_compressed(raw: bytes, bytes_per_row: int) -> str:
    rows = []
    previous = None
    for start in range(0, len(raw), bytes_per_row):
        row = raw[start:start + bytes_per_row].hex().upper()
        rows.append(":" if row == previous else _compress_row(row))
        previous = row
    return "".join(rows)


def encode_hex(raw: bytes) -> str:
    return raw.hex().upper()


def encode_z64(raw: bytes) -> str:
    text = base64.b64encode(zlib.compress(raw, 9))
    return f":Z64:{text.decode('ascii')}:{crc16(text):04X}"


# --- decoding --------------------------------------------------------------------------------
_TOKEN = re.compile(r"([G-Yg-z]+)([0-9A-Fa-f])|([0-9A-Fa-f]+)|([,!:])|(\s+)|(.)", re.DOTALL)
_PLAIN = re.compile(r"[0-9A-Fa-f\s]*")
_WRAPPED = re.compile(r"\s*:(Z64|B64):([A-Za-z0-9+/=\s]*):([0-9A-Fa-f]{4})\s*$")


def _count(letters: str) -> int:
    return sum(ord(c) - ord("G") + 1 if c <= "Y" else (ord(c) - ord("g") + 1) * 20 for c in letters)


def _decode_ascii(text: str, bytes_per_row: int) -> bytes:
    row_len = bytes_per_row * 2
    rows: list[str] = []
    current: list[str] = []
    filled = 0
    for match in _TOKEN.finditer(text):
        letters, digit, digits, mark, space, other = match.groups()
        if space:
            continue
        if other is not None:
            raise JobDecodeError(f"ZPL graphic data has an unexpected {other!r}")
        if digit is not None or digits is not None:
            chunk = digits.upper() if digits is not None else digit.upper() * _count(letters)
            current.append(chunk)
            filled += len(chunk)
            while filled >= row_len:  # a run may spill into the next row
                joined = "".join(current)
                rows.append(joined[:row_len])
                current, filled = [joined[row_len:]], filled - row_len
            continue
        if mark == ":":
            if filled:
                raise JobDecodeError("ZPL graphic data repeats a row (':') in the middle of a row")
            rows.append(rows[-1] if rows else "0" * row_len)
        else:
            rows.append("".join(current) + ("0" if mark == "," else "F") * (row_len - filled))
            current, filled = [], 0
    if filled:
        rows.append("".join(current).ljust(row_len, "0"))
    return bytes.fromhex("".join(rows))


def _decode_wrapped(kind: str, body: str, crc_text: str) -> bytes:
    text = re.sub(r"\s+", "", body).encode("ascii")
    if crc16(text) != int(crc_text, 16):
        raise JobDecodeError(f"ZPL :{kind}: data fails its CRC ({crc16(text):04X} != {crc_text.upper()})")
    try:
        raw = base64.b64decode(text, validate=True)
        return zlib.decompress(raw) if kind == "Z64" else raw
    except (binascii.Error, zlib.error) as exc:
        raise JobDecodeError(f"ZPL :{kind}: data is damaged: {exc}") from None


def decode_field(text: str, bytes_per_row: int, total: int) -> bytes:
    """Raw rows (1 bit = black) of a graphic field's data in any ASCII form, ``total`` bytes long.

    Short data is padded with white and extra data dropped, as the printer does.
    """
    if bytes_per_row < 1 or total < bytes_per_row:
        raise JobDecodeError(f"ZPL graphic with {total} bytes in rows of {bytes_per_row} bytes")
    wrapped = _WRAPPED.match(text)
    if wrapped:
        raw = _decode_wrapped(*wrapped.groups())
    elif _PLAIN.fullmatch(text):
        digits = re.sub(r"\s+", "", text)
        raw = bytes.fromhex(digits + "0" * (len(digits) % 2))
    else:
        raw = _decode_ascii(text, bytes_per_row)
    return raw[:total].ljust(total, b"\0")
