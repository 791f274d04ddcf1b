"""How packdesk talks to SQLite: pragmas on every connection, and BEGIN emitted by us.

WAL mode, ``synchronous = FULL``, foreign keys, a busy timeout, and no automatic WAL checkpoint
(``checkpoint.Checkpointer`` runs them on a thread of its own, off the committing thread).

The sqlite3 module's own transaction handling skips BEGIN before SELECT and DDL, so reads are not
repeatable and DDL autocommits (SQLAlchemy docs, "Transactions with SQLite and the sqlite3
driver"). We switch it off and emit ``BEGIN <mode>`` from SQLAlchemy's ``begin`` event; the mode
comes from the connection's execution options: DEFERRED for readers, EXCLUSIVE for migrations.

The writer lane has an engine of its own (``writer_engine``): the same pragmas and no connection
events at all (with any listener on an engine SQLAlchemy dispatches its events around every
statement, a sixth of a scan's work); the lane emits ``BEGIN IMMEDIATE`` itself
(``begin_immediate``) as a write's transaction takes its connection.

Every connection keeps SQLite's own page cache (2,000 KiB), the writer's too. A larger one for the
writer (64 MB, which kept an idle item scan's candidate postings in memory) made about one commit in
a hundred take 3-10 ms instead of 0.4: when an insert splits a b-tree page, SQLite may put the new
pages in order by renumbering them through a spare page number (the lock-byte page's, 262,145 with
4096-byte pages), and the COMMIT then walks the whole cache to drop what lies past the database's
end, a walk as long as the cache is big (``benchmarks/bench_station.py --writer-cache-mib 64`` shows
it: the commit's p99 1.2-3.1 ms with 64 MB, 0.5-1.2 ms without).

Every connection keeps its last ``STATEMENT_CACHE`` prepared statements (the sqlite3 module's own
cache, 128 by default). The writer's connection ran 126-130 different statements in 300-600 scans
of the demo, about the cache's size, and a sync page renders its ``IN (...)`` lists once per page
length. A burst of writes that pushes a scan's statements out makes that scan prepare them again
(``benchmarks/bench_station.py --churn``).
"""
from __future__ import annotations

import logging
import sqlite3
import time
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from app.store import direct, json_text

log = logging.getLogger("packdesk.store")

BUSY_TIMEOUT_MS = 15_000  # writes are short; only a migration by another opener holds a lock this long
BEGIN_OPTION = "packdesk_sqlite_begin"
BEGIN_MODES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")
# the cache's engines write and read JSON columns with these (the same text as json's, quicker)
JSON_TEXT = {"json_serializer": json_text.dumps, "json_deserializer": json_text.loads}
STATEMENT_CACHE = 512  # prepared statements kept by each connection (see the module's doc)
# what the cache's engines ask the sqlite3 module for, each connection (a benchmark may change it first)
CONNECT_ARGS = {"cached_statements": STATEMENT_CACHE}


def install(engine: Engine) -> None:
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)


def writer_engine(engine: Engine) -> Engine:
    """An engine on ``engine``'s database for the writer lane: pragmas, no connection events."""
    writer = create_engine(engine.url, connect_args=dict(CONNECT_ARGS), **JSON_TEXT)
    event.listen(writer, "connect", _on_connect)
    return writer


def begin_immediate(connection: Connection, driver: Any = None) -> None:
    """Take the write lock at BEGIN: a deferred transaction that reads first and then writes can
    fail at once with SQLITE_BUSY when another connection (another process) wrote meanwhile.
    (``driver``: ``direct.run_sql``'s, the caller knows nobody listens.)"""
    direct.run_sql(connection, "BEGIN IMMEDIATE", driver)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (_on_begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = _journal_mode_wal(cursor)
        if str(mode).lower() != "wal":
            log.warning("SQLite refused WAL mode (journal_mode=%s)", mode)
        cursor.execute("PRAGMA synchronous = FULL")
        # no checkpoint inside a COMMIT: the database's Checkpointer thread does them (checkpoint.py)
        cursor.execute("PRAGMA wal_autocheckpoint = 0")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _journal_mode_wal(cursor: Any) -> str:
    """``PRAGMA journal_mode = WAL``, waiting for the lock as the busy timeout would. Changing a
    database's journal mode (the first opener of a new file) answers "database is locked" at once,
    without SQLite's busy handler, to another connection opening it at the same moment."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    if mode not in BEGIN_MODES:
        raise ValueError(f"unknown SQLite BEGIN mode {mode!r}")
    connection.exec_driver_sql(f"BEGIN {mode}")
