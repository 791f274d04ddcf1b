"""Each stage of a sync pass runs and fails on its own: the failure is named in the summary and the
other stages still do their work. Against the simulator on a fake clock; faults from the
simulator where Ozon can answer them, a failing collaborator where only a bug can."""
import json
import logging
import threading
from dataclasses import dataclass

import pytest
from sqlalchemy import delete

from app.config import with_overrides
from app.services.carriers import part as carriers_part
from app.services.ozon.errors import OzonAuthError, OzonTransportError
from app.services.sync import engine as engine_module
from app.services.sync.engine import SyncService, prune_mark
from app.services.sync.pull import NOT_FOUND_PROBLEM
from app.services.sync.parts import PART_MAKERS
from app.services.sync.summary import STAGES as BASE_STAGES
from app.store import marks as marks_store
from app.store import tracking as tracking_store
from app.services.tracking import buyer_chat
from app.store import sync_state
from app.store.models import ProductBarcodeRow, ProductRow
from labels_helpers import LABEL, label, make_label_bench, ship
from sync_helpers import Bench, bench, make_bench  # noqa: F401  (fixture)

_AT = BASE_STAGES.index("products") + 1
# every stage of a pass: the engine's own, with the areas' stages (parts.py) after the products
STAGES = BASE_STAGES[:_AT] + tuple(part.stage for part in (make(None, None, None, None) for make in PART_MAKERS)
                                   if part.pull is not None) + BASE_STAGES[_AT:]
DAY_S = 86_400
RETRIES = 4  # the client's max_retries: a 5xx answered this many times more is final
ALL_STAGES = STAGES


@dataclass
class Scene:
    """A bench one day after its first pass, with work for every stage: a ship to confirm (then
    its label to fetch and print), a posting that left Ozon's open list, new postings, a product
    missing from the cache, and reference data, key check and pruning due again."""
    bench: Bench
    engine: engine_module.SyncEngine
    shipped: str
    vanished: str
    added: list[str]
    dropped_sku: int
    printed: list
    command: int

    def state(self, key: str) -> str | None:
        with self.bench.db.read() as session:
            return sync_state.get_state(session, key)

    def has_product(self, sku: int) -> bool:
        with self.bench.db.read() as session:
            return session.get(ProductRow, sku) is not None


@pytest.fixture
def scene(tmp_path):
    bench = make_label_bench(tmp_path, postings=40, seed=4)
    bench.config = with_overrides(bench.config, sync={"full_pass_interval_s": 0})  # every pass reconciles
    printed = []
    engine = bench.engine()
    engine.print_labels = lambda: printed.append(bench.now())
    engine.run_pass()
    shipped, vanished, holder = bench.packable()[:3]
    bench.sim.world.config.ship_delay_s = 3600.0  # Ozon takes the ship in an hour
    command = ship(bench, shipped)
    engine.run_pass()  # the ship is sent; it is confirmed (and its label fetched) on the pass under test
    assert bench.command(command)["state"] == "confirming" and label(bench, shipped) is None
    bench.sim.world.set_status(vanished, "delivered")  # leaves the unfulfilled list
    added = bench.sim.world.add_postings(2)
    dropped_sku = bench.sim.world.peek(holder).lines[0].sku

    def forget(session):
        session.execute(delete(ProductBarcodeRow).where(ProductBarcodeRow.sku == dropped_sku))
        session.execute(delete(ProductRow).where(ProductRow.sku == dropped_sku))

    bench.db.writer.call(forget)
    bench.clock.advance(DAY_S + 5)  # reference data, the key check and pruning are due again
    printed.clear()
    yield Scene(bench, engine, shipped, vanished, added, dropped_sku, printed, command)
    bench.client.close()
    bench.db.close()
    bench.sim.close()


def fail_call(monkeypatch, owner, name: str, exc: Exception, *, call: int = 1) -> None:
    """``owner.name`` raises ``exc`` on its ``call``-th call and works otherwise."""
    real = getattr(owner, name)
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == call:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)


def vanished_read_fails(monkeypatch, s: Scene) -> None:
    real = s.bench.client.get_posting

    def get_posting(number):
        if number == s.vanished:
            raise OzonTransportError("/v3/posting/fbs/get: read timed out", endpoint="/v3/posting/fbs/get",
                                     maybe_applied=True)
        return real(number)

    monkeypatch.setattr(s.bench.client, "get_posting", get_posting)


def returns_cached(bench) -> int:
    from sqlalchemy import func, select

    from app.store.models_returns import ReturnRow
    with bench.db.read() as session:
        return session.scalar(select(func.count()).select_from(ReturnRow))


