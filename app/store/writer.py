"""The one writer lane: writes to the cache run one at a time, one short transaction each.

Callers hand over a function ``fn(session, *args, **kw)``; the lane runs it in one transaction
(committed on return, rolled back on exception) and settles a
:class:`concurrent.futures.Future` with its return value or its exception. Reads never come here:
they use short sessions of their own (``Database.read()``).

Writes run in the order they were submitted, on the lane's thread, except a decision a person
waits for (a scan: ``call_first``). It runs on the caller's own thread as soon as the write running
now has finished, before the background writes still waiting (a sync page, a clip's seal): the
packer waits for the write running now at most, never for the queue behind it, and a decision
crosses no thread (the hand-over to the lane's thread and the answer's way back cost about 0.1 ms
of a scan's median, and up to 0.5 ms in its slowest 1 %: ``benchmarks/bench_station.py``). Whose
turn it is, the lane's or a caller's, is kept under one condition, so two writes never overlap. A
decision that ends hands the turn to the lane's waiting write unless another decision waits:
decisions back to back must not starve the queue (the WAL checkpoint's last step is one of its
writes; starved, the WAL grew at every commit, and every commit's sync took longer).

A write submitted from the thread writing now (from inside another write, or from a future's
done-callback) runs at once instead of queueing behind itself: inside the running write it joins
that transaction under a SAVEPOINT, so its failure undoes only its own part.

At a scan the lane's own bookkeeping used to cost more than SQLite's work, so it keeps it small:
with ``keep_connection`` (SQLite: one file, nothing to reconnect to) the lane holds one connection
for its whole life instead of taking one from the pool at every write (used by one thread at a
time, whichever has the turn), and one session closed after each write; its sessions
(:class:`LaneSession`) hand a Core statement straight to the connection their transaction holds,
and with ``direct`` (SQLite) a statement that ran before straight to the driver
(``app.store.direct``); ``on_begin(connection, driver)`` runs as a transaction takes its connection
(SQLite: ``BEGIN IMMEDIATE``, ``sqlite_conn``) and hooks registered with
:meth:`WriterLane.on_commit` run after each write that committed a transaction (the WAL
checkpointer's wake-up), so the lane's engine needs no connection events, which SQLAlchemy would
otherwise dispatch around every statement. On SQLite the lane also holds a write's transaction itself,
on the driver's connection (``_own_transaction``): SQLAlchemy's session and connection transactions,
made and ended at every write, cost as much again as a scan's statements; the session takes its own
way, and joins the lane's transaction, only for what needs it (an ORM statement, a flush, a savepoint).
"""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from app import foreground
from app.store.direct import DirectStatements, listened, run_sql

log = logging.getLogger("packdesk.store.writer")

THREAD_NAME = "packdesk-db-writer"

T = TypeVar("T")

_STOP = object()


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
    # set by the lane while it holds the transaction itself (``WriterLane._own_transaction``): begins
    # it (once) and gives the connection, for Core statements run before any of the session's own;
    # and that connection's driver connection (nobody listens to it then)
    outside: Callable[[], Connection] | None = None
    outside_driver: Any = None
    outside_connection: Connection | None = None  # what ``outside()`` gives, once it has begun

    def execute(self, statement, params=None, **kw):  # noqa: ANN001, ANN201 - Session.execute's
        transaction = self._transaction
        attrs = getattr(statement, "_propagate_attrs", None)
        core = not kw and attrs is not None and attrs.get("compile_state_plugin") != "orm"
        if transaction is None and self.outside is not None and core:
            driver = self.outside_driver
            connection = self.outside_connection if driver.in_transaction else self.outside()
            return self.direct.run(connection, statement, params, driver)
        if transaction is None or transaction is not self._core_for:
            # through the session once per (nested) transaction: it begins it (or its SAVEPOINT)
            self._core_conn = self.connection()
            self._core_for = self._transaction
            self._plain = not self.dispatch.do_orm_execute
            self._direct_now = None if self.direct is None or listened(self._core_conn) else self.direct
        if not (core and self._plain):
            return super().execute(statement, params, **kw)
        if self._direct_now is not None:
            return self._direct_now.run(self._core_conn, statement, params)
        return self._core_conn.execute(statement, params)


def _end(session: Session, connection: Connection, driver: Any, how: str, *, unheard: bool = False) -> None:
    """Commit or roll back (``how``) a write at every level that holds some of it: the session's
    transaction, the connection's, the driver's (``WriterLane._own_transaction``; ``unheard``: nobody
    listens to the connection's statements, the driver is told straight)."""
    if session.in_transaction():
        getattr(session, how)()
    if connection.in_transaction():
        getattr(connection, how)()
    if driver.in_transaction:
        run_sql(connection, how.upper(), driver if unheard else None)


