"""A phone's IMEI and a jewel's UIN at the bench: asked for right after the unit's item scan,
garbage refused with the reason, kept with the unit, nothing weighed or counted before it, and
the set for Ozon carries it as the mark type create-or-get asks for."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app.services.marks.exemplar_set import build
from app.services.ozon.exemplars import parse_sheet
from app.services.station import results as r
from app.store import marks as store_marks
from app.store import postings as store_postings
from app.store import products as store_products
from station_helpers import EAN, MUG, NOW, ean13, mark_code, shop  # noqa: F401  (fixture)

PHONE, RING = 201, 202
PHONE_EAN, RING_EAN = ean13("460000000201"), ean13("460000000202")
PHONES = "20000001-0001-1"   # two phones and a mug
RINGS = "20000002-0001-1"    # a ring
IMEI_1, IMEI_2 = "490154203237518", "352099001761481"
UIN = "6443000012345678"


@pytest.fixture
def bench(shop):
    def write(session):
        store_products.upsert_products(session, [
            {"sku": PHONE, "offer_id": "PH-1", "name": "Phone", "weight_g": 300.0},
            {"sku": RING, "offer_id": "RG-1", "name": "Ring", "weight_g": 10.0}],
            {PHONE: [PHONE_EAN], RING: [RING_EAN]}, now=NOW)
        store_postings.upsert_postings(session, [
            {"posting_number": PHONES, "status": "awaiting_packaging", "shipment_date": NOW + timedelta(hours=30),
             "requirements": {"products_requiring_imei": [str(PHONE)]}},
            {"posting_number": RINGS, "status": "awaiting_packaging", "shipment_date": NOW + timedelta(hours=31),
             "requirements": {"products_requiring_jw_uin": [str(RING)]}}],
            {PHONES: [{"sku": PHONE, "quantity": 2, "offer_id": "PH-1", "name": "Phone"},
                      {"sku": MUG, "quantity": 1, "offer_id": "MUG-1", "name": "Mug"}],
             RINGS: [{"sku": RING, "quantity": 1, "offer_id": "RG-1", "name": "Ring"}]}, now=NOW)
    shop.db.writer.call(write)
    return shop


def test_a_phone_counted_by_its_ean_asks_for_its_imei_and_keeps_it(bench):
    station = bench.station()
    station.scan(PHONES)
    counted = station.scan(PHONE_EAN)
    assert counted.code == r.ITEM_ACCEPTED and counted.data["asks"] == "imei" and counted.state == r.PACKING
    assert all("IMEI" in counted.message(lang) for lang in ("ru", "zh", "en"))
    taken = station.scan(IMEI_1)
    assert taken.code == r.UNIT_ID_ACCEPTED and taken.ok and taken.data["value"] == IMEI_1
    assert IMEI_1 in taken.message("ru") and taken.state == r.PACKING
    assert bench.units(PHONES) == [(PHONE, 1, IMEI_1)]


@pytest.mark.parametrize("scanned, reason", [
    ("490154203237517", "check_digit"), ("4901542032375", "length"), ("3520990017614823", "length"),
    ("hello", "format")])
def test_what_is_no_imei_is_refused_with_the_reason_and_the_unit_still_waits(bench, scanned, reason):
    station = bench.station()
    station.scan(PHONES)
    station.scan(PHONE_EAN)
    refused = station.scan(scanned)
    assert refused.code == r.UNIT_ID_INVALID and refused.data["reason"] == reason and not refused.ok
    assert refused.data["scanned"] == scanned and refused.data["product"] == "Phone"
    messages = {lang: refused.message(lang) for lang in ("ru", "zh", "en")}
    assert all(scanned in m and "{" not in m for m in messages.values())
    assert bench.units(PHONES) == [(PHONE, 1, None)]
    assert station.scan(IMEI_1).code == r.UNIT_ID_ACCEPTED  # the IMEI after the refusal is taken


def test_nothing_else_counts_and_nothing_is_weighed_before_the_imei(bench):
    station = bench.station()
    station.scan(PHONES)
    station.scan(PHONE_EAN)
    for scan in (PHONE_EAN, EAN[MUG]):
        asked = station.scan(scan)
        assert asked.code == r.UNIT_ID_REQUIRED and asked.data["kind"] == "imei" and "IMEI" in asked.message("en")
    station.scan(IMEI_1)
    station.scan(EAN[MUG])
    station.scan(PHONE_EAN)
    weighed = station.weigh(station.expected_weight_g())  # every unit counted, the second phone's IMEI not yet scanned
    assert weighed.code == r.UNIT_ID_REQUIRED and bench.commands(PHONES) == []
    last = station.scan(IMEI_2)
    assert last.code == r.UNIT_ID_ACCEPTED and last.data["complete"] and last.state == r.WEIGHING
    assert "scale" in last.message("en")
    assert station.weigh(station.expected_weight_g()).code == r.WEIGHT_ACCEPTED
    assert bench.units(PHONES) == [(PHONE, 1, IMEI_1), (MUG, 1, None), (PHONE, 1, IMEI_2)]
    assert [c.kind for c in bench.commands(PHONES)] == ["marks", "ship"]  # the set goes to Ozon before the ship


def test_the_same_imei_on_two_phones_is_a_duplicate(bench):
    station = bench.station()
    station.scan(PHONES)
    station.scan(PHONE_EAN)
    station.scan(IMEI_1)
    station.scan(PHONE_EAN)
    again = station.scan(IMEI_1)
    assert again.code == r.DUPLICATE_UNIT and again.data["other"] == PHONES


def test_a_resumed_posting_asks_for_the_imei_it_still_lacks(bench):
    station = bench.station()
    station.scan(PHONES)
    station.scan(EAN[MUG])
    station.scan(PHONE_EAN)
    station.scan(IMEI_1)
    station.scan(PHONE_EAN)
    station.park()
    opened = station.scan(PHONES)
    assert opened.code == r.POSTING_OPENED and opened.state == r.PACKING and opened.data["asks"] == "imei"
    assert station.scan(IMEI_2).data["complete"]


def test_a_ring_asks_for_its_uin(bench):
    station = bench.station()
    station.scan(RINGS)
    counted = station.scan(RING_EAN)
    assert counted.data["asks"] == "jw_uin" and "УИН" in counted.message("ru")
    short = station.scan(UIN[:-1])
    assert short.code == r.UNIT_ID_INVALID and short.data["reason"] == "length" and "16" in short.message("en")
    taken = station.scan(UIN)
    assert taken.code == r.UNIT_ID_ACCEPTED and taken.data["complete"] and bench.units(RINGS) == [(RING, 1, UIN)]


def test_a_marking_code_is_not_taken_for_an_imei(bench):
    station = bench.station()
    station.scan(PHONES)
    station.scan(PHONE_EAN)
    code = mark_code(PHONE_EAN)
    asked = station.scan(code)
    assert asked.code == r.UNIT_ID_REQUIRED and code not in str(asked.data)


def test_the_set_for_ozon_sends_each_phone_its_imei(bench):
    station = bench.station()
    for scan in (PHONES, PHONE_EAN, IMEI_1, EAN[MUG], PHONE_EAN, IMEI_2):
        station.scan(scan)
    sheet = parse_sheet({"posting_number": PHONES, "products": [
        {"product_id": PHONE, "quantity": 2, "is_mandatory_mark_needed": False, "has_imei": True,
         "exemplars": [{"exemplar_id": 11}, {"exemplar_id": 12}]}]})
    with bench.db.read() as session:
        units = [u for u in store_marks.units_of(session, PHONES) if u.sku == PHONE]
    built = build(sheet, units)
    assert built.refusals == [] and built.products == [{"product_id": PHONE, "exemplars": [
        {"exemplar_id": 11, "marks": [{"mark": IMEI_1, "mark_type": "imei"}]},
        {"exemplar_id": 12, "marks": [{"mark": IMEI_2, "mark_type": "imei"}]}]}]