def break_stage(stage: str, s: Scene, monkeypatch) -> None:
    faults = s.bench.sim.faults
    if stage == "outbox":  # the drain only raises for a bug (Ozon's answers are the commands' outcomes)
        fail_call(monkeypatch, s.engine.drainer, "drain", RuntimeError("outbox row unreadable"), call=1)
    elif stage == "outbox_again":
        fail_call(monkeypatch, s.engine.drainer, "drain", RuntimeError("outbox row unreadable"), call=2)
    elif stage == "reference":
        faults.fail_next("/v2/warehouse/list", status=404)
    elif stage == "key":
        faults.fail_next("/v1/roles", status=404)
    elif stage == "postings":
        faults.fail_next("/v4/posting/fbs/unfulfilled/list", count=RETRIES + 1, status=503)
    elif stage == "reconcile":
        vanished_read_fails(monkeypatch, s)
    elif stage == "products":
        faults.fail_next("/v3/product/info/list", count=RETRIES + 1, status=500)
    elif stage == "handover":
        faults.fail_next("/v2/carriage/delivery/list", count=RETRIES + 1, status=500)
    elif stage == "labels":
        faults.fail_next(LABEL, count=RETRIES + 1, status=500)
    elif stage == "printing":
        fail_call(monkeypatch, s.engine, "print_labels", ZeroDivisionError("division by zero"))
    elif stage == "prune":
        fail_call(monkeypatch, engine_module, "prune_label_files", PermissionError("labels/ is read-only"))
    elif stage == "returns":
        faults.fail_next("/v1/returns/list", count=RETRIES + 1, status=500)
    elif stage == "aggregator":  # local work only: only a bug can stop it
        fail_call(monkeypatch, tracking_store, "refused_registration", RuntimeError("postings unreadable"))
    elif stage == "buyer_chat":  # local work only: only a bug can stop it
        fail_call(monkeypatch, buyer_chat.BuyerNotify, "__call__", RuntimeError("sync_state unreadable"))
    elif stage == "marks":  # local work only: only a bug can stop it
        fail_call(monkeypatch, marks_store, "packed_waiting", RuntimeError("posting_marks unreadable"))
    elif stage == "carriers":  # no carrier configured here: only a bug in finding packed parcels can stop it
        fail_call(monkeypatch, carriers_part, "waiting_for_carrier", RuntimeError("postings unreadable"))
    else:
        raise AssertionError(stage)


# break_stage's faults that are bugs (not Ozon's answers): the stage logs each with its traceback
BUG_STAGES = ("outbox", "outbox_again", "printing", "prune", "marks", "carriers", "aggregator", "buyer_chat")


@pytest.mark.parametrize("stage", [pytest.param(stage, marks=pytest.mark.expect_errors("packdesk.sync"))
                                   if stage in BUG_STAGES else stage for stage in ALL_STAGES])
def test_a_failing_stage_is_named_and_every_other_stage_still_does_its_work(scene, monkeypatch, stage):
    s, bench = scene, scene.bench
    break_stage(stage, s, monkeypatch)
    now = bench.now().isoformat()
    summary = s.engine.run_pass()

    assert list(summary.stages) == list(ALL_STAGES) == list(s.engine.stages)
    assert summary.failed_stages == [stage]
    assert not summary.finished and summary.error.startswith(f"{stage}: ")
    reported = summary.as_dict()
    assert reported["failed_stages"] == [stage]
    assert reported["stages"][stage].startswith(("error: ", "bug: "))
    skipped = {"reconcile"} if stage == "postings" else set()  # vanished ones only from a complete list
    assert {name for name, text in reported["stages"].items() if text.startswith("skipped")} == skipped
    assert all(reported["stages"][name] == "ok" for name in ALL_STAGES if name not in {stage, *skipped})

    # every stage that did not fail did its work
    assert bench.command(s.command)["state"] == "done"  # either drain confirms the ship
    if stage != "reference":
        assert s.state("reference.pulled_at") == now
    if stage != "key":
        assert s.state("key.checked_at") == now
    if stage != "postings":
        assert all(bench.posting(n) is not None for n in s.added)
        assert s.has_product(s.dropped_sku) == (stage != "products")
    if stage not in ("postings", "reconcile"):
        assert bench.posting(s.vanished)["status"] == "delivered"
        assert s.state("postings.full_pass_at") == now
    if stage != "handover":  # Ozon's word on today's departures, for the Hand-over tab
        assert json.loads(s.state("handover.ozon_word"))["checked_at"] == now
    if stage != "returns":  # the simulator's returns are in the cache
        assert s.state("returns.pulled_at") == now and returns_cached(bench)
    if stage != "labels":
        assert label(bench, s.shipped)["state"] == "fetched" and summary.labels.fetched == 1
    assert len(s.printed) == (stage != "printing")  # printing needs no Ozon: it runs whatever else failed
    if stage != "prune":
        assert s.state(prune_mark(bench.config.station.name)) == now
    assert s.state("sync.last_pass") == f"{now} incomplete"

    # and once the fault is gone the next pass finishes what was left
    monkeypatch.undo()
    bench.clock.advance(60)
    assert s.engine.run_pass().finished
    assert label(bench, s.shipped)["state"] == "fetched"
    assert bench.posting(s.vanished)["status"] == "delivered" and s.has_product(s.dropped_sku)


