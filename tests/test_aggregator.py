"""rFBS Aggregator (Ozon partner delivery), against the simulator: a multi-box posting's number of
boxes goes to Ozon before its ship, through the outbox; after the ship it waits for the partner's
registration on the waiting shelf (its label not fetched yet, no error); the partner's refusal is a
problem for a person; domestic tracking numbers are kept per posting and exported as CSV."""
from __future__ import annotations

import csv
from datetime import datetime, timezone

import pytest

from app.services.aggregator.domestic import DomesticError, export_csv, record
from app.services.aggregator.multibox import KIND
from app.sim.ozon import partner
from app.store import labels as store_labels
from app.store import outbox as store_outbox
from app.store.models import LABEL_FETCHED, LABEL_WAITING, OUTBOX_DONE
from handover_helpers import make_shop

NOW = datetime.now(timezone.utc).replace(tzinfo=None)


@pytest.fixture
def shop(tmp_path):
    made = make_shop(tmp_path, partner_share=0.4, registration_delay_s=3600.0)  # the partner answers by lever
    yield made
    made.bench.close()
    made.sim.close()


def packed(shop, number: str) -> None:
    """Packed at the bench: the ship command the station writes (one package)."""
    package = [[line.sku, line.quantity] for line in shop.world.peek(number).lines]
    shop.bench.db.writer.call(lambda session: store_outbox.add(
        session, kind="ship", posting_number=number, payload={"packages": [package]}, dedupe_key=f"ship:{number}",
        station="bench-1", now=NOW))


def labels_due_now(shop) -> None:
    """The label's not-ready backoff is over (no waiting in tests)."""
    from sqlalchemy import update

    from app.store.models import LabelRow

    shop.bench.db.writer.call(lambda session: session.execute(update(LabelRow).values(not_before=None)))


def label_state(shop, number: str) -> str | None:
    with shop.bench.db.read() as session:
        row = store_labels.get(session, number)
        return row.state if row else None


def partner_postings(shop) -> list[str]:
    world = shop.world
    return [n for n in world.posting_numbers("awaiting_packaging") if world.peek(n).method.partner_delivery
            and not any(world.needs_mark[x.sku] for x in world.peek(n).lines)]


def test_a_multibox_posting_gets_its_boxes_before_the_ship_then_waits_for_the_partner(shop):
    number = partner_postings(shop)[0]
    partner.make_multibox(shop.world, number, 3)
    shop.sync()
    assert (shop.posting(number).is_multibox, shop.posting(number).multi_box_qty) == (True, 3)
    boxes = 3
    packed(shop, number)
    for _ in range(4):
        shop.sync()
    live = shop.world.peek(number)
    assert [c.state for c in shop.commands(KIND)] == [OUTBOX_DONE] and shop.commands(KIND)[0].payload == {"qty": boxes}
    assert live.multi_box_qty == boxes and live.multi_box_set_at <= live.status_changed_at  # boxes, then the ship
    assert shop.commands("ship")[0].state == OUTBOX_DONE
    assert (live.status, shop.posting(number).status) == ("awaiting_registration", "awaiting_registration")
    assert label_state(shop, number) == LABEL_WAITING and shop.posting(number).local_state == "shipped"  # no error
    from app.ui.queues.data import load_queues  # Qt-free: the queues' data

    shelf = load_queues(shop.bench.db, "bench-1")
    assert number in {p["posting_number"] for p in shelf.packed} and not shelf.failed  # on the waiting shelf
    partner.partner_answers(shop.world, number, registers=True)
    for _ in range(3):
        labels_due_now(shop)
        shop.sync()
        if label_state(shop, number) == LABEL_FETCHED:
            break
    assert label_state(shop, number) == LABEL_FETCHED and shop.posting(number).tracking_number


def test_the_partners_refusal_is_a_problem_with_ozons_word(shop):
    number = partner_postings(shop)[0]
    posting = shop.world.get(number)
    shop.world.ship(number, [[(line.sku, line.quantity) for line in posting.lines]])
    shop.world.settle()
    shop.sync()
    assert shop.posting(number).status == "awaiting_registration"
    partner.partner_answers(shop.world, number, registers=False)
    summary = shop.sync()
    assert summary.as_dict()["stages"]["aggregator"] == "ok"
    row = shop.posting(number)
    assert row.substatus == "posting_registration_error" and row.local_state == "problem"
    assert "posting_registration_error" in row.problem
    from app.services.tracking.monitor import watch

    first = watch(shop.bench.db, shop.bench.config, now=NOW)[0]
    assert (first.posting_number, first.flag) == (number, "registration_error")


def test_a_refused_registration_parks_the_label_at_once_and_a_late_registration_fetches_it(shop):
    number = partner_postings(shop)[0]
    packed(shop, number)
    for _ in range(3):
        shop.sync()
    assert (shop.posting(number).status, label_state(shop, number)) == ("awaiting_registration", LABEL_WAITING)
    partner.partner_answers(shop.world, number, registers=False)
    shop.sync()
    with shop.bench.db.read() as session:
        label = store_labels.get(session, number)
    assert (label.state, label.error_kind) == ("parked", "posting_registration_error")  # not asked again for an hour
    assert "write to Ozon support" in label.last_error
    requests = shop.sim.stats.requests("/v3/posting/fbs/package-label/create")
    labels_due_now(shop)
    shop.sync()
    assert shop.sim.stats.requests("/v3/posting/fbs/package-label/create") == requests  # parked: not asked
    shop.world.set_status(number, "awaiting_deliver")  # Ozon's support had it registered after all
    for _ in range(3):
        labels_due_now(shop)
        shop.sync()
        if label_state(shop, number) == LABEL_FETCHED:
            break
    assert label_state(shop, number) == LABEL_FETCHED
    assert (shop.posting(number).local_state, shop.posting(number).problem) == ("shipped", None)


def test_domestic_tracking_numbers_are_kept_per_posting_and_exported(shop, tmp_path):
    a, b = partner_postings(shop)[:2]
    shop.sync()
    db = shop.bench.db
    assert record(db, a, ["yt2412345678901", "SF1234567890"], forwarder="YunExpress", station="bench-1",
                  now=NOW) == ["YT2412345678901", "SF1234567890"]
    assert record(db, a, ["YT2412345678901"], forwarder="YunExpress", station="bench-1", now=NOW) == []  # once
    assert record(db, b, ["JD0001234567"], forwarder="", station="bench-1", now=NOW) == ["JD0001234567"]
    with pytest.raises(DomesticError) as bad:
        record(db, a, ["no spaces please"], forwarder="", station="bench-1", now=NOW)
    assert bad.value.code == "domestic_invalid"
    with pytest.raises(DomesticError) as unknown:
        record(db, "0-0-0", ["JD0001234567"], forwarder="", station="bench-1", now=NOW)
    assert unknown.value.code == "track_step_unknown"
    out = tmp_path / "out" / "domestic.csv"
    assert export_csv(db, out) == 3
    assert out.read_bytes().startswith("\ufeff".encode())
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["posting_number"], r["domestic_tracking_number"], r["forwarder"]) for r in rows] == sorted(
        [(a, "YT2412345678901", "YunExpress"), (a, "SF1234567890", "YunExpress"), (b, "JD0001234567", "forwarder")],
        key=lambda r: (r[0], 0 if r[0] != a else ["YT2412345678901", "SF1234567890"].index(r[1])))
    assert {r["ozon_status"] for r in rows} == {"awaiting_packaging"}
