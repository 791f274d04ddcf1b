"""Chestny ZNAK marking codes (GS1 DataMatrix element strings), parsed and checked (pure).

Layouts seen at benches (devices-notes §1.4)::

    01 GTIN(14) 21 serial GS 91 key(4) GS 92 crypto(44|88)     (long: shoes, clothes, perfume...)
    01 GTIN(14) 21 serial GS 93 crypto(4)                      (short: water, dairy...)

A keyboard-wedge scanner may lose the GS separators; for the long layout (serial of 13) they
are put back. The GTIN identifies the product: GTIN-14 ``0`` + EAN-13 (or ``00`` + UPC-A).
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass

GS = "\x1d"
CRYPTO_LENS = (44, 88)  # AI 92 (verification code) lengths
_CSET82 = frozenset(string.ascii_letters + string.digits + "!\"%&'()*+,-./:;<=>?_")
_LONG_NO_GS = re.compile(r"01(\d{14})21([!-~]{13})91([0-9A-Za-z]{4})92([A-Za-z0-9+/=]{44}|[A-Za-z0-9+/=]{88})")
_START = re.compile(r"01\d{14}21")


@dataclass(frozen=True)
class Mark:
    code: str  # as stored: GS separators kept
    gtin: str
    serial: str
    problem: str | None = None  # None: passes the checks

    @property
    def valid(self) -> bool:
        return self.problem is None

    def barcodes(self) -> list[str]:
        """Item barcodes the GTIN may be known under: GTIN-14, EAN-13, UPC-A."""
        found = [self.gtin]
        if self.gtin.startswith("0"):
            found.append(self.gtin[1:])
        if self.gtin.startswith("00"):
            found.append(self.gtin[2:])
        return found


def looks_like_mark(text: str) -> bool:
    """Starts like a marking code: ``01`` + 14 digits + ``21`` and more, or anything with GS."""
    return bool(_START.match(text)) and len(text) > 18 or (GS in text and text.startswith("01"))


def parse(text: str) -> Mark:
    """Split and check a marking code; ``problem`` says what is wrong (never raises)."""
    match = _LONG_NO_GS.fullmatch(text) if GS not in text else None
    if match:  # the wedge lost the separators; the long layout's lengths are fixed
        gtin, serial, key, crypto = match.groups()
        text = f"01{gtin}21{serial}{GS}91{key}{GS}92{crypto}"
    fields = text.split(GS)
    head = fields[0]
    gtin = head[2:16] if head.startswith("01") else ""
    if not (head.startswith("01") and len(gtin) == 14 and gtin.isdigit()):
        return Mark(text, gtin, "", "no GTIN (AI 01) at the start")
    if head[16:18] != "21":
        return Mark(text, gtin, "", "no serial number (AI 21) after the GTIN")
    serial = head[18:]
    if not _gtin_ok(gtin):
        return Mark(text, gtin, serial, "the GTIN's check digit is wrong")
    if not serial or not set(serial) <= _CSET82:
        return Mark(text, gtin, serial, "the serial number is empty or has characters GS1 does not allow")
    tail = {f[:2]: f[2:] for f in fields[1:] if f}
    if len(fields) == 1:
        return Mark(text, gtin, serial, "no verification key (AI 91/92 or 93): the code is cut short")
    if "93" in tail:
        if not tail["93"] or not tail["93"].isascii():
            return Mark(text, gtin, serial, "the verification code (AI 93) is empty")
    elif "91" in tail and "92" in tail:
        if len(tail["91"]) != 4 or len(tail["92"]) not in CRYPTO_LENS:
            return Mark(text, gtin, serial, "the verification key (AI 91/92) has the wrong length")
    else:
        return Mark(text, gtin, serial, "no verification key (AI 91/92 or 93)")
    return Mark(text, gtin, serial)


def _gtin_ok(gtin: str) -> bool:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(gtin[:13]))
    return (10 - total % 10) % 10 == int(gtin[13])


SERIAL_SHOWN = 4  # the serial's last characters a masked code keeps


def mask_mark(code: str) -> str:
    """A marking code as screens, videos and documents show it: the GTIN and the last characters
    of the serial; the rest of the serial and the verification key (AI 91/92/93) never appear.
    ``(01)04601234567893(21)…Xy7Q``. A code that does not parse cleanly shows no serial at all (where
    its serial ends is unknown: it may run into the key), and one with no readable GTIN only ``…``."""
    mark = parse(code)
    return mask_parts(mark.gtin, mark.serial if mark.valid else "")


def mask_parts(gtin: str, serial: str) -> str:
    """``mask_mark`` of a code already split (a checked mark's GTIN and serial)."""
    if len(gtin) == 14 and gtin.isdigit():
        shown = serial[-SERIAL_SHOWN:] if len(serial) > SERIAL_SHOWN else ""
        return f"(01){gtin}(21)…{shown}"
    return "…"
