"""Several Ozon accounts on one bench: each account synced with its own client into one cache,
commands and labels sent with the credentials of the account that owns the posting."""
from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest

from app.config import Config, with_overrides
from app.config_accounts import OzonAccount
from app.services.ozon.client import OzonClient
from app.services.sync.accounts import account_engines, run_account_passes
from app.sim.ozon import OzonSimulator, WorldConfig
from app.store import accounts as store_accounts
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store import reference as store_reference
from app.store.db import open_database
from app.store.models import LabelRow, OutboxRow, PostingRow
from ozon_client_helpers import FakeTime
from sim_helpers import FakeClock

A, B = "111111", "222222"


class Room:
    def __init__(self, tmp_path, *, key_a: str = "key-a"):
        self.clock = FakeClock()
        self.sims = {A: OzonSimulator(WorldConfig(postings=6, seed=11, label_delay_s=0.0), clock=self.clock,
                                      client_id=A, api_key="key-a"),
                     B: OzonSimulator(WorldConfig(postings=6, seed=22, label_delay_s=0.0), clock=self.clock,
                                      client_id=B, api_key="key-b")}
        for sim in self.sims.values():
            sim.start()
        self.db = open_database(f"sqlite:///{tmp_path / 'packdesk.db'}")
        pacing = FakeTime()
        keys = {A: key_a, B: "key-b"}
        # two simulators stand for one Ozon: each account's client talks to its own
        self.clients = {cid: OzonClient(sim.base_url, cid, keys[cid], rps=200, sleep=pacing.sleep,
                                        clock=pacing.clock) for cid, sim in self.sims.items()}
        accounts = (OzonAccount(A, "Shop A"), OzonAccount(B, "Shop B"))
        self.config = with_overrides(Config(data_dir=tmp_path, ozon_accounts=accounts),
                                     ozon={"base_url": self.sims[A].base_url}, station={"name": "bench-1"})
        self.syncs = account_engines(self.config, self.db, self.clients, now=self.now)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), timezone.utc).replace(tzinfo=None)

    def numbers(self, cid: str) -> set[str]:
        return set(self.sims[cid].world.posting_numbers("awaiting_packaging"))

    def owner(self, number: str) -> str:
        with self.db.read() as session:
            return store_accounts.account_of(session, number)

    def close(self):
        for client in self.clients.values():
            client.close()
        self.db.close()
        for sim in self.sims.values():
            sim.close()


@pytest.fixture
def room(tmp_path):
    r = Room(tmp_path)
    assert not r.numbers(A) & r.numbers(B)  # the two shops' postings are told apart by number
    yield r
    r.close()


def test_two_accounts_sync_into_one_cache_each_posting_with_its_account(room):
    results = run_account_passes(room.syncs)
    assert all(summary.finished for summary in results.values()), results
    assert room.numbers(A) and room.numbers(B)
    assert {room.owner(n) for n in room.numbers(A)} == {A}
    assert {room.owner(n) for n in room.numbers(B)} == {B}
    with room.db.read() as session:  # each account's warehouses and methods, none dropped by the other's list
        warehouses = {w.id for w in store_reference.list_warehouses(session)}
        methods = {m.id for m in store_reference.list_delivery_methods(session)}
    for sim in room.sims.values():
        assert {w.warehouse_id for w in sim.world.warehouses} <= warehouses
        assert {m.id for m in sim.world.methods} <= methods


def test_a_ship_goes_with_the_credentials_of_the_posting_account(room):
    run_account_passes(room.syncs)
    world = room.sims[B].world
    number = next(n for n in sorted(room.numbers(B))  # no marking codes needed (those wait for the marks stage)
                  if not any(world.needs_mark[x.sku] for x in world.peek(n).lines))
    lines = world.peek(number).lines

    def write(session):
        store_outbox.enqueue(session, kind="ship", posting_number=number, dedupe_key=f"ship:{number}",
                             payload={"packages": [[[x.sku, x.quantity] for x in lines]]}, station="bench-1",
                             now=room.now())
        store_postings.set_local_state(session, [number], "packed")

    room.db.writer.call(write)
    for _ in range(3):
        run_account_passes(room.syncs)
        room.clock.advance(5)
    assert room.sims[B].stats.ship_calls(number) == 1
    assert room.sims[A].stats.ship_calls(number) == 0  # account A's pass never touched it
    assert room.sims[B].world.peek(number).status != "awaiting_packaging"
    with room.db.read() as session:
        assert [r.state for r in store_outbox.for_posting(session, number)] == ["done"]
        assert session.get(PostingRow, number).status == room.sims[B].world.peek(number).status
        label = session.query(LabelRow).filter_by(posting_number=number).one()
        assert (label.state, label.last_error, label.attempts) == ("fetched", None, 0)  # with B's key


