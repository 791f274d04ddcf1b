"""The one writer lane: every write to the cache runs on one thread, one short transaction each.

Callers hand over a function ``fn(session, *args, **kw)``; the lane runs it inside
``with session.begin():`` (commit on return, rollback on exception) and settles a
:class:`concurrent.futures.Future` with its return value or its exception. Reads never come here:
they use short sessions of their own (``Database.read()``).

Writes run in the order they were submitted, except that a packer's scan decision (``call_first``)
runs before the background writes still waiting (a sync page, a clip's seal): the packer waits
for the write running now at most, never for the queue behind it.

A write submitted from the lane thread itself (from inside another write, or from a future's
done-callback) runs at once instead of queueing behind itself: inside the running write it joins
that transaction under a SAVEPOINT, so its failure undoes only its own part.

At a scan the lane's own bookkeeping used to cost more than SQLite's work, so it keeps it small:
with ``keep_connection`` (SQLite: one file, nothing to reconnect to) the lane holds one connection
for its whole life instead of taking one from the pool at every write, and one session closed
after each write; its sessions (:class:`LaneSession`) hand a Core statement straight to the
connection their transaction holds, and with ``direct`` (SQLite) a statement that ran before
straight to the driver (``app.store.direct``); ``on_begin(connection)`` runs as a transaction takes its connection (SQLite: ``BEGIN IMMEDIATE``,
``sqlite_conn``) and hooks registered with :meth:`WriterLane.on_commit` run after each write that
committed a transaction (the WAL checkpointer's wake-up), so the lane's engine needs no connection
events, which SQLAlchemy would otherwise dispatch around every statement.
"""
from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from app import foreground
from app.store.direct import DirectStatements, listened

log = logging.getLogger("packdesk.store.writer")

THREAD_NAME = "packdesk-db-writer"

T = TypeVar("T")

_STOP = object()
_FIRST, _IN_TURN, _LAST = 0, 1, 2  # the queue's ranks: a scan decision, any write, the lane's stop


class WriterClosed(RuntimeError):
    """A write was submitted after the lane was closed."""


class LaneSession(Session):
    """The lane's session. A Core statement (a table's select/insert/update/delete or ``text``)
    runs on the connection the session's transaction holds, as ``Session.execute`` runs it,
    without its per-call steps for ORM statements (bind lookup, option merging, ORM hooks), and
    with ``direct`` (SQLite) on the driver connection once it has run before (``app.store.direct``).
    ORM statements, execution options and ``do_orm_execute`` listeners take the ordinary way."""

    _core_for: SessionTransaction | None = None  # the transaction (or savepoint) _core_conn is of
    _core_conn: Connection | None = None
    _plain = False  # no do_orm_execute listener (looked at once a transaction, like the rest)
    _direct_now: DirectStatements | None = None  # direct, unless someone listens to _core_conn
    direct: DirectStatements | None = None  # set by the lane: statements it has run go to the driver

    def execute(self, statement, params=None, **kw):  # noqa: ANN001, ANN201 - Session.execute's
        transaction = self._transaction
        if transaction is None or transaction is not self._core_for:
            # through the session once per (nested) transaction: it begins it (or its SAVEPOINT)
            self._core_conn = self.connection()
            self._core_for = self._transaction
            self._plain = not self.dispatch.do_orm_execute
            self._direct_now = None if self.direct is None or listened(self._core_conn) else self.direct
        attrs = getattr(statement, "_propagate_attrs", None)
        if kw or not self._plain or attrs is None or attrs.get("compile_state_plugin") == "orm":
            return super().execute(statement, params, **kw)
        if self._direct_now is not None:
            return self._direct_now.run(self._core_conn, statement, params)
        return self._core_conn.execute(statement, params)


