"""The station as state in the database: restarts, two benches, cancellations, asking Ozon at open."""
import threading

import pytest

from app.services.station import Remote, Station
from app.services.station import results as r
from app.store import outbox as store_outbox
from app.store import products as store_products
from app.store.db import open_database
from station_helpers import CABLE, EAN, MUG, TEA, shop  # noqa: F401
from sync_helpers import bench  # noqa: F401

A, B, CANCELLED, TEA_POSTING = "10000001-0001-1", "10000002-0001-1", "10000004-0001-1", "10000006-0001-1"


def test_a_new_process_resumes_the_open_posting_with_its_counts(shop):
    station = shop.station()
    station.scan(A)
    station.scan(EAN[MUG])
    station.scan(EAN[CABLE])
    shop.db.close()
    db = open_database(f"sqlite:///{shop.path / 'packdesk.db'}")  # as a new process would
    try:
        again = Station(db, "bench-1", packer="anna", supervisors=["boss"])
        snap = again.snapshot()
        assert snap["posting"] == A and snap["state"] == r.PACKING
        assert [x["counted"] for x in snap["lines"]] == [1, 1]
        assert again.scan(EAN[CABLE]).code == r.POSTING_COMPLETE  # goes on where it stopped
        resumed = again.scan(A)
        assert resumed.code == r.POSTING_OPENED and resumed.state == r.WEIGHING and resumed.data["counted"] == 3
        assert again.weigh(500).code == r.WEIGHT_ACCEPTED
    finally:
        db.close()
        shop.db = open_database(f"sqlite:///{shop.path / 'packdesk.db'}")


def test_parked_postings_survive_and_resume(shop):
    station = shop.station()
    for scan in (A, EAN[MUG], TEA_POSTING, EAN[TEA]):
        station.scan(scan)
    later = shop.station()  # another instance: nothing is kept in the object
    assert later.snapshot()["parked"] == [A]
    resumed = later.scan(A)
    assert resumed.data["counted"] == 1 and resumed.data["parked"] == TEA_POSTING


def test_two_stations_compete_for_one_posting(shop):
    one, two = shop.station("bench-1"), shop.station("bench-2")
    assert one.scan(A).code == r.POSTING_OPENED
    refused = two.scan(A)
    assert refused.code == r.POSTING_NOT_PACKABLE and refused.data == {"reason": "claimed", "holder": "bench-1"}
    # an idle item scan on bench-2 passes the posting bench-1 holds
    assert two.scan(EAN[MUG]).posting == B
    assert one.scan(B).data["holder"] == "bench-2"


def test_simultaneous_claims_have_one_winner(shop):
    stations = [shop.station(f"bench-{n}") for n in range(4)]
    barrier, outcomes = threading.Barrier(len(stations)), []

    def go(station):
        barrier.wait()
        outcomes.append(station.scan(A).code)

    threads = [threading.Thread(target=go, args=(s,)) for s in stations]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == [r.POSTING_NOT_PACKABLE] * 3 + [r.POSTING_OPENED]


def test_cancelled_while_open_is_stopped_loudly_and_never_shipped(shop):
    station = shop.station()
    for scan in (A, EAN[MUG], EAN[CABLE], EAN[CABLE]):
        station.scan(scan)
    shop.set_status(A, "cancelled")  # the sync saw it cancelled
    stopped = station.weigh(500)
    assert (stopped.code, stopped.data["reason"], stopped.state) == (r.POSTING_NOT_PACKABLE, "cancelled", r.ERROR)
    assert "CANCELLED" in stopped.message("en")
    assert shop.commands() == [] and shop.posting(A).claimed_by is None and station.snapshot()["posting"] is None


def test_status_notices_a_cancellation_between_scans(shop):
    station = shop.station()
    station.scan(A)
    assert station.status().code == r.STATUS
    shop.set_status(A, "cancelled")
    assert station.status().code == r.POSTING_NOT_PACKABLE
    held = station.scan(EAN[MUG])  # the cancelled parcel's goods are still on the bench
    assert (held.code, held.posting, held.data["reason"]) == (r.POSTING_NOT_PACKABLE, A, "goods_on_hold")
    assert "CMD:ACK" in held.message("en")
    assert station.scan("CMD:ACK").code == r.ACKNOWLEDGED
    assert station.scan(EAN[MUG]).posting == B  # acknowledged: the item opens the next posting


# -- asking Ozon at open (simulator on a fake clock) -------------------------------------------

def _synced(bench):
    bench.engine().run_pass()
    return bench.packable()


def test_cancellation_after_the_last_sync_is_caught_at_open(bench):
    number = _synced(bench)[0]
    bench.sim.world.cancel(number)
    station = Station(bench.db, "bench-1", remote=Remote.for_client(bench.client))
    try:
        result = station.scan(number)
        assert (result.code, result.data["reason"]) == (r.POSTING_NOT_PACKABLE, "cancelled")
        assert bench.posting(number)["local_state"] == "cancelled"
    finally:
        station.close()