class WriterLane:
    def __init__(self, engine: Engine, *, keep_connection: bool = False, direct: bool = False,
                 on_begin: Callable[[Connection, Any], object] | None = None, name: str = THREAD_NAME) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, class_=LaneSession, expire_on_commit=False)
        event.listen(self._sessions, "after_begin", self._began)
        for session_event, mark in (("before_commit", "committing"), ("after_commit", "committed")):
            event.listen(self._sessions, session_event, self._session_mark(mark))
        self._watchers: list[Callable[[str], object]] = []
        self._keep_connection, self._on_begin = keep_connection, on_begin
        self._direct = DirectStatements(engine.dialect) if direct else None  # app.store.direct
        # keep_connection: the connection the lane keeps, and its one session (closed after
        # each write, so nothing outlives it; making a Session costs more than a scan's statements)
        self._connection: Connection | None = None
        self._kept: Session | None = None
        self._committed_hooks: list[Callable[[], object]] = []
        self._wrote = False  # the running write began a database transaction
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()  # in order; _STOP last (put once closed)
        # whose turn it is to write: the lane thread's, or a caller's running a decision itself
        self._turn = threading.Condition()
        self._writer: threading.Thread | None = None  # the thread in a write now
        self._callers = 0  # callers waiting to run a decision on their own thread
        self._lane_waits = False  # the lane's thread has a write and waits for its turn
        self._lock = threading.Lock()
        self._closed = False
        self._active: Session | None = None  # the session of the write running now (its thread only)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def in_lane(self) -> bool:
        """True when called from the lane's thread or from the thread writing now (a caller's
        ``call_first``)."""
        here = threading.current_thread()
        return here is self._thread or here is self._writer

    def submit(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> Future[T]:
        """Queue ``fn(session, *args, **kw)``; the future holds its result or its exception."""
        return self._submit(fn, args, kw)

    def call(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> T:
        """Run ``fn`` on the lane and wait for it; its exception is raised here."""
        return self._submit(fn, args, kw).result()

    def call_first(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> T:
        """``call`` for a decision a person waits for (a scan), run on this thread: right after
        the write running now, before the writes still queued. Meanwhile the process's background
        work gives way (``app.foreground``: the sync's parsing would take the interpreter from the
        decision)."""
        with foreground.deciding():
            if self.in_lane():
                return self._run_inline(fn, args, kw).result()
            self._take_turn(caller=True)
            try:
                return self._transaction(fn, args, kw)
            finally:
                self._end_turn()

    @property
    def callers_waiting(self) -> int:
        """How many ``call_first`` decisions wait for the write running now."""
        with self._turn:
            return self._callers

    @property
    def lane_waiting(self) -> bool:
        """The lane's thread has a queued write and waits for its turn."""
        with self._turn:
            return self._lane_waits

    def _take_turn(self, *, caller: bool) -> None:
        """Wait for no write to be running, then be the thread writing. The lane's thread also
        waits while a caller waits (a decision goes before the queue), unless a caller's write
        handed it the turn as it ended (``_end_turn``)."""
        here = threading.current_thread()
        with self._turn:
            if caller:
                if self._closed:
                    raise WriterClosed("the database writer lane is closed")
                self._callers += 1
                try:
                    while self._writer is not None:
                        self._turn.wait()
                finally:
                    self._callers -= 1
            else:
                self._lane_waits = True
                try:
                    while self._writer is not here and (self._writer is not None or self._callers):
                        self._turn.wait()
                finally:
                    self._lane_waits = False
            self._writer = here

    def _end_turn(self) -> None:
        """End the write running now. A caller's write hands the turn to the lane's waiting write
        when no other decision waits: a packer scanning back to back would otherwise keep it
        waiting (the WAL checkpoint's last step among them, and the WAL would grow)."""
        with self._turn:
            ended_by_caller = self._writer is not self._thread
            self._writer = self._thread if ended_by_caller and self._lane_waits and not self._callers else None
            if self._callers or self._lane_waits:  # the only ones who wait for a turn
                self._turn.notify_all()

    def _submit(self, fn: Callable[..., T], args: tuple, kw: dict) -> Future[T]:
        if self.in_lane():
            return self._run_inline(fn, args, kw)
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise WriterClosed("the database writer lane is closed")
            self._queue.put((future, fn, args, kw))
        return future

    def on_commit(self, hook: Callable[[], object]) -> None:
        """Call ``hook()`` after each write that committed a database transaction (a write that ran
        no statement commits none), on the thread that wrote (the lane's, or a decision's caller's).
        It must only hand work on."""
        self._committed_hooks.append(hook)

    def watch(self, watcher: Callable[[str], object]) -> None:
        """Call ``watcher(mark)`` on the thread writing as each write's database transaction has
        begun ("begun"), is about to commit ("committing") and has committed ("committed"); the
        benchmarks time a decision's parts with it. It must only note the instant."""
        self._watchers.append(watcher)

    def _mark(self, mark: str) -> None:
        for watcher in self._watchers:
            watcher(mark)

    def _session_mark(self, mark: str) -> Callable[[Session], None]:
        def note(session: LaneSession) -> None:  # the session's own transaction (not the lane's, nor a savepoint)
            if self._watchers and self._wrote and session.outside is None and not session.in_nested_transaction():
                self._mark(mark)
        return note

    def close(self, timeout: float | None = None) -> None:
        """Run what is queued, then stop the thread (waits up to ``timeout`` seconds)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put(_STOP)
        if not self.in_lane():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("writer lane still busy after %.1f s at close", timeout or 0.0)

    # -- the lane thread ----------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is _STOP:
                self._take_turn(caller=False)  # a caller's decision running now ends first
                if self._connection is not None:
                    self._connection.close()
                return
            future, fn, args, kw = job
            if not future.set_running_or_notify_cancel():
                continue
            self._take_turn(caller=False)
            try:
                result = self._transaction(fn, args, kw)
            except BaseException as exc:  # noqa: BLE001 - the caller gets it through the future
                log.debug("write %s failed: %r", getattr(fn, "__name__", fn), exc)
                future.set_exception(exc)
            else:
                future.set_result(result)
            finally:
                self._end_turn()

    def _transaction(self, fn: Callable[..., T], args: tuple, kw: dict) -> T:
        self._wrote = False
        session = self._session()
        if session is self._kept and self._direct is not None and self._on_begin is not None \
                and not session.dispatch.do_orm_execute and not listened(self._connection):
            result = self._own_transaction(session, fn, args, kw)
        else:
            with session, session.begin():
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

    def _own_transaction(self, session: LaneSession, fn: Callable[..., T], args: tuple, kw: dict) -> T:
        """The write's transaction held by the lane on the driver's connection, not by the session.
        SQLAlchemy's session and connection transactions, begun and ended around a one-line write,
        cost 0.16 ms back to back and 0.37 ms after 60 ms pauses (2 cores at 2.6 GHz), about as
        much as a scan's statements; without them a decision took 0.06-0.08 ms less back to back and
        0.12-0.17 ms less at that pace (benchmarks/README.md, "Station decisions in detail"). A
        Core statement before any of the session's own begins it (``BEGIN IMMEDIATE``, once); an ORM
        statement, a flush or a savepoint takes the session's ordinary way and joins it. At the end
        whatever the session holds is flushed and committed, then the connection's, then the driver's."""
        connection = self._connection
        driver = connection.connection.driver_connection

        def begin() -> Connection:
            if not driver.in_transaction:
                self._begin_now(connection, driver)  # nobody listens (_transaction asked)
            return connection

        session.outside, session.outside_driver, session.outside_connection = begin, driver, connection
        self._active = session
        try:
            result = fn(session, *args, **kw)
            session.flush()  # what the session holds is the write's work (nothing to do when clean)
            if self._wrote and self._watchers:
                self._mark("committing")
            _end(session, connection, driver, "commit", unheard=True)  # _transaction asked
            if self._wrote and self._watchers:
                self._mark("committed")
        except BaseException:
            self._undo(session, connection, driver)
            raise
        finally:
            self._active = None
            session.outside = session.outside_driver = session.outside_connection = None
            if session._transaction is not None or session.identity_map:  # else: nothing to let go of
                session.close()
        return result

    def _undo(self, session: Session, connection: Connection, driver: Any) -> None:
        """Roll back what the failed write began, at every level that holds some of it. A rollback
        that fails leaves the connection in doubt: it is dropped, the next write opens another."""
        try:
            _end(session, connection, driver, "rollback")
        except Exception:
            log.exception("rolling back a failed write failed; the lane reconnects")
            connection.invalidate()

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
        # the lane's own transaction (``_own_transaction``) may have begun on the driver already
        if self._on_begin is None or not connection.connection.driver_connection.in_transaction:
            self._begin_now(connection)

    def _begin_now(self, connection: Connection, driver: Any = None) -> None:
        """The write's database transaction begins: ``on_begin`` (SQLite: ``BEGIN IMMEDIATE``;
        ``driver``: the driver connection, when nobody listens to the connection's statements)."""
        self._wrote = True
        if self._on_begin is not None:
            self._on_begin(connection, driver)
        if self._watchers:
            self._mark("begun")

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
