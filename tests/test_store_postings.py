"""Postings from Ozon into the cache: bulk upsert, local_state rules, items, claims."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from app.statuses import LOCAL_STATES, OZON_STATUSES, derive_local_state
from app.store.models import PostingItemRow, PostingRow
from app.store.lookups import get_posting, list_postings, listing, open_posting_numbers
from app.store.postings import claim_posting, refresh_posting, release_posting, set_local_state, upsert_postings
from app.store.products import add_taught_barcode, upsert_products
from store_helpers import NOW, db, item, pg_url, posting, product, sqlite_template  # noqa: F401

LATER = NOW + timedelta(minutes=5)

# (status of a new posting, its local_state)
INSERT_RULES = [
    ("awaiting_packaging", "waiting"),
    ("awaiting_approve", "waiting"),
    ("cancelled", "cancelled"),
    ("cancelled_from_split_pending", "cancelled"),
    ("awaiting_deliver", "shipped"),
    ("awaiting_registration", "shipped"),
    ("delivering", "handed_over"),
    ("driver_pickup", "handed_over"),
    ("delivered", "handed_over"),
    ("sent_by_seller", "handed_over"),
    # disputes after the hand-over (ozon-after-ship.md §8): never a cancellation, never packable
    ("not_accepted", "handed_over"),
    ("arbitration", "handed_over"),
    ("client_arbitration", "handed_over"),
    ("acceptance_in_progress", "waiting"),  # before packing: not packable yet
]

# (local_state before, new Ozon status, local_state after)
UPDATE_RULES = [
    ("waiting", "awaiting_packaging", "waiting"),
    ("in_progress", "awaiting_packaging", "in_progress"),
    ("problem", "awaiting_packaging", "problem"),
    ("waiting", "cancelled", "cancelled"),
    ("in_progress", "cancelled", "cancelled"),
    ("labelled", "not_accepted", "handed_over"),
    ("handed_over", "arbitration", "handed_over"),
    ("handed_over", "awaiting_deliver", "handed_over"),  # back from arbitration: it left once
    ("labelled", "cancelled_from_split_pending", "cancelled"),
    ("handed_over", "cancelled", "cancelled"),
    ("waiting", "awaiting_deliver", "shipped"),
    ("waiting", "awaiting_registration", "shipped"),
    ("packed", "awaiting_deliver", "packed"),  # the bench confirms its own ship, not the sync
    ("in_progress", "awaiting_deliver", "in_progress"),
    ("labelled", "awaiting_deliver", "labelled"),
    ("waiting", "delivering", "handed_over"),
    ("packed", "driver_pickup", "handed_over"),
    ("shipped", "delivered", "handed_over"),
    ("labelled", "sent_by_seller", "handed_over"),
    ("in_progress", "delivering", "in_progress"),
    ("problem", "delivered", "problem"),
    ("cancelled", "awaiting_packaging", "cancelled"),
    ("handed_over", "delivered", "handed_over"),
]


@pytest.mark.parametrize(("status", "expected"), INSERT_RULES)
def test_local_state_of_a_new_posting(db, status, expected):
    db.call(upsert_postings, [posting("1-1-1", status)], {"1-1-1": [item(10)]}, NOW)
    with db.read() as session:
        assert get_posting(session, "1-1-1").local_state == expected
    assert derive_local_state("waiting", status) == expected


@pytest.mark.parametrize(("before", "status", "expected"), UPDATE_RULES)
def test_local_state_after_an_update(db, before, status, expected):
    db.call(upsert_postings, [posting("1-1-1", "awaiting_packaging")], {"1-1-1": [item(10)]}, NOW)
    assert db.call(set_local_state, "1-1-1", before, problem="x" if before == "problem" else None)
    db.call(upsert_postings, [posting("1-1-1", status)], {"1-1-1": [item(10)]}, LATER)
    with db.read() as session:
        row = get_posting(session, "1-1-1")
    assert (row.status, row.local_state) == (status, expected)
    assert derive_local_state(before, status) == expected


def test_the_sql_rule_and_the_python_rule_agree_on_every_combination(db):
    """One rule, two renderings: the upsert's SQL moves every local state under every Ozon status
    (and one Ozon may add tomorrow) exactly as ``derive_local_state`` does."""
    statuses = [*OZON_STATUSES, "some_new_status"]
    cases = [(f"9-{i}-{j}", before, status) for i, before in enumerate(LOCAL_STATES)
             for j, status in enumerate(statuses)]
    numbers = [number for number, _, _ in cases]
    db.call(upsert_postings, [posting(n) for n in numbers], {}, NOW)
    for before in LOCAL_STATES:
        db.call(set_local_state, [n for n, b, _ in cases if b == before], before)
    db.call(upsert_postings, [posting(n, status) for n, _, status in cases], {}, LATER)
    with db.read() as session:
        stored = dict(session.execute(select(PostingRow.posting_number, PostingRow.local_state)).all())
    wrong = [(before, status, stored[n], derive_local_state(before, status))
             for n, before, status in cases if stored[n] != derive_local_state(before, status)]
    assert len(cases) == len(LOCAL_STATES) * len(statuses)
    assert wrong == []
    assert {stored[n] for n in numbers} >= {"cancelled", "shipped", "handed_over", "waiting"}


def test_insert_stores_fields_and_fills_defaults(db):
    number = "2-2-1"
    sent = posting(number, upper_barcode="%101%", lower_barcode="0101",
                   requirements={"products_requiring_gtd": [10]},
                   in_process_at=datetime(2026, 5, 9, 12, 0, tzinfo=timezone(timedelta(hours=3))))
    del sent["available_actions"]  # missing: stored as []
    db.call(upsert_postings, [sent], {number: [item(10, 2, price="499.00"), item(11)]}, NOW)
    with db.read() as session:
        row = get_posting(session, number)
    assert (row.status, row.upper_barcode, row.lower_barcode) == ("awaiting_packaging", "%101%", "0101")
    assert row.available_actions == [] and row.requirements == {"products_requiring_gtd": [10]}
    assert (row.is_multibox, row.multi_box_qty, row.is_express) == (False, 1, False)
    assert row.in_process_at == datetime(2026, 5, 9, 9, 0)  # stored as naive UTC
    assert row.synced_at == NOW and row.shipment_date == NOW + timedelta(days=1)
    assert [(i.line_no, i.sku, i.quantity, i.price) for i in row.items] == [
        (1, 10, 2, "499.00"), (2, 11, 1, None)]


def test_update_overwrites_ozon_fields_and_keeps_the_benchs(db):
    db.call(upsert_postings, [posting("3-3-1", tracking_number=None)], {"3-3-1": [item(10)]}, NOW)
    assert db.call(claim_posting, "3-3-1", "bench-1", NOW)
    db.call(set_local_state, "3-3-1", "problem", problem="box damaged")
    db.call(upsert_postings, [posting("3-3-1", tracking_number="TRK1", available_actions=[],
                                      delivery_method_name="Courier")],
            {"3-3-1": [item(10)]}, LATER)
    with db.read() as session:
        row = get_posting(session, "3-3-1")
    assert (row.tracking_number, row.available_actions, row.delivery_method_name) == ("TRK1", [], "Courier")
    assert (row.local_state, row.problem, row.claimed_by) == ("problem", "box damaged", "bench-1")
    assert row.synced_at == LATER


def test_the_time_a_status_began_is_the_sync_that_saw_it_change(db):
    first, then, later = NOW, NOW + timedelta(hours=1), NOW + timedelta(hours=5)

    def seen(status: str, at: datetime, *numbers: str) -> None:
        db.call(upsert_postings, [posting(n, status=status) for n in numbers], {}, at)

    def since(number: str) -> datetime | None:
        with db.read() as session:
            return get_posting(session, number).status_changed_at

    seen("awaiting_packaging", first, "6-6-1", "6-6-2")
    assert since("6-6-1") is None  # first seen: when it began is not known
    seen("awaiting_deliver", then, "6-6-1")  # one posting alone (the station's re-read) and a page of two
    seen("awaiting_deliver", later, "6-6-1", "6-6-2")
    assert (since("6-6-1"), since("6-6-2")) == (then, later)  # the same status again keeps its time


def test_ozons_status_history_keeps_each_status_as_the_syncs_saw_it_change(db):
    from app.store.status_history import of_posting

    t = [NOW + timedelta(hours=h) for h in range(4)]
    db.call(upsert_postings, [posting("7-7-1", status="awaiting_packaging")], {}, t[0])
    db.call(upsert_postings, [posting("7-7-1", status="awaiting_packaging")], {}, t[1])  # no change: no row
    db.call(upsert_postings, [posting("7-7-1", status="awaiting_deliver", substatus="posting_created")], {}, t[2])
    db.call(upsert_postings, [posting("7-7-1", status="awaiting_deliver", substatus="posting_transferring_to_delivery"),
                              posting("7-7-2", status="delivering")], {}, t[3])
    with db.read() as session:
        assert [(st, at) for st, _, at in of_posting(session, "7-7-1")] == [
            ("awaiting_packaging", t[0]), ("awaiting_deliver", t[2]), ("awaiting_deliver", t[3])]
        assert of_posting(session, "7-7-1")[-1][1] == "posting_transferring_to_delivery"
        assert [st for st, _, _ in of_posting(session, "7-7-2")] == ["delivering"]  # first seen


def test_items_of_the_given_postings_are_replaced(db):
    db.call(upsert_postings, [posting("4-4-1"), posting("4-4-2")],
            {"4-4-1": [item(10), item(11)], "4-4-2": [item(12)]}, NOW)
    db.call(upsert_postings, [posting("4-4-1")], {"4-4-1": [item(13, 3)]}, LATER)
    with db.read() as session:
        first, second = get_posting(session, "4-4-1"), get_posting(session, "4-4-2")
    assert [(i.line_no, i.sku, i.quantity) for i in first.items] == [(1, 13, 3)]
    assert [i.sku for i in second.items] == [12]  # not in the batch: untouched


def test_a_given_posting_without_items_loses_them(db):
    db.call(upsert_postings, [posting("4-4-1")], {"4-4-1": [item(10)]}, NOW)
    db.call(upsert_postings, [posting("4-4-1")], {}, LATER)
    with db.read() as session:
        assert get_posting(session, "4-4-1").items == []


def test_cancellation_after_sync_turns_an_open_posting_cancelled(db):
    db.call(upsert_postings, [posting("5-5-1")], {"5-5-1": [item(10)]}, NOW)
    db.call(claim_posting, "5-5-1", "bench-1", NOW)
    db.call(set_local_state, "5-5-1", "in_progress")
    db.call(upsert_postings, [posting("5-5-1", "cancelled", cancel_reason="buyer")],
            {"5-5-1": [item(10)]}, LATER)
    with db.read() as session:
        row = get_posting(session, "5-5-1")
    assert (row.status, row.local_state, row.cancel_reason) == ("cancelled", "cancelled", "buyer")


def test_returns_how_many_postings_are_new_or_changed_status(db):
    batch = [posting("6-6-1"), posting("6-6-2"), posting("6-6-3")]
    items = {p["posting_number"]: [item(10)] for p in batch}
    assert db.call(upsert_postings, batch, items, NOW) == 3
    assert db.call(upsert_postings, batch, items, LATER) == 0
    batch[1]["status"] = "awaiting_deliver"
    batch.append(posting("6-6-4"))
    items["6-6-4"] = [item(10)]
    assert db.call(upsert_postings, batch, items, LATER) == 2
    assert db.call(upsert_postings, [], {}, LATER) == 0


def test_a_number_twice_in_one_batch_keeps_the_last(db):
    batch = [posting("7-7-1", "awaiting_packaging"), posting("7-7-1", "awaiting_deliver")]
    assert db.call(upsert_postings, batch, {"7-7-1": [item(10)]}, NOW) == 1
    with db.read() as session:
        assert get_posting(session, "7-7-1").status == "awaiting_deliver"


def test_large_batches_are_chunked(db):
    batch = [posting(f"8-{n:05d}-1") for n in range(1200)]
    items = {p["posting_number"]: [item(10), item(11, 2)] for p in batch}
    assert db.call(upsert_postings, batch, items, NOW) == 1200
    batch[1100]["status"] = "cancelled"
    assert db.call(upsert_postings, batch, items, LATER) == 1
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(PostingRow)) == 1200
        assert session.scalar(select(func.count()).select_from(PostingItemRow)) == 2400
        assert get_posting(session, "8-01100-1").local_state == "cancelled"


@pytest.mark.parametrize(("bad", "message"), [
    ({"posting_number": "9-9-1", "status": "awaiting_packaging", "colour": "red"}, "unknown fields"),
    ({"posting_number": "9-9-1"}, "missing"),
    ({"posting_number": "9-9-1", "status": "awaiting_packaging", "local_state": "packed"}, "unknown fields"),
])
def test_bad_posting_dicts_are_refused_and_nothing_is_written(db, bad, message):
    with pytest.raises(ValueError, match=message):
        db.call(upsert_postings, [posting("9-9-0"), bad], {}, NOW)
    with db.read() as session:
        assert get_posting(session, "9-9-0") is None


def test_claims_are_exclusive(db):
    db.call(upsert_postings, [posting("10-1-1")], {"10-1-1": [item(10)]}, NOW)
    assert db.call(claim_posting, "10-1-1", "bench-1", NOW)
    assert not db.call(claim_posting, "10-1-1", "bench-2", NOW)
    assert db.call(claim_posting, "10-1-1", "bench-1", LATER)  # again by its holder: fine
    assert not db.call(release_posting, "10-1-1", "bench-2")
    assert db.call(release_posting, "10-1-1", "bench-1")
    assert db.call(claim_posting, "10-1-1", "bench-2", LATER)
    with db.read() as session:
        row = get_posting(session, "10-1-1")
    assert (row.claimed_by, row.claimed_at) == ("bench-2", LATER)
    assert not db.call(claim_posting, "no-such", "bench-1", NOW)


def test_set_local_state_checks_its_value(db):
    db.call(upsert_postings, [posting("11-1-1")], {}, NOW)
    with pytest.raises(ValueError):
        db.call(set_local_state, "11-1-1", "lost")
    assert db.call(set_local_state, "no-such", "packed") == 0


def test_set_local_state_of_several_and_list_open_ones(db):
    db.call(upsert_postings, [posting("11-1-1"), posting("11-1-2"), posting("11-1-3")], {}, NOW)
    assert db.call(set_local_state, ["11-1-1", "11-1-3", "no-such"], "problem", problem="torn") == 2
    with db.read() as session:
        assert open_posting_numbers(session, ["problem", "in_progress"]) == ["11-1-1", "11-1-3"]
        assert open_posting_numbers(session, ["waiting"]) == ["11-1-2"]
        assert get_posting(session, "11-1-3").problem == "torn"


def test_list_postings_filters_and_orders_by_shipment_date(db):
    batch = [
        posting("12-1-1", shipment_date=NOW + timedelta(hours=5)),
        posting("12-1-2", shipment_date=None),
        posting("12-1-3", shipment_date=NOW + timedelta(hours=1)),
        posting("12-1-4", "delivered", shipment_date=NOW),
    ]
    db.call(upsert_postings, batch, {"12-1-1": [item(10)], "12-1-3": [item(11), item(12)]}, NOW)
    with db.read() as session:
        everything = list_postings(session)
        packable = list_postings(session, status="awaiting_packaging")
        handed = list_postings(session, local_state=["handed_over"])
        first = list_postings(session, limit=1)
    assert [p.posting_number for p in everything] == ["12-1-4", "12-1-3", "12-1-1", "12-1-2"]
    assert [p.posting_number for p in packable] == ["12-1-3", "12-1-1", "12-1-2"]
    assert [len(p.items) for p in packable] == [2, 1, 0]
    assert [p.posting_number for p in handed] == ["12-1-4"]
    assert [p.posting_number for p in first] == ["12-1-4"]


def test_listing_for_the_cli(db):
    db.call(upsert_products, [product(10), product(11)], {10: ["4600000000010", "OZN10"]}, NOW)
    db.call(add_taught_barcode, "2000000000010", 10, "anna", NOW)
    db.call(upsert_postings, [posting("13-1-1", shipment_date=NOW), posting("13-1-2", "delivered")],
            {"13-1-1": [item(10, 2), item(11)], "13-1-2": [item(11)]}, NOW)
    with db.read() as session:
        everything = listing(session)
        packable = listing(session, status="awaiting_packaging")
    assert [p["posting_number"] for p in everything] == ["13-1-1", "13-1-2"]
    (first,) = packable
    assert (first["status"], first["local_state"], first["shipment_date"]) == (
        "awaiting_packaging", "waiting", "2026-05-10T09:00:00+00:00")
    db.call(set_local_state, "13-1-1", "problem", problem="torn")  # README: postings --status problem
    with db.read() as session:
        assert [p["posting_number"] for p in listing(session, status="problem")] == ["13-1-1"]
        assert [p["posting_number"] for p in listing(session, status="handed_over")] == ["13-1-2"]
        assert listing(session, status="packed") == []
    assert first["items"] == [
        {"sku": 10, "offer_id": "OFF-10", "name": "Product 10", "quantity": 2,
         "barcodes": ["4600000000010", "OZN10", "2000000000010"]},
        {"sku": 11, "offer_id": "OFF-11", "name": "Product 11", "quantity": 1, "barcodes": []},
    ]


@pytest.mark.parametrize(("change", "changed"), [
    ({}, False),  # what the cache holds: only synced_at moves
    ({"status": "cancelled"}, True),
    ({"tracking_number": "TRK-1"}, True),
    ({"requirements": {"products_requiring_gtd": ["10"]}}, True),
])
def test_refresh_writes_one_posting_from_ozon_as_the_upsert_does(db, change, changed):
    db.call(upsert_postings, [posting("14-1-1")], {"14-1-1": [item(10, 2), item(11)]}, NOW)
    db.call(claim_posting, "14-1-1", "bench-1", NOW)
    db.call(set_local_state, "14-1-1", "in_progress")
    assert db.call(refresh_posting, posting("14-1-1", **change), [item(10, 2), item(11)], LATER) is changed
    with db.read() as session:
        row = get_posting(session, "14-1-1")
    assert (row.status, row.tracking_number, row.synced_at) == (
        change.get("status", "awaiting_packaging"), change.get("tracking_number"), LATER)
    assert row.local_state == ("cancelled" if change.get("status") == "cancelled" else "in_progress")
    assert row.claimed_by == "bench-1" and [(i.sku, i.quantity) for i in row.items] == [(10, 2), (11, 1)]


@pytest.mark.parametrize("account", ["", "acme"])
def test_refresh_of_what_the_cache_holds_moves_only_synced_at_whatever_account_it_is_stamped_with(db, account):
    lines = [item(10, 2), item(11)]
    db.call(upsert_postings, [posting("14-1-4")], {"14-1-4": lines}, NOW, account=account)
    assert db.call(refresh_posting, posting("14-1-4"), lines, LATER) is False  # several accounts: no rewrite
    with db.read() as session:
        row = get_posting(session, "14-1-4")
    assert (row.account, row.synced_at) == (account, LATER)


@pytest.mark.parametrize("lines", [[item(10, 3), item(11)], [item(10, 2)], [item(10, 2), item(11), item(12)],
                                   [item(11), item(10, 2)], [item(10, 2), item(11, name="Renamed")]])
def test_refresh_replaces_lines_that_changed_on_ozon(db, lines):
    db.call(upsert_postings, [posting("14-1-2")], {"14-1-2": [item(10, 2), item(11)]}, NOW)
    assert db.call(refresh_posting, posting("14-1-2"), lines, LATER) is True
    with db.read() as session:
        row = get_posting(session, "14-1-2")
    assert [(i.sku, i.quantity, i.name) for i in row.items] == [(x["sku"], x["quantity"], x["name"]) for x in lines]


def test_refresh_of_a_posting_not_cached_inserts_it(db):
    assert db.call(refresh_posting, posting("14-1-3"), [item(10)], NOW) is True
    with db.read() as session:
        assert get_posting(session, "14-1-3").local_state == "waiting"
