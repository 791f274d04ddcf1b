"""A database the machine keeps closed is said, not treated as a bug: ``app.store.db.cannot_open``
names why (the disk full, or what the driver said), ``app.bench.open_cache`` makes it a
``BenchProblem``, a command says it in one line (exit 1, as ``sync`` and ``replay`` promise for what
is not the set-up's fault) and the window in a message box."""
from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import OperationalError

from app.bench import BenchProblem, open_cache
from app.config import Config
from app.store import default_sqlite_url, open_database
from app.store.db import DISK_FULL_BYTES, cannot_open, unavailable
from app.ui import app as ui_app


def closed_port() -> int:
    with socket.socket() as probe:  # a port nothing listens on: refused at once
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_down_url() -> str:
    return f"postgresql+psycopg://packdesk@127.0.0.1:{closed_port()}/packdesk"


@pytest.fixture
def unopenable(tmp_path):
    """SQLite's own refusal: a folder where the cache file should be."""
    (tmp_path / "packdesk.db").mkdir()
    url = default_sqlite_url(tmp_path)
    with pytest.raises(OperationalError) as refused:
        open_database(url)
    assert unavailable(refused.value)
    return refused.value, url


def disk_is_full() -> OperationalError:
    return OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))


@pytest.mark.parametrize("free, expected", [
    (0, "disk_full"),                                   # SQLite says only "unable to open": the disk decides
    (DISK_FULL_BYTES - 1, "disk_full"),
    (DISK_FULL_BYTES, "database_cannot_open"),
    (10**12, "database_cannot_open"),
])
def test_sqlites_refusal_is_a_full_disk_when_its_disk_has_no_room(unopenable, free, expected):
    exc, url = unopenable
    code, detail = cannot_open(exc, url, free_bytes=lambda folder: free)
    assert code == expected
    assert detail == (os.path.dirname(url.removeprefix("sqlite:///")) if expected == "disk_full"
                      else "unable to open database file")


def test_sqlite_saying_its_disk_is_full_is_believed(tmp_path):
    url = default_sqlite_url(tmp_path)
    assert cannot_open(disk_is_full(), url, free_bytes=lambda folder: 10**12) == ("disk_full", str(tmp_path))


def test_a_disk_that_cannot_be_asked_is_not_called_full(unopenable):
    exc, url = unopenable

    def gone(folder):
        raise FileNotFoundError(folder)
    assert cannot_open(exc, url, free_bytes=gone) == ("database_cannot_open", "unable to open database file")


def test_a_servers_database_is_never_blamed_on_the_local_disk():
    url = server_down_url()
    assert cannot_open(disk_is_full(), url, free_bytes=lambda folder: 0) == (
        "database_cannot_open", "database or disk is full")


def test_the_shared_server_down_is_a_bench_problem_with_the_drivers_words(tmp_path):
    with pytest.raises(BenchProblem) as problem:
        open_cache(Config(data_dir=tmp_path, db_url=server_down_url()))
    assert problem.value.code == "database_cannot_open" and problem.value.unavailable and not problem.value.config
    assert "127.0.0.1" in problem.value.detail and "\n" not in problem.value.detail


def test_a_data_dir_that_cannot_be_made_is_a_bench_problem(tmp_path):
    (tmp_path / "a file").write_text("")
    with pytest.raises(BenchProblem) as problem:
        open_cache(Config(data_dir=tmp_path / "a file" / "data"))
    assert problem.value.code == "database_cannot_open" and "Not a directory" in problem.value.detail


def test_a_command_says_it_in_one_line_in_the_packers_language(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    env["PACKDESK_DB_URL"] = server_down_url()
    done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(tmp_path), "--lang", "ru", "postings"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1  # not the set-up's fault (2): the same command works once the server is up
    [line] = done.stderr.splitlines()
    assert line.startswith("packdesk: Место упаковки не может открыть свою базу данных (")
    assert "запустите packdesk снова" in line


def test_the_window_says_it_instead_of_the_crash_dialog(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, said: shown.append(said)))
    code = ui_app.run_gui(Config(data_dir=tmp_path, db_url=server_down_url()), lang="en", api_key=None)
    assert code == 1
    [said] = shown
    assert said.startswith("The bench cannot open its database (") and "start packdesk again" in said
