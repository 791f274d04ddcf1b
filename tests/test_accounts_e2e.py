"""Two Ozon seller accounts on one bench, as a user runs it: one simulated Ozon host serving both
sellers, ``[[ozon.accounts]]`` in the config, each key from its own environment variable.
``packdesk sync --once`` reads both accounts; ``packdesk replay`` packs a posting of each and every
call for a posting goes with its own account's credentials (the other account's would be refused)."""
import json
import sqlite3
import subprocess

import pytest

from app.sim.ozon import OzonSimulator, WorldConfig
from test_cli_replay import PY, env_for, plain_postings, units

B, KEY_B = "200000", "key-b"


@pytest.fixture
def sims():
    with OzonSimulator(WorldConfig(postings=12, seed=11, ship_delay_s=0.2, label_delay_s=0.5)) as host:
        yield host, host.add_seller(B, KEY_B, WorldConfig(postings=12, seed=12, ship_delay_s=0.2, label_delay_s=0.5))


def run(host, tmp_path, *args, script=None, timeout=120):
    config = tmp_path / "packdesk.toml"
    config.write_text('[station]\nname = "bench-1"\n[devices]\nscale = "sim://"\nprinter = "sim://"\n'
                      '[[ozon.accounts]]\nclient_id = "100000"\nname = "Shop A"\n'
                      f'[[ozon.accounts]]\nclient_id = "{B}"\nname = "Shop B"\n', encoding="utf-8")
    env = env_for(host)
    for name in ("PACKDESK_OZON_CLIENT_ID", "PACKDESK_OZON_API_KEY"):
        env.pop(name)
    env.update({"PACKDESK_OZON_API_KEY_100000": "demo-key", f"PACKDESK_OZON_API_KEY_{B}": KEY_B})
    if script is not None:
        path = tmp_path / "shift.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in script), encoding="utf-8")
        args = (*args, str(path), "--drain-timeout", "60")
    return subprocess.run([PY, "-m", "app", "--config", str(config), "--data-dir", str(tmp_path), "--lang", "en",
                           *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_one_bench_syncs_packs_and_ships_for_two_seller_accounts(sims, tmp_path):
    host, seller_b = sims
    synced = run(host, tmp_path, "sync", "--once", "--json")
    assert synced.returncode == 0, synced.stderr
    summary = json.loads(synced.stdout)
    assert summary["finished"] is True and summary["failed_stages"] == []
    with sqlite3.connect(tmp_path / "packdesk.db") as db:
        owners = dict(db.execute("select posting_number, account from postings"))
    assert set(host.world.posting_numbers()) <= {n for n, a in owners.items() if a == "100000"}
    assert set(seller_b.world.posting_numbers()) <= {n for n, a in owners.items() if a == B}

    (a, lines_a), = plain_postings(host, 1)
    (b, lines_b), = plain_postings(seller_b, 1)
    label_b = seller_b.world.peek(b).upper_barcode
    script = [{"scan": a}, *units(lines_a), {"weight_g": sum(q * w for _, q, _, w in lines_a)},
              {"scan": label_b}, *units(lines_b), {"weight_g": sum(q * w for _, q, _, w in lines_b)}]
    replayed = run(host, tmp_path, "replay", script=script)
    assert replayed.returncode == 0, replayed.stderr
    results = [json.loads(line) for line in replayed.stdout.splitlines()]
    assert [(x["code"], x["posting"]) for x in results if x["code"] in ("posting_opened", "weight_accepted")] == [
        ("posting_opened", a), ("weight_accepted", a), ("posting_opened", b), ("weight_accepted", b)]
    assert host.world.peek(a).status == "awaiting_deliver" and host.stats.ship_calls(a) == 1
    assert seller_b.world.peek(b).status == "awaiting_deliver" and host.stats.ship_calls(b) == 1
    printed = list((tmp_path / "printed").glob("*.png"))
    assert len(printed) == 2  # each account's label, fetched with its own key
    assert host.stats.as_dict()["files"]["with_credentials"] == 0
