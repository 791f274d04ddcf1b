"""The bench's assembly (app/bench/): one rate budget per Ozon account, the parts a command
asks for, the problems of parts that cannot open, and the demo's parcel on a ``sim://`` scale."""
from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from app.bench import BenchProblem, open_bench
from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config, with_overrides
from app.devices.scales import SimulatedScale
from app.services.ozon.errors import OzonRateLimited
from app.services.ozon.ratelimit import AccountLimiters
from app.services.station.scale import weigh_from_scale
from app.sim.ozon import OzonSimulator, WorldConfig
from app.sim.parcel import SIM_PARCEL_G, ParcelPlacer
from ozon_client_helpers import API_KEY, CLIENT_ID, FakeTime, Reply, ScriptedOzon, error_reply
from test_cli_replay import plain_postings, units

APP = Path(__file__).resolve().parent.parent / "app"
ROLES = Reply(json={"roles": []})


def account_config(tmp_path, base_url: str, *, rps: float = 2.0, **sections) -> Config:
    config = with_overrides(Config(), ozon={"base_url": base_url, "client_id": CLIENT_ID, "requests_per_second": rps},
                            **sections)
    return dataclasses.replace(config, data_dir=tmp_path, db_url="", source=str(tmp_path / "config.toml"))


# --- one rate budget per account ---------------------------------------------------------------
def test_the_sync_and_station_clients_of_one_account_share_its_pacing(tmp_path):
    fake = FakeTime()
    with ScriptedOzon() as stub:
        stub.queue("/v1/roles", *[ROLES] * 6)
        bench = open_bench(account_config(tmp_path, stub.url, rps=2.0), api_key=API_KEY, parts=("ozon",),
                           limiters=AccountLimiters(clock=fake.clock, sleep=fake.sleep))
        try:
            assert bench.client is not bench.lookups and bench.client.limiter is bench.lookups.limiter
            start = fake.now
            for _ in range(3):
                bench.client.roles()
                bench.lookups.roles()
        finally:
            bench.close()
    # 2 requests/s for the account, a burst of 2: six calls take 2 s (two limiters: 0.5 s each)
    assert fake.now - start == pytest.approx((6 - 2) / 2.0)


def test_a_429_to_the_station_client_pauses_the_sync_client_too(tmp_path):
    fake = FakeTime()
    with ScriptedOzon() as stub:
        stub.queue("/v1/roles", error_reply(429, "You have reached request rate limit per second", code=8,
                                            headers={"Retry-After": "7"}), ROLES)
        bench = open_bench(account_config(tmp_path, stub.url, rps=20.0), api_key=API_KEY, parts=("ozon",),
                           limiters=AccountLimiters(clock=fake.clock, sleep=fake.sleep))
        try:
            with pytest.raises(OzonRateLimited):
                bench.lookups.roles()  # no retry for a scan: it says so at once
            start = fake.now
            bench.client.roles()
        finally:
            bench.close()
    assert fake.now - start == pytest.approx(7.0)  # Ozon's retry-after, kept by the other client
    assert len(stub.requests) == 2


def test_every_ozon_client_the_app_builds_takes_its_accounts_limiter():
    """A client with a limiter of its own would pace one account twice over: every OzonClient made
    outside the client's own package is given one (``app.bench`` or ``ACCOUNTS``)."""
    built = []
    for path in APP.rglob("*.py"):
        if "services/ozon" in path.as_posix():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "OzonClient":
                built.append((path.relative_to(APP).as_posix(), {k.arg for k in node.keywords}))
    assert len(built) >= 3  # the sync's, the station's, Settings' connection test
    assert [where for where, keywords in built if "limiter" not in keywords] == []


# --- parts and problems ------------------------------------------------------------------------
def test_a_command_gets_only_the_parts_it_asks_for(tmp_path):
    config = account_config(tmp_path, "http://127.0.0.1:9", devices={"printer": "sim://", "scale": "sim://"})
    bench = open_bench(config, api_key=API_KEY, parts=("ozon", "sync"), strict=True)
    try:
        assert bench.engine is not None and bench.service is not None and bench.client is not None
        assert (bench.station, bench.print_worker, bench.scale, bench.scanner) == (None, None, None, None)
        assert bench.engine.print_labels is None
    finally:
        bench.close()
    assert bench.db is None and bench.client is None  # closed, and not twice


