"""One window per bench: a second ``packdesk`` window on the same data dir says so and leaves.

Two windows of one bench would share its station (one state in the database) and its devices:
scans would go to whichever has the focus, a serial scanner or scale opens in one of them only,
and each would run a sync of its own. A ``QLockFile`` in the data dir (``window.lock``) holds the
window's process id; a lock left by a window that died (a crash, a power cut) is taken over, as
Qt finds its process gone. Commands (``packdesk replay``, ``sync``...) take no such lock.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "window.lock"


class AlreadyOpen(Exception):
    def __init__(self, pid: int) -> None:
        super().__init__(f"the bench's window is open in process {pid}")
        self.pid = pid


def take(data_dir: Path) -> QLockFile | None:
    """The bench's window lock, held until ``unlock()``; ``AlreadyOpen`` when a live window holds
    it. None when the data dir cannot hold a lock file at all: opening the cache then says why."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never for its age
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        pid, _host, _app = lock.getLockInfo()
        raise AlreadyOpen(pid)
    return None
