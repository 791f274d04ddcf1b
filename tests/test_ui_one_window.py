"""One window per bench (``app.ui.one_window``): a second window on the same data dir says so in
the packer's language and leaves; a lock left by a window that died is taken over."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QMessageBox

from app.config import Config
from app.ui import app as ui_app
from app.ui import one_window

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from app.ui import one_window
    lock = one_window.take(Path(sys.argv[1]))
    print("held" if lock is not None else "not held", flush=True)
    sys.stdin.read()  # until the test closes stdin (or kills this process)
""")


@pytest.fixture
def other_window(tmp_path):
    """A process holding the bench's window lock, as a window does."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert holder.stdout.readline().strip() == "held"
    with holder:  # its pipes closed, and waited for, at the end
        yield holder
        holder.stdin.close()  # a holder still alive then lets go and ends


def test_a_second_window_says_so_and_leaves(qapp, tmp_path, monkeypatch, other_window):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, said: shown.append(said)))
    built = []
    monkeypatch.setattr(ui_app, "build", lambda *a, **kw: built.append(1))  # never reached
    code = ui_app.run_gui(Config(data_dir=tmp_path), lang="ru", api_key=None)
    assert (code, built) == (1, [])
    [said] = shown
    assert said.startswith(f"packdesk уже открыт на этом месте упаковки ({tmp_path}, PID {other_window.pid})")


def test_the_lock_of_a_window_that_died_is_taken_over(tmp_path, other_window):
    with pytest.raises(one_window.AlreadyOpen) as alive:
        one_window.take(tmp_path)
    assert alive.value.pid == other_window.pid
    other_window.send_signal(signal.SIGKILL)  # a crash: its lock file stays behind
    other_window.wait(30)
    assert (tmp_path / one_window.LOCK_NAME).exists()
    lock = one_window.take(tmp_path)
    assert lock is not None
    lock.unlock()
    assert not (tmp_path / one_window.LOCK_NAME).exists()


def test_a_data_dir_that_cannot_hold_a_lock_is_left_to_the_cache_to_say_why(tmp_path):
    (tmp_path / "a file").write_text("")
    assert one_window.take(tmp_path / "a file" / "data") is None
