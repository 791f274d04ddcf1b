"""The room's Ozon rate budget on the test PostgreSQL: one token bucket per account in the database,
taken by every bench (each with its own engine and connections, as separate processes), so the
configured ``requests_per_second`` holds for the room as a whole; and the simulator's per-second
request log that measures it. A single bench on SQLite keeps its in-process limiter."""
from __future__ import annotations

import dataclasses
import time

import pytest

from app.bench import LOOKUP_BUDGET_WAIT_S, open_bench, room_limiters
from app.config import Config, with_overrides
from app.services.ozon.client import OzonClient
from app.services.ozon.ratelimit import ACCOUNTS
from app.services.room.budget import RoomBudgetBusy, RoomLimiter, RoomLimiters
from app.sim.ozon import OzonSimulator, WorldConfig
from app.store import default_sqlite_url, open_database
from app.store.room import SHARE
from room_helpers import at_once, room_url  # noqa: F401
from store_helpers import pg_url  # noqa: F401

postgres = pytest.mark.postgres
ACCOUNT = ("http://127.0.0.1:9", "100000")
GET = "/v3/posting/fbs/get"


@pytest.fixture
def benches(room_url):  # noqa: F811
    """Databases of several benches of one room (opened on demand, closed after)."""
    opened = []

    def bench():
        opened.append(open_database(room_url))
        return opened[-1]

    yield bench
    for db in opened:
        db.close()


class Waits:
    """A sleep that only records: a reservation's wait without spending it."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@postgres
def test_benches_reserving_at_once_each_get_a_slot_of_their_own(benches):
    rate = 1.0  # slots ~1.05 s apart: far more than the moments between the calls below
    limiters = [RoomLimiters(benches(), sleep=Waits()).for_account(*ACCOUNT, rps=rate) for _ in range(6)]
    started = time.monotonic()
    waits = sorted(w for ws in at_once(*[lambda lim=lim: [lim.acquire(GET) for _ in range(3)] for lim in limiters])
                   for w in ws)
    spread = time.monotonic() - started  # the calls were made within this much time
    interval = 1.0 / (rate * SHARE)
    assert len(waits) == 18 and waits[0] == pytest.approx(0.0, abs=spread)  # the first goes at once
    assert all(later - earlier >= interval - spread for earlier, later in zip(waits, waits[1:])), waits
    assert waits[-1] == pytest.approx(17 * interval, abs=spread)


@postgres
def test_a_429_answered_to_one_bench_holds_back_every_bench(benches):
    told = RoomLimiters(benches()).for_account(*ACCOUNT, rps=20)
    other = RoomLimiters(benches(), sleep=(waits := Waits())).for_account(*ACCOUNT, rps=20)
    told.pause(3.0)
    assert 2.5 < other.paused_until - time.monotonic() <= 3.0
    other.acquire(GET)
    assert 2.5 < waits.waits[0] <= 3.0
    with pytest.raises(RoomBudgetBusy):  # a look-up would rather use the cache than wait that long
        other.wait_at_most(0.5).acquire(GET)


@postgres
def test_the_room_never_sends_more_than_its_rate_in_any_second(benches):
    """Six clients on three benches ask as fast as they can for ~3 s; the simulator counts what
    arrives in each second. Three in-process limiters would let three times the rate through."""
    rate = 8.0
    with OzonSimulator(WorldConfig(postings=10, seed=5)) as sim:
        number = sim.world.posting_numbers("awaiting_packaging")[0]
        clients = []
        for _ in range(3):
            limiters = RoomLimiters(benches())
            for _ in range(2):
                clients.append(OzonClient(sim.base_url, "100000", "demo-key", max_retries=0,
                                          limiter=limiters.for_account(sim.base_url, "100000", rps=rate)))
        end = time.monotonic() + 3.0

        def ask(client):
            asked = 0
            while time.monotonic() < end:
                client.get_posting(number)
                asked += 1
            return asked

        try:
            asked = sum(at_once(*[lambda c=c: ask(c) for c in clients]))
        finally:
            for client in clients:
                client.close()
        per_second = sim.stats.per_second()
    assert sum(per_second.values()) == asked
    assert max(per_second.values()) <= rate, per_second
    assert asked >= 2 * rate  # they were asking all along, at about the room's pace


@postgres
def test_a_bench_on_a_shared_database_takes_the_rooms_budget_and_its_lookups_do_not_queue(room_url, tmp_path):  # noqa: F811
    config = with_overrides(Config(), ozon={"base_url": ACCOUNT[0], "client_id": ACCOUNT[1],
                                            "requests_per_second": 5.0})
    config = dataclasses.replace(config, data_dir=tmp_path, db_url=room_url)
    bench = open_bench(config, api_key="demo-key", parts=("ozon", "station"))
    try:
        assert isinstance(bench.client.limiter, RoomLimiter) and bench.client.limiter.max_wait_s is None
        assert bench.lookups.limiter.account == bench.client.limiter.account == "127.0.0.1:9/100000"
        assert bench.lookups.limiter.max_wait_s == LOOKUP_BUDGET_WAIT_S
        bench.client.limiter.pause(30.0)  # the room's budget is spent for a while
        lookup = bench.station.remote.posting("12345678-0001-1")
        assert lookup.found is None and "budget" in lookup.detail  # the scan goes on with the cache
    finally:
        bench.close()


def test_a_single_bench_on_sqlite_keeps_its_in_process_limiter(tmp_path):
    db = open_database(default_sqlite_url(tmp_path))
    try:
        assert room_limiters(db) is ACCOUNTS
    finally:
        db.close()


def test_the_simulator_logs_the_requests_of_each_second():
    with OzonSimulator(WorldConfig(postings=3, seed=5)) as sim:
        client = OzonClient(sim.base_url, "100000", "demo-key", rps=50)
        try:
            for _ in range(5):
                client.roles()
        finally:
            client.close()
        stats = sim.stats.as_dict()
        per_second = sim.stats.per_second()
    assert sum(per_second.values()) == stats["total"] == 5
    assert all(abs(second - time.time()) < 60 for second in per_second)  # wall-clock seconds
    assert stats["per_second"] == {str(k): v for k, v in per_second.items()}
    assert stats["max_per_second"] == max(per_second.values())