def test_a_pass_with_every_stage_done_is_finished_with_every_stage_ok(scene):
    summary = scene.engine.run_pass()
    assert summary.finished and summary.error is None and summary.failed_stages == []
    assert summary.as_dict()["stages"] == {name: "ok" for name in ALL_STAGES}


@pytest.mark.expect_errors("packdesk.sync")
def test_a_bug_in_a_stage_is_logged_with_its_traceback_and_kept_for_the_crash_dialog(scene, monkeypatch, caplog):
    break_stage("printing", scene, monkeypatch)
    with caplog.at_level(logging.ERROR, logger="packdesk.sync"):
        summary = scene.engine.run_pass()
    assert summary.as_dict()["stages"]["printing"] == "bug: ZeroDivisionError: division by zero"
    assert [type(b) for b in summary.bugs] == [ZeroDivisionError]
    crashed = [r for r in caplog.records if "printing" in r.getMessage()]
    assert crashed and crashed[0].exc_info and crashed[0].exc_info[0] is ZeroDivisionError


def test_a_refused_key_in_any_stage_still_stops_the_pass(scene, monkeypatch):
    fail_call(monkeypatch, scene.engine.puller, "pull_missing_products", OzonAuthError("invalid Api-Key"))
    with pytest.raises(OzonAuthError):
        scene.engine.run_pass()
    assert scene.printed == []


# --- the postings list and the vanished ones ------------------------------------------------

def marks(bench) -> dict:
    with bench.db.read() as session:
        return {key: sync_state.get_state(session, key) for key in ("postings.changed_mark", "postings.full_pass_at")}


def test_an_unfinished_postings_list_moves_no_mark_and_the_next_pass_is_full_again(bench):
    engine = bench.engine()
    engine.run_pass()
    before = marks(bench)
    bench.clock.advance(bench.config.sync.full_pass_interval_s + 1)  # a full pass is due
    bench.sim.world.set_status(bench.packable()[0], "delivered")
    gets = bench.sim.stats.requests("/v3/posting/fbs/get")
    bench.sim.faults.fail_next("/v4/posting/fbs/unfulfilled/list", count=RETRIES + 1, status=500)
    failed = engine.run_pass()
    assert failed.full and failed.failed_stages == ["postings"]
    assert failed.as_dict()["stages"]["reconcile"] == "skipped: the postings list did not finish"
    assert bench.sim.stats.requests("/v3/posting/fbs/get") == gets  # nothing re-read from a partial list
    assert marks(bench) == before

    bench.clock.advance(60)
    again = engine.run_pass()
    assert again.full and again.finished and again.pull.reconciled == 1
    bench.clock.advance(60)
    assert not engine.run_pass().full


def test_an_unfinished_incremental_list_keeps_its_mark(bench):
    engine = bench.engine()
    engine.run_pass()
    before = marks(bench)
    bench.clock.advance(60)
    bench.sim.faults.fail_next("/v4/posting/fbs/list", count=RETRIES + 1, status=500)
    failed = engine.run_pass()
    assert not failed.full and failed.failed_stages == ["postings"]
    assert failed.as_dict()["stages"]["reconcile"] == "ok"  # an incremental pass has nothing to reconcile
    assert marks(bench) == before


