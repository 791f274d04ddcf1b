"""Marking codes end to end against the simulator: a marked posting ships only with its codes
accepted by Ozon, through the outbox, whatever fails on the way."""
from __future__ import annotations

import pytest

from app.services.station import results as r
from app.services.station.remote import Remote
from app.services.station.station import Station
from app.store import lookups
from app.store import marks as store_marks
from app.store import outbox as store_outbox
from app.store.models import OUTBOX_IN_FLIGHT
from marks_helpers import mb  # noqa: F401  (fixture)

SET = "/v6/fbs/posting/product/exemplar/set"


def ships(mb, number) -> int:
    return mb.b.sim.stats.ship_calls(number)


def sets(mb, number) -> int:
    return [what for what, _ in mb.world.exemplars.history(number)].count("set")


def test_a_marked_posting_ships_only_after_ozon_said_ship_available_with_the_codes_scanned(mb):
    number = mb.marked()[0]
    results = mb.pack(number)
    assert results[-1].code == r.WEIGHT_ACCEPTED and results[-1].state == r.IDLE  # the packer moves on at once
    scanned = mb.codes_of(number)
    marked = sum(x.quantity for x in mb.world.peek(number).lines if mb.world.needs_mark[x.sku])
    assert len(scanned) == marked and all(code in [x.data.get("mark") for x in results] or True for code in scanned)
    assert [c["kind"] for c in mb.commands(number)] == ["marks", "ship"]
    mb.passes(1, advance_s=0.5)  # create-or-get, validate, set; the check takes a second
    assert ships(mb, number) == 0 and mb.ozon_status(number) == "awaiting_packaging"
    assert mb.commands(number, "ship")[0]["last_error"].startswith("waiting for Ozon to accept the marking codes")
    mb.passes(2)
    history = mb.world.exemplars.history(number)
    assert ("status", "ship_available") in history and history[-1] == ("ship", "")
    assert history.index(("status", "ship_available")) < history.index(("ship", ""))
    assert ships(mb, number) == 1 and sets(mb, number) == 1
    assert mb.world.exemplars.shipped_marks(number) == scanned  # exactly the codes scanned
    assert mb.record(number)["stage"] == "accepted"


def test_a_code_ozon_refuses_makes_a_problem_naming_the_unit_and_the_fix_at_the_bench_ships_it(mb):
    number = mb.marked(units=1)[0]
    sku = next(x.sku for x in mb.world.peek(number).lines if mb.world.needs_mark[x.sku])
    good = mb.code(sku)
    forged = good[:-44] + "A" * 43 + "="  # well formed, the right GTIN: only the registry can tell
    mb.pack(number, replace={0: forged})
    mb.passes(3)
    assert ships(mb, number) == 0
    posting = mb.b.posting(number)
    assert posting["local_state"] == "problem" and "MARK_NOT_FOUND" in posting["problem"]
    assert forged not in posting["problem"] and forged[18:31] not in posting["problem"]  # named masked only
    [failed] = mb.record(number)["failed"]
    assert failed["sku"] == sku and failed["nth"] == 1 and failed["codes"] == ["MARK_NOT_FOUND"]

    opened = mb.station.scan(number)
    assert opened.code == r.POSTING_OPENED and opened.data["fix_marks"] == 1
    assert mb.station.scan(mb.code(sku)).code in (r.MARK_REPLACED,)  # a stranger's code would be refused
    assert mb.b.posting(number)["local_state"] == "packed"
    mb.passes(3)
    assert ships(mb, number) == 1 and mb.ozon_status(number) == "awaiting_deliver"
    assert forged not in mb.world.exemplars.shipped_marks(number)
    assert mb.world.exemplars.shipped_marks(number) == mb.codes_of(number)


@pytest.mark.parametrize("status,apply", [(500, False), (0, True)])
def test_a_500_or_a_lost_answer_to_set_never_ships_before_the_verdict_and_sends_the_set_once_more_at_most(
        mb, status, apply):
    number = mb.marked()[0]
    mb.pack(number)
    mb.b.sim.faults.fail_next(SET, 1, status, apply)
    mb.passes(1, advance_s=0.5)
    [marks] = mb.commands(number, "marks")
    assert marks["state"] == "uncertain" and ships(mb, number) == 0  # a 500 to a mutation may have applied it
    mb.passes(4)
    assert ships(mb, number) == 1 and mb.world.exemplars.shipped_marks(number) == mb.codes_of(number)
    # read back first: Ozon held the set (sent once), or did not (sent again, complete)
    assert mb.b.sim.stats.requests(SET) == (1 if apply else 2) and sets(mb, number) == 1


