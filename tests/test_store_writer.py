"""The one writer lane: one write at a time, one transaction each, errors to the caller; a person's
decision on its own thread, before the queue."""
from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import func, select, text

from app.foreground import FOREGROUND
from app.store.models import SyncStateRow
from app.store.sync_state import all_states, get_state, set_state
from app.store.writer import THREAD_NAME, WriterClosed
from room_helpers import wait_for
from store_helpers import NOW, db, pg_url, sqlite_db, sqlite_template  # noqa: F401


class Boom(Exception):
    pass


def _count(database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(SyncStateRow))


def test_writes_run_on_the_lane_thread_and_return_their_value(db):
    def where(session, suffix):
        set_state(session, "k", "v", NOW)
        return threading.current_thread().name + suffix

    assert db.call(where, "!") == THREAD_NAME + "!"
    assert db.writer.thread.daemon


def test_an_exception_reaches_the_caller_and_the_write_is_rolled_back(db):
    def write_then_fail(session):
        set_state(session, "half", "done", NOW)
        session.flush()
        raise Boom("mid-write")

    future = db.submit(write_then_fail)
    with pytest.raises(Boom, match="mid-write"):
        future.result(timeout=10)
    with pytest.raises(Boom):
        db.call(write_then_fail)
    assert _count(db) == 0
    db.call(set_state, "after", "ok", NOW)  # the lane lives on
    assert _count(db) == 1


def test_a_write_from_the_lane_runs_inline(db):
    def outer(session):
        set_state(session, "outer", "1", NOW)
        inner = db.call(set_state, "inner", "2", NOW)  # would deadlock if it queued
        return inner, threading.current_thread().name

    assert db.call(outer) == (None, THREAD_NAME)
    with db.read() as session:
        assert all_states(session) == {"inner": "2", "outer": "1"}


def test_a_failed_inline_write_undoes_only_its_own_part(db):
    def failing(session):
        set_state(session, "inner", "x", NOW)
        session.flush()
        raise Boom

    def outer(session):
        set_state(session, "outer", "1", NOW)
        future = db.submit(failing)
        assert future.done()
        return type(future.exception()).__name__

    assert db.call(outer) == "Boom"
    with db.read() as session:
        assert all_states(session) == {"outer": "1"}


def test_a_write_from_a_done_callback_runs_inline(db):
    landed = threading.Event()
    chained = []

    def follow_up(_future):
        chained.append(db.submit(set_state, "second", "2", NOW))
        landed.set()

    db.submit(set_state, "first", "1", NOW).add_done_callback(follow_up)
    assert landed.wait(10)
    chained[0].result(timeout=10)
    with db.read() as session:
        assert get_state(session, "second") == "2"


