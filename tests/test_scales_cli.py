"""``packdesk scale`` and ``packdesk devices``: the real command as a process, against emulators."""
import argparse
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import scale as scale_cli
from scale_emulators import DEVICES, PtyEmulator
from scales_helpers import SERIAL_PROTOCOLS

ROOT = Path(__file__).resolve().parent.parent


def packdesk(*args, timeout=30):
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("protocol", SERIAL_PROTOCOLS)
def test_scale_once_for_every_serial_protocol(protocol):
    with PtyEmulator(DEVICES[protocol]()) as emu:
        emu.set_weight(742.0)
        done = packdesk("scale", "--device", f"serial:{emu.path}?protocol={protocol}")
    assert (done.returncode, done.stdout, done.stderr) == (0, "742 g stable\n", "")


def test_scale_once_prints_moving_when_it_never_settles():
    with PtyEmulator(DEVICES["sics"]()) as emu:
        emu.set_weight(1234.5, stable=False)
        done = packdesk("scale", "--device", f"serial:{emu.path}?protocol=sics", "--timeout", "0.5")
    assert (done.returncode, done.stdout) == (0, "1234.5 g moving\n")


def test_scale_once_without_reading_exits_1_with_one_line(tmp_path):
    done = packdesk("scale", "--device", f"serial:{tmp_path}/nothing?protocol=sics", "--timeout", "0.5")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "No reading from the scale serial:" in done.stderr


def test_scale_says_it_in_the_packers_language(tmp_path):
    done = packdesk("--lang", "zh", "scale", "--device", f"serial:{tmp_path}/nothing?protocol=sics", "--timeout", "0.5")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"packdesk: 秤 serial:{tmp_path}/nothing?protocol=sics 在 0.5 秒内没有读数（已断开: ")
    config = tmp_path / "packdesk.toml"
    config.write_text('[station]\nname = "bench-1"\n', encoding="utf-8")
    done = packdesk("--lang", "ru", "--config", str(config), "scale")
    assert (done.returncode, done.stderr) == (1, "packdesk: Не указаны весы: передайте --device URI или задайте "
                                                 "[devices] scale в конфигурации.\n")


@pytest.mark.parametrize("uri,message", [
    ("serial:/dev/ttyUSB0?protocol=nope", "'nope'"),
    ("serial:/dev/ttyUSB0", "protocol="),
    ("hid:0922", "two slashes"),
    ("sim://?weight=nan", "weight='nan' must be a number of grams"),
    ("sim://?weight=-inf", "weight='-inf' must be a number of grams"),
])
def test_scale_bad_uri_exits_1(uri, message):
    done = packdesk("scale", "--device", uri)
    assert done.returncode == 1 and message in done.stderr and done.stderr.count("\n") == 1


def test_scale_watch_until_sigint():
    with PtyEmulator(DEVICES["cas-stream"]()) as emu:
        emu.set_weight(500.0)
        lines, code, err = watch("scale", "--device", f"serial:{emu.path}?protocol=cas-stream", "--watch", lines=3)
    assert lines == ["500 g stable\n"] * 3
    assert code == 0
    assert "scale: connected" in err


def test_scale_watch_says_the_links_state_in_the_packers_language():
    lines, code, err = watch("--lang", "ru", "scale", "--device", "sim://?weight=5", "--watch", lines=1)
    assert lines == ["5 g stable\n"]  # the contract's reading, in any language
    assert code == 0 and "весы: подключено" in err.splitlines()


def watch(*args, lines: int) -> tuple[list[str], int, str]:
    """``packdesk ARGS`` until it printed ``lines`` lines, then Ctrl-C: (the lines, exit code, stderr)."""
    proc = subprocess.Popen([sys.executable, "-m", "app", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            # Ctrl-C works as in a terminal, also when the suite runs as a background
                            # job (which starts with SIGINT ignored, and children inherit that)
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        printed = [proc.stdout.readline() for _ in range(lines)]
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return printed, proc.returncode, err


def test_a_reading_that_is_no_weight_is_said_in_words():
    from app.devices.scales import Reading

    assert scale_cli._no_weight(Reading(0.0, "overload"), "connected", "ru") == "весы показывают перегрузку"
    assert scale_cli._no_weight(Reading(0.0, "invalid", detail="bad frame"), "connected", "en") == \
        "the scale sends what is not a weight: bad frame"
    assert scale_cli._no_weight(None, "connecting", "zh") == "连接中…"


def test_scale_run_in_process(capsys):
    args = argparse.Namespace(device="sim://?weight=742", watch=False, timeout=5.0, verbose=False)
    assert scale_cli.run(args) == 0
    assert capsys.readouterr().out == "742 g stable\n"


def test_scale_device_defaults_to_the_configured_scale(tmp_path):
    config = tmp_path / "packdesk.toml"
    config.write_text('[devices]\nscale = "sim://?weight=1500"\n', encoding="utf-8")
    done = packdesk("--config", str(config), "--data-dir", str(tmp_path), "scale")
    assert (done.returncode, done.stdout) == (0, "1500 g stable\n"), done.stderr


def test_devices_json_is_an_array_of_entries():
    done = packdesk("devices", "--json")
    assert done.returncode == 0
    entries = json.loads(done.stdout)
    assert isinstance(entries, list)
    for entry in entries:
        assert set(entry) == {"kind", "uri", "description", "vid", "pid", "port"}


def test_devices_table():
    done = packdesk("devices")
    assert done.returncode == 0
    assert done.stdout.startswith(("KIND", "no devices found"))
