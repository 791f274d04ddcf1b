"""A unit's identifiers other than a Chestny ZNAK code, checked as the bench scans or types them (pure).

- ``imei``: a phone's IMEI, 15 digits, the last a Luhn check digit (``stdnum.imei``; an IMEISV of
  16 digits or an IMEI of 14 without its check digit is not what Ozon takes).
- ``jw_uin``: a jewellery item's UIN in the state register of precious metals (GIIS DMDK), 16 digits.
- ``gtd``: a customs declaration number, ``NNNNNNNN/DDMMYY/NNNNNNN`` (customs office, date, number).
- ``rnpt``: a registration number of a batch of traceable goods: the declaration's number and the
  goods' position in it, ``NNNNNNNN/DDMMYY/NNNNNNN/NNN``.

Spaces and dashes between digits (``35-209900-176148-1``) are dropped; a slash typed in the Russian
keyboard layout arrives as a dot and is taken as the slash. ``Checked.reason`` names what is wrong as
a message variant (``length``, ``check_digit``, ``format``, ``date``). None of these is a secret of the
goods like a marking code (an IMEI is printed on the phone's box): the bench shows them in full.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from stdnum import imei as _imei
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError

IMEI, JW_UIN, GTD, RNPT = "imei", "jw_uin", "gtd", "rnpt"
KINDS = (IMEI, JW_UIN, GTD, RNPT)
_SEPARATORS = re.compile(r"(?<=\d)[ -](?=\d)")
_GTD = re.compile(r"(\d{8})/(\d{6})/(\d{7})")
_RNPT = re.compile(r"(\d{8})/(\d{6})/(\d{7})/(\d{3})")


@dataclass(frozen=True)
class Checked:
    kind: str
    value: str               # as it goes to Ozon (separators dropped)
    reason: str | None = None  # None: valid; else length | check_digit | format | date

    @property
    def valid(self) -> bool:
        return self.reason is None


def check(kind: str, text: str) -> Checked:
    """``text`` read as an identifier of ``kind`` (one of ``KINDS``); never raises."""
    return _CHECKS[kind](text.strip())


def check_imei(text: str) -> Checked:
    value = _SEPARATORS.sub("", text)
    if not value.isdigit():
        return Checked(IMEI, value, "format")
    if len(value) != 15:
        return Checked(IMEI, value, "length")
    try:
        _imei.validate(value)
    except InvalidChecksum:
        return Checked(IMEI, value, "check_digit")
    except InvalidLength:
        return Checked(IMEI, value, "length")
    except ValidationError:
        return Checked(IMEI, value, "format")
    return Checked(IMEI, value)


def check_jw_uin(text: str) -> Checked:
    value = _SEPARATORS.sub("", text)
    if not value.isdigit():
        return Checked(JW_UIN, value, "format")
    return Checked(JW_UIN, value, None if len(value) == 16 else "length")


def check_gtd(text: str) -> Checked:
    return _customs(GTD, _GTD, text)


def check_rnpt(text: str) -> Checked:
    return _customs(RNPT, _RNPT, text)


def _customs(kind: str, shape: re.Pattern, text: str) -> Checked:
    value = text.replace(".", "/") if "/" not in text else text
    value = value.replace(" ", "")
    match = shape.fullmatch(value)
    if match is None:
        return Checked(kind, value, "format")
    try:
        datetime.strptime(match.group(2), "%d%m%y")
    except ValueError:
        return Checked(kind, value, "date")
    return Checked(kind, value)


_CHECKS = {IMEI: check_imei, JW_UIN: check_jw_uin, GTD: check_gtd, RNPT: check_rnpt}
