"""Tracking numbers of the carriers an rFBS seller ships with, checked before Ozon gets them (pure;
table-tested in tests/test_handover_tracking_numbers.py; the carriers of issue 13 reuse them).

- Russian Post: a 14-digit domestic number (ШПИ: office index, month code, serial, check digit:
  digits 1, 3, …, 13 weigh 3, the others 1, check = (10 − sum mod 10) mod 10), or a 13-character
  UPU S10 item (2 letters, 8 digits, check digit, 2-letter country: weights 8 6 4 2 3 5 9 7,
  check = 11 − sum mod 11, 10 → 0, 11 → 5);
- CDEK: an order number (``cdek_number``): digits only (9–12; CDEK publishes no check digit);
- any other carrier: a pattern the seller configures (``[handover] tracking_pattern``), by default
  6–40 letters, digits or dashes.

    check(RUSSIAN_POST, "8010 2367 2161 10")  ->  Verdict(True, "80102367216110", "")
"""
from __future__ import annotations

import re
from dataclasses import dataclass

RUSSIAN_POST, CDEK, OTHER = "russian_post", "cdek", "other"
CARRIERS = (RUSSIAN_POST, CDEK, OTHER)
DEFAULT_PATTERN = r"[A-Z0-9-]{6,40}"

_S10 = re.compile(r"([A-Z]{2})(\d{8})(\d)([A-Z]{2})")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_SEPARATORS = re.compile(r"[\s]+")
_NAMES = {RUSSIAN_POST: ("почта", "pochta", "russian post", "russianpost"), CDEK: ("сдэк", "cdek")}


@dataclass(frozen=True)
class Verdict:
    ok: bool
    number: str          # normalised: no spaces, upper case
    problem: str = ""    # why not (English, for the log and the message's detail)


def carrier_of(*names: str | None) -> str:
    """The carrier a delivery method ships with, from its name (or its provider's): Russian Post,
    CDEK, else ``other``."""
    text = " ".join(n for n in names if n).casefold()
    for carrier, words in _NAMES.items():
        if any(word in text for word in words):
            return carrier
    return OTHER


def normalise(text: str) -> str:
    return _SEPARATORS.sub("", text or "").upper()


def russian_post_domestic_ok(digits: str) -> bool:
    if len(digits) != 14 or not digits.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits[:13]))
    return (10 - total % 10) % 10 == int(digits[13])


def upu_s10_ok(code: str) -> bool:
    match = _S10.fullmatch(code)
    if match is None:
        return False
    total = sum(int(d) * w for d, w in zip(match.group(2), _S10_WEIGHTS))
    check = 11 - total % 11
    check = {10: 0, 11: 5}.get(check, check)
    return check == int(match.group(3))


def check(carrier: str, text: str, *, pattern: str | None = None) -> Verdict:
    """Is ``text`` a tracking number ``carrier`` can have? ``pattern``: the regular expression for
    ``other`` carriers (whole match, on the normalised text)."""
    number = normalise(text)
    if not number:
        return Verdict(False, number, "empty")
    if carrier == RUSSIAN_POST:
        if number.isdigit():
            if len(number) != 14:
                return Verdict(False, number, f"a domestic Russian Post number has 14 digits, not {len(number)}")
            if not russian_post_domestic_ok(number):
                return Verdict(False, number, "the check digit is wrong")
            return Verdict(True, number)
        if len(number) != 13 or not _S10.fullmatch(number):
            return Verdict(False, number, "neither 14 digits nor an international S10 number (AA123456789RU)")
        if not upu_s10_ok(number):
            return Verdict(False, number, "the check digit is wrong")
        return Verdict(True, number)
    if carrier == CDEK:
        if not number.isdigit() or not 9 <= len(number) <= 12:
            return Verdict(False, number, "a CDEK order number is 9 to 12 digits")
        return Verdict(True, number)
    try:
        if not re.fullmatch(pattern or DEFAULT_PATTERN, number):
            return Verdict(False, number, f"does not match the pattern {pattern or DEFAULT_PATTERN}")
    except re.error as exc:
        return Verdict(False, number, f"the configured pattern is wrong: {exc}")
    return Verdict(True, number)
