"""The seam through which the areas after packing join a sync pass: their outbox commands and
their own stage, failing on its own like every other stage."""
import pytest

from app.services.sync.engine import SyncEngine
from app.services.sync.outbox import Outcome
from app.services.sync.part import SyncPart
from app.services.sync.summary import STAGES
from app.store import outbox as store_outbox
from app.store.models import OUTBOX_DONE
from sync_helpers import bench  # noqa: F401  (fixture)


def _engine(bench, *makers):
    return SyncEngine(bench.client, bench.db, bench.config, now=bench.now, part_makers=makers)


def _queue(bench, kind: str) -> int:
    def write(session):
        return store_outbox.enqueue(session, kind=kind, posting_number=None, payload={"n": 1},
                                    dedupe_key=f"{kind}:1", station="bench-1", now=bench.now()).id

    return bench.db.writer.call(write)


def test_a_parts_command_is_sent_by_the_drain_and_its_stage_runs_after_the_products(bench):
    sent, pulled = [], []

    def make(client, db, config, now):
        assert (client, db, config) == (bench.client, bench.db, bench.config)
        return SyncPart(stage="tracking", pull=lambda: pulled.append(now()),
                        commands={"tracking_set": lambda command: sent.append(command.payload) or Outcome(OUTBOX_DONE)})

    engine = _engine(bench, make)
    command = _queue(bench, "tracking_set")
    summary = engine.run_pass()
    assert summary.finished and sent == [{"n": 1}] and pulled == [bench.now()]
    assert bench.command(command)["state"] == "done"
    at = STAGES.index("products") + 1
    assert list(summary.stages) == list(engine.stages) == [*STAGES[:at], "tracking", *STAGES[at:]]


@pytest.mark.expect_errors("packdesk.sync")
def test_a_failing_part_stage_is_named_and_the_rest_of_the_pass_still_runs(bench):
    def broken():
        raise RuntimeError("a bug in the part")

    engine = _engine(bench, lambda *_: SyncPart(stage="tracking", pull=broken))
    summary = engine.run_pass()
    assert summary.failed_stages == ["tracking"] and summary.stages["tracking"].state == "bug"
    assert all(summary.stages[name].ok for name in STAGES)


def test_two_parts_may_not_handle_one_command_kind(bench):
    ship_too = SyncPart(commands={"ship": lambda command: Outcome(OUTBOX_DONE)})
    with pytest.raises(ValueError, match="ship"):
        _engine(bench, lambda *_: ship_too)
