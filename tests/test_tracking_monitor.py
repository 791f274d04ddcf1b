"""The tracking monitor (app/services/tracking/monitor.py, ``packdesk track``): every posting shipped
and not delivered, the ones needing a person first, each with the flag that says why."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.services.tracking.monitor import _since, flag_of, watch
from handover_helpers import shop  # noqa: F401  (fixture)
from test_handover_close import carriage_of, closed

NOW = datetime(2026, 12, 4, 12, 0)  # flag_of is a pure rule: any fixed moment does
H24, D7 = timedelta(hours=24), timedelta(days=7)


def row(status="delivering", substatus=None, **extra) -> dict:
    return {"status": status, "substatus": substatus, "shipment_date": extra.get("shipment_date"),
            "delivering_date": extra.get("delivering_date"), "synced_at": extra.get("synced_at")}


def test_each_flag_by_its_rule():
    handed = {"handed_over_at": NOW - timedelta(hours=30)}
    cases = [
        (row("awaiting_deliver"), handed, "not_scanned_by_ozon"),
        (row("not_accepted", "posting_not_in_sort_center"), handed, "not_scanned_by_ozon"),
        (row("awaiting_deliver"), {"handed_over_at": NOW - timedelta(hours=2)}, None),  # not overdue yet
        (row("awaiting_deliver"), {"handed_over_at": NOW - timedelta(hours=2), "flag": "not_scanned_by_ozon"},
         "not_scanned_by_ozon"),  # flagged by the sync's stage
        (row("delivering"), handed, None),  # Ozon took it in
        (row("awaiting_registration", "posting_registration_error"), {}, "registration_error"),
        (row("awaiting_registration", "posting_awaiting_registration", shipment_date=NOW), {}, None),
        (row("cancelled"), {}, "cancelled_after_label"),
        (row("delivering", "posting_returned_to_warehouse"), handed, "returning"),
        (row("delivering"), {"handed_over_at": NOW - timedelta(days=8)}, "late"),
        (row("delivering", delivering_date=NOW - timedelta(days=8)), {}, "late"),
        (row("awaiting_deliver", shipment_date=NOW - timedelta(days=2)), {}, "late"),  # never left
        (row("awaiting_deliver", shipment_date=NOW - timedelta(hours=3)), {}, None),
        # the seller's own carrier: a parcel it sends back; one it has said nothing of for 4 days (stuck)
        ({**row("delivering"), "carrier_stage": "returned", "carrier_at": NOW}, {}, "returning"),
        ({**row("delivering"), "carrier_stage": "in_transit", "carrier_at": NOW - timedelta(days=4)}, {}, "late"),
        ({**row("delivering"), "carrier_stage": "in_transit", "carrier_at": NOW - timedelta(days=1)}, {}, None),
        ({**row("delivering"), "carrier_stage": "delivered", "carrier_at": NOW - timedelta(days=4)}, {}, None),
    ]
    assert [flag_of(r, h, NOW, H24, D7) for r, h, _ in cases] == [want for _, _, want in cases]


def test_days_in_status_count_from_when_a_sync_saw_the_status_change():
    changed = row("delivering", delivering_date=NOW - timedelta(days=5), synced_at=NOW)
    assert _since({**changed, "status_changed_at": NOW - timedelta(days=2)}, {}) == NOW - timedelta(days=2)
    # never seen changing (first synced in it, or cached before packdesk kept the time): Ozon's own date
    assert _since({**changed, "status_changed_at": None}, {}) == NOW - timedelta(days=5)


def test_the_parcel_ozon_did_not_scan_comes_first(shop):
    method = shop.method_with("ozon")
    numbers = shop.ship(shop.packable("ozon", method)[:4])
    closed(shop, method, numbers)
    shop.sync()
    shop.sim.carriages.courier_scans(carriage_of(shop, method).id, missing=[numbers[2]])
    shop.world.settle()
    shop.sync()
    bench = shop.bench
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    early = watch(bench.db, bench.config, now=now + timedelta(hours=1))
    mine = {r.posting_number: r for r in early if r.posting_number in numbers}
    assert set(mine) == set(numbers) and not any(r.flag for r in mine.values())
    assert all(r.handed_over_at is not None and r.carriage_id == carriage_of(shop, method).id for r in mine.values())
    later = watch(bench.db, bench.config, now=now + timedelta(hours=25))
    assert (later[0].posting_number, later[0].flag) == (numbers[2], "not_scanned_by_ozon")
    assert later[0].as_json().keys() == {"posting_number", "status", "substatus", "local_state", "handed_over_at",
                                         "carriage_id", "tracking_number", "flag"}
    assert [r.flag for r in later if r.posting_number in numbers].count(None) == 3


def test_last_mile_then_delivered_go_through_the_outbox_and_are_confirmed_by_reading_back(shop):
    from app.services.tracking.steps import KIND, request_step
    from app.store.models import OUTBOX_DONE
    from test_handover_close import rfbs_closed, settle

    numbers, good = rfbs_closed(shop)
    settle(shop, "tracking_send")
    first, *_ = [n for n in numbers if shop.world.peek(n).status == "delivering"]
    fbs = shop.ship(shop.packable("ozon", shop.method_with("ozon"))[:1])[0]
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    db = shop.bench.db
    queued, refused = request_step(db, [first, fbs, "0-0-0"], "delivered", station="bench-1", now=now)
    assert queued == [first]
    assert [(n, code) for n, code, _ in refused] == [(fbs, "track_step_integrated"), ("0-0-0", "track_step_unknown")]
    assert request_step(db, [first], "delivered", station="bench-1", now=now)[0] == [first]  # asked twice: one command
    assert len(shop.commands(KIND)) == 1
    settle(shop, KIND)
    assert [c.state for c in shop.commands(KIND)] == [OUTBOX_DONE]
    assert shop.world.peek(first).status == "delivered" and shop.posting(first).status == "delivered"
    assert shop.sim.stats.requests("/v2/fbs/posting/delivered") == 1  # confirmed by reading back, not resent
    assert first not in {r.posting_number for r in watch(db, shop.bench.config, now=now)}  # delivered: off the monitor
    assert request_step(db, [first], "last-mile", station="bench-1", now=now)[1] == [(first, "track_step_done",
                                                                                      "delivered")]


@pytest.mark.parametrize("refusal, lang, said", [
    (("1-1-1", "track_step_not_delivering", "awaiting_deliver"), "en",
     "1-1-1: not on its way yet (Ozon status awaiting shipment): hand it to the carrier first."),
    (("1-1-1", "track_step_not_delivering", "awaiting_deliver"), "ru",
     "1-1-1: ещё не в пути (статус Ozon ожидает отгрузки): сначала передайте посылку перевозчику."),
    (("1-1-1", "track_step_not_delivering", "a_status_ozon_added_later"), "en",
     "1-1-1: not on its way yet (Ozon status a_status_ozon_added_later): hand it to the carrier first."),
    (("0-0-0", "track_step_unknown", ""), "en", "0-0-0: not in this bench's cache. Run a sync, or check the number."),
])
def test_a_refused_step_says_ozons_status_in_the_sellers_words(refusal, lang, said):
    from app.services.tracking.steps import refusal_text

    assert refusal_text(refusal, lang) == said
