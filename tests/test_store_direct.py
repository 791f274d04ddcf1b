"""The writer lane's statements sent straight to SQLite's driver (app/store/direct.py): the same
rows, values, keys, counts and errors as SQLAlchemy's own execution, and the ordinary way
wherever it cannot be the same."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import Connection, bindparam, event, func, insert, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError

from app.store.direct import DirectStatements, DoneResult
from app.store.models import StationRow, SyncStateRow
from app.services.station import results as r
from station_helpers import CABLE, EAN, MUG, TEA, shop  # noqa: F401
from store_helpers import NOW, sqlite_db, sqlite_template  # noqa: F401

_st = StationRow.__table__
_ROW = select(_st.c.name, _st.c.error_data, _st.c.updated_at, _st.c.box_no).where(_st.c.name == bindparam("name"))
_COUNT = select(func.count(), func.max(_st.c.updated_at)).where(_st.c.state == "idle")  # a fixed value, no keys
_ADD = insert(_st)
_SET = update(_st).where(_st.c.name == bindparam("station"))
_IN = select(_st.c.name).where(_st.c.name.in_(bindparam("names", expanding=True)))
_ADD_RETURNING = insert(SyncStateRow.__table__).returning(SyncStateRow.__table__.c.key)


def _station(name: str, **values) -> dict:
    return {"name": name, "open_posting": None, "state": "idle", "box_no": 1, "error_code": None,
            "error_data": {"barcode": "4600", "nested": [1, {"x": None}]}, "packer": None,
            "updated_at": datetime(2026, 5, 10, 9, 0, 0, 123456), **values}


def _twice(sqlite_db, fn):  # noqa: F811
    """``fn(session)`` in two writes of the lane: its statements' first and second runs."""
    return sqlite_db.call(fn), sqlite_db.call(fn)


def test_a_statement_runs_the_ordinary_way_first_then_straight_and_answers_the_same(sqlite_db):  # noqa: F811
    sqlite_db.call(lambda s: s.execute(_ADD, _station("a")))
    sqlite_db.call(lambda s: s.execute(_ADD, _station("b", state="packing", error_data={})))

    def read(session):
        row, counted = session.execute(_ROW, {"name": "a"}), session.execute(_COUNT)
        return type(row), row.all(), type(counted), counted.all()

    (first_kind, first, first_count_kind, first_count), (kind, rows, count_kind, count) = _twice(sqlite_db, read)
    assert first_kind is CursorResult and first_count_kind is CursorResult
    assert kind is not CursorResult and count_kind is not CursorResult  # straight to the driver
    assert rows == first and count == first_count == [(1, datetime(2026, 5, 10, 9, 0, 0, 123456))]
    [(name, data, at, box)] = rows
    assert (name, data, at, box) == ("a", {"barcode": "4600", "nested": [1, {"x": None}]},
                                     datetime(2026, 5, 10, 9, 0, 0, 123456), 1)
    assert rows[0].error_data == data and rows[0]._fields == first[0]._fields  # keys as SQLAlchemy's
    assert count[0]._fields == first_count[0]._fields == ("count_1", "max_1")


_BY_NAME = select(_st.c.name, _st.c.box_no).where(_st.c.name.like(bindparam("like"))).order_by(_st.c.name)
READS = {  # how the bench's code reads a SELECT's result: the direct answer must be SQLAlchemy's
    "first": lambda res: res.first(),
    "all": lambda res: res.all(),
    "scalar": lambda res: res.scalar(),
    "iterated": lambda res: [tuple(row) + (row.name,) for row in res],
    "one_or_none": lambda res: res.one_or_none(),
    "scalars": lambda res: res.scalars().all(),
    "mappings": lambda res: [dict(m) for m in res.mappings()],
    "keys then all": lambda res: (list(res.keys()), res.all()),
    "first then all": lambda res: (res.first(), res.all()),
    "all then first": lambda res: (res.all(), res.first()),
    "fetchone then all": lambda res: (res.fetchone(), res.all()),
    "fetchone then iterated": lambda res: (res.fetchone(), list(res)),
    "scalar then first": lambda res: (res.scalar(), res.first()),
    "first then keys": lambda res: (res.first(), list(res.keys())),
    "iterated twice": lambda res: (list(res), list(res)),
}


@pytest.mark.parametrize("like", ["a%", "%", "nobody"], ids=["one row", "two rows", "no row"])
@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_a_select_straight_to_the_driver_reads_as_sqlalchemys_result_reads(sqlite_db, read, like):  # noqa: F811
    sqlite_db.call(lambda s: s.execute(_ADD, _station("a")))
    sqlite_db.call(lambda s: s.execute(_ADD, _station("b", box_no=2)))

    def answer(session):
        result = session.execute(_BY_NAME, {"like": like})
        try:
            return type(result).__name__, read(result)
        except Exception as exc:  # noqa: BLE001 - the error is the answer to compare
            return type(result).__name__, (type(exc).__name__, str(exc))

    (ordinary, expected), (direct, got) = _twice(sqlite_db, answer)
    assert (ordinary, direct) == ("CursorResult", "Rows")
    assert got == expected