@pytest.mark.parametrize(("reason_id", "by", "said"), [
    (506, "buyer", {"en": "(by the buyer: Покупатель отменил заказ)", "zh": "（买家取消：Покупатель отменил заказ）",
                    "ru": "(Покупатель отменил заказ)"}),
    (352, "seller", {"en": "(by the seller: Товар закончился на складе продавца)",
                     "zh": "（卖家取消：Товар закончился на складе продавца）",
                     "ru": "(Товар закончился на складе продавца)"}),
])
def test_a_stop_says_who_cancelled_in_the_packers_language_beside_ozons_russian_words(bench, reason_id, by, said):
    """Ozon gives its reason in Russian; its cancellation_type says who, and an English or Chinese
    packer reads that first (a Russian one has it in Ozon's words already)."""
    number = _synced(bench)[0]
    bench.sim.world.cancel(number, reason_id)
    station = Station(bench.db, "bench-1", remote=Remote.for_client(bench.client))
    try:
        result = station.scan(number)
        assert (result.code, result.data["reason"], result.data["by"]) == (r.POSTING_NOT_PACKABLE, "cancelled", by)
        for lang, words in said.items():
            assert words in result.message(lang), (lang, result.message(lang))
    finally:
        station.close()


def test_offline_the_station_goes_on_with_its_cache(bench):
    number = _synced(bench)[0]
    bench.sim.world.cancel(number)
    station = Station(bench.db, "bench-1", remote=None)
    assert station.scan(number).code == r.POSTING_OPENED


def test_a_slow_ozon_does_not_hold_the_packer(bench):
    number = _synced(bench)[0]
    release = threading.Event()

    def hanging(_number):
        release.wait(10)
        raise TimeoutError

    station = Station(bench.db, "bench-1", remote=Remote(hanging, timeout_s=0.2))
    try:
        assert station.scan(number).code == r.POSTING_OPENED
    finally:
        release.set()
        station.close()


def test_unknown_posting_and_label_asked_of_ozon(bench):
    _synced(bench)
    new = bench.sim.world.add_postings(1)[0]  # not synced yet
    station = Station(bench.db, "bench-1", remote=Remote.for_client(bench.client))
    try:
        assert station.scan("99999999-0001-1").code == r.POSTING_NOT_FOUND
        label = bench.sim.world.peek(new).upper_barcode
        opened = station.scan(label)
        assert (opened.code, opened.posting) == (r.POSTING_OPENED, new)
        assert station.scan("%101%1").code == r.POSTING_NOT_FOUND
    finally:
        station.close()


def test_cancellation_just_before_packing_is_caught_by_the_read_back(bench):
    world = bench.sim.world
    number = next(n for n in _synced(bench) if not any(world.needs_mark[x.sku] for x in world.peek(n).lines))
    station = Station(bench.db, "bench-1", remote=Remote.for_client(bench.client))
    try:
        station.scan(number)
        with bench.db.read() as session:
            for line in world.peek(number).lines:
                code = store_products.barcodes_for_sku(session, line.sku)[-1]  # OZN…
                for _ in range(line.quantity):
                    last = station.scan(code)
        assert last.code == r.POSTING_COMPLETE
        world.cancel(number)
        stopped = station.weigh(station.expected_weight_g() or 100)
        assert stopped.code == r.POSTING_NOT_PACKABLE
        with bench.db.read() as session:
            assert store_outbox.for_posting(session, number) == []
    finally:
        station.close()


def test_goods_of_a_cancelled_posting_scanned_by_number_go_into_no_other_parcel(shop):
    """The packer picked a cancelled posting's goods, then scanned its number: its units must not
    open (and be counted into) another posting that holds the same product."""
    station = shop.station()
    assert station.scan(CANCELLED).data["reason"] == "cancelled"
    held = station.scan(EAN[TEA])  # TEA_POSTING wants a tea too
    assert (held.code, held.posting, held.data["reason"]) == (r.POSTING_NOT_PACKABLE, CANCELLED, "goods_on_hold")
    assert shop.units(TEA_POSTING) == [] and shop.posting(TEA_POSTING).claimed_by is None
    assert station.scan(EAN[TEA]).data["reason"] == "goods_on_hold"  # repeated, never counted
    assert station.scan("CMD:ACK").code == r.ACKNOWLEDGED
    counted = station.scan(EAN[TEA])  # acknowledged: the tea opens the posting that wants it
    assert (counted.code, counted.posting) == (r.ITEM_ACCEPTED, TEA_POSTING)


def test_a_posting_scan_ends_the_hold_on_a_cancelled_postings_goods(shop):
    station = shop.station()
    station.scan(CANCELLED)
    assert station.scan(TEA_POSTING).code == r.POSTING_OPENED
    assert station.scan(EAN[TEA]).code == r.ITEM_ACCEPTED


def test_cancelled_goods_are_not_counted_into_the_open_posting_either(shop):
    station = shop.station()
    assert station.scan(TEA_POSTING).code == r.POSTING_OPENED
    station.scan(CANCELLED)  # its goods are on the bench now, beside the open parcel
    held = station.scan(EAN[TEA])
    assert (held.code, held.data["reason"]) == (r.POSTING_NOT_PACKABLE, "goods_on_hold")
    assert shop.units(TEA_POSTING) == []
    assert station.scan("CMD:ACK").code == r.ACKNOWLEDGED
    assert (station.scan(EAN[TEA]).code, station.snapshot()["posting"]) == (r.ITEM_ACCEPTED, TEA_POSTING)
