"""``packdesk demo`` as users run it: a throwaway data dir, or the one ``--data-dir`` names."""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

DATA_IN = re.compile(r"data in (.+)$")


def run_headless_demo(*global_options: str) -> tuple[int, list[str], str]:
    """Start ``packdesk [options] demo --headless``, stop it with Ctrl+C once it is ready; its
    exit code, its lines and its stderr."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    proc = subprocess.Popen([sys.executable, "-m", "app", *global_options, "demo", "--headless", "--postings", "6"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("Press Ctrl+C"):
                proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
        _, err = proc.communicate()
    return code, lines, err


def announced_dir(lines: list[str]) -> Path:
    return Path(next(m.group(1) for m in map(DATA_IN.search, lines) if m))


def test_the_demo_uses_the_data_dir_asked_for_and_keeps_it(tmp_path):
    wanted = tmp_path / "my demo"
    code, lines, err = run_headless_demo("--data-dir", str(wanted))
    assert code == 0, err
    assert announced_dir(lines) == wanted
    with sqlite3.connect(wanted / "packdesk.db") as db:  # the sample postings were synced into it
        assert db.execute("select count(*) from postings").fetchone()[0] == 6
    assert (wanted / "logs" / "packdesk.log").is_file()


def test_without_a_data_dir_the_demo_cleans_up_its_temporary_one():
    code, lines, err = run_headless_demo()
    assert code == 0, err
    used = announced_dir(lines)
    assert used.name.startswith("packdesk-demo-") and not used.exists()


def test_a_data_dir_that_cannot_be_made_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "taken").write_text("a file, not a dir", encoding="utf-8")
    code, lines, err = run_headless_demo("--data-dir", str(tmp_path / "taken" / "demo"))
    assert code == 2 and lines == []
    assert "--data-dir" in err and len(err.strip().splitlines()) == 1


def _demo_window(tmp_path: Path, *global_options: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return subprocess.Popen([sys.executable, "-m", "app", *global_options, "demo", "--postings", "6"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _until_running(proc: subprocess.Popen, logs: Callable[[], list[Path]], timeout: float = 60.0) -> Path:
    """The window's log once its event loop runs (what a signal has to stop)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        for log in logs():
            if "the bench is ready" in log.read_text(encoding="utf-8", errors="replace"):
                return log
        time.sleep(0.1)  # polling a file another process writes: no signal to wait on
    raise AssertionError("the demo window did not come up")


def _signalled(tmp_path: Path, stop: signal.Signals, *global_options: str) -> Path:
    """Start the demo window, send ``stop`` once it runs; its log once it ended as it should: exit
    0, nothing on stderr of a Python error. Before, Ctrl+C raised KeyboardInterrupt in whichever
    Python override Qt was in: a segfault, a hang, or an 'Error calling Python override' line."""
    proc = _demo_window(tmp_path, *global_options)
    try:
        log = _until_running(proc, lambda: list(tmp_path.glob("**/logs/packdesk.log")))
        proc.send_signal(stop)
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
        err = proc.communicate()[1]
    assert code == 0, err
    assert "Traceback" not in err and "Error calling Python override" not in err, err
    return log


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_shuts_the_demo_window_down_as_closing_it_does(tmp_path, stop):
    """Ctrl+C where it was started, or SIGTERM (a logout, kill), ends the window cleanly: the cache
    closed (its WAL checkpointed away), what was synced kept, the signal in the log."""
    kept = tmp_path / "kept"
    log = _signalled(tmp_path, stop, "--data-dir", str(kept))
    assert f"{stop.name} received: the bench shuts down" in log.read_text(encoding="utf-8")
    assert not (kept / "packdesk.db-wal").exists()  # closed, not killed
    with sqlite3.connect(kept / "packdesk.db") as db:
        assert db.execute("select count(*) from postings").fetchone()[0] == 6


def test_ctrl_c_in_a_throwaway_demo_window_removes_its_data_dir(tmp_path):
    _signalled(tmp_path, signal.SIGINT)
    assert not list(tmp_path.glob("packdesk-demo-*"))
