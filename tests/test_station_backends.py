"""The station's own statements (built once, Core) on both backends: a shift's worth of decisions
on SQLite and on PostgreSQL, and how many statements the common scans take."""
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event

from app.services.station import results as r
from station_helpers import CABLE, EAN, MUG, SHOES, TEA, Shop, mark_code, write_shop
from store_helpers import db, pg_url, sqlite_template  # noqa: F401

A, B, SHOE_POSTING, CANCELLED, TEA_POSTING = (
    "10000001-0001-1", "10000002-0001-1", "10000003-0001-1", "10000004-0001-1", "10000006-0001-1")


@pytest.fixture
def bench(db, tmp_path):  # noqa: F811
    write_shop(db)
    return Shop(db, tmp_path)


def test_a_shift_on_each_backend(bench):
    station = bench.station()
    assert station.scan(EAN[MUG]).data["opened"] == B  # idle item scan: the earliest deadline
    assert station.weigh(400).code == r.WEIGHT_ACCEPTED
    assert station.scan(A).data == {"counted": 0, "total": 3, "resumed": False, "scanned": "number", "box": 1}
    assert station.scan(EAN[TEA]).code == r.WRONG_ITEM
    assert station.scan("2999999999999").code == r.UNKNOWN_BARCODE
    assert station.scan(EAN[MUG]).code == r.ITEM_ACCEPTED  # the next valid scan clears the held error
    assert station.next_box().data == {"box": 2}
    assert station.scan(EAN[CABLE]).data["line_counted"] == 1
    assert station.scan(EAN[CABLE]).code == r.POSTING_COMPLETE
    assert station.scan(EAN[CABLE]).code == r.OVER_SCAN
    assert station.acknowledge().code == r.ACKNOWLEDGED
    assert station.weigh(800).code == r.WEIGHT_MISMATCH
    assert station.override_weight("boss").code == r.WEIGHT_ACCEPTED
    [ship] = bench.commands(A)
    assert ship.payload == {"packages": [[[MUG, 1]], [[CABLE, 2]]]}
    row = bench.posting(A)
    assert (row.local_state, row.packed_by, row.measured_weight_g, row.claimed_by) == ("packed", "bench-1", 800, None)

    assert station.scan(SHOE_POSTING).code == r.POSTING_OPENED
    assert station.scan(EAN[SHOES]).code == r.MARK_REQUIRED
    assert station.scan(mark_code(EAN[SHOES])).code == r.ITEM_ACCEPTED
    assert station.scan(mark_code(EAN[SHOES])).code == r.DUPLICATE_UNIT
    assert station.release().data == {"dropped": 1}
    assert bench.posting(SHOE_POSTING).local_state == "waiting"
    assert station.scan(CANCELLED).data["reason"] == "cancelled"
    assert station.scan(TEA_POSTING).code == r.POSTING_OPENED
    assert station.park().code == r.POSTING_PARKED
    assert station.snapshot()["parked"] == [TEA_POSTING]
    assert (bench.station_row().state, bench.station_row().packer) == (r.IDLE, "anna")
    assert [e.kind for e in bench.events(B)] == [r.POSTING_OPENED, r.POSTING_COMPLETE, "packed", r.WEIGHT_ACCEPTED]


@contextmanager
def _statements(db):
    """The statements the database runs: on SQLite as its driver connection runs them (the lane's
    statements go straight to it, ``app.store.direct``), on PostgreSQL as SQLAlchemy sends them."""
    seen: list[str] = []

    def record(statement: str) -> None:
        seen.append(statement.split()[0].upper())

    if db.dialect == "sqlite":
        def trace(session, callback):
            session.connection().connection.driver_connection.set_trace_callback(callback)

        db.call(trace, record)
        seen.clear()  # that write's own COMMIT
        try:
            yield seen
        finally:
            taken = seen[:]
            db.call(trace, None)
            seen[:] = taken  # without the BEGIN of the write that took the callback off
        return

    def heard(_conn, _cursor, statement, _parameters, _context, _many):
        record(statement)

    event.listen(db.engine, "before_cursor_execute", heard)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", heard)


