"""A bench with a thread to come back on (the GUI's) opens a posting its cache holds as packable
at once, and checks Ozon's re-read when it arrives: a posting cancelled meanwhile is stopped
loudly, its goods held, nothing shipped. Anything the cache cannot vouch for asks Ozon first."""
import queue

import pytest

from app.services.ozon.errors import OzonTransportError
from app.services.station import Remote, Station, codes
from app.services.station import results as r
from app.store import lookups
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store import products as store_products
from sync_helpers import bench  # noqa: F401


def _synced(bench):
    bench.engine().run_pass()
    return bench.packable()


@pytest.fixture
def station(bench):
    """The station, and the steps it asked to run later (as the GUI's station thread would)."""
    station = Station(bench.db, "bench-1", remote=Remote.for_client(bench.client))
    steps: queue.Queue = queue.Queue()
    station.later = steps.put
    yield station, steps
    station.close()


def _next_step(steps):
    return steps.get(timeout=10)()  # Ozon's answer arrives on its pool thread


def _item_of(bench, number):
    line = bench.sim.world.peek(number).lines[0]
    with bench.db.read() as session:
        return store_products.barcodes_for_sku(session, line.sku)[-1]


def test_a_cancellation_after_the_open_stops_the_packer_and_holds_the_goods(bench, station):
    station, steps = station
    number = _synced(bench)[0]
    bench.sim.world.cancel(number)
    opened = station.scan(number)
    assert (opened.code, opened.posting) == (r.POSTING_OPENED, number)  # from the cache, no wait
    stopped = _next_step(steps)
    assert (stopped.code, stopped.posting, stopped.data["reason"]) == (r.POSTING_NOT_PACKABLE, number, "cancelled")
    assert stopped.data["goods_on_hold"] is True and stopped.state == r.ERROR
    assert station.snapshot()["posting"] is None
    assert bench.posting(number)["local_state"] == "cancelled"
    again = station.scan(_item_of(bench, number))  # its goods open no other parcel
    assert (again.code, again.posting) == (r.POSTING_NOT_PACKABLE, number)
    with bench.db.read() as session:
        assert store_outbox.for_posting(session, number) == []


def test_ozon_still_saying_packable_changes_nothing(bench, station):
    station, steps = station
    number = _synced(bench)[0]
    assert station.scan(number).code == r.POSTING_OPENED
    assert _next_step(steps) is None
    assert station.scan(_item_of(bench, number)).code in (r.ITEM_ACCEPTED, r.POSTING_COMPLETE)


def test_a_change_that_keeps_the_posting_packable_is_stored_and_the_packer_goes_on(bench, station):
    station, steps = station
    number = _synced(bench)[0]
    assert station.scan(number).code == r.POSTING_OPENED
    bench.sim.world.set_shipment_date(number, bench.sim.world.peek(number).shipment_date + 3600)
    with bench.db.read() as session:
        was = lookups.get_posting(session, number)
    assert _next_step(steps) is None
    with bench.db.read() as session:
        row = lookups.get_posting(session, number)
    assert (row.shipment_date - was.shipment_date).total_seconds() == 3600 and row.synced_at > was.synced_at
    assert row.delivery_schema == "FBS"  # only the v4 lists carry it, not the re-read: the sync's word kept
    assert station.snapshot()["posting"] == number


def test_a_posting_made_a_problem_here_meanwhile_is_stopped_though_ozon_says_nothing_new(bench, station):
    station, steps = station
    number = _synced(bench)[0]
    assert station.scan(number).code == r.POSTING_OPENED
    bench.db.call(store_postings.set_local_state, number, "problem", problem="torn")  # another bench said so
    stopped = _next_step(steps)
    assert (stopped.code, stopped.posting, stopped.data["reason"]) == (r.POSTING_NOT_PACKABLE, number, "problem")


def test_a_posting_put_back_before_the_answer_is_refused_at_its_next_open(bench, station):
    station, steps = station
    number = _synced(bench)[0]
    bench.sim.world.cancel(number)
    assert station.scan(number).code == r.POSTING_OPENED
    assert station.scan("CMD:CANCEL").state == r.IDLE
    assert _next_step(steps) is None  # nothing open to stop: the answer is stored
    assert bench.posting(number)["status"] == "cancelled"
    refused = station.scan(number)  # the cache now knows: Ozon is asked first, and says so again
    assert (refused.code, refused.data["reason"]) == (r.POSTING_NOT_PACKABLE, "cancelled")


def test_a_posting_the_cache_does_not_hold_is_asked_of_ozon_first(bench, station):
    station, steps = station
    _synced(bench)
    new = bench.sim.world.add_postings(1)[0]  # not synced yet
    opened = station.scan(new)
    assert (opened.code, opened.posting) == (r.POSTING_OPENED, new)
    assert steps.empty()  # Ozon's word came with the open


def test_offline_the_open_stands(bench):
    number = _synced(bench)[0]

    def unreachable(_number):
        raise OzonTransportError("connection refused")

    station = Station(bench.db, "bench-1", remote=Remote(unreachable))
    steps: queue.Queue = queue.Queue()
    station.later = steps.put
    try:
        assert station.scan(number).code == r.POSTING_OPENED
        assert _next_step(steps) is None
        assert station.snapshot()["posting"] == number
    finally:
        station.close()


def test_an_item_scanned_idle_opens_from_the_cache_and_a_cancellation_then_stops(bench, station):
    station, steps = station
    number = _synced(bench)[0]
    code = _item_of(bench, number)
    with bench.db.read() as session:  # the posting that ships first and wants this unit
        first = codes.candidate(session, [code], "bench-1", ())
    bench.sim.world.cancel(first)
    counted = station.scan(code)
    assert counted.posting == first and counted.data["opened"] == first and counted.ok  # no wait for Ozon
    stopped = _next_step(steps)
    assert (stopped.code, stopped.posting, stopped.data["reason"]) == (r.POSTING_NOT_PACKABLE, first, "cancelled")
    assert stopped.data["goods_on_hold"] is True
    again = station.scan(code)  # the unit in hand goes into no other parcel until acknowledged
    assert (again.code, again.posting) == (r.POSTING_NOT_PACKABLE, first)
    with bench.db.read() as session:
        assert store_outbox.for_posting(session, first) == []
