"""The station's rehearsal at start-up: its usual decisions, made and undone, so that the first
scans of a shift find their statements compiled."""
import sqlite3

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql import compiler

from app.services.station import rehearsal
from app.services.station import results as r
from app.store.models import Base
from station_helpers import CABLE, EAN, MUG, TEA, shop  # noqa: F401

A, TEA_POSTING = "10000001-0001-1", "10000006-0001-1"
REHEARSED = [r.POSTING_OPENED, r.UNKNOWN_BARCODE, r.WRONG_ITEM, r.ITEM_ACCEPTED, r.POSTING_COMPLETE,
             r.WEIGHT_ACCEPTED] * rehearsal.PASSES + [r.ITEM_ACCEPTED, r.POSTING_RELEASED] * rehearsal.PASSES


def counts(db) -> dict[str, int]:
    with db.read() as session:
        return {table.name: session.scalar(select(func.count()).select_from(table))
                for table in Base.metadata.sorted_tables}


@pytest.fixture
def compiles(monkeypatch):
    """How many statements SQLAlchemy compiles (the ordinary path's cache misses and the writer
    lane's direct forms both build a ``Compiled``)."""
    seen = []
    original = compiler.Compiled.__init__

    def counting(self, *args, **kw):
        seen.append(type(self).__name__)
        original(self, *args, **kw)

    monkeypatch.setattr(compiler.Compiled, "__init__", counting)
    return seen


def a_shift_begins(station) -> list[str]:
    outcomes = [station.scan(code) for code in (A, "4600000009999", EAN[TEA], EAN[MUG], EAN[CABLE], EAN[CABLE])]
    outcomes.append(station.weigh(500.0))
    outcomes += [station.scan(code) for code in (TEA_POSTING, EAN[TEA], "CMD:CANCEL", EAN[TEA], "CMD:CANCEL")]
    return [x.code for x in outcomes]


def test_the_rehearsal_decides_the_usual_things_and_leaves_the_database_as_it_was(shop, caplog):
    station = shop.station()
    station.scan(A)  # the bench's own posting stays open through the rehearsal
    before, row = counts(shop.db), shop.station_row()
    with caplog.at_level("INFO", logger="packdesk.station.rehearsal"):
        assert rehearsal.rehearse(station) == REHEARSED
    assert f"bench-1: {len(REHEARSED)} decisions rehearsed and undone in " in caplog.text
    assert counts(shop.db) == before
    after = shop.station_row()
    assert (after.open_posting, after.state, after.updated_at) == (row.open_posting, row.state, row.updated_at)
    assert station.scan(EAN[MUG]).code == r.ITEM_ACCEPTED


def test_after_the_rehearsal_a_shift_s_first_scans_compile_nothing(shop, compiles):
    station = shop.station()
    rehearsal.rehearse(station)
    compiles.clear()
    codes = a_shift_begins(station)
    assert codes == [r.POSTING_OPENED, r.UNKNOWN_BARCODE, r.WRONG_ITEM, r.ITEM_ACCEPTED, r.ITEM_ACCEPTED,
                     r.POSTING_COMPLETE, r.WEIGHT_ACCEPTED, r.POSTING_OPENED, r.ITEM_ACCEPTED, r.POSTING_RELEASED,
                     r.ITEM_ACCEPTED, r.POSTING_RELEASED]  # the last but one: an item with nothing open
    assert compiles == []


def test_unrehearsed_the_same_scans_compile_their_statements(shop, compiles):
    a_shift_begins(shop.station())
    assert len(compiles) > 20


def test_a_database_the_bench_cannot_use_is_logged_and_the_bench_goes_on(shop, monkeypatch, caplog):
    station = shop.station()
    before = counts(shop.db)

    def locked(*_a, **_kw):
        raise OperationalError("UPDATE postings ...", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(rehearsal.flows, "weigh", locked)
    with caplog.at_level("WARNING", logger="packdesk.station.rehearsal"):
        assert rehearsal.rehearse(station) == []
    assert "rehearsal could not use the database (" in caplog.text and "database is locked" in caplog.text
    assert counts(shop.db) == before
    assert station.scan(A).code == r.POSTING_OPENED


def test_a_bug_in_a_rehearsed_decision_is_raised_and_nothing_is_kept(shop, monkeypatch):
    """A bug is not a slow first scan: it goes up (the station thread reports it, as any bug)."""
    station = shop.station()
    before = counts(shop.db)
    monkeypatch.setattr(rehearsal.flows, "weigh", lambda *a, **kw: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        rehearsal.rehearse(station)
    assert counts(shop.db) == before
