"""Products and barcodes, reference data, sync marks, the event log."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app.store.events import events_for, log_event, recent_events
from app.store.products import (
    add_taught_barcode,
    barcodes_by_sku,
    barcodes_for_sku,
    get_product,
    missing_skus,
    products_by_sku,
    upsert_products,
)
from app.store.reference import (
    list_delivery_methods,
    list_warehouses,
    replace_delivery_methods,
    replace_warehouses,
)
from app.store.sync_state import all_states, get_state, set_state
from store_helpers import NOW, db, pg_url, product, sqlite_template  # noqa: F401

LATER = NOW + timedelta(hours=1)


def test_upsert_products_inserts_then_updates(db):
    assert db.call(upsert_products, [product(10), product(11, weight_g=None)], {}, NOW) == 2
    assert db.call(upsert_products, [product(10, name="Renamed", weight_g=300.5)], {}, LATER) == 1
    with db.read() as session:
        first, second = get_product(session, 10), get_product(session, 11)
        assert get_product(session, 99) is None
        assert sorted(products_by_sku(session, [10, 11, 99])) == [10, 11]
    assert (first.name, first.weight_g, first.fetched_at, first.offer_id) == ("Renamed", 300.5, LATER, "OFF-10")
    assert (second.weight_g, second.fetched_at) == (None, NOW)


def test_ozon_barcodes_are_replaced_and_taught_ones_stay(db):
    db.call(upsert_products, [product(10), product(11)],
            {10: ["4600000000010", "OZN10"], 11: ["4600000000011"]}, NOW)
    assert db.call(add_taught_barcode, "2000000000010", 10, "anna", NOW)
    db.call(upsert_products, [product(10)], {10: ["OZN10", "4600000000099"]}, LATER)
    with db.read() as session:
        assert barcodes_for_sku(session, 10) == ["4600000000099", "OZN10", "2000000000010"]
        assert barcodes_for_sku(session, 11) == ["4600000000011"]  # not in the call: untouched
        assert barcodes_for_sku(session, 12) == []
        assert barcodes_by_sku(session, [10, 11, 12]) == {
            10: ["4600000000099", "OZN10", "2000000000010"], 11: ["4600000000011"]}


def test_a_barcode_ozon_also_reports_stays_taught(db):
    db.call(upsert_products, [product(10)], {10: []}, NOW)
    db.call(add_taught_barcode, "4600000000010", 10, "anna", NOW)
    db.call(upsert_products, [product(10)], {10: ["4600000000010"]}, LATER)
    with db.read() as session:
        assert barcodes_for_sku(session, 10) == ["4600000000010"]
    db.call(upsert_products, [product(10)], {10: []}, LATER)  # Ozon drops it: the taught one stays
    with db.read() as session:
        assert barcodes_for_sku(session, 10) == ["4600000000010"]


def test_taught_barcode_is_added_once(db):
    assert db.call(add_taught_barcode, "2000000000017", 10, "anna", NOW)
    assert not db.call(add_taught_barcode, "2000000000017", 10, "boris", LATER)
    assert db.call(add_taught_barcode, "2000000000017", 11, "boris", LATER)  # same code, other sku
    with db.read() as session:
        assert barcodes_by_sku(session, [10, 11]) == {10: ["2000000000017"], 11: ["2000000000017"]}


def test_missing_skus(db):
    db.call(upsert_products, [product(n) for n in range(1000, 1700)], {}, NOW)  # > one IN chunk
    with db.read() as session:
        assert missing_skus(session, [10, 1000, 1699, 1700, 10]) == {10, 1700}
        assert missing_skus(session, []) == set()


def test_bad_product_dicts_are_refused(db):
    with pytest.raises(ValueError, match="unknown fields"):
        db.call(upsert_products, [{**product(10), "colour": "red"}], {}, NOW)
    with pytest.raises(ValueError, match="missing"):
        db.call(upsert_products, [{"name": "no sku"}], {}, NOW)


def test_reference_data_is_replaced(db):
    db.call(replace_warehouses, [{"id": 1, "name": "Main", "is_rfbs": False, "status": "created"},
                                 {"id": 2, "name": "Second"}])
    db.call(replace_delivery_methods, [
        {"id": 21, "name": "Ozon Logistics", "warehouse_id": 1, "provider_id": 24, "status": "ACTIVE",
         "cutoff": "13:00"},
        {"id": 22, "name": "Courier", "warehouse_id": 2},
    ])
    assert db.call(replace_warehouses, [{"id": 1, "name": "Main (renamed)", "is_rfbs": True}]) == 1
    db.call(replace_delivery_methods, [{"id": 23, "name": "Pickup", "warehouse_id": 1}], prune=False)
    with db.read() as session:
        warehouses = [(w.id, w.name, w.is_rfbs, w.status) for w in list_warehouses(session)]
        methods = [(m.id, m.name) for m in list_delivery_methods(session)]
        of_first = [m.id for m in list_delivery_methods(session, warehouse_id=1)]
    assert warehouses == [(1, "Main (renamed)", True, None)]
    assert methods == [(21, "Ozon Logistics"), (22, "Courier"), (23, "Pickup")]
    assert of_first == [21, 23]


def test_sync_state(db):
    with db.read() as session:
        assert get_state(session, "last_full_pass") is None
    db.call(set_state, "last_full_pass", "2026-05-10T09:00:00", NOW)
    db.call(set_state, "last_full_pass", "2026-05-10T10:00:00", LATER)
    db.call(set_state, "key_expires", "2026-06-01", NOW)
    with db.read() as session:
        assert get_state(session, "last_full_pass") == "2026-05-10T10:00:00"
        assert all_states(session) == {"key_expires": "2026-06-01",
                                       "last_full_pass": "2026-05-10T10:00:00"}


def test_event_log(db):
    first = db.call(log_event, kind="posting_opened", station="bench-1", packer="anna",
                    posting_number="1-1-1", now=NOW)
    db.call(log_event, kind="item_accepted", station="bench-1", posting_number="1-1-1",
            data={"sku": 10, "barcode": "4600000000010"}, now=LATER)
    db.call(log_event, kind="app_started", station="bench-2", now=LATER)
    with db.read() as session:
        events = events_for(session, "1-1-1")
        newest = recent_events(session, limit=2)
    assert first.id is not None
    assert [(e.kind, e.packer, e.at, e.data) for e in events] == [
        ("posting_opened", "anna", NOW, {}),
        ("item_accepted", None, LATER, {"sku": 10, "barcode": "4600000000010"}),
    ]
    assert [e.kind for e in newest] == ["app_started", "item_accepted"]
