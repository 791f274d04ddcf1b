"""What a scan is, from its text alone (pure; table-tested in tests/test_station_classify.py).

Kinds:

- ``command``: a command barcode, ``CMD:<NAME>[:<ARG>...]`` (case-insensitive), see ``COMMANDS``
  (the packing station's) and ``MODE_COMMANDS`` (the other modes');
- ``posting``: an Ozon posting number, ``\\d{8}-\\d{4}-\\d`` (also with more digits);
- ``own_label``: the QR of the station's own order label, ``PDK:<posting number>`` (``text`` is
  the posting number): the verify-first shelf matches the parcel to its printed Ozon label;
- ``mark``: a Chestny ZNAK marking code (GS1 DataMatrix: ``01`` + GTIN-14 + ``21`` + serial...);
- ``code``: anything else that may be a barcode: an item barcode (EAN-8/13, UPC, ``OZN…``, a taught
  code) or an Ozon label barcode; the station looks it up;
- ``bad``: not a scan at all (empty, control characters, too long, unreadable).

Text typed in the Russian ЙЦУКЕН layout (a keyboard-wedge scanner with the wrong layout active)
is mapped back to the US keys it came from; ``layout_fixed`` says so.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from app.devices.scanners.gs1 import mask
from app.services.station import marking

GS = "\x1d"
MAX_LEN = 200
COMMAND_PREFIX = "CMD:"
# command -> what it does (README/CONTRACT readers: the command barcodes a bench may print)
COMMANDS = {
    "ACK": "acknowledge the error shown; nothing else changes",
    "PARK": "park the open posting (stays claimed, resumable) and free the station",
    "NEXT-BOX": "close the current box and start the next one (one package per box)",
    "OVERRIDE-WEIGHT": "CMD:OVERRIDE-WEIGHT:<supervisor>: accept the last weight despite a mismatch",
    "TEACH": "CMD:TEACH:<supervisor>[:<line>]: link the unknown barcode just scanned to a posting line",
    "CANCEL": "put the open posting back: counted units are dropped, the claim is released",
    "SHORT": "CMD:SHORT[:<reason>]: units of the open posting cannot be found: flag it for a person",
    "LOGIN": "CMD:LOGIN:<badge>: the badge's person signs in at this bench (printed from Settings → People)",
    "LOGOUT": "the person signed in leaves the bench",
}
# command barcodes of the bench's other modes (app.services.modes: the router sends them there)
MODE_COMMANDS = {
    "HANDOVER": "CMD:HANDOVER[:<delivery method id>]: start (or go on with) today's hand-over of a delivery method",
    "HANDOVER-CLOSE": "CMD:HANDOVER-CLOSE[:FORCE:<supervisor>[:<reason>]]: close the hand-over (forced: with "
                      "parcels missing)",
    "RETURN-CLOSE": "CMD:RETURN-CLOSE: close the return open at the bench (its units checked); the bench packs again",
    "RETURN-NOTE": "CMD:RETURN-NOTE:<text>: a condition note on the open return",
    "RETURN-PHOTO": "CMD:RETURN-PHOTO: a photo of the open return (with a camera)",
}
OWN_LABEL_PREFIX = "PDK:"  # app.services.labels.order_label puts it before the posting number

POSTING_RE = re.compile(r"\d{8,}-\d{4,}-\d{1,4}")
_AIM_PREFIX = re.compile(r"\][A-Za-z][0-9A-Za-z]")  # symbology identifier some scanners send first
_TRIM = " \r\n\t"

# Russian ЙЦУКЕН -> the US key under it (lower case, upper case = shifted, and shifted digits)
_RU = "ёйцукенгшщзхъфывапролджэячсмитьбю."
_US = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./"
_RU_SHIFTED = "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,\"№;:?"
_US_SHIFTED = "~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?@#$^&"
_FROM_RU = str.maketrans(_RU + _RU_SHIFTED, _US + _US_SHIFTED)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_PLAUSIBLE = re.compile(r"[A-Za-z0-9%\-:./+_*$]+")  # what a code typed in the wrong layout may come back as


@dataclass(frozen=True)
class Classified:
    kind: str  # command | posting | own_label | mark | code | bad
    text: str  # the cleaned text (layout fixed, trimmed); for ``bad`` a printable excerpt
    command: str | None = None
    args: tuple[str, ...] = ()
    mark: marking.Mark | None = None
    problem: str | None = None  # bad: why; mark: why it is invalid
    layout_fixed: bool = False
    notes: dict = field(default_factory=dict)


def classify(raw: str) -> Classified:
    """Classify one scanner delivery. Never raises for any ``str``."""
    if not isinstance(raw, str):
        return Classified("bad", "", problem="not text")
    if len(raw) > MAX_LEN * 2:  # don't even clean a flood
        return Classified("bad", _excerpt(raw), problem=f"too long ({len(raw)} characters)")
    text = raw.strip(_TRIM)
    if text.startswith(GS):
        text = text.lstrip(GS)  # FNC1 sent as a leading GS
    if _AIM_PREFIX.match(text):
        text = text[3:]
    if not text:
        return Classified("bad", "", problem="empty scan")
    if len(text) > MAX_LEN:
        return Classified("bad", _excerpt(text), problem=f"too long ({len(text)} characters)")
    if not (text.isascii() and text.replace(GS, "").isprintable()):  # else: no control character (the usual)
        for at, char in enumerate(text):
            if char != GS and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
                return Classified("bad", _excerpt(text),
                                  problem=f"control character U+{ord(char):04X} at position {at}")
    layout_fixed = False
    if _CYRILLIC.search(text) and _typed_command(text):
        return _kind(text, False)  # a person's words after a command (CMD:SHORT:коробка порвана)
    if _CYRILLIC.search(text):
        fixed = text.translate(_FROM_RU)
        if marking.looks_like_mark(fixed):  # the layout maps key to key: a code's every character comes back
            return _kind(fixed, True)
        if not _PLAUSIBLE.fullmatch(fixed.replace(GS, "")):
            return Classified("bad", _excerpt(text), problem="text in the Russian keyboard layout")
        text, layout_fixed = fixed, True
    elif not text.isascii():
        return Classified("bad", _excerpt(text), problem="characters no barcode carries")
    return _kind(text, layout_fixed)


def _typed_command(text: str) -> bool:
    """``CMD:<NAME>:...`` with a Latin prefix and name and Cyrillic only in its arguments: a reason or
    a note a person typed. A command barcode read in the Russian layout is Cyrillic from its first
    letter ("СЬВЖ" for "CMD:"), so this never takes one for the other."""
    if text[:len(COMMAND_PREFIX)].upper() != COMMAND_PREFIX:
        return False
    name, colon, _ = text[len(COMMAND_PREFIX):].partition(":")
    return bool(colon) and bool(name) and name.isascii()


def _kind(text: str, layout_fixed: bool) -> Classified:
    upper = text.upper()
    if upper.startswith(COMMAND_PREFIX):
        name, *args = text[len(COMMAND_PREFIX):].split(":")
        name = name.strip().upper()
        if name not in COMMANDS and name not in MODE_COMMANDS:
            return Classified("bad", text, problem=f"unknown command '{name}'", layout_fixed=layout_fixed)
        return Classified("command", text, command=name, args=tuple(a.strip() for a in args if a.strip()),
                          layout_fixed=layout_fixed)
    if POSTING_RE.fullmatch(text):
        return Classified("posting", text, layout_fixed=layout_fixed)
    if upper.startswith(OWN_LABEL_PREFIX):
        number = text[len(OWN_LABEL_PREFIX):].strip()
        if POSTING_RE.fullmatch(number):
            return Classified("own_label", number, layout_fixed=layout_fixed)
        return Classified("bad", _excerpt(text), problem="own label code without a posting number",
                          layout_fixed=layout_fixed)
    if marking.looks_like_mark(text):
        mark = marking.parse(text)
        reason = mark.reason if mark.reason != "format" or not layout_fixed else "layout"
        return Classified("mark", mark.code, mark=mark, problem=mark.problem, layout_fixed=layout_fixed,
                          notes={"reason": reason} if reason else {})
    if GS in text:
        return Classified("bad", _excerpt(text), problem="GS inside a code that is no marking code",
                          layout_fixed=layout_fixed)
    if " " in text.strip():
        return Classified("bad", _excerpt(text), problem="spaces inside a barcode", layout_fixed=layout_fixed)
    notes: dict = {"layout": True} if layout_fixed else {}
    if text.isdigit() and len(text) in (8, 12, 13) and not gs1_check_ok(text):
        notes["check_digit"] = "wrong"  # a misread, or a code someone made up
    return Classified("code", text, layout_fixed=layout_fixed, notes=notes)


def gs1_check_ok(digits: str) -> bool:
    """The GS1 mod-10 check digit (EAN-8, UPC-A, EAN-13, GTIN-14) is right."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    body = digits[-2::-1]  # the digits before the check digit, from the right: weights 3, 1, 3...
    total = 3 * sum(map(int, body[0::2])) + sum(map(int, body[1::2]))
    return (10 - total % 10) % 10 == int(digits[-1])


def looks_like_label(code: str) -> bool:
    """An Ozon label barcode rather than an item barcode (``%101%…`` or a long number that is no
    EAN/UPC/GTIN): worth asking Ozon about when the cache does not know it."""
    if code.startswith("%"):
        return True
    return code.isdigit() and len(code) not in (8, 12, 13, 14) and len(code) >= 10


def _excerpt(text: str, limit: int = 40) -> str:
    """A printable, bounded excerpt for messages and the event log (a marking code: masked)."""
    if marking.looks_like_mark(text.lstrip(GS)):
        return mask(text.lstrip(GS))
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else "?" for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")