def test_a_counted_unit_takes_one_transaction_of_few_statements(bench):
    station = bench.station()
    station.scan(A)
    bench.clock[0] += timedelta(seconds=3)
    with _statements(bench.db) as seen:
        assert station.scan(EAN[CABLE]).code == r.ITEM_ACCEPTED
    # station row, products, posting with its lines and their counts; the unit, the event; the row, once
    assert seen.count("SELECT") == 3 and seen.count("INSERT") == 2 and seen.count("UPDATE") == 1, seen
    assert set(seen) <= {"BEGIN", "SELECT", "INSERT", "UPDATE", "COMMIT"}, seen
    transactions = 1 if bench.db.dialect == "sqlite" else 0  # (psycopg's BEGIN and COMMIT are not statements)
    assert seen.count("BEGIN") == seen.count("COMMIT") == transactions, seen
    assert bench.station_row().updated_at == bench.now()
    with _statements(bench.db) as seen:  # nothing changed (same clock, same state): not written
        assert station.scan(EAN[CABLE]).code == r.ITEM_ACCEPTED
        assert station.scan(EAN[CABLE]).code == r.OVER_SCAN
    assert seen.count("UPDATE") == 1, seen  # the held error only


def test_weigh_and_pack_take_one_transaction_of_few_statements(bench):
    station = bench.station()
    station.scan(A)
    for code in (EAN[MUG], EAN[CABLE], EAN[CABLE]):
        station.scan(code)
    with _statements(bench.db) as seen:
        packed = station.weigh(500)
    assert (packed.code, packed.data["expected_g"]) == (r.WEIGHT_ACCEPTED, 500.0)
    # station row, posting with its lines, counts and weights, the units by box; the posting
    # packed and let go at once, the ship command, two events; the row
    assert seen.count("SELECT") == 3 and seen.count("UPDATE") == 2 and seen.count("INSERT") == 3, seen
    row = bench.posting(A)
    assert (row.local_state, row.claimed_by, row.claimed_at) == ("packed", None, None)
    assert [c.payload for c in bench.commands(A)] == [{"packages": [[[MUG, 1], [CABLE, 2]]]}]


@pytest.mark.expect_errors("packdesk.station")
def test_the_view_read_with_a_decision_on_each_backend(bench, caplog):
    from sqlalchemy import text

    from app.services.station.view import view_in, view_snapshot

    station = bench.station()
    station.view = lambda session, row: view_in(station, session, row)
    assert station.scan(A).code == r.POSTING_OPENED
    assert station.scan(EAN[MUG]).code == r.ITEM_ACCEPTED
    assert station.take_view() == view_snapshot(station)

    def broken(session, row):  # a statement that fails: on PostgreSQL it would spoil the transaction
        session.execute(text("SELECT no_such_column FROM stations"))

    station.view = broken
    with caplog.at_level("ERROR", logger="packdesk.station"):
        assert station.scan(EAN[CABLE]).code == r.ITEM_ACCEPTED  # decided and committed all the same
    assert station.take_view() is None and len([x for x in caplog.records if x.levelname == "ERROR"]) == 1
    assert len(bench.units(A)) == 2


def test_the_rehearsal_is_undone_on_each_backend(bench):
    """The station's rehearsal at start-up (``rehearsal``) decides as on SQLite and leaves nothing."""
    from sqlalchemy import func, select

    from app.services.station import rehearsal
    from app.store.models import Base
    from test_station_rehearsal import REHEARSED

    def counts():
        with bench.db.read() as session:
            return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}

    station = bench.station()
    assert station.scan(A).code == r.POSTING_OPENED
    before = counts()
    assert rehearsal.rehearse(station) == REHEARSED
    assert counts() == before
    assert station.scan(EAN[MUG]).code == r.ITEM_ACCEPTED  # its own posting still open, counted on
