"""The close through the outbox (app/services/handover/carriage.py, tracking.py, afterwards.py),
against the simulator: the carriage holds exactly what was scanned, its act is stored; a crash or a
lost answer at any step resumes without a second carriage; Ozon's refusals are parked with its
words; tracking numbers go per posting; parcels Ozon never scanned are flagged and disputed."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.services.handover.afterwards import Afterwards, request_arbitration
from app.services.handover.documents import act_path
from app.store.models import OUTBOX_DONE, OUTBOX_PARKED
from handover_helpers import SUPERVISOR, make_shop, shop  # noqa: F401  (fixture)

CREATE, APPROVE, TRACK = "/v1/carriage/create", "/v1/carriage/approve", "/v2/fbs/posting/tracking-number/set"


def closed(shop, method: int, scan: list[str], *, force: bool = False):
    assert shop.scan(f"CMD:HANDOVER:{method}").code == "handover_started"  # (or resumed)
    for number in scan:
        assert shop.scan(number).code == "parcel_accepted"
    result = shop.scan(f"CMD:HANDOVER-CLOSE:FORCE:{SUPERVISOR}" if force else "CMD:HANDOVER-CLOSE")
    assert result.code == "handover_closed", result.message("en")
    return result.data["handover"]


def carriage_of(shop, method: int):
    (carriage,) = [c for c in shop.sim.carriages.of(method) if c.status != "cancelled"]
    return carriage


@pytest.fixture
def fbs(shop):
    method = shop.method_with("ozon")
    return method, shop.ship(shop.packable("ozon", method)[:4])


def test_the_carriage_holds_what_was_scanned_and_its_act_is_stored(shop, fbs):
    method, numbers = fbs
    assert shop.scan(f"CMD:HANDOVER:{method}").data["parcels"] == numbers
    extra = shop.packable("ozon", method)[:1]  # shipped in Ozon's office since: Ozon carries it, it is not here
    posting = shop.world.get(extra[0])
    shop.world.ship(extra[0], [[(line.sku, line.quantity) for line in posting.lines]])
    shop.world.settle()
    handover_id = closed(shop, method, numbers)
    shop.sync()
    carriage = carriage_of(shop, method)
    assert (carriage.status, sorted(carriage.postings)) == ("formed", sorted(numbers))
    assert carriage.left_out == extra  # Ozon took it into the carriage; it was not in the bag: trimmed
    h = shop.handover(handover_id)
    assert (h.close_step, h.carriage_id, h.carriage_status) == ("done", carriage.id, "formed")
    assert h.added_by_ozon == extra and h.barcode_text == f"%303%{carriage.id}"
    act = act_path(shop.tmp_path, h.act_pdf)
    assert act.read_bytes().startswith(b"%PDF") and all(n.encode() in act.read_bytes() for n in numbers)
    assert h.act_printed == "saved"  # no document printer: the window opens it
    assert [c.state for c in shop.commands("handover_close")] == [OUTBOX_DONE]
    assert shop.undrained() == 0 and shop.sim.carriages.created == 1


def test_the_act_prints_on_the_document_printer(tmp_path):
    printed = tmp_path / "office"
    shop = make_shop(tmp_path, sections={"devices": {"document_printer": f"file:{printed}"}})
    try:
        method = shop.method_with("ozon")
        numbers = shop.ship(shop.packable("ozon", method)[:2])
        handover_id = closed(shop, method, numbers)
        shop.sync()
        h = shop.handover(handover_id)
        assert h.act_printed == str(printed / Path(h.act_pdf).name)
        assert (printed / Path(h.act_pdf).name).read_bytes().startswith(b"%PDF")
    finally:
        shop.bench.close()
        shop.sim.close()


@pytest.mark.expect_errors("packdesk.sync")
def test_a_crash_between_the_create_and_its_record_resumes_without_a_second_carriage(shop, fbs, monkeypatch):
    method, numbers = fbs
    handover_id = closed(shop, method, numbers)
    client = shop.bench.client
    real = client.create_carriage

    def created_then_crashed(*args):
        real(*args)  # Ozon made it; the bench never recorded the answer
        raise RuntimeError("the process died here")

    monkeypatch.setattr(client, "create_carriage", created_then_crashed)
    shop.sync()
    h = shop.handover(handover_id)
    assert (h.close_step, h.sent_step, h.carriage_id) == ("create", "create", None)  # the intent, recorded first
    monkeypatch.undo()
    creates = shop.sim.stats.requests(CREATE)
    shop.sync()
    assert shop.sim.stats.requests(CREATE) == creates  # read back, not sent again
    assert shop.sim.carriages.created == 1
    h = shop.handover(handover_id)
    assert (h.close_step, h.carriage_id) == ("done", carriage_of(shop, method).id)
    assert sorted(carriage_of(shop, method).postings) == sorted(numbers)


def test_a_lost_answer_to_the_create_is_read_back(shop, fbs):
    method, numbers = fbs
    handover_id = closed(shop, method, numbers)
    shop.sim.faults.fail_next(CREATE, count=1, status=0, apply=True)  # made on Ozon's side, answer lost
    shop.sync()
    assert shop.commands("handover_close")[0].state == "uncertain"
    shop.sync()
    assert shop.sim.stats.requests(CREATE) == 1 and shop.sim.carriages.created == 1
    assert shop.handover(handover_id).close_step == "done"


def test_a_create_that_never_arrived_is_sent_again(shop, fbs):
    method, numbers = fbs
    handover_id = closed(shop, method, numbers)
    shop.sim.faults.fail_next(CREATE, count=1, status=0, apply=False)  # lost before Ozon did anything
    shop.sync()
    shop.sync()
    assert shop.sim.carriages.created == 1 and shop.handover(handover_id).close_step == "done"


def test_a_lost_answer_to_the_approval_is_read_back_not_approved_twice(shop, fbs):
    method, numbers = fbs
    handover_id = closed(shop, method, numbers)
    shop.sim.faults.fail_next(APPROVE, count=1, status=0, apply=True)
    shop.sync()
    shop.sync()
    assert shop.sim.stats.requests(APPROVE) == 1
    assert shop.handover(handover_id).close_step == "done" and carriage_of(shop, method).status == "formed"


def test_ozons_refusal_is_parked_with_its_words(shop, fbs):
    method, numbers = fbs
    shop.sim.carriages.method_errors[method] = [{"code": "package_time_not_passed", "status": "critical"}]
    handover_id = closed(shop, method, numbers)
    shop.sync()
    h = shop.handover(handover_id)
    assert (h.close_step, h.close_error) == ("refused", "package_time_not_passed")
    (command,) = shop.commands("handover_close")
    assert command.state == OUTBOX_PARKED and "package_time_not_passed" in command.last_error
    assert shop.undrained() == 0  # parked: replay does not wait for it
    shop.sync()
    assert shop.sim.stats.requests(CREATE) == 1  # never retried by itself


def rfbs_closed(shop, count: int = 3) -> tuple[list[str], list[str]]:
    """An rFBS hand-over closed with a tracking number for each parcel: (postings, numbers)."""
    method = shop.method_with("non_integrated", at_least=count)
    numbers = shop.ship(shop.packable("non_integrated", method)[:count])
    started = shop.scan(f"CMD:HANDOVER:{method}")
    good = {"russian_post": ["80102367216110", "RB123456785GB", "14102059104821"],
            "cdek": ["1234567890", "1234567891", "1234567892"]}[started.data["carrier"]][:count]
    for number, tracking in zip(numbers, good):
        shop.scan(number)
        assert shop.scan(tracking).code == "tracking_captured"
    assert shop.scan("CMD:HANDOVER-CLOSE").data["tracking_sent"] == count
    return numbers, good


def settle(shop, kind: str) -> None:
    """Sync until every ``kind`` command is done or parked. Their steps wait on Ozon's asynchronous
    change and on backoffs, a few seconds in all; the deadline is a coarse guard for a loaded machine."""
    deadline = datetime.now() + timedelta(seconds=90)
    while (any(c.state not in (OUTBOX_DONE, OUTBOX_PARKED) for c in shop.commands(kind))
           and datetime.now() < deadline):
        shop.sync()  # delivering is asynchronous: confirmed by re-reading the postings


def tracking_rows(shop) -> dict:
    from app.store import handovers as store

    with shop.bench.db.read() as session:
        return {t.posting_number: (t.state, t.delivering, t.error or "")
                for t in store.tracking_of(session, shop.handover().id)}


def test_tracking_numbers_go_per_posting_and_a_refusal_is_parked_never_resent(shop):
    numbers, good = rfbs_closed(shop)
    shop.world.cancel(numbers[2])  # Ozon refuses its number: TRANSITION_IS_NOT_POSSIBLE
    settle(shop, "tracking_send")
    (command,) = shop.commands("tracking_send")
    assert command.state == OUTBOX_PARKED and numbers[2] in command.last_error
    rows = tracking_rows(shop)
    assert [rows[n][:2] for n in numbers[:2]] == [("accepted", "confirmed")] * 2
    assert rows[numbers[2]][0] == "parked" and "TRANSITION_IS_NOT_POSSIBLE" in rows[numbers[2]][2]
    assert [shop.world.peek(n).tracking_number for n in numbers[:2]] == good[:2]
    assert {shop.world.peek(n).status for n in numbers[:2]} == {"delivering"}  # confirmed by re-reading
    assert shop.sim.stats.requests(TRACK) == 1 and shop.undrained() == 0
    shop.sync()
    assert shop.sim.stats.requests(TRACK) == 1  # parked: never sent again


def test_a_lost_answer_to_the_tracking_numbers_is_read_back_before_any_resend(shop):
    numbers, good = rfbs_closed(shop, count=2)
    shop.sim.faults.fail_next(TRACK, count=1, status=0, apply=True)
    shop.sync()
    assert tracking_rows(shop)[numbers[0]][0] == "queued"  # answer lost: not known yet
    settle(shop, "tracking_send")
    assert shop.sim.stats.requests(TRACK) == 1  # Ozon shows the numbers: not sent again
    assert [tracking_rows(shop)[n][:2] for n in numbers] == [("accepted", "confirmed")] * 2
    assert shop.commands("tracking_send")[0].state == OUTBOX_DONE


def test_a_parcel_ozon_never_scanned_is_flagged_and_disputed(shop, fbs):
    method, numbers = fbs
    closed(shop, method, numbers)
    shop.sync()
    shop.sim.carriages.courier_scans(carriage_of(shop, method).id, missing=[numbers[0]])
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    bench = shop.bench
    early = Afterwards(bench.client, bench.db, bench.config, lambda: now + timedelta(hours=23))
    assert early.flag_unscanned() == 0  # not yet: [handover] unscanned_after_h is 24
    late = Afterwards(bench.client, bench.db, bench.config, lambda: now + timedelta(hours=25))
    assert late.flag_unscanned() == 1
    from app.store import handovers as store

    with bench.db.read() as session:
        assert [(n, flag) for n, _, _, flag, _, _ in store.flagged(session)] == [(numbers[0], "not_scanned_by_ozon")]
    assert request_arbitration(bench.db, [numbers[0], numbers[1]], station="bench-1", now=now) == (
        [numbers[0]], [numbers[1]])
    shop.sync()
    assert shop.world.peek(numbers[0]).status == "arbitration"
    with bench.db.read() as session:
        assert store.flagged(session)[0][4] == "opened"
    assert [c.state for c in shop.commands("arbitration")] == [OUTBOX_DONE]


def valid_tracking(carrier: str, index: int) -> str:
    """A tracking number ``carrier`` can have, different for each ``index``."""
    if carrier == "cdek":
        return f"{1_000_000_000 + index}"
    body = f"{8010236700000 + index:013d}"
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def test_more_than_20_tracking_numbers_go_in_batches_of_at_most_20(shop):
    count = 23
    method = shop.method_with("non_integrated", at_least=count)
    numbers = shop.ship(shop.packable("non_integrated", method)[:count])
    carrier = shop.scan(f"CMD:HANDOVER:{method}").data["carrier"]
    tracking = [valid_tracking(carrier, i) for i in range(count)]
    for number, code in zip(numbers, tracking):
        assert shop.codes(number, code) == ["parcel_accepted", "tracking_captured"], number
    assert shop.scan("CMD:HANDOVER-CLOSE").data["tracking_sent"] == count
    batches = shop.commands("tracking_send")
    assert [len(c.payload["tracking"]) for c in batches] == [20, 3]
    settle(shop, "tracking_send")
    assert {c.state for c in shop.commands("tracking_send")} == {OUTBOX_DONE}
    assert shop.sim.stats.requests(TRACK) == 2  # one request a batch (Ozon takes at most 20)
    assert [shop.world.peek(n).tracking_number for n in numbers] == tracking
