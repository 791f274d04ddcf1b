"""The schema's versions: Alembic migrations in ``app/store/migrations``, run from code.

No alembic.ini is needed: :func:`alembic_config` builds the configuration. Opening the cache
calls :func:`upgrade`, which holds a database-wide lock while it migrates, so two stations (or
processes) opening the same database at once migrate it once; the second finds it at head.

A new migration, for developers (autogenerate compares ``app.store.models`` with a database
brought to head first)::

    .venv/bin/python -c "from alembic import command; from app.store.migrate import alembic_config; \\
        command.revision(alembic_config(url='sqlite:////tmp/rev.db'), 'what changed', autogenerate=True)"
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from app.store import sqlite_conn

log = logging.getLogger("packdesk.store.migrations")

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
HEAD = "head"
# how long a second opener waits for the first one's migration (SQLite)
MIGRATION_BUSY_TIMEOUT_MS = 120_000
# pg_advisory_xact_lock key: "packdesk" in ASCII, read as a number
PG_LOCK_KEY = 0x7061636B6465736B


class MigrationError(RuntimeError):
    """The schema could not be brought up to date."""


def alembic_config(connection: Connection | None = None, *, url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise MigrationError("no migrations found in " + str(MIGRATIONS_DIR))
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Bring the schema to ``revision`` (default: the newest), under a database-wide lock."""
    _locked(engine, lambda cfg: command.upgrade(cfg, revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (developers and tests; the app only upgrades)."""
    _locked(engine, lambda cfg: command.downgrade(cfg, revision))


def _locked(engine: Engine, step: Callable[[Config], None]) -> None:
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            _sqlite_locked(connection, step)
        else:
            _server_locked(connection, step)


def _server_locked(connection: Connection, step: Callable[[Config], None]) -> None:
    with connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
        _run(connection, step)


def _sqlite_locked(connection: Connection, step: Callable[[Config], None]) -> None:
    # Foreign keys off while tables may be rebuilt (batch mode drops and renames tables: with
    # foreign keys on, dropping `postings` would cascade to its items); checked before commit.
    # These pragmas work only outside a transaction, so they go straight to the driver.
    raw = connection.connection.driver_connection
    busy_timeout = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute(f"PRAGMA busy_timeout = {MIGRATION_BUSY_TIMEOUT_MS}")
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        # EXCLUSIVE: a second opener waits here, then finds the schema already at head
        with connection.execution_options(**{sqlite_conn.BEGIN_OPTION: "EXCLUSIVE"}).begin():
            _run(connection, step)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationError(f"migration left rows without their parent: {broken[:5]}")
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
        raw.execute(f"PRAGMA busy_timeout = {int(busy_timeout)}")


def _run(connection: Connection, step: Callable[[Config], None]) -> None:
    before = current_revision(connection)
    step(alembic_config(connection))
    after = current_revision(connection)
    if before != after:
        log.info("cache schema migrated from %s to %s", before or "empty", after)
