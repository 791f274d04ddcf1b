"""The room's sync on the test PostgreSQL: one leader per Ozon account (an advisory lock) pulls and
drains for everyone; a follower's pass leaves those stages to it and still does its own labels; a
killed leader is replaced within seconds; and however many sync processes run, each command is sent
to Ozon once (the leader, and under it a compare-and-set on every outbox row)."""
from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import time
from datetime import datetime, timezone

import pytest

from app.config import Config, with_overrides
from app.services.ozon.client import OzonClient
from app.services.room.budget import RoomLimiters, account_key
from app.services.room.leader import SyncLeader, leader_of
from app.services.sync.engine import SyncEngine
from app.services.sync.outbox import OutboxDrainer
from app.sim.ozon import OzonSimulator, WorldConfig
from app.store import open_database
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store.models import OUTBOX_DONE, OUTBOX_IN_FLIGHT
from room_helpers import at_once, bench_config, packdesk, room_env, room_url, wait_for  # noqa: F401
from store_helpers import pg_url  # noqa: F401

pytestmark = pytest.mark.postgres

WHOLE_ACCOUNT = ("outbox", "reference", "key", "postings", "reconcile", "products", "outbox_again")
LIST = "/v4/posting/fbs/unfulfilled/list"


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@pytest.fixture
def sim():
    with OzonSimulator(WorldConfig(postings=30, seed=21, ship_delay_s=0.0, label_delay_s=0.0)) as simulator:
        yield simulator


class Room:
    """Benches of one room in this process: each its own Database, client, leader and engine."""

    def __init__(self, sim, url: str, tmp_path) -> None:
        self.sim, self.url, self.tmp_path = sim, url, tmp_path
        self.account = account_key(sim.base_url, "100000")
        self._open: list = []

    def config(self, station: str) -> Config:
        config = with_overrides(Config(), ozon={"base_url": self.sim.base_url, "client_id": "100000",
                                                "requests_per_second": 50.0}, station={"name": station})
        return dataclasses.replace(config, data_dir=self.tmp_path / station, db_url=self.url)

    def db(self):
        db = open_database(self.url)
        self._open.append(db)
        return db

    def client(self, db) -> OzonClient:
        client = OzonClient(self.sim.base_url, "100000", "demo-key",
                            limiter=RoomLimiters(db).for_account(self.sim.base_url, "100000", rps=50.0))
        self._open.append(client)
        return client

    def leader(self, db, station: str) -> SyncLeader:
        leader = SyncLeader(db, self.account, station, poll_s=0.2).start()
        self._open.insert(0, leader)  # stopped before its database closes
        return leader

    def engine(self, station: str, *, leader: bool = True) -> SyncEngine:
        db = self.db()
        return SyncEngine(self.client(db), db, self.config(station),
                          leader=self.leader(db, station) if leader else None)

    def queue_ships(self, db, numbers: list[str], station: str = "bench-1") -> None:
        def write(session):
            for number in numbers:
                lines = self.sim.world.peek(number).lines
                store_outbox.add(session, kind="ship", posting_number=number,
                                 payload={"packages": [[[x.sku, x.quantity] for x in lines]]},
                                 dedupe_key=f"ship:{number}", station=station, now=utcnow())
                store_postings.set_local_state(session, [number], "packed")

        db.writer.call(write)

    def commands(self, db) -> dict[str, str]:
        with db.read() as session:
            return {row.posting_number: row.state for row in _all(session)}

    def close(self) -> None:
        for part in self._open:
            part.stop() if isinstance(part, SyncLeader) else part.close()


def _all(session):
    return session.query(store_outbox.OutboxRow).all()


@pytest.fixture
def room(sim, room_url, tmp_path):  # noqa: F811
    r = Room(sim, room_url, tmp_path)
    yield r
    r.close()


def plain(sim, count: int) -> list[str]:
    world = sim.world
    return [n for n in world.posting_numbers("awaiting_packaging")
            if not any(world.needs_mark[x.sku] for x in world.peek(n).lines)][:count]


def test_one_bench_leads_the_account_and_a_followers_pass_leaves_the_ozon_wide_stages_to_it(room, sim):
    leading = room.engine("bench-a")
    assert leading.leader.leading
    first = leading.run_pass()
    assert first.finished and all(first.stages[name].state == "ok" for name in WHOLE_ACCOUNT if name in first.stages)

    following = room.engine("bench-b")
    assert not following.leader.leading and following.leader.holder() == "bench-a"
    lists_before = sim.stats.requests(LIST)
    summary = following.run_pass()
    assert summary.finished  # what it leaves to the leader is not a failure
    reported = summary.as_dict()["stages"]
    assert {name: reported[name] for name in WHOLE_ACCOUNT} == dict.fromkeys(
        WHOLE_ACCOUNT, "skipped: done by the account's sync leader (bench-a)")
    assert [reported[name] for name in ("labels", "printing", "prune")] == ["ok", "ok", "ok"]
    assert sim.stats.requests(LIST) == lists_before  # no second pull of the account's postings