def test_concurrent_submitters_all_land(db):
    def submitter(n: int) -> None:
        futures = [db.submit(set_state, f"t{n}-{i}", str(i), NOW) for i in range(100)]
        for future in futures:
            future.result(timeout=30)

    threads = [threading.Thread(target=submitter, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert _count(db) == 400


def test_reads_do_not_wait_for_a_long_write(db):
    db.call(set_state, "k", "before", NOW)
    inside, release = threading.Event(), threading.Event()

    def long_write(session):
        set_state(session, "k", "after", NOW)
        session.flush()
        inside.set()
        if not release.wait(10):
            raise TimeoutError("test never released the write")

    future = db.submit(long_write)
    try:
        assert inside.wait(10)
        with db.read() as session:  # answered while the lane holds its transaction
            assert get_state(session, "k") == "before"
    finally:
        release.set()
    future.result(timeout=10)
    with db.read() as session:
        assert get_state(session, "k") == "after"


def test_a_scan_decision_runs_before_the_background_writes_still_queued(db):
    order: list[str] = []
    inside, release = threading.Event(), threading.Event()

    def running(session):
        inside.set()
        if not release.wait(10):
            raise TimeoutError("test never released the write")
        order.append("running")

    def note(name):
        return lambda session: order.append(name)

    first = db.submit(running)
    assert inside.wait(10)
    background = [db.submit(note(f"sync page {n}")) for n in range(3)]
    answers: list[int] = []
    scan = threading.Thread(target=lambda: answers.append(db.writer.call_first(
        lambda s: order.append("scan") or 7)))
    scan.start()
    wait_for(lambda: db.writer.callers_waiting == 1, timeout=10, what="the scan waits for the running write")
    release.set()
    scan.join(10)
    for future in (first, *background):
        future.result(timeout=10)
    assert answers == [7]
    # the write running when the scan came finishes; then the scan; then the rest in their order
    assert order == ["running", "scan", "sync page 0", "sync page 1", "sync page 2"]


def test_a_write_queued_while_decisions_come_back_to_back_runs_between_two_of_them(db):
    """A packer (or a benchmark) deciding without pause must not keep the queue waiting: the WAL
    checkpoint's last step is a queued write, and without it the WAL grows at every commit."""
    order: list[str] = []
    inside, release = threading.Event(), threading.Event()

    def first_decision(session):
        inside.set()
        if not release.wait(10):
            raise TimeoutError("test never released the decision")
        order.append("decision 1")

    def back_to_back():
        db.writer.call_first(first_decision)
        db.writer.call_first(lambda session: order.append("decision 2"))  # at once, no pause

    decider = threading.Thread(target=back_to_back)
    decider.start()
    assert inside.wait(10)
    queued = db.submit(lambda session: order.append("queued"))
    wait_for(lambda: db.writer.lane_waiting, timeout=10, what="the queued write waits for the decision")
    release.set()
    decider.join(10)
    queued.result(timeout=10)
    assert order == ["decision 1", "queued", "decision 2"]


def test_a_scan_decision_runs_on_its_callers_thread_and_what_it_writes_inside_joins_it(db):
    def decide(session):
        set_state(session, "scan", "1", NOW)
        db.call(set_state, "inside", "2", NOW)  # from the thread writing now: inline, not queued
        with pytest.raises(Boom):
            db.call(lambda inner: (set_state(inner, "undone", "3", NOW), inner.flush(), _raise(Boom())))
        return threading.current_thread().name

    assert db.writer.call_first(decide) == threading.current_thread().name
    with db.read() as session:
        assert all_states(session) == {"inside": "2", "scan": "1"}
    with pytest.raises(Boom):
        db.writer.call_first(lambda session: (set_state(session, "k", "v", NOW), session.flush(), _raise(Boom())))
    assert _count(db) == 2  # the failed decision was rolled back
    assert db.writer.call_first(lambda session: db.writer.in_lane()) is True
    assert not db.writer.in_lane()  # once its decision is over, the caller is not writing


def test_two_writes_never_overlap_decisions_and_queue_alike(db):
    inside, most, lock = [0], [0], threading.Lock()

    def write(session, key):
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        set_state(session, key, "x", NOW)
        session.flush()
        with lock:
            inside[0] -= 1

    queued = [db.submit(write, f"q{n}") for n in range(40)]
    deciders = [threading.Thread(target=lambda n=n: [db.writer.call_first(write, f"d{n}.{k}") for k in range(10)])
                for n in range(3)]
    for thread in deciders:
        thread.start()
    for thread in deciders:
        thread.join(30)
    for future in queued:
        future.result(timeout=30)
    assert most[0] == 1
    assert _count(db) == 70


def test_a_scan_decision_after_close_is_refused(sqlite_db):
    sqlite_db.writer.close(timeout=30)
    with pytest.raises(WriterClosed):
        sqlite_db.writer.call_first(set_state, "late", "x", NOW)


def test_a_scan_decision_is_in_the_foreground_while_it_waits_and_runs(db):
    # app/foreground.py: the sync's parsing gives way while a person waits for a decision
    assert db.writer.call_first(lambda session: FOREGROUND.busy()) is True
    assert db.call(lambda session: FOREGROUND.busy()) is False
    assert not FOREGROUND.busy()


def test_close_drains_the_queue_then_refuses(sqlite_db):
    gate = threading.Event()
    first = sqlite_db.submit(lambda session: gate.wait(10))
    queued = [sqlite_db.submit(set_state, f"q{i}", "x", NOW) for i in range(50)]
    gate.set()
    sqlite_db.writer.close(timeout=30)
    assert first.result(timeout=0) is True
    assert all(f.done() and f.exception() is None for f in queued)
    assert not sqlite_db.writer.thread.is_alive()
    with pytest.raises(WriterClosed):
        sqlite_db.submit(set_state, "late", "x", NOW)
    assert _count(sqlite_db) == 50


def test_a_write_takes_the_write_lock_with_its_first_statement_even_a_read(sqlite_db):
    """SQLite: BEGIN IMMEDIATE. A write that reads first cannot fail half-way with SQLITE_BUSY
    because another process wrote between its read and its write."""
    other = sqlite3.connect(sqlite_db.engine.url.database, timeout=0, isolation_level=None,
                            check_same_thread=False)

    def read_then_try_the_other(session):
        assert get_state(session, "k") is None  # a read only, so far
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        set_state(session, "k", "v", NOW)

    try:
        sqlite_db.call(read_then_try_the_other)
        other.execute("BEGIN IMMEDIATE")  # the write committed: the lock is free again
        other.execute("ROLLBACK")
    finally:
        other.close()
    with sqlite_db.read() as session:
        assert get_state(session, "k") == "v"


def test_a_write_that_fails_at_begin_is_a_database_error_and_the_lane_goes_on(sqlite_db):
    """Locked past the busy timeout at BEGIN: SQLAlchemy's OperationalError (``unavailable``)."""
    from sqlalchemy.exc import OperationalError

    from app.store.db import unavailable

    def busy_timeout(session, ms):  # on the lane's connection, for the writes after this one
        session.execute(text(f"PRAGMA busy_timeout = {ms}"))

    sqlite_db.call(busy_timeout, 0)
    other = sqlite3.connect(sqlite_db.engine.url.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError) as raised:
            sqlite_db.call(set_state, "k", "v", NOW)
        assert unavailable(raised.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    sqlite_db.call(busy_timeout, 15_000)
    sqlite_db.call(set_state, "k", "v", NOW)
    assert _count(sqlite_db) == 1


def test_commit_hooks_run_after_writes_that_committed_only(db):
    ran = []
    db.writer.on_commit(lambda: ran.append(threading.current_thread().name))
    db.call(lambda session: None)  # no statement: no transaction, nothing committed
    assert ran == []
    db.call(set_state, "k", "v", NOW)
    assert ran == [THREAD_NAME]
    with pytest.raises(Boom):
        db.call(lambda session: (set_state(session, "k", "w", NOW), session.flush(), _raise(Boom())))
    assert ran == [THREAD_NAME]  # rolled back: nothing to hear about
    db.call(lambda session: db.call(set_state, "inner", "x", NOW))  # a savepoint inside one write
    assert len(ran) == 2
    db.writer.call_first(set_state, "scan", "x", NOW)  # a decision: on its caller's thread (the checkpointer hears)
    assert ran[2:] == [threading.current_thread().name]


@pytest.mark.expect_errors("packdesk.store.writer")
def test_a_hook_that_fails_is_logged_and_the_write_stands(db, caplog):
    db.writer.on_commit(lambda: _raise(RuntimeError("hook bug")))
    with caplog.at_level("ERROR", logger="packdesk.store.writer"):
        assert db.call(set_state, "k", "v", NOW) is None
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == ["a hook after a commit failed"]
    assert _count(db) == 1


def _raise(exc: BaseException):
    raise exc


def _orm_then_core(session, fail: bool = False):
    """A write that mixes the two ways: a Core statement, an ORM object added and read back, a
    Core statement again (SQLite: the first runs in the lane's own transaction, the ORM joins it)."""
    set_state(session, "core-1", "a", NOW)
    session.add(SyncStateRow(key="orm", value="b", updated_at=NOW))
    assert session.get(SyncStateRow, "orm").value == "b"  # autoflushed inside the same transaction
    set_state(session, "core-2", "c", NOW)
    if fail:
        raise Boom("after both ways")


def test_a_write_mixing_core_and_orm_statements_commits_and_fails_as_one(db):
    with pytest.raises(Boom):
        db.call(_orm_then_core, fail=True)
    assert _count(db) == 0  # nothing of it: neither way's part
    with pytest.raises(Boom):
        db.writer.call_first(_orm_then_core, fail=True)
    assert _count(db) == 0
    db.writer.call_first(_orm_then_core)
    with db.read() as session:
        assert all_states(session) == {"core-1": "a", "core-2": "c", "orm": "b"}


def test_an_orm_object_added_with_no_statement_before_is_committed(db):
    db.call(lambda session: session.add(SyncStateRow(key="alone", value="x", updated_at=NOW)))
    with db.read() as session:
        assert all_states(session) == {"alone": "x"}


def test_the_lane_marks_each_writes_transaction_begun_committing_committed(db):
    marks: list[str] = []
    db.writer.watch(marks.append)
    db.call(lambda session: None)  # no statement: no transaction, nothing to mark
    assert marks == []
    db.writer.call_first(set_state, "k", "v", NOW)
    assert marks == ["begun", "committing", "committed"]
    marks.clear()
    db.call(lambda session: db.call(set_state, "inner", "x", NOW))  # its savepoint is no transaction of its own
    assert marks == ["begun", "committing", "committed"]
    marks.clear()
    with pytest.raises(Boom):
        db.call(lambda session: (set_state(session, "k", "w", NOW), _raise(Boom())))
    assert marks == ["begun"]  # rolled back: never committing
    marks.clear()
    db.call(_orm_then_core)
    assert marks == ["begun", "committing", "committed"]


@pytest.mark.expect_errors("packdesk.store.writer")
def test_a_rollback_that_fails_drops_the_connection_and_the_next_write_opens_another(sqlite_db, monkeypatch, caplog):
    from app.store import writer

    def failing(connection, sql):
        if sql == "ROLLBACK":
            raise sqlite3.OperationalError("disk I/O error")
        real(connection, sql)

    put = SyncStateRow.__table__.insert()  # one statement, kept: its second run goes straight to the driver

    def put_then_fail(session):
        session.execute(put, {"key": "k", "value": "w", "updated_at": NOW})
        raise Boom()

    sqlite_db.call(lambda session: session.execute(put, {"key": "before", "value": "x", "updated_at": NOW}))
    real = writer.run_sql
    monkeypatch.setattr(writer, "run_sql", failing)
    with caplog.at_level("ERROR", logger="packdesk.store.writer"), pytest.raises(Boom):
        sqlite_db.call(put_then_fail)
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "rolling back a failed write failed; the lane reconnects"]
    monkeypatch.setattr(writer, "run_sql", real)
    sqlite_db.call(set_state, "after", "ok", NOW)  # a new connection: the half write never landed
    with sqlite_db.read() as session:
        assert all_states(session) == {"after": "ok", "before": "x"}


def test_an_orm_statement_after_a_straight_one_joins_its_transaction(sqlite_db):
    put = SyncStateRow.__table__.insert()  # kept: from its second run on, straight to the driver

    def write(session, key, fail=False):
        session.execute(put, {"key": key, "value": "core", "updated_at": NOW})
        session.add(SyncStateRow(key=key + "-orm", value="orm", updated_at=NOW))
        session.flush()
        if fail:
            raise Boom("after the flush")

    sqlite_db.call(write, "first")  # its first run: the ordinary way
    with pytest.raises(Boom):
        sqlite_db.writer.call_first(write, "second", fail=True)
    sqlite_db.writer.call_first(write, "third")
    with sqlite_db.read() as session:
        assert all_states(session) == {"first": "core", "first-orm": "orm", "third": "core", "third-orm": "orm"}
