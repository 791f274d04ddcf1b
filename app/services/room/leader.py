"""One sync leader per Ozon account in a room: the bench (or ``packdesk sync``) holding the account's
PostgreSQL advisory lock pulls postings and products and drains the outbox for everyone; the other
benches' passes leave those stages to it and still fetch and print their own labels.

The lock belongs to a database session: the leader keeps one connection of its own, and when it
dies (the process is killed, the machine goes off) the server ends its session and the lock is
free. Every bench's ``SyncLeader`` tries to take it every ``POLL_S``, so another bench takes over
within a second or two (on the same host at once; across a network as soon as the server notices
the dead connection: its TCP keepalive, see the README). The new leader's first pass reads back
the commands the old one left in flight before anything is sent again (``OutboxDrainer.recover``).

The leader also listens for nudges (``LISTEN``): a follower's ``wake`` (a posting packed there, its
ship waiting) reaches the leader's sync at once instead of at its next interval.

    leader = SyncLeader(db, account_key(base_url, client_id), station="bench-1")
    leader.on_wake = service.wake      # elected, or nudged by a follower
    leader.start()                     # first try now, then a thread keeps trying / listening
    leader.leading, leader.holder()    # the engine asks at each pass
    leader.stop()
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy.exc import DBAPIError

from app.store import room as store_room
from app.store import sync_state

log = logging.getLogger("packdesk.room.leader")

POLL_S = 1.0  # a follower tries the lock this often; the leader checks its connection as often
NUDGE_EVERY_S = 0.5  # a follower nudges the leader at most this often


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class SyncLeader:
    def __init__(self, db, account: str, station: str, *, poll_s: float = POLL_S,
                 now: Callable[[], datetime] = _utcnow):
        self.db, self.account, self.station, self.poll_s, self.now = db, account, station, poll_s, now
        self.key = store_room.leader_key(account)
        self.on_wake: Callable[[], object] | None = None
        self._leading = threading.Event()
        self._stop = threading.Event()
        self._engine = store_room.leader_engine(db.engine.url)  # the lock's own connection, never pooled
        self._conn = None  # owned by the leader thread (start() uses it before the thread runs)
        self._thread = threading.Thread(target=self._run, name="packdesk-sync-leader", daemon=True)
        self._nudger = db.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._nudged_at = float("-inf")
        self._trouble = False  # said once per outage

    @property
    def leading(self) -> bool:
        return self._leading.is_set()

    def holder(self) -> str | None:
        """The station that leads (as it wrote when elected); None when nobody has yet."""
        return leader_of(self.db, self.account)

    def start(self) -> SyncLeader:
        self._try()
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._leading.clear()
        self._drop()  # the lock goes with the connection
        self._engine.dispose()

    def nudge(self) -> None:
        """Ask the leader for a pass soon: this bench's own sync when it leads, else the leader's
        (a NOTIFY, at most every ``NUDGE_EVERY_S``; one lost is made up by the next interval)."""
        if self.leading:
            self._wake()
            return
        now = time.monotonic()
        if now - self._nudged_at < NUDGE_EVERY_S:
            return
        self._nudged_at = now
        try:
            with self._nudger.connect() as conn:
                store_room.nudge(conn, self.account)
        except DBAPIError as exc:
            log.info("could not nudge the sync leader: %s", type(exc.orig).__name__)

    # -- the leader thread ----------------------------------------------------------------------
    @property
    def _holder_key(self) -> str:
        return _holder_key(self.account)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.leading:
                    self._listen()
                elif not self._stop.wait(self.poll_s):
                    self._try()
            except Exception:  # a bug: logged; the connection starts over
                log.exception("the sync leadership of %s: unexpected failure", self.account)
                self._leading.clear()
                self._drop()
                self._stop.wait(self.poll_s)

    def _try(self) -> None:
        """Take the lock if it is free: elected, this bench leads the account's sync."""
        try:
            if self._conn is None:
                self._conn = self._engine.connect()
            if not store_room.try_lead(self._conn, self.key):
                self._recovered()
                return
        except (DBAPIError, store_room.ConnectionLost) as exc:
            self._lost(exc)
            return
        self._recovered()
        self._leading.set()
        log.info("%s leads the sync of %s now", self.station, self.account)
        try:  # for the followers' summaries: who does their Ozon-wide stages
            self.db.writer.call(sync_state.set_state, self._holder_key, self.station, now=self.now())
        except Exception as exc:  # noqa: BLE001 - the lock is what counts; the name is for people
            log.warning("could not record %s as the sync leader: %s", self.station, exc)
        self._wake()

    def _listen(self) -> None:
        """Leading: wait for nudges up to ``poll_s``; a dropped connection ends the leadership."""
        try:
            woken = store_room.wait_for_nudge(self._conn, self.poll_s)
        except store_room.ConnectionLost as exc:
            self._lost(exc)
            return
        if woken:
            self._wake()

    def _lost(self, exc: BaseException) -> None:
        was_leading = self.leading
        self._leading.clear()
        self._drop()
        if was_leading:
            log.warning("%s no longer leads the sync of %s: its database connection failed (%s)",
                        self.station, self.account, exc)
        elif not self._trouble:
            log.warning("the sync leadership of %s cannot be asked for: %s", self.account, exc)
        self._trouble = True

    def _recovered(self) -> None:
        if self._trouble:
            log.info("the sync leadership of %s can be asked for again", self.account)
        self._trouble = False

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.invalidate()  # a broken connection is not reused; a good one closes
                conn.close()
            except Exception:  # noqa: BLE001 - it is going away either way
                log.debug("closing the leader's connection failed", exc_info=True)

    def _wake(self) -> None:
        if self.on_wake is not None:
            try:
                self.on_wake()
            except Exception:  # the sync must not lose its leader over a listener's bug
                log.exception("waking the sync failed")


def leader_of(db, account: str) -> str | None:
    """The station that leads the account's sync (as it wrote when elected; the lock is what
    counts, this name is for people); None when none has been elected yet."""
    with db.read() as session:
        return sync_state.get_state(session, _holder_key(account))


def _holder_key(account: str) -> str:
    return f"sync.leader {account}"[:64]
