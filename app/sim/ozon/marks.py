"""Chestny ZNAK marking codes as the simulated registry knows them: signed samples and the check.

The registry "issued" a code when its verification tail is the simulator's signature of GTIN +
serial (an HMAC; the real registry checks a cryptographic tail too), so the demo's sample sheet
holds codes Ozon accepts, while a well-formed code someone made up passes every format check
and still fails at the registry (``MARK_NOT_FOUND``), as it would on Ozon.

Error codes: Ozon does not document the meanings of a mark's ``error_codes``; these names are the
simulator's own.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import string

from app.services.marks import identifiers

GS = "\x1d"
SECRET = b"packdesk-sim-chestny-znak"
_CSET82 = frozenset(string.ascii_letters + string.digits + "!\"%&'()*+,-./:;<=>?_")
_SERIAL_CHARS = string.ascii_letters + string.digits
_HEAD = re.compile(r"01(\d{14})21(.+)")

MARK_FORMAT_INVALID = "MARK_FORMAT_INVALID"     # not a Chestny ZNAK code at all
MARK_GTIN_MISMATCH = "MARK_GTIN_MISMATCH"       # the code is of another product
MARK_ALREADY_USED = "MARK_ALREADY_USED"         # handed over with another posting
MARK_NOT_FOUND = "MARK_NOT_FOUND"               # the registry never issued it (tail does not verify)
IMEI_INVALID = "IMEI_INVALID"                   # not 15 digits with a valid Luhn check digit
JW_UIN_INVALID = "JW_UIN_INVALID"               # not the 16 digits of a jewellery UIN


def gtin_of(ean13: str) -> str:
    return "0" + ean13


def _signature(gtin: str, serial: str) -> str:
    digest = hmac.new(SECRET, f"{gtin}/{serial}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")  # 44 characters


def sample_mark(ean13: str, number: int) -> str:
    """The ``number``-th code the registry issued for the product with this EAN-13 (long format:
    serial of 13, key 91, tail 92 of 44)."""
    gtin = gtin_of(ean13)
    seed = hashlib.sha256(f"{gtin}:{number}".encode()).digest()
    serial = "".join(_SERIAL_CHARS[b % len(_SERIAL_CHARS)] for b in seed[:13])
    return f"01{gtin}21{serial}{GS}91EE07{GS}92{_signature(gtin, serial)}"


def split(mark: str) -> tuple[str, str, dict[str, str]] | None:
    """(GTIN, serial, tail fields) of a well-formed code, else None."""
    fields = mark.split(GS)
    head = _HEAD.fullmatch(fields[0])
    if head is None:
        return None
    gtin, serial = head.groups()
    tail = {f[:2]: f[2:] for f in fields[1:] if len(f) > 2}
    if not 1 <= len(serial) <= 20 or not set(serial) <= _CSET82:
        return None
    if "93" in tail:
        if len(tail["93"]) != 4:
            return None
    elif not ("91" in tail and len(tail["91"]) == 4 and len(tail.get("92", "")) in (44, 88)):
        return None
    return gtin, serial, tail


def format_errors(mark: str) -> list[str]:
    """What ``validate`` says of one code (format only)."""
    return [] if split(mark) is not None else [MARK_FORMAT_INVALID]


def registry_errors(mark: str, gtins: set[str]) -> list[str]:
    """The registry's verdict on a code for a product known under ``gtins`` (ownership aside)."""
    parts = split(mark)
    if parts is None:
        return [MARK_FORMAT_INVALID]
    gtin, serial, tail = parts
    if gtin not in gtins:
        return [MARK_GTIN_MISMATCH]
    signature = _signature(gtin, serial)
    if tail.get("92", tail.get("93")) != (signature if "92" in tail else signature[:4]):
        return [MARK_NOT_FOUND]
    return []


def demo_sheet(world, postings: int = 10) -> list[tuple[str, list[tuple[str, str]]]]:
    """What the demo's sample sheet holds: for the first marked postings awaiting packaging, a code the
    registry issued for each marked unit; then codes to meet a refusal with (a forged one Ozon's
    registry refuses, one of another product). Sections ``(title, [(label, code), ...])``."""
    sections, issued = [], {}
    with world.lock:
        for number in world.posting_numbers("awaiting_packaging"):
            posting = world.get(number)
            lines = [x for x in posting.lines if world.needs_mark.get(x.sku)]
            if not lines:
                continue
            entries = []
            for line in lines:
                product = world.product_by_sku[line.sku]
                for unit in range(line.quantity):
                    issued[line.sku] = issued.get(line.sku, 0) + 1
                    entries.append((f"{product.name} {unit + 1}/{line.quantity}",
                                    sample_mark(product.barcodes[0], 500 + issued[line.sku])))
            sections.append((number, entries))
            if len(sections) == postings:
                break
        if sections:
            label, good = sections[0][1][0]
            forged = good[: -len(good.split(GS)[-1]) + 2] + "A" * 43 + "="
            stranger = next(p for p in world.products if not world.needs_mark.get(p.sku))
            sections.append(("try", [(f"{label}: refused by Ozon", forged),
                                     (f"{stranger.name}: another product", sample_mark(stranger.barcodes[0], 1))]))
    return sections


def imei_errors(imei: str) -> list[str]:
    """An IMEI is 15 digits, the last a Luhn check digit over the first 14."""
    return [] if identifiers.check_imei(imei).valid and imei.isdigit() else [IMEI_INVALID]


def jw_uin_errors(uin: str) -> list[str]:
    """A jewellery UIN (GIIS DMDK) is 16 digits."""
    return [] if identifiers.check_jw_uin(uin).valid and uin.isdigit() else [JW_UIN_INVALID]


def customs_ok(kind: str, number: str) -> bool:
    """A GTD (``NNNNNNNN/DDMMYY/NNNNNNN``) or an RNPT (the same and ``/NNN``) as Ozon takes it."""
    checked = identifiers.check(kind, number)
    return checked.valid and checked.value == number
