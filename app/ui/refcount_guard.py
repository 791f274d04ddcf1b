"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11: a Qt method that returns
nothing hands Python ``None`` without counting the reference (``Py_RETURN_NONE`` compiled for 3.12+,
where ``None`` is immortal), and likewise ``True``/``False``. Each call leaves their count one lower,
so a long-running process — the recorder draws and encodes thousands of frames, the window repaints
all shift — ends in "Fatal Python error: none_dealloc" (seen here after ~35 s of recording).

``RefcountGuard`` tops their counts up now and then with references that are never given back
(these objects are never freed anyway): CPython's ``ob_refcnt``, the first field of every object,
raised in one step. From Python 3.12 they are immortal and it does nothing.

    guard = RefcountGuard(parent)    # a QTimer on the calling thread's event loop
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

FLOOR = 2_000_000      # the count kept above this, far more than the calls of one interval
CHECK_MS = 2_000
NEEDED = sys.version_info < (3, 12) and sys.implementation.name == "cpython"


def top_up(floor: int = FLOOR) -> int:
    """Raise the counts of None, True and False to ``floor`` (+ margin); returns references added."""
    if not NEEDED:
        return 0
    added = 0
    for obj in (None, True, False):
        missing = floor - sys.getrefcount(obj)
        if missing > 0:
            missing += floor // 2
            ctypes.c_ssize_t.from_address(id(obj)).value += missing
            added += missing
    return added


class RefcountGuard(QObject):
    def __init__(self, parent: QObject | None = None, *, floor: int = FLOOR, every_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.floor = floor
        top_up(floor)
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(lambda: top_up(self.floor))
        if NEEDED:
            self.timer.start()