@pytest.mark.parametrize("overrides, api_key, code, words", [
    ({"ozon": {"client_id": ""}}, API_KEY, "no_client_id", ""),
    ({}, None, "no_api_key", ""),
    ({}, "a key with spaces", "config_invalid", "API key"),
    ({"devices": {"printer": "carrier-pigeon://coop"}}, API_KEY, "config_invalid", "carrier-pigeon"),
    ({"devices": {"scale": "sim://?offset_pct=lots"}}, API_KEY, "config_invalid", "offset_pct"),
    ({"devices": {"scanner": "serial:"}}, API_KEY, "config_invalid", "serial:"),
])
def test_a_part_that_cannot_open_is_a_problem_for_the_window_and_stops_a_command(tmp_path, overrides, api_key,
                                                                                     code, words):
    config = with_overrides(account_config(tmp_path, "http://127.0.0.1:9"), **overrides)
    bench = open_bench(config, api_key=api_key)
    try:
        assert [c for c, _ in bench.problems] == [code] and words in str(bench.problems[0][1])
        assert bench.station is not None and bench.db is not None  # the window still opens
    finally:
        bench.close()
    with pytest.raises(BenchProblem) as raised:
        open_bench(config, api_key=api_key, strict=True)
    assert (raised.value.code, raised.value.config) == (code, True) and words in str(raised.value.detail)


# --- the demo's parcel ---------------------------------------------------------------------------
def test_the_parcel_placer_puts_one_parcel_on_and_takes_it_off():
    fake = FakeTime()
    scale = SimulatedScale(settle_s=1.0, clock=fake.clock, seed=1)
    weights = {"A": 400.0, "B": None}
    placer = ParcelPlacer(scale, weights.get, offset_pct=15)
    placer.put_on("A")
    fake.now += 1.0
    grams, stable = scale.shown()
    assert stable and grams == pytest.approx(460.0, abs=1.0)
    fake.now += 0.2
    placer.put_on("A")  # weighed again after a mismatch: the parcel was never lifted
    assert scale.shown()[1]
    placer.take_off()
    assert not scale.shown()[1]
    fake.now += 1.0
    assert scale.shown() == (0.0, True) and placer.on_scale is None
    placer.put_on("B")  # no catalogue weight
    fake.now += 1.0
    assert scale.shown()[0] == pytest.approx(SIM_PARCEL_G * 1.15, abs=1.0)


@pytest.fixture
def sim():
    with OzonSimulator(WorldConfig(postings=12, seed=5, ship_delay_s=0.0, label_delay_s=0.0)) as simulator:
        yield simulator


def demo_bench(sim, tmp_path, scale: str):
    config = demo_config(Config(), sim.base_url, tmp_path)
    config = with_overrides(config, devices={"scale": scale}, station={"supervisors": ["anna"]})
    bench = open_bench(config, api_key=DEMO_API_KEY, parts=("ozon", "station", "sync", "scale"), strict=True)
    assert bench.engine.run_pass().finished
    return bench


def verify(bench, sim) -> tuple[str, float]:
    (number, lines), = plain_postings(sim, 1)
    assert bench.station.scan(number).code == "posting_opened"
    results = [bench.station.scan(event["scan"]) for event in units(lines)]
    assert results[-1].code == "posting_complete"
    return number, sum(q * w for _, q, _, w in lines)


def test_a_sim_scale_weighs_the_demo_parcel_and_empties_after_packing(sim, tmp_path):
    bench = demo_bench(sim, tmp_path, "sim://")
    try:
        number, catalogue = verify(bench, sim)
        assert bench.parcel.on_scale == number
        weighed = weigh_from_scale(bench.station, bench.scale)
        assert weighed.result.code == "weight_accepted" and weighed.grams == pytest.approx(catalogue, abs=2.0)
        assert bench.parcel.on_scale is None
        assert bench.scale.read_stable(5.0).grams == pytest.approx(0.0, abs=1.0)  # lifted off
    finally:
        bench.close()


def test_a_parcel_off_by_offset_pct_meets_a_weight_mismatch_and_stays_until_packed(sim, tmp_path):
    bench = demo_bench(sim, tmp_path, "sim://?offset_pct=25")
    try:
        number, catalogue = verify(bench, sim)
        first = weigh_from_scale(bench.station, bench.scale)
        assert first.result.code == "weight_mismatch" and first.grams == pytest.approx(catalogue * 1.25, abs=2.0)
        assert bench.station.acknowledge().state == "weighing" and bench.parcel.on_scale == number
        again = weigh_from_scale(bench.station, bench.scale)  # weighed again: the same parcel
        assert again.result.code == "weight_mismatch" and again.grams == pytest.approx(first.grams, abs=2.0)
        assert bench.station.override_weight("anna").code == "weight_accepted"
        assert bench.parcel.on_scale is None
    finally:
        bench.close()


def test_a_real_scale_gets_no_parcel_placer(tmp_path):
    config = account_config(tmp_path, "http://127.0.0.1:9", devices={"scale": "tcp://127.0.0.1:9?protocol=sics"})
    bench = open_bench(config, api_key=None, parts=("station", "scale"))
    try:
        assert bench.scale is not None and bench.parcel is None
    finally:
        bench.close()
