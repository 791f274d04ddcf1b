"""The window's thread paints its own fills: Qt's raster engine would hand each fill of 96 or more
scan lines to a thread pool and wait for it (``QT_NO_GUI_THREADPOOL``, set by ``app.ui.app.make_app``).
Each case runs in a process of its own, as Qt reads the setting once, when the pool is first wanted."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FILL = r'''
import os, sys
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
if sys.argv[1] == "packdesk":
    from app.ui.app import make_app
    app = make_app([])
else:
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
threads = len(os.listdir("/proc/self/task"))
image = QImage(600, 600, QImage.Format.Format_ARGB32_Premultiplied)
gradient = QLinearGradient(0, 0, 600, 0)
gradient.setColorAt(0, QColor("white"))
gradient.setColorAt(1, QColor("#dcedc8"))
painter = QPainter(image)
painter.fillRect(image.rect(), gradient)
painter.end()
assert image.pixelColor(599, 300).name() == "#dcedc8"
print(len(os.listdir("/proc/self/task")) - threads)
'''


def threads_a_fill_started(app: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run([sys.executable, "-c", FILL, app], cwd=Path(__file__).resolve().parent.parent, env=env,
                         capture_output=True, text=True, timeout=60, check=True)
    return int(out.stdout.split()[-1])


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts a process's threads in Linux's /proc")
def test_a_big_fill_stays_on_the_window_thread_and_qt_alone_would_start_a_pool():
    assert threads_a_fill_started("packdesk") == 0
    assert threads_a_fill_started("qt") > 0  # what the setting is for: Qt's own default
