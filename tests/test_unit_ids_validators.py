"""A unit's IMEI, jewellery UIN, GTD and RNPT as the bench reads them: table-driven on real numbers."""
from __future__ import annotations

import pytest

from app.services.marks import identifiers as ids
from app.sim.ozon import marks as sim_marks

# (kind, as scanned or typed, value kept, reason: None = valid)
CASES = [
    # IMEIs of real phones (Luhn check digit valid)
    ("imei", "490154203237518", "490154203237518", None),
    ("imei", "352099001761481", "352099001761481", None),
    ("imei", "356938035643809", "356938035643809", None),
    ("imei", "013977000272744", "013977000272744", None),
    ("imei", "35-209900-176148-1", "352099001761481", None),  # as printed on a box
    ("imei", "35 209900 176148 1", "352099001761481", None),
    ("imei", " 490154203237518\r\n", "490154203237518", None),
    # a digit misread, the check digit wrong
    ("imei", "490154203237517", "490154203237517", "check_digit"),
    ("imei", "490154203237528", "490154203237528", "check_digit"),
    # 14 digits (no check digit), an IMEISV of 16, a serial number, letters
    ("imei", "49015420323751", "49015420323751", "length"),
    ("imei", "3520990017614823", "3520990017614823", "length"),
    ("imei", "4901542032375", "4901542032375", "length"),
    ("imei", "49015420323751a", "49015420323751a", "format"),
    ("imei", "F2LXK0ABHG7F", "F2LXK0ABHG7F", "format"),
    ("imei", "", "", "format"),
    # jewellery UIN (GIIS DMDK): 16 digits
    ("jw_uin", "6443000012345678", "6443000012345678", None),
    ("jw_uin", "6443 0000 1234 5678", "6443000012345678", None),
    ("jw_uin", "644300001234567", "644300001234567", "length"),
    ("jw_uin", "64430000123456789", "64430000123456789", "length"),
    ("jw_uin", "6443O00012345678", "6443O00012345678", "format"),
    # GTD: customs office / DDMMYY / number
    ("gtd", "10714040/140917/0090376", "10714040/140917/0090376", None),
    ("gtd", "10702070/010126/3012345", "10702070/010126/3012345", None),
    ("gtd", "10714040.140917.0090376", "10714040/140917/0090376", None),  # '/' typed in the Russian layout
    ("gtd", "10714040/310222/0090376", "10714040/310222/0090376", "date"),  # 31 February
    ("gtd", "10714040/140917/009037", "10714040/140917/009037", "format"),
    ("gtd", "1071404/140917/0090376", "1071404/140917/0090376", "format"),
    ("gtd", "10714040/140917/0090376/001", "10714040/140917/0090376/001", "format"),  # an RNPT
    ("gtd", "490154203237518", "490154203237518", "format"),
    # RNPT: the declaration and the goods' position in it
    ("rnpt", "10714040/140917/0090376/001", "10714040/140917/0090376/001", None),
    ("rnpt", "10714040/140917/0090376", "10714040/140917/0090376", "format"),
    ("rnpt", "10714040/140917/0090376/1", "10714040/140917/0090376/1", "format"),
    ("rnpt", "10714040/301317/0090376/001", "10714040/301317/0090376/001", "date"),
]


@pytest.mark.parametrize("kind, text, value, reason", CASES)
def test_identifiers_are_read_and_checked(kind, text, value, reason):
    checked = ids.check(kind, text)
    assert (checked.kind, checked.value, checked.reason, checked.valid) == (kind, value, reason, reason is None)


@pytest.mark.parametrize("kind, text, value, reason", [c for c in CASES if c[0] in ("imei", "jw_uin")])
def test_the_simulated_ozon_checks_imei_and_uin_as_the_bench_does_on_what_the_bench_sends(kind, text, value, reason):
    errors = sim_marks.imei_errors(value) if kind == "imei" else sim_marks.jw_uin_errors(value)
    assert (errors == []) == (reason is None)


def test_the_simulated_ozon_takes_a_customs_number_only_as_the_bench_sends_it():
    assert sim_marks.customs_ok("gtd", "10714040/140917/0090376")
    assert not sim_marks.customs_ok("gtd", "10714040.140917.0090376")  # the bench sends it with slashes
    assert sim_marks.customs_ok("rnpt", "10714040/140917/0090376/001")
    assert not sim_marks.customs_ok("rnpt", "10714040/140917/0090376")


def test_the_demo_sells_a_phone_that_needs_its_imei_and_the_sheet_has_one_to_scan_and_one_misread():
    from app.sim.ozon import WorldConfig
    from app.sim.ozon.demo_phone import NAME, add_phone, sheet_section
    from app.sim.ozon.world import World
    world = World(WorldConfig(postings=40, seed=7), clock=lambda: 1_780_000_000.0)
    number = add_phone(world)
    [line] = world.peek(number).lines
    assert world.product_by_sku[line.sku].name == NAME and line.sku in world.exemplars.imei_skus
    assert world.exemplars._needs(line.sku)["has_imei"] is True
    [(title, [(_, good), (_, misread)])] = sheet_section(world, number)
    assert number in title and ids.check_imei(good).valid and ids.check_imei(misread).reason == "check_digit"
