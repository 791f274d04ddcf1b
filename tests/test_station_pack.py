"""Weighing and packing: tolerance, moving readings, override, multi-box packages, marks, teaching."""
import pytest

from app.services.station import results as r
from app.store.models import OUTBOX_PENDING
from station_helpers import CABLE, EAN, MUG, SHOES, TEA, mark_code, shop  # noqa: F401

A, SHOE_POSTING, NO_WEIGHT, TEA_POSTING = "10000001-0001-1", "10000003-0001-1", "10000005-0001-1", "10000006-0001-1"


def complete_a(station):
    for scan in (A, EAN[MUG], EAN[CABLE], EAN[CABLE]):
        last = station.scan(scan)
    assert last.code == r.POSTING_COMPLETE
    return last


@pytest.mark.parametrize("grams,code", [
    (500.0, r.WEIGHT_ACCEPTED), (450.0, r.WEIGHT_ACCEPTED), (550.0, r.WEIGHT_ACCEPTED),
    (449.9, r.WEIGHT_MISMATCH), (550.1, r.WEIGHT_MISMATCH), (0.0, r.WEIGHT_MISMATCH),
])
def test_tolerance_edges(shop, grams, code):
    station = shop.station()
    complete_a(station)
    assert station.weigh(grams).code == code  # expected 400 + 2 × 50 = 500 g, ±10 %


def test_weight_accepted_packs_in_one_transaction_and_frees_the_station(shop):
    station = shop.station()
    complete_a(station)
    packed = station.weigh(510)
    assert (packed.code, packed.ok, packed.state, packed.posting) == (r.WEIGHT_ACCEPTED, True, r.IDLE, A)
    row = shop.posting(A)
    assert (row.local_state, row.packed_by, row.measured_weight_g, row.claimed_by) == ("packed", "bench-1", 510, None)
    [command] = shop.commands(A)
    assert (command.kind, command.state, command.dedupe_key) == ("ship", OUTBOX_PENDING, f"ship:{A}")
    assert command.payload == {"packages": [[[MUG, 1], [CABLE, 2]]]}
    assert {"packed", r.WEIGHT_ACCEPTED} <= {e.kind for e in shop.events(A)}
    # pipelining: the next posting opens at once
    assert station.scan(TEA_POSTING).code == r.POSTING_OPENED
    assert station.scan(A).code == r.POSTING_NOT_PACKABLE  # packed locally


def test_moving_readings_are_ignored(shop):
    station = shop.station()
    complete_a(station)
    moving = station.weigh(500, stable=False)
    assert (moving.code, moving.state) == (r.WEIGHT_UNSTABLE, r.WEIGHING)
    assert shop.commands() == []


def test_mismatch_then_reweigh(shop):
    station = shop.station()
    complete_a(station)
    assert station.weigh(800).state == r.ERROR
    assert shop.commands() == []
    assert station.weigh(505).code == r.WEIGHT_ACCEPTED


def test_override_needs_a_supervisor_and_is_logged(shop):
    station = shop.station()
    complete_a(station)
    station.weigh(800)
    refused = station.scan("CMD:OVERRIDE-WEIGHT:anna")
    assert refused.code == r.NOT_AUTHORIZED and shop.commands() == []
    done = station.scan("CMD:OVERRIDE-WEIGHT:boss")
    assert done.code == r.WEIGHT_ACCEPTED and done.data["override_by"] == "boss"
    assert shop.posting(A).measured_weight_g == 800
    override = [e for e in shop.events(A) if e.kind == "weight_override"]
    assert override and override[0].data["by"] == "boss"


def test_override_without_a_mismatch(shop):
    station = shop.station()
    complete_a(station)
    assert station.override_weight("boss").code == r.NOTHING_TO_OVERRIDE