def test_writes_straight_to_the_driver_store_what_sqlalchemy_stores(sqlite_db):  # noqa: F811
    def write(session, name):
        added = session.execute(_ADD, _station(name, error_data={"n": name}, updated_at=NOW))
        changed = session.execute(_SET, {"station": name, "state": "packing", "error_data": {"m": [name]}})
        missed = session.execute(_SET, {"station": "nobody", "state": "packing", "error_data": {}})
        return type(added), changed.rowcount, missed.rowcount

    assert sqlite_db.call(write, "a") == (CursorResult, 1, 0)
    assert sqlite_db.call(write, "b") == (DoneResult, 1, 0)
    with sqlite_db.read() as session:  # read the ordinary way: the same values, whichever way written
        rows = session.execute(select(_st.c.name, _st.c.state, _st.c.error_data, _st.c.updated_at)
                               .order_by(_st.c.name)).all()
    assert rows == [("a", "packing", {"m": ["a"]}, NOW), ("b", "packing", {"m": ["b"]}, NOW)]


def test_a_driver_error_is_sqlalchemys_and_undoes_only_its_savepoint(sqlite_db):  # noqa: F811
    sqlite_db.call(lambda s: s.execute(_ADD, _station("a")))
    sqlite_db.call(lambda s: s.execute(_ADD, _station("b")))  # the second run: straight

    def duplicate(session):
        session.execute(_SET, {"station": "a", "state": "packing", "error_data": {}})
        with pytest.raises(IntegrityError):  # the same key again, straight to the driver
            sqlite_db.call(lambda inner: inner.execute(_ADD, _station("a")))
        return session.execute(_ROW, {"name": "a"}).all()

    assert sqlite_db.call(duplicate)[0].name == "a"
    with sqlite_db.read() as session:
        assert session.execute(select(_st.c.name, _st.c.state).order_by(_st.c.name)).all() == [
            ("a", "packing"), ("b", "idle")]


def test_what_cannot_be_the_same_takes_the_ordinary_way(sqlite_db):  # noqa: F811
    sqlite_db.call(lambda s: s.execute(_ADD, _station("a")))

    def kinds(session):
        return [type(session.execute(_IN, {"names": ["a", "b"]})),  # an IN list
                type(session.execute(_ADD_RETURNING, {"key": f"k{id(session)}-{len(seen)}", "value": "v",
                                                      "updated_at": NOW})),  # RETURNING
                type(session.execute(_SET, [{"station": "a", "state": "idle", "error_data": {}}] * 2))]  # many

    seen: list = []
    seen.append(sqlite_db.call(kinds))
    seen.append(sqlite_db.call(kinds))
    assert seen[1] == [CursorResult] * 3


def test_while_someone_listens_every_statement_goes_the_ordinary_way(sqlite_db):  # noqa: F811
    sqlite_db.call(lambda s: s.execute(_ADD, _station("a")))
    heard: list[str] = []

    def hear(_conn, _cursor, statement, *_):
        heard.append(statement.split()[0])

    read = lambda s: type(s.execute(_ROW, {"name": "a"}))  # noqa: E731
    sqlite_db.call(read)
    event.listen(sqlite_db.writer_engine, "before_cursor_execute", hear)
    try:
        assert sqlite_db.call(read) is CursorResult
    finally:
        event.remove(sqlite_db.writer_engine, "before_cursor_execute", hear)
    assert heard == ["BEGIN", "SELECT"]
    assert sqlite_db.call(read) is not CursorResult


def test_statements_built_at_each_call_are_never_compiled_here(sqlite_db):  # noqa: F811
    direct = DirectStatements(sqlite_db.writer_engine.dialect)
    with sqlite_db.writer_engine.connect() as connection:
        for n in range(3):  # a new statement each time: each one's first run
            assert isinstance(direct.run(connection, select(_st.c.name).where(_st.c.name == f"x{n}")), CursorResult)
        again = select(_st.c.name).where(_st.c.name == "y")
        assert [isinstance(direct.run(connection, again), CursorResult) for _ in range(2)] == [True, False]


def test_a_packings_decisions_all_run_straight_once_their_statements_have_run(shop, monkeypatch):  # noqa: F811
    """Open, count, weigh with its ship command and event lines: a statement of the pack path that
    the direct form cannot take (a column default computed in Python, an IN list) costs every
    such decision SQLAlchemy's whole execution again (the outbox's INSERT did: 0.15 ms a weighing)."""
    station = shop.station()
    postings = {"10000001-0001-1": ([EAN[MUG], EAN[CABLE], EAN[CABLE]], 500.0), "10000002-0001-1": ([EAN[MUG]], 400.0),
                "10000006-0001-1": ([EAN[TEA], EAN[TEA], EAN[CABLE]], 250.0)}
    ordinary: list[str] = []
    real = Connection.execute

    def noted(self, statement, *args, **kw):
        ordinary.append(" ".join(str(statement).split())[:80])
        return real(self, statement, *args, **kw)

    for n, (number, (codes, grams)) in enumerate(postings.items()):
        if n == 2:  # the first two: each statement's first run, then its compiled form
            monkeypatch.setattr(Connection, "execute", noted)
        assert [station.scan(code).ok for code in [number, *codes]] == [True] * (len(codes) + 1)
        assert station.weigh(grams).code == r.WEIGHT_ACCEPTED
    monkeypatch.undo()
    assert ordinary == []
    assert shop.commands(number)  # the last weighing queued its ship command