def test_a_failing_account_leaves_the_other_synced_and_is_named(tmp_path, caplog):
    room = Room(tmp_path, key_a="wrong-key")
    try:
        with caplog.at_level(logging.WARNING, logger="packdesk.sync"):
            results = run_account_passes(room.syncs)
        assert isinstance(results[A], Exception)
        assert results[B].finished
        assert {room.owner(n) for n in room.numbers(B)} == {B}
        assert not any(room.owner(n) for n in room.numbers(A))
        assert any("Shop A" in r.getMessage() for r in caplog.records)
        assert not any("wrong-key" in r.getMessage() for r in caplog.records)
    finally:
        room.close()


def test_a_posting_held_for_another_account_is_never_overwritten(room):
    run_account_passes(room.syncs)
    number = sorted(room.numbers(A))[0]
    fake = {"posting_number": number, "status": "cancelled"}
    changed = room.db.writer.call(store_postings.upsert_postings, [fake], {}, now=room.now(), account=B)
    assert changed == 0
    with room.db.read() as session:
        row = session.get(PostingRow, number)
        assert (row.account, row.status) == (A, room.sims[A].world.peek(number).status)


def test_rows_from_before_accounts_are_adopted_by_the_single_account(room):
    run_account_passes(room.syncs)

    def unown(session):
        for model in (PostingRow, OutboxRow, LabelRow):
            session.query(model).update({"account": ""})

    room.db.writer.call(unown)
    assert room.db.writer.call(store_accounts.adopt_unowned, A) >= len(room.numbers(A) | room.numbers(B))
    assert {room.owner(n) for n in room.numbers(B)} == {A}



def _station(room):
    from app.services.station import Remote, Station
    from app.services.station.accounts import AccountLookups

    def cached_account(number):
        with room.db.read() as session:
            return store_accounts.account_of(session, number)

    lookups = AccountLookups(room.clients, cached_account)
    return Station(room.db, "bench-1", now=room.now, remote=Remote.for_client(lookups, timeout_s=10)), lookups


def test_scanning_a_posting_of_account_b_opens_it_with_b_credentials(room):
    station, lookups = _station(room)
    try:
        number = sorted(room.numbers(B))[0]  # not synced yet: only Ozon (account B) knows it
        result = station.scan(number)
        assert (result.code, result.posting) == ("posting_opened", number)
        assert room.owner(number) == B and lookups.account_of(number) == B
        get = "/v3/posting/fbs/get"
        assert room.sims[A].stats.requests(get) == 1 and room.sims[B].stats.requests(get) == 1  # A: not found
        station.scan(number)  # now cached for B: only B is asked
        assert room.sims[A].stats.requests(get) == 1
    finally:
        station.close() if hasattr(station, "close") else None


def test_a_posting_no_account_knows_is_not_found(room):
    station, _ = _station(room)
    try:
        assert station.scan("99999999-0001-1").code == "posting_not_found"
    finally:
        station.close() if hasattr(station, "close") else None


def test_the_bench_engine_of_several_accounts_reports_every_accounts_progress_and_merges_their_passes(room):
    from app.services.sync.accounts import AccountsEngine

    engine = AccountsEngine(room.syncs)
    told = []
    engine.on_progress = told.append
    assert all(sync.engine.on_progress == told.append for sync in room.syncs)
    summary = engine.run_pass()
    assert summary.finished and summary.as_dict()["postings"] == len(room.numbers(A)) + len(room.numbers(B))


@pytest.mark.expect_errors("packdesk.sync")
def test_a_bug_in_one_accounts_pass_leaves_the_other_synced_and_reaches_the_crash_report(room, monkeypatch):
    from app.services.sync.accounts import AccountsEngine

    bug = RuntimeError("a bug of ours")
    monkeypatch.setattr(room.syncs[0].engine, "run_pass", lambda: (_ for _ in ()).throw(bug))
    summary = AccountsEngine(room.syncs).run_pass()
    assert summary.bugs == [bug] and not summary.finished
    assert {room.owner(n) for n in room.numbers(B)} == {B}  # the other account's pass ran
