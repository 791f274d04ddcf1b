"""The outbox drain against the simulator: ship once, confirm, never resend blindly, park what cannot work."""
import pytest

from app.store import outbox as store_outbox
from app.store.models import OUTBOX_IN_FLIGHT
from sync_helpers import bench  # noqa: F401  (fixture)

SHIP = "/v4/posting/fbs/ship"


def drain_until_settled(bench, engine, command_id, passes=6):
    for _ in range(passes):
        engine.drainer.drain()
        state = bench.command(command_id)["state"]
        if state in ("done", "parked"):
            return state
        bench.clock.advance(5)
    return bench.command(command_id)["state"]


@pytest.fixture
def synced(bench):
    engine = bench.engine()
    engine.run_pass()
    return engine


def test_ship_is_sent_once_confirmed_and_the_posting_shows_shipped(bench, synced):
    number = bench.packable()[0]
    command = bench.queue_ship(number)
    assert bench.posting(number)["local_state"] == "packed"
    assert drain_until_settled(bench, synced, command) == "done"
    assert bench.sim.stats.ship_calls(number) == 1
    assert bench.sim.world.peek(number).status == "awaiting_deliver"
    assert bench.posting(number) | {"items": None} == {"status": "awaiting_deliver", "local_state": "shipped",
                                                        "problem": None, "items": None}


def test_enqueueing_the_same_ship_twice_sends_it_once(bench, synced):
    number = bench.packable()[0]
    assert bench.queue_ship(number) == bench.queue_ship(number)
    drain_until_settled(bench, synced, bench.queue_ship(number))
    assert bench.sim.stats.ship_calls(number) == 1


def test_ship_failed_on_ozon_is_sent_again_then_done(bench, synced):
    number = bench.packable()[0]
    bench.sim.faults.ship_failed_next(number)
    command = bench.queue_ship(number)
    assert drain_until_settled(bench, synced, command) == "done"
    assert bench.sim.stats.ship_calls(number) == 2
    assert bench.sim.world.peek(number).status == "awaiting_deliver"


def test_a_lost_answer_is_read_back_not_resent(bench, synced):
    number = bench.packable()[0]
    bench.sim.faults.fail_next(SHIP, count=1, status=0, apply=True)  # applied, then the connection drops
    command = bench.queue_ship(number)
    synced.drainer.drain()
    assert bench.command(command)["state"] == "uncertain"
    assert drain_until_settled(bench, synced, command) == "done"
    assert bench.sim.stats.ship_calls(number) == 1


def test_a_lost_request_that_never_applied_is_resent_after_reading_back(bench, synced):
    number = bench.packable()[0]
    bench.sim.faults.fail_next(SHIP, count=1, status=500, apply=False)
    command = bench.queue_ship(number)
    assert drain_until_settled(bench, synced, command) == "done"
    assert bench.sim.stats.requests(SHIP) == 2  # the 500 and the resend after the read-back
    assert bench.sim.stats.ship_calls(number) == 1  # Ozon acted on one of them


@pytest.mark.parametrize("applied_before_crash", [True, False])
def test_a_crash_mid_call_is_recovered_by_reading_back(bench, applied_before_crash):
    number = bench.packable()[0]
    first = bench.engine()
    first.run_pass()
    command = bench.queue_ship(number)
    # the process died after marking the command in flight; the ship may or may not have reached Ozon
    bench.db.writer.call(store_outbox.mark, command, OUTBOX_IN_FLIGHT, bump_attempts=True, now=bench.now())
    if applied_before_crash:
        bench.sim.world.ship(number, [[(line.sku, line.quantity) for line in bench.sim.world.peek(number).lines]])
    restarted = bench.engine()
    restarted.run_pass()
    assert drain_until_settled(bench, restarted, command) == "done"
    assert bench.sim.stats.ship_calls(number) == (0 if applied_before_crash else 1)


def test_ship_of_a_posting_cancelled_on_ozon_is_parked_and_never_shipped(bench, synced):
    number = bench.packable()[0]
    command = bench.queue_ship(number)
    bench.sim.world.cancel(number)
    assert drain_until_settled(bench, synced, command) == "parked"
    assert "cancelled" in bench.command(command)["last_error"]
    assert bench.posting(number)["local_state"] == "cancelled"
    assert bench.sim.world.peek(number).status == "cancelled"
    with bench.db.read() as session:
        assert store_outbox.open_count(session) == 0  # parked counts as drained