def test_a_crash_between_set_and_status_resumes_from_ozons_side(mb):
    number = mb.marked()[0]
    mb.pack(number)
    mb.passes(1, advance_s=0.5)
    [marks] = mb.commands(number, "marks")
    assert marks["state"] == "confirming"
    mb.b.db.writer.call(store_outbox.mark, marks["id"], OUTBOX_IN_FLIGHT, now=mb.b.now())  # died mid-answer
    mb.engine = mb.b.engine()  # a new process
    mb.engine.print_labels = lambda: None
    mb.passes(3)
    assert ships(mb, number) == 1 and sets(mb, number) == 1


def test_ozon_validating_for_minutes_keeps_the_ship_waiting_and_nothing_is_lost(mb):
    number = mb.marked()[0]
    mb.world.config.mark_check_s = 600.0
    mb.pack(number)
    for _ in range(12):
        mb.passes(1, advance_s=30.0)
        assert ships(mb, number) == 0
    [marks] = mb.commands(number, "marks")
    assert marks["state"] == "confirming" and marks["last_error"] == "Ozon is still checking the marking codes"
    mb.passes(6, advance_s=60.0)  # the check ends at 600 s; the next look (at most a minute later) sees it
    assert ships(mb, number) == 1 and mb.b.posting(number)["local_state"] in ("shipped", "labelled")


def test_a_ship_queued_without_its_codes_never_goes_until_ozon_accepted_them(mb):
    number = mb.marked()[0]
    command = mb.b.queue_ship(number)  # re-queued by hand, no marks command: the stage queues the set
    mb.passes(3)
    assert ships(mb, number) == 0 and mb.b.command(command)["state"] == "pending"
    assert mb.record(number)["stage"] == "rejected"  # nothing was counted: no code for the units
    assert mb.b.posting(number)["local_state"] == "problem"


@pytest.fixture
def weighed(tmp_path):
    """A bench whose world sells one product by weight (200-400 g a unit), in a posting of one unit."""
    from marks_helpers import MarkBench
    from sync_helpers import make_bench
    bench = make_bench(tmp_path, postings=60, seed=11)
    world = bench.sim.world
    number = next(n for n in world.posting_numbers("awaiting_packaging")
                  if [(x.quantity, world.needs_mark[x.sku]) for x in world.peek(n).lines] == [(1, False)])
    sku = world.peek(number).lines[0].sku
    world.exemplars.weight_skus[sku] = (200.0, 400.0)
    mark_bench = MarkBench(bench)
    mark_bench.engine.run_pass()
    yield mark_bench, number, sku
    bench.client.close()
    bench.db.close()
    bench.sim.close()


@pytest.mark.parametrize("unit_g,ships_now", [(312.0, True), (520.0, False)])
def test_a_unit_sold_by_weight_is_weighed_alone_and_its_weight_goes_to_ozon(weighed, unit_g, ships_now):
    mb, number, sku = weighed
    station, product = mb.station, mb.world.product_by_sku[sku]
    assert [station.scan(number).code, station.scan(product.barcodes[0]).code] == [r.POSTING_OPENED,
                                                                                   r.POSTING_COMPLETE]
    alone = station.weigh(unit_g)
    assert alone.code == r.UNIT_WEIGHED and alone.data["left"] == 0 and str(int(unit_g)) in alone.message("ru")
    assert station.weigh(station.expected_weight_g(number)).code == r.WEIGHT_ACCEPTED
    mb.passes(3)
    if ships_now:
        assert ships(mb, number) == 1
        assert mb.world.exemplars.history(number).count(("status", "ship_available")) >= 1
    else:  # outside Ozon's bounds: not sent; the posting names the unit and why
        assert ships(mb, number) == 0 and sets(mb, number) == 0
        assert "weight_out_of_range" in mb.b.posting(number)["problem"]


def test_after_the_ship_a_corrected_code_goes_with_set_and_update(mb):
    number = mb.marked()[0]
    mb.pack(number)
    mb.passes(4)
    assert ships(mb, number) == 1 and mb.ozon_status(number) == "awaiting_deliver"
    sku = next(x.sku for x in mb.world.peek(number).lines if mb.world.needs_mark[x.sku])
    with mb.b.db.read() as session:
        unit = next(u for u in store_marks.units_of(session, number) if u.sku == sku)
    corrected = mb.code(sku)
    mb.b.db.writer.call(lambda s: store_marks.queue_correction(s, number, unit.id, corrected, station="bench-1",
                                                              now=mb.b.now()))
    mb.passes(4)
    history = mb.world.exemplars.history(number)
    assert ("set", "correction") in history and ("update", "") in history
    assert history.index(("update", "")) > history.index(("set", "correction"))
    assert mb.record(number)["stage"] == "accepted" and mb.record(number)["ozon_status"] == "update_available"
    assert ships(mb, number) == 1  # shipped once, corrected after


