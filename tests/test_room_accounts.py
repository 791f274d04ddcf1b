"""A room of benches with two Ozon accounts on the test PostgreSQL: each account has its own sync
leader (Ozon counts requests per Client-Id), the first bench leads both, the second bench's pass
leaves both accounts' Ozon-wide stages to it and reads nothing of either."""
from __future__ import annotations

import dataclasses

import pytest

from app.bench import open_bench
from app.config import Config, with_overrides
from app.config_accounts import OzonAccount
from app.sim.ozon import DEFAULT_API_KEY, DEFAULT_CLIENT_ID, OzonSimulator, WorldConfig
from room_helpers import room_url, wait_for  # noqa: F401
from store_helpers import pg_url  # noqa: F401

pytestmark = pytest.mark.postgres

B, KEY_B = "200000", "key-b"
LIST = "/v4/posting/fbs/unfulfilled/list"
KEYS = {DEFAULT_CLIENT_ID: DEFAULT_API_KEY, B: KEY_B}


def bench(sim, url: str, tmp_path, station: str):
    config = with_overrides(Config(), ozon={"base_url": sim.base_url, "requests_per_second": 50.0},
                            station={"name": station})
    config = dataclasses.replace(config, data_dir=tmp_path / station, db_url=url, ozon_accounts=(
        OzonAccount(DEFAULT_CLIENT_ID, "Shop A"), OzonAccount(B, "Shop B")))
    return open_bench(config, api_key=None, api_keys=KEYS, parts=("ozon", "sync"), strict=True)


def test_each_account_has_one_leader_in_the_room_and_a_follower_reads_neither(room_url, tmp_path):  # noqa: F811
    with OzonSimulator(WorldConfig(postings=6, seed=31, ship_delay_s=0.0, label_delay_s=0.0)) as sim:
        sim.add_seller(B, KEY_B, WorldConfig(postings=6, seed=32))
        first = bench(sim, room_url, tmp_path, "bench-a")
        try:
            wait_for(lambda: first.leader.leading, timeout=10, what="bench-a leads both accounts")
            assert len(first.leader.leaders) == 2
            led = first.engine.run_pass()
            assert led.finished, led.error
            second = bench(sim, room_url, tmp_path, "bench-b")
            try:
                assert not any(leader.leading for leader in second.leader.leaders)
                lists_before = sim.stats.requests(LIST)
                followed = second.engine.run_pass()
                assert followed.finished, followed.error
                assert followed.as_dict()["stages"]["postings"] == (
                    "skipped: Shop A: done by the account's sync leader (bench-a); "
                    "Shop B: done by the account's sync leader (bench-a)")
                assert sim.stats.requests(LIST) == lists_before  # neither account's postings read twice
            finally:
                second.close()
        finally:
            first.close()
