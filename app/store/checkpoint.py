"""SQLite's WAL checkpoints, moved off the committing thread.

In WAL mode a commit appends to the ``-wal`` file; a checkpoint copies those pages into the
database file. SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 pages,
so now and then one scan's commit would also copy and sync the whole WAL (15-40 ms at a bench).
``sqlite_conn`` turns the automatic one off on every connection (``wal_autocheckpoint = 0``) and
the database's ``Checkpointer`` thread does it instead: when the writers pause (no commit for
``quiet_s``, or ``max_wait_s`` after the first commit it has not copied yet, whichever comes
first), as a PASSIVE checkpoint, which never waits for a lock nor holds up a writer or a reader.

Durability is unchanged: a commit is on disk (``synchronous = FULL`` syncs the WAL) before it
returns, checkpointed or not; a WAL left uncopied by a crash is replayed at the next open.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Any

from sqlalchemy import Engine, event

log = logging.getLogger("packdesk.store")

THREAD_NAME = "packdesk-db-checkpoint"
QUIET_S = 0.25     # a packer scans every second or two: the copy fits between two scans
MAX_WAIT_S = 5.0   # a long stream of commits (a big sync) is still copied every few seconds


class Checkpointer:
    def __init__(self, engine: Engine, *, quiet_s: float = QUIET_S, max_wait_s: float = MAX_WAIT_S) -> None:
        self.engine, self.quiet_s, self.max_wait_s = engine, quiet_s, max_wait_s
        self.last: tuple[int, int, int] | None = None  # (busy, WAL frames, frames copied) of the last run
        self.ran = threading.Event()  # set after each run of the thread (tests wait on it)
        self._dirty = threading.Event()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        event.listen(engine, "commit", self._committed)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def close(self, timeout: float | None = 10.0) -> None:
        """Stop the thread (the last connection to close copies what is left). Idempotent."""
        if event.contains(self.engine, "commit", self._committed):
            event.remove(self.engine, "commit", self._committed)
        self._closed.set()
        self._dirty.set()
        self._thread.join(timeout)

    def checkpoint(self) -> tuple[int, int, int]:
        """One PASSIVE checkpoint now: (busy, frames in the WAL, frames copied)."""
        raw = self.engine.raw_connection()
        try:
            busy, frames, copied = raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            raw.close()
        self.last = (busy, frames, copied)
        return self.last

    def _committed(self, _connection: Any) -> None:
        self._dirty.set()  # on the committing thread: nothing more

    def _run(self) -> None:
        while True:
            self._dirty.wait()
            if self._closed.is_set():
                return
            first = time.monotonic()
            while True:  # wait for a pause in the commits
                self._dirty.clear()
                if self._closed.wait(self.quiet_s):
                    return
                if not self._dirty.is_set() or time.monotonic() - first >= self.max_wait_s:
                    break
            try:
                self.checkpoint()
            except Exception:  # noqa: BLE001 - the next pause tries again; commits are safe meanwhile
                log.warning("WAL checkpoint failed; trying again after the next commit", exc_info=True)
            self.ran.set()
