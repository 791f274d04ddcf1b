"""`packdesk sync` and `packdesk postings` as a user runs them: real processes against the simulator."""
import json
import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import text

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


@pytest.mark.parametrize("body,key", [
    ('[station]\nweight_tolerance_pct = "ten"\n', "station.weight_tolerance_pct"),
    ("[ozon]\nrequests_per_second = 0\n", "ozon.requests_per_second"),  # once a crash opening the bench
    ("[sync]\ninterval_s = nan\n", "sync.interval_s"),
])
def test_a_malformed_config_names_file_and_key_and_exits_2(sim, tmp_path, body, key):
    config = tmp_path / "bad.toml"
    config.write_text(body, encoding="utf-8")
    done = packdesk("--config", str(config), "sync", "--once", env=env_for(sim), data_dir=tmp_path)
    assert done.returncode == 2
    line = done.stderr.strip()
    assert str(config) in line and key in line and "\n" not in line


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


# --- one failing stage never stops the pass ----------------------------------------------------

@pytest.fixture
def quick_sim():
    """Ships take effect and labels are ready at once: one pass fetches and prints them."""
    with OzonSimulator(WorldConfig(postings=30, seed=12, ship_delay_s=0.0, label_delay_s=0.0)) as simulator:
        yield simulator


def labels_waiting(data_dir, numbers, station):
    """Labels this station waits for (its postings were shipped before this pass)."""
    from datetime import datetime, timezone

    from app.store import labels as store_labels
    from app.store.db import open_database

    db = open_database(f"sqlite:///{(data_dir / 'packdesk.db').as_posix()}")
    try:
        db.writer.call(store_labels.ensure, numbers, station=station,
                       now=datetime.now(timezone.utc).replace(tzinfo=None))
    finally:
        db.close()


