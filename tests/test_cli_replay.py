"""`packdesk replay` as a user runs it: a real process against the simulator, a small shift."""
import json
import os
import subprocess
import sys
import time

import pytest

from app.sim.ozon import OzonSimulator, WorldConfig

PY = sys.executable


@pytest.fixture
def sim():
    with OzonSimulator(WorldConfig(postings=30, seed=11, ship_delay_s=0.2, label_delay_s=0.5)) as simulator:
        yield simulator


def env_for(sim):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    env.update(PACKDESK_OZON_BASE_URL=sim.base_url, PACKDESK_OZON_CLIENT_ID="100000",
               PACKDESK_OZON_API_KEY="demo-key", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    return env


def start(sim, tmp_path, script, *extra):
    config = tmp_path / "packdesk.toml"
    config.write_text('[station]\nname = "bench-1"\n[devices]\nscale = "sim://"\nprinter = "sim://"\n',
                      encoding="utf-8")
    path = tmp_path / "shift.jsonl"
    path.write_text("".join(line if isinstance(line, str) else json.dumps(line) + "\n" for line in script),
                    encoding="utf-8")
    argv = [PY, "-m", "app", "--config", str(config), "--data-dir", str(tmp_path), "--lang", "en",
            "replay", str(path), *extra]
    return subprocess.Popen(argv, env=env_for(sim), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def plain_postings(sim, count, *, min_units=1):
    """Packable postings without marked products, each with its lines [(sku, qty, barcode, weight)]."""
    world, found = sim.world, []
    for number in world.posting_numbers("awaiting_packaging"):
        posting = world.peek(number)
        if any(world.needs_mark[x.sku] for x in posting.lines) or sum(x.quantity for x in posting.lines) < min_units:
            continue
        found.append((number, [(x.sku, x.quantity, world.product_by_sku[x.sku].barcodes[0],
                                world.product_by_sku[x.sku].weight_g) for x in posting.lines]))
        if len(found) == count:
            return found
    raise AssertionError("the seed has too few plain postings")


def units(lines):
    return [{"scan": code} for _, qty, code, _ in lines for _ in range(qty)]


def test_a_shift_replayed_ships_exactly_the_right_postings(sim, tmp_path):
    (p1, l1), (p2, l2), (p3, l3), (p4, l4) = plain_postings(sim, 4)
    stranger = next(code for number, lines in plain_postings(sim, 8)[4:] for _, _, code, _ in lines
                    if all(code != c for _, _, c, _ in l1))
    label4 = sim.world.peek(p4).upper_barcode
    script = [
        {"scan": p1}, {"scan": stranger}, *units(l1), {"scan": l1[0][2]},
        {"weight_g": sum(q * w for _, q, _, w in l1)},
        {"scan": "2000000000008"},                       # unknown barcode
        "this is no JSON\n",                             # bad event: processing goes on, exit 1
        {"scan": p2}, *units(l2),                        # no weight_g: the sim:// scale is read
        {"scan": p3}, *units(l3)[:1], {"wait_s": 2.5},   # cancelled on Ozon meanwhile (below)
        *units(l3)[1:], {"weight_g": sum(q * w for _, q, _, w in l3)},
        {"scan": label4}, *units(l4), {"weight_g": sum(q * w for _, q, _, w in l4)},
    ]
    proc = start(sim, tmp_path, script, "--drain-timeout", "60")
    lines = []
    try:
        for raw in proc.stdout:
            line = json.loads(raw)
            lines.append(line)
            if line["posting"] == p3 and line["code"] in ("item_accepted", "posting_complete"):
                sim.world.cancel(p3)
        assert proc.wait(timeout=120) == 1, proc.stderr.read()
    finally:
        proc.kill()
        proc.communicate()

    assert all(set(x) >= {"event", "ok", "code", "posting", "state", "message"} for x in lines)
    got = [x["code"] for x in lines]
    n1 = sum(q for _, q, _, _ in l1)
    assert got[:n1 + 4] == ["posting_opened", "wrong_item", *["item_accepted"] * (n1 - 1), "posting_complete",
                            "over_scan", "weight_accepted"]
    assert got[n1 + 4:n1 + 6] == ["unknown_barcode", "bad_event"]
    scale_line = next(x for x in lines if x["event"] == {"scale": "sim://"})
    assert scale_line["posting"] == p2 and scale_line["code"] == "weight_accepted"
    p3_lines = [x for x in lines if x["posting"] == p3]
    assert "posting_not_packable" in [x["code"] for x in p3_lines]
    assert "weight_accepted" not in [x["code"] for x in p3_lines]
    label_line = next(x for x in lines if x["event"] == {"scan": label4})
    assert (label_line["code"], label_line["posting"]) == ("posting_opened", p4)
    assert [x["code"] for x in lines][-1] == "weight_accepted"

    for number, posting_lines in ((p1, l1), (p2, l2), (p4, l4)):
        assert sim.stats.ship_calls(number) == 1
        shipped = sim.world.peek(number)
        assert shipped.status == "awaiting_deliver"
        assert sorted((x.sku, x.quantity) for x in shipped.lines) == sorted((s, q) for s, q, _, _ in posting_lines)
    assert sim.stats.ship_calls(p3) == 0 and sim.world.peek(p3).status == "cancelled"
    printed = list((tmp_path / "printed").glob("*.png"))
    assert len(printed) == 3  # one label per shipped posting


def test_a_clean_script_exits_0_and_a_new_process_resumes(sim, tmp_path):
    (p1, l1), = plain_postings(sim, 1, min_units=2)
    first = start(sim, tmp_path, [{"scan": p1}, *units(l1)[:1], {"weight_g": 1}], "--drain-timeout", "5")
    out, err = first.communicate(timeout=120)
    assert [json.loads(x)["code"] for x in out.splitlines()] == ["posting_opened", "item_accepted", "not_complete"]
    assert first.returncode == 0, err  # error answers are processed events; nothing to drain
    sim.stats.reset()
    began = time.monotonic()
    second = start(sim, tmp_path, [{"scan": p1}, *units(l1)[1:], {"weight_g": sum(q * w for _, q, _, w in l1)}])
    out, err = second.communicate(timeout=120)
    took = time.monotonic() - began
    lines = [json.loads(x) for x in out.splitlines()]
    assert lines[0]["code"] == "posting_opened" and lines[0]["data"]["counted"] == 1  # resumed with its count
    assert lines[-1]["code"] == "weight_accepted" and second.returncode == 0, err
    assert sim.stats.ship_calls(p1) == 1 and sim.world.peek(p1).status == "awaiting_deliver"
    # waiting for the label, the passes come every 2 s or when work is due, not back to back
    passes = sim.stats.requests("/v4/posting/fbs/list") + sim.stats.requests("/v4/posting/fbs/unfulfilled/list")
    assert passes <= took / 2 + 5, f"{passes} passes in {took:.1f} s"
