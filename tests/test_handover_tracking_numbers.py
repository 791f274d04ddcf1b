"""Tracking numbers checked per carrier before Ozon gets them (app/services/handover/tracking_numbers.py):
table tests on numbers whose check digits were worked out by hand (carriers-notes.md §2)."""
import pytest

from app.services.handover import tracking_numbers as tn

RP, CDEK, OTHER = tn.RUSSIAN_POST, tn.CDEK, tn.OTHER


@pytest.mark.parametrize("carrier,text,ok,number", [
    # Russian Post, domestic: 14 digits, odd positions weigh 3
    (RP, "80102367216110", True, "80102367216110"),
    (RP, "14102059104821", True, "14102059104821"),
    (RP, "8010 2367 2161 10", True, "80102367216110"),     # as printed, in groups
    (RP, "80102367216111", False, "80102367216111"),       # check digit off by one
    (RP, "14102059104820", False, "14102059104820"),
    (RP, "8010236721611", False, "8010236721611"),         # 13 digits
    (RP, "801023672161100", False, "801023672161100"),     # 15 digits
    # Russian Post, international UPU S10: weights 8 6 4 2 3 5 9 7, 10 -> 0, 11 -> 5
    (RP, "RB123456785GB", True, "RB123456785GB"),
    (RP, "rb123456785gb", True, "RB123456785GB"),          # a scanner in lower case
    (RP, "RA123456781RU", False, "RA123456781RU"),         # the spec's placeholder fails its check
    (RP, "RB123456784GB", False, "RB123456784GB"),
    (RP, "RR000000005RU", True, "RR000000005RU"),          # sum 0: 11 - 0 = 11 -> 5
    (RP, "RR000000014RU", True, "RR000000014RU"),          # 1*7 = 7: 11 - 7 = 4
    (RP, "RR000000010RU", False, "RR000000010RU"),
    (RP, "R1123456785GB", False, "R1123456785GB"),         # not two letters
    (RP, "4630875402508", False, "4630875402508"),         # an EAN-13 is no tracking number
    # CDEK: order numbers, digits only
    (CDEK, "1234567890", True, "1234567890"),
    (CDEK, "123456789", True, "123456789"),
    (CDEK, "12345678", False, "12345678"),
    (CDEK, "1234567890123", False, "1234567890123"),
    (CDEK, "12345A7890", False, "12345A7890"),
    # other carriers: the configured pattern, by default 6-40 letters, digits, dashes
    (OTHER, "LO-12345678", True, "LO-12345678"),
    (OTHER, "abc12", False, "ABC12"),
    (OTHER, "", False, ""),
])
def test_check(carrier, text, ok, number):
    verdict = tn.check(carrier, text)
    assert (verdict.ok, verdict.number) == (ok, number), verdict.problem
    assert bool(verdict.problem) == (not ok)


@pytest.mark.parametrize("digits,ok", [("80102367216110", True), ("00000000000000", True),
                                       ("00000000000001", False), ("8010236721611X", False)])
def test_russian_post_domestic_check_digit(digits, ok):
    assert tn.russian_post_domestic_ok(digits) is ok


@pytest.mark.parametrize("code,ok", [("RB123456785GB", True), ("EE000000045RU", True), ("EE000000046RU", False),
                                     ("RB12345678GB", False), ("RB1234567855GB", False)])
def test_upu_s10_check_digit(code, ok):
    # EE00000004?RU: 4*7 = 28, 28 mod 11 = 6, 11 - 6 = 5
    assert tn.upu_s10_ok(code) is ok


def test_a_configured_pattern_decides_for_other_carriers():
    assert tn.check(OTHER, "YT1234567890123", pattern=r"YT\d{13}").ok
    assert not tn.check(OTHER, "LO-12345678", pattern=r"YT\d{13}").ok
    broken = tn.check(OTHER, "ABC123", pattern=r"([")
    assert not broken.ok and "pattern" in broken.problem


@pytest.mark.parametrize("names,carrier", [
    (("Почта России, Москва",), RP), (("Russian Post ONLINE_PARCEL",), RP), (("Доставка", "Pochta"), RP),
    (("СДЭК, Казань",), CDEK), (("CDEK express",), CDEK), (("Своя курьерская служба",), OTHER), ((None,), OTHER),
])
def test_the_carrier_comes_from_the_delivery_methods_name(names, carrier):
    assert tn.carrier_of(*names) == carrier
