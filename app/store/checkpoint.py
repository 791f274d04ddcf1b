"""SQLite's WAL checkpoints, moved off the committing thread.

In WAL mode a commit appends to the ``-wal`` file; a checkpoint copies those pages into the
database file. SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 pages,
so now and then one scan's commit would also copy and sync the whole WAL (15-40 ms at a bench).
``sqlite_conn`` turns the automatic one off on every connection (``wal_autocheckpoint = 0``) and
the database's ``Checkpointer`` thread does it instead, when the writers pause (no commit for
``quiet_s``) or, in a stream of commits (a big sync), every ``max_wait_s``. Each run has two
PASSIVE steps (they never wait for a lock): the bulk is copied beside the writers, holding up
nobody; then the few pages committed meanwhile are copied as a job of the writer lane, between two
writes, so that the copy is complete and the next commit starts the WAL file over (a copy that
always trails the writers would let the WAL grow for as long as they write).

Durability is unchanged: a commit is on disk (``synchronous = FULL`` syncs the WAL) before it
returns, checkpointed or not; a WAL left uncopied by a crash is replayed at the next open.
"""
from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import Engine

from app.store.writer import WriterClosed, WriterLane

log = logging.getLogger("packdesk.store")

THREAD_NAME = "packdesk-db-checkpoint"
QUIET_S = 0.25    # a packer scans every second or two: the copy fits between two scans
MAX_WAIT_S = 1.0  # in a stream of commits the WAL holds about a second of them


class Checkpointer:
    def __init__(self, engine: Engine, lane: WriterLane, *, quiet_s: float = QUIET_S,
                 max_wait_s: float = MAX_WAIT_S) -> None:
        self.engine, self.lane, self.quiet_s, self.max_wait_s = engine, lane, quiet_s, max_wait_s
        self.last: tuple[int, int, int] | None = None  # (busy, WAL frames, frames copied) of the last step
        self.ran = threading.Event()  # set after each run of the thread (tests wait on it)
        self._dirty = threading.Event()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        lane.on_commit(self._committed)  # the lane's writes are the database's writes
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def close(self, timeout: float | None = 10.0) -> None:
        """Stop the thread (the last connection to close copies what is left). Idempotent."""
        self._closed.set()
        self._dirty.set()
        self._thread.join(timeout)

    def checkpoint(self) -> tuple[int, int, int]:
        """One PASSIVE checkpoint now, on a connection of its own: (busy, frames in the WAL,
        frames copied)."""
        raw = self.engine.raw_connection()
        try:
            busy, frames, copied = raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            raw.close()
        self.last = (busy, frames, copied)
        return self.last

    def _committed(self) -> None:
        self._dirty.set()  # on the thread that wrote, after its commit: nothing more

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
                self.checkpoint()  # the bulk, beside the writers
                # the rest between two writes (the job opens no transaction: no commit, no BEGIN)
                self.lane.call(lambda _session: self.checkpoint())
            except WriterClosed:
                return
            except Exception:  # noqa: BLE001 - the next pause tries again; commits are safe meanwhile
                log.warning("WAL checkpoint failed; trying again after the next commit", exc_info=True)
            self.ran.set()