@pytest.fixture(params=[False, True], ids=["person", "legal_entity"])
def customs(request, tmp_path):
    """A bench whose world sells one imported product that needs a GTD (customs number), in a
    posting of one unit bought by a person or by a legal entity."""
    from marks_helpers import MarkBench
    from sync_helpers import make_bench
    bench = make_bench(tmp_path, postings=60, seed=11, ship_delay_s=0.0)
    world = bench.sim.world
    number = next(n for n in world.posting_numbers("awaiting_packaging")
                  if [(x.quantity, world.needs_mark[x.sku]) for x in world.peek(n).lines] == [(1, False)])
    world.exemplars.gtd_skus.add(world.peek(number).lines[0].sku)
    if request.param:
        world.exemplars.legal.add(number)
    mark_bench = MarkBench(bench)
    mark_bench.engine.run_pass()
    yield mark_bench, number, request.param
    bench.client.close()
    bench.db.close()
    bench.sim.close()


def test_a_gtd_is_declared_absent_for_a_person_and_scanned_at_the_bench_for_a_legal_entity(customs):
    mb, number, legal = customs
    with mb.b.db.read() as session:
        assert store_marks.needs_exemplars(lookups.get_posting(session, number).requirements)
    mb.pack(number)
    mb.passes(4)
    if not legal:  # packdesk holds no customs numbers: a person's posting says none is needed
        assert ships(mb, number) == 1
        [product] = mb.world.exemplars.status(number)["products"]
        assert [(e["is_gtd_absent"], e["gtd"], e["gtd_check_status"]) for e in product["exemplars"]] == [
            (True, "", "passed")]
    else:  # a legal entity needs the number itself: nothing is sent until the bench has it
        assert ships(mb, number) == 0 and sets(mb, number) == 0
        assert mb.b.posting(number)["local_state"] == "problem"
        assert "gtd_for_legal_buyer" in mb.b.posting(number)["problem"]
        opened = mb.station.scan(number)  # the way forward: the bench asks for the unit's GTD
        assert opened.code == r.POSTING_OPENED and opened.data["fix_customs"] == 1 and opened.data["kind"] == "gtd"
        assert all("GTD" in opened.message(lang) or "ГТД" in opened.message(lang) for lang in ("ru", "zh", "en"))
        assert mb.station.weigh(300.0).code == r.FIX_FIRST  # its GTD first; the weight of its packing stands
        wrong = mb.station.scan("10714040/310222/0090376")  # 31 February
        assert wrong.code == r.UNIT_ID_INVALID and wrong.data["reason"] == "date"
        taken = mb.station.scan("10714040.140917.0090376")  # typed in the Russian layout: '/' came as '.'
        assert taken.code == r.UNIT_ID_ACCEPTED and taken.data["resent"] and taken.state == r.IDLE
        mb.passes(4)
        assert ships(mb, number) == 1
        [product] = mb.world.exemplars.status(number)["products"]
        assert [(e["is_gtd_absent"], e["gtd"], e["gtd_check_status"]) for e in product["exemplars"]] == [
            (False, "10714040/140917/0090376", "passed")]


def test_traceable_goods_of_a_legal_entity_ship_with_the_rnpt_scanned_at_the_bench(tmp_path):
    from marks_helpers import MarkBench
    from sync_helpers import make_bench
    bench = make_bench(tmp_path, postings=60, seed=11, ship_delay_s=0.0)
    try:
        world = bench.sim.world
        number = next(n for n in world.posting_numbers("awaiting_packaging")
                      if [(x.quantity, world.needs_mark[x.sku]) for x in world.peek(n).lines] == [(1, False)])
        world.exemplars.rnpt_skus.add(world.peek(number).lines[0].sku)
        world.exemplars.legal.add(number)
        mb = MarkBench(bench)
        mb.engine.run_pass()
        mb.pack(number)
        mb.passes(3)
        assert ships(mb, number) == 0 and "rnpt_for_legal_buyer" in mb.b.posting(number)["problem"]
        opened = mb.station.scan(number)
        assert opened.data["fix_customs"] == 1 and opened.data["kind"] == "rnpt"
        assert mb.station.scan("10714040/140917/0090376").data["reason"] == "format"  # a GTD, no position
        assert mb.station.scan("10714040/140917/0090376/001").data["resent"]
        mb.passes(4)
        assert ships(mb, number) == 1
        [product] = mb.world.exemplars.status(number)["products"]
        assert [(e["rnpt"], e["rnpt_check_status"]) for e in product["exemplars"]] == [
            ("10714040/140917/0090376/001", "passed")]
    finally:
        bench.client.close()
        bench.db.close()
        bench.sim.close()


