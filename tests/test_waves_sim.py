"""Label-first waves against the simulator: plan, ship once, labels in pick order, the bench
verifies with no further ship, short parcels flagged for a person."""
import pytest
from sqlalchemy import func, select, update

from app.services import waves
from app.services.station import results as r
from app.store import events as store_events
from app.store import labels as store_labels
from app.store import lookups
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store.models import LabelRow, WaveRow
from labels_helpers import STATION, lbench  # noqa: F401
from waves_helpers import label_code, label_printer, member_states, printed_order, settle, station, unit_codes

SHIP = "/v3/posting/fbs/ship"


@pytest.fixture
def synced(lbench):
    engine = lbench.engine()
    engine.run_pass()
    return engine


def marked_postings(bench) -> set[str]:
    with bench.db.read() as session:
        return {p.posting_number for p in lookups.list_postings(session, status="awaiting_packaging")
                if any(v for k, v in (p.requirements or {}).items() if k.startswith("products_requiring_"))}


def test_plan_excludes_marked_and_claimed_postings_and_keeps_a_pick_order(lbench, synced):
    marked = marked_postings(lbench)
    assert marked, "the simulator's world should hold marked products"
    claimed = next(n for n in lbench.packable() if n not in marked)
    lbench.db.writer.call(store_postings.claim_posting, claimed, "bench-2", lbench.now())

    plan = waves.plan_wave(lbench.db, STATION, now=lbench.now())

    excluded = dict(plan.excluded)
    assert marked <= set(excluded) and all("mandatory mark" in excluded[n] for n in marked)
    assert "claimed by bench-2" in excluded[claimed]
    assert plan.postings and not set(plan.postings) & set(excluded)
    assert member_states(lbench, plan.wave_id) == {**{n: "planned" for n in plan.postings},
                                                   **{n: "excluded" for n in excluded}}
    limited = waves.plan_wave(lbench.db, STATION, limit=2, now=lbench.now())
    assert len(limited.postings) == 2 and limited.left_over == len(plan.postings) - 2


def test_ship_queues_one_ship_per_posting_once_and_labels_print_in_pick_order(lbench, synced, tmp_path, qapp):
    plan = waves.plan_wave(lbench.db, STATION, limit=5, now=lbench.now())
    shipped = waves.ship_wave(lbench.db, plan.wave_id, STATION, now=lbench.now())
    assert shipped.queued == plan.postings and not shipped.dropped
    again = waves.ship_wave(lbench.db, plan.wave_id, STATION, now=lbench.now())
    assert again.already and again.queued == plan.postings
    with lbench.db.read() as session:
        commands = [store_outbox.for_posting(session, n) for n in plan.postings]
        rows = [lookups.get_posting(session, n) for n in plan.postings]
    assert [len(c) for c in commands] == [1] * 5 and all(c[0].payload["wave"] == plan.wave_id for c in commands)
    assert {(p.local_state, p.claimed_by, p.wave_id) for p in rows} == {("in_progress", STATION, plan.wave_id)}

    settle(lbench, synced)  # ships sent and confirmed, labels fetched (nothing prints in this engine)
    assert [lbench.sim.stats.ship_calls(n) for n in plan.postings] == [1] * 5
    assert {lbench.posting(n)["local_state"] for n in plan.postings} == {"in_progress"}  # not verified yet
    # fetched in the reverse of pick order: printing still follows the pick order
    with lbench.db.read() as session:
        ids = [store_labels.get(session, n).id for n in plan.postings]

    def reverse_fetch_times(session):
        base = lbench.now()
        for offset, label_id in enumerate(reversed(ids)):
            session.execute(update(LabelRow).where(LabelRow.id == label_id).values(fetched_at=base.replace(
                microsecond=offset)))

    lbench.db.writer.call(reverse_fetch_times)
    printer = label_printer(lbench, tmp_path)
    try:
        assert printer.print_due().printed == 5
        assert printer.print_due().printed == 0  # one label each
    finally:
        printer.close()
    assert printed_order(lbench, plan.postings) == plan.postings
    assert len(list((tmp_path / "printed").glob("*.png"))) == 5
    assert {lbench.posting(n)["local_state"] for n in plan.postings} == {"in_progress"}


def test_a_later_pick_waits_for_an_earlier_label_but_not_for_ever(lbench, synced, tmp_path, qapp):
    plan = waves.plan_wave(lbench.db, STATION, limit=3, now=lbench.now())
    waves.ship_wave(lbench.db, plan.wave_id, STATION, now=lbench.now())
    settle(lbench, synced)
    with lbench.db.read() as session:
        first = store_labels.get(session, plan.postings[0])
    lbench.db.writer.call(store_labels.mark_refetch, first.id, "test: not fetched yet")
    with lbench.db.read() as session:
        assert store_labels.due_to_print(session, STATION, lbench.now()) == []
    lbench.clock.advance(11 * 60)
    with lbench.db.read() as session:
        due = [row.posting_number for row in store_labels.due_to_print(session, STATION, lbench.now())]
    assert due == plan.postings[1:]


