"""Scan classification, marking codes and the weight check: pure functions, table-tested."""
import pytest

from app.services.station.classify import MAX_LEN, classify, gs1_check_ok, looks_like_label
from app.services.station.marking import parse
from app.services.station.weighing import check_weight, expected_weight
from station_helpers import EAN, GS, MUG, mark_code

GOOD_MARK = mark_code(EAN[MUG])


@pytest.mark.parametrize("raw,kind,text", [
    ("12345678-0001-1", "posting", "12345678-0001-1"),
    ("123456789-00012-12", "posting", "123456789-00012-12"),
    ("  12345678-0001-1\r\n", "posting", "12345678-0001-1"),
    ("12345678-0001", "code", "12345678-0001"),  # an order number is no posting
    (EAN[MUG], "code", EAN[MUG]),
    ("OZN123456", "code", "OZN123456"),
    ("%101%123456789", "code", "%101%123456789"),
    ("96385074", "code", "96385074"),  # EAN-8
    ("CMD:ACK", "command", "CMD:ACK"),
    ("cmd:next-box", "command", "cmd:next-box"),
    ("CMD:TEACH:boss:2", "command", "CMD:TEACH:boss:2"),
    (GOOD_MARK, "mark", GOOD_MARK),
    (GS + GOOD_MARK, "mark", GOOD_MARK),  # FNC1 as a leading GS
    ("]d2" + GOOD_MARK, "mark", GOOD_MARK),  # AIM symbology identifier
    ("ЩЯТ123456", "code", "OZN123456"),  # Russian layout on a Latin code
    ("СЬВЖФСЛ", "command", "CMD:ACK"),
    ("сьвЖтуче-ищч", "command", "cmd:next-box"),
])
def test_kinds(raw, kind, text):
    scanned = classify(raw)
    assert (scanned.kind, scanned.text) == (kind, text)
    assert scanned.layout_fixed == any("\u0400" <= ch <= "\u04ff" for ch in raw)


@pytest.mark.parametrize("raw,command,args", [
    ("CMD:SHORT:коробка порвана", "SHORT", ("коробка порвана",)),
    ("cmd:return-note:царапина на крышке", "RETURN-NOTE", ("царапина на крышке",)),
    ("CMD:OVERRIDE-WEIGHT:Анна", "OVERRIDE-WEIGHT", ("Анна",)),
    ("CMD:HANDOVER-CLOSE:FORCE:Анна:курьер уехал", "HANDOVER-CLOSE", ("FORCE", "Анна", "курьер уехал")),
])
def test_a_persons_words_after_a_command_are_taken_as_written(raw, command, args):
    """Typed by hand (a reason, a note, a supervisor's name): the Cyrillic is the person's, not a
    scanner's wrong keyboard layout, which would have turned "CMD:" itself into "СЬВЖ"."""
    scanned = classify(raw)
    assert (scanned.kind, scanned.command, scanned.args, scanned.layout_fixed) == ("command", command, args, False)


@pytest.mark.parametrize("raw", ["CMD:ЫРЩКЕ", "CMD:ЫРЩКЕ:что-то", "CMD:коробка", "сьв:ырщке:коробка"])
def test_a_command_whose_name_is_cyrillic_is_read_as_the_wrong_layout_never_as_typed_words(raw):
    assert classify(raw).kind == "bad" or classify(raw).layout_fixed


@pytest.mark.parametrize("raw,problem", [
    ("", "empty"),
    ("   \r\n", "empty"),
    ("abc\x07def", "control character U+0007"),
    ("abc\x00", "control character U+0000"),
    ("abc\x1bdef", "control character U+001B"),
    ("1" * 5000, "too long"),
    ("1" * (MAX_LEN + 1), "too long"),
    ("Привет мир", "Russian keyboard layout"),  # ЙЦУКЕН letters that map to no code
    ("ёжик№", "Russian keyboard layout"),
    ("ÄÖÜ", "characters no barcode carries"),
    ("CMD:SELF-DESTRUCT", "unknown command"),
    ("46000 00001", "spaces"),
    ("abc" + GS + "def", "GS inside"),
])
def test_bad_input_is_reported_not_raised(raw, problem):
    scanned = classify(raw)
    assert scanned.kind == "bad" and problem in scanned.problem
    assert len(scanned.text) <= 41


def test_longest_allowed_scan_is_a_code():
    assert classify("7" * MAX_LEN).kind == "code"


def test_wrong_check_digit_is_noted():
    assert classify("4600000000010").notes == {"check_digit": "wrong"}
    assert classify(EAN[MUG]).notes == {}


@pytest.mark.parametrize("code,expected", [
    ("4006381333931", True), ("4006381333932", False), ("96385074", True), ("036000291452", True),
    ("x", False), ("", False),
])
def test_gs1_check_digit(code, expected):
    assert gs1_check_ok(code) is expected


@pytest.mark.parametrize("code,label", [
    ("%101%123456789", True), ("50000000009001", False), ("500000000090012", True), (EAN[MUG], False),
    ("OZN123", False),
])
def test_looks_like_label(code, label):
    assert looks_like_label(code) is label


GTIN = "0" + EAN[MUG]


@pytest.mark.parametrize("code,problem", [
    (GOOD_MARK, None),
    (f"01{GTIN}21ABCDEF{GS}93dGVz", None),  # short layout (water, dairy)
    (GOOD_MARK.replace(GS, ""), None),  # the wedge lost GS: long layout restored
    (f"01{GTIN[:-1]}021ABC{GS}93dGVz", "check digit"),
    (f"01{GTIN}21ABCDEFGHIJKLM", "cut short"),
    (f"01{GTIN}22ABC{GS}93dGVz", "no serial"),
    (f"01{GTIN}21{GS}93dGVz", "serial number is empty"),
    (f"01{GTIN}21AB{GS}91EE0{GS}92xyz", "wrong length"),
    (f"01{GTIN}21AB{GS}95xx", "no verification key"),
])
def test_marking_codes(code, problem):
    mark = parse(code)
    if problem is None:
        assert mark.valid and mark.gtin == GTIN and EAN[MUG] in mark.barcodes()
        assert mark.code.count(GS) >= 1
    else:
        assert problem in mark.problem


def test_a_malformed_mark_still_classifies_as_a_mark_with_its_problem():
    scanned = classify(f"01{GTIN}21ABCDEFGHIJKLM")
    assert scanned.kind == "mark" and "cut short" in scanned.problem


@pytest.mark.parametrize("measured,accepted", [
    (900.0, True), (1100.0, True), (899.9, False), (1100.1, False), (1000.0, True), (0.0, False),
])
def test_weight_tolerance_edges(measured, accepted):
    expected, missing = expected_weight([(1, 2, 400.0), (2, 4, 50.0)], allowance_g=0.0)
    assert expected == 1000.0 and missing == ()
    assert check_weight(measured, expected, 10.0).accepted is accepted


def test_allowance_is_added_and_missing_weights_are_not_checked():
    assert expected_weight([(1, 1, 300.0)], allowance_g=50.0) == (350.0, ())
    expected, missing = expected_weight([(1, 1, 300.0), (7, 1, None)], allowance_g=50.0)
    check = check_weight(12345.0, expected, 10.0, missing)
    assert expected is None and missing == (7,) and not check.checked and check.accepted
    assert check.as_data()["no_weight_skus"] == [7]