def test_a_phone_ships_only_with_its_imei_scanned_at_the_bench_and_accepted_by_ozon(tmp_path):
    """The bench asks for the phone's IMEI after its EAN; the set carries it; the ship waits for Ozon's
    ``ship_available`` and goes with exactly that IMEI. Packed without one it never ships."""
    from marks_helpers import MarkBench
    from sync_helpers import make_bench
    bench = make_bench(tmp_path, postings=60, seed=11, ship_delay_s=0.0)
    try:
        world = bench.sim.world
        plain = [n for n in world.posting_numbers("awaiting_packaging")
                 if [(x.quantity, world.needs_mark[x.sku]) for x in world.peek(n).lines] == [(1, False)]]
        number = plain[0]
        sku = world.peek(number).lines[0].sku
        world.exemplars.imei_skus.add(sku)
        mb = MarkBench(bench)
        mb.engine.run_pass()
        ean = world.product_by_sku[sku].barcodes[0]
        # a bench asks Ozon about the posting it opens (/v3/posting/fbs/get, whose requirements do not
        # list IMEIs): what the sync knew of the phone stays
        station = mb.station = Station(bench.db, "bench-1", now=bench.now, remote=Remote.for_client(bench.client))
        assert station.scan(number).code == r.POSTING_OPENED
        assert station.scan(ean).data["asks"] == "imei"
        assert station.weigh(station.expected_weight_g(number)).code == r.UNIT_ID_REQUIRED
        assert station.scan("490154203237519").code == r.UNIT_ID_INVALID  # a check digit misread
        assert station.scan("490154203237518").code == r.UNIT_ID_ACCEPTED
        assert station.weigh(station.expected_weight_g(number)).code == r.WEIGHT_ACCEPTED
        mb.passes(1, advance_s=0.5)
        assert ships(mb, number) == 0  # Ozon checks it first
        mb.passes(3)
        history = world.exemplars.history(number)
        assert history.index(("status", "ship_available")) < history.index(("ship", ""))
        assert ships(mb, number) == 1 and world.exemplars.shipped_marks(number) == ["490154203237518"]
        station.close()
    finally:
        bench.client.close()
        bench.db.close()
        bench.sim.close()


def test_an_imei_ozon_refuses_is_replaced_at_the_bench_and_the_phone_ships_with_the_new_one(tmp_path):
    """Ozon refuses an IMEI it holds for another posting (packed in the seller's office, say): the
    posting becomes a problem naming the unit; scanned at the bench it reopens on that phone, a
    malformed IMEI is refused, a good one replaces the old, the complete set goes again, it ships."""
    from marks_helpers import MarkBench
    from sync_helpers import make_bench
    bench = make_bench(tmp_path, postings=60, seed=11, ship_delay_s=0.0)
    try:
        world = bench.sim.world
        plain = [n for n in world.posting_numbers("awaiting_packaging")
                 if [(x.quantity, world.needs_mark[x.sku]) for x in world.peek(n).lines] == [(1, False)]]
        number, elsewhere = plain[0], plain[1]
        sku = world.peek(number).lines[0].sku
        world.exemplars.imei_skus.add(sku)
        taken, fresh = "490154203237518", "356938035643809"
        world.exemplars.owner[taken] = elsewhere  # Ozon has this IMEI with another posting
        mb = MarkBench(bench)
        mb.engine.run_pass()
        station = mb.station = Station(bench.db, "bench-1", now=bench.now, remote=Remote.for_client(bench.client))
        station.scan(number)
        station.scan(world.product_by_sku[sku].barcodes[0])
        assert station.scan(taken).code == r.UNIT_ID_ACCEPTED
        weighed = station.expected_weight_g(number)
        assert station.weigh(weighed).code == r.WEIGHT_ACCEPTED
        mb.passes(3)
        assert ships(mb, number) == 0 and mb.b.posting(number)["local_state"] == "problem"
        [failed] = mb.record(number)["failed"]
        assert failed["codes"] == ["MARK_ALREADY_USED"] and failed["sku"] == sku

        opened = station.scan(number)
        assert opened.code == r.POSTING_OPENED and opened.data["fix_marks"] == 1
        again = station.weigh(weighed)  # not weighed (nor packed) again: its IMEI is what waits
        assert again.code == r.FIX_FIRST and again.data["left"] == 1 and again.state == r.PACKING
        assert all(again.message(lang) != again.message("en") for lang in ("ru", "zh"))
        assert station.scan("35693803564380").data["reason"] == "length"  # a digit short
        replaced = station.scan(fresh)
        assert replaced.code == r.MARK_REPLACED and replaced.data["resent"] and replaced.data["mark"] == fresh
        assert mb.b.posting(number)["local_state"] == "packed"
        mb.passes(4)
        assert ships(mb, number) == 1 and world.exemplars.shipped_marks(number) == [fresh]
        station.close()
    finally:
        bench.client.close()
        bench.db.close()
        bench.sim.close()