class WriterLane:
    def __init__(self, engine: Engine, *, keep_connection: bool = False, direct: bool = False,
                 on_begin: Callable[[Connection], object] | None = None, name: str = THREAD_NAME) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, class_=LaneSession, expire_on_commit=False)
        event.listen(self._sessions, "after_begin", self._began)
        self._keep_connection, self._on_begin = keep_connection, on_begin
        self._direct = DirectStatements(engine.dialect) if direct else None  # app.store.direct
        # keep_connection: the connection the lane thread keeps, and its one session (closed after
        # each write, so nothing outlives it; making a Session costs more than a scan's statements)
        self._connection: Connection | None = None
        self._kept: Session | None = None
        self._committed_hooks: list[Callable[[], object]] = []
        self._wrote = False  # the running write began a database transaction
        self._queue: queue.PriorityQueue[tuple[int, int, Any]] = queue.PriorityQueue()
        self._order = itertools.count()  # ties in rank keep the order of submission
        self._lock = threading.Lock()
        self._closed = False
        self._active: Session | None = None  # the session of the write running now (lane thread only)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def in_lane(self) -> bool:
        """True when called from the lane's own thread."""
        return threading.current_thread() is self._thread

    def submit(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> Future[T]:
        """Queue ``fn(session, *args, **kw)``; the future holds its result or its exception."""
        return self._submit(_IN_TURN, fn, args, kw)

    def call(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> T:
        """Run ``fn`` on the lane and wait for it; its exception is raised here."""
        return self._submit(_IN_TURN, fn, args, kw).result()

    def submit_first(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> Future[T]:
        """``submit`` for a decision a person waits for (a scan): it runs before the writes still
        queued, right after the one running now."""
        return self._submit(_FIRST, fn, args, kw)

    def call_first(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> T:
        """``call`` of ``submit_first``; meanwhile the process's background work gives way
        (``app.foreground``: the sync's parsing would take the interpreter from the decision)."""
        with foreground.deciding():
            return self._submit(_FIRST, fn, args, kw).result()

    def _submit(self, rank: int, fn: Callable[..., T], args: tuple, kw: dict) -> Future[T]:
        if self.in_lane():
            return self._run_inline(fn, args, kw)
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise WriterClosed("the database writer lane is closed")
            self._queue.put((rank, next(self._order), (future, fn, args, kw)))
        return future

    def on_commit(self, hook: Callable[[], object]) -> None:
        """Call ``hook()`` on the lane thread after each write that committed a database
        transaction (a write that ran no statement commits none). It must only hand work on."""
        self._committed_hooks.append(hook)

    def close(self, timeout: float | None = None) -> None:
        """Run what is queued, then stop the thread (waits up to ``timeout`` seconds)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put((_LAST, next(self._order), _STOP))
        if not self.in_lane():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("writer lane still busy after %.1f s at close", timeout or 0.0)

    # -- the lane thread ----------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._queue.get()[2]
            if job is _STOP:
                if self._connection is not None:
                    self._connection.close()
                return
            future, fn, args, kw = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = self._transaction(fn, args, kw)
            except BaseException as exc:  # noqa: BLE001 - the caller gets it through the future
                log.debug("write %s failed: %r", getattr(fn, "__name__", fn), exc)
                future.set_exception(exc)
            else:
                future.set_result(result)

    def _transaction(self, fn: Callable[..., T], args: tuple, kw: dict) -> T:
        self._wrote = False
        with self._session() as session, session.begin():
            self._active = session
            try:
                result = fn(session, *args, **kw)
            finally:
                self._active = None
        if self._wrote:
            for hook in self._committed_hooks:
                try:
                    hook()
                except Exception:  # the write is committed: a hook's bug must not undo the answer
                    log.exception("a hook after a commit failed")
        return result

    def _session(self) -> Session:
        if not self._keep_connection:
            session = self._sessions()
        elif self._kept is None or self._connection is None or self._connection.invalidated:
            if self._connection is not None:
                self._connection.close()
            self._connection = self._engine.connect()
            session = self._kept = self._sessions(bind=self._connection)
        else:
            return self._kept
        session.direct = self._direct
        return session

    def _began(self, _session: Session, transaction: SessionTransaction, connection: Connection) -> None:
        if transaction.nested:  # a SAVEPOINT inside the write's own transaction
            return
        self._wrote = True
        if self._on_begin is not None:
            self._on_begin(connection)

    def _run_inline(self, fn: Callable[..., T], args: tuple, kw: dict) -> Future[T]:
        future: Future[T] = Future()
        future.set_running_or_notify_cancel()
        session = self._active
        try:
            if session is None:
                result = self._transaction(fn, args, kw)
            else:
                with session.begin_nested():
                    result = fn(session, *args, **kw)
        except BaseException as exc:  # noqa: BLE001 - the caller gets it through the future
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future