def test_a_new_leader_reads_back_what_the_old_one_left_in_flight_before_sending_anything(room, sim):
    old = room.engine("bench-a")
    old.run_pass()
    new = room.engine("bench-b")
    shipped, unsent = plain(sim, 2)
    room.queue_ships(new.db, [shipped, unsent])
    with new.db.read() as session:
        ids = {row.posting_number: row.id for row in _all(session)}
    for number in (shipped, unsent):  # the old leader was sending both when it died...
        new.db.writer.call(store_outbox.mark, ids[number], OUTBOX_IN_FLIGHT, bump_attempts=True, now=utcnow())
    sim.world.ship(shipped, [[(x.sku, x.quantity) for x in sim.world.peek(shipped).lines]])  # ...one got through

    old.leader.stop()
    wait_for(lambda: new.leader.leading, timeout=10, what="bench-b takes the lead over")
    summary = new.run_pass()
    assert summary.stages["outbox"].state == "ok"
    assert sim.stats.ship_calls(shipped) == 0  # read back: shipped already, not sent again
    assert sim.stats.ship_calls(unsent) == 1  # read back: still waiting, so sent, once


def test_drainers_racing_over_one_outbox_send_each_command_once(room, sim):
    """Below the leader: three sync processes draining at once (as when a leader takes over while
    the last one's pass goes on) take each command by compare-and-set; Ozon sees one ship each."""
    room.engine("bench-a", leader=False).run_pass()
    drainers = []
    for _ in range(3):
        db = room.db()
        drainers.append(OutboxDrainer(room.client(db), db, now=utcnow))
    numbers = plain(sim, 12)
    room.queue_ships(drainers[0].db, numbers)

    def settled() -> bool:
        at_once(*[drainer.drain for drainer in drainers])
        return set(room.commands(drainers[0].db).values()) == {OUTBOX_DONE}

    wait_for(settled, timeout=60, what="every ship command done", every=0.5)
    assert {number: sim.stats.ship_calls(number) for number in numbers} == dict.fromkeys(numbers, 1)


def _sync_process(room, sim, station: str) -> subprocess.Popen:
    config = bench_config(room.tmp_path / station, station, interval_s=0.5)
    return subprocess.Popen(packdesk(config, room.tmp_path / station, "sync", "--json"),
                            env=room_env(sim, room.url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stop(proc: subprocess.Popen) -> tuple[int, str, str]:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out, err


@pytest.mark.slow
def test_two_sync_processes_send_each_command_once_and_a_killed_leader_is_replaced_within_seconds(room, sim):
    seeding = room.engine("seed", leader=False)
    seeding.run_pass()
    numbers = plain(sim, 16)
    room.queue_ships(seeding.db, numbers[:8])
    first = _sync_process(room, sim, "sync-1")

    def leader() -> str | None:
        return leader_of(seeding.db, room.account)

    try:
        wait_for(lambda: leader() == "sync-1", timeout=60, what="sync-1 leads")
        second = _sync_process(room, sim, "sync-2")
        try:
            wait_for(lambda: set(room.commands(seeding.db).values()) == {OUTBOX_DONE}, timeout=60,
                     what="the first eight ships done")
            assert leader() == "sync-1"
            room.queue_ships(seeding.db, numbers[8:])
            first.kill()  # the leader dies mid-shift: its connection drops, the lock goes with it
            killed_at = time.monotonic()
            wait_for(lambda: leader() == "sync-2", timeout=15, what="sync-2 leads")
            took_over_s = time.monotonic() - killed_at
            wait_for(lambda: set(room.commands(seeding.db).values()) == {OUTBOX_DONE}, timeout=60,
                     what="the last eight ships done")
        finally:
            code, out, err = _stop(second)
        assert code == 0, err
        passes = [json.loads(line) for line in out.splitlines()]
        assert passes and all(p["finished"] for p in passes)
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate(timeout=30)
    assert took_over_s < 10
    assert {number: sim.stats.ship_calls(number) for number in numbers} == dict.fromkeys(numbers, 1)