def test_a_vanished_posting_ozon_does_not_know_is_marked_and_the_others_are_read_back(bench):
    engine = bench.engine()
    engine.run_pass()
    gone = sorted(bench.packable()[:3])  # re-read in this order
    for number in gone:
        bench.sim.world.set_status(number, "delivered")
    bench.clock.advance(bench.config.sync.full_pass_interval_s + 1)
    bench.sim.faults.fail_next("/v3/posting/fbs/get", status=404)  # the first re-read: Ozon does not know it
    summary = engine.run_pass()

    assert summary.full and summary.finished, summary.error
    assert (summary.pull.reconciled, summary.pull.not_found) == (2, 1)
    assert summary.as_dict()["not_found"] == 1
    unknown, *others = gone
    assert bench.posting(unknown)["local_state"] == "problem"
    assert bench.posting(unknown)["problem"] == NOT_FOUND_PROBLEM
    for number in others:
        assert (bench.posting(number)["status"], bench.posting(number)["local_state"]) == ("delivered", "handed_over")
    bench.clock.advance(60)
    gets = bench.sim.stats.requests("/v3/posting/fbs/get")
    nxt = engine.run_pass()
    assert not nxt.full and nxt.finished
    assert bench.sim.stats.requests("/v3/posting/fbs/get") == gets  # the marked one is not re-read every pass


def test_a_marked_posting_is_never_packed(bench):
    from app.services.station import Station

    engine = bench.engine()
    engine.run_pass()
    number = bench.packable()[0]
    bench.sim.world.set_status(number, "delivered")
    bench.clock.advance(bench.config.sync.full_pass_interval_s + 1)
    bench.sim.faults.fail_next("/v3/posting/fbs/get", status=404)
    engine.run_pass()
    station = Station.from_config(bench.db, bench.config)
    try:
        result = station.scan(number)
    finally:
        station.close()
    assert result.code == "posting_not_packable" and result.data["reason"] == "problem"
    assert result.data["detail"] == NOT_FOUND_PROBLEM


def test_a_reconcile_that_stops_keeps_what_it_read_and_leaves_the_full_pass_due(bench, monkeypatch):
    engine = bench.engine()
    engine.run_pass()
    gone = sorted(bench.packable()[:3])
    for number in gone:
        bench.sim.world.set_status(number, "delivered")
    bench.clock.advance(bench.config.sync.full_pass_interval_s + 1)
    before = marks(bench)
    real = bench.client.get_posting
    monkeypatch.setattr(bench.client, "get_posting", lambda n: (_ for _ in ()).throw(
        OzonTransportError("read timed out", endpoint="/v3/posting/fbs/get", maybe_applied=True))
        if n == gone[1] else real(n))
    summary = engine.run_pass()
    assert summary.failed_stages == ["reconcile"] and summary.pull.reconciled == 1
    assert bench.posting(gone[0])["status"] == "delivered"  # read before the failure: kept
    assert bench.posting(gone[2])["status"] == "awaiting_packaging"  # not read: the next full pass does it
    after = marks(bench)
    assert after["postings.changed_mark"] != before["postings.changed_mark"]  # the list itself finished
    assert after["postings.full_pass_at"] == before["postings.full_pass_at"]
    monkeypatch.setattr(bench.client, "get_posting", real)
    bench.clock.advance(60)
    again = engine.run_pass()
    assert again.full and again.finished
    assert bench.posting(gone[2])["status"] == "delivered"


def test_when_ozon_cannot_be_reached_the_later_ozon_stages_wait_and_printing_still_runs(scene):
    s = scene
    s.bench.sim.close()  # connections refused from now on
    summary = s.engine.run_pass()
    stages = summary.as_dict()["stages"]
    first = next(name for name in STAGES if stages[name] != "ok")
    assert summary.failed_stages == [first] and first in ("outbox", "reference")
    after = STAGES[STAGES.index(first) + 1:]
    assert {name: stages[name] for name in after} == {
        **{name: "skipped: Ozon cannot be reached" for name in after}, "printing": "ok", "prune": "ok",
        "marks": "ok", "aggregator": "ok", "buyer_chat": "ok"}  # the marks stage queues sets, the aggregator's reads the cache:
    # local work, done offline too
    assert summary.error.startswith(f"{first}: ") and "skipped" not in summary.error
    assert len(s.printed) == 1 and s.state(prune_mark(s.bench.config.station.name)) == s.bench.now().isoformat()


# --- the background service ------------------------------------------------------------------

@pytest.mark.expect_errors("packdesk.sync")
def test_the_service_hands_a_stage_bug_to_on_fatal_and_still_reports_the_pass(scene, monkeypatch):
    break_stage("prune", scene, monkeypatch)
    heard, passed = [], threading.Event()
    service = SyncService(scene.engine, interval_s=3600,
                          on_pass=lambda summary: (heard.append(("pass", summary.failed_stages)), passed.set()),
                          on_fatal=lambda exc: heard.append(("fatal", type(exc))))
    service.start()
    try:
        assert passed.wait(30)
    finally:
        service.stop()
    assert heard == [("fatal", PermissionError), ("pass", ["prune"])]
