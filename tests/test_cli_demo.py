"""``packdesk demo`` as users run it: a throwaway data dir, or the one ``--data-dir`` names."""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

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
