"""`packdesk label` and label printing in `packdesk sync`, run as a user runs them: real processes
against the simulator, printing into a `file:` printer whose bytes are decoded back to pixels."""
import os
import socket
import signal
import subprocess
import sys
import time

import pytest

from app.devices.printers import profile_from_uri
from app.devices.printers.decode import decode_job
from app.devices.uri import parse_device_uri
from app.services.labels import files
from app.services.labels.render import render_pdf_page
from app.services.sync.engine import utcnow
from app.sim.ozon import OzonSimulator, WorldConfig
from app.store import labels as store_labels
from app.store import open_database
from app.store import outbox as store_outbox
from labels_helpers import LABEL

PY = sys.executable


@pytest.fixture(scope="module")
def sim():
    with OzonSimulator(WorldConfig(postings=40, seed=11, ship_delay_s=0.0, label_delay_s=0.0)) as simulator:
        yield simulator


def packdesk(*args, env, data_dir, timeout=60):
    argv = [PY, "-m", "app", "--data-dir", str(data_dir), *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)


def env_for(sim, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    env.update(PACKDESK_OZON_BASE_URL=sim.base_url, PACKDESK_OZON_CLIENT_ID="100000",
               PACKDESK_OZON_API_KEY="demo-key", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def packable(sim) -> list[str]:
    return [n for n in sim.world.posting_numbers("awaiting_packaging")
            if sim.world.peek(n).substatus != "ship_in_process"]


def shipped(sim) -> str:
    number = packable(sim)[0]
    sim.world.ship(number, [[(line.sku, line.quantity) for line in sim.world.peek(number).lines]])
    return number


def stored_label(data_dir, number):
    with open_database(f"sqlite:///{data_dir / 'packdesk.db'}") as db, db.read() as session:
        row = store_labels.get(session, number)
        return {"pdf_path": row.pdf_path, "pdf_page": row.pdf_page, "copies": row.copies, "state": row.state}


def test_label_fetches_prints_pixel_exact_and_a_second_run_reuses_the_pdf(sim, tmp_path, qapp):
    number = shipped(sim)
    uri = f"file:{tmp_path / 'printer.bin'}?lang=tspl"
    calls = sim.stats.requests(LABEL)
    done = packdesk("label", number, "--printer", uri, env=env_for(sim), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert number in done.stdout and len(done.stdout.strip().splitlines()) == 1
    assert sim.stats.requests(LABEL) == calls + 1
    profile = profile_from_uri(parse_device_uri(uri))
    printed = decode_job((tmp_path / "printer.bin").read_bytes(), profile)
    row = stored_label(tmp_path, number)
    expected = render_pdf_page(files.read_pdf(tmp_path, row["pdf_path"]), row["pdf_page"], profile)
    assert printed == [expected] and expected.black_count() > 1000

    again = packdesk("label", number, "--printer", uri, env=env_for(sim), data_dir=tmp_path)
    assert again.returncode == 0, again.stderr
    assert sim.stats.requests(LABEL) == calls + 1  # the stored PDF is reused
    assert decode_job((tmp_path / "printer.bin").read_bytes(), profile) == [expected, expected]
    assert stored_label(tmp_path, number)["copies"] == 2  # an explicit reprint counts a copy


def test_a_partner_delivery_label_prints_58x40_on_58x40_stock(tmp_path, qapp):
    """Ozon partner delivery (rFBS Aggregator): the small label task, a 58x40 mm page, dot for dot."""
    config = WorldConfig(postings=10, seed=12, partner_share=1.0, ship_delay_s=0.0, label_delay_s=0.0,
                         registration_delay_s=0.0)
    with OzonSimulator(config) as partner:
        number = shipped(partner)
        uri = f"file:{tmp_path / 'printer.bin'}?lang=tspl&size=58x40"
        done = packdesk("label", number, "--printer", uri, env=env_for(partner), data_dir=tmp_path)
        assert done.returncode == 0, done.stderr
        profile = profile_from_uri(parse_device_uri(uri))
        row = stored_label(tmp_path, number)
        pdf = files.read_pdf(tmp_path, row["pdf_path"])
        assert b"/MediaBox [0 0 164.409 113.386]" in pdf  # 58 x 40 mm
        expected = render_pdf_page(pdf, row["pdf_page"], profile)
        assert (expected.width, expected.height) == (464, 320) and expected.black_count() > 1000
        assert decode_job((tmp_path / "printer.bin").read_bytes(), profile) == [expected]
        assert partner.stats.files() == {"requests": 1, "with_credentials": 0}  # the file host saw no key


@pytest.mark.parametrize("case,words", [("unknown", "unknown to Ozon"),
                                        ("not_shipped", "not shipped yet (Ozon status: awaiting packaging)"),
                                        ("cancelled", "cancelled (Ozon status: cancelled)")])
def test_no_label_to_have_exits_1_with_one_line(sim, tmp_path, case, words):
    if case == "unknown":
        number = "99999999-0001-1"
    else:
        number = packable(sim)[-1 if case == "not_shipped" else -2]
        if case == "cancelled":
            sim.world.cancel(number)
    done = packdesk("label", number, "--printer", f"file:{tmp_path / 'p.bin'}", env=env_for(sim), data_dir=tmp_path)
    assert done.returncode == 1
    assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "p.bin").exists()


def test_a_label_not_ready_yet_says_so(sim, tmp_path):
    sim.world.config.label_delay_s = 1000.0
    try:
        number = shipped(sim)
        done = packdesk("label", number, "--printer", f"file:{tmp_path / 'p.bin'}", env=env_for(sim),
                        data_dir=tmp_path)
    finally:
        sim.world.config.label_delay_s = 0.0
    assert done.returncode == 1 and "not prepared the label" in done.stderr


@pytest.mark.parametrize("uri,words", [("tcp://127.0.0.1:9100?lang=klingon", "lang"),
                                       ("carrier-pigeon://coop", "carrier-pigeon")])
def test_a_bad_printer_uri_exits_2_with_the_uri_error(sim, tmp_path, uri, words):
    done = packdesk("label", "1-1-1", "--printer", uri, env=env_for(sim), data_dir=tmp_path)
    assert done.returncode == 2 and words in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_no_printer_configured_exits_2(sim, tmp_path):
    done = packdesk("label", "1-1-1", env=env_for(sim), data_dir=tmp_path)
    assert done.returncode == 2 and "--printer" in done.stderr


def test_sync_prints_the_labels_of_what_this_station_shipped(sim, tmp_path):
    capture = tmp_path / "printer.bin"
    config = tmp_path / "config.toml"
    config.write_text(f'[station]\nname = "bench-cli"\n[sync]\ninterval_s = 0.3\n'
                      f'[devices]\nprinter = "file:{capture}?lang=zpl"\n', encoding="utf-8")
    number = packable(sim)[0]
    lines = [[line.sku, line.quantity] for line in sim.world.peek(number).lines]
    with open_database(f"sqlite:///{tmp_path / 'packdesk.db'}") as db:
        db.writer.call(store_outbox.enqueue, kind="ship", posting_number=number, payload={"packages": [lines]},
                       dedupe_key=f"ship:{number}", station="bench-cli", now=utcnow())
    proc = subprocess.Popen([PY, "-m", "app", "--config", str(config), "--data-dir", str(tmp_path), "sync", "--json"],
                            env=env_for(sim), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (capture.exists() and capture.stat().st_size) and time.monotonic() < deadline:
            time.sleep(0.05)  # bounded poll on the printer's file
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.communicate()
    profile = profile_from_uri(parse_device_uri(f"file:{capture}?lang=zpl"))
    assert len(decode_job(capture.read_bytes(), profile)) == 1
    assert stored_label(tmp_path, number)["state"] == "printed"


def test_a_refused_key_and_no_network_are_said_in_the_packers_language(sim, tmp_path):
    printer = f"file:{tmp_path / 'p.bin'}"
    done = packdesk("--lang", "ru", "label", "99999999-0001-1", "--printer", printer,
                    env=env_for(sim, PACKDESK_OZON_API_KEY="a-wrong-key"), data_dir=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].startswith("packdesk: Ozon отклонил API-ключ для Client-Id 100000 (")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    done = packdesk("--lang", "zh", "label", "99999999-0001-1", "--printer", printer,
                    env=env_for(sim, PACKDESK_OZON_BASE_URL=closed), data_dir=tmp_path)
    assert done.returncode == 1
    last = done.stderr.splitlines()[-1]
    assert last.startswith("packdesk: 无法连接 Ozon（") and last.endswith("请检查网络，然后重新运行该命令。")
    assert not (tmp_path / "p.bin").exists()