def test_no_catalogue_weight_is_recorded_not_checked(shop):
    station = shop.station()
    station.scan(NO_WEIGHT)
    station.scan(f"OZN{105}")
    packed = station.weigh(12345)
    assert packed.code == r.WEIGHT_ACCEPTED and packed.data["unchecked"] and packed.data["no_weight_skus"] == [105]
    assert "catalogue" in packed.message("en")
    assert shop.posting(NO_WEIGHT).measured_weight_g == 12345


def test_multi_box_makes_one_package_per_box(shop):
    station = shop.station()
    for scan in (TEA_POSTING, EAN[TEA], "CMD:NEXT-BOX", EAN[TEA], EAN[CABLE]):
        last = station.scan(scan)
    assert last.code == r.POSTING_COMPLETE
    assert station.weigh(250).code == r.WEIGHT_ACCEPTED
    [command] = shop.commands(TEA_POSTING)
    assert command.payload == {"packages": [[[TEA, 1]], [[CABLE, 1], [TEA, 1]]]}


def test_marked_units_need_their_marking_codes(shop):
    station = shop.station()
    first, second = mark_code(EAN[SHOES], "Serial0000001"), mark_code(EAN[SHOES], "Serial0000002")
    results = [station.scan(s) for s in (SHOE_POSTING, EAN[SHOES], first, first, first[:-3], second)]
    assert [x.code for x in results] == [r.POSTING_OPENED, r.MARK_REQUIRED, r.ITEM_ACCEPTED, r.DUPLICATE_UNIT,
                                         r.MARKING_INVALID, r.POSTING_COMPLETE]
    assert [m for _, _, m in shop.units(SHOE_POSTING)] == [first, second]


def test_a_marking_code_used_in_another_posting_is_a_duplicate(shop):
    station = shop.station()
    code = mark_code(EAN[MUG], "Serial0000009")
    station.scan(A)
    assert station.scan(code).code == r.ITEM_ACCEPTED  # an unmarked product may come by its DataMatrix too
    station.scan("10000002-0001-1")
    assert station.scan(code).code == r.DUPLICATE_UNIT


def test_teach_an_unknown_barcode_with_confirmation(shop):
    station = shop.station()
    new_code = "2000000000015"
    station.scan(A)
    station.scan(EAN[MUG])
    station.scan(EAN[CABLE])
    station.scan(new_code)
    assert station.scan("CMD:TEACH:anna").code == r.NOT_AUTHORIZED
    taught = station.scan("CMD:TEACH:boss")  # one line has units to go: the cable
    assert taught.code == r.POSTING_COMPLETE and taught.data["sku"] == CABLE
    assert [e.data for e in shop.events(A) if e.kind == r.BARCODE_TAUGHT][0]["by"] == "boss"
    station.weigh(500)
    # used from then on, by any station
    other = shop.station("bench-2")
    assert other.scan(new_code).data["sku"] == CABLE


def test_teach_needs_a_line_when_several_are_open(shop):
    station = shop.station()
    station.scan(A)
    station.scan("2000000000015")
    assert station.scan("CMD:TEACH:boss").code == r.TEACH_NEEDS_LINE
    assert station.teach("2000000000015", 1, "boss").code == r.ITEM_ACCEPTED
    assert shop.units(A) == [(MUG, 1, None)]


def test_weighing_a_posting_that_vanished_from_the_cache_stops_loudly_and_ships_nothing(shop):
    from sqlalchemy import delete

    from app.store.models import PostingItemRow, PostingRow

    station = shop.station()
    complete_a(station)

    def forget(session):
        session.execute(delete(PostingItemRow).where(PostingItemRow.posting_number == A))
        session.execute(delete(PostingRow).where(PostingRow.posting_number == A))

    shop.db.writer.call(forget)
    gone = station.weigh(500)
    assert (gone.code, gone.posting, gone.state, gone.data["reason"]) == (r.POSTING_NOT_PACKABLE, A, r.ERROR, "vanished")
    assert station.snapshot()["posting"] is None and shop.commands() == []  # loud, held, nothing shipped
    assert station.scan(TEA_POSTING).code == r.POSTING_OPENED
