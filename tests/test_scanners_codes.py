"""normalize_scan and GS restoration: pure tables."""
import re

import pytest

from app.devices.scanners import BadScan, make_scan, normalize_scan, restore_gs
from app.devices.scanners.gs1 import gtin_ok, mask
from app.devices.scanners.scan import decode_bytes
from scanners_helpers import CRYPTO44, GS, GTIN, LONG_CODE, SERIAL13

NO_GS = LONG_CODE.replace(GS, "")
CRYPTO88 = (CRYPTO44[:-1] * 2 + "AB")[:87] + "="


@pytest.mark.parametrize("raw,clean", [
    ("4006381333931\r", "4006381333931"),
    ("4006381333931\r\n", "4006381333931"),
    ("\n4006381333931\r", "4006381333931"),  # LF left over from a CRLF scanner read with suffix=cr
    ("OZN123\t", "OZN123"),
    (LONG_CODE + "\r\n", LONG_CODE),  # GS kept
    (GS + LONG_CODE, LONG_CODE),  # a leading GS is the symbol's FNC1
    ("Код 128 ", "Код 128 "),  # spaces and non-ASCII are data
])
def test_normalize_scan(raw, clean):
    assert normalize_scan(raw) == clean


@pytest.mark.parametrize("raw,problem", [
    ("", "empty"), ("\r\n", "empty"), (GS, "empty"),
    ("\x02OZN1\x03", "U+0002 at position 0"),
    ("AB\nCD", "U+000A at position 2"),
    ("ABC\x7f", "U+007F"),
    ("AB\x85C", "U+0085"),
])
def test_normalize_scan_rejects_control_characters(raw, problem):
    with pytest.raises(BadScan, match=re.escape(problem)):
        normalize_scan(raw)


@pytest.mark.parametrize("gtin,ok", [(GTIN, True), ("04601234567893", True), ("04006381333932", False),
                                     ("4006381333931", False), ("0400638133393A", False)])
def test_gtin_check_digit(gtin, ok):
    assert gtin_ok(gtin) is ok


@pytest.mark.parametrize("code,restored", [
    (NO_GS, LONG_CODE),
    (f"01{GTIN}21{SERIAL13}91ee1092{CRYPTO88}", f"01{GTIN}21{SERIAL13}{GS}91ee10{GS}92{CRYPTO88}"),
    (LONG_CODE, LONG_CODE),  # already has GS
    (f"01{GTIN}21{SERIAL13}{GS}91ee1092{CRYPTO44}", f"01{GTIN}21{SERIAL13}{GS}91ee1092{CRYPTO44}"),  # one GS: leave
    (NO_GS[:-1], NO_GS[:-1]),  # 82 chars
    (NO_GS[:37] + "93" + NO_GS[39:], None),  # AI 93 where 92 belongs
    (f"01{GTIN}21{SERIAL13[:6]}93abcd", None),  # short format: ambiguous
    (NO_GS.replace("04006381333931", "04006381333932"), None),  # bad GTIN check digit
    (NO_GS[:20] + "é" + NO_GS[21:], None),  # a serial character outside GS1 set 82
    ("4006381333931", None),
])
def test_restore_gs(code, restored):
    assert restore_gs(code) == (code if restored is None else restored)


def test_make_scan_normalises_then_restores():
    scan = make_scan(NO_GS + "\r\n", "serial", "]d2")
    assert (scan.code, scan.source, scan.symbology) == (LONG_CODE, "serial", "]d2")


@pytest.mark.parametrize("raw,text", [(b"OZN1", "OZN1"), ("Код".encode(), "Код"), (b"\xc0\xff", "\xc0\xff")])
def test_decode_bytes(raw, text):
    assert decode_bytes(raw) == text


@pytest.mark.parametrize("code,shown", [
    (f"0104601234567893215Ab3Xy7Q{GS}91EE07{GS}92" + "A" * 44, "04601234567893 5Ab…"),
    (f"010460123456789321ABCDEFG{GS}93dGx1", "04601234567893 ABC…"),
    ("010460123456789321AbCdE5Ab3Xy7Q91EE0792" + "B" * 44, "04601234567893 AbC…"),  # GS lost
    (f"0104601234567893211234{GS}93abcd", "04601234567893 123…"),  # a short serial
    ("no mark at all 12345678", "no m…"),
])
def test_a_masked_mark_never_shows_the_verification_key(code, shown):
    """One masking rule for the screen, the logs, the video and the bundle: the GTIN and the
    serial's first three characters (the serial comes first, so a code whose GS was lost still
    cannot show its key)."""
    assert mask(code) == shown
    assert not {"91EE07", "AAAA", "BBBB", "dGx1", "93ab"} & {mask(code)[i:i + 4] for i in range(len(shown))}
