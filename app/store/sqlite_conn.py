"""How packdesk talks to SQLite: pragmas on every connection, and BEGIN emitted by us.

WAL mode, ``synchronous = FULL``, foreign keys, a busy timeout, and no automatic WAL checkpoint
(``checkpoint.Checkpointer`` runs them on a thread of its own, off the committing thread).

The sqlite3 module's own transaction handling skips BEGIN before SELECT and DDL, so reads are not
repeatable and DDL autocommits (SQLAlchemy docs, "Transactions with SQLite and the sqlite3
driver"). We switch it off and emit ``BEGIN <mode>`` from SQLAlchemy's ``begin`` event; the mode
comes from the connection's execution options: DEFERRED for readers, IMMEDIATE for the writer
lane, EXCLUSIVE for migrations.
"""
from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, event

log = logging.getLogger("packdesk.store")

BUSY_TIMEOUT_MS = 15_000  # writes are short; only a migration by another opener holds a lock this long
BEGIN_OPTION = "packdesk_sqlite_begin"
BEGIN_MODES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")


def install(engine: Engine) -> None:
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (_on_begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("SQLite refused WAL mode (journal_mode=%s)", mode)
        cursor.execute("PRAGMA synchronous = FULL")
        # no checkpoint inside a COMMIT: the database's Checkpointer thread does them (checkpoint.py)
        cursor.execute("PRAGMA wal_autocheckpoint = 0")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    if mode not in BEGIN_MODES:
        raise ValueError(f"unknown SQLite BEGIN mode {mode!r}")
    connection.exec_driver_sql(f"BEGIN {mode}")
