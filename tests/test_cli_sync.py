"""`packdesk sync` and `packdesk postings` as a user runs them: real processes against the simulator."""
import json
import os
import signal
import subprocess
import sys

import pytest

from app.sim.ozon import OzonSimulator, WorldConfig

PY = sys.executable


@pytest.fixture(scope="module")
def sim():
    with OzonSimulator(WorldConfig(postings=60, seed=9)) as simulator:
        yield simulator


def packdesk(*args, env=None, data_dir=None, timeout=60, **kw):
    argv = [PY, "-m", "app", *(["--data-dir", str(data_dir)] if data_dir else []), *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env, **kw)


def env_for(sim, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    env.update(PACKDESK_OZON_BASE_URL=sim.base_url, PACKDESK_OZON_CLIENT_ID="100000",
               PACKDESK_OZON_API_KEY="demo-key", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               LANG="C.UTF-8")
    env.update(extra)
    return env


def test_sync_once_then_postings_json_as_the_contract_says(sim, tmp_path):
    done = packdesk("sync", "--once", env=env_for(sim), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 1 and "60 postings" in done.stdout

    listed = packdesk("postings", "--json", env=env_for(sim), data_dir=tmp_path)
    assert listed.returncode == 0, listed.stderr
    postings = json.loads(listed.stdout)
    assert {p["posting_number"] for p in postings} == set(sim.world.posting_numbers())
    sample = next(p for p in postings if p["status"] == "awaiting_packaging")
    assert sample["local_state"] == "waiting"
    item = sample["items"][0]
    assert set(item) >= {"sku", "offer_id", "name", "quantity", "barcodes"}
    assert isinstance(item["sku"], int) and f"OZN{item['sku']}" in item["barcodes"]

    only = json.loads(packdesk("postings", "--status", "awaiting_packaging", "--json",
                               env=env_for(sim), data_dir=tmp_path).stdout)
    assert only and {p["status"] for p in only} == {"awaiting_packaging"}


def test_sync_json_prints_one_object(sim, tmp_path):
    done = packdesk("sync", "--once", "--json", env=env_for(sim), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["finished"] is True and summary["postings"] == 60


@pytest.mark.parametrize("lang,words", [("en", "refused the API key"), ("ru", "отклонил API-ключ"),
                                        ("zh", "拒绝了")])
def test_a_wrong_key_says_so_and_exits_2(sim, tmp_path, lang, words):
    done = packdesk("--lang", lang, "sync", "--once", env=env_for(sim, PACKDESK_OZON_API_KEY="wrong-key"),
                    data_dir=tmp_path)
    assert done.returncode == 2
    assert words in done.stdout + done.stderr
    assert "wrong-key" not in done.stdout + done.stderr
    log = (tmp_path / "logs" / "packdesk.log").read_text(encoding="utf-8")
    assert "wrong-key" not in log


def test_a_malformed_config_names_file_and_key_and_exits_2(sim, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('[station]\nweight_tolerance_pct = "ten"\n', encoding="utf-8")
    done = packdesk("--config", str(config), "sync", "--once", env=env_for(sim), data_dir=tmp_path)
    assert done.returncode == 2
    line = done.stderr.strip()
    assert str(config) in line and "station.weight_tolerance_pct" in line and "\n" not in line


def test_plain_http_to_a_remote_host_is_refused(sim, tmp_path):
    done = packdesk("sync", "--once", env=env_for(sim, PACKDESK_OZON_BASE_URL="http://10.1.2.3:8080"),
                    data_dir=tmp_path)
    assert done.returncode == 2 and "ozon.base_url" in done.stderr


def test_no_key_at_all_is_a_config_error(sim, tmp_path):
    env = env_for(sim)
    del env["PACKDESK_OZON_API_KEY"]
    done = packdesk("sync", "--once", env=env, data_dir=tmp_path)
    assert done.returncode == 2 and "PACKDESK_OZON_API_KEY" in done.stderr


def test_ozon_unreachable_exits_1_with_a_summary(tmp_path):
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    env.update(PACKDESK_OZON_BASE_URL=f"http://127.0.0.1:{port}", PACKDESK_OZON_CLIENT_ID="100000",
               PACKDESK_OZON_API_KEY="demo-key")
    done = packdesk("sync", "--once", env=env, data_dir=tmp_path, timeout=120)
    assert done.returncode == 1
    assert "did not finish" in done.stdout


def test_sync_loop_stops_cleanly_on_sigterm(sim, tmp_path):
    proc = subprocess.Popen([PY, "-m", "app", "--data-dir", str(tmp_path), "sync", "--json"],
                            env=env_for(sim), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()  # the first pass's summary
        assert json.loads(first)["finished"] is True
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.communicate()