@pytest.mark.parametrize("later_status", ["not_accepted", "arbitration"])
def test_a_lost_answer_read_back_after_a_hand_over_dispute_is_done_not_cancelled(bench, synced, later_status):
    """Not accepted at the sorting centre (then arbitration) comes after a ship that went through
    (ozon-after-ship.md §8): the ship is done, the posting is not cancelled."""
    number = bench.packable()[0]
    bench.sim.faults.fail_next(SHIP, count=1, status=0, apply=True)
    command = bench.queue_ship(number)
    synced.drainer.drain()
    bench.clock.advance(5)
    bench.sim.world.set_status(number, later_status)
    assert drain_until_settled(bench, synced, command) == "done"
    assert bench.sim.stats.ship_calls(number) == 1
    assert bench.posting(number)["local_state"] == "shipped"


def test_already_shipped_elsewhere_resolves_as_done(bench, synced):
    number = bench.packable()[0]
    bench.sim.world.ship(number, [[(line.sku, line.quantity) for line in bench.sim.world.peek(number).lines]])
    bench.clock.advance(1)
    command = bench.queue_ship(number)
    assert drain_until_settled(bench, synced, command) == "done"
    assert bench.command(command)["last_error"] is None


def test_a_wrong_quantity_is_parked_with_ozons_reason(bench, synced):
    number = bench.packable()[0]
    line = bench.sim.world.peek(number).lines[0]
    command = bench.queue_ship(number, packages=[[[line.sku, line.quantity + 5]]])
    assert drain_until_settled(bench, synced, command) == "parked"
    assert "HAS_INCORRECT_PRODUCT_QUANTITY" in bench.command(command)["last_error"]
    assert bench.posting(number)["local_state"] == "problem"


def test_two_packages_split_the_posting_and_all_children_show_shipped(bench, synced):
    number = next(n for n in bench.packable()
                  if sum(line.quantity for line in bench.sim.world.peek(n).lines) >= 2)
    lines = bench.sim.world.peek(number).lines
    units = [line.sku for line in lines for _ in range(line.quantity)]
    half = len(units) // 2
    packages = [_package(units[:half]), _package(units[half:])]
    command = bench.queue_ship(number, packages=packages)
    assert drain_until_settled(bench, synced, command) == "done"
    children = bench.command(command)["result"]["postings"]
    assert len(children) == 2
    synced.run_pass()
    for child in children:
        assert bench.posting(child)["local_state"] == "shipped"


def test_429_on_ship_waits_and_sends_later(bench, synced):
    number = bench.packable()[0]
    bench.sim.faults.fail_next(SHIP, count=6, status=429)
    command = bench.queue_ship(number)
    assert drain_until_settled(bench, synced, command, passes=10) == "done"
    assert bench.sim.stats.ship_calls(number) == 1


def _package(skus):
    counts = {}
    for sku in skus:
        counts[sku] = counts.get(sku, 0) + 1
    return [[sku, qty] for sku, qty in counts.items()]


@pytest.mark.expect_errors("packdesk.sync.outbox", "packdesk.sync")
def test_a_bug_on_one_command_leaves_the_others_sent_and_names_the_stage(bench, synced):
    first, second = bench.packable()[:2]
    broken, working = bench.queue_ship(first), bench.queue_ship(second)
    ship = synced.drainer.handlers["ship"]

    def buggy(command):
        if command.posting_number == first:
            raise KeyError("packages")  # stands for any bug in a handler
        return ship(command)

    synced.drainer.handlers["ship"] = buggy
    summary = synced.run_pass()
    assert summary.stages["outbox"].state == "bug" and "outbox" in summary.as_dict()["failed_stages"]
    assert bench.sim.stats.ship_calls(second) == 1 and bench.command(working)["state"] in ("confirming", "done")
    assert bench.command(broken)["state"] == "uncertain"  # read back before anything is sent again
    synced.drainer.handlers["ship"] = ship
    assert drain_until_settled(bench, synced, broken) == "done"
    assert bench.sim.stats.ship_calls(first) == 1
