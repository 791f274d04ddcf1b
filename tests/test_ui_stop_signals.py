"""``StopSignals``: a signal ends the event loop once, what was installed before comes back, and a
second signal during the shut-down ends the process as it would have without the handler."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QApplication

from app.ui.stop_signals import StopSignals


def test_a_signal_ends_the_loop_once_and_uninstall_puts_back_the_handlers(qtbot, monkeypatch):
    app = QApplication.instance()
    exits = []
    monkeypatch.setattr(app, "exit", exits.append)  # the test's own loop goes on
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    stop = StopSignals(app)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: exits == [0], timeout=5000)
        assert stop.received is signal.SIGTERM
    finally:
        stop.uninstall()
    assert {signum: signal.getsignal(signum) for signum in before} == before


SHUT_DOWN_HANGS = textwrap.dedent("""
    import os, signal, sys, time
    from PySide6.QtCore import QCoreApplication, QTimer
    from app.ui.stop_signals import StopSignals
    app = QCoreApplication([])
    stop = StopSignals(app)
    QTimer.singleShot(0, lambda: os.kill(os.getpid(), signal.SIGTERM))
    print("loop ended with", app.exec(), flush=True)
    os.kill(os.getpid(), signal.SIGTERM)  # the shut-down hangs; someone signals again
    for _ in range(100):
        time.sleep(0.05)
    print("still alive", flush=True)
""")


def test_a_second_signal_during_the_shut_down_ends_the_process():
    done = subprocess.run([sys.executable, "-c", SHUT_DOWN_HANGS], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.splitlines() == ["loop ended with 0"], done.stderr
    assert done.returncode == -signal.SIGTERM
