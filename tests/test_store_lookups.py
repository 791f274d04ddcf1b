"""The scan lookups: by posting number, by label barcode, by item barcode (packable), products
by barcode; and their query plans on SQLite use indexes only."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event

from app.services.station.units import mark_seen
from app.store.lookups import (
    find_by_label_barcode,
    find_packable_by_item_barcode,
    get_posting,
    packable_by_item_barcode,
    posting_by_label_barcode,
)
from app.store.postings import claim_posting, set_local_state, upsert_postings
from app.store.products import add_taught_barcode, products_by_barcode, upsert_products
from store_helpers import NOW, db, item, pg_url, posting, product, sqlite_db, sqlite_template  # noqa: F401

SOON, LATER, LAST = (NOW + timedelta(hours=h) for h in (1, 5, 30))


@pytest.fixture
def stocked(db):
    """Products 10 (EAN 4600000000010), 11, 12, and postings holding them."""
    db.call(upsert_products, [product(10), product(11), product(12)],
            {10: ["4600000000010", "OZN10"], 11: ["4600000000011"], 12: ["4600000000012"]}, NOW)
    db.call(upsert_postings, [
        posting("A-1-1", shipment_date=LATER, upper_barcode="%A11%", lower_barcode="0A11", scanit="ii10000000011"),
        posting("A-2-1", shipment_date=SOON, upper_barcode="%A21%", lower_barcode="0A21"),
        posting("A-3-1", shipment_date=None),
        posting("A-4-1", "awaiting_deliver", shipment_date=NOW),
        posting("A-5-1", shipment_date=NOW - timedelta(hours=1)),
    ], {
        "A-1-1": [item(11), item(10, 2)],
        "A-2-1": [item(10)],
        "A-3-1": [item(10), item(12)],
        "A-4-1": [item(10)],
        "A-5-1": [item(12)],
    }, NOW)
    return db


def _packable(db, barcode, station=None):
    with db.read() as session:
        found = find_packable_by_item_barcode(session, barcode, station)
        if station is not None:  # the station's number-only lookup agrees
            assert packable_by_item_barcode(session, barcode, station) == (found and found.posting_number)
    return None if found is None else found.posting_number


def test_get_posting_with_items_in_line_order(stocked):
    with stocked.read() as session:
        row = get_posting(session, "A-1-1")
        assert get_posting(session, "nope") is None
    assert [(i.line_no, i.sku, i.quantity) for i in row.items] == [(1, 11, 1), (2, 10, 2)]


def test_get_posting_in_a_write_session_reads_afresh(stocked):
    def change_then_get(session):
        before = get_posting(session, "A-2-1")
        set_local_state(session, "A-2-1", "packed")  # a bulk UPDATE: not seen by `before`
        return before is get_posting(session, "A-2-1"), get_posting(session, "A-2-1").local_state

    assert stocked.call(change_then_get) == (True, "packed")


@pytest.mark.parametrize(("code", "expected"), [
    ("%A11%", "A-1-1"), ("0A11", "A-1-1"), ("%A21%", "A-2-1"), ("0A21", "A-2-1"), ("%A99%", None),
    ("ii10000000011", "A-1-1"),  # the code on Ozon's new-format label
])
def test_find_by_label_barcode(stocked, code, expected):
    with stocked.read() as session:
        found = find_by_label_barcode(session, code)
        assert (found and found.posting_number) == expected
        assert posting_by_label_barcode(session, code) == expected
        if found is not None:
            assert found.items


def test_packable_by_item_barcode_takes_the_earliest_shipment(stocked):
    # product 10 is in A-1-1 (LATER), A-2-1 (SOON), A-3-1 (no date), A-4-1 (not packable)
    assert _packable(stocked, "4600000000010") == "A-2-1"
    assert _packable(stocked, "OZN10") == "A-2-1"
    assert _packable(stocked, "4600000000011") == "A-1-1"
    assert _packable(stocked, "4600000000012") == "A-5-1"
    assert _packable(stocked, "unknown") is None


def test_packable_skips_what_is_not_packable_and_undated_comes_last(stocked):
    stocked.call(set_local_state, "A-2-1", "packed")
    assert _packable(stocked, "4600000000010") == "A-1-1"
    stocked.call(set_local_state, "A-1-1", "problem", problem="torn")
    assert _packable(stocked, "4600000000010") == "A-3-1"
    stocked.call(set_local_state, "A-1-1", "in_progress")
    assert _packable(stocked, "4600000000010") == "A-1-1"
    stocked.call(upsert_postings, [posting("A-1-1", "cancelled"), posting("A-3-1", "awaiting_deliver")],
                 {"A-1-1": [item(10)], "A-3-1": [item(10)]}, NOW)
    assert _packable(stocked, "4600000000010") is None


def test_packable_leaves_postings_claimed_by_another_station(stocked):
    assert stocked.call(claim_posting, "A-2-1", "bench-2", NOW)
    assert _packable(stocked, "4600000000010", "bench-1") == "A-1-1"
    assert _packable(stocked, "4600000000010", "bench-2") == "A-2-1"  # its own claim
    assert _packable(stocked, "4600000000010") == "A-1-1"  # no station: unclaimed ones only


def test_packable_by_a_taught_barcode(stocked):
    assert _packable(stocked, "2000000000017") is None
    assert stocked.call(add_taught_barcode, "2000000000017", 11, "anna", NOW)
    assert _packable(stocked, "2000000000017") == "A-1-1"


def test_products_by_barcode(stocked):
    stocked.call(add_taught_barcode, "4600000000010", 12, "anna", NOW)  # one code, two products
    with stocked.read() as session:
        assert [p.sku for p in products_by_barcode(session, "4600000000010")] == [10, 12]
        assert [p.sku for p in products_by_barcode(session, "OZN10")] == [10]
        assert products_by_barcode(session, "nothing") == []


# -- plans ----------------------------------------------------------------------------------------

LOOKUPS = {
    "posting number": lambda session: get_posting(session, "A-1-1"),
    "label barcode": lambda session: find_by_label_barcode(session, "0A11"),
    "item barcode": lambda session: find_packable_by_item_barcode(session, "4600000000010"),
    "item barcode, station": lambda session: find_packable_by_item_barcode(
        session, "4600000000010", "bench-1"),
    "item barcode, station, number": lambda session: packable_by_item_barcode(
        session, "4600000000010", "bench-1"),
    "label barcode, number": lambda session: posting_by_label_barcode(session, "0A11"),
    "products by barcode": lambda session: products_by_barcode(session, "4600000000010"),
}
TABLES = ("postings", "posting_items", "product_barcodes", "products")


@contextmanager
def _statements(engine) -> Iterator[list[tuple[str, object]]]:
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.mark.parametrize("name", list(LOOKUPS))
def test_sqlite_lookup_plans_use_indexes_only(sqlite_db, name):
    sqlite_db.call(upsert_products, [product(10)], {10: ["4600000000010"]}, NOW)
    sqlite_db.call(upsert_postings, [posting("A-1-1", lower_barcode="0A11")], {"A-1-1": [item(10)]}, NOW)
    with sqlite_db.read() as session:
        with _statements(sqlite_db.engine) as seen:
            assert LOOKUPS[name](session)
        (statement, parameters), = seen  # one round trip
        raw = session.connection()
        plan = [row[3] for row in raw.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    searches = [step for step in plan if step.startswith("SEARCH")]
    assert searches and all("USING" in step and "INDEX" in step for step in searches), plan
    assert not [step for step in plan if step.startswith("SCAN") and step.split()[1] in TABLES], plan
    if name.startswith("item barcode"):  # the way in is the product's postings, not the status
        # ... from the index alone (the posting number is in it: no row of posting_items is read)
        assert any("posting_items USING COVERING INDEX ix_posting_items_sku_posting_number" in step
                   for step in plan), plan
        assert not any("ix_postings_status" in step or "ix_postings_local_state" in step
                       or "ix_postings_wave_id" in step for step in plan), plan  # nearly all have no wave
        # ... each of them looked up among the packable ones only (a partial index of a few thousand)
        assert any("postings USING INDEX ix_postings_packable (posting_number=?)" in step for step in plan), plan


def test_sqlite_marking_code_lookup_uses_the_index_of_the_marked_units(sqlite_db):
    # ix_packed_units_mark leaves the units without a code out (a count writes nothing there);
    # a lookup by a code is still served by it
    with sqlite_db.read() as session:
        with _statements(sqlite_db.engine) as seen:
            assert mark_seen(session, "A-1-1", "0104600000000010215abc") is None
        (statement, parameters), = seen
        plan = [row[3] for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    assert plan[0] == "SEARCH packed_units USING INDEX ix_packed_units_mark (mark=?)", plan
