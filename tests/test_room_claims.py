"""Benches of a room claiming postings on one PostgreSQL, under real concurrency: each bench has its
own engine, connections and writer lane (as separate processes do) and the scans race on threads.

No posting is opened or packed by two benches: one opens it, the other is told which bench holds
it; two benches scanning the same product at once open two different postings.
"""
import threading
from datetime import timedelta

import pytest
from sqlalchemy import text

from app.services.station import Station
from app.services.station import results as r
from app.services.station import state
from app.store import lookups
from app.store import open_database
from app.store import postings as store_postings
from app.store import products as store_products
from room_helpers import at_once, room_url, wait_for  # noqa: F401
from store_helpers import NOW, pg_url  # noqa: F401

pytestmark = pytest.mark.postgres

MUG = 101
MUG_EAN = "4600000000012"
POSTINGS = [f"2000{n:04d}-0001-1" for n in range(1, 25)]


@pytest.fixture
def room(room_url):  # noqa: F811
    """The shop (24 postings of one mug each) and a Database per bench."""
    benches = {}

    def bench(name: str) -> Station:
        db = benches.get(name) or open_database(room_url)
        benches[name] = db
        return Station(db, name, packer=f"packer of {name}", now=lambda: NOW)

    seed = open_database(room_url)

    def write(session):
        store_products.upsert_products(session, [{"sku": MUG, "offer_id": "MUG-1", "name": "Mug", "weight_g": 400.0}],
                                       {MUG: [MUG_EAN]}, now=NOW)
        store_postings.upsert_postings(session, [
            {"posting_number": number, "status": "awaiting_packaging", "shipment_date": NOW + timedelta(hours=i)}
            for i, number in enumerate(POSTINGS)],
            {number: [{"sku": MUG, "quantity": 1, "offer_id": "MUG-1", "name": "Mug"}] for number in POSTINGS},
            now=NOW)

    seed.writer.call(write)
    yield bench, seed
    for db in [seed, *benches.values()]:
        db.close()


def claimed_by(db, number):
    with db.read() as session:
        return lookups.get_posting(session, number).claimed_by


def test_two_benches_scanning_the_same_posting_one_opens_it_the_other_is_told_who_holds_it(room):
    bench, seed = room
    one, two = bench("bench-1"), bench("bench-2")
    for number in POSTINGS[:12]:
        first, second = at_once(lambda: one.scan(number), lambda: two.scan(number))
        opened = [result for result in (first, second) if result.code == r.POSTING_OPENED]
        refused = [result for result in (first, second) if result.code != r.POSTING_OPENED]
        assert len(opened) == 1 and len(refused) == 1, (first, second)
        winner = "bench-1" if first is opened[0] else "bench-2"
        loser = refused[0]
        assert loser.code == r.POSTING_NOT_PACKABLE and loser.posting == number
        assert (loser.data["reason"], loser.data["holder"]) == ("claimed", winner)
        assert winner in loser.message("en")  # the packer reads which bench has it
        assert claimed_by(seed, number) == winner


def test_a_posting_packed_at_one_bench_is_never_opened_at_another_meanwhile(room):
    bench, seed = room
    packer, other = bench("bench-1"), bench("bench-2")
    for number in POSTINGS[12:18]:
        assert packer.scan(number).code == r.POSTING_OPENED

        def pack():
            return [packer.scan(MUG_EAN).code, packer.weigh(400).code]

        def keep_scanning():
            return [other.scan(number) for _ in range(8)]

        packed, tries = at_once(pack, keep_scanning)
        assert packed == [r.POSTING_COMPLETE, r.WEIGHT_ACCEPTED]
        assert all(t.code == r.POSTING_NOT_PACKABLE for t in tries), [t.code for t in tries]
        assert {t.data["reason"] for t in tries} <= {"claimed", "packed"}
        assert all(t.data["holder"] == "bench-1" for t in tries)
        with seed.read() as session:
            row = lookups.get_posting(session, number)
        assert (row.local_state, row.packed_by, row.claimed_by) == ("packed", "bench-1", None)


def test_two_benches_scanning_the_same_product_at_once_open_two_different_postings(room):
    bench, seed = room
    one, two = bench("bench-3"), bench("bench-4")  # offline: the posting is found and opened in one transaction
    opened = []
    for _ in range(6):
        first, second = at_once(lambda: one.scan(MUG_EAN), lambda: two.scan(MUG_EAN))
        assert first.code == second.code == r.POSTING_COMPLETE, (first, second)
        assert first.data["opened"] != second.data["opened"]
        opened += [first.data["opened"], second.data["opened"]]
        assert [result.code for result in at_once(lambda: one.weigh(400), lambda: two.weigh(400))] == [
            r.WEIGHT_ACCEPTED, r.WEIGHT_ACCEPTED]
    assert len(set(opened)) == len(opened) == 12
    with seed.read() as session:
        packed = lookups.list_postings(session, local_state="packed", with_items=False)
    assert sorted(p.posting_number for p in packed) == sorted(opened)
    assert {p.packed_by for p in packed} == {"bench-3", "bench-4"}


def test_a_bench_that_read_a_posting_before_another_packed_it_does_not_open_it(room, monkeypatch):
    """The race the row lock closes: bench-2 reads the posting (free), is held up; bench-1 claims,
    counts and packs it meanwhile. bench-2 must not go on from what it read: the lock makes one wait
    for the other, so whoever comes second reads what the first wrote."""
    bench, seed = room
    one, two = bench("bench-1"), bench("bench-2")
    number = POSTINGS[20]
    read, go_on = threading.Event(), threading.Event()
    real = state.get_counted

    def held_up_after_reading(session, posting_number):
        found = real(session, posting_number)
        if threading.current_thread().name == "bench-2 scans" and not read.is_set():  # its decision's thread
            read.set()
            assert go_on.wait(30)
        return found

    monkeypatch.setattr(state, "get_counted", held_up_after_reading)
    results = {}
    second = threading.Thread(target=lambda: results.setdefault("two", two.scan(number)), name="bench-2 scans")
    second.start()
    assert read.wait(30)
    first = threading.Thread(target=lambda: results.setdefault(
        "one", [one.scan(number), one.scan(MUG_EAN), one.weigh(400)]))
    first.start()

    def waiting_on_a_row_lock() -> bool:
        with seed.engine.connect() as conn:
            return bool(conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                          "AND datname = current_database()")).scalar())

    wait_for(lambda: not first.is_alive() or waiting_on_a_row_lock(), timeout=30,
             what="bench-1 packed the posting or waits for bench-2's decision")
    go_on.set()
    second.join(30)
    first.join(30)
    opened_at_two = results["two"].code == r.POSTING_OPENED
    packed_at_one = [x.code for x in results["one"]] == [r.POSTING_OPENED, r.POSTING_COMPLETE, r.WEIGHT_ACCEPTED]
    assert opened_at_two != packed_at_one, (results["two"], results["one"])  # one bench has it, never both
    assert opened_at_two  # it came first: bench-1 waited for it and was told bench-2 holds it
    assert results["one"][0].data == {"reason": "claimed", "holder": "bench-2"}