def test_a_refused_reference_call_leaves_postings_synced_and_labels_printed(quick_sim, tmp_path):
    from app.services.sync.summary import STAGES

    shipped = quick_sim.world.posting_numbers("awaiting_packaging")[:2]
    for number in shipped:
        quick_sim.world.set_status(number, "awaiting_deliver")
    labels_waiting(tmp_path, shipped, "bench-1")
    config = tmp_path / "bench.toml"
    config.write_text('[station]\nname = "bench-1"\n[devices]\nprinter = "sim://"\n', encoding="utf-8")
    quick_sim.faults.fail_next("/v2/warehouse/list", status=404)

    done = packdesk("--config", str(config), "sync", "--once", "--json", env=env_for(quick_sim), data_dir=tmp_path)
    assert done.returncode == 1, done.stderr
    summary = json.loads(done.stdout)
    assert summary["finished"] is False and summary["failed_stages"] == ["reference"]
    refused = summary["stages"]["reference"]
    assert refused.startswith("error: ") and "/v2/warehouse/list" in refused
    assert set(STAGES) <= set(summary["stages"])  # and the stages of the areas after packing (sync/parts.py)
    assert summary["stages"] == {**{name: "ok" for name in summary["stages"]}, "reference": refused}
    assert summary["postings"] == 30
    assert summary["labels_fetched"] == 2 and summary["labels_open"] == 0
    assert len(list((tmp_path / "printed").glob("*.png"))) == 2

    listed = json.loads(packdesk("postings", "--json", env=env_for(quick_sim), data_dir=tmp_path).stdout)
    assert {p["posting_number"] for p in listed} == set(quick_sim.world.posting_numbers())
    again = packdesk("--config", str(config), "sync", "--once", env=env_for(quick_sim), data_dir=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr  # the fault is gone: every stage finishes


@pytest.mark.parametrize("lang,words", [
    ("en", "sync pass did not finish: warehouses and delivery methods (Ozon refused /v2/warehouse/list"),
    ("ru", "проход синхронизации не завершён: склады и способы доставки (Ozon refused /v2/warehouse/list"),
    ("zh", "同步未完成：仓库和配送方式 (Ozon refused /v2/warehouse/list"),
])
def test_the_summary_line_names_the_failed_stage_in_the_packers_language(quick_sim, tmp_path, lang, words):
    quick_sim.faults.fail_next("/v2/warehouse/list", status=404)
    done = packdesk("--lang", lang, "sync", "--once", env=env_for(quick_sim), data_dir=tmp_path)
    assert done.returncode == 1
    assert len(done.stdout.strip().splitlines()) == 1 and words in done.stdout, done.stdout


@pytest.mark.expect_errors("packdesk.sync")  # two stages with a bug, logged
def test_the_summary_line_says_a_bug_is_a_bug(capsys):
    from datetime import datetime

    from app.cli.sync import _report
    from app.services.sync.summary import PassSummary

    summary = PassSummary(started_at=datetime(2026, 3, 2, 9, 0))
    summary.run("printing", lambda: {}["label"])
    summary.run("prune", lambda: {}["label"])
    summary.close()
    _report(summary, False, "ru")
    line = capsys.readouterr().out.strip()
    assert line.endswith("проход синхронизации не завершён: печать этикеток, удаление старых файлов этикеток "
                         "(ошибка в программе packdesk, подробности в журнале: KeyError: 'label')")


def test_postings_shows_why_a_posting_needs_a_person(sim, tmp_path):
    from app.services.sync.pull import NOT_FOUND_PROBLEM
    from app.store import postings as store_postings
    from app.store.db import open_database

    assert packdesk("sync", "--once", env=env_for(sim), data_dir=tmp_path).returncode == 0
    number = sim.world.posting_numbers("awaiting_packaging")[0]
    db = open_database(f"sqlite:///{(tmp_path / 'packdesk.db').as_posix()}")
    try:
        db.writer.call(store_postings.set_local_state, [number], "problem", problem=NOT_FOUND_PROBLEM)
    finally:
        db.close()
    table = packdesk("postings", env=env_for(sim), data_dir=tmp_path).stdout.splitlines()
    line = next(row for row in table if row.startswith(number))
    assert "problem" in line and line.endswith(NOT_FOUND_PROBLEM)


def test_postings_tells_a_mistyped_status_from_an_empty_one(sim, tmp_path):
    """`--status awaiting_packing` is a typo, not an empty shelf: exit 2 naming the statuses there are;
    a real status nobody is in is an empty answer, and a status Ozon added later lists its postings."""
    from app.store.db import open_database

    env = env_for(sim)
    assert packdesk("sync", "--once", env=env, data_dir=tmp_path).returncode == 0
    for lang, said in (("en", "'awaiting_packing' is no posting's status"),
                       ("ru", "«awaiting_packing» — не статус отправления"), ("zh", "“awaiting_packing”不是货件状态")):
        for json_too in ((), ("--json",)):
            typo = packdesk("--lang", lang, "postings", "--status", "awaiting_packing", *json_too, env=env,
                            data_dir=tmp_path)
            assert typo.returncode == 2 and typo.stdout == ""
            assert said in typo.stderr and "awaiting_packaging" in typo.stderr and "problem" in typo.stderr
    none = packdesk("--lang", "en", "postings", "--status", "client_arbitration", env=env, data_dir=tmp_path)
    assert none.returncode == 0 and none.stdout.strip() == "No cached posting has the status “buyer's dispute”."
    assert json.loads(packdesk("postings", "--status", "problem", "--json", env=env, data_dir=tmp_path).stdout) == []
    number = sim.world.posting_numbers("awaiting_packaging")[0]
    db = open_database(f"sqlite:///{(tmp_path / 'packdesk.db').as_posix()}")
    try:
        db.writer.call(lambda s: s.execute(text("UPDATE postings SET status = 'awaiting_new_step' "
                                                "WHERE posting_number = :n"), {"n": number}))
    finally:
        db.close()
    newer = packdesk("postings", "--status", "awaiting_new_step", "--json", env=env, data_dir=tmp_path)
    assert newer.returncode == 0 and [p["posting_number"] for p in json.loads(newer.stdout)] == [number]
