"""``Scan``, the one thing every scanner kind delivers, and the clean-up all of them apply."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .errors import BadScan
from .gs1 import GS, for_log, restore_gs

SUFFIX_CHARS = "\r\n\t"
SOURCES = ("keyboard", "serial", "hid")


@dataclass(frozen=True)
class Scan:
    code: str  # the data, GS (0x1D) kept between GS1 fields
    source: str  # "keyboard" | "serial" | "hid"
    symbology: str | None = None  # AIM identifier such as "]d2" (GS1 DataMatrix) when the link tells it


def normalize_scan(code: str) -> str:
    """Strip the suffix (CR/LF/Tab) and a leading GS (the symbol's FNC1); keep GS between fields.

    Raises BadScan for an empty code or one with other control characters (a wrong ``suffix=``,
    line noise, a scanner sending a prefix we don't know)."""
    text = code.strip(SUFFIX_CHARS).lstrip(GS)
    if not text:
        raise BadScan("empty scan")
    for at, char in enumerate(text):
        if char != GS and unicodedata.category(char) == "Cc":
            raise BadScan(f"control character U+{ord(char):04X} at position {at} in scan {for_log(text)!r}")
    return text


def decode_bytes(raw: bytes) -> str:
    """Scanner bytes -> text: UTF-8 (QR codes may carry it), else Latin-1 so nothing is lost."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def make_scan(code: str, source: str, symbology: str | None = None) -> Scan:
    """Normalise ``code`` and put back GS separators a long Chestny ZNAK code lost (see ``gs1``)."""
    return Scan(restore_gs(normalize_scan(code)), source, symbology)
