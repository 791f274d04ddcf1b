"""Opening the cache: SQLite settings on every connection, read-only sessions, closing."""
from __future__ import annotations

import sqlite3.dbapi2
import threading
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from app.store import default_sqlite_url, open_database, sqlite_conn
from app.store.db import ReadOnlySessionError
from app.store.models import PostingItemRow, SyncStateRow
from app.store.sync_state import get_state, set_state
from app.store.writer import THREAD_NAME, WriterClosed
from store_helpers import NOW, db, pg_url, sqlite_db, sqlite_template  # noqa: F401

PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 15000,
           "wal_autocheckpoint": 0}  # checkpoints: the Checkpointer's thread, never inside a commit


def _pragmas(session) -> dict[str, object]:
    return {name: session.execute(text(f"PRAGMA {name}")).scalar() for name in PRAGMAS}


def test_sqlite_pragmas_hold_on_reader_and_writer_connections(sqlite_db):
    with sqlite_db.read() as session:
        assert _pragmas(session) == PRAGMAS
        assert session.execute(text("PRAGMA cache_size")).scalar() == -2000  # SQLite's own
    assert sqlite_db.call(_pragmas) == PRAGMAS
    # the writer's too: a commit after a b-tree page split walks the whole cache (sqlite_conn.py)
    assert sqlite_db.call(lambda s: s.execute(text("PRAGMA cache_size")).scalar()) == -2000


def test_every_sqlite_connection_keeps_enough_prepared_statements(tmp_path: Path, monkeypatch):
    """The reader's and the writer's: the sqlite3 module keeps 128 unless asked (sqlite_conn.py)."""
    opened = []
    connect = sqlite3.dbapi2.connect

    def spy(*args, **kwargs):
        connection = connect(*args, **kwargs)
        opened.append((threading.current_thread().name, kwargs.get("cached_statements")))
        return connection

    monkeypatch.setattr(sqlite3.dbapi2, "connect", spy)  # what SQLAlchemy's pysqlite dialect calls
    database = open_database(default_sqlite_url(tmp_path))
    try:
        database.call(lambda session: set_state(session, "probe", "1", NOW))
        with database.read() as session:
            assert get_state(session, "probe") == "1"
    finally:
        database.close()
    assert THREAD_NAME in {thread for thread, _ in opened}  # the writer lane's connection is among them
    assert {size for _, size in opened} == {sqlite_conn.STATEMENT_CACHE}
    assert sqlite_conn.STATEMENT_CACHE >= 256


def test_pragmas_hold_on_every_new_connection(sqlite_db):
    sqlite_db.engine.dispose()  # the pool's connections are gone: the next ones are new
    barrier = threading.Barrier(3)
    seen = []

    def read() -> None:
        with sqlite_db.read() as session:
            barrier.wait(timeout=10)  # three connections open at once
            seen.append(_pragmas(session))

    threads = [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == [PRAGMAS] * 3


def test_default_url_names_the_file_and_the_data_dir_is_created(tmp_path):
    data_dir = tmp_path / "not" / "yet"
    url = default_sqlite_url(data_dir)
    assert url.startswith("sqlite:///") and url.endswith("/not/yet/packdesk.db")
    with open_database(url) as database:
        database.call(set_state, "k", "v", NOW)
    assert (data_dir / "packdesk.db").is_file()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", "sqlite:///file:x?mode=memory&uri=true"])
def test_in_memory_sqlite_is_refused(url):
    with pytest.raises(ValueError, match="plain file path"):
        open_database(url)


def test_read_sessions_refuse_writes(db):
    with db.read() as session:
        with pytest.raises(ReadOnlySessionError):
            session.execute(insert(SyncStateRow).values(key="k", value="v", updated_at=NOW))
        session.add(SyncStateRow(key="k", value="v", updated_at=NOW))
        with pytest.raises(ReadOnlySessionError):
            session.flush()
    with db.read() as session:
        assert get_state(session, "k") is None


def test_foreign_keys_are_enforced(db):
    def orphan_item(session):
        session.execute(insert(PostingItemRow).values(
            posting_number="NOPE-1", line_no=1, sku=1, offer_id="x", name="x", quantity=1))

    with pytest.raises(IntegrityError):
        db.call(orphan_item)


def test_reads_see_committed_writes(db):
    db.call(set_state, "cursor", "42", NOW)
    with db.read() as session:
        assert get_state(session, "cursor") == "42"


def test_the_checkpointer_copies_the_wal_once_the_writers_pause(sqlite_db):
    checkpointer = sqlite_db.checkpointer
    checkpointer.ran.clear()
    for n in range(5):
        sqlite_db.call(set_state, f"k{n}", "v", NOW)
    assert checkpointer.ran.wait(10)
    busy, frames, copied = checkpointer.last
    assert busy == 0 and frames > 0 and copied == frames  # nobody reading: all of it


def test_a_stream_of_commits_is_checkpointed_completely_without_a_pause(sqlite_db):
    """The bulk is copied beside the writers, the rest between two writes: the copy is complete,
    so the next commit starts the WAL over (one that always trails would let it grow)."""
    checkpointer = sqlite_db.checkpointer
    checkpointer.ran.clear()
    writes = 0
    while not checkpointer.ran.is_set() and writes < 20_000:  # never pausing for quiet_s
        sqlite_db.call(set_state, f"k{writes % 50}", str(writes), NOW)
        writes += 1
    assert checkpointer.ran.is_set()
    busy, frames, copied = checkpointer.last
    assert busy == 0 and copied == frames > 0


def test_close_stops_the_lane_and_refuses_new_writes(tmp_path: Path):
    database = open_database(default_sqlite_url(tmp_path))
    lane, checkpoints = database.writer.thread, database.checkpointer.thread
    assert lane.name == THREAD_NAME and lane.daemon and checkpoints.daemon
    database.close()
    assert not lane.is_alive() and not checkpoints.is_alive()
    with pytest.raises(WriterClosed):
        database.submit(set_state, "k", "v", NOW)


def test_two_databases_on_one_sqlite_file_both_write(tmp_path: Path):
    """Two benches (or processes) writing the same SQLite file: every write lands."""
    url = default_sqlite_url(tmp_path)
    first, second = open_database(url), open_database(url)
    try:
        futures = [
            database.submit(set_state, f"{name}-{n}", str(n), NOW)
            for n in range(50)
            for name, database in (("a", first), ("b", second))
        ]
        for future in futures:
            future.result(timeout=30)
        with first.read() as session:
            count = session.execute(text("SELECT count(*) FROM sync_state")).scalar()
        assert count == 100
    finally:
        first.close()
        second.close()