def test_the_bench_verifies_a_wave_parcel_with_no_network_step(lbench, synced, tmp_path, qapp):
    plan = waves.plan_wave(lbench.db, STATION, limit=3, now=lbench.now())
    waves.ship_wave(lbench.db, plan.wave_id, STATION, now=lbench.now())
    synced.print_labels = (printer := label_printer(lbench, tmp_path)).print_due
    try:
        settle(lbench, synced)
    finally:
        printer.close()
    number = plan.postings[1]
    assert lbench.posting(number)["status"] == "awaiting_deliver"
    requests_before = lbench.sim.stats.as_dict()["total"]
    bench = station(lbench)
    opened = bench.scan(label_code(lbench, number))
    assert (opened.code, opened.posting, opened.data["wave"], opened.data["pick"]) == (
        r.POSTING_OPENED, number, plan.wave_id, 2)
    assert "wave" in opened.message("en")
    results = [bench.scan(code) for code in unit_codes(lbench, number)]
    assert results[-1].code == r.POSTING_COMPLETE
    done = bench.weigh(bench.expected_weight_g() or 1000.0)
    assert (done.code, done.data["wave"], done.state) == (r.WEIGHT_ACCEPTED, plan.wave_id, r.IDLE)
    assert lbench.sim.stats.as_dict()["total"] == requests_before  # no network step at all
    settle(lbench, synced)
    assert lbench.sim.stats.ship_calls(number) == 1
    with lbench.db.read() as session:
        assert len(store_outbox.for_posting(session, number)) == 1
        posting = lookups.get_posting(session, number)
        assert (posting.local_state, posting.claimed_by, posting.packed_by) == ("labelled", None, STATION)
        assert store_labels.get(session, number).copies == 1
    assert member_states(lbench, plan.wave_id)[number] == "verified"
    status = waves.wave_status(lbench.db, plan.wave_id)
    assert (status["counts"]["verified"], status["counts"]["pending"]) == (1, 2)
    assert bench.scan(label_code(lbench, number)).code == r.POSTING_NOT_PACKABLE  # done is done


def test_a_short_wave_parcel_is_flagged_for_a_person_never_dropped(lbench, synced, tmp_path, qapp):
    plan = waves.plan_wave(lbench.db, STATION, limit=2, now=lbench.now())
    waves.ship_wave(lbench.db, plan.wave_id, STATION, now=lbench.now())
    number = plan.postings[0]
    bench = station(lbench)
    assert bench.scan(number).code == r.POSTING_OPENED  # before Ozon confirmed: opened all the same
    short = bench.scan("CMD:SHORT:not on the shelf")
    assert (short.code, short.ok, short.data["wave"], short.data["reason"], short.state) == (
        r.POSTING_SHORT, True, plan.wave_id, "not on the shelf", r.IDLE)
    assert "cancel" in short.message("en") and short.message("ru") != short.message("en")
    settle(lbench, synced)  # the ship completes meanwhile: the flag stays
    row = lbench.posting(number)
    assert row["local_state"] == "problem" and "not on the shelf" in row["problem"]
    status = waves.wave_status(lbench.db, plan.wave_id)
    (flagged,) = [p for p in status["postings"] if p["posting_number"] == number]
    assert (flagged["state"], flagged["reason"]) == ("short", "not on the shelf")
    assert status["counts"]["short"] == 1 and status["counts"]["pending"] == 1
    with lbench.db.read() as session:
        kinds = [e.kind for e in store_events.events_for(session, number)]
    assert "posting_short" in kinds


def test_a_member_no_longer_packable_is_dropped_at_ship_with_its_reason(lbench, synced):
    plan = waves.plan_wave(lbench.db, STATION, limit=3, now=lbench.now())
    taken = plan.postings[0]
    lbench.db.writer.call(store_postings.claim_posting, taken, "bench-2", lbench.now())
    shipped = waves.ship_wave(lbench.db, plan.wave_id, STATION, now=lbench.now())
    assert shipped.queued == plan.postings[1:] and shipped.dropped == [(taken, "claimed by bench-2")]
    assert waves.wave_status(lbench.db, plan.wave_id)["counts"]["dropped"] == 1


def test_a_waves_labels_tell_printed_n_of_m_across_rounds(lbench, synced, tmp_path, qapp):
    plan = waves.plan_wave(lbench.db, STATION, limit=5, now=lbench.now())
    waves.ship_wave(lbench.db, plan.wave_id, STATION, now=lbench.now())
    settle(lbench, synced)
    told = []
    printer = label_printer(lbench, tmp_path)
    printer.progress = told.append
    try:
        assert printer.print_due(limit=3).printed == 3
        assert printer.print_due(limit=3).printed == 2
    finally:
        printer.close()
    wave = str(plan.wave_id)
    assert {p.task for p in told} == {"wave_labels"} and {p.subject for p in told} == {wave}
    assert [(p.done, p.total) for p in told] == [(0, 5), (1, 5), (2, 5), (3, 5), (3, 5), (4, 5), (5, 5)]
    assert [p.finished for p in told] == [False] * 6 + [True]


def test_a_plan_with_nothing_to_take_stores_no_wave(lbench, synced):
    """No wave number to ship that ships nothing: none when no posting qualifies, its exclusions still said."""
    def waves_stored() -> int:
        with lbench.db.read() as session:
            return session.scalar(select(func.count()).select_from(WaveRow))

    nothing = waves.plan_wave(lbench.db, STATION, delivery_method_id=-1, now=lbench.now())
    assert nothing.wave_id is None and nothing.postings == [] and nothing.excluded == []
    assert nothing.as_dict() == {"wave": None, "postings": [], "count": 0, "excluded": [], "left_over": 0}
    with lbench.db.read() as session:  # every posting a wave could take, marked ones too
        packable = [p.posting_number for p in lookups.list_postings(session, status="awaiting_packaging",
                                                                    local_state="waiting", with_items=False)]
    assert packable
    for number in packable:
        lbench.db.writer.call(store_postings.claim_posting, number, "bench-2", lbench.now())
    all_claimed = waves.plan_wave(lbench.db, STATION, now=lbench.now())
    assert all_claimed.wave_id is None and all_claimed.postings == []
    assert {n for n, _ in all_claimed.excluded} == set(packable)
    assert all("claimed by bench-2" in why for _, why in all_claimed.excluded)
    assert waves_stored() == 0
